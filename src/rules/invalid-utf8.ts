// Reported by the CLI's input layer (src/cli/commands/lint.ts): the file is not UTF-8.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'invalid-utf8',
    defaultSeverity: 'warning',
    description: 'The file is not valid UTF-8; it is read and written back byte for byte.',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
};
