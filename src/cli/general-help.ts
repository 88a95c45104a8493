// `policylint --help`: the command list, from the command index (no command module loads).
import { COMMANDS } from './command-index.js';
import { VERSION } from './version.js';

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.synopsis.length));
  const rows = COMMANDS.map((c) => `  policylint ${c.synopsis.padEnd(width)}  ${c.summary}`);
  return `policylint ${VERSION}: lint, convert and explain IPv6 address-selection policy tables
(FreeBSD /etc/ip6addrctl.conf, glibc /etc/gai.conf)

Usage:
${rows.join('\n')}

  policylint --version, -v                print the version
  policylint --help, -h                   print this help

With no FILE, policylint lints this machine's /etc/gai.conf and /etc/ip6addrctl.conf.
Run 'policylint help COMMAND' for a command's options and examples; 'man policylint' for all.
Exit codes: 0 clean, 1 problems found, 2 usage or I/O error.
`;
}
