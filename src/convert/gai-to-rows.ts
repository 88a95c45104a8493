// glibc's two tables (label, precedence) -> one table of rows (FreeBSD, Windows, Linux).
// (convert.ts writes the header above the rows; header.ts drops an earlier one.)
//
// WHY THIS IS EXACT. Let L and P be the label and precedence tables glibc really uses
// (glibcEffectiveTable: file lines, else the built-in table; plus the implicit ::/0 when
// a file table has no /0 row). Write U for the union of their prefixes (first row of each
// masked prefix/length). For each u in U we write the row
//     u  precedence = P-value of the longest P-row that contains all of u
//        label      = L-value of the longest L-row that contains all of u.
// Take any address a; FreeBSD picks the longest row u of U that contains a. Prefixes
// either nest or are disjoint, so:
//  1. Every L-row that contains a has length <= len(u), since L is part of U and u is the
//     longest row of U containing a.
//  2. An L-row containing a with length <= len(u) contains u (two prefixes that share the
//     address a are nested; the shorter holds the longer), and an L-row containing u
//     contains a. So the L-rows containing a are exactly the L-rows containing u, and the
//     longest of them (the first one among equal prefixes, as glibc's stable sort keeps
//     it) is the same row: glibc's label for a equals the row's label. The same for P.
//  3. L and P always have a /0 row, so U does too: FreeBSD's "no match" never happens.
// Hence every address gets the same (precedence, label) from both. test/convert-
// property.test.ts checks this over the whole address space on thousands of policies.
import { maskValue, prefixText } from '../model/address.js';
import type { Policy } from '../model/ast.js';
import { glibcEffectiveTable, type EffectiveTable } from '../model/effective-table.js';
import { FIXED_IPV4_SCOPES_TEXT } from '../model/policy-meaning.js';
import type { PrefixRow, RowOrigin } from '../model/prefix-table.js';
import { BLANK, comment, documentOf, type DocItem, type RowItem } from '../dialects/document.js';
import { withoutConversionHeader } from './header.js';

export interface RowsConversion {
  readonly items: DocItem[];
  readonly warnings: string[];
}

interface UnionRow {
  readonly prefix: bigint;
  readonly length: number;
  readonly origins: { label?: RowOrigin; precedence?: RowOrigin };
  /** Whole-line comments of the file lines about this prefix, and their trailing comments. */
  readonly comments: string[];
  trailing?: string;
  emitted: boolean;
}

// Hexadecimal: a BigInt's decimal text costs a division per digit (issue 13: 500k rows).
const keyOf = (prefix: bigint, length: number) => `${length}/${maskValue(prefix, length).toString(16)}`;

/**
 * `target` names the system; `scopesAgree` says whether it gives every IPv4 address the
 * scope the file's scopev4 table does (then the scopev4 lines are redundant there).
 * `table` is the policy's glibcEffectiveTable, when the caller has it already.
 */
export function glibcToRows(policy: Policy, target: string, scopesAgree: boolean, table: EffectiveTable = glibcEffectiveTable(policy)): RowsConversion {
  const union = new Map<string, UnionRow>();
  const addRows = (rows: readonly PrefixRow<number>[], kind: 'label' | 'precedence') => {
    for (const row of rows) {
      const key = keyOf(row.prefix, row.length);
      let u = union.get(key);
      if (!u) union.set(key, (u = { prefix: row.prefix, length: row.length, origins: {}, comments: [], emitted: false }));
      u.origins[kind] ??= row.origin;
    }
  };
  addRows(table.labels.rows, 'label');
  addRows(table.precedences.rows, 'precedence');
  const rowItem = (u: UnionRow, trailing?: string): RowItem => {
    const label = table.labels.covering(u.prefix, u.length)?.value;
    const precedence = table.precedences.covering(u.prefix, u.length)?.value;
    if (label === undefined || precedence === undefined) throw new Error('glibc tables always have a /0 row');
    return { kind: 'row', prefix: u.prefix, length: u.length, precedence, label, ...(trailing ? { comment: trailing } : {}) };
  };

  // Pass 1: whole-line comments directly above a label/precedence line (no blank line
  // between) and its trailing comment belong to that prefix's row.
  const doc = withoutConversionHeader(documentOf(policy).items);
  const owner: (UnionRow | undefined)[] = doc.map(() => undefined);
  let pending: number[] = [];
  const seen = new Set<UnionRow>();
  doc.forEach((item, i) => {
    if (item.kind === 'comment') return void pending.push(i);
    if (item.kind === 'gai' && item.table !== 'scopev4') {
      const u = union.get(keyOf(item.prefix, item.length))!;
      owner[i] = u;
      // A later line about the same prefix keeps its comments where they are.
      if (!seen.has(u)) {
        seen.add(u);
        for (const c of pending) owner[c] = u;
        u.comments.push(...pending.map((c) => (doc[c] as { text: string }).text));
        u.trailing = item.comment;
      }
    }
    pending = [];
  });

  // Pass 2: rows where their prefix first appears, free comments where they were.
  const warnings: string[] = [];
  const items: DocItem[] = [];
  doc.forEach((item, i) => {
    const u = owner[i];
    if (item.kind === 'blank') items.push(BLANK);
    else if (item.kind === 'comment' && !u) items.push(item);
    else if (item.kind === 'gai' && item.table === 'scopev4') {
      // Only a comment: when the scopes differ, convert reports each lost range instead.
      const line = `scopev4 ${prefixText(item.prefix, item.length, 'dotted')} ${item.value}`;
      const message = scopesAgree
        ? `${line} is left out: ${target} derives the same IPv4 scopes from the address (${FIXED_IPV4_SCOPES_TEXT})`
        : `${line} is not carried over: ${target} derives IPv4 scope from the address (${FIXED_IPV4_SCOPES_TEXT})`;
      items.push(comment(`policylint: ${message}`), ...(item.comment ? [comment(item.comment)] : []));
    } else if (item.kind === 'reload') {
      const message = `\`reload ${item.value}\` is not carried over: the table is read once when it is installed${target === 'FreeBSD' ? ' (FreeBSD: `service ip6addrctl restart` after editing)' : ''}`;
      warnings.push(message);
      items.push(comment(`policylint: ${message}`), ...(item.comment ? [comment(item.comment)] : []));
    } else if (item.kind === 'gai' && u && !u.emitted) {
      u.emitted = true;
      items.push(...u.comments.map((text) => comment(text)), rowItem(u, u.trailing));
    } else if (item.kind === 'gai' && item.comment) {
      items.push(comment(item.comment));
    }
  });

  // Rows glibc uses that the file does not spell out: built-in tables, implicit ::/0.
  const rest = [...union.values()].filter((u) => !u.emitted);
  if (rest.length > 0) {
    items.push(BLANK, comment('Rows glibc uses without them being written in gai.conf:'));
    for (const u of rest) items.push(rowItem(u, `# ${describeOrigin(u.origins)}`));
  }
  return { items, warnings };
}

function describeOrigin(origins: UnionRow['origins']): string {
  const parts: string[] = [];
  for (const kind of ['label', 'precedence'] as const) {
    const origin = origins[kind];
    if (origin === 'default') parts.push(`glibc's built-in ${kind} row`);
    if (origin === 'implicit') parts.push(`the ::/0 ${kind} row glibc appends`);
  }
  return parts.join(', ');
}
