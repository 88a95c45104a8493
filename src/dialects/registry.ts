// Every dialect convert and diff read and write, and which system gives each its meaning.
// (src/ast.ts's Dialect has only the two file formats; the others are read into the
// same AST with dialect 'ip6addrctl' (rows) or 'gai', and their meaning is `Semantics`.)
import type { ReaderFinding } from './reader-finding.js';
import type { Policy } from '../model/ast.js';
import { readGaiConf } from './gai-reader.js';
import { readIp6addrctl } from './ip6addrctl-reader.js';
import { formatGai } from './gai-writer.js';
import { formatIp6addrctl } from './ip6addrctl-writer.js';
import { formatShow, readShow } from './show-dialect.js';
import { formatAddrlabel, readAddrlabel } from './addrlabel-dialect.js';
import { formatNetsh, readNetsh } from './netsh-dialect.js';
import { formatJson, readJson } from './json-dialect.js';
import type { PolicyDocument } from './document.js';
import type { Semantics } from '../model/policy-meaning.js';

export type ConvertDialect = 'gai' | 'ip6addrctl' | 'show' | 'addrlabel' | 'netsh' | 'json';
export const CONVERT_DIALECTS: readonly ConvertDialect[] = ['gai', 'ip6addrctl', 'show', 'addrlabel', 'netsh', 'json'];

export interface ReadPolicy {
  readonly dialect: ConvertDialect;
  readonly semantics: Semantics;
  readonly policy: Policy;
  /** What the reader found; src/rules/render-finding.ts turns them into diagnostics. */
  readonly findings: readonly ReaderFinding[];
}

const FIXED_SEMANTICS: Record<Exclude<ConvertDialect, 'json'>, Semantics> = {
  gai: 'glibc',
  ip6addrctl: 'freebsd',
  show: 'freebsd',
  addrlabel: 'linux-kernel',
  netsh: 'windows',
};

/** The meaning a dialect's output has (JSON keeps the source's). */
export function semanticsOf(dialect: ConvertDialect, source: Semantics): Semantics {
  return dialect === 'json' ? source : FIXED_SEMANTICS[dialect];
}

export interface ReadOptions {
  /** glibc version whose gai.conf parser to follow. */
  readonly glibcVersion?: string;
  /** How the text was decoded: FreeBSD counts a line's bytes, so latin1 text is counted one byte per character. */
  readonly encoding?: 'utf8' | 'latin1';
  /** The FreeBSD target host's interfaces (decides `%name` zones); null: unknown. */
  readonly interfaces?: readonly string[] | null;
}

/** The one way to read a policy text in any dialect. */
export function readPolicy(dialect: ConvertDialect, text: string, options: ReadOptions = {}): ReadPolicy {
  switch (dialect) {
    case 'gai':
      return { dialect, semantics: 'glibc', ...readGaiConf(text, options.glibcVersion ? { glibcVersion: options.glibcVersion } : {}) };
    case 'ip6addrctl': {
      const { policy, findings } = readIp6addrctl(text, {
        ...(options.encoding ? { encoding: options.encoding } : {}),
        interfaces: options.interfaces ?? null,
      });
      return { dialect, semantics: 'freebsd', policy, findings };
    }
    case 'show':
      return { dialect, semantics: 'freebsd', ...readShow(text) };
    case 'addrlabel':
      return { dialect, semantics: 'linux-kernel', ...readAddrlabel(text) };
    case 'netsh':
      return { dialect, semantics: 'windows', ...readNetsh(text) };
    case 'json': {
      const { policy, findings, semantics } = readJson(text);
      return { dialect, semantics, policy, findings };
    }
  }
}

export function formatDocument(dialect: ConvertDialect, doc: PolicyDocument, semantics: Semantics): string {
  switch (dialect) {
    case 'gai':
      return formatGai(doc);
    case 'ip6addrctl':
      return formatIp6addrctl(doc);
    case 'show':
      return formatShow(doc);
    case 'addrlabel':
      return formatAddrlabel(doc);
    case 'netsh':
      return formatNetsh(doc);
    case 'json':
      return formatJson(doc, semantics);
  }
}

export function isConvertDialect(value: unknown): value is ConvertDialect {
  return typeof value === 'string' && (CONVERT_DIALECTS as readonly string[]).includes(value);
}
