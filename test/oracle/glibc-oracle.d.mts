// Types for glibc-oracle.mjs (so TypeScript tests can import it).
export interface GlibcSource {
  address: string;
  prefixLength?: number;
  deprecated?: boolean;
}
export interface GlibcCase {
  /** /etc/gai.conf content; "" = glibc defaults. */
  gaiConf: string;
  /** One interface's addresses (with a default route per family); ignored when `host` is given. */
  sources: GlibcSource[];
  /** A whole host file (src/model/host-file.ts): veth interfaces, routes, `ip addrlabel` table. */
  host?: import('../../src/model/host-file.js').HostFile;
  /** The name's addresses in /etc/hosts order (rule 10's original order). */
  destinations: string[];
  /** Extra `ip -batch` lines run inside the case's private netns. */
  ipCommands?: string[];
}
export type GlibcResult =
  | { order: string[]; sources: Record<string, string | null>; error?: undefined }
  | { error: string; signal?: string; order?: undefined };
export interface GlibcCaseOptions {
  concurrency?: number;
  timeoutMs?: number;
}
export function runGlibcCases(cases: GlibcCase[], options?: GlibcCaseOptions): Promise<GlibcResult[]>;
export function glibcOracleAvailable(): Promise<{ ok: true; glibc: string; node: string } | { ok: false; reason: string }>;
/** Many whole hosts, batched: one namespace and one resolver process per distinct gai.conf. */
export function runHostCases(
  cases: { gaiConf: string; destinations: string[]; host: import('../../src/model/host-file.js').HostFile; zoned?: string[] }[],
  options?: { concurrency?: number },
): Promise<(GlibcResult & { zoned?: Record<string, string | null> })[]>;
