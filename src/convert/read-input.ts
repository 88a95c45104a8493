// Read a policy file for convert/diff/defaults: one-line errors naming the file, no stack traces.
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, type CommandIO } from '../cli/command.js';

/** Big enough for any real table (10k-row tables are ~300 kB). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export async function readPolicyText(path: string, io: CommandIO): Promise<string> {
  if (path === '-') return io.readStdin();
  const full = resolve(io.cwd, path);
  let bytes: Buffer;
  try {
    const stat = await fs.stat(full);
    if (stat.isDirectory()) throw new UsageError(`policylint: ${path}: is a directory`);
    if (stat.size > MAX_INPUT_BYTES) throw new UsageError(`policylint: ${path}: file is larger than ${MAX_INPUT_BYTES} bytes`);
    bytes = await fs.readFile(full);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EACCES' ? 'permission denied' : err.message;
    throw new UsageError(`policylint: ${path}: ${why}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`policylint: ${path}: not UTF-8 text`);
  }
}
