// Is a row one that some platform ships? (Such rows are never the author's mistake.)
import { parseIPv6 } from '../../model/address.js';
import { BUILTIN_TABLES, GLIBC_DEFAULT_LABELS, GLIBC_DEFAULT_PRECEDENCES } from '../../model/builtin-tables.js';
import type { ValueLine } from './value-lines.js';

interface StockPrefix {
  readonly glibcLabels: Set<number>;
  readonly glibcPrecedences: Set<number>;
  readonly rows: { readonly label: number; readonly precedence: number | null }[];
}

/** The built-in tables by parsed prefix, made on first use (a 500k-row file asks 500k times). */
let stock: Map<string, StockPrefix> | undefined;

function stockPrefixes(): Map<string, StockPrefix> {
  if (stock) return stock;
  const map = new Map<string, StockPrefix>();
  const at = (text: string) => {
    const [a, l] = text.split('/');
    const key = `${parseIPv6(a!)}/${Number(l)}`;
    let p = map.get(key);
    if (!p) map.set(key, (p = { glibcLabels: new Set(), glibcPrecedences: new Set(), rows: [] }));
    return p;
  };
  for (const [t, v] of GLIBC_DEFAULT_LABELS) at(t).glibcLabels.add(v);
  for (const [t, v] of GLIBC_DEFAULT_PRECEDENCES) at(t).glibcPrecedences.add(v);
  for (const t of Object.values(BUILTIN_TABLES)) for (const r of t.rows) at(r.prefix).rows.push(r);
  stock = map;
  return map;
}

/** Is this exact row (prefix and the values it sets) in any built-in table policylint knows? */
export function isStockRow(line: ValueLine): boolean {
  const p = stockPrefixes().get(`${line.prefix}/${line.length}`);
  if (!p) return false;
  const { label, precedence } = line;
  if (
    (label === undefined || p.glibcLabels.has(label)) &&
    (precedence === undefined || p.glibcPrecedences.has(precedence)) &&
    (label !== undefined || precedence !== undefined) &&
    (label === undefined || precedence === undefined)
  )
    return true;
  return p.rows.some((r) => (label === undefined || r.label === label) && (precedence === undefined || r.precedence === precedence));
}
