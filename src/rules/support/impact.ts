// A rule's view of the impact engine (src/impact): the policy's setup, worked out once
// per policy and config, and the shape a finding's impact takes in its details.
import { IPV4_MAPPED_BASE } from '../../model/address.js';
import { isSiteGuaPrefix, isUlaPrefix, within } from '../../model/address-spaces.js';
import { lookup, type EffectiveTable } from '../../model/effective-table.js';
import { attribute, type Attributed, type Cause } from '../../impact/attribution.js';
import { isDeprecatedSpace } from './deprecated-spaces.js';
import { describeChange, impactJson, type GradedChange } from '../../impact/changes.js';
import { impactSetup, type ImpactSetup } from '../../impact/policy-impact.js';
import type { RuleContext } from '../rule.js';
import { valueLineOf, valueLines } from './value-lines.js';

const cache = new WeakMap<RuleContext['policy'], { config: RuleContext['config']; setup: ImpactSetup }>();

export function impactOf(context: RuleContext): ImpactSetup {
  const cached = cache.get(context.policy);
  if (cached && cached.config === context.config) return cached.setup;
  const { policy, config, table } = context;
  const lines = valueLines(policy);
  const fromConfig = (list: typeof config.sitePrefixes.ula) => list.map((p) => ({ prefix: p.address, length: p.length }));
  const own = {
    ula: [...fromConfig(config.sitePrefixes.ula), ...lines.filter((l) => isUlaPrefix(l) && l.length > 8)],
    gua: [...fromConfig(config.sitePrefixes.gua), ...lines.filter((l) => isSiteGuaPrefix(l))],
  };
  const setup = impactSetup({
    system: policy.dialect === 'gai' ? 'glibc' : 'freebsd',
    table,
    lines,
    own,
    ...(config.baseline ? { baseline: config.baseline } : {}),
    sitePrefixesGiven: config.sitePrefixes.ula.length + config.sitePrefixes.gua.length > 0,
  });
  cache.set(policy, { config, setup });
  return setup;
}

/** A finding's details: every graded change, before and after, with the deciding rule. */
export function impactDetails(list: readonly GradedChange[], extra: Record<string, unknown> = {}) {
  return { ...extra, impacts: list.map(impactJson) };
}

/** The headline change, and how many more scenarios change, for the one-line message. */
export function headline(list: readonly GradedChange[]): string {
  const first = list[0]!;
  const more = list.length - 1;
  return `${describeChange(first)}${more > 0 ? ` (+${more} more scenario${more === 1 ? '' : 's'})` : ''}`;
}

const attributedCache = new WeakMap<RuleContext['policy'], { config: RuleContext['config']; list: Attributed[] }>();

/** Every harmful change against the baseline, with its cause; worked out once per policy. */
export function attributed(context: RuleContext): Attributed[] {
  const cached = attributedCache.get(context.policy);
  if (cached && cached.config === context.config) return cached.list;
  const list = attribute(impactOf(context), context.policy, context.table);
  attributedCache.set(context.policy, { config: context.config, list });
  return list;
}

/** Which rule reports a cause: each cause has exactly one owner. */
export function ownerOf(cause: Cause, table: EffectiveTable): RuleId {
  switch (cause.kind) {
    case 'table-loss':
      return 'partial-table';
    case 'missing-row': {
      const key = `${cause.row.prefix}/${cause.row.length}`;
      if (cause.row.length === 0) return 'missing-catch-all';
      if (key === '1/128') return 'missing-loopback';
      return 'missing-stock-row';
    }
    case 'line': {
      const line = valueLineOf(cause.entry);
      if (isDeprecatedSpace(line)) return 'deprecated-prefix';
      if (isUlaPrefix(line) && line.precedence !== undefined) return 'ula-below-ipv4';
      const v4Label = lookup(table, IPV4_MAPPED_BASE | 0xc6336407n).label;
      // (A row that covers IPv4 space, ::/0 without a ::ffff:0:0/96 row, gives IPv4 its label: not this.)
      const mapped = { prefix: IPV4_MAPPED_BASE, length: 96 };
      if (line.label === v4Label && !within(line, mapped) && !within(mapped, line)) return 'label-shared-with-ipv4';
      return 'behaviour-change';
    }
    case 'file':
      return 'behaviour-change';
  }
}

/** The attributed changes a rule owns. */
export function claimsOf(context: RuleContext, id: RuleId): Attributed[] {
  return attributed(context).filter((a) => ownerOf(a.cause, context.table) === id);
}

type RuleId =
  | 'partial-table'
  | 'missing-catch-all'
  | 'missing-loopback'
  | 'missing-stock-row'
  | 'deprecated-prefix'
  | 'ula-below-ipv4'
  | 'label-shared-with-ipv4'
  | 'behaviour-change';
