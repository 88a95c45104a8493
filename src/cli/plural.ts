// "1 warning", "2 warnings": counts in messages read right.
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
