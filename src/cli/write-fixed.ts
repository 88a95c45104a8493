// Writing a fixed file back: refuse when the file changed since it was read, keep its
// encoding (bytes we could not decode go back unchanged), and write atomically.
import { readFileSync } from 'node:fs';
import { UsageError } from './command.js';
import type { InputFile } from './input.js';
import { ioReason } from './input.js';

export async function writeFixedFile(path: string, input: InputFile, output: string): Promise<void> {
  let now: Buffer;
  try {
    now = readFileSync(path);
  } catch (error) {
    throw new UsageError(`${path}: cannot re-read before writing the fix: ${ioReason(error)}; nothing was written`);
  }
  if (!now.equals(Buffer.from(input.text, input.encoding))) {
    throw new UsageError(`${path}: changed since policylint read it; nothing was written (run --fix again)`);
  }
  try {
    // Loaded only when a fix is written: the lint path does not need it (or node:crypto).
    const { writeFileAtomic } = await import('./safe-write.js');
    await writeFileAtomic(path, Buffer.from(output, input.encoding));
  } catch (error) {
    throw new UsageError(`${path}: could not write the fix: ${ioReason(error)}; the file is unchanged`);
  }
}
