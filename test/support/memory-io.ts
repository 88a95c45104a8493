// A command's IO in memory: what it printed, for tests that call a command directly.
import type { CommandIO } from '../../src/cli/command.js';

export interface MemoryIO {
  readonly io: CommandIO;
  readonly out: { stdout: string; stderr: string };
}

/** `stdin` is the text the command reads from standard input (latin1 for bytes, as run.ts hands them over). */
export function memoryIO(cwd = process.cwd(), stdin = ''): MemoryIO {
  const out = { stdout: '', stderr: '' };
  const io: CommandIO = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readStdin: async () => stdin,
    cwd,
    env: {},
    isTTY: false,
  };
  return { io, out };
}
