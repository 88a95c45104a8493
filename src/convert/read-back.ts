// The second half of convert's proof: what the output means as the target reads it.
//
// A gai.conf output is a million lines at 500k rows (issue 13), and the full reader builds
// an AST of them (tokens, spans, nodes) only for its meaning to be taken and the rest
// dropped. When every line is of a shape the writer emits, the plain reader
// (gai-plain-reader.ts) gives the same table lines without any of that, and glibc's rules
// for them (glibcEffectiveTable: a kind's lines, else its built-in table; a /0 appended
// when none has the catch-all length) make the same step functions. Any other output goes
// through the full reader. test/read-back.test.ts compares the two.
import { readPlainGaiTables, type PlainTableLines } from '../dialects/gai-plain-reader.js';
import type { ConvertDialect } from '../dialects/registry.js';
import { builtinEffectiveTable, GLIBC_IMPLICIT } from '../model/effective-table.js';
import { ipv4ScopePieces, ipv4ScopePiecesOf, modelOf, tableRowsOf, type TableRows } from '../model/policy-meaning.js';
import type { PrefixTable } from '../model/prefix-table.js';
import { prefixWordsOf } from '../model/step-function.js';
import { readDiagnosed } from '../rules/render-finding.js';
import { meaningOf, valuesLike, type Meaning } from './equivalence.js';
import type { WrittenOutput } from './written-output.js';

/**
 * What the output means as the target reads it, or the reader's first error; the read
 * policy is not kept. `source`: what the source means, whose step function is taken when
 * the output's tables hold the very same rows (valuesLike).
 */
export function readBack(to: ConvertDialect, output: WrittenOutput, source?: Meaning): Meaning | string {
  // The bytes when the output was made as bytes (gai-writer.ts): no 61 MB string to decode at 500k rows.
  const plain = to === 'gai' ? plainGaiMeaning(output.madeAsBytes ?? output.text, source) : undefined;
  if (plain) return plain;
  const reread = readDiagnosed(to, output.text);
  const problem = reread.diagnostics.find((d) => d.severity === 'error');
  return problem ? problem.message : meaningOf(modelOf(reread.policy, reread.semantics), source);
}

/** What a gai.conf of plain lines means to glibc; undefined when some line is not plain. */
export function plainGaiMeaning(text: string | Uint8Array, like?: Meaning): Meaning | undefined {
  const lines = readPlainGaiTables(text);
  if (!lines) return undefined;
  const builtin = builtinEffectiveTable('glibc');
  const labels = glibcRows(lines.label, builtin.labels, GLIBC_IMPLICIT.label);
  const precedences = glibcRows(lines.precedence, builtin.precedences, GLIBC_IMPLICIT.precedence);
  const tables = { labelsOnly: false, labels, precedences, noMatch: builtin.noMatch };
  const values = valuesLike(tables, like);
  const scopes =
    lines.scopev4.values.length === 0
      ? ipv4ScopePieces(builtin.scopev4!)
      : ipv4ScopePiecesOf(glibcRows(lines.scopev4, builtin.scopev4!, GLIBC_IMPLICIT.scopev4));
  return { labelsOnly: false, values, scopes, tables };
}

/** A kind's lines, else glibc's built-in table; with the implicit catch-all row when no line has its length. */
function glibcRows(lines: PlainTableLines, builtin: PrefixTable<number>, implicit: { prefix: bigint; length: number; value: number }): TableRows {
  const n = lines.values.length;
  if (n === 0) return tableRowsOf(builtin);
  if (lines.prefixes.lengths.includes(implicit.length)) return lines;
  const words = new Float64Array(3 * n + 3);
  words.set(lines.prefixes.words);
  words.set(prefixWordsOf([implicit]).words, 3 * n);
  const lengths = new Uint8Array(n + 1);
  lengths.set(lines.prefixes.lengths);
  lengths[n] = implicit.length;
  const values = new Float64Array(n + 1);
  values.set(lines.values);
  values[n] = implicit.value;
  return { prefixes: { words, lengths }, values };
}
