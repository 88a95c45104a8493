// Every dialect convert and diff read and write, and which system gives each its meaning.
// (src/ast.ts's Dialect has only the two file formats; the others are read into the
// same AST with dialect 'ip6addrctl' (rows) or 'gai', and their meaning is `Semantics`.)
import { basename } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import type { Policy } from '../ast.js';
import { readGaiConf } from '../dialects/gai-reader.js';
import { readIp6addrctl } from '../dialects/ip6addrctl-reader.js';
import { formatGai } from '../dialects/gai-writer.js';
import { formatIp6addrctl } from '../dialects/ip6addrctl-writer.js';
import { formatShow, readShow, EMPTY_TABLE_MESSAGE } from '../dialects/show-dialect.js';
import { formatAddrlabel, readAddrlabel } from '../dialects/addrlabel-dialect.js';
import { formatNetsh, readNetsh } from '../dialects/netsh-dialect.js';
import { formatJson, readJson } from '../dialects/json-dialect.js';
import type { PolicyDocument } from './document.js';
import type { Semantics } from './model.js';

export type ConvertDialect = 'gai' | 'ip6addrctl' | 'show' | 'addrlabel' | 'netsh' | 'json';
export const CONVERT_DIALECTS: readonly ConvertDialect[] = ['gai', 'ip6addrctl', 'show', 'addrlabel', 'netsh', 'json'];

export interface ReadPolicy {
  readonly dialect: ConvertDialect;
  readonly semantics: Semantics;
  readonly policy: Policy;
  readonly diagnostics: readonly Diagnostic[];
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

export function readPolicy(dialect: ConvertDialect, text: string): ReadPolicy {
  switch (dialect) {
    case 'gai':
      return { dialect, semantics: 'glibc', ...readGaiConf(text) };
    case 'ip6addrctl':
      return { dialect, semantics: 'freebsd', ...readIp6addrctl(text) };
    case 'show':
      return { dialect, semantics: 'freebsd', ...readShow(text) };
    case 'addrlabel':
      return { dialect, semantics: 'linux-kernel', ...readAddrlabel(text) };
    case 'netsh':
      return { dialect, semantics: 'windows', ...readNetsh(text) };
    case 'json': {
      const { policy, diagnostics, semantics } = readJson(text);
      return { dialect, semantics, policy, diagnostics };
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

/** From the file name, else from the content. */
export function detectDialect(path: string, text: string): ConvertDialect {
  const name = basename(path).toLowerCase();
  if (name.endsWith('gai.conf')) return 'gai';
  if (name.endsWith('ip6addrctl.conf') || name.endsWith('ip6addrctl.conf.sample')) return 'ip6addrctl';
  if (name.endsWith('.json')) return 'json';
  const code = text.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter((l) => l !== '');
  if (text.trimStart().startsWith('{')) return 'json';
  if (code.some((l) => /^Prefix\s+Prec\s+Label/.test(l) || l === EMPTY_TABLE_MESSAGE)) return 'show';
  if (code.some((l) => /\baddrlabel\b/.test(l) || /^prefix\s+\S+\s+(dev\s+\S+\s+)?label\s/.test(l))) return 'addrlabel';
  if (code.some((l) => /prefixpolicy/i.test(l) || /^Precedence\s+Label\s+Prefix/i.test(l))) return 'netsh';
  if (code.some((l) => /^(label|precedence|scopev4|reload)\s/.test(l))) return 'gai';
  return 'ip6addrctl';
}

export function isConvertDialect(value: unknown): value is ConvertDialect {
  return typeof value === 'string' && (CONVERT_DIALECTS as readonly string[]).includes(value);
}
