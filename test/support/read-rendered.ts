// The gai reader with its findings rendered as the CLI shows them, for tests that assert messages.
import { readGaiConf, type GaiReadOptions } from '../../src/dialects/gai-reader.js';
import { renderFindings } from '../../src/rules/render-finding.js';

export function readGaiConfRendered(source: string, options: GaiReadOptions = {}) {
  const read = readGaiConf(source, options);
  return { ...read, diagnostics: renderFindings(read.findings) };
}
