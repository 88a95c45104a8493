// The host file (`explain --host HOST.json`, `doctor --dump-host`): one machine's interfaces,
// addresses, routes and policy tables as plain data. The simulator reads it; doctor's
// readers of a live machine write it. schema/host.schema.json is its JSON Schema.

/** Address flags as the kernels name them (Linux `ip addr`, FreeBSD `ifconfig`). */
export type HostAddressFlag = 'deprecated' | 'temporary' | 'anycast' | 'tentative' | 'prefer_source' | 'home';

export interface HostFileAddress {
  /** `ADDR/PLEN`; a link-local IPv6 address belongs to its interface's zone. */
  readonly address: string;
  readonly flags?: readonly HostAddressFlag[];
  /**
   * The address's place in the host's order of addition across all interfaces (FreeBSD
   * walks one list of every address, so among equals the first added wins). Absent: after
   * the addresses that have one, in the file's order.
   */
  readonly added?: number;
}

export interface HostFileInterface {
  readonly name: string;
  /** Absent: up. */
  readonly up?: boolean;
  /** The kernel's interface index, which a `%zone` may name. Absent: lo is 1, the others follow in the file's order. */
  readonly index?: number;
  /** In the order they were added (the kernels' tie-break). */
  readonly addresses: readonly HostFileAddress[];
}

export interface HostFileRoute {
  /** `PREFIX/LEN`, e.g. `::/0` or `0.0.0.0/0`. */
  readonly to: string;
  /** The outgoing interface; absent or null: a reject/blackhole route. */
  readonly dev?: string | null;
  readonly via?: string;
}

export interface HostFilePolicyRow {
  readonly prefix: string;
  readonly precedence: number;
  readonly label: number;
}

export interface HostFileAddrlabel {
  readonly prefix: string;
  readonly label: number;
}

export interface HostFile {
  readonly interfaces: readonly HostFileInterface[];
  /** A family with no route has no entry here. */
  readonly routes: readonly HostFileRoute[];
  /** FreeBSD's kernel table. Absent: rc.d's default; []: an empty table (no sorting at all). */
  readonly policyTable?: readonly HostFilePolicyRow[];
  /** Linux's kernel label table (`ip addrlabel`). Absent: the kernel's default. */
  readonly addrlabels?: readonly HostFileAddrlabel[];
  /** The text of /etc/gai.conf. Absent: no file, glibc's defaults. */
  readonly gaiConf?: string;
  /** Extra facts a reader may record (platform, kernel release, where it was read). */
  readonly [extra: string]: unknown;
}
