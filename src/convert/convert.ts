// Convert a policy read in one dialect to another, and prove the result means the same:
// the output is read back with the target's own reader and compared with the source
// over the whole address space. A translation that fails the check is never returned
// as good (`check.equivalent` is false and the caller refuses to write it).
import { BLANK, comment, documentOf, type DocItem } from '../dialects/document.js';
import { readDiagnosed } from '../rules/render-finding.js';
import { formatDocument, semanticsOf, type ConvertDialect, type ReadPolicy } from '../dialects/registry.js';
import { comparePolicies, type EquivalenceResult } from './equivalence.js';
import { glibcToRows } from './gai-to-rows.js';
import { modelOf, type Values } from '../model/policy-meaning.js';
import { rowsToOther } from './rows-to-other.js';
import { NAMES } from './value-limits.js';

export interface ConvertResult {
  /** Set when the output fails the target dialect's own reader: it must not be written. */
  readonly unreadable?: string;
  readonly output: string;
  /** What could not be carried over; each is also a comment in the output. */
  readonly warnings: string[];
  readonly check: EquivalenceResult;
}

export function convertPolicy(source: ReadPolicy, to: ConvertDialect): ConvertResult {
  const target = semanticsOf(to, source.semantics);
  const eol = source.policy.eol;
  let items: DocItem[];
  let warnings: string[] = [];
  let expect: ((v: Values) => Values) | undefined;

  if (source.semantics === target) {
    items = [...documentOf(source.policy).items];
    if (!source.policy.installable) {
      // Same meaning: a file install aborts on means an empty table.
      items = items.filter((i) => i.kind !== 'row');
      warnings.push('ip6addrctl install aborts on this file (parse failure) and installs nothing: converted as an empty table');
      items.unshift(comment(`policylint: ${warnings[0]}`));
    }
  } else if (source.semantics === 'glibc') {
    ({ items, warnings } = glibcToRows(source.policy, NAMES[target]));
    if (target === 'linux-kernel') {
      const message = "precedence is lost: Linux kernel labels (ip addrlabel) have none, and they steer source address selection only, not glibc's sorting";
      warnings.push(message);
      items.unshift(comment(`policylint: ${message}`));
    }
  } else {
    const converted = rowsToOther(source, target);
    ({ items, warnings, expect } = converted);
    items.unshift(comment(`Converted from ${source.dialect} by policylint for ${NAMES[target]}.`), BLANK);
  }
  if (to === 'show' && items.some((i) => i.kind === 'comment' || ('comment' in i && i.comment))) {
    warnings.push('`ip6addrctl show` output has no comments: they are left out');
  }

  const output = formatDocument(to, { items, eol }, target);
  // Rendered, because a refusal quotes the target reader's message.
  const reread = readDiagnosed(to, output);
  const problems = reread.diagnostics.filter((d) => d.severity === 'error');
  // A translation the target's own reader rejects is refused, never written.
  if (problems.length > 0) return { output, warnings, check: { equivalent: false, regions: [], labelsOnly: false }, unreadable: problems[0]!.message };
  const check = comparePolicies(modelOf(source.policy, source.semantics), modelOf(reread.policy, reread.semantics), expect ? { expect } : {});
  return { output, warnings, check };
}
