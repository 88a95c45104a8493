// Reported by the lint engine (src/lint/lint.ts) when policylint itself fails on a file:
// the API never throws, a bug becomes this message.
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'internal-error',
    defaultSeverity: 'error',
    description: 'policylint failed on this file (a bug): the file could not be checked.',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
  messages: {
    crashed: ({ error }: { readonly error: string }) => `policylint failed on this file (a bug, please report it): ${error}`,
  },
} satisfies Rule;
