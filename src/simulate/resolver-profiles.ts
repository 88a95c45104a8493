// What differs between the resolvers the simulator models, in one place.
// Sources: glibc nss/getaddrinfo.c (rfc3484_sort), FreeBSD lib/libc/net/getaddrinfo.c
// (comp_dst) and sys/netinet6/in6_src.c, musl src/network/lookup_name.c, Go
// src/net/addrselect.go, RFC 6724. docs/explain.md explains each choice.
import { builtinEffectiveTable, type EffectiveTable } from '../model/effective-table.js';
import type { KernelModel } from './source-selection.js';

export type SimPlatform = 'glibc' | 'freebsd' | 'rfc6724' | 'musl' | 'go' | 'macos' | 'windows';
export const SIM_PLATFORMS: readonly SimPlatform[] = ['glibc', 'freebsd', 'rfc6724', 'musl', 'go', 'macos', 'windows'];

/** How rule 9 (longest matching prefix) is applied. */
export type Rule9Mode =
  | 'glibc' // same family; IPv6 uncapped; IPv4 only inside the source's subnet
  | 'ipv6-uncapped' // FreeBSD: IPv6 pairs only, uncapped
  | 'capped' // RFC 6724: same family, capped at the source's prefix length
  | 'any-family' // musl: every pair, on the ::ffff: forms, uncapped
  | 'ipv6-64'; // Go: IPv6 pairs only, capped at 64 bits

/** How the comparison is turned into an order (matters when it is not transitive). */
export type SortAlgorithm =
  | 'merge' // glibc qsort_r = top-down merge sort (msort.c); also used for the abstract RFC
  | 'insertion-bsd' // FreeBSD qsort below 7 elements: insertion sort, swap while cmp(prev, cur) > 0
  | 'insertion-go'; // Go sort.Stable below 21 elements: insertion sort, swap while less(cur, prev)

/** How a platform's model was checked, from the strongest to the weakest. */
export type VerificationLevel = 'real-system' | 'recorded' | 'source-reading';

export interface Verification {
  readonly level: VerificationLevel;
  /** One line: what it was checked against, and where. */
  readonly detail: string;
}

const SOURCE_READING = (what: string, besides?: string): Verification => ({
  level: 'source-reading',
  detail: `from reading ${what} only, never compared with the real system${besides ? `; ${besides}` : ''}`,
});

export interface PlatformBehaviour {
  readonly platform: SimPlatform;
  readonly title: string;
  /** How sure the answer is: printed beside every simulation. */
  readonly verification: Verification;
  readonly kernel: KernelModel;
  /** False for musl and Go: their table is compiled in, a policy file is ignored. */
  readonly readsPolicy: boolean;
  readonly linkLocalNeedsZone: boolean;
  /** Rule 3 really fires (FreeBSD asks the flags of the destination, so it never does). */
  readonly rule3: boolean;
  /** Rule 4, prefer home addresses (glibc learns the flag from __check_pf()). */
  readonly rule4: boolean;
  /**
   * glibc learns address flags and prefix lengths from __check_pf(), which returns
   * nothing unless the host has a non-loopback IPv6 address: then rule 3 never fires
   * and every IPv4 prefix length is 0 (rule 9 sees only an exact match).
   */
  readonly addressInfoNeedsIPv6: boolean;
  /** FreeBSD: a destination or source no policy row matches has "no policy" (rules 5, 6). */
  readonly unmatchedIsNoPolicy: boolean;
  /** Go: when neither destination has a source, rule 10 decides at once. */
  readonly noSourcesMeansOriginalOrder: boolean;
  readonly rule9: Rule9Mode;
  readonly sort: SortAlgorithm;
  readonly defaultTable: () => EffectiveTable;
  /** The labels the kernel uses for source selection, given the table in force. */
  readonly kernelLabels: (table: EffectiveTable) => EffectiveTable;
}

const linuxKernelLabels = () => builtinEffectiveTable('linux-kernel');
const sameTable = (table: EffectiveTable) => table;

const rfcLike = (platform: 'rfc6724' | 'macos' | 'windows', title: string, verification: Verification): PlatformBehaviour => ({
  platform,
  title,
  verification,
  kernel: 'rfc6724',
  readsPolicy: true,
  linkLocalNeedsZone: platform !== 'rfc6724' && platform !== 'windows',
  rule3: true,
  rule4: true,
  addressInfoNeedsIPv6: false,
  unmatchedIsNoPolicy: false,
  noSourcesMeansOriginalOrder: false,
  rule9: 'capped',
  sort: 'merge',
  defaultTable: () => builtinEffectiveTable(platform),
  kernelLabels: sameTable,
});

export const BEHAVIOUR: Readonly<Record<SimPlatform, PlatformBehaviour>> = {
  glibc: {
    platform: 'glibc',
    title: 'glibc getaddrinfo on Linux',
    verification: {
      level: 'real-system',
      detail:
        'compared in CI with the real Linux kernel and glibc on generated hosts in network namespaces (test/host-linux.test.ts, test/differential-glibc.test.ts)',
    },
    kernel: 'linux',
    readsPolicy: true,
    linkLocalNeedsZone: true,
    rule3: true,
    rule4: true,
    addressInfoNeedsIPv6: true,
    unmatchedIsNoPolicy: false,
    noSourcesMeansOriginalOrder: false,
    rule9: 'glibc',
    sort: 'merge',
    defaultTable: () => builtinEffectiveTable('glibc'),
    kernelLabels: linuxKernelLabels,
  },
  freebsd: {
    platform: 'freebsd',
    title: 'FreeBSD libc getaddrinfo',
    verification: {
      level: 'recorded',
      detail: "agrees with all 600 recorded runs of FreeBSD's own libc and kernel code (fixtures/freebsd-recorded, test/freebsd-sort-recorded.test.ts)",
    },
    kernel: 'freebsd',
    readsPolicy: true,
    linkLocalNeedsZone: true,
    rule3: false,
    rule4: false,
    addressInfoNeedsIPv6: false,
    unmatchedIsNoPolicy: true,
    noSourcesMeansOriginalOrder: false,
    rule9: 'ipv6-uncapped',
    sort: 'insertion-bsd',
    defaultTable: () => builtinEffectiveTable('freebsd'),
    kernelLabels: sameTable,
  },
  musl: {
    platform: 'musl',
    title: 'musl libc getaddrinfo on Linux',
    verification: SOURCE_READING('musl src/network/lookup_name.c', "the kernel's source choice is Linux's, compared in CI"),
    kernel: 'linux',
    readsPolicy: false,
    linkLocalNeedsZone: true,
    rule3: false,
    rule4: false,
    addressInfoNeedsIPv6: false,
    unmatchedIsNoPolicy: false,
    noSourcesMeansOriginalOrder: false,
    rule9: 'any-family',
    sort: 'merge',
    defaultTable: () => builtinEffectiveTable('musl'),
    kernelLabels: linuxKernelLabels,
  },
  go: {
    platform: 'go',
    title: 'Go net pure resolver on Linux',
    verification: SOURCE_READING('Go src/net/addrselect.go', "the kernel's source choice is Linux's, compared in CI"),
    kernel: 'linux',
    readsPolicy: false,
    linkLocalNeedsZone: true,
    rule3: false,
    rule4: false,
    addressInfoNeedsIPv6: false,
    unmatchedIsNoPolicy: false,
    noSourcesMeansOriginalOrder: true,
    rule9: 'ipv6-64',
    sort: 'insertion-go',
    defaultTable: () => builtinEffectiveTable('go'),
    kernelLabels: linuxKernelLabels,
  },
  rfc6724: rfcLike('rfc6724', 'RFC 6724 as written', { level: 'source-reading', detail: 'RFC 6724 as written: no real system behaves exactly so' }),
  macos: rfcLike('macos', 'macOS (RFC 6724 rules, XNU table)', SOURCE_READING('XNU bsd/netinet6/in6_src.c and the RFC')),
  windows: rfcLike('windows', 'Windows (RFC 6724 rules and table)', SOURCE_READING('RFC 6724 and Microsoft documentation')),
};

export function isSimPlatform(value: string): value is SimPlatform {
  return (SIM_PLATFORMS as readonly string[]).includes(value);
}
