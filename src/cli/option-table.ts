// Every command's command line as data: one table per command (src/cli/commands/*.ts) that
// the parser, `--help`, `policylint help CMD`, shell completion and the man page all read.
// Parsing is node:util parseArgs (in Node, no start-up cost) with our own checks on its
// tokens, so every command gets the same one-line errors (exit 2) and suggestions.
import { parseArgs } from 'node:util';
import { UsageError } from './command.js';
import { didYouMean } from './suggest.js';

export interface OptionSpec {
  readonly name: string;
  /** One letter: `-f` for `--format`. */
  readonly alias?: string;
  readonly type: 'string' | 'boolean' | 'number';
  readonly describe: string;
  readonly default?: string | boolean | number;
  readonly choices?: readonly string[];
  /** Repeatable: every value is kept, in order (`--source A --source B`). */
  readonly multiple?: boolean;
  readonly required?: boolean;
  /** The value's name in help and the man page: `--to DIALECT`. */
  readonly valueName?: string;
  /** A boolean that also has a `--no-NAME` form; unset when neither is given. */
  readonly negatable?: boolean;
  /** A number option's range (an integer, always): default 0 to Number.MAX_SAFE_INTEGER. */
  readonly min?: number;
  readonly max?: number;
  /** What completion offers for the value: files (the default for strings) or nothing. */
  readonly complete?: 'file' | 'none';
}

export interface PositionalSpec {
  readonly name: string;
  /** How help shows it: `FILE`, `DEST`. */
  readonly display: string;
  readonly describe: string;
  /** Takes every remaining argument (an array). */
  readonly variadic?: boolean;
  readonly required?: boolean;
  /** Words completion offers (`completion bash|zsh|fish`); files when absent. */
  readonly choices?: readonly string[];
}

export interface CommandSpec {
  readonly name: string;
  /** One line, for the command list. */
  readonly summary: string;
  /** Paragraphs for `help CMD` and the man page; the summary when absent. */
  readonly description?: string;
  /** The usage line after `policylint`, when the generated one would not say it well. */
  readonly usage?: string;
  readonly positionals: readonly PositionalSpec[];
  readonly options: readonly OptionSpec[];
  /** [command line, what it does]. */
  readonly examples: readonly (readonly [string, string])[];
}

/** `--help`/`-h`: every command has it; it is in the table so help and completion list it. */
export const HELP_OPTION: OptionSpec = { name: 'help', alias: 'h', type: 'boolean', describe: 'Show this help and exit', complete: 'none' };

export const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export type ParsedArgs = Record<string, unknown> & { readonly help?: boolean };

function fail(command: string, problem: string): never {
  throw new UsageError(`policylint ${command}: ${problem}${command === 'help' ? '' : ` (see policylint help ${command})`}`);
}

function convertValue(command: string, o: OptionSpec, raw: string): string | number {
  let value: string | number = raw;
  if (o.type === 'number') {
    // A whole number in range: `1.5`, `1e3`, `0x10` and ` 7` are refused, not rounded or guessed.
    const min = o.min ?? 0;
    const max = o.max ?? Number.MAX_SAFE_INTEGER;
    const n = /^-?(0|[1-9][0-9]*)$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) fail(command, `--${o.name} needs a whole number from ${min} to ${max}, got "${raw}"`);
    value = n;
  }
  if (o.choices && !o.choices.includes(String(value))) {
    fail(command, `--${o.name} must be one of ${o.choices.join(', ')}, got "${raw}"${didYouMean(raw, o.choices, (c) => `"${c}"`)}`);
  }
  return value;
}

/**
 * Parse a command's arguments by its table. The result has each option under its dashed
 * and camelCase names and each positional under its name; `help: true` when help was
 * asked for (nothing else is checked then, so `convert --help` works without `--to`).
 */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options = [...spec.options, HELP_OPTION];
  const byName = new Map<string, OptionSpec>();
  const byAlias = new Map<string, OptionSpec>();
  const parseOptions: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const o of options) {
    byName.set(o.name, o);
    if (o.alias) byAlias.set(o.alias, o);
    parseOptions[o.name] = { type: o.type === 'boolean' ? 'boolean' : 'string', ...(o.alias ? { short: o.alias } : {}) };
    if (o.negatable) parseOptions[`no-${o.name}`] = { type: 'boolean' };
  }
  // strict: false, so that we, not parseArgs, word the errors; every token is checked below.
  const { tokens } = parseArgs({ args: [...argv], options: parseOptions, strict: false, allowPositionals: true, tokens: true });
  const values = new Map<string, unknown>();
  const positionals: string[] = [];
  const known = options.flatMap((o) => [`--${o.name}`, ...(o.negatable ? [`--no-${o.name}`] : [])]);
  for (const t of tokens) {
    if (t.kind === 'positional') {
      positionals.push(t.value);
      continue;
    }
    if (t.kind !== 'option') continue;
    const negated = t.name.startsWith('no-') && byName.get(t.name.slice(3))?.negatable === true;
    const o = negated ? byName.get(t.name.slice(3)) : t.rawName.startsWith('--') ? byName.get(t.name) : (byAlias.get(t.name) ?? byName.get(t.name));
    if (!o) fail(spec.name, `unknown option ${t.rawName}${didYouMean(t.rawName.replace(/^-+/, '--'), known)}`);
    if (o.type === 'boolean') {
      if (t.inlineValue) fail(spec.name, `${t.rawName} takes no value, got "${t.value}"`);
      values.set(o.name, !negated);
      continue;
    }
    // parseArgs takes the next word even when it is another option (`--format --quiet`).
    const looksLikeOption =
      !t.inlineValue && t.value !== undefined && t.value.startsWith('-') && t.value !== '-' && !(o.type === 'number' && /^-\d/.test(t.value));
    if (t.value === undefined || looksLikeOption) fail(spec.name, `${t.rawName} needs a value${o.choices ? ` (one of ${o.choices.join(', ')})` : ''}`);
    const value = convertValue(spec.name, o, t.value);
    if (o.multiple) values.set(o.name, [...((values.get(o.name) as unknown[]) ?? []), value]);
    else values.set(o.name, value);
  }
  if (values.get('help') === true) return { help: true };

  const out: Record<string, unknown> = {};
  for (const o of spec.options) {
    const value = values.has(o.name) ? values.get(o.name) : o.default;
    if (value === undefined) {
      if (o.required) fail(spec.name, `--${o.name} is required${o.choices ? ` (one of ${o.choices.join(', ')})` : ''}`);
      continue;
    }
    out[o.name] = out[camel(o.name)] = value;
  }
  let i = 0;
  for (const p of spec.positionals) {
    if (p.variadic) {
      out[p.name] = positionals.slice(i);
      i = positionals.length;
    } else if (i < positionals.length) {
      const value = positionals[i++]!;
      if (p.choices && !p.choices.includes(value))
        fail(spec.name, `unknown ${p.display} "${value}" (one of ${p.choices.join(', ')})${didYouMean(value, p.choices)}`);
      out[p.name] = value;
    } else if (p.required) {
      fail(spec.name, `missing ${p.display}`);
    }
  }
  if (i < positionals.length) fail(spec.name, `unexpected argument "${positionals[i]}"`);
  return out;
}

// ------------------------------------------------------------------ help text

/** `--to DIALECT`, `-o, --output FILE`, `--[no-]color`. */
export function optionLabel(o: OptionSpec): string {
  const name = o.negatable ? `--[no-]${o.name}` : `--${o.name}`;
  const value = o.type === 'boolean' ? '' : ` ${o.valueName ?? (o.type === 'number' ? 'N' : 'VALUE')}`;
  return `${o.alias ? `-${o.alias}, ` : '    '}${name}${value}`;
}

/** The description with what a reader needs to know about the value. */
export function optionText(o: OptionSpec): string {
  const notes: string[] = [];
  if (o.choices) notes.push(`one of ${o.choices.join(', ')}`);
  if (o.required) notes.push('required');
  if (o.multiple) notes.push('repeatable');
  if (o.default !== undefined && o.default !== false) notes.push(`default ${o.default}`);
  return notes.length ? `${o.describe} (${notes.join('; ')})` : o.describe;
}

export function usageLine(spec: CommandSpec): string {
  if (spec.usage) return `policylint ${spec.usage}`;
  const required = spec.options.filter((o) => o.required).map((o) => `--${o.name} ${o.valueName ?? 'VALUE'}`);
  const positionals = spec.positionals.map((p) => (p.variadic ? `[${p.display}...]` : p.required ? p.display : `[${p.display}]`));
  return ['policylint', spec.name, ...positionals, ...required, '[options]'].join(' ');
}

function columns(rows: readonly (readonly [string, string])[], indent = '  '): string {
  const width = Math.min(32, Math.max(...rows.map(([a]) => a.length)));
  return rows.map(([a, b]) => (a.length > width ? `${indent}${a}\n${indent}${' '.repeat(width)}  ${b}` : `${indent}${a.padEnd(width)}  ${b}`)).join('\n');
}

/** `policylint help CMD` and `policylint CMD --help`. */
export function commandHelp(spec: CommandSpec): string {
  const parts = [`policylint ${spec.name}: ${spec.summary}`, `Usage: ${usageLine(spec)}`];
  if (spec.description) parts.push(spec.description);
  if (spec.positionals.length) parts.push(`Arguments:\n${columns(spec.positionals.map((p) => [p.display, p.describe]))}`);
  parts.push(`Options:\n${columns([...spec.options, HELP_OPTION].map((o) => [optionLabel(o), optionText(o)]))}`);
  if (spec.examples.length) parts.push(`Examples:\n${spec.examples.map(([cmd, what]) => `  ${cmd}\n      ${what}`).join('\n')}`);
  return parts.join('\n\n') + '\n';
}
