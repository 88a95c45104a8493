// Convert a policy read in one dialect to another, and prove the result means the same:
// the output is read back with the target's own reader and compared with the source
// over the whole address space, for every table (labels, precedences, IPv4 scopes). A
// translation that fails the check is never returned as good (`check.equivalent` is
// false and the caller refuses to write it); when it fails only by what the target
// cannot express (`lost`), the caller may write it on request (--force).
import { comment, documentOf, type DocItem } from '../dialects/document.js';
import { readDiagnosed } from '../rules/render-finding.js';
import { formatDocument, semanticsOf, type ConvertDialect, type ReadPolicy } from '../dialects/registry.js';
import { comparePolicies, type EquivalenceResult } from './equivalence.js';
import { glibcToRows } from './gai-to-rows.js';
import { modelOf, type Values } from '../model/policy-meaning.js';
import { rowsToOther } from './rows-to-other.js';
import { conversionHeader } from './header.js';
import { describeLostScopes, losesScopev4, lostScopeRegions } from './inexpressible.js';
import { NAMES } from './value-limits.js';
import { withoutRefusedRows } from './shown-table.js';

export interface ConvertResult {
  /** Set when the output fails the target dialect's own reader: it must not be written. */
  readonly unreadable?: string;
  readonly output: string;
  /** What could not be carried over; each is also a comment in the output. */
  readonly warnings: string[];
  /**
   * What the target dialect cannot express, one line per address range (today: IPv4
   * scopes from a gai.conf scopev4 table). Not empty only when check.scopeRegions is
   * not: the translation then means something else, and is written only on request.
   */
  readonly lost: string[];
  readonly check: EquivalenceResult;
}

/** True when the translation differs from its source only by what the target cannot express. */
export const onlyInexpressible = (result: ConvertResult) =>
  result.unreadable === undefined && result.check.regions.length === 0 && result.lost.length > 0 && result.lost.length === result.check.scopeRegions.length;

export function convertPolicy(source: ReadPolicy, to: ConvertDialect): ConvertResult {
  const target = semanticsOf(to, source.semantics);
  const eol = source.policy.eol;
  const meaning = modelOf(source.policy, source.semantics);
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
    const scopesAgree = lostScopeRegions(meaning, target).length === 0;
    ({ items, warnings } = glibcToRows(source.policy, NAMES[target], scopesAgree));
    if (target === 'linux-kernel') {
      const message = "precedence is lost: Linux kernel labels (ip addrlabel) have none, and they steer source address selection only, not glibc's sorting";
      warnings.push(message);
      items.unshift(comment(`policylint: ${message}`));
    }
    items.unshift(...conversionHeader('gai.conf', NAMES[target], true));
  } else {
    const converted = rowsToOther(source, target);
    ({ items, warnings, expect } = converted);
    items.unshift(...conversionHeader(source.dialect, NAMES[target], false));
  }
  // `ip6addrctl show` prints the kernel's table: without the rows it refused.
  if (to === 'show') items = withoutRefusedRows(items);
  if (to === 'show' && items.some((i) => i.kind === 'comment' || ('comment' in i && i.comment))) {
    warnings.push('`ip6addrctl show` output has no comments: they are left out');
  }

  const output = formatDocument(to, { items, eol }, target);
  // Rendered, because a refusal quotes the target reader's message.
  const reread = readDiagnosed(to, output);
  const problems = reread.diagnostics.filter((d) => d.severity === 'error');
  // A translation the target's own reader rejects is refused, never written.
  if (problems.length > 0)
    return { output, warnings, lost: [], check: { equivalent: false, regions: [], scopeRegions: [], labelsOnly: false }, unreadable: problems[0]!.message };
  const check = comparePolicies(meaning, modelOf(reread.policy, reread.semantics), expect ? { expect } : {});
  // A scope difference is a loss the target cannot avoid only when it has no scopev4.
  const lost = losesScopev4(source.semantics, target) ? describeLostScopes(to, target, check.scopeRegions) : [];
  return { output, warnings, lost, check };
}
