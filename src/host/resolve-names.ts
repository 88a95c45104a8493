// The names doctor asks about: their addresses in the resolver's original order (/etc/hosts
// first, else the DNS answers, AAAA before A), and what the real resolver returns:
// getaddrinfo through Node's dns.lookup with order 'verbatim' (libuv passes glibc's or
// FreeBSD libc's order through unchanged).
import { lookup, Resolver } from 'node:dns/promises';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import type { NameInput } from './diagnose.js';
import { hostsAddresses } from './etc-hosts.js';

export class NameError extends Error {}

async function observed(name: string): Promise<string[]> {
  const answers = await lookup(name, { all: true, order: 'verbatim' });
  const out: string[] = [];
  for (const a of answers) if (!out.includes(a.address)) out.push(a.address);
  return out;
}

async function fromDns(name: string): Promise<string[]> {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  const settle = async (f: () => Promise<string[]>) => f().catch(() => [] as string[]);
  const [aaaa, a] = await Promise.all([settle(() => resolver.resolve6(name)), settle(() => resolver.resolve4(name))]);
  return [...aaaa, ...a];
}

export async function resolveNames(words: readonly string[], hostsPath = '/etc/hosts'): Promise<NameInput[]> {
  const literals = words.filter((w) => isIP(w) !== 0);
  const names = words.filter((w) => isIP(w) === 0);
  const hosts = await readFile(hostsPath, 'latin1').catch(() => '');
  const out: NameInput[] = [];
  for (const name of names) {
    const inHosts = hostsAddresses(hosts, name);
    const addresses = inHosts.length > 0 ? inHosts : await fromDns(name);
    if (addresses.length === 0) throw new NameError(`${name}: no address in ${hostsPath} and no A or AAAA answer from DNS`);
    const seen = await observed(name).catch((e: NodeJS.ErrnoException) => {
      throw new NameError(
        `${name}: getaddrinfo failed (${e.code ?? e.message}) although ${inHosts.length > 0 ? hostsPath : 'DNS'} lists ${addresses.join(', ')}`,
      );
    });
    out.push({ name, addresses, origin: inHosts.length > 0 ? 'hosts' : 'dns', observed: seen });
  }
  // Addresses given literally: one destination set in the given order; getaddrinfo sorts only a name's answers.
  if (literals.length > 0) out.push({ name: literals.join(' '), addresses: literals, origin: 'given', observed: null });
  return out;
}
