// Where UTF-8 breaks in a file's bytes: the invalid-utf8 finding's offset. TextDecoder says
// only that bytes are not UTF-8, not where; the CLI's input path and the playground both ask.

/** Offset of the first byte that breaks UTF-8 (bytes.length when they are all valid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0 || (i + need >= bytes.length + (need === 0 ? 1 : 0) && need > 0)) return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}
