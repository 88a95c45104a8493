// Convert a policy read in one dialect to another, and prove the result means the same:
// the output is read back with the target's own reader and compared with the source
// over the whole address space, for every table (labels, precedences, IPv4 scopes). A
// translation that fails the check is never returned as good (`check.equivalent` is
// false and the caller refuses to write it); when it fails only by what the target
// cannot express (`lost`), the caller may write it on request (--force).
//
// Two steps, so a caller can let the source go in between (issue 13: at 500k rows the
// source and the read-back output are each hundreds of MB): translatePolicy writes the
// output and keeps only what the source means (step functions); checkTranslation reads
// the output back and compares.
import { comment, documentOf, type DocItem } from '../dialects/document.js';
import { readDiagnosed } from '../rules/render-finding.js';
import { formatDocument, semanticsOf, type ConvertDialect, type ReadPolicy } from '../dialects/registry.js';
import { compareMeanings, meaningOf, type EquivalenceResult, type Meaning } from './equivalence.js';
import { glibcToRows } from './gai-to-rows.js';
import { modelOf, type Semantics, type Values } from '../model/policy-meaning.js';
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

/** A translation not yet checked: its output, and what the source means. */
export interface Translation {
  readonly to: ConvertDialect;
  readonly sourceSemantics: Semantics;
  readonly target: Semantics;
  readonly output: string;
  readonly warnings: string[];
  /** The declared lossy mappings from the source's values to the output's. */
  readonly expect?: (values: Values) => Values;
  readonly meaning: Meaning;
}

export function convertPolicy(source: ReadPolicy, to: ConvertDialect): ConvertResult {
  return checkTranslation(translatePolicy(source, to));
}

export function translatePolicy(source: ReadPolicy, to: ConvertDialect): Translation {
  const target = semanticsOf(to, source.semantics);
  const eol = source.policy.eol;
  const model = modelOf(source.policy, source.semantics);
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
    const scopesAgree = lostScopeRegions(model, target).length === 0;
    ({ items, warnings } = glibcToRows(source.policy, NAMES[target], scopesAgree, model.table));
    if (target === 'linux-kernel') {
      const message = "precedence is lost: Linux kernel labels (ip addrlabel) have none, and they steer source address selection only, not glibc's sorting";
      warnings.push(message);
      items.unshift(comment(`policylint: ${message}`));
    }
    items.unshift(...conversionHeader('gai.conf', NAMES[target], true));
  } else {
    const converted = rowsToOther(source, target, model);
    ({ items, warnings, expect } = converted);
    items.unshift(...conversionHeader(source.dialect, NAMES[target], false));
  }
  // `ip6addrctl show` prints the kernel's table: without the rows it refused.
  if (to === 'show') items = withoutRefusedRows(items);
  if (to === 'show' && items.some((i) => i.kind === 'comment' || ('comment' in i && i.comment))) {
    warnings.push('`ip6addrctl show` output has no comments: they are left out');
  }
  const output = formatDocument(to, { items, eol }, target);
  return { to, sourceSemantics: source.semantics, target, output, warnings, ...(expect ? { expect } : {}), meaning: meaningOf(model) };
}

/** Read the output back with the target's own reader and compare what it means with the source. */
export function checkTranslation(translation: Translation): ConvertResult {
  const { to, target, output, warnings, expect } = translation;
  // Rendered, because a refusal quotes the target reader's message.
  const reread = readBack(to, output);
  // A translation the target's own reader rejects is refused, never written.
  if (typeof reread === 'string')
    return { output, warnings, lost: [], check: { equivalent: false, regions: [], scopeRegions: [], labelsOnly: false }, unreadable: reread };
  const check = compareMeanings(translation.meaning, reread, expect ? { expect } : {});
  // A scope difference is a loss the target cannot avoid only when it has no scopev4.
  const lost = losesScopev4(translation.sourceSemantics, target) ? describeLostScopes(to, target, check.scopeRegions) : [];
  return { output, warnings, lost, check };
}

/** What the output means as the target reads it, or the reader's first error; the read policy is not kept. */
function readBack(to: ConvertDialect, output: string): Meaning | string {
  const reread = readDiagnosed(to, output);
  const problem = reread.diagnostics.find((d) => d.severity === 'error');
  return problem ? problem.message : meaningOf(modelOf(reread.policy, reread.semantics));
}
