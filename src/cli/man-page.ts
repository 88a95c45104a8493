// policylint(1), in roff, from the same command tables as parsing, help and completion.
// `npm run build` writes it to man/policylint.1 (scripts/man.mjs); package.json's `man`
// field installs it, so `man policylint` works after `npm install -g`.
import { COMMANDS, loadAllSpecs } from './command-index.js';
import { HELP_OPTION, optionLabel, optionText, usageLine, type CommandSpec } from './option-table.js';
import { VERSION } from './version.js';

/** Text for roff: backslashes and dashes escaped, no line starting with a control character. */
export function roffText(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

const bold = (s: string) => `\\fB${roffText(s)}\\fR`;

function commandSection(spec: CommandSpec): string[] {
  const out = [`.SS "${roffText(usageLine(spec))}"`, roffText(spec.summary + '.')];
  if (spec.description) out.push('.PP', roffText(spec.description.replace(/\n/g, ' ')));
  for (const p of spec.positionals) out.push('.TP', `\\fI${roffText(p.display)}\\fR`, roffText(p.describe));
  for (const o of [...spec.options, HELP_OPTION]) out.push('.TP', bold(optionLabel(o).trim()), roffText(optionText(o)));
  if (spec.examples.length) {
    out.push('.PP', 'Examples:');
    for (const [cmd, what] of spec.examples) out.push('.PP', '.RS 4', '.nf', bold(cmd), '.fi', roffText(what), '.RE');
  }
  return out;
}

export function renderManPage(specs: readonly CommandSpec[]): string {
  const lines = [
    `.TH POLICYLINT 1 "" "policylint ${VERSION}" "User Commands"`,
    '.SH NAME',
    'policylint \\- lint, convert and explain IPv6 address\\-selection policy tables',
    '.SH SYNOPSIS',
    ...COMMANDS.flatMap((c, i) => [...(i ? ['.br'] : []), `.B policylint`, roffText(c.synopsis)]),
    '.SH DESCRIPTION',
    roffText(
      'policylint reads FreeBSD /etc/ip6addrctl.conf and glibc /etc/gai.conf policy tables the way the real parsers do, ' +
        'says line by line what the system will really do with them and how to fix it, converts between dialects with an exact ' +
        'equivalence check, and simulates RFC 6724 destination and source address selection.',
    ),
    '.PP',
    roffText(
      'The first word picks the command; lint is the default. A command word wins over a file of that name (./show lints a file called show); a word close to a command that is no existing file is reported as a typo, with a suggestion. After --, every word is a file.',
    ),
    '.SH COMMANDS',
    ...specs.flatMap(commandSection),
    '.SH CONFIGURATION',
    roffText(
      'lint reads .policylint.json, found from each linted file\'s folder upwards (stopping at a repository root), or --config FILE. Rule severities are "error", "warning" (or "warn"), "info", "off", or 2, 1, 0 as in ESLint. Inline comments: # policylint-disable-next-line RULE, # policylint-disable-line RULE, # policylint-disable RULE.',
    ),
    '.SH ENVIRONMENT',
    '.TP',
    bold('NO_COLOR'),
    roffText('When set to a non-empty value, no colour (https://no-color.org).'),
    '.TP',
    bold('FORCE_COLOR'),
    roffText('0 (or false) turns colour off; 1, 2, 3 (or true, or empty) turn it on, even in a pipe. --color and --no-color win over both.'),
    '.TP',
    bold('POLICYLINT_SYSTEM_ROOT'),
    roffText('The folder under which a bare policylint looks for etc/gai.conf and etc/ip6addrctl.conf (default /).'),
    '.TP',
    bold('POLICYLINT_DEBUG'),
    roffText('When set, an internal error also prints its stack trace.'),
    '.SH FILES',
    '.TP',
    bold('/etc/gai.conf'),
    roffText('glibc getaddrinfo(3) configuration; linted when no file is given.'),
    '.TP',
    bold('/etc/ip6addrctl.conf'),
    roffText('FreeBSD address selection policy, installed by ip6addrctl(8); linted when no file is given.'),
    '.TP',
    bold('.policylint.json'),
    roffText('Rule severities, site prefixes, glibc version.'),
    '.SH EXIT STATUS',
    '.TP',
    '0',
    roffText('Success: nothing wrong was found, or the command did what it was asked.'),
    '.TP',
    '1',
    roffText('The answer is "no": errors (or more warnings than --max-warnings), two policies differ, a translation was refused.'),
    '.TP',
    '2',
    roffText(
      'Usage or I/O: an unknown command or option, a missing or bad value, a file that cannot be read or written, a folder with no policy files, a glob that matches nothing. One line on standard error.',
    ),
    '.SH SEE ALSO',
    'gai.conf(5), getaddrinfo(3), ip6addrctl(8), RFC 6724',
    '.PP',
    'https://github.com/policylint/policylint',
  ];
  return lines.join('\n') + '\n';
}

/** The whole page, for the build. */
export async function manPage(): Promise<string> {
  return renderManPage(await loadAllSpecs());
}
