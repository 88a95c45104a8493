// Which dialect is this file? From its name first, then from its content.
import type { Dialect } from './ast.js';

export function dialectFromName(path: string): Dialect | null {
  const name = path.toLowerCase();
  if (/gai\.conf(\.[a-z]+)?$/.test(name)) return 'gai';
  if (/ip6addrctl\.conf(\.[a-z]+)?$/.test(name)) return 'ip6addrctl';
  return null;
}

export function dialectFromContent(text: string): Dialect | null {
  let rows = 0;
  for (const raw of text.split('\n', 2000)) {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') continue;
    const first = line.split(/\s+/)[0]!;
    if (/^(label|precedence|scopev4|reload)$/.test(first)) return 'gai';
    if (/^[0-9a-fA-F:.%a-z]+\/\d+$/.test(first) && line.split(/\s+/).length >= 3) rows++;
  }
  return rows > 0 ? 'ip6addrctl' : null;
}
