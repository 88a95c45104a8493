// The one module that talks to ipaddr.js (its 3.0 will change its exports).
// Everything else in policylint sees addresses as 128-bit bigints.
//
// Parsing follows inet_pton(), which both glibc's gai.conf reader and FreeBSD's
// getaddrinfo(AI_NUMERICHOST) use, not ipaddr.js's more lenient reading:
// - ipaddr.js 2.5 reads the IPv4-compatible `::a.b.c.d` as if it were the mapped
//   `::ffff:a.b.c.d`; inet_pton keeps it in `::/96`. We parse the dotted tail ourselves.
// - ipaddr.js accepts `01.2.3.4` style leading zeros in a dotted tail; inet_pton4 does not.
// - ipaddr.js accepts a `%zone`; inet_pton does not (callers split a zone off first).
import ipaddr from 'ipaddr.js';

export const ALL_ONES = (1n << 128n) - 1n;
/** `::ffff:0:0/96`, the IPv4-mapped prefix: IPv4 addresses are looked up as `::ffff:a.b.c.d`. */
export const IPV4_MAPPED_BASE = 0xffffn << 32n;

const IPV6_CHARS = /^[0-9A-Fa-f:.]+$/;
const DOTTED_QUAD = /^(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})$/;

/** inet_pton(AF_INET): strict dotted quad, no leading zeros, each part 0..255. */
export function parseIPv4(text: string): number | null {
  const m = DOTTED_QUAD.exec(text);
  if (!m) return null;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const part = Number(m[i]);
    if (part > 255) return null;
    value = value * 256 + part;
  }
  return value;
}

/**
 * A 128-bit value is put together from two 64-bit halves written as 32-bit words: two BigInt
 * operations, where one shift and one OR per 16-bit group made 24 BigInts per address.
 */
const HALVES = new BigUint64Array(2);
const WORDS = new Uint32Array(HALVES.buffer);
/** Typed arrays use the machine's byte order: is its low byte first? */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Where each 32-bit word of the value (most significant first) sits in WORDS. */
const WORD_AT = LITTLE_ENDIAN ? [1, 0, 3, 2] : [0, 1, 2, 3];
/** The groups read so far (no arrays per address: a large file reads 500k of them). */
const GROUPS = new Uint16Array(8);
/** A text's characters as bytes, for the one reader below. */
const TEXT_BYTES = new Uint8Array(39);

/**
 * The common shapes, read by hand (ipaddr.js's regular expressions dominate a cold start and
 * a large file's read): 8 groups of 1-4 hex digits, or fewer around one `::` that stands for
 * at least one zero group. Anything else (a dotted tail, odd colons, long groups): undefined,
 * and the full parser below decides.
 */
function parseIPv6Plain(text: string): bigint | null | undefined {
  const n = text.length;
  if (n === 0 || n > 39) return undefined;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return undefined;
    TEXT_BYTES[i] = c;
  }
  return plainIPv6Bytes(TEXT_BYTES, 0, n);
}

/** parseIPv6's common shapes read from bytes [from, to) (ASCII): the FreeBSD reader's addresses, without a string. */
export function plainIPv6Bytes(bytes: Uint8Array, from: number, to: number): bigint | undefined {
  const n = to - from;
  if (n === 0 || n > 39) return undefined;
  let count = 0;
  /** Where the `::` is, in groups: -1 when there is none. */
  let gap = -1;
  let i = from;
  if (bytes[i] === 58) {
    if (n < 2 || bytes[i + 1] !== 58) return undefined;
    gap = 0;
    i += 2;
    if (i === to) return 0n;
  }
  for (;;) {
    let value = 0;
    let digits = 0;
    while (i < to) {
      const c = bytes[i]!;
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
      if (d < 0) break;
      value = value * 16 + d;
      digits++;
      i++;
    }
    if (digits === 0 || digits > 4 || count === 8) return undefined;
    GROUPS[count++] = value;
    if (i === to) break;
    if (bytes[i] !== 58) return undefined;
    i++;
    if (i < to && bytes[i] === 58) {
      if (gap >= 0) return undefined;
      gap = count;
      i++;
      if (i === to) break;
    } else if (i === to) return undefined;
  }
  if (gap >= 0 ? count > 7 : count !== 8) return undefined;
  // The eight groups (the `::` as zeros) into the two 64-bit halves.
  const zeros = 8 - count;
  for (let word = 0; word < 4; word++) WORDS[WORD_AT[word]!] = groupAt(2 * word, gap, zeros) * 0x10000 + groupAt(2 * word + 1, gap, zeros);
  return (HALVES[0]! << 64n) | HALVES[1]!;
}

/** How many leading bits of a 128-bit value are zero (128 for 0): a clz per 32-bit word, no string. */
export function leadingZeros128(value: bigint): number {
  HALVES[0] = value >> 64n;
  HALVES[1] = value;
  for (let word = 0; word < 4; word++) {
    const w = WORDS[WORD_AT[word]!]!;
    if (w !== 0) return 32 * word + Math.clz32(w);
  }
  return 128;
}

/** Group k of the eight, with `zeros` zero groups at `gap` (the `::`; -1: none). */
function groupAt(k: number, gap: number, zeros: number): number {
  return gap < 0 || k < gap ? GROUPS[k]! : k < gap + zeros ? 0 : GROUPS[k - zeros]!;
}

/** inet_pton(AF_INET6) as a 128-bit value, or null when the real parser rejects the text. */
export function parseIPv6(text: string): bigint | null {
  const plain = parseIPv6Plain(text);
  if (plain !== undefined) return plain;
  if (text.length === 0 || text.length > 45 || !IPV6_CHARS.test(text)) return null;
  let hexPart = text;
  let tail: bigint | null = null;
  if (text.includes('.')) {
    const cut = text.lastIndexOf(':');
    if (cut < 0) return null;
    const v4 = parseIPv4(text.slice(cut + 1));
    if (v4 === null) return null;
    tail = BigInt(v4);
    // Stand-in groups so ipaddr.js checks the group count; replaced below.
    hexPart = text.slice(0, cut + 1) + '0:0';
  }
  if (!ipaddr.IPv6.isValid(hexPart)) return null;
  let parts: number[];
  try {
    parts = ipaddr.IPv6.parse(hexPart).parts;
  } catch {
    return null;
  }
  let value = 0n;
  for (const part of parts) value = (value << 16n) | BigInt(part);
  if (tail !== null) value = (value & ~0xffffffffn) | tail;
  return value;
}

const ZEROS = '0'.repeat(32);
const ZERO = 48;

/** Is group g (hex digits 4g to 4g + 3 of `hex`) zero? */
const zeroGroup = (hex: string, g: number) =>
  hex.charCodeAt(4 * g) === ZERO && hex.charCodeAt(4 * g + 1) === ZERO && hex.charCodeAt(4 * g + 2) === ZERO && hex.charCodeAt(4 * g + 3) === ZERO;

/** RFC 5952 text: lower case, longest zero run (of two groups or more; the first of equals) compressed. */
export function formatIPv6(value: bigint): string {
  // The groups are read from one 32-digit hex string: a BigInt shift per group (or per
  // word) cost more than all the rest (diff formats millions of addresses; issue 13).
  let hex = value.toString(16);
  if (hex.length < 32) hex = ZEROS.slice(hex.length) + hex;
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (!zeroGroup(hex, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < 8 && zeroGroup(hex, j)) j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j;
  }
  let text = '';
  for (let i = 0; i < 8; i++) {
    if (i === best) {
      text += '::';
      i += bestLength - 1;
      continue;
    }
    // The group without its leading zeros (at least one digit).
    let from = 4 * i;
    while (from < 4 * i + 3 && hex.charCodeAt(from) === ZERO) from++;
    const group = hex.slice(from, 4 * i + 4);
    text += text === '' || i === best + bestLength ? group : `:${group}`;
  }
  return text;
}

/** `::ffff:a.b.c.d` text for a value in the mapped space (the form `ip6addrctl show` prints). */
export function formatMapped(value: bigint): string {
  return `::ffff:${formatIPv4(Number(value & 0xffffffffn))}`;
}

export function formatIPv4(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

export function isIPv4Mapped(value: bigint): boolean {
  return value >> 32n === 0xffffn;
}

/** The 129 masks, built once: lookups and rules ask for them per row. */
const MASKS: readonly bigint[] = Array.from({ length: 129 }, (_, len) => (len === 0 ? 0n : (ALL_ONES << BigInt(128 - len)) & ALL_ONES));

/** The mask of a prefix length: LEN leading one bits. */
export function maskOf(length: number): bigint {
  return MASKS[length] ?? 0n;
}

/**
 * The value with its host bits cleared. A value without host bits (nearly every prefix a
 * file writes) comes back as the very same BigInt, so the tables and lines that keep a
 * masked prefix share the one the reader made (500k rows: 16 MB a copy; issue 13).
 */
export function maskValue(value: bigint, length: number): bigint {
  const masked = value & maskOf(length);
  return masked === value ? value : masked;
}

/** 128 - length for each length, as the BigInt a shift takes. */
const SHIFTS: readonly bigint[] = Array.from({ length: 129 }, (_, len) => BigInt(128 - len));

/**
 * A prefix's network bits shifted down (host bits dropped): the key that tells prefixes of one
 * length apart. Not the masked value: V8 hashes a BigInt by its lowest 64 bits, all zero in a
 * masked /64 or shorter, and a decimal string of it costs a division per digit (issue 13).
 */
export function networkBits(value: bigint, length: number): bigint {
  return value >> SHIFTS[length]!;
}

/** Does the prefix value/length contain the address? */
export function prefixContains(value: bigint, length: number, address: bigint): boolean {
  const mask = maskOf(length);
  return (value & mask) === (address & mask);
}

/** Parse an address the user gave on the command line: IPv6, or IPv4 as `::ffff:a.b.c.d`. */
export function parseAnyAddress(text: string): { value: bigint; family: 4 | 6 } | null {
  const v4 = parseIPv4(text);
  if (v4 !== null) return { value: IPV4_MAPPED_BASE | BigInt(v4), family: 4 };
  const v6 = parseIPv6(text);
  return v6 === null ? null : { value: v6, family: 6 };
}

/** Text of an address as users write it: IPv4-mapped ones as plain dotted quads. */
export function formatAnyAddress(value: bigint, family: 4 | 6): string {
  return family === 4 ? formatIPv4(Number(value & 0xffffffffn)) : formatIPv6(value);
}

/**
 * Prefix text both parsers accept, host bits cleared (both ignore them): IPv4-mapped
 * prefixes longer than /96 keep a dotted tail so `::ffff:10.0.0.0/104` stays readable.
 */
export function prefixText(p: { readonly prefix: bigint; readonly length: number }, mappedStyle?: 'hex' | 'dotted'): string;
export function prefixText(prefix: bigint, length: number, mappedStyle?: 'hex' | 'dotted'): string;
export function prefixText(a: bigint | { readonly prefix: bigint; readonly length: number }, b?: number | 'hex' | 'dotted', c?: 'hex' | 'dotted'): string {
  const [prefix, length, mappedStyle] =
    typeof a === 'bigint' ? [a, b as number, c ?? 'hex'] : [a.prefix, a.length, (b as 'hex' | 'dotted' | undefined) ?? 'hex'];
  const masked = maskValue(prefix, length);
  const dotted = isIPv4Mapped(masked) && length >= 96 && (mappedStyle === 'dotted' || length > 96);
  return `${dotted ? formatMapped(masked) : formatIPv6(masked)}/${length}`;
}
