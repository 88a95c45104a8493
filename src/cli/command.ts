// Every CLI command is one module under src/cli/commands/, loaded only when it runs
// (the lint path must not pay for explain, convert or their dependencies). Its command
// line is a table (src/cli/option-table.ts) that parsing, help, completion and the man
// page share.
import type { CommandSpec } from './option-table.js';

/** Thrown for bad usage or I/O: printed as one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export interface CommandIO {
  readonly stdout: (text: string) => void;
  /**
   * Standard output as bytes, when the process has a way (src/cli/run.ts): it writes them
   * before it returns, so the caller may reuse the array (byte-output.ts).
   */
  readonly stdoutBytes?: (bytes: Uint8Array) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  /** Standard input as a stream (the real process): read chunk by chunk, stopped at the limit. */
  readonly stdinStream?: () => AsyncIterable<Uint8Array>;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly isTTY: boolean;
}

export interface CommandModule {
  readonly spec: CommandSpec;
  /** Gets the arguments as parseCommandLine returns them; returns the process exit code. */
  readonly run: (argv: Record<string, unknown>, io: CommandIO) => Promise<number>;
}
