// Built-in policy tables of the systems policylint models, from their sources
// (see docs/semantics.md for where each comes from and what was checked).
export type Platform =
  | 'glibc'
  | 'freebsd'
  | 'freebsd-ipv4-prefer'
  | 'rfc6724'
  | 'rfc3484'
  | 'rfc6724-update-draft'
  | 'linux-kernel'
  | 'macos'
  | 'windows'
  | 'musl'
  | 'go';

export const PLATFORMS: readonly Platform[] = [
  'glibc',
  'freebsd',
  'freebsd-ipv4-prefer',
  'rfc6724',
  'rfc3484',
  'rfc6724-update-draft',
  'linux-kernel',
  'macos',
  'windows',
  'musl',
  'go',
];

/** A row of a built-in table; precedence is null where the table has labels only. */
export interface BuiltinRow {
  readonly prefix: string;
  readonly precedence: number | null;
  readonly label: number;
}

export interface BuiltinTable {
  readonly platform: Platform;
  readonly title: string;
  readonly source: string;
  readonly rows: readonly BuiltinRow[];
  /** Labels only (Linux kernel `ip addrlabel`): no precedence exists. */
  readonly labelsOnly?: boolean;
  readonly note?: string;
}

const row = (prefix: string, precedence: number | null, label: number): BuiltinRow => ({ prefix, precedence, label });

/** RFC 6724 section 2.1, which FreeBSD installs as `ipv6_prefer`. */
const RFC6724_ROWS: BuiltinRow[] = [
  row('::1/128', 50, 0),
  row('::/0', 40, 1),
  row('::ffff:0:0/96', 35, 4),
  row('2002::/16', 30, 2),
  row('2001::/32', 5, 5),
  row('fc00::/7', 3, 13),
  row('::/96', 1, 3),
  row('fec0::/10', 1, 11),
  row('3ffe::/16', 1, 12),
];

/**
 * glibc's defaults are RFC 3484 plus additions, kept as separate label and precedence
 * tables (nss/getaddrinfo.c default_labels / default_precedence). Precedence has no
 * row for fc00::/7, fec0::/10 or 2001::/32: they get ::/0's 40.
 */
export const GLIBC_DEFAULT_LABELS: readonly [string, number][] = [
  ['::1/128', 0],
  ['2002::/16', 2],
  ['::/96', 3],
  ['::ffff:0:0/96', 4],
  ['fec0::/10', 5],
  ['fc00::/7', 6],
  ['2001::/32', 7],
  ['::/0', 1],
];
export const GLIBC_DEFAULT_PRECEDENCES: readonly [string, number][] = [
  ['::1/128', 50],
  ['2002::/16', 30],
  ['::/96', 20],
  ['::ffff:0:0/96', 10],
  ['::/0', 40],
];
/** scopev4 defaults, as IPv4-mapped prefixes. */
export const GLIBC_DEFAULT_SCOPEV4: readonly [string, number][] = [
  ['::ffff:169.254.0.0/112', 2],
  ['::ffff:127.0.0.0/104', 2],
  ['::ffff:0.0.0.0/96', 14],
];

function glibcMerged(): BuiltinRow[] {
  // The merged view (what `convert` writes for FreeBSD): every prefix of both tables,
  // each looked up in both. Computed by hand here; test/platforms.test.ts proves it.
  return [
    row('::1/128', 50, 0),
    row('::/0', 40, 1),
    row('2002::/16', 30, 2),
    row('::/96', 20, 3),
    row('::ffff:0:0/96', 10, 4),
    row('fec0::/10', 40, 5),
    row('fc00::/7', 40, 6),
    row('2001::/32', 40, 7),
  ];
}

export const BUILTIN_TABLES: Readonly<Record<Platform, BuiltinTable>> = {
  glibc: {
    platform: 'glibc',
    title: 'glibc getaddrinfo defaults (no /etc/gai.conf)',
    source: 'glibc nss/getaddrinfo.c default_labels, default_precedence',
    rows: glibcMerged(),
    note: 'glibc keeps separate label and precedence tables; this is the merged view.',
  },
  freebsd: {
    platform: 'freebsd',
    title: 'FreeBSD ip6addrctl_policy="ipv6_prefer" (RFC 6724)',
    source: 'FreeBSD libexec/rc/rc.d/ip6addrctl',
    rows: RFC6724_ROWS,
  },
  'freebsd-ipv4-prefer': {
    platform: 'freebsd-ipv4-prefer',
    title: 'FreeBSD ip6addrctl_policy="ipv4_prefer"',
    source: 'FreeBSD libexec/rc/rc.d/ip6addrctl',
    rows: RFC6724_ROWS.map((r) => (r.prefix === '::ffff:0:0/96' ? row(r.prefix, 100, r.label) : r)),
  },
  rfc6724: { platform: 'rfc6724', title: 'RFC 6724 section 2.1 default policy table', source: 'RFC 6724', rows: RFC6724_ROWS },
  rfc3484: {
    platform: 'rfc3484',
    title: 'RFC 3484 section 2.1 default policy table',
    source: 'RFC 3484',
    rows: [row('::1/128', 50, 0), row('::/0', 40, 1), row('2002::/16', 30, 2), row('::/96', 20, 3), row('::ffff:0:0/96', 10, 4)],
  },
  'rfc6724-update-draft': {
    platform: 'rfc6724-update-draft',
    title: 'draft-ietf-6man-rfc6724-update policy table',
    source: 'draft-ietf-6man-rfc6724-update',
    rows: RFC6724_ROWS.map((r) => {
      if (r.prefix === 'fc00::/7') return row(r.prefix, 30, r.label);
      if (r.prefix === '::ffff:0:0/96') return row(r.prefix, 20, r.label);
      if (r.prefix === '2002::/16') return row(r.prefix, 5, r.label);
      return r;
    }),
    note: 'The draft also adds rows for the ULA prefixes known to be local (label 14, precedence 45); those depend on the site and are not listed.',
  },
  'linux-kernel': {
    platform: 'linux-kernel',
    title: 'Linux kernel `ip addrlabel` defaults (source address selection only)',
    source: 'Linux net/ipv6/addrlabel.c',
    labelsOnly: true,
    rows: [
      row('::1/128', null, 0),
      row('::/0', null, 1),
      row('2002::/16', null, 2),
      row('::/96', null, 3),
      row('::ffff:0:0/96', null, 4),
      row('fc00::/7', null, 5),
      row('2001::/32', null, 6),
      row('2001:10::/28', null, 7),
      row('fec0::/10', null, 11),
      row('3ffe::/16', null, 12),
    ],
  },
  macos: {
    platform: 'macos',
    title: 'macOS (XNU since 10.10) boot-time policy table',
    source: 'xnu bsd/netinet6/in6_src.c addrsel_policy_init',
    // RFC 6724, except that the site-local row is installed with a /16 mask.
    rows: RFC6724_ROWS.map((r) => (r.prefix === 'fec0::/10' ? row('fec0::/16', 1, 11) : r)),
  },
  windows: {
    platform: 'windows',
    title: 'Windows prefix policies (netsh interface ipv6 show prefixpolicies)',
    source: 'Windows defaults (RFC 6724 values)',
    rows: RFC6724_ROWS,
  },
  musl: {
    platform: 'musl',
    title: 'musl libc fixed table (gai.conf is ignored)',
    source: 'musl src/network/lookup_name.c',
    rows: RFC6724_ROWS.filter((r) => !['::/96', 'fec0::/10', '3ffe::/16'].includes(r.prefix)),
  },
  go: {
    platform: 'go',
    title: 'Go net pure resolver fixed table (gai.conf is ignored)',
    source: 'Go src/net/addrselect.go',
    rows: RFC6724_ROWS,
  },
};
