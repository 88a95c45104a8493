// JSON: the policy document as data (schema: schema/policy.schema.json, docs/json-schema.md).
// Items keep the file's order and comments, so gai.conf or ip6addrctl.conf -> JSON -> the
// same dialect gives the same file back.
import { formatIPv4, prefixText } from '../model/address.js';
import type { CommentNode, Entry, GaiTableKind } from '../model/ast.js';
import { commentNode, gaiEntry, makePolicy, parsePrefix, rowEntry, spanIn, type ParsedPrefix, type TextLine } from './line-reader-kit.js';
import { finding, type JsonItemProblem, type ReaderFinding, type ReaderMessageData, type ReaderOutput } from './reader-finding.js';
import type { PolicyDocument } from './document.js';
import type { Semantics } from '../model/policy-meaning.js';

export const JSON_FORMAT = 'policylint-policy';
export const JSON_VERSION = 1;
const SEMANTICS: readonly Semantics[] = ['glibc', 'freebsd', 'windows', 'linux-kernel'];
const TABLES: readonly GaiTableKind[] = ['label', 'precedence', 'scopev4'];
const INT32 = { min: -2147483648, max: 2147483647 };

export type JsonItem =
  | { comment: string }
  | { blank: true }
  | { prefix: string; precedence?: number; label: number; comment?: string }
  | { table: GaiTableKind; prefix: string; value: number; comment?: string }
  | { reload: string; comment?: string };

export interface JsonPolicy {
  $schema?: string;
  format: typeof JSON_FORMAT;
  version: typeof JSON_VERSION;
  semantics: Semantics;
  items: JsonItem[];
}

export interface JsonReadResult extends ReaderOutput {
  readonly semantics: Semantics;
}

function error<M extends keyof ReaderMessageData['json-schema'] & string>(messageId: M, data: ReaderMessageData['json-schema'][M], line = 1): ReaderFinding {
  const at = { line, column: 1, offset: 0 };
  return finding('json-schema', messageId, data, { start: at, end: at }, { severity: 'error' });
}

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Item i stands on line i + 1, so diagnostics and blank lines have a place. */
export function readJson(source: string): JsonReadResult {
  const findings: ReaderFinding[] = [];
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    findings.push(error('notJson', { error: (e as Error).message }));
    return { policy: makePolicy('ip6addrctl', source, [], []), findings, semantics: 'freebsd' };
  }
  const doc = data as Partial<JsonPolicy> | null;
  if (!doc || typeof doc !== 'object' || doc.format !== JSON_FORMAT || doc.version !== JSON_VERSION || !Array.isArray(doc.items)) {
    findings.push(error('notAPolicy', { format: JSON_FORMAT, version: JSON_VERSION }));
    return { policy: makePolicy('ip6addrctl', source, [], []), findings, semantics: 'freebsd' };
  }
  const semantics = doc.semantics ?? 'freebsd';
  if (!SEMANTICS.includes(semantics)) findings.push(error('badSemantics', { allowed: SEMANTICS }));
  const glibc = semantics === 'glibc';
  const entries: Entry[] = [];
  const comments: CommentNode[] = [];
  doc.items.forEach((raw, i) => {
    const item = raw as Record<string, unknown>;
    // Offsets must differ per item: documentOf() tells comments apart by offset.
    const line: TextLine = { number: i + 1, text: '', start: i };
    const bad = (why: JsonItemProblem) => findings.push(error('badItem', { index: i, why }, i + 1));
    if (!item || typeof item !== 'object') return bad({ problem: 'not-an-object' });
    const commentText = typeof item.comment === 'string' ? (item.comment.startsWith('#') ? item.comment : `# ${item.comment}`) : undefined;
    if (item.blank === true) return;
    const isStatement = 'prefix' in item || 'reload' in item;
    const comment = commentText !== undefined ? commentNode(line, commentText, isStatement) : undefined;
    if (comment) comments.push(comment);
    if (!isStatement) {
      if (commentText === undefined) bad({ problem: 'unknown-item' });
      return;
    }
    if ('reload' in item) {
      if (!glibc || typeof item.reload !== 'string') return bad({ problem: 'reload-not-glibc' });
      entries.push({ kind: 'reload', value: item.reload, enabled: item.reload === 'yes', span: spanIn(line), ...(comment ? { comment } : {}) });
      return;
    }
    const prefix: ParsedPrefix | JsonItemProblem = typeof item.prefix === 'string' ? parsePrefix(item.prefix) : { problem: 'no-prefix' };
    if ('problem' in prefix) return bad(prefix);
    if (glibc) {
      const table = item.table as GaiTableKind;
      if (!TABLES.includes(table)) return bad({ problem: 'no-table' });
      if (!isInt(item.value, 0, INT32.max)) return bad({ problem: 'bad-value' });
      if (table === 'scopev4' && (prefix.length < 96 || prefix.address >> 32n !== 0xffffn)) return bad({ problem: 'bad-scopev4' });
      entries.push(gaiEntry(line, table, item.prefix as string, prefix, item.value, comment));
      return;
    }
    const labelsOnly = semantics === 'linux-kernel';
    if (!isInt(item.label, INT32.min, 0xffffffff)) return bad({ problem: 'bad-label' });
    if (labelsOnly ? item.precedence !== undefined : !isInt(item.precedence, INT32.min, 0xffffffff)) {
      return bad({ problem: labelsOnly ? 'precedence-in-kernel' : 'bad-precedence' });
    }
    entries.push(rowEntry(line, item.prefix as string, prefix, labelsOnly ? 0 : (item.precedence as number), item.label, comment));
  });
  return { policy: makePolicy(glibc ? 'gai' : 'ip6addrctl', source, entries, comments), findings, semantics };
}

function scopePrefix(prefix: bigint, length: number): string {
  // ::ffff:a.b.c.d/96+n as the IPv4 form people write in scopev4 lines.
  const bits = length - 96;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return `::ffff:${formatIPv4((Number(prefix & 0xffffffffn) & mask) >>> 0)}/${length}`;
}

export function toJsonPolicy(doc: PolicyDocument, semantics: Semantics): JsonPolicy {
  const items: JsonItem[] = doc.items.map((item): JsonItem => {
    const comment = item.kind !== 'comment' && item.kind !== 'blank' && item.comment ? { comment: item.comment } : {};
    switch (item.kind) {
      case 'blank':
        return { blank: true };
      case 'comment':
        return { comment: item.text };
      case 'row':
        return semantics === 'linux-kernel'
          ? { prefix: prefixText(item.prefix, item.length), label: item.label, ...comment }
          : { prefix: prefixText(item.prefix, item.length), precedence: item.precedence, label: item.label, ...comment };
      case 'gai':
        return {
          table: item.table,
          prefix: item.table === 'scopev4' ? scopePrefix(item.prefix, item.length) : prefixText(item.prefix, item.length),
          value: item.value,
          ...comment,
        };
      case 'reload':
        return { reload: item.value, ...comment };
    }
  });
  return { format: JSON_FORMAT, version: JSON_VERSION, semantics, items };
}

export function formatJson(doc: PolicyDocument, semantics: Semantics): string {
  return JSON.stringify(toJsonPolicy(doc, semantics), null, 2) + '\n';
}
