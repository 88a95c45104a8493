// Which dialect is this file? From its name first, then from its content. The one detector
// every command uses (lint accepts only the two policy-file dialects of what it returns).
import { EMPTY_TABLE_MESSAGE } from './show-dialect.js';
import type { ConvertDialect } from './registry.js';

export function dialectFromName(path: string): ConvertDialect | null {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (/gai\.conf(\.[a-z]+)?$/.test(name)) return 'gai';
  if (/ip6addrctl\.conf(\.[a-z]+)?$/.test(name)) return 'ip6addrctl';
  if (name.endsWith('.json')) return 'json';
  return null;
}

/** What the first 2,000 lines look like; null when nothing tells. */
export function dialectFromContent(text: string): ConvertDialect | null {
  if (text.trimStart().startsWith('{')) return 'json';
  let rows = 0;
  for (const raw of text.split('\n', 2000)) {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') continue;
    if (/^Prefix\s+Prec\s+Label/.test(line) || line === EMPTY_TABLE_MESSAGE) return 'show';
    if (/\baddrlabel\b/.test(line) || /^prefix\s+\S+\s+(dev\s+\S+\s+)?label\s/.test(line)) return 'addrlabel';
    if (/prefixpolicy/i.test(line) || /^Precedence\s+Label\s+Prefix/i.test(line)) return 'netsh';
    const first = line.split(/\s+/)[0]!;
    if (/^(label|precedence|scopev4|reload)$/.test(first)) return 'gai';
    if (/^[0-9a-fA-F:.%a-z]+\/\d+$/.test(first) && line.split(/\s+/).length >= 3) rows++;
  }
  return rows > 0 ? 'ip6addrctl' : null;
}

export function detectDialect(path: string, text: string): ConvertDialect | null {
  return dialectFromName(path) ?? dialectFromContent(text);
}
