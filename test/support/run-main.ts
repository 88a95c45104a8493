// Runs the CLI's main() in-process with captured output (no child process, no build needed).
import type { CommandIO } from '../../src/cli/command.js';
import { main } from '../../src/cli/main.js';

export async function runMain(argv: string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => '', cwd, env, isTTY: false };
  const code = await main(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}
