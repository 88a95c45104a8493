// The page's state in the URL fragment, so a link reproduces what the sender saw:
// `#name=NAME&text=TEXT&…`. Values are percent-encoded bytes: `%XX` is one byte (so bytes that
// are not UTF-8 survive), `+` is a plus (not a space), and any other character stands for its
// UTF-8 bytes. A `%` not followed by two hex digits is a literal `%`.

/** Each key's value as bytes, in the order given; a key given twice keeps the last. */
export function parseFragment(hash: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return out;
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (key === '') continue;
    out.set(new TextDecoder().decode(percentBytes(key)), percentBytes(eq < 0 ? '' : part.slice(eq + 1)));
  }
  return out;
}

export function percentBytes(value: string): Uint8Array {
  const out: number[] = [];
  const utf8 = new TextEncoder();
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '%' && /^[0-9a-fA-F]{2}$/.test(value.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const code = value.codePointAt(i)!;
      if (code > 0xffff) i++;
      out.push(...utf8.encode(String.fromCodePoint(code)));
    }
  }
  return Uint8Array.from(out);
}

/** Left as they are: readable in a link (IPv6 prefixes keep their colons and slashes). */
const PLAIN = /[A-Za-z0-9\-._~!$'()*+,;:@/?]/;

export function encodeBytes(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    s += b < 0x80 && PLAIN.test(ch) ? ch : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return s;
}

/** `#k=v&…` from keys and byte values, skipping empty values. */
export function formatFragment(entries: readonly (readonly [string, Uint8Array])[]): string {
  const parts = entries.filter(([, v]) => v.length > 0).map(([k, v]) => `${k}=${encodeBytes(v)}`);
  return parts.length === 0 ? '' : `#${parts.join('&')}`;
}

export const utf8Bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
/** A value that is text (a name, an option), decoded leniently. */
export const textOf = (bytes: Uint8Array | undefined): string | undefined => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));
