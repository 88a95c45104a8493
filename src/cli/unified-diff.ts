// A unified diff of the whole-line changes between two texts (for --fix-dry-run).
// Policy files are small and fixes touch few lines: a plain LCS over lines is enough,
// with a cap that falls back to one big hunk for huge inputs.
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  // Trim the common head and tail first: the LCS runs on the changed middle only.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const ops: { op: ' ' | '-' | '+'; text: string }[] = [];
  for (const line of a.slice(0, head)) ops.push({ op: ' ', text: line });
  ops.push(...lcsOps(midA, midB));
  for (const line of a.slice(a.length - tail)) ops.push({ op: ' ', text: line });
  const shown = name.replace(/^\/+/, '');
  return `--- a/${shown}\n+++ b/${shown}\n` + hunks(ops, context);
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function lcsOps(a: string[], b: string[]): { op: ' ' | '-' | '+'; text: string }[] {
  if (a.length * b.length > 4_000_000) return [...a.map((text) => ({ op: '-' as const, text })), ...b.map((text) => ({ op: '+' as const, text }))];
  const dp = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const ops: { op: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ op: ' ', text: a[i++]! }), j++;
    else if (i < a.length && (j === b.length || dp[i + 1]![j]! >= dp[i]![j + 1]!)) ops.push({ op: '-', text: a[i++]! });
    else ops.push({ op: '+', text: b[j++]! });
  }
  return ops;
}

function hunks(ops: { op: ' ' | '-' | '+'; text: string }[], context: number): string {
  const out: string[] = [];
  let k = 0;
  let lineA = 1;
  let lineB = 1;
  while (k < ops.length) {
    if (ops[k]!.op === ' ') {
      k++, lineA++, lineB++;
      continue;
    }
    const start = Math.max(0, k - context);
    let end = k;
    for (let quiet = 0; end < ops.length && quiet <= context * 2; end++) quiet = ops[end]!.op === ' ' ? quiet + 1 : 0;
    end = Math.min(ops.length, end - Math.max(0, countTrailingSame(ops, end) - context));
    const back = k - start;
    const startA = lineA - back;
    const startB = lineB - back;
    const slice = ops.slice(start, end);
    const lenA = slice.filter((o) => o.op !== '+').length;
    const lenB = slice.filter((o) => o.op !== '-').length;
    out.push(`@@ -${startA},${lenA} +${startB},${lenB} @@`);
    for (const o of slice) out.push(o.op + o.text);
    for (const o of ops.slice(k, end)) {
      if (o.op !== '+') lineA++;
      if (o.op !== '-') lineB++;
    }
    k = end;
  }
  return out.join('\n') + '\n';
}

function countTrailingSame(ops: { op: string }[], end: number): number {
  let n = 0;
  for (let i = end - 1; i >= 0 && ops[i]!.op === ' '; i--) n++;
  return n;
}
