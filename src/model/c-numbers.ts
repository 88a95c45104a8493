// How the two real parsers turn text into numbers. Both are C library calls whose
// quirks users trip over, so they are modelled exactly rather than approximated.

/** C isspace() in the C locale. */
export function isCSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

export interface AtoiResult {
  /** What atoi returns on FreeBSD amd64/arm64: strtol clamped to long, then cut to int. */
  readonly value: number;
  /** Characters consumed from the start of the text (0 when no digits). */
  readonly consumed: number;
  readonly digits: boolean;
  /** The value was out of int range and wrapped or was clamped. */
  readonly overflow: boolean;
}

/**
 * FreeBSD atoi(): skips leading isspace(), an optional sign, then decimal digits; stops at
 * the first other character; "abc" gives 0. It is (int)strtol(s, NULL, 10): on 64-bit
 * systems strtol clamps to the long range and the cast keeps the low 32 bits, so
 * 4294967295 becomes -1.
 */
export function cAtoi(text: string): AtoiResult {
  let i = 0;
  while (i < text.length && isCSpace(text.charCodeAt(i))) i++;
  let negative = false;
  const sign = text[i];
  if (sign === '+' || sign === '-') {
    negative = sign === '-';
    i++;
  }
  const start = i;
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  if (i === start) return { value: 0, consumed: 0, digits: false, overflow: false };
  const exact = negative ? -BigInt(text.slice(start, i)) : BigInt(text.slice(start, i));
  const clamped = exact > INT64_MAX ? INT64_MAX : exact < INT64_MIN ? INT64_MIN : exact;
  const value = Number(BigInt.asIntN(32, clamped));
  return { value, consumed: i, digits: true, overflow: BigInt(value) !== exact };
}

const ULONG_MAX = (1n << 64n) - 1n;

export interface StrtoulResult {
  /** The unsigned long value, or null when strtoul reports ERANGE. */
  readonly value: bigint | null;
  /** The whole text was consumed (glibc requires `*endp == '\0'`). */
  readonly complete: boolean;
}

/**
 * glibc strtoul(s, &endp, 10) on a whitespace-free word: optional sign, decimal digits.
 * An empty word gives 0 with endp at its end (so it is "complete"); `-N` is negated in
 * unsigned arithmetic, so `-0` is 0 and `-1` is ULONG_MAX.
 */
export function cStrtoul(text: string): StrtoulResult {
  let i = 0;
  let negative = false;
  if (text[0] === '+' || text[0] === '-') {
    negative = text[0] === '-';
    i = 1;
  }
  const start = i;
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  if (i === start) {
    // No digits: strtoul returns 0 and sets endp to the start of the word.
    return { value: 0n, complete: text.length === 0 };
  }
  const magnitude = BigInt(text.slice(start, i));
  const complete = i === text.length;
  if (magnitude > ULONG_MAX) return { value: null, complete };
  const value = negative ? (ULONG_MAX + 1n - magnitude) & ULONG_MAX : magnitude;
  return { value, complete };
}

export const INT_MAX = 2147483647;

/** Is the text a plain decimal number as a person would write it (digits only)? */
export function isPlainDecimal(text: string): boolean {
  return /^[0-9]+$/.test(text);
}
