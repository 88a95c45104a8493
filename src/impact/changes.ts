// How one scenario's outcome differs between two tables, and how much that matters.
// The grading (docs/impact.md): a ULA source chosen for a global destination breaks
// connectivity (error); IPv4 newly tried before IPv6, or an order that now depends on the
// resolver's answer order, is likely unintended (warning) unless the file's goal is just
// that; everything else (IPv6 newly first, an order among IPv6 destinations, localhost,
// where a refused connection falls back at once) has no realistic cost.
import { parseIPv6 } from '../model/address.js';
import { isUlaPrefix, within } from '../model/address-spaces.js';
import type { Severity } from '../model/diagnostic.js';
import type { Goals } from './goals.js';
import type { Outcome } from './outcomes.js';
import { isIPv4Text, type Scenario } from './scenario-catalogue.js';

export type ChangeKind =
  | 'ula-source-for-global'
  | 'ipv4-first'
  | 'tie'
  /** IPv6 now first, from a ULA source towards a global destination: fails without NAT66. */
  | 'ula-to-global-first'
  /** IPv6 now first, from a 6to4 or Teredo source towards a native destination: rides a relay. */
  | 'tunnel-first'
  /** A 6to4 or Teredo destination now before a native IPv6 one: the relayed path wins. */
  | 'tunnel-preferred'
  | 'ipv6-first'
  | 'ipv6-order'
  | 'source';

export interface Change {
  /** The scenario's position in the setup's list. */
  readonly index: number;
  readonly scenario: Scenario;
  readonly before: Outcome;
  readonly after: Outcome;
  readonly kind: ChangeKind;
}

/** The few address texts of the scenarios, classified once each (classify asks per change). */
function memo(f: (text: string) => boolean): (text: string) => boolean {
  const known = new Map<string, boolean>();
  return (text) => {
    let v = known.get(text);
    if (v === undefined) known.set(text, (v = f(text)));
    return v;
  };
}

const isUlaText = memo((text) => {
  const v = parseIPv6(text);
  return v !== null && isUlaPrefix({ prefix: v, length: 128 });
});

/** A destination on the global internet: not ULA, loopback, link-local or IPv4. */
const isGlobalIPv6 = memo((text) => !isIPv4Text(text) && !isUlaText(text) && text !== '::1' && !/^fe[89ab]/i.test(text));

const TUNNELS = [
  { prefix: parseIPv6('2002::')!, length: 16 },
  { prefix: parseIPv6('2001::')!, length: 32 },
];

/** A 6to4 or Teredo address (RFC 7526, RFC 4380): its traffic rides a relay. */
const isTunnelText = memo((text) => {
  const v = parseIPv6(text);
  return v !== null && TUNNELS.some((t) => within({ prefix: v, length: 128 }, t));
});

function ulaSourceForGlobal(o: Outcome): boolean {
  return Object.entries(o.sources).some(([dest, src]) => src !== null && isGlobalIPv6(dest) && isUlaText(src));
}

function mixedFamilies(scenario: Scenario): boolean {
  return scenario.set.destinations.some(isIPv4Text) && scenario.set.destinations.some((d) => !isIPv4Text(d));
}

/** What changed in one scenario, or null when nothing a user would see did. */
export function classify(index: number, scenario: Scenario, before: Outcome, after: Outcome): Change | null {
  const make = (kind: ChangeKind): Change => ({ index, scenario, before, after, kind });
  if (ulaSourceForGlobal(after) && !ulaSourceForGlobal(before)) return make('ula-source-for-global');
  if (before.first === after.first) {
    if (before.first === null && after.order[0] !== before.order[0]) return make('ipv6-order');
    const sourcesDiffer = Object.keys(after.sources).some((d) => after.sources[d] !== before.sources[d]);
    return sourcesDiffer ? make('source') : null;
  }
  if (after.first === null) return make('tie');
  if (!mixedFamilies(scenario)) return make(isTunnelText(after.first) && !isTunnelText(before.first ?? before.order[0]!) ? 'tunnel-preferred' : 'ipv6-order');
  if (isIPv4Text(after.first)) return make('ipv4-first');
  const source = after.sources[after.first] ?? null;
  if (source && isGlobalIPv6(after.first) && isUlaText(source)) return make('ula-to-global-first');
  if (source && isTunnelText(source) && !isTunnelText(after.first)) return make('tunnel-first');
  return make('ipv6-first');
}

/** How much a change matters, given what the file evidently wants; null: not worth a word. */
export function severityOf(change: Change, goals: Goals): Severity | null {
  const localhost = change.scenario.set.id === 'localhost';
  switch (change.kind) {
    case 'ula-source-for-global':
      return 'error';
    case 'ipv4-first':
      // IPv4 before a 6to4 or Teredo name is what RFC 6724 itself chose (RFC 7526): no cost.
      if (change.scenario.set.destinations.some(isTunnelText)) return 'info';
      return localhost ? 'info' : goals.preferIPv4 ? null : 'warning';
    case 'tie':
      // IPv4 against IPv6 is the tie that costs a fallback; two IPv6 answers both work, and
      // a 6to4 or Teredo name is one RFC 6724 puts behind IPv4 anyway.
      return localhost || !mixedFamilies(change.scenario) || change.scenario.set.destinations.some(isTunnelText) ? 'info' : 'warning';
    case 'ula-to-global-first':
      return goals.ulaToGua ? null : 'warning';
    case 'tunnel-first':
      // A 6to4 or Teredo host trying native IPv6 over its relay first: few such hosts are left.
      return goals.preferIPv6 ? null : 'info';
    case 'tunnel-preferred':
      // A native host now relaying through 6to4 or Teredo; a tunnel host relays either way.
      return change.scenario.host.sources.some((s) => isTunnelText(s.text)) ? 'info' : 'warning';
    case 'ipv6-first':
      return goals.preferIPv4 && !localhost ? 'warning' : null;
    case 'ipv6-order':
    case 'source':
      return null;
  }
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function worst(severities: readonly (Severity | null)[]): Severity | null {
  let best: Severity | null = null;
  for (const s of severities) if (s && (!best || RANK[s] > RANK[best])) best = s;
  return best;
}

/** The changes between two outcome lists (same scenarios), most severe first. */
export function changesBetween(
  scenarios: readonly Scenario[],
  before: (i: number) => Outcome,
  after: (i: number) => Outcome,
  goals: Goals,
  only?: readonly number[],
): GradedChange[] {
  const out: GradedChange[] = [];
  for (const i of only ?? scenarios.keys()) {
    const c = classify(i, scenarios[i]!, before(i), after(i));
    if (c) out.push({ ...c, severity: severityOf(c, goals) });
  }
  return out.sort((a, b) => (b.severity ? RANK[b.severity] : 0) - (a.severity ? RANK[a.severity] : 0));
}

export interface GradedChange extends Change {
  readonly severity: Severity | null;
}

/** The deciding rule and the values it compared, briefly: `rule 6: precedence 40 vs 10`. */
export function ruleBrief(o: Outcome, first: string, other: string): string {
  const a = o.values[first];
  const b = o.values[other];
  if (!a || !b || o.rule === null) return o.reason;
  if (o.rule === 6) return `rule 6: precedence ${a.precedence} vs ${b.precedence}`;
  if (o.rule === 5 && b.label === -1) return `rule 5: no policy row matches ${other}`;
  if (o.rule === 5) return `rule 5: labels ${a.sourceLabel}/${a.label} match, ${b.sourceLabel}/${b.label} do not`;
  return o.reason.replace(/;.*$/, '').replace(/^(.{0,70}).*$/, '$1');
}

/** One change in words, short enough for a one-line message. */
export function describeChange(c: Change): string {
  const { host } = c.scenario;
  const other = (first: string) => c.scenario.set.destinations.find((d) => d !== first) ?? '';
  switch (c.kind) {
    case 'ula-source-for-global': {
      const [dest, src] = Object.entries(c.after.sources).find(([d, s]) => s !== null && isGlobalIPv6(d) && isUlaText(s))!;
      return `${host.name} now uses its ULA ${src} as the source towards ${dest}`;
    }
    case 'tie': {
      const [a, b] = c.scenario.set.destinations as [string, string];
      const pa = c.after.values[a]?.precedence;
      const pb = c.after.values[b]?.precedence;
      return `${host.name} tries ${a} or ${b} first, whichever the resolver lists first (${pa === pb ? `both precedence ${pa}` : 'a tie'})`;
    }
    default: {
      const first = c.after.first ?? c.after.order[0]!;
      const from =
        c.kind === 'ula-to-global-first'
          ? ` from its ULA (fails without NAT66)`
          : c.kind === 'tunnel-first'
            ? ` over ${isTunnelText(c.after.sources[first] ?? '') && (c.after.sources[first] ?? '').startsWith('2002:') ? '6to4' : 'Teredo'}`
            : '';
      return `${host.name} now tries ${first}${from} before ${other(first)} (${ruleBrief(c.after, first, other(first))})`;
    }
  }
}

/** The JSON form of an impact (the `details.impacts` of a finding, and `explain --scenarios`). */
// A large table's findings share a few scenarios and the outcomes cached per table: their
// JSON parts are made once each and shared (at 500k rows, building them per finding kept
// ~400 MB of identical objects alive; issue 13). Nothing mutates a finding's details.
const outcomeJsons = new WeakMap<Outcome, ReturnType<typeof outcomeJsonOf>>();
const scenarioJsons = new WeakMap<Scenario, ReturnType<typeof scenarioJsonOf>>();

function outcomeJsonOf(o: Outcome) {
  return { order: o.order, orderIfAFirst: o.reversedOrder, sources: o.sources, first: o.first };
}

function scenarioJsonOf(scenario: Scenario) {
  return {
    host: scenario.host.id,
    sources: scenario.host.sources.map((s) => `${s.text}/${s.prefixLength}`),
    destinations: scenario.set.id,
    addresses: scenario.set.destinations,
  };
}

function shared<K extends object, V>(cache: WeakMap<K, V>, key: K, make: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make(key)));
  return value;
}

export function impactJson(c: GradedChange) {
  return {
    scenario: shared(scenarioJsons, c.scenario, scenarioJsonOf),
    change: c.kind,
    severity: c.severity,
    before: shared(outcomeJsons, c.before, outcomeJsonOf),
    after: shared(outcomeJsons, c.after, outcomeJsonOf),
    rule: c.after.rule,
    reason: c.after.reason,
  };
}
