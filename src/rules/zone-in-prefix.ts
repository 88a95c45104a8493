// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does
// with a line; the messages they report are built here.
import type { FreebsdZoneFailure, ReaderMessages } from '../dialects/reader-finding.js';
import { GAI_IGNORES, freebsdFails, shown } from './support/reader-wording.js';
import type { Rule } from './rule.js';

/** Why FreeBSD's getaddrinfo (libc ip6_str2scopeid) rejects a zone. */
const ZONE_FAILURES: Record<FreebsdZoneFailure, string> = {
  empty: 'an empty zone is invalid',
  'not-numeric': 'only fe80::/10, ff01::/16 and ff02::/16 take interface names; others need a decimal',
  'out-of-range': 'a numeric zone must be 0 to 4294967295',
  'no-such-interface': 'the host has no such interface, and it is not a decimal',
};

export const rule = {
  meta: {
    id: 'zone-in-prefix',
    defaultSeverity: 'warning',
    description:
      'A %zone in a prefix: glibc rejects the line; FreeBSD accepts a name only on link-local addresses whose interface exists, a decimal on any, and then ignores it.',
    fixable: 'safe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
  messages: {
    gai: ({ zone }) =>
      `Zone \`%${zone}\` in a prefix: glibc's inet_pton rejects it, so ${GAI_IGNORES}. Remove the zone (policy rows apply on every interface).`,
    freebsdRejected: ({ zone, why, line }) =>
      freebsdFails(
        `Zone \`${shown(zone)}\`: getaddrinfo rejects it (${ZONE_FAILURES[why]})`,
        line,
        'Remove the zone (the kernel matches on the address only).',
      ),
    freebsdUnknownInterface: ({ zone, line }) =>
      `Zone \`${shown(zone)}\` names an interface: install works only if the host has it (else "parse failed at line ${line}" and an empty table); pass --interfaces to check. The kernel ignores the zone. Remove it.`,
    freebsdAccepted: ({ zone, reading, shifted }) =>
      `Zone \`${shown(zone)}\`: getaddrinfo accepts it (${reading.by === 'name' ? `interface ${shown(reading.name)}, index ${reading.index}` : `scope ${reading.scope}`}) and the kernel stores it but matches on the address only, so the row applies on every interface` +
      `${shifted ? `; the blank in it shifts the fields: FreeBSD installs \`${shifted}\`` : ''}. Remove the zone.`,
  } satisfies ReaderMessages<'zone-in-prefix'>,
} satisfies Rule;
