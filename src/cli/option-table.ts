// A command's options as data: yargs builds --help from it, and the lint fast path parses
// with node:util parseArgs from the same table, so `policylint FILE` never loads yargs.
import { parseArgs } from 'node:util';
import type { Argv } from 'yargs';
import { UsageError } from './command.js';

export interface OptionSpec {
  readonly name: string;
  readonly alias?: string;
  readonly type: 'string' | 'boolean' | 'number';
  readonly describe: string;
  readonly default?: string | boolean | number;
  readonly choices?: readonly string[];
}

export function addOptions(y: Argv, options: readonly OptionSpec[]): Argv {
  for (const o of options) {
    y = y.option(o.name, {
      type: o.type,
      describe: o.describe,
      ...(o.alias ? { alias: o.alias } : {}),
      ...(o.default !== undefined ? { default: o.default } : {}),
      ...(o.choices ? { choices: [...o.choices] } : {}),
    });
  }
  return y;
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Parse argv with parseArgs; the result has both dashed and camelCase keys, like yargs. */
export function parseWithTable(command: string, argv: readonly string[], options: readonly OptionSpec[], positionalName: string): Record<string, unknown> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(
        options.map((o) => [o.name, { type: o.type === 'boolean' ? 'boolean' : 'string', ...(o.alias ? { short: o.alias } : {}) } as const]),
      ),
    });
  } catch (error) {
    throw new UsageError(`policylint ${command}: ${(error as Error).message.replace(/\. To specify a positional.*$/s, '')}`);
  }
  const out: Record<string, unknown> = { [positionalName]: parsed.positionals };
  for (const o of options) {
    let value: unknown = (parsed.values as Record<string, unknown>)[o.name] ?? o.default;
    if (value !== undefined && o.type === 'number') {
      const n = Number(value);
      if (typeof value === 'string' && (value.trim() === '' || !Number.isFinite(n))) throw new UsageError(`policylint ${command}: --${o.name} needs a number, got "${value}"`);
      value = n;
    }
    if (value !== undefined && o.choices && !o.choices.includes(String(value))) {
      throw new UsageError(`policylint ${command}: --${o.name} must be one of ${o.choices.join(', ')}, got "${String(value)}"`);
    }
    if (value !== undefined) out[o.name] = out[camel(o.name)] = value;
  }
  return out;
}
