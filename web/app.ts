// The playground page: the editor, the findings as you type, the conversion, the explain
// panel and the impact table, with the state in the URL fragment. All the work is done by
// web/core.ts (the CLI's own core); this file only reads the form and draws the results.
import { decodeBytes, encodeText, type DecodedBytes } from './bytes.js';
import {
  applyFixes,
  chooseDialect,
  configFor,
  convertPage,
  CONVERT_DIALECTS,
  explainPage,
  impactPage,
  lintPage,
  platformOf,
  PLATFORMS,
  SIM_PLATFORMS,
  type ConvertDialect,
  type LintResult,
  type Platform,
  type SimPlatform,
} from './core.js';
import { formatFragment, parseFragment, textOf, utf8Bytes } from './fragment.js';
import { sourcesOfHostFile } from './host-file.js';

performance.mark('policylint:script-start');
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  name: $<HTMLInputElement>('name'),
  dialect: $<HTMLSelectElement>('dialect'),
  example: $<HTMLSelectElement>('example'),
  file: $<HTMLInputElement>('file'),
  interfaces: $<HTMLInputElement>('interfaces'),
  baseline: $<HTMLSelectElement>('baseline'),
  text: $<HTMLTextAreaElement>('text'),
  gutter: $('gutter'),
  drop: $('drop'),
  detected: $('detected'),
  summary: $('summary'),
  findings: $('findings'),
  to: $<HTMLSelectElement>('to'),
  force: $<HTMLInputElement>('force'),
  verdict: $('verdict'),
  convertNotes: $('convert-notes'),
  converted: $<HTMLTextAreaElement>('converted'),
  platform: $<HTMLSelectElement>('platform'),
  sources: $<HTMLTextAreaElement>('sources'),
  dests: $<HTMLTextAreaElement>('dests'),
  host: $<HTMLTextAreaElement>('host'),
  hostFile: $<HTMLInputElement>('host-file'),
  explainTitle: $('explain-title'),
  order: $('order').querySelector('tbody')!,
  steps: $('steps'),
  impactSummary: $('impact-summary'),
  impact: $('impact').querySelector('tbody')!,
  share: $<HTMLButtonElement>('share'),
  theme: $<HTMLButtonElement>('theme'),
};

/**
 * A textarea turns every CR into LF, which would change the file (and hide what
 * crlf-line-ending reports): the editor shows each CR as ␍ and reads it back as CR, one
 * character for one, so offsets stay the file's. (A ␍ typed by hand becomes a CR.)
 */
const CR_SHOWN = '\u240d';
const toEditor = (text: string) => text.replace(/\r/g, CR_SHOWN);
const editorText = () => ui.text.value.replace(/\u240d/g, '\r');
function setEditorText(text: string) {
  ui.text.value = toEditor(text);
}

/** How the editor's text maps back to bytes: a file that is not UTF-8 keeps one character per byte. */
let encoding: DecodedBytes['encoding'] = 'utf8';
let lastResult: LintResult | null = null;
let generation = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function addOptions(select: HTMLSelectElement, values: readonly string[]) {
  for (const v of values) select.append(el('option', { value: v, textContent: v }));
}
addOptions(ui.baseline, PLATFORMS);
addOptions(ui.to, CONVERT_DIALECTS);
addOptions(ui.platform, SIM_PLATFORMS);

const examples = JSON.parse(document.getElementById('examples')!.textContent || '[]') as { name: string; title: string; text: string }[];
examples.forEach((x, i) => ui.example.append(el('option', { value: String(i), textContent: x.title })));

// ------------------------------------------------------------------ the input

function currentBytes(): Uint8Array {
  return encodeText(editorText(), encoding);
}

/** Put bytes into the editor as the CLI would read them. */
function loadBytes(bytes: Uint8Array) {
  const decoded = decodeBytes(bytes);
  encoding = decoded.encoding;
  setEditorText(decoded.text);
}

function currentInput(): DecodedBytes {
  const decoded = decodeBytes(currentBytes());
  // Typing away the last bad byte makes the file UTF-8 again: show it as such.
  if (decoded.encoding !== encoding) {
    const { selectionStart, selectionEnd } = ui.text;
    encoding = decoded.encoding;
    setEditorText(decoded.text);
    ui.text.setSelectionRange(selectionStart, selectionEnd);
  }
  return decoded;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');

// ------------------------------------------------------------------ drawing

function drawGutter(result: LintResult | null) {
  const count = ui.text.value.split('\n').length;
  const worst = new Map<number, { severity: string; titles: string[] }>();
  const rank: Record<string, number> = { error: 3, warning: 2, info: 1 };
  for (const m of result?.messages ?? []) {
    const at = worst.get(m.line) ?? { severity: 'info', titles: [] };
    if (rank[m.severity]! >= rank[at.severity]!) at.severity = m.severity;
    at.titles.push(`${m.severity}: ${m.message} (${m.ruleId})`);
    worst.set(m.line, at);
  }
  const frag = document.createDocumentFragment();
  for (let i = 1; i <= count; i++) {
    const mark = worst.get(i);
    const div = el('div', { textContent: String(i) });
    if (mark) {
      div.className = `mark ${mark.severity}`;
      div.title = mark.titles.join('\n');
    }
    frag.append(div);
  }
  ui.gutter.replaceChildren(frag);
  ui.gutter.scrollTop = ui.text.scrollTop;
}

function selectRange(start: number, end: number) {
  ui.text.focus();
  ui.text.setSelectionRange(start, Math.max(end, start + 1));
  // Scroll the selected line into view: the textarea does not do it for a selection made in code.
  const line = ui.text.value.slice(0, start).split('\n').length;
  const height = ui.text.scrollHeight / Math.max(1, ui.text.value.split('\n').length);
  ui.text.scrollTop = Math.max(0, (line - 3) * height);
}

function drawFindings(result: LintResult) {
  const { errorCount: e, warningCount: w, infoCount: n } = result;
  const total = result.messages.length;
  ui.summary.textContent =
    total === 0 ? 'No problems.' : `${total} problem${total === 1 ? '' : 's'} (${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${n} info)`;
  ui.summary.className = e > 0 ? 'error' : w > 0 ? 'warning' : 'ok';
  const items = result.messages.map((m) => {
    const jump = el('button', { type: 'button', className: 'at', textContent: `${m.line}:${m.column}`, title: 'Select this span in the editor' });
    jump.addEventListener('click', () => selectRange(m.offset, m.endOffset));
    const doc = el('a', { href: `docs/rules/${m.ruleId}.html`, target: '_blank', rel: 'noopener', className: 'rule', textContent: m.ruleId });
    const li = el('li', { className: `finding ${m.severity}` }, jump, el('span', { className: 'sev', textContent: m.severity }), ' ', doc);
    Object.assign(li.dataset, {
      rule: m.ruleId,
      severity: m.severity,
      line: String(m.line),
      column: String(m.column),
      endLine: String(m.endLine),
      endColumn: String(m.endColumn),
    });
    li.append(el('div', { className: 'message', textContent: m.message }));
    if (m.fix) {
      const fix = m.fix;
      const apply = el('button', { type: 'button', className: 'fix', textContent: `Apply ${fix.safety} fix` });
      apply.title = fix.safety === 'unsafe' ? 'Changes what the system does (as --fix --unsafe-fixes)' : 'Does not change what the system does (as --fix)';
      apply.addEventListener('click', () => {
        setEditorText(applyFixes(editorText(), [fix]).output);
        run();
      });
      li.append(el('div', { className: 'fixline' }, apply, ' ', el('span', { textContent: fix.description })));
    }
    return li;
  });
  ui.findings.replaceChildren(...items);
}

function drawConversion(input: DecodedBytes, dialect: 'gai' | 'ip6addrctl') {
  const choice = ui.to.value;
  const to = (choice === 'auto' ? (dialect === 'gai' ? 'ip6addrctl' : 'gai') : choice) as ConvertDialect;
  const c = convertPage(input, dialect, to, ui.force.checked);
  const verdicts: Record<typeof c.verdict, string> = {
    equivalent: `Equivalent: this ${to} file means exactly the same (checked over every address, for every table).`,
    refused: 'Not converted: the file has errors (see the notes).',
    inexpressible: c.output === null ? `Not converted: ${to} cannot express part of it.` : `Converted without what ${to} cannot express (forced).`,
    different: `Not converted: the ${to} translation would not mean the same.`,
    unreadable: `Not converted: the ${to} translation would not read back cleanly.`,
  };
  ui.verdict.textContent = verdicts[c.verdict];
  ui.verdict.className = `verdict ${c.verdict}`;
  ui.verdict.dataset.verdict = c.verdict;
  ui.convertNotes.replaceChildren(...c.lines.map((l) => el('li', { textContent: l })));
  ui.converted.value = c.output ?? '';
  ui.converted.hidden = c.output === null;
}

function explainSources(): string[] | string {
  // A host file replaces the typed addresses: grey those out so it is clear which are used.
  ui.sources.disabled = ui.host.value.trim() !== '';
  if (!ui.sources.disabled) return lines(ui.sources.value);
  const host = sourcesOfHostFile(ui.host.value);
  return 'problem' in host ? host.problem : host.sources;
}

function explainProblem(problem: string) {
  ui.explainTitle.textContent = problem;
  ui.explainTitle.className = 'error';
  ui.order.replaceChildren();
  ui.steps.replaceChildren();
}

function drawExplanation(input: DecodedBytes, dialect: 'gai' | 'ip6addrctl') {
  const platform = (ui.platform.value === 'auto' ? platformOf(dialect) : ui.platform.value) as SimPlatform;
  const sources = explainSources();
  if (typeof sources === 'string') return explainProblem(sources);
  const hostFile = ui.sources.disabled ? { hostFile: ui.host.value } : {};
  const result = explainPage(input, dialect, { platform, sources, destinations: lines(ui.dests.value), ...hostFile });
  if ('problem' in result) return explainProblem(result.problem);
  const sim = result.simulation;
  ui.explainTitle.className = 'muted';
  const from = ui.sources.disabled ? ` (host file: ${sources.join(', ') || 'no addresses'})` : '';
  ui.explainTitle.textContent = `${platform}, ${result.title}${from}: the order a resolver returns, and the source of each`;
  ui.order.replaceChildren(
    ...sim.order.map((d, i) =>
      el('tr', {}, el('td', { textContent: String(i + 1) }), el('td', { textContent: d }), el('td', { textContent: sim.sources[d] ?? 'no usable source' })),
    ),
  );
  ui.steps.replaceChildren(
    ...sim.steps.map((s) => {
      const li = el('li', {}, el('strong', { textContent: s.rule === null ? 'unsorted' : `rule ${s.rule}` }), ` ${s.a} before ${s.b}: ${s.reason}`);
      li.dataset.rule = String(s.rule);
      return li;
    }),
    ...sim.notes.map((n) => el('li', { className: 'muted', textContent: n })),
  );
}

function drawImpact(input: DecodedBytes, dialect: 'gai' | 'ip6addrctl', config: Parameters<typeof impactPage>[2]) {
  const view = impactPage(input, dialect, config);
  ui.impactSummary.textContent =
    view.rows.length === 0
      ? `No scenario changes against ${view.baseline}'s default table (${view.scenarios} scenarios).`
      : `${view.rows.length} of ${view.scenarios} scenarios change against ${view.baseline}'s default table.`;
  ui.impact.closest('table')!.hidden = view.rows.length === 0;
  ui.impact.replaceChildren(
    ...view.rows.map((r) =>
      el(
        'tr',
        { className: r.grade.replace(/\s/g, '-') },
        el('td', { textContent: r.grade }),
        el('td', { textContent: r.what }),
        el('td', { textContent: r.scenario }),
        el('td', { className: 'addrs' }, ...r.before.map((a) => el('div', { textContent: a }))),
        el('td', { className: 'addrs' }, ...r.after.map((a) => el('div', { textContent: a }))),
      ),
    ),
  );
}

// ------------------------------------------------------------------ running

/** A panel that fails says so in one line where its result would be, and the others still draw. */
function guarded(where: HTMLElement, draw: () => void) {
  try {
    draw();
  } catch (error) {
    where.className = 'error';
    where.textContent = `policylint failed here (a bug; please report it with this page's link): ${(error as Error)?.message ?? String(error)}`;
  }
}

function clearResults(problem: string) {
  lastResult = null;
  ui.summary.textContent = problem;
  ui.summary.className = 'error';
  ui.findings.replaceChildren();
  drawGutter(null);
}

/** Lint now and draw the findings; the slower panels follow in a later task, so the findings paint first. */
function run() {
  clearTimeout(timer);
  delete document.body.dataset.pending;
  const mine = ++generation;
  const input = currentInput();
  saveFragment();
  const dialectChoice = chooseDialect(ui.name.value, input.text, ui.dialect.value as 'auto' | 'gai' | 'ip6addrctl');
  const configChoice = configFor({ name: ui.name.value, dialect: 'auto', interfaces: ui.interfaces.value, ...baseline() });
  if ('problem' in dialectChoice) return clearResults(dialectChoice.problem);
  if ('problem' in configChoice) return clearResults(configChoice.problem);
  const { dialect } = dialectChoice;
  ui.detected.textContent = dialectChoice.detected ? `Read as ${dialect === 'gai' ? 'gai.conf (glibc)' : 'ip6addrctl.conf (FreeBSD)'}.` : '';
  if (mine === 1) performance.mark('policylint:lint-start');
  lastResult = lintPage(input, dialect, ui.name.value, configChoice.config);
  drawFindings(lastResult);
  drawGutter(lastResult);
  document.body.dataset.linted = String(mine);
  if (mine === 1) performance.mark('policylint:first-findings');
  setTimeout(() => {
    if (mine !== generation) return;
    guarded(ui.verdict, () => drawConversion(input, dialect));
    guarded(ui.explainTitle, () => drawExplanation(input, dialect));
    setTimeout(() => {
      if (mine !== generation) return;
      guarded(ui.impactSummary, () => drawImpact(input, dialect, configChoice.config));
      document.body.dataset.done = String(mine);
    });
  });
}

function baseline(): { baseline?: Platform } {
  return ui.baseline.value ? { baseline: ui.baseline.value as Platform } : {};
}

let timer: ReturnType<typeof setTimeout> | undefined;
/**
 * Lint as you type, once the typing pauses: 150 ms, and longer for a long file, whose lint
 * takes longer than a pause between keys (everything runs on the page's one thread: file://
 * allows no worker).
 */
function runSoon() {
  clearTimeout(timer);
  // Marks the page as not yet up to date (the tests and the bench wait on it).
  document.body.dataset.pending = '1';
  timer = setTimeout(run, Math.min(1500, 150 + ui.text.value.length / 100));
}

// ------------------------------------------------------------------ the URL fragment

const KEYS = ['name', 'dialect', 'interfaces', 'baseline', 'to', 'force', 'platform', 'src', 'dst', 'host', 'text'] as const;

function saveFragment() {
  const value = (k: (typeof KEYS)[number]): Uint8Array => {
    switch (k) {
      case 'text':
        return currentBytes();
      case 'name':
        return utf8Bytes(ui.name.value);
      case 'dialect':
        return utf8Bytes(ui.dialect.value === 'auto' ? '' : ui.dialect.value);
      case 'interfaces':
        return utf8Bytes(ui.interfaces.value);
      case 'baseline':
        return utf8Bytes(ui.baseline.value);
      case 'to':
        return utf8Bytes(ui.to.value === 'auto' ? '' : ui.to.value);
      case 'force':
        return utf8Bytes(ui.force.checked ? '1' : '');
      case 'platform':
        return utf8Bytes(ui.platform.value === 'auto' ? '' : ui.platform.value);
      case 'src':
        return utf8Bytes(ui.sources.value === ui.sources.defaultValue ? '' : ui.sources.value);
      case 'dst':
        return utf8Bytes(ui.dests.value === ui.dests.defaultValue ? '' : ui.dests.value);
      case 'host':
        return utf8Bytes(ui.host.value);
    }
  };
  const hash = formatFragment(KEYS.map((k) => [k, value(k)] as const));
  // Browsers cap a URL at about 2 MB: past a safe size the link keeps the last state that fitted.
  linkTooBig = hash.length > MAX_LINK;
  ui.share.disabled = linkTooBig;
  ui.share.title = linkTooBig ? `This file is too big for a link (over ${MAX_LINK / 1e6} MB once encoded)` : SHARE_TITLE;
  if (!linkTooBig && hash !== location.hash) history.replaceState(null, '', hash === '' ? location.pathname + location.search : hash);
}
const MAX_LINK = 1_000_000;
const SHARE_TITLE = ui.share.title;
let linkTooBig = false;

function setSelect(select: HTMLSelectElement, value: string | undefined, fallback: string) {
  select.value = value && [...select.options].some((o) => o.value === value) ? value : fallback;
}

/** Restore the page from the fragment; false when it holds no file. */
function loadFragment(): boolean {
  const f = parseFragment(location.hash);
  const text = f.get('text');
  if (text === undefined && !f.has('name')) return false;
  ui.name.value = textOf(f.get('name')) ?? '';
  setSelect(ui.dialect, textOf(f.get('dialect')), 'auto');
  ui.interfaces.value = textOf(f.get('interfaces')) ?? '';
  setSelect(ui.baseline, textOf(f.get('baseline')), '');
  setSelect(ui.to, textOf(f.get('to')), 'auto');
  ui.force.checked = textOf(f.get('force')) === '1';
  setSelect(ui.platform, textOf(f.get('platform')), 'auto');
  ui.sources.value = textOf(f.get('src')) ?? ui.sources.defaultValue;
  ui.dests.value = textOf(f.get('dst')) ?? ui.dests.defaultValue;
  ui.host.value = textOf(f.get('host')) ?? '';
  loadBytes(text ?? new Uint8Array());
  return true;
}

// ------------------------------------------------------------------ events

async function readFile(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

async function openPolicy(file: File) {
  ui.name.value = file.name;
  loadBytes(await readFile(file));
  run();
}

ui.text.addEventListener('input', runSoon);
ui.text.addEventListener('scroll', () => {
  ui.gutter.scrollTop = ui.text.scrollTop;
});
for (const input of [ui.name, ui.interfaces, ui.sources, ui.dests, ui.host]) input.addEventListener('input', runSoon);
for (const select of [ui.dialect, ui.baseline, ui.to, ui.force, ui.platform]) select.addEventListener('change', run);
ui.file.addEventListener('change', () => {
  const file = ui.file.files?.[0];
  if (file) void openPolicy(file);
});
ui.hostFile.addEventListener('change', async () => {
  const file = ui.hostFile.files?.[0];
  if (!file) return;
  ui.host.value = new TextDecoder().decode(await readFile(file));
  run();
});
ui.drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  ui.drop.classList.add('dragging');
});
ui.drop.addEventListener('dragleave', () => ui.drop.classList.remove('dragging'));
ui.drop.addEventListener('drop', (e) => {
  e.preventDefault();
  ui.drop.classList.remove('dragging');
  const file = e.dataTransfer?.files[0];
  if (file) void openPolicy(file);
});
ui.example.addEventListener('change', () => {
  const x = examples[Number(ui.example.value)];
  if (!x || ui.example.value === '') return;
  ui.name.value = x.name;
  loadBytes(utf8Bytes(x.text));
  ui.example.value = '';
  run();
});
window.addEventListener('hashchange', () => {
  if (loadFragment()) run();
});
ui.share.addEventListener('click', async () => {
  saveFragment();
  try {
    await navigator.clipboard.writeText(location.href);
    ui.share.textContent = 'Link copied';
  } catch {
    // file:// and some browsers refuse the clipboard: the address bar has the link.
    ui.share.textContent = 'Link in the address bar';
  }
  setTimeout(() => (ui.share.textContent = 'Copy link'), 2000);
});

// ------------------------------------------------------------------ theme

const THEMES = ['system', 'light', 'dark'] as const;
function setTheme(theme: (typeof THEMES)[number]) {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  ui.theme.textContent = `Theme: ${theme}`;
  try {
    localStorage.setItem('policylint-theme', theme);
  } catch {
    // Storage may be off (private windows, some file:// setups): the theme just is not kept.
  }
}
ui.theme.addEventListener('click', () => {
  const now = (document.documentElement.dataset.theme ?? 'system') as (typeof THEMES)[number];
  setTheme(THEMES[(THEMES.indexOf(now) + 1) % THEMES.length]!);
});
try {
  const kept = localStorage.getItem('policylint-theme');
  if (kept && (THEMES as readonly string[]).includes(kept)) setTheme(kept as (typeof THEMES)[number]);
} catch {
  // as above
}

// ------------------------------------------------------------------ start

if (!loadFragment() && examples[0]) {
  ui.name.value = examples[0].name;
  loadBytes(utf8Bytes(examples[0].text));
}
run();
