// Many short writes sent as few long ones: `diff` prints a line per address range, over a
// million of them for two 500k-row tables, and each write to a pipe is a system call.
export interface ChunkedWriter {
  readonly write: (text: string) => void;
  /** Send what is held; call it before anything else writes to the same stream. */
  readonly flush: () => void;
}

export function chunkedWriter(send: (text: string) => void, chunkSize = 64 * 1024): ChunkedWriter {
  let held = '';
  const flush = () => {
    if (held !== '') send(held);
    held = '';
  };
  return {
    write: (text) => {
      held += text;
      if (held.length >= chunkSize) flush();
    },
    flush,
  };
}
