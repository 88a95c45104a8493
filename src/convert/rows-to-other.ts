// One table of rows (FreeBSD, Windows, Linux labels) -> gai.conf or another row table.
//
// gai.conf: each row becomes a `precedence` and a `label` line. Both glibc tables then
// hold exactly the rows' prefixes, so both longest matches pick the same row the kernel
// picks: the same values, except where a row table gives "no match" (precedence 0, no
// label): glibc always has a ::/0 row, so that is written explicitly with precedence 0
// and a label no other row uses (a warning says so).
import { parseIPv6, prefixText } from '../model/address.js';
import { FREEBSD_NO_LABEL } from '../model/effective-table.js';
import { BUILTIN_TABLES } from '../model/builtin-tables.js';
import { PrefixTable } from '../model/prefix-table.js';
import { BLANK, comment, documentOf, type DocItem } from '../dialects/document.js';
import type { ReadPolicy } from '../dialects/registry.js';
import type { Semantics, Values } from '../model/policy-meaning.js';
import { NAMES, ValueMapper } from './value-limits.js';
import { withoutConversionHeader } from './header.js';

export interface Conversion {
  readonly items: DocItem[];
  readonly warnings: string[];
  /** What the source's values must become in the output (the declared lossy mappings). */
  readonly expect: (values: Values) => Values;
}

const note = (warnings: string[], items: DocItem[], message: string) => {
  warnings.push(message);
  items.push(comment(`policylint: ${message}`));
};

/** RFC 6724 precedences, for a labels-only source written to a table that needs them. */
const RFC6724_PRECEDENCE = new PrefixTable(
  BUILTIN_TABLES.rfc6724.rows.map((r) => {
    const [a, l] = r.prefix.split('/');
    return { prefix: parseIPv6(a!)!, length: Number(l), value: r.precedence ?? 0 };
  }),
);

/**
 * What rowsToOther needs of the source's table (modelOf), taken by the caller, which also
 * keeps its meaning: the model itself can go before the rows are converted (issue 13).
 */
export interface RowTable {
  /** Linux kernel labels: no precedence. */
  readonly labelsOnly: boolean;
  /** The labels of the rows that take effect. */
  readonly labels: readonly number[];
  /** A /0 row takes effect: no address is unmatched. */
  readonly hasCatchAll: boolean;
}

export function rowsToOther(source: ReadPolicy, target: Semantics, model: RowTable): Conversion {
  const mapper = new ValueMapper(target, model.labels);
  const warnings: string[] = [];
  const items: DocItem[] = [];
  const fromName = NAMES[source.semantics];
  const toGlibc = target === 'glibc';

  if (!source.policy.installable) {
    note(warnings, items, 'ip6addrctl install aborts on this file (parse failure) and installs nothing: converted as an empty table');
  }
  if (model.labelsOnly) {
    note(
      warnings,
      items,
      `precedence is lost: Linux kernel labels (ip addrlabel) have none; ${toGlibc ? "glibc's default precedence rows are written" : 'RFC 6724 precedences are written'}`,
    );
    if (toGlibc)
      note(warnings, items, "the kernel's labels steer source address selection only; glibc's destination sorting never reads them, it reads gai.conf");
  }
  if (target === 'linux-kernel') {
    note(warnings, items, `precedence is lost: Linux kernel labels have none, and they steer source address selection only, not glibc's sorting`);
  }

  // An earlier conversion's header describes that step, not this one: convert writes its own.
  const doc = withoutConversionHeader(documentOf(source.policy).items);
  const rows = source.policy.installable ? doc : doc.filter((i) => i.kind !== 'row');
  for (const item of rows) {
    if (item.kind !== 'row') {
      items.push(item);
      continue;
    }
    if (item.label === FREEBSD_NO_LABEL && !model.labelsOnly) {
      note(
        warnings,
        items,
        `row ${prefixText(item.prefix, item.length)} ${item.precedence} -1 is not carried over: label -1 is refused by the kernel (EINVAL), so ${fromName} never installs it`,
      );
      continue;
    }
    const label = mapper.label(item.label);
    const precedence = model.labelsOnly ? (RFC6724_PRECEDENCE.covering(item.prefix, item.length)?.value ?? 40) : mapper.precedence(item.precedence);
    // Object spreads only for the rare row with a comment (issue 13: a million items at 500k rows).
    const { prefix, length } = item;
    if (toGlibc) {
      const precedenceLine: DocItem = { kind: 'gai', table: 'precedence', prefix, length, value: precedence };
      const labelLine: DocItem = { kind: 'gai', table: 'label', prefix, length, value: label };
      if (!model.labelsOnly) items.push(item.comment ? { ...precedenceLine, comment: item.comment } : precedenceLine);
      items.push(item.comment && model.labelsOnly ? { ...labelLine, comment: item.comment } : labelLine);
    } else {
      const row: DocItem = { kind: 'row', prefix, length, precedence, label };
      items.push(item.comment ? { ...row, comment: item.comment } : row);
    }
  }

  // "No match": FreeBSD (0, no label), Linux (label 0xffffffff). glibc cannot say it.
  let noMatchLabel: number | undefined;
  if (toGlibc && !model.hasCatchAll) {
    noMatchLabel = mapper.freshLabel();
    items.push(BLANK);
    note(
      warnings,
      items,
      `${fromName} gives addresses outside every row no label${model.labelsOnly ? '' : ' and precedence 0'}` +
        `${model.labels.length === 0 ? ' (with an empty table libc does not sort at all)' : ''}; glibc always has a ::/0 row: written as ::/0${model.labelsOnly ? '' : ' precedence 0'} label ${noMatchLabel}, a label no other row uses`,
    );
    if (!model.labelsOnly) items.push({ kind: 'gai', table: 'precedence', prefix: 0n, length: 0, value: 0 });
    items.push({ kind: 'gai', table: 'label', prefix: 0n, length: 0, value: noMatchLabel });
  }
  warnings.push(...mapper.warnings);
  for (const w of mapper.warnings) items.unshift(comment(`policylint: ${w}`));

  const expect = (v: Values): Values => {
    if (v.label === FREEBSD_NO_LABEL && noMatchLabel !== undefined) return { precedence: 0, label: noMatchLabel };
    return { precedence: mapper.expectedPrecedence(v.precedence), label: v.label === FREEBSD_NO_LABEL ? v.label : mapper.expectedLabel(v.label) };
  };
  return { items, warnings, expect };
}
