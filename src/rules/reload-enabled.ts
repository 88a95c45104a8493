// `reload yes` makes glibc stat gai.conf and take a lock on every sorting lookup, for
// the life of each process once it was ever on.
import type { ReloadEntry } from '../model/ast.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'reload-enabled',
    defaultSeverity: 'warning',
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
        '`reload yes`: glibc checks gai.conf\'s modification time and takes a lock on every getaddrinfo call that sorts, and once on it stays on for the life of the process (deleting this line later does not turn it off in running programs; `reload no` does). ' +
        'Remove it unless programs must see gai.conf edits without a restart.',
      span: last.span,
    });
  },
};
