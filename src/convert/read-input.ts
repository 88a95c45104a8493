// Read a policy for convert/diff: the same reading, limits and one-line errors as lint
// (src/cli/read-input.ts). Convert writes UTF-8, so text that is not UTF-8 is refused
// rather than re-encoded behind the user's back.
import { resolve } from 'node:path';
import { UsageError, type CommandIO } from '../cli/command.js';
import { checkLimits, decodeBytes, DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES, readInputFile, type InputFile } from '../cli/read-input.js';

export async function readPolicyText(path: string, io: CommandIO): Promise<string> {
  const limits = { maxBytes: DEFAULT_MAX_BYTES, maxLines: DEFAULT_MAX_LINES };
  let input: InputFile;
  try {
    if (path === '-') {
      // readStdin hands over the bytes as latin1 characters, one per byte.
      const bytes = Buffer.from(await io.readStdin(), 'latin1');
      checkLimits('<stdin>', bytes, limits);
      input = decodeBytes('<stdin>', bytes);
    } else {
      input = readInputFile(resolve(io.cwd, path), limits);
    }
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`policylint: ${error.message.replace(resolve(io.cwd, path), path).replace(/ \(raise it with --max-(bytes|lines)\)/, '')}`);
    throw error;
  }
  if (input.encoding !== 'utf8') {
    throw new UsageError(`policylint: ${path}: not UTF-8 (first bad byte at offset ${input.invalidUtf8At}); convert writes UTF-8 and will not re-encode the file`);
  }
  return input.text;
}
