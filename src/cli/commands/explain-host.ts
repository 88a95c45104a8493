// `explain --host HOST.json`: the host file read through the one input path, parsed as
// JSON with the line and column of a syntax error, and checked by the simulator's host
// model, whose errors name the JSON path. Every failure is one line and exit 2.
import type { HostFile } from '../../model/host-file.js';
import { HostFileError, isSimPlatform, simulateHost, type SimPlatform, type Simulation, type SimulateHostOptions } from '../../simulate/index.js';
import { UsageError, type CommandIO } from '../command.js';
import { readInput, type InputLimits } from '../input.js';

/** "at position N" of V8's JSON.parse message, as line and column. */
function where(text: string, message: string): string {
  const m = /at position (\d+)/.exec(message);
  if (!m) return '';
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  return ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

export async function readHostFile(file: string, io: CommandIO, limits: InputLimits): Promise<HostFile> {
  if (file === '') throw new UsageError('explain: --host needs a file name (a host file: docs/explain.md)');
  const input = await readInput(file, io, limits);
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.text);
  } catch (e) {
    const message = (e as Error).message.split('\n')[0]!.slice(0, 160);
    throw new UsageError(`explain: ${file}: not JSON${where(input.text, message)} (${message}); a host file is one JSON object (docs/explain.md)`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`explain: ${file}: $ must be an object with "interfaces" and "routes" (docs/explain.md)`);
  }
  return parsed as HostFile;
}

/** The platform a host file names for itself (doctor writes `platform`), if it is one explain simulates. */
export function hostPlatform(host: HostFile): SimPlatform | undefined {
  return typeof host.platform === 'string' && isSimPlatform(host.platform) ? host.platform : undefined;
}

export function simulateHostFile(file: string, host: HostFile, options: SimulateHostOptions): Simulation {
  try {
    return simulateHost(host, options);
  } catch (e) {
    if (e instanceof HostFileError) throw new UsageError(`explain: ${file}: ${e.path}: ${e.reason}; fix the host file (its shape: schema/host.schema.json)`);
    throw e;
  }
}
