// Reported by the lint engine (src/lint/directives.ts): a disable comment that suppressed
// nothing, or names no rule.
import type { Rule } from './rule.js';

export type DisableScope = 'file' | 'line' | 'next-line';

const where = (scope: DisableScope) => (scope === 'file' ? 'in this file' : scope === 'line' ? 'on this line' : 'on the next line');

export const rule = {
  meta: {
    id: 'unused-disable',
    defaultSeverity: 'warning',
    description: 'A policylint-disable comment that suppresses nothing (or names no known rule).',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  messages: {
    unknownRule: ({ name }: { readonly name: string }) =>
      `\`${name}\` is not a policylint rule, so this disable comment does nothing. Check the id with \`policylint rules\`.`,
    unusedRule: ({ name, scope }: { readonly name: string; readonly scope: DisableScope }) =>
      `Unused disable: no \`${name}\` problem is reported ${where(scope)}. Remove it.`,
    unusedAll: ({ scope }: { readonly scope: DisableScope }) => `Unused disable: no problem is reported ${where(scope)}. Remove it.`,
  },
} satisfies Rule;
