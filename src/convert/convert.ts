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
import { comment, documentOf, type DocItem, type PolicyDocument } from '../dialects/document.js';
import { formatDocument, semanticsOf, type ConvertDialect, type ReadPolicy } from '../dialects/registry.js';
import { compareMeanings, meaningOf, type EquivalenceResult, type Meaning } from './equivalence.js';
import { glibcToRows } from './gai-to-rows.js';
import { modelOf, type Semantics, type Values } from '../model/policy-meaning.js';
import { rowsToOther, type RowTable } from './rows-to-other.js';
import { conversionHeader } from './header.js';
import { readBack } from './read-back.js';
import { describeLostScopes, losesScopev4, lostScopeRegions } from './inexpressible.js';
import { NAMES } from './value-limits.js';
import { withoutRefusedRows } from './shown-table.js';
import { formatGaiBytes } from '../dialects/gai-writer.js';
import { WrittenOutput } from './written-output.js';

export interface ConvertResult {
  /** Set when the output fails the target dialect's own reader: it must not be written. */
  readonly unreadable?: string;
  /** The output's text (made from `written` when first asked for). */
  readonly output: string;
  readonly written: WrittenOutput;
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

/** What a translation writes (its document), and what the source means: the source itself is not needed any more. */
export interface TranslationPlan {
  readonly to: ConvertDialect;
  readonly sourceSemantics: Semantics;
  readonly target: Semantics;
  readonly doc: PolicyDocument;
  readonly warnings: string[];
  /** The declared lossy mappings from the source's values to the output's. */
  readonly expect?: (values: Values) => Values;
  readonly meaning: Meaning;
}

/** A translation not yet checked: its output, and what the source means. */
export interface Translation extends Omit<TranslationPlan, 'doc'> {
  readonly written: WrittenOutput;
  /** The output's text (made from `written` when first asked for). */
  readonly output: string;
}

export function convertPolicy(source: ReadPolicy, to: ConvertDialect): ConvertResult {
  return checkTranslation(translatePolicy(source, to));
}

export function translatePolicy(source: ReadPolicy, to: ConvertDialect): Translation {
  return writeTranslation(planTranslation(source, to));
}

/**
 * What to write, and what the source means. Each step's model of the source is let go as
 * soon as its meaning is taken (issue 13: at 500k rows the model is 150 MB), and a caller
 * that lets the source go before writeTranslation writes with neither alive.
 */
export interface PlanOptions {
  /**
   * Called where much of the heap just died (the source's model, once its meaning is
   * taken): the CLI has V8 collect it there for a large input (src/cli/collect-garbage.ts).
   */
  readonly dropped?: () => void;
}

export function planTranslation(source: ReadPolicy, to: ConvertDialect, options: PlanOptions = {}): TranslationPlan {
  const target = semanticsOf(to, source.semantics);
  const dropped = options.dropped ?? (() => {});
  const converted =
    source.semantics === target ? sameSemantics(source, dropped) : source.semantics === 'glibc' ? fromGlibc(source, target) : fromRows(source, target, dropped);
  const { warnings, expect, meaning } = converted;
  let items = converted.items;
  // `ip6addrctl show` prints the kernel's table: without the rows it refused.
  if (to === 'show') items = withoutRefusedRows(items);
  if (to === 'show' && items.some((i) => i.kind === 'comment' || ('comment' in i && i.comment))) {
    warnings.push('`ip6addrctl show` output has no comments: they are left out');
  }
  return { to, sourceSemantics: source.semantics, target, doc: { items, eol: source.policy.eol }, warnings, ...(expect ? { expect } : {}), meaning };
}

/** The output text of a plan. */
export function writeTranslation(plan: TranslationPlan): Translation {
  const { doc, ...rest } = plan;
  // gai.conf as bytes (formatGaiBytes): read back and written without a 61 MB string at 500k rows (issue 13).
  const written = plan.to === 'gai' ? WrittenOutput.ofBytes(formatGaiBytes(doc)) : WrittenOutput.ofText(formatDocument(plan.to, doc, plan.target));
  return {
    ...rest,
    written,
    get output() {
      return written.text;
    },
  };
}

interface Converted {
  readonly items: DocItem[];
  readonly warnings: string[];
  readonly expect?: ((v: Values) => Values) | undefined;
  readonly meaning: Meaning;
}

/** Same meaning: the same items (a file install aborts on means an empty table). */
function sameSemantics(source: ReadPolicy, dropped: () => void): Converted {
  const meaning = meaningOf(modelOf(source.policy, source.semantics));
  dropped();
  let items = [...documentOf(source.policy).items];
  const warnings: string[] = [];
  if (!source.policy.installable) {
    items = items.filter((i) => i.kind !== 'row');
    warnings.push('ip6addrctl install aborts on this file (parse failure) and installs nothing: converted as an empty table');
    items.unshift(comment(`policylint: ${warnings[0]}`));
  }
  return { items, warnings, meaning };
}

function fromGlibc(source: ReadPolicy, target: Semantics): Converted {
  const model = modelOf(source.policy, source.semantics);
  const scopesAgree = lostScopeRegions(model, target).length === 0;
  const { items, warnings } = glibcToRows(source.policy, NAMES[target], scopesAgree, model.table);
  if (target === 'linux-kernel') {
    const message = "precedence is lost: Linux kernel labels (ip addrlabel) have none, and they steer source address selection only, not glibc's sorting";
    warnings.push(message);
    items.unshift(comment(`policylint: ${message}`));
  }
  items.unshift(...conversionHeader('gai.conf', NAMES[target], true));
  return { items, warnings, meaning: meaningOf(model) };
}

function fromRows(source: ReadPolicy, target: Semantics, dropped: () => void): Converted {
  const { meaning, table } = rowTableOf(source);
  dropped();
  const { items, warnings, expect } = rowsToOther(source, target, table);
  items.unshift(...conversionHeader(source.dialect, NAMES[target], false));
  return { items, warnings, expect, meaning };
}

/** A row table's meaning and what rowsToOther needs of it; the model is garbage when this returns. */
function rowTableOf(source: ReadPolicy): { meaning: Meaning; table: RowTable } {
  const model = modelOf(source.policy, source.semantics);
  // By index, not model.table.labels.rows: that makes an object per row.
  const labels = model.table.labels;
  const values: number[] = new Array(labels.size);
  let hasCatchAll = false;
  for (let i = 0; i < values.length; i++) {
    values[i] = labels.valueAt(i);
    if (labels.lengthAt(i) === 0) hasCatchAll = true;
  }
  const table: RowTable = { labelsOnly: model.labelsOnly, labels: values, hasCatchAll };
  return { meaning: meaningOf(model), table };
}

/** Read the output back with the target's own reader and compare what it means with the source. */
export function checkTranslation(translation: Translation): ConvertResult {
  const { to, target, written, warnings, expect } = translation;
  // Rendered, because a refusal quotes the target reader's message.
  const reread = readBack(to, written, translation.meaning);
  // A translation the target's own reader rejects is refused, never written.
  if (typeof reread === 'string')
    return {
      get output() {
        return written.text;
      },
      written,
      warnings,
      lost: [],
      check: { equivalent: false, regions: [], scopeRegions: [], labelsOnly: false },
      unreadable: reread,
    };
  const check = compareMeanings(translation.meaning, reread, expect ? { expect } : {});
  // A scope difference is a loss the target cannot avoid only when it has no scopev4.
  const lost = losesScopev4(translation.sourceSemantics, target) ? describeLostScopes(to, target, check.scopeRegions) : [];
  return {
    get output() {
      return written.text;
    },
    written,
    warnings,
    lost,
    check,
  };
}
