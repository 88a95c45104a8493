// `reload yes` makes glibc stat gai.conf and take a lock on every sorting lookup, for
// the life of each process once it was ever on.
import type { ReloadEntry } from '../model/ast.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'reload-enabled',
    // A cost on every lookup, no change to any order: info (judged by impact).
    defaultSeverity: 'info',
    description: 'gai.conf `reload yes`: a stat and a lock on every getaddrinfo call that sorts.',
    fixable: 'no',
    dialects: ['gai'],
    phase: 'policy',
  },
  check(context) {
    const reloads = context.policy.entries.filter((e): e is ReloadEntry => e.kind === 'reload');
    const last = reloads[reloads.length - 1];
    if (!last?.enabled) return;
    context.report({
      message:
        '`reload yes`: glibc stats gai.conf and takes a lock on every getaddrinfo call that sorts, and it stays on in running programs until they read `reload no`. ' +
        'No order changes; remove it unless programs must see gai.conf edits without a restart.',
      span: last.span,
    });
  },
};
