// RFC 6724 section 6 destination ordering, rule by rule, as each resolver really
// compares two destinations. Every comparison names the rule that decided it, so
// the explanation and the order come from the same code.
import { lookup, type EffectiveTable } from '../model/effective-table.js';
import { commonPrefixLength, commonPrefixLength4, inSubnet, isLinkLocal6, type Destination, type HostAddress } from './host.js';
import type { PlatformBehaviour } from './resolver-profiles.js';
import { freebsdScope, glibcScope, goScope, muslScope, rfc6724Scope } from './scope.js';

/** 0.0.0.0 (::ffff:0.0.0.0): Linux connects from it when a route exists but no IPv4 address does. */
const UNSPECIFIED4_VALUE = 0xffffn << 32n;

/** Everything the comparison needs about one destination, computed once. */
export interface DestinationFacts {
  readonly dest: Destination;
  readonly source: HostAddress | null;
  readonly dstScope: number;
  readonly srcScope: number | null;
  readonly dstLabel: number;
  readonly srcLabel: number | null;
  /** A policy row matched (only FreeBSD distinguishes "no policy"). */
  readonly dstHasPolicy: boolean;
  readonly srcHasPolicy: boolean;
  readonly precedence: number;
  readonly deprecated: boolean;
  /** The source is a home address (rule 4). */
  readonly home: boolean;
  /** glibc knows the host's addresses and the source is not one of them (0.0.0.0): rule 7 calls it not native. */
  readonly unlisted: boolean;
  /** Rule 9's measure for this destination and its source (higher wins). */
  readonly prefixMatch: number;
  /** Why a destination has no source (for the explanation). */
  readonly noSourceWhy?: string;
}

export interface Decision {
  readonly rule: number;
  readonly first: DestinationFacts;
  readonly reason: string;
}

function scopeFor(b: PlatformBehaviour, addr: { address: bigint; family: 4 | 6 }, table: EffectiveTable): number {
  switch (b.platform) {
    case 'glibc':
      return glibcScope(addr, table);
    case 'freebsd':
      return freebsdScope(addr);
    case 'musl':
      return muslScope(addr);
    case 'go':
      return goScope(addr);
    default:
      return rfc6724Scope(addr);
  }
}

function prefixMatch(b: PlatformBehaviour, dest: Destination, source: HostAddress | null, knowsAddresses: boolean): number {
  if (!source) return 0;
  const common = commonPrefixLength(dest.address, source.address);
  switch (b.rule9) {
    case 'glibc':
      if (dest.family === 6) return common;
      // IPv4: only inside the source's subnet, else 0 ("no common prefix"). Without
      // address information the prefix length is 0 and `0xffffffff << 32` is, on x86,
      // a /32 mask: only the source's own address is "in the subnet".
      if (!knowsAddresses) return dest.address === source.address ? 32 : 0;
      return inSubnet(source, dest.address) ? commonPrefixLength4(dest.address, source.address) : 0;
    case 'ipv6-uncapped':
    case 'any-family':
      return common;
    case 'ipv6-64':
      return Math.min(common, 64);
    case 'capped':
      return dest.family === 4 ? Math.min(commonPrefixLength4(dest.address, source.address), source.prefixLength) : Math.min(common, source.prefixLength);
  }
}

export interface HostFacts {
  readonly families: ReadonlySet<number>;
  /** The resolver knows the addresses' flags and prefix lengths (see addressInfoNeedsIPv6). */
  readonly knowsAddresses: boolean;
}

export function destinationFacts(
  b: PlatformBehaviour,
  table: EffectiveTable,
  dest: Destination,
  source: HostAddress | null,
  host: HostFacts,
  why?: string,
): DestinationFacts {
  const hostFamilies = host.families;
  const d = lookup(table, dest.address);
  const s = source ? lookup(table, source.address) : null;
  let noSourceWhy: string | undefined;
  if (!source && why) noSourceWhy = why;
  else if (!source) {
    noSourceWhy = !hostFamilies.has(dest.family)
      ? `the host has no IPv${dest.family} address`
      : isLinkLocal6(dest.address) && b.linkLocalNeedsZone
        ? 'a link-local address from the resolver has no zone, so connect() fails'
        : 'no route';
  }
  return {
    dest,
    source,
    dstScope: scopeFor(b, dest, table),
    srcScope: source ? scopeFor(b, source, table) : null,
    dstLabel: d.label,
    srcLabel: s ? s.label : null,
    dstHasPolicy: !b.unmatchedIsNoPolicy || d.labelRow !== undefined,
    srcHasPolicy: !!s && (!b.unmatchedIsNoPolicy || s.labelRow !== undefined),
    precedence: d.precedence,
    deprecated: b.rule3 && host.knowsAddresses && !!source?.deprecated,
    home: b.rule4 && host.knowsAddresses && !!source?.flags?.has('home'),
    unlisted: host.knowsAddresses && source !== null && source.address === UNSPECIFIED4_VALUE,
    prefixMatch: prefixMatch(b, dest, source, host.knowsAddresses),
    ...(noSourceWhy ? { noSourceWhy } : {}),
  };
}

type Check = (a: DestinationFacts, b: DestinationFacts) => Decision | null;

/** A rule that prefers the destination for which `good` holds when the other's does not. */
function preferIf(rule: number, good: (x: DestinationFacts) => boolean, why: (w: DestinationFacts, l: DestinationFacts) => string): Check {
  return (a, b) => {
    const ga = good(a);
    const gb = good(b);
    if (ga === gb) return null;
    const [w, l] = ga ? [a, b] : [b, a];
    return { rule, first: w, reason: `rule ${rule}: ${why(w, l)}` };
  };
}

/** A rule that prefers the larger (or smaller) number. */
function preferNumber(rule: number, value: (x: DestinationFacts) => number, larger: boolean, why: (w: DestinationFacts, l: DestinationFacts) => string): Check {
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === vb) return null;
    const aFirst = larger ? va > vb : va < vb;
    const [w, l] = aFirst ? [a, b] : [b, a];
    return { rule, first: w, reason: `rule ${rule}: ${why(w, l)}` };
  };
}

const src = (x: DestinationFacts) => x.source!.text;

const rule1 = preferIf(
  1,
  (x) => x.source !== null,
  (w, l) => `${l.dest.text} has no usable source (${l.noSourceWhy}); ${w.dest.text} has ${w.source!.text}`,
);

const rule2 = preferIf(
  2,
  (x) => x.source !== null && x.srcScope === x.dstScope,
  (w, l) =>
    `${w.dest.text} and its source ${src(w)} have the same scope (${w.dstScope}); ${l.dest.text} has scope ${l.dstScope} but its source ${src(l)} has scope ${l.srcScope}`,
);

const rule3 = preferIf(
  3,
  (x) => x.source !== null && !x.deprecated,
  (w, l) => `the source ${src(l)} of ${l.dest.text} is deprecated, ${src(w)} is not`,
);

const rule4 = preferIf(
  4,
  (x) => x.source !== null && x.home,
  (w, l) => `the source ${src(w)} of ${w.dest.text} is a home address, ${src(l)} is not`,
);

const rule7 = preferIf(
  7,
  (x) => x.source !== null && !x.unlisted,
  (w, l) => `the source ${src(l)} of ${l.dest.text} is on no interface glibc knows of (not native), ${src(w)} is`,
);

function labelText(x: DestinationFacts, which: 'src' | 'dst'): string {
  const has = which === 'src' ? x.srcHasPolicy : x.dstHasPolicy;
  const label = which === 'src' ? x.srcLabel : x.dstLabel;
  return has ? `label ${label}` : 'no policy';
}

const labelsMatch = (x: DestinationFacts) => x.source !== null && x.srcHasPolicy && x.dstHasPolicy && x.srcLabel === x.dstLabel;

const rule5 = preferIf(5, labelsMatch, (w, l) => {
  const loser = `source ${src(l)} has ${labelText(l, 'src')}, ${l.dest.text} has ${labelText(l, 'dst')}`;
  const winner =
    w.dest.family === 4 && l.dest.family === 6
      ? `the IPv4 pair matches on label ${w.dstLabel}`
      : `${w.dest.text} and its source ${src(w)} match on label ${w.dstLabel}`;
  return `${loser}; ${winner}`;
});

const rule6Plain = preferNumber(
  6,
  (x) => x.precedence,
  true,
  (w, l) => `${w.dest.text} has precedence ${w.precedence}, ${l.dest.text} has precedence ${l.precedence}`,
);

/** FreeBSD: a destination with a policy beats one without, whatever the precedence. */
const rule6Bsd: Check = (a, b) => {
  if (a.dstHasPolicy !== b.dstHasPolicy) {
    const [w, l] = a.dstHasPolicy ? [a, b] : [b, a];
    return { rule: 6, first: w, reason: `rule 6: ${w.dest.text} matches a policy row (precedence ${w.precedence}), ${l.dest.text} matches none` };
  }
  return a.dstHasPolicy ? rule6Plain(a, b) : null;
};

const rule8 = preferNumber(
  8,
  (x) => x.dstScope,
  false,
  (w, l) => `${w.dest.text} has the smaller scope (${w.dstScope} < ${l.dstScope})`,
);

function rule9(b: PlatformBehaviour): Check {
  const applies = (x: DestinationFacts, y: DestinationFacts): boolean => {
    switch (b.rule9) {
      case 'any-family':
        return true;
      case 'ipv6-uncapped':
        return x.dest.family === 6 && y.dest.family === 6;
      case 'ipv6-64':
        return x.dest.family === 6 && y.dest.family === 6 && !!x.source && !!y.source;
      default:
        return x.dest.family === y.dest.family && !!x.source && !!y.source;
    }
  };
  const shares = (x: DestinationFacts) => {
    if (!x.source) return `${x.dest.text} has no source (0)`;
    if (b.rule9 === 'glibc' && x.dest.family === 4 && x.prefixMatch === 0) {
      return `${x.dest.text} is outside the subnet of its source ${src(x)} (counts as 0)`;
    }
    return `${x.dest.text} shares ${x.prefixMatch} leading bits with its source ${src(x)}`;
  };
  const check = preferNumber(
    9,
    (x) => x.prefixMatch,
    true,
    (w, l) => `${shares(w)}, ${shares(l)}`,
  );
  return (x, y) => (applies(x, y) ? check(x, y) : null);
}

const rule10: Check = (a, b) => {
  const [w] = a.dest.index < b.dest.index ? [a, b] : [b, a];
  return { rule: 10, first: w, reason: 'rule 10: no rule separates them; the original order is kept' };
};

/** Rules 2-5 need a source; glibc tests only the first (rule 1 already made them equal). */
const needsSource =
  (check: Check): Check =>
  (a, b) =>
    a.source && b.source ? check(a, b) : null;

/** The comparison one platform makes, as a list of checks tried in order. */
export function comparison(b: PlatformBehaviour): (a: DestinationFacts, x: DestinationFacts) => Decision {
  const checks: Check[] = [rule1];
  if (b.noSourcesMeansOriginalOrder) checks.push((a, x) => (!a.source && !x.source ? rule10(a, x) : null));
  checks.push(needsSource(rule2));
  if (b.rule3) checks.push(needsSource(rule3));
  // (FreeBSD, musl and Go never test rule 4.)
  if (b.rule4) checks.push(needsSource(rule4));
  checks.push(b.unmatchedIsNoPolicy ? rule5 : needsSource(rule5));
  checks.push(b.unmatchedIsNoPolicy ? rule6Bsd : rule6Plain);
  // Rule 7, native transport: glibc compares it only when the sources' interface indexes
  // differ, and counts a source missing from __check_pf()'s list (0.0.0.0, index ~0) as not
  // native; every interface simulated is native (no tunnels). Nobody else implements it.
  if (b.rule4 && b.addressInfoNeedsIPv6) checks.push(needsSource(rule7));
  checks.push(rule8, rule9(b), rule10);
  return (a, x) => {
    for (const check of checks) {
      const d = check(a, x);
      if (d) return d;
    }
    throw new Error('unreachable: rule 10 always decides');
  };
}
