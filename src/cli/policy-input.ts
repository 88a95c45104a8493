// A policy argument as convert, diff and explain read it: through the one input path
// (src/cli/input.ts), in its dialect (the one detector), with the reader's diagnostics.
import type { Dialect } from '../model/ast.js';
import { detectDialect } from '../dialects/detect.js';
import { CONVERT_DIALECTS, isConvertDialect, type ConvertDialect } from '../dialects/registry.js';
import { readDiagnosed, type DiagnosedPolicy } from '../rules/render-finding.js';
import { UsageError, type CommandIO } from './command.js';
import { readInput, utf8TextOf, type InputFile, type InputLimits } from './input.js';

export interface PolicyInputOptions {
  readonly from?: ConvertDialect;
  readonly limits: InputLimits;
  readonly glibcVersion?: string;
  /** The command that re-encodes the text as UTF-8 (convert, diff), named in the refusal. */
  readonly command: string;
  /** The dialect when --from is not given, from what detection found (default: it, else ip6addrctl). */
  readonly choose?: (detected: ConvertDialect | null) => ConvertDialect;
}

/** The dialect of a file lint can read: gai.conf or ip6addrctl.conf, else null. */
export function policyFileDialect(path: string, text: string): Dialect | null {
  const d = detectDialect(path, text);
  return d === 'gai' || d === 'ip6addrctl' ? d : null;
}

export function dialectOption(value: unknown, name: string): ConvertDialect | undefined {
  if (value === undefined) return undefined;
  if (!isConvertDialect(value)) throw new UsageError(`policylint: --${name} must be one of ${CONVERT_DIALECTS.join(', ')}`);
  return value;
}

/** Read FILE (or - for standard input) in its dialect: explicit, else detected, else ip6addrctl. */
/** The policy, and the file it was read from (what --in-place may replace). */
export async function readPolicyInput(file: string, io: CommandIO, options: PolicyInputOptions): Promise<DiagnosedPolicy & { readonly input: InputFile }> {
  let input;
  try {
    input = await readInput(file, io, options.limits);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`policylint: ${error.message}`, error.exitCode);
    throw error;
  }
  const text = utf8TextOf(input, file, options.command);
  const detected = detectDialect(file, text);
  const dialect = options.from ?? (options.choose ? options.choose(detected) : (detected ?? 'ip6addrctl'));
  return { ...readDiagnosed(dialect, text, options.glibcVersion ? { glibcVersion: options.glibcVersion } : {}), input };
}

/** A reader's errors as `file:line:col: error: message (rule)`; returns how many. */
export function printDiagnostics(path: string, read: DiagnosedPolicy, io: CommandIO, severities: readonly string[] = ['error']): number {
  const shown = read.diagnostics.filter((d) => severities.includes(d.severity));
  for (const d of shown) io.stderr(`${path}:${d.span.start.line}:${d.span.start.column}: ${d.severity}: ${d.message} (${d.ruleId})\n`);
  return shown.length;
}
