// The gai and ip6addrctl readers with their findings rendered as the CLI shows them, for tests that assert messages.
import { readGaiConf, type GaiReadOptions } from '../../src/dialects/gai-reader.js';
import { readIp6addrctl, type Ip6addrctlReadOptions } from '../../src/dialects/ip6addrctl-reader.js';
import { renderFindings } from '../../src/rules/render-finding.js';

export function readGaiConfRendered(source: string, options: GaiReadOptions = {}) {
  const read = readGaiConf(source, options);
  return { ...read, diagnostics: renderFindings(read.findings) };
}

/** The same for the ip6addrctl reader. */
export function readIp6addrctlRendered(source: string, options: Ip6addrctlReadOptions = {}) {
  const read = readIp6addrctl(source, options);
  return { ...read, diagnostics: renderFindings(read.findings) };
}
