// glibc oracle: ask THIS machine's real glibc getaddrinfo() how it orders a
// name's addresses under a given /etc/gai.conf and a given set of host
// addresses.  Self-contained, plain JavaScript ESM, no dependencies.
//
// How it works
//   runGlibcCases(cases) writes every case to a temporary directory and spawns
//   exactly ONE child:  unshare -rmn <node> glibc-oracle.mjs --glibc-oracle-child DIR
//   (a private user + mount + network namespace; we are "root" inside it).
//   That child bind-mounts its own /etc/host.conf ("multi on": WITHOUT it
//   glibc 2.36's files backend returns only the FIRST /etc/hosts address of
//   the name, so there would be nothing to sort) and
//   /etc/nsswitch.conf ("hosts: files") once, then runs each case in a FRESH
//   nested mount+network namespace (`unshare -mn sh -c ...`), where it
//     - bind-mounts the case's gai.conf over /etc/gai.conf and a one-name
//       /etc/hosts (one line per destination, in the given order);
//     - brings `lo` up (127.0.0.1/8 and ::1 exist, as on every real host);
//     - creates a veth pair v0/v1 with `addrgenmode none` (so NO automatic
//       fe80:: link-local addresses: the sources are exactly the ones given),
//       puts every source address on v0 (IPv6 with `nodad`; `preferred_lft 0`
//       for deprecated ones), and adds a default route on v0 for each family
//       that has at least one source.  A family without any source gets no
//       route, so its destinations have no usable source (RFC 6724 rule 1),
//       as on a real host without that family;
//     - runs a fresh Node process (glibc reads gai.conf once per process)
//       that calls dns.lookup(name, {all: true, order: "verbatim", hints: 0})
//       -> libuv -> glibc getaddrinfo(AF_UNSPEC, SOCK_STREAM, no flags), and
//       also reports which source the kernel picks for each destination
//       (UDP connect + getsockname, the same probe glibc does).
//   Cases run a few at a time (each has its own namespaces, so they are fully
//   independent).  Nothing leaves the namespace: the only interfaces are lo
//   and a veth pair whose both ends live inside it; a UDP connect sends nothing.
//
// API
//   await glibcOracleAvailable()  -> { ok: true, glibc: "2.36", node } |
//                                    { ok: false, reason }
//   await runGlibcCases(cases, options?) -> one result per case, same order:
//       { order: [addresses as glibc returned them], sources: {dest: src|null} }
//     | { error: "...", signal?: "SIGSEGV" }   (signal: the resolver crashed,
//                                             e.g. glibc 2.36 on `scopev4 A.B.C.D 5`)
//     case = { gaiConf: string ("" = glibc defaults),
//              sources: [{ address, prefixLength, deprecated? }],
//              destinations: ["2001:db8::1", "198.51.100.7", ...] }
//       optional: ipCommands: ["addrlabel add prefix fc00::/7 label 1", ...]
//         extra `ip -batch` lines run after the addresses and routes (inside
//         the case's private netns), e.g. kernel address labels or routes.
//     Notes: a family with no source gets no route (rule 1: unusable); lo is
//       up (::1, 127.0.0.1 usable); there are no automatic fe80:: addresses;
//       glibc's /etc/hosts parser takes no zones, so a link-local destination
//       has no usable source (connect() without a scope id fails).
//     case (whole host) = { gaiConf, destinations, host } where host is a host file
//       (src/model/host-file.ts) with `interfaces` (veth devices in that order, each
//       up or down, addresses added in order; IPv6 ones `nodad` unless flagged
//       `tentative`, which keeps them tentative for 60 s; `deprecated` is
//       `preferred_lft 0`; `home` is ip's `home`), `routes` (`to` via `dev`; `dev` null:
//       `unreachable`) and optional `addrlabels` (the WHOLE kernel label table: flushed
//       first). `sources` is then not needed: lo is implied as always.
//     options = { concurrency?: number, timeoutMs?: number (per case) }
//   runGlibcCases THROWS (with a clear message) when the namespace machinery is
//   unavailable (not Linux, not glibc, no unshare/ip, namespaces not permitted).
//
// Standalone:  node test/oracle/glibc-oracle.mjs --check   (availability + demo)

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const CHILD_FLAG = '--glibc-oracle-child';
const HOSTNAME = 'policylint-oracle.test';

// ---------------------------------------------------------------- helpers

function glibcVersion() {
  try {
    const h = process.report.getReport().header;
    return h.glibcVersionRuntime || null;
  } catch {
    return null;
  }
}

function which(cmd) {
  const dirs = (process.env.PATH || '/usr/sbin:/usr/bin:/sbin:/bin').split(':').concat(['/usr/sbin', '/sbin', '/usr/bin', '/bin']);
  for (const d of dirs) {
    const p = path.join(d, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return null;
}

function toolPaths() {
  return { unshare: which('unshare'), ip: which('ip'), sh: which('sh'), mount: which('mount') };
}

let availabilityCache = null;

/** Checks, once per process, that the oracle can run here. */
export async function glibcOracleAvailable() {
  if (availabilityCache) return availabilityCache;
  availabilityCache = (async () => {
    if (process.platform !== 'linux') return { ok: false, reason: `glibc oracle needs Linux (platform is ${process.platform})` };
    const glibc = glibcVersion();
    if (!glibc) return { ok: false, reason: 'glibc oracle: this Node is not linked against glibc (musl or static build?)' };
    const t = toolPaths();
    for (const k of ['unshare', 'ip', 'sh', 'mount']) {
      if (!t[k]) return { ok: false, reason: `glibc oracle: '${k}' not found in PATH` };
    }
    for (const f of ['/etc/hosts', '/etc/nsswitch.conf']) {
      if (!fs.existsSync(f)) return { ok: false, reason: `glibc oracle: ${f} does not exist (it is bind-mounted over)` };
    }
    // A real trial: user+mount+net namespace, a veth pair, a bind mount.
    const probe = [
      'set -e',
      'ip link set lo up',
      'ip link add v0 type veth peer name v1',
      'ip -6 addr add fd00:1::10/64 dev v0 nodad',
      'mount --bind /etc/hosts /etc/nsswitch.conf',
      'echo ok',
    ].join('\n');
    const r = spawnSync(t.unshare, ['-rmn', t.sh, '-c', probe], { encoding: 'utf8', timeout: 20000 });
    if (r.error) return { ok: false, reason: `glibc oracle: cannot run unshare: ${r.error.message}` };
    if (r.status !== 0 || !/ok/.test(r.stdout)) {
      return {
        ok: false,
        reason:
          'glibc oracle: cannot create a private user+mount+network namespace with a veth pair ' +
          `('unshare -rmn' exited ${r.status}${r.signal ? ' signal ' + r.signal : ''}: ${(r.stderr || '').trim()}). ` +
          'User namespaces may be disabled (kernel.unprivileged_userns_clone, user.max_user_namespaces, ' +
          'a container seccomp/AppArmor profile) or veth is unavailable.',
      };
    }
    return { ok: true, glibc, node: process.version };
  })();
  return availabilityCache;
}

function validateCase(c, i) {
  if (!c || typeof c !== 'object') throw new TypeError(`case ${i}: not an object`);
  if (typeof c.gaiConf !== 'string') throw new TypeError(`case ${i}: gaiConf must be a string`);
  if (!Array.isArray(c.destinations) || c.destinations.length === 0) throw new TypeError(`case ${i}: destinations must be a non-empty array`);
  for (const d of c.destinations) {
    if (typeof d !== 'string' || !net.isIP(d)) throw new TypeError(`case ${i}: destination ${JSON.stringify(d)} is not an IP literal`);
  }
  if (c.ipCommands !== undefined) {
    if (!Array.isArray(c.ipCommands) || c.ipCommands.some((l) => typeof l !== 'string' || /[\r\n]/.test(l))) {
      throw new TypeError(`case ${i}: ipCommands must be an array of single-line strings`);
    }
  }
  if (c.host !== undefined) return validateHost(c.host, i);
  if (!Array.isArray(c.sources)) throw new TypeError(`case ${i}: sources must be an array`);
  for (const s of c.sources) {
    const fam = s && typeof s.address === 'string' ? net.isIP(s.address) : 0;
    if (!fam) throw new TypeError(`case ${i}: source ${JSON.stringify(s)} has no valid address`);
    if (s.address.includes('%')) throw new TypeError(`case ${i}: source ${s.address}: no zones`);
    const max = fam === 6 ? 128 : 32;
    const pl = s.prefixLength ?? max;
    if (!Number.isInteger(pl) || pl < 0 || pl > max) throw new TypeError(`case ${i}: source ${s.address}: bad prefixLength ${s.prefixLength}`);
  }
}

const NAME = /^[a-z][a-z0-9]{0,9}$/;
const WORD = /^[0-9a-fA-F:./]+$/;

function validateHost(h, i) {
  if (!h || !Array.isArray(h.interfaces) || !Array.isArray(h.routes)) throw new TypeError(`case ${i}: host needs interfaces and routes arrays`);
  for (const f of h.interfaces) {
    if (!NAME.test(f.name) || f.name === 'lo') throw new TypeError(`case ${i}: interface name ${JSON.stringify(f.name)} (a-z0-9, up to 10 characters, not lo)`);
    for (const a of f.addresses) {
      if (!WORD.test(a.address) || !a.address.includes('/')) throw new TypeError(`case ${i}: address ${JSON.stringify(a.address)} must be ADDR/PLEN`);
      for (const flag of a.flags ?? [])
        if (!['deprecated', 'tentative', 'home'].includes(flag)) throw new TypeError(`case ${i}: flag ${flag} cannot be made with ip`);
    }
  }
  for (const r of h.routes) {
    if (!WORD.test(r.to) || (r.dev !== null && r.dev !== undefined && !h.interfaces.some((f) => f.name === r.dev)))
      throw new TypeError(`case ${i}: bad route ${JSON.stringify(r)}`);
  }
  for (const l of h.addrlabels ?? [])
    if (!WORD.test(l.prefix) || !Number.isInteger(l.label)) throw new TypeError(`case ${i}: bad addrlabel ${JSON.stringify(l)}`);
}

/** Where hostBatch's links are made and its addresses not yet: the host runner sets DAD's timer there. */
const LINKS_DONE = '# links done';

/** The `ip -batch` script that builds a whole host: veth devices in order, their addresses, routes, labels. */
function hostBatch(h) {
  const lines = ['link set lo up'];
  for (const f of h.interfaces) {
    lines.push(
      `link add ${f.name} type veth peer name ${f.name}p`,
      `link set ${f.name} addrgenmode none`,
      `link set ${f.name}p addrgenmode none`,
      `link set ${f.name}p up`,
    );
    if (f.up !== false) lines.push(`link set ${f.name} up`);
  }
  lines.push(LINKS_DONE);
  for (const f of h.interfaces) {
    for (const a of f.addresses) {
      const flags = a.flags ?? [];
      if (!a.address.includes(':')) {
        lines.push(`addr add ${a.address} dev ${f.name}`);
        continue;
      }
      const extra = [
        flags.includes('tentative') ? '' : ' nodad',
        flags.includes('deprecated') ? ' preferred_lft 0' : '',
        flags.includes('home') ? ' home' : '',
      ].join('');
      lines.push(`addr add ${a.address} dev ${f.name}${extra}`);
    }
  }
  for (const r of h.routes) lines.push(r.dev ? `route add ${r.to} dev ${r.dev}` : `route add unreachable ${r.to}`);
  if (h.addrlabels) {
    lines.push('addrlabel flush');
    for (const l of h.addrlabels) lines.push(`addrlabel add prefix ${l.prefix} label ${l.label}`);
  }
  return lines.join('\n') + '\n';
}

/** The `ip -batch` script that sets up one case's network. */
function ipBatch(c) {
  if (c.host) return hostBatch(c.host).replace(`${LINKS_DONE}\n`, '');
  const lines = [
    'link set lo up',
    'link add v0 type veth peer name v1',
    // No automatic fe80:: link-local addresses: sources are exactly c.sources.
    'link set v0 addrgenmode none',
    'link set v1 addrgenmode none',
    'link set v0 up',
    'link set v1 up',
  ];
  let has4 = false,
    has6 = false;
  for (const s of c.sources) {
    const fam = net.isIP(s.address);
    const pl = s.prefixLength ?? (fam === 6 ? 128 : 32);
    const extra = s.deprecated ? ' preferred_lft 0' : '';
    if (fam === 6) {
      has6 = true;
      lines.push(`addr add ${s.address}/${pl} dev v0 nodad${extra}`);
    } else {
      has4 = true;
      lines.push(`addr add ${s.address}/${pl} dev v0${extra}`);
    }
  }
  if (has6) lines.push('route add ::/0 dev v0');
  if (has4) lines.push('route add 0.0.0.0/0 dev v0');
  for (const l of c.ipCommands ?? []) lines.push(l);
  return lines.join('\n') + '\n';
}

/**
 * Runs every case in ONE `unshare -rmn` child.  Returns one result per case.
 * Throws if the oracle cannot run at all.
 */
/** This file's child part (`flag`) in a private user+mount+network namespace, its output collected. */
function runInNamespace(t, flag, dir) {
  return new Promise((resolve, reject) => {
    const ch = spawn(t.unshare, ['-rmn', process.execPath, SELF, flag, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '',
      err = '';
    ch.stdout.on('data', (b) => (out += b));
    ch.stderr.on('data', (b) => (err += b));
    ch.on('error', reject);
    ch.on('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: err }));
  });
}

export async function runGlibcCases(cases, options = {}) {
  if (!Array.isArray(cases)) throw new TypeError('runGlibcCases: cases must be an array');
  cases.forEach(validateCase);
  const avail = await glibcOracleAvailable();
  if (!avail.ok) throw new Error(avail.reason);
  if (cases.length === 0) return [];

  const t = toolPaths();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glibc-oracle-'));
  try {
    cases.forEach((c, i) => {
      const cd = path.join(dir, `case${i}`);
      fs.mkdirSync(cd);
      fs.writeFileSync(path.join(cd, 'gai.conf'), c.gaiConf);
      fs.writeFileSync(path.join(cd, 'hosts'), c.destinations.map((d) => `${d}\t${HOSTNAME}\n`).join(''));
      fs.writeFileSync(path.join(cd, 'ip.batch'), ipBatch(c));
    });
    fs.writeFileSync(path.join(dir, 'host.conf'), 'multi on\n');
    fs.writeFileSync(path.join(dir, 'nsswitch.conf'), 'hosts: files\n');
    const spec = {
      n: cases.length,
      concurrency: options.concurrency ?? Math.max(2, Math.min(8, (os.availableParallelism?.() ?? os.cpus().length) * 2)),
      timeoutMs: options.timeoutMs ?? 20000,
      tools: t,
      node: process.execPath,
    };
    fs.writeFileSync(path.join(dir, 'spec.json'), JSON.stringify(spec));

    const { code, signal, stdout, stderr } = await runInNamespace(t, CHILD_FLAG, dir);
    if (code !== 0) {
      throw new Error(
        `glibc oracle: 'unshare -rmn' child failed (exit ${code}${signal ? ', signal ' + signal : ''}). ` +
          `Are user/mount/network namespaces permitted here? stderr: ${stderr.trim().slice(0, 2000)}`,
      );
    }
    let results;
    try {
      results = JSON.parse(stdout.trim().split('\n').pop());
    } catch {
      throw new Error(`glibc oracle: child printed no result. stdout: ${stdout.slice(0, 500)} stderr: ${stderr.slice(0, 2000)}`);
    }
    if (!Array.isArray(results) || results.length !== cases.length) throw new Error('glibc oracle: child returned a malformed result');
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- child side

// The resolver run once per case inside the case's namespaces (CommonJS, -e).
const RESOLVER = String.raw`
const dns = require("dns"), dgram = require("dgram"), net = require("net");
const name = process.argv[1];
function out(o) { process.stdout.write(JSON.stringify(o) + "\n"); }
function srcFor(addr) {
  return new Promise((res) => {
    const s = dgram.createSocket(net.isIPv6(addr) ? "udp6" : "udp4");
    let done = false;
    const fin = (v) => { if (!done) { done = true; try { s.close(); } catch {} res(v); } };
    s.on("error", () => fin(null));
    try {
      s.connect(9, addr, (err) => { if (err) return fin(null); try { fin(s.address().address); } catch { fin(null); } });
    } catch { fin(null); }
  });
}
dns.lookup(name, { all: true, family: 0, hints: 0, verbatim: true, order: "verbatim" }, async (err, addrs) => {
  if (err) return out({ error: "getaddrinfo: " + (err.code || err.message) });
  const order = addrs.map((a) => a.address);
  const sources = {};
  for (const a of order) sources[a] = await srcFor(a);
  out({ order, sources });
});
`;

const CASE_SCRIPT = String.raw`
set -e
d="$1"
mount --bind "$d/gai.conf" /etc/gai.conf
mount --bind "$d/hosts" /etc/hosts
ip -batch "$d/ip.batch"
exec "$2" -e "$3" "$4"
`;

function runOne(spec, dir, i) {
  return new Promise((resolve) => {
    const cd = path.join(dir, `case${i}`);
    const ch = spawn(spec.tools.unshare, ['-mn', spec.tools.sh, '-c', CASE_SCRIPT, 'sh', cd, spec.node, RESOLVER, HOSTNAME], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Clean environment: glibc's resolver honours RESOLV_MULTI, RES_OPTIONS,
      // HOSTALIASES, LOCALDOMAIN...; Node honours NODE_OPTIONS.  None may leak in.
      env: { PATH: process.env.PATH || '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' },
    });
    let out = '',
      err = '';
    const timer = setTimeout(() => {
      try {
        ch.kill('SIGKILL');
      } catch {}
    }, spec.timeoutMs);
    ch.stdout.on('data', (b) => (out += b));
    ch.stderr.on('data', (b) => (err += b));
    ch.on('error', (e) => {
      clearTimeout(timer);
      resolve({ error: `spawn: ${e.message}` });
    });
    ch.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop();
      if (code === 0 && last) {
        try {
          return resolve(JSON.parse(last));
        } catch {
          /* fall through */
        }
      }
      if (signal && /^(SIGSEGV|SIGBUS|SIGABRT|SIGILL|SIGFPE)$/.test(signal)) {
        // Setup is done by sh/ip (they exit, never crash): a crash signal comes
        // from the resolver process, i.e. from glibc's getaddrinfo/gai.conf code.
        return resolve({ error: `resolver process killed by ${signal} (glibc crashed in getaddrinfo)`, signal });
      }
      resolve({ error: `case setup/lookup failed (exit ${code}${signal ? ', ' + signal : ''}): ${err.trim().slice(0, 1000)}`, ...(signal ? { signal } : {}) });
    });
  });
}

async function childMain(dir) {
  const spec = JSON.parse(fs.readFileSync(path.join(dir, 'spec.json'), 'utf8'));
  prepareEtc(dir);
  const results = new Array(spec.n);
  let next = 0;
  async function worker() {
    while (next < spec.n) {
      const i = next++;
      results[i] = await runOne(spec, dir, i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(spec.concurrency, spec.n) }, worker));
  process.stdout.write(JSON.stringify(results) + '\n');
}

/** Inside the outer namespace: host.conf ("multi on") and nsswitch.conf ("hosts: files") for every case. */
function prepareEtc(dir) {
  // Ensure the bind targets exist.  /etc/hosts and /etc/nsswitch.conf were
  // checked by the parent; /etc/gai.conf and /etc/host.conf may be missing on
  // some systems: then bind-mount a private copy of the whole /etc (never
  // write into the real /etc).
  const need = ['/etc/gai.conf', '/etc/host.conf', '/etc/hosts', '/etc/nsswitch.conf'];
  if (need.some((f) => !fs.existsSync(f))) {
    const etc = path.join(dir, 'etc');
    const r = spawnSync('cp', ['-a', '/etc/.', etc], { encoding: 'utf8' });
    if (r.status !== 0 && !fs.existsSync(etc)) throw new Error(`copying /etc failed: ${r.stderr}`);
    for (const f of need) fs.writeFileSync(path.join(etc, path.basename(f)), '', { flag: 'a' });
    const m = spawnSync('mount', ['--bind', etc, '/etc'], { encoding: 'utf8' });
    if (m.status !== 0) throw new Error(`bind-mounting a copy of /etc failed: ${m.stderr}`);
  }
  for (const f of ['host.conf', 'nsswitch.conf']) {
    const m = spawnSync('mount', ['--bind', path.join(dir, f), `/etc/${f}`], { encoding: 'utf8' });
    if (m.status !== 0) throw new Error(`mount --bind ${f} failed: ${m.stderr}`);
  }
}

// ---------------------------------------------------------------- whole hosts, batched

// runHostCases(cases) builds many whole hosts with few processes: cases that share a
// gai.conf share ONE namespace and ONE resolver process (glibc reads gai.conf once per
// process), which for each host deletes the previous host's interfaces, restores the
// kernel's default `ip addrlabel` table, builds the host with `ip -batch`, rewrites the
// bind-mounted /etc/hosts and asks getaddrinfo and the kernel (UDP connect).
//   case = { gaiConf, destinations, host, zoned? }   (host: see hostBatch; zoned: link-local
//          destinations with a %zone, whose source only the kernel is asked for)
//   -> one result per case: { order, sources, zoned: {dest: src|null} } | { error }
const HOST_CHILD_FLAG = '--glibc-host-child';

const HOST_RUNNER = String.raw`
const { spawnSync } = require("child_process"), fs = require("fs"), path = require("path");
const dns = require("dns"), dgram = require("dgram"), net = require("net");
const [dir, ip] = process.argv.slice(1);
const cases = JSON.parse(fs.readFileSync(path.join(dir, "cases.json"), "utf8"));
function run(args, input) {
  const r = spawnSync(ip, args, { input, encoding: "utf8" });
  if (r.status !== 0) throw new Error("ip " + args.join(" ") + ": " + (r.stderr || "").trim());
  return r.stdout;
}
const defaults = run(["-6", "addrlabel", "list"]).split("\n").map((l) => /^prefix (\S+) label (\d+)/.exec(l)).filter(Boolean);
const restore = "addrlabel flush\n" + defaults.map((m) => "addrlabel add prefix " + m[1] + " label " + m[2] + "\n").join("");
function srcFor(addr) {
  return new Promise((res) => {
    const s = dgram.createSocket(net.isIPv6(addr) ? "udp6" : "udp4");
    let done = false;
    const fin = (v) => { if (!done) { done = true; try { s.close(); } catch {} res(v); } };
    s.on("error", () => fin(null));
    try { s.connect(9, addr, (err) => { if (err) return fin(null); try { fin(s.address().address); } catch { fin(null); } }); } catch { fin(null); }
  });
}
const lookup = (name) => new Promise((res) => dns.lookup(name, { all: true, family: 0, hints: 0, order: "verbatim" }, (err, a) => res(err ? { error: "getaddrinfo: " + (err.code || err.message) } : a.map((x) => x.address))));
(async () => {
  const results = [];
  let previous = [];
  let rejects = [];
  for (const c of cases) {
    try {
      run(["-batch", "-"], previous.map((n) => "link del " + n + "\n").join("") + restore);
      // Unreachable routes belong to no interface: remove the last host's by hand.
      for (const r of rejects) run(["route", "del", "unreachable", r]);
      previous = c.interfaces;
      rejects = c.rejects;
      const [links, rest] = c.batch.split("# links done\n");
      run(["-batch", "-"], links);
      // DAD waits 60 s per probe on these interfaces, so a tentative address stays tentative.
      for (const n of c.interfaces) fs.writeFileSync("/proc/sys/net/ipv6/neigh/" + n + "/retrans_time_ms", "60000");
      run(["-batch", "-"], rest);
      fs.writeFileSync("/etc/hosts", c.destinations.map((d) => d + "\t" + c.name + "\n").join(""));
      const order = await lookup(c.name);
      if (!Array.isArray(order)) { results.push(order); continue; }
      const sources = {};
      for (const a of order) sources[a] = await srcFor(a);
      // Zoned destinations never come from /etc/hosts: the kernel alone is asked about them.
      const zoned = {};
      for (const a of c.zoned) zoned[a] = await srcFor(a);
      results.push({ order, sources, zoned });
    } catch (e) { results.push({ error: String(e.message || e) }); }
  }
  process.stdout.write(JSON.stringify(results) + "\n");
})();
`;

const HOST_GROUP_SCRIPT = String.raw`
set -e
d="$1"
mount --bind "$d/gai.conf" /etc/gai.conf
mount --bind "$d/hosts" /etc/hosts
ip link set lo up
exec "$2" -e "$3" "$d" "$4"
`;

export async function runHostCases(cases, options = {}) {
  if (!Array.isArray(cases)) throw new TypeError('runHostCases: cases must be an array');
  cases.forEach((c, i) => {
    if (typeof c.gaiConf !== 'string' || !Array.isArray(c.destinations) || c.destinations.some((d) => !net.isIP(d)))
      throw new TypeError(`case ${i}: needs gaiConf and IP-literal destinations`);
    validateHost(c.host, i);
  });
  const avail = await glibcOracleAvailable();
  if (!avail.ok) throw new Error(avail.reason);
  if (cases.length === 0) return [];
  const t = toolPaths();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glibc-host-oracle-'));
  try {
    const groups = new Map();
    cases.forEach((c, i) => {
      if (!groups.has(c.gaiConf)) groups.set(c.gaiConf, []);
      groups.get(c.gaiConf).push(i);
    });
    const plan = [...groups.entries()].map(([gaiConf, members], g) => {
      const gd = path.join(dir, `group${g}`);
      fs.mkdirSync(gd);
      fs.writeFileSync(path.join(gd, 'gai.conf'), gaiConf);
      fs.writeFileSync(path.join(gd, 'hosts'), '');
      const list = members.map((i) => ({
        name: `host${i}.${HOSTNAME}`,
        destinations: cases[i].destinations,
        interfaces: cases[i].host.interfaces.map((f) => f.name),
        rejects: cases[i].host.routes.filter((r) => !r.dev).map((r) => r.to),
        zoned: cases[i].zoned ?? [],
        batch: hostBatch(cases[i].host).replace(/^link set lo up\n/, ''),
      }));
      fs.writeFileSync(path.join(gd, 'cases.json'), JSON.stringify(list));
      return { dir: gd, members };
    });
    fs.writeFileSync(path.join(dir, 'host.conf'), 'multi on\n');
    fs.writeFileSync(path.join(dir, 'nsswitch.conf'), 'hosts: files\n');
    fs.writeFileSync(path.join(dir, 'spec.json'), JSON.stringify({ plan, tools: t, node: process.execPath, concurrency: options.concurrency ?? 2 }));
    const { code, signal, stdout, stderr } = await runInNamespace(t, HOST_CHILD_FLAG, dir);
    if (code !== 0) throw new Error(`glibc host oracle: child failed (exit ${code}${signal ? ', signal ' + signal : ''}): ${stderr.trim().slice(0, 2000)}`);
    const byGroup = JSON.parse(stdout.trim().split('\n').pop());
    const results = new Array(cases.length);
    plan.forEach((p, g) => p.members.forEach((i, k) => (results[i] = byGroup[g][k] ?? { error: 'no result' })));
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function runGroup(spec, group) {
  return new Promise((resolve) => {
    const ch = spawn(spec.tools.unshare, ['-mn', spec.tools.sh, '-c', HOST_GROUP_SCRIPT, 'sh', group.dir, spec.node, HOST_RUNNER, spec.tools.ip], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH || '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' },
    });
    let out = '',
      err = '';
    ch.stdout.on('data', (b) => (out += b));
    ch.stderr.on('data', (b) => (err += b));
    ch.on('close', (code, signal) => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()));
      } catch {
        const error = `host group failed (exit ${code}${signal ? ', ' + signal : ''}): ${err.trim().slice(0, 1000)}`;
        resolve(group.members.map(() => ({ error })));
      }
    });
  });
}

async function hostChildMain(dir) {
  const spec = JSON.parse(fs.readFileSync(path.join(dir, 'spec.json'), 'utf8'));
  prepareEtc(dir);
  const results = new Array(spec.plan.length);
  let next = 0;
  async function worker() {
    while (next < spec.plan.length) {
      const g = next++;
      results[g] = await runGroup(spec, spec.plan[g]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(spec.concurrency, spec.plan.length) }, worker));
  process.stdout.write(JSON.stringify(results) + '\n');
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === SELF;
if (invokedDirectly && process.argv[2] === HOST_CHILD_FLAG) {
  hostChildMain(process.argv[3]).catch((e) => {
    process.stderr.write(`glibc host oracle child: ${e.stack || e}\n`);
    process.exit(2);
  });
} else if (invokedDirectly && process.argv[2] === CHILD_FLAG) {
  childMain(process.argv[3]).catch((e) => {
    process.stderr.write(`glibc oracle child: ${e.stack || e}\n`);
    process.exit(2);
  });
} else if (invokedDirectly && process.argv[2] === '--check') {
  const a = await glibcOracleAvailable();
  console.log(JSON.stringify(a));
  if (!a.ok) process.exit(1);
  const t0 = Date.now();
  const r = await runGlibcCases([
    {
      gaiConf: '',
      sources: [
        { address: 'fd00:1::10', prefixLength: 64 },
        { address: '192.0.2.10', prefixLength: 24 },
      ],
      destinations: ['2001:db8::1', '198.51.100.7'],
    },
  ]);
  console.log(JSON.stringify(r), `${Date.now() - t0} ms`);
}
