// Every CLI command is one module under src/cli/commands/, loaded only when it runs
// (the lint path must not pay for explain, convert or their dependencies).
import type { Argv } from 'yargs';

/** Thrown for bad usage or I/O: printed as one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly isTTY: boolean;
}

export interface CommandModule {
  /** yargs command string, e.g. 'explain [dest..]'. */
  readonly command: string;
  readonly describe: string;
  readonly builder: (yargs: Argv) => Argv;
  /** Returns the process exit code. */
  readonly run: (argv: Record<string, unknown>, io: CommandIO) => Promise<number>;
}
