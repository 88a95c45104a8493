// Types for glibc-oracle.mjs (so TypeScript tests can import it).
export interface GlibcSource {
  address: string;
  prefixLength?: number;
  deprecated?: boolean;
}
export interface GlibcCase {
  /** /etc/gai.conf content; "" = glibc defaults. */
  gaiConf: string;
  sources: GlibcSource[];
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
