// The one place a reader's finding becomes a Diagnostic: the rule's own file builds the
// message from the finding's message id and data, and gives the default severity. lint,
// convert and the CLI all go through here.
import type { ReaderFinding } from '../dialects/reader-finding.js';
import { readPolicy, type ConvertDialect, type ReadOptions, type ReadPolicy } from '../dialects/registry.js';
import { ruleOf } from './catalog.js';
import type { Diagnostic } from './diagnostic.js';

export function renderFinding(finding: ReaderFinding): Diagnostic {
  const rule = ruleOf(finding.ruleId);
  const build = rule.messages?.[finding.messageId] as ((data: unknown) => string) | undefined;
  if (!build) throw new Error(`rule ${finding.ruleId} has no message \`${finding.messageId}\``);
  return {
    ruleId: finding.ruleId,
    severity: finding.severity ?? rule.meta.defaultSeverity,
    message: build(finding.data),
    span: finding.span,
    ...(finding.fix ? { fix: finding.fix } : {}),
  };
}

export const renderFindings = (findings: readonly ReaderFinding[]): Diagnostic[] => findings.map(renderFinding);

export interface DiagnosedPolicy extends ReadPolicy {
  readonly diagnostics: readonly Diagnostic[];
}

/** readPolicy, with the reader's findings rendered: for convert, diff, explain and the tests. */
export function readDiagnosed(dialect: ConvertDialect, text: string, options: ReadOptions = {}): DiagnosedPolicy {
  const read = readPolicy(dialect, text, options);
  return { ...read, diagnostics: renderFindings(read.findings) };
}
