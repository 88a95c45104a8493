// Writing a fixed file back: only over the very file that was read, still holding the bytes
// that were linted (else nothing is written), in its encoding (bytes we could not decode go
// back unchanged), through the one write path (safe-write.ts).
import { UsageError, type CommandIO } from './command.js';
import { ioReason, type InputFile } from './input.js';
import { readSnapshot, reportWrite, WriteRefused, writeFileSafely } from './safe-write.js';

type WriteIO = Pick<CommandIO, 'stderr' | 'env'>;

export async function writeFixedFile(path: string, input: InputFile, output: string, io?: WriteIO): Promise<void> {
  try {
    const outcome = await writeFileSafely(path, Buffer.from(output, input.encoding), { replacing: readSnapshot(input) });
    if (io) reportWrite(path, outcome, io);
  } catch (error) {
    throw new UsageError(fixNotWritten(path, error));
  }
}

function fixNotWritten(path: string, error: unknown): string {
  if (!(error instanceof WriteRefused)) return `${path}: could not write the fix: ${ioReason(error)}; the file is unchanged`;
  switch (error.kind) {
    case 'changed':
      return `${path}: changed since policylint read it; nothing was written (run --fix again)`;
    case 'not-a-file':
      return `${path}: ${error.reason}; --fix replaces only regular files, so nothing was written`;
    default:
      return `${path}: could not write the fix: ${error.reason}; the file is unchanged`;
  }
}
