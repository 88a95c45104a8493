// Whether to colour, by the conventions users set once for every tool:
//   --color / --no-color   win over everything;
//   FORCE_COLOR            0 or false: off; 1, 2, 3, true or empty: on, even in a pipe;
//   NO_COLOR               non-empty: off (https://no-color.org: an empty value is "unset");
//   otherwise              on when standard output is a terminal and TERM is not dumb.
// Node's own stream.hasColors() is not used: it exists only on a TTY stream (so it cannot
// honour FORCE_COLOR in a pipe) and treats an empty NO_COLOR as set.
import { styleText } from 'node:util';

/** `isTTY` is asked last, and only when nothing else decides (finding out can cost a cold start). */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: () => boolean, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (env.NO_COLOR) return false;
  return env.TERM !== 'dumb' && isTTY();
}

export type Style = 'red' | 'yellow' | 'cyan' | 'dim' | 'bold';

/** Style `text` when `on`. util.styleText's own stream check is off: the decision is made above. */
export function paint(on: boolean, style: Style, text: string): string {
  return on ? styleText(style, text, { validateStream: false }) : text;
}
