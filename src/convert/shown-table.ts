// `policylint show`: the table the system really uses for a file, as data and in the
// layout of FreeBSD's `ip6addrctl show`.
// - ip6addrctl.conf: the kernel table after rc.d's flush and `ip6addrctl install`
//   (src/dialects/freebsd-install.ts); an aborted install leaves it empty.
// - gai.conf: glibc's label and precedence tables merged into one table of rows (the
//   same rows `convert --to show` prints), and its scopev4 table.
import type { Policy } from '../model/ast.js';
import { glibcToRows } from './gai-to-rows.js';
import { maskValue, prefixText } from '../model/address.js';
import type { DocItem } from '../dialects/document.js';
import type { InstallOutcome, InstallRun, KernelError } from '../dialects/freebsd-install.js';
import { FREEBSD_NO_LABEL, glibcEffectiveTable } from '../model/effective-table.js';

export interface ShownRow {
  readonly prefix: string;
  readonly precedence: number;
  readonly label: number;
  /** Text `ip6addrctl show` prints for the prefix: the zone, when the row has one. */
  readonly shownPrefix: string;
}

export interface ShownTable {
  readonly filePath: string;
  readonly dialect: 'ip6addrctl' | 'gai';
  readonly outcome: InstallOutcome;
  readonly line: number | null;
  /** null when the outcome leaves the table unknown. */
  readonly rows: readonly ShownRow[] | null;
  readonly refused: readonly { readonly line: number; readonly error: KernelError }[];
  /** gai.conf only: IPv4 scopes (rule 2 and 8), as dotted prefixes. */
  readonly scopev4?: readonly { readonly prefix: string; readonly scope: number }[];
}

/** Link-local unicast and ff01/ff02 multicast: getnameinfo prints an interface name for these. */
function namedScope(address: bigint): boolean {
  const top = Number(address >> 112n);
  return (top & 0xffc0) === 0xfe80 || ((top & 0xff00) === 0xff00 && ((top & 0x0f) === 1 || (top & 0x0f) === 2));
}

export function shownIp6addrctlTable(filePath: string, run: InstallRun, interfaces: readonly string[] | null): ShownTable {
  const rows = run.rows?.map((r): ShownRow => {
    const prefix = prefixText(r.address, r.length, 'dotted');
    const name = namedScope(r.address) ? interfaces?.[r.scopeId - 1] : undefined;
    const shownPrefix = r.scopeId === 0 ? prefix : prefix.replace('/', `%${name ?? r.scopeId}/`);
    return { prefix, precedence: r.precedence, label: r.label, shownPrefix };
  });
  return { filePath, dialect: 'ip6addrctl', outcome: run.outcome, line: run.line, rows: rows ?? null, refused: run.refused };
}

export function shownGaiTable(filePath: string, policy: Policy): ShownTable {
  // show lists scopev4 on its own, so whether a row table could carry it does not matter here.
  const rows = glibcToRows(policy, 'show', true).items.flatMap((item): ShownRow[] => {
    if (item.kind !== 'row') return [];
    const prefix = prefixText(item.prefix, item.length, 'dotted');
    return [{ prefix, precedence: item.precedence, label: item.label, shownPrefix: prefix }];
  });
  const scopev4 = glibcEffectiveTable(policy).scopev4!.rows.map((r) => ({ prefix: ipv4PrefixText(r.prefix, r.length), scope: r.value }));
  return { filePath, dialect: 'gai', outcome: 'installed', line: null, rows, refused: [], scopev4 };
}

/** `::ffff:10.0.0.0/104` -> `10.0.0.0/8`: scopev4 rows are written as IPv4 prefixes. */
function ipv4PrefixText(prefix: bigint, length: number): string {
  const v4 = Number(prefix & 0xffffffffn);
  return `${[v4 >>> 24, (v4 >>> 16) & 255, (v4 >>> 8) & 255, v4 & 255].join('.')}/${Math.max(0, length - 96)}`;
}

/** The rows of a document the FreeBSD kernel keeps: label -1 (EINVAL) and later duplicates (EEXIST) go. */
export function withoutRefusedRows(items: readonly DocItem[]): DocItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (item.kind !== 'row') return true;
    const key = `${item.length}/${maskValue(item.prefix, item.length).toString(16)}`;
    if (item.label === FREEBSD_NO_LABEL || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const EMPTY_TABLE = 'no source-address-selection policy is installed';

/** The rows as `ip6addrctl show` prints them (`%-30s %5d %5d %8llu`, Use counters 0). */
export function formatShowRows(rows: readonly ShownRow[]): string {
  if (rows.length === 0) return `${EMPTY_TABLE}\n`;
  const lines = [`${'Prefix'.padEnd(30)} ${'Prec'.padStart(5)} ${'Label'.padStart(5)} ${'Use'.padStart(8)}`];
  for (const r of rows) lines.push(`${r.shownPrefix.padEnd(30)} ${String(r.precedence).padStart(5)} ${String(r.label).padStart(5)} ${'0'.padStart(8)}`);
  return lines.join('\n') + '\n';
}

/** What the outcome means for the host, one line, for the text output. */
export function outcomeNote(table: ShownTable): string | null {
  const at = `line ${table.line}`;
  switch (table.outcome) {
    case 'installed':
      return null;
    case 'aborted':
      return `ip6addrctl install aborts at ${at} ("parse failed at ${at}"): rc.d has already flushed the table, so the host runs with NO policy and libc does not sort addresses at all`;
    case 'undefined':
      return `the table cannot be known: from ${at} on ip6addrctl reads memory it never wrote, so what install does depends on memory contents; fix ${at}`;
    case 'depends-on-interfaces':
      return `the table depends on the host: ${at} names an interface in a zone, and install aborts unless the host has it; pass --interfaces (e.g. lo0,em0)`;
  }
}

/** The text output for one file: a loud note when the table is not what the file says, then the table. */
export function formatShownTable(table: ShownTable): string {
  let out = '';
  const note = outcomeNote(table);
  if (note) out += `${table.filePath}: ${note}\n`;
  for (const r of table.refused) out += `${table.filePath}: line ${r.line}: the kernel refused the row: ${r.error}\n`;
  if (table.rows) out += formatShowRows(table.rows);
  if (table.scopev4) {
    out += `\n${'scopev4'.padEnd(30)} ${'Scope'.padStart(5)}\n`;
    for (const s of table.scopev4) out += `${s.prefix.padEnd(30)} ${String(s.scope).padStart(5)}\n`;
  }
  return out;
}

/** The JSON object of one file (`policylint show --format json` prints an array of these). */
export function shownTableJson(table: ShownTable): Record<string, unknown> {
  return {
    filePath: table.filePath,
    dialect: table.dialect,
    outcome: table.outcome,
    line: table.line,
    rows: table.rows?.map((r) => ({ prefix: r.prefix, precedence: r.precedence, label: r.label })) ?? null,
    refused: table.refused,
    ...(table.scopev4 ? { scopev4: table.scopev4 } : {}),
  };
}
