// Reported by the `ip addrlabel` reader (src/dialects/addrlabel-dialect.ts): a label bound
// to one interface, which no other policy table can express.
import type { ReaderMessages } from '../dialects/reader-finding.js';
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'interface-label',
    defaultSeverity: 'warning',
    description: 'An `ip addrlabel` row bound to one interface (`dev IF`), which is read as applying on every interface.',
    fixable: 'no',
    dialects: ['ip6addrctl'],
    phase: 'reader',
  },
  messages: {
    addrlabelDev: ({ dev }) =>
      `\`dev ${dev}\`: this label applies on ${dev} only; policy tables elsewhere have no per-interface rows, so it is read as applying everywhere.`,
  } satisfies ReaderMessages<'interface-label'>,
} satisfies Rule;
