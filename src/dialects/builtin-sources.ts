// A platform's built-in table as text in its own dialect: glibc's as gai.conf (its two
// tables as they are), the Linux kernel's as `ip addrlabel add` commands, Windows' as
// netsh commands, the rest as ip6addrctl.conf.
import { parseIPv6 } from '../model/address.js';
import { BUILTIN_TABLES, GLIBC_DEFAULT_LABELS, GLIBC_DEFAULT_PRECEDENCES, type Platform } from '../model/builtin-tables.js';
import { BLANK, comment, type DocItem } from './document.js';
import { formatDocument, type ConvertDialect } from './registry.js';
import type { Semantics } from '../model/policy-meaning.js';

function parse(text: string): { prefix: bigint; length: number } {
  const [a, l] = text.split('/');
  return { prefix: parseIPv6(a!)!, length: Number(l) };
}

export function builtinSource(platform: Platform): { dialect: ConvertDialect; text: string } {
  const table = BUILTIN_TABLES[platform];
  const header: DocItem[] = [comment(table.title), comment(`Source: ${table.source}`), ...(table.note ? [comment(table.note)] : []), BLANK];
  let dialect: ConvertDialect;
  let semantics: Semantics;
  let items: DocItem[];
  if (platform === 'glibc') {
    [dialect, semantics] = ['gai', 'glibc'];
    const lines = (kind: 'label' | 'precedence', pairs: readonly (readonly [string, number])[]): DocItem[] =>
      pairs.map(([text, value]) => ({ kind: 'gai', table: kind, ...parse(text), value }));
    items = [...lines('label', GLIBC_DEFAULT_LABELS), BLANK, ...lines('precedence', GLIBC_DEFAULT_PRECEDENCES)];
    header.splice(2, 1, comment('glibc keeps separate label and precedence tables: these are both, as glibc has them.'));
  } else {
    [dialect, semantics] = table.labelsOnly ? ['addrlabel', 'linux-kernel'] : platform === 'windows' ? ['netsh', 'windows'] : ['ip6addrctl', 'freebsd'];
    items = table.rows.map((r) => ({ kind: 'row', ...parse(r.prefix), precedence: r.precedence ?? 0, label: r.label }));
  }
  return { dialect, text: formatDocument(dialect, { items: [...header, ...items], eol: '\n' }, semantics) };
}
