// The process wrapper: real stdio, exit code, and no stack trace ever reaches the user.
import { fstatSync, writeSync } from 'node:fs';
import { main } from './main.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('latin1');
}

/** A closed stdout (e.g. `policylint ... | head`) is not an error worth a trace. */
const quietOnEpipe = (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
};

/**
 * Standard output written straight to descriptor 1: building process.stdout (a stream, and
 * for a pipe a socket) costs every cold start about 1.5 ms (issue 10), and the CLI writes
 * its output whole. When the descriptor will not take more now (EAGAIN: a non-blocking pipe
 * that is full), the rest, and everything after it, goes through process.stdout, which waits.
 * As text, or as bytes the caller will write again once this returns (CommandIO.stdoutBytes).
 */
function directStdout(): { text: (text: string) => void; bytes: (bytes: Uint8Array) => void } {
  let stream: NodeJS.WriteStream | undefined;
  const viaStream = (chunk: Uint8Array) => {
    if (!stream) {
      stream = process.stdout;
      stream.on('error', quietOnEpipe);
    }
    stream.write(chunk);
  };
  // `owned`: nobody else writes to these bytes, so the stream, which writes later, may keep them without a copy.
  const write = (bytes: Uint8Array, owned: boolean) => {
    if (stream) return viaStream(owned ? bytes : Buffer.from(bytes));
    for (let at = 0; at < bytes.length; ) {
      try {
        at += writeSync(1, bytes, at);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return quietOnEpipe(error as NodeJS.ErrnoException);
        const rest = bytes.subarray(at);
        return viaStream(owned ? rest : Buffer.from(rest));
      }
    }
  };
  return { text: (text) => write(Buffer.from(text, 'utf8'), true), bytes: (bytes) => write(bytes, false) };
}

const stdout = directStdout();

main(process.argv.slice(2), {
  stdout: stdout.text,
  stdoutBytes: stdout.bytes,
  stderr: (t) => void process.stderr.write(t),
  readStdin,
  stdinStream: () => process.stdin,
  cwd: process.cwd(),
  env: process.env,
  // Asked only when colour is not settled by the environment or a flag. A pipe or a file is
  // never a terminal, which fstat says without building process.stdout or loading node:tty
  // (each costs a cold start ~1.5 ms); only a character device is asked further.
  get isTTY() {
    try {
      return fstatSync(1).isCharacterDevice() && Boolean(process.stdout.isTTY);
    } catch {
      return false;
    }
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`policylint: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
