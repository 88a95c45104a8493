// The layers of src/ (docs/architecture.md): each module imports only from its own layer
// or the layers below it, and nothing below the CLI uses a Node API, so the core also runs
// in a browser.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bottom first. Layers on the same rank may not import each other. */
const LAYERS: Record<string, number> = {
  'src/model': 0,
  grammar: 1,
  'src/dialects': 2,
  'src/simulate': 3,
  'src/impact': 3.5,
  'src/rules': 4,
  // convert quotes the target reader's rendered messages (src/rules/render-finding.ts),
  // so it sits above rules; rules never use convert.
  'src/convert': 5,
  'src/lint': 5,
  // host reads the live machine (Node allowed) for doctor, which the CLI runs: just below cli.
  'src/host': 5.5,
  'src/cli': 6,
};
const NODE_ALLOWED = new Set(['src/cli', 'src/host']);

function layerOf(file: string): string {
  const rel = relative(ROOT, file);
  const layer = Object.keys(LAYERS).find((l) => rel === l || rel.startsWith(`${l}/`));
  if (!layer) throw new Error(`${rel} is in no layer: add its folder to LAYERS and docs/architecture.md`);
  return layer;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sources(path) : e.name.endsWith('.ts') ? [path] : [];
  });
}

const FILES = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'grammar'))];
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

/** Node globals and APIs, outside comments and strings. */
function nodeApiUses(file: string): string[] {
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
  return [...code.matchAll(/\b(Buffer|process|require|__dirname|__filename|NodeJS)\b/g)].map((m) => m[1]!);
}

describe('architecture', () => {
  test('every source file is in a layer, and the walk found them', () => {
    expect(FILES.length).toBeGreaterThan(50);
    for (const f of FILES) expect(() => layerOf(f)).not.toThrow();
  });

  test('no module imports a layer above its own, or a sibling layer of the same rank', () => {
    const violations: string[] = [];
    for (const file of FILES) {
      const from = layerOf(file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        const to = layerOf(target);
        if (to === from) continue;
        if (LAYERS[to]! >= LAYERS[from]!) violations.push(`${relative(ROOT, file)} (${from}) imports ${spec} (${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  test('below the CLI, no module uses a Node API', () => {
    const violations: string[] = [];
    for (const file of FILES) {
      const layer = layerOf(file);
      if (NODE_ALLOWED.has(layer)) continue;
      for (const spec of importsOf(file))
        if (spec.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'util', 'child_process'].includes(spec))
          violations.push(`${relative(ROOT, file)} imports ${spec}`);
      for (const name of nodeApiUses(file)) violations.push(`${relative(ROOT, file)} uses ${name}`);
    }
    expect(violations).toEqual([]);
  });

  test('the check itself catches an upward import', () => {
    // A synthetic case: a rule importing the CLI must count as a violation.
    const from = layerOf(join(ROOT, 'src/rules/x.ts'));
    const to = layerOf(join(ROOT, 'src/cli/main.ts'));
    expect(LAYERS[to]! >= LAYERS[from]!).toBe(true);
    expect(nodeApiUses(join(ROOT, 'src/cli/safe-write.ts')).length).toBeGreaterThan(0);
  });
});
