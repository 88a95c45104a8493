// /etc/hosts: a name's addresses in file order, which is the order glibc's files backend
// returns them in (with `multi on` in /etc/host.conf; without it glibc 2.36 returns only the
// first). That order is rule 10's: it decides only the ties.
import { parseAnyAddress } from '../model/address.js';

export function hostsAddresses(text: string, name: string): string[] {
  const wanted = name.toLowerCase().replace(/\.$/, '');
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const words = line.replace(/#.*/, '').trim().split(/\s+/);
    if (words.length < 2) continue;
    const [address, ...names] = words;
    if (!parseAnyAddress(address!) || !names.some((n) => n.toLowerCase() === wanted)) continue;
    if (!out.includes(address!)) out.push(address!);
  }
  return out;
}
