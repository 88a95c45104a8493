// What inet_pton / getaddrinfo(AI_NUMERICHOST) make of the address part of a prefix.
import { parseIPv4, parseIPv6, IPV4_MAPPED_BASE } from '../model/address.js';

export type AddressText =
  | { kind: 'ipv6'; address: bigint; zone?: string }
  | { kind: 'ipv4'; address: bigint; v4: number }
  | { kind: 'bracketed' }
  | { kind: 'invalid' };

/** Classify the text before `/`. A `%zone` is split off and reported by the caller. */
export function classifyAddressText(text: string): AddressText {
  if (text.startsWith('[')) return { kind: 'bracketed' };
  const percent = text.indexOf('%');
  const bare = percent >= 0 ? text.slice(0, percent) : text;
  const v6 = parseIPv6(bare);
  if (v6 !== null) return percent >= 0 ? { kind: 'ipv6', address: v6, zone: text.slice(percent + 1) } : { kind: 'ipv6', address: v6 };
  const v4 = parseIPv4(bare);
  if (v4 !== null) return { kind: 'ipv4', address: IPV4_MAPPED_BASE | BigInt(v4), v4 };
  return { kind: 'invalid' };
}

/** `10.0.0.0/8` -> `::ffff:10.0.0.0/104`, the IPv6 row that means what the author wrote. */
export function mappedEquivalent(v4Text: string, v4Length: number | null): string {
  return `::ffff:${v4Text}/${96 + (v4Length ?? 32)}`;
}
