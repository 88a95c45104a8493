// Experiments: check the glibc facts of /work/shared/reference/semantics.md
// against THIS machine's real glibc, through the glibc oracle.
//
//   node test/oracle/experiments.mjs [--out FILE] [--json] [--strict]
//
// Writes a markdown table (default /tmp/research/glibc-experiments.md) and lists
// the rows where glibc disagrees with the expectation derived from semantics.md
// (with --strict, exits 1 if there are any; exits 2 if the oracle cannot run).
// Every row is one getaddrinfo() run in a private namespace (some repeated).
//
// Probes used (each row says which):
//   ULA host  = fd00:1::10/64 + 192.0.2.10/24, name -> [2001:db8::1, 198.51.100.7]
//     default tables: 198.51.100.7 first (rule 5: fd00 label 6 != 2001:db8 label 1).
//     "label-accept probe" `label 2002::/16 V`: ANY accepted label line replaces the
//     whole default label table, so fd00::/7 and 2001:db8 both fall into ::/0 label 1
//     and 2001:db8::1 comes first.  2001:db8::1 first <=> the line was accepted.
//     "label-value probe" `label fc00::/7 N` + `label 2001:db8::/32 TEXT`:
//     2001:db8::1 first <=> TEXT was parsed as N.
//   GLB host  = 2001:db8:1::10/64 + 192.0.2.10/24, name -> [198.51.100.7, 2001:db8::1]
//     default: 2001:db8::1 first (precedence 40 > 10).  "precedence-accept probe"
//     `precedence 2002::/16 V`: an accepted line replaces the default precedence
//     table, IPv4 falls into ::/0 (40), the tie keeps the file order: 198.51.100.7
//     first <=> accepted.
//   scopev4 probe (ULA host): a scopev4 line that gives 198.51.100.7 a scope other
//     than 14 (the source 192.0.2.10's) makes rule 2 put 2001:db8::1 first.

import fs from 'node:fs';
import path from 'node:path';
import { runGlibcCases, glibcOracleAvailable } from './glibc-oracle.mjs';

const V6 = '2001:db8::1';
const V4 = '198.51.100.7';
const ULA = [
  { address: 'fd00:1::10', prefixLength: 64 },
  { address: '192.0.2.10', prefixLength: 24 },
];
const GLB = [
  { address: '2001:db8:1::10', prefixLength: 64 },
  { address: '192.0.2.10', prefixLength: 24 },
];

const rows = [];
/** row(fact, claim, {conf, sources, dests, expect, meaning, ipCommands, repeat}) */
function row(fact, claim, o) {
  rows.push({ fact, claim, sources: ULA, dests: [V6, V4], repeat: 1, ...o });
}
const accepted = { [`${V6} ${V4}`]: 'line accepted', [`${V4} ${V6}`]: 'line dropped' };
function labelAccept(fact, claim, line, expectAccepted, extra = {}) {
  row(fact, claim, {
    conf: line,
    sources: ULA,
    dests: [V6, V4],
    probe: 'label-accept',
    expect: expectAccepted ? [V6, V4] : [V4, V6],
    meaning: accepted,
    ...extra,
  });
}
function labelValue(fact, claim, n, text, expectParsedAsN, extra = {}) {
  row(fact, claim, {
    conf: `label fc00::/7 ${n}\nlabel 2001:db8::/32${text === null ? '' : ' ' + text}\n`,
    probe: `label-value (N=${n})`,
    expect: expectParsedAsN ? [V6, V4] : [V4, V6],
    meaning: { [`${V6} ${V4}`]: `parsed as ${n}`, [`${V4} ${V6}`]: `not ${n} (dropped or other value)` },
    ...extra,
  });
}
function precAccept(fact, claim, line, expectAccepted) {
  row(fact, claim, {
    conf: line,
    sources: GLB,
    dests: [V4, V6],
    probe: 'precedence-accept',
    expect: expectAccepted ? [V4, V6] : [V6, V4],
    meaning: { [`${V4} ${V6}`]: 'line accepted', [`${V6} ${V4}`]: 'line dropped' },
  });
}
function scopeProbe(fact, claim, line, expectApplied) {
  row(fact, claim, {
    conf: line,
    sources: ULA,
    dests: [V6, V4],
    probe: 'scopev4',
    expect: expectApplied ? [V6, V4] : [V4, V6],
    meaning: { [`${V6} ${V4}`]: '198.51.100.7 got a non-14 scope (line applied)', [`${V4} ${V6}`]: '198.51.100.7 scope 14 (line dropped or no match)' },
  });
}

const FULL_LABELS = (ula) =>
  ['::1/128 0', '::/0 1', '2002::/16 2', '::/96 3', '::ffff:0:0/96 4', 'fec0::/10 5', `fc00::/7 ${ula}`, '2001::/32 7'].map((l) => `label ${l}`).join('\n') +
  '\n';

// ---------------------------------------------------------------- defaults
row('Default tables, ULA-only host (rule 5)', 'defaults: label fc00::/7 6, ::/0 1, ::ffff:0:0/96 4', {
  conf: '',
  expect: [V4, V6],
});
row('Comment-only gai.conf = defaults', 'only valid lines count; no valid line -> built-in tables', {
  conf: '# nothing here\n#label fc00::/7 1\n',
  expect: [V4, V6],
});
row('Default precedence, global dual-stack host', 'defaults: precedence ::/0 40, ::ffff:0:0/96 10', {
  conf: '',
  sources: GLB,
  dests: [V4, V6],
  expect: [V6, V4],
});
row("glibc ULA precedence is ::/0's 40 (not RFC 6724's 3)", "glibc never adopted RFC 6724's table (no fc00::/7 precedence row)", {
  conf: '',
  dests: [V4, 'fd00:2::1'],
  expect: ['fd00:2::1', V4],
});
row('Kernel `ip addrlabel` is NOT used by glibc rule 5', "rule 5: BOTH labels from gai.conf, never from the kernel's ip addrlabel", {
  conf: '',
  ipCommands: ['addrlabel add prefix fd00::/8 label 1'],
  expect: [V4, V6],
});

// ---------------------------------------------------------------- label table
row('Full label table with `fc00::/7 1` flips ULA host', 'label lines replace the label table', {
  conf: FULL_LABELS(1),
  expect: [V6, V4],
});
row('Full default label table written out = defaults', 'defaults as listed', { conf: FULL_LABELS(6), expect: [V4, V6] });
labelAccept(
  'Partial label table: one unrelated `label` line replaces the WHOLE default label table',
  'PARTIAL TABLES: one valid label line replaces the WHOLE default label table',
  'label 2002::/16 2\n',
  true,
);
row('Partial label table gets implicit ::/0 label 1 (fc00 1 matches 2001:db8)', 'glibc appends ::/0 label 1', { conf: 'label fc00::/7 1\n', expect: [V6, V4] });
row('Partial label table gets implicit ::/0 label 1 (fc00 2 does not)', 'glibc appends ::/0 label 1', { conf: 'label fc00::/7 2\n', expect: [V4, V6] });
row('Explicit ::/0 row suppresses the implicit one', 'if the user table has no /0 entry glibc appends ::/0', {
  conf: 'label fc00::/7 1\nlabel ::/0 2\n',
  expect: [V4, V6],
});
row('Only VALID lines make a partial table', 'Only valid lines count', { conf: 'label fc00::/7 abc\n', expect: [V4, V6] });
row('Longest match wins (longer prefix listed first)', 'Lookup: longest match', { conf: 'label fd00:1::/32 1\nlabel fc00::/7 2\n', expect: [V6, V4] });
row('Longest match wins (longer prefix listed last)', 'Lookup: longest match', { conf: 'label fc00::/7 2\nlabel fd00:1::/32 1\n', expect: [V6, V4] });
row('Duplicate label: first wins (1 then 2)', 'Duplicates all kept, stable sort: FIRST wins', {
  conf: 'label fc00::/7 1\nlabel fc00::/7 2\n',
  expect: [V6, V4],
});
row('Duplicate label: first wins (2 then 1)', 'Duplicates all kept, stable sort: FIRST wins', {
  conf: 'label fc00::/7 2\nlabel fc00::/7 1\n',
  expect: [V4, V6],
});
row('Host bits beyond LEN ignored (`fc00:1234::/7` matches fd00:1::10)', 'Host bits beyond LEN are kept but ignored by matching', {
  conf: 'label fc00:1234::/7 5\nlabel ::/0 1\nlabel 2001:db8::/32 5\n',
  expect: [V6, V4],
});

// ---------------------------------------------------------------- precedence
precAccept(
  'Partial precedence table: unrelated line replaces the whole default table (IPv4 -> ::/0 40)',
  'same for precedence; IPv4 falls into ::/0 (precedence 40)',
  'precedence 2002::/16 30\n',
  true,
);
row('`precedence ::ffff:0:0/96 100` prefers IPv4', 'IPv4 is looked up as ::ffff:a.b.c.d', {
  conf: 'precedence ::ffff:0:0/96 100\n',
  sources: GLB,
  dests: [V6, V4],
  expect: [V4, V6],
});
row('Implicit ::/0 precedence is 40 (IPv4 at 39 loses)', 'glibc appends ::/0 precedence 40', {
  conf: 'precedence ::ffff:0:0/96 39\n',
  sources: GLB,
  dests: [V4, V6],
  expect: [V6, V4],
});
row('Implicit ::/0 precedence is 40 (IPv4 at 41 wins)', 'glibc appends ::/0 precedence 40', {
  conf: 'precedence ::ffff:0:0/96 41\n',
  sources: GLB,
  dests: [V6, V4],
  expect: [V4, V6],
});
row('Duplicate precedence: first wins', 'FIRST wins', {
  conf: 'precedence ::ffff:0:0/96 100\nprecedence ::ffff:0:0/96 1\n',
  sources: GLB,
  dests: [V6, V4],
  expect: [V4, V6],
});
row('A label line does not touch the precedence table', 'label, precedence, scopev4 replaced independently', {
  conf: 'label 2002::/16 2\n',
  sources: GLB,
  dests: [V4, V6],
  expect: [V6, V4],
});

// ---------------------------------------------------------------- numbers
labelValue('Value `5` (control)', 'decimal', 5, '5', true);
labelValue('Value `+5`', 'leading + accepted', 5, '+5', true);
labelValue('Value `05`', 'leading zeros accepted', 5, '05', true);
labelValue('Value `0x5`', '0x10 rejected', 5, '0x5', false);
labelValue('Value `5abc`', 'no trailing junk', 5, '5abc', false);
labelValue('Value `-0`', '(not stated; strtoul reads -0 as 0)', 0, '-0', true);
labelAccept('Value `-1`', '-1 rejected', 'label 2002::/16 -1\n', false);
labelAccept('Value `2147483647`', 'value 0..2147483647', 'label 2002::/16 2147483647\n', true);
labelAccept('Value `2147483648`', 'value 0..2147483647', 'label 2002::/16 2147483648\n', false);
labelAccept('Value `4294967301` (2^32+5, no wrap)', 'value 0..2147483647', 'label 2002::/16 4294967301\n', false);
labelAccept('Empty value accepted (2.36)', 'Before 2.41 an EMPTY value was accepted as 0', 'label 2002::/16\n', true);
labelValue('Empty value reads as 0', 'Before 2.41 an EMPTY value was accepted as 0', 0, null, true);
labelAccept('LEN `/+16`', 'leading + accepted', 'label 2002::/+16 2\n', true);
labelAccept('LEN `/016`', 'leading zeros accepted', 'label 2002::/016 2\n', true);
labelAccept('LEN `/0x10`', '0x rejected', 'label 2002::/0x10 2\n', false);
labelAccept('LEN `/129`', 'LEN 0..128', 'label 2002::/129 2\n', false);
labelAccept('LEN `/128`', 'LEN 0..128', 'label 2002::/128 2\n', true);
labelAccept('LEN `/-1`', '-1 rejected', 'label 2002::/-1 2\n', false);
labelAccept('LEN empty `2002::/` (2.36)', 'numbers non-empty (2.41); 2.36 not stated', 'label 2002::/ 2\n', false);
row('LEN empty is /0: `label 2002::/ 7` + `label 2001:db8::/32 7` (a /0 row covers fd00)', 'numbers non-empty (2.41); 2.36 not stated', {
  conf: 'label 2002::/ 7\nlabel 2001:db8::/32 7\n',
  expect: [V4, V6],
  meaning: { [`${V6} ${V4}`]: '`2002::/` parsed as /0', [`${V4} ${V6}`]: 'dropped (or not /0)' },
});
labelAccept('Missing /LEN `label 2002:: 2` (2.36)', '2.36 drops the line (UB before 2.41)', 'label 2002:: 2\n', false, { repeat: 3 });
row("Missing /LEN on the source's own address `label fd00:1::10 1`", '2.36 drops the line (UB before 2.41)', {
  conf: 'label fd00:1::10 1\n',
  expect: [V4, V6],
  repeat: 3,
  meaning: { [`${V6} ${V4}`]: 'accepted (as /128?)', [`${V4} ${V6}`]: 'dropped' },
});

row('Missing /LEN after another label line `label ::/0 7` + `label fd00:1::10 1`', '2.36 drops the line (UB before 2.41)', {
  conf: 'label ::/0 7\nlabel fd00:1::10 1\n',
  expect: [V6, V4],
  repeat: 3,
  meaning: { [`${V6} ${V4}`]: 'no-LEN line dropped', [`${V4} ${V6}`]: 'no-LEN line accepted as /128' },
});
row('Missing /LEN in precedence `precedence ::ffff:198.51.100.7 100` (GLB host)', '2.36 drops the line (UB before 2.41)', {
  conf: 'precedence ::ffff:198.51.100.7 100\n',
  sources: GLB,
  dests: [V6, V4],
  expect: [V6, V4],
  repeat: 3,
  meaning: { [`${V6} ${V4}`]: 'dropped', [`${V4} ${V6}`]: 'accepted as /128' },
});

// ---------------------------------------------------------------- lexing
labelAccept('Keyword `Label` (capital L)', 'keywords case-sensitive', 'Label 2002::/16 2\n', false);
labelAccept('Keyword `LABEL`', 'keywords case-sensitive', 'LABEL 2002::/16 2\n', false);
row('Keyword `Precedence`', 'keywords case-sensitive', { conf: 'Precedence ::ffff:0:0/96 100\n', sources: GLB, dests: [V6, V4], expect: [V6, V4] });
labelAccept('Trailing comment `label 2002::/16 2 # c`', '# ANYWHERE starts a comment', 'label 2002::/16 2 # c\n', true);
row('Comment glued to value `label fc00::/7 1#c`', '# ANYWHERE starts a comment', { conf: 'label fc00::/7 1#c\n', expect: [V6, V4] });
labelValue('Comment eats the value `label 2001:db8::/32 # 1` -> empty -> 0', '# anywhere + empty value = 0 (pre-2.41)', 0, '# 1', true);
labelAccept('Whole-line comment `#label 2002::/16 2`', '# starts a comment', '  #label 2002::/16 2\n', false);
labelAccept('CRLF line `label 2002::/16 2\\r\\n`', 'Tokens split on any isspace (CRLF is fine)', 'label 2002::/16 2\r\n', true);
row('CRLF: the \\r does not stick to the value', 'CRLF is fine', { conf: 'label fc00::/7 5\r\nlabel 2001:db8::/32 5\r\n', expect: [V6, V4] });
row('CRLF file with a bare \\r\\n line', 'CRLF is fine', { conf: '\r\n# c\r\nlabel fc00::/7 1\r\n', expect: [V6, V4] });
labelAccept('Tabs and leading blanks', 'Tokens split on any isspace', '\t  label\t2002::/16 \t 2\n', true);
row('Extra tokens ignored `label fc00::/7 1 junk more`', 'Only the first three tokens count', { conf: 'label fc00::/7 1 junk more\n', expect: [V6, V4] });
row('Unknown keyword ignored, rest applies', 'Unknown keywords SILENTLY IGNORED', { conf: 'foo bar baz\nlabel fc00::/7 1\n', expect: [V6, V4] });
row('Malformed line ignored, rest applies', 'malformed lines SILENTLY IGNORED, one at a time', { conf: 'label zzz 1\nlabel fc00::/7 1\n', expect: [V6, V4] });
labelAccept('Zone `label fe80::%lo/64 2`', 'no zone', 'label fe80::%lo/64 2\n', false);
labelAccept('Brackets `label [2002::]/16 2`', 'no brackets', 'label [2002::]/16 2\n', false);
labelAccept('IPv4 literal `label 198.51.100.0/24 2`', 'no IPv4 literal', 'label 198.51.100.0/24 2\n', false);
row('IPv4 literal in precedence dropped', 'no IPv4 literal', { conf: 'precedence 198.51.100.0/24 100\n', sources: GLB, dests: [V6, V4], expect: [V6, V4] });
row('Mapped literal `precedence ::ffff:198.51.100.0/120 100`', 'write IPv4 as ::ffff:a.b.c.d', {
  conf: 'precedence ::ffff:198.51.100.0/120 100\n',
  sources: GLB,
  dests: [V6, V4],
  expect: [V4, V6],
});
row('`::1.2.3.4/96` is ::/96 (compat), does not match IPv4 (IPv6 listed first)', 'IPv4 is looked up as ::ffff:a.b.c.d; host bits ignored', {
  conf: 'precedence ::1.2.3.4/96 100\n',
  sources: GLB,
  dests: [V6, V4],
  expect: [V6, V4],
  meaning: { [`${V6} ${V4}`]: 'IPv4 not matched by ::/96 (tie, or line dropped)', [`${V4} ${V6}`]: '::1.2.3.4/96 matched IPv4' },
});
row('`::1.2.3.4/96` accepted (IPv4 listed first: tie at 40 keeps order)', 'partial table; IPv4 -> ::/0 40', {
  conf: 'precedence ::1.2.3.4/96 100\n',
  sources: GLB,
  dests: [V4, V6],
  expect: [V4, V6],
  meaning: { [`${V4} ${V6}`]: 'line accepted (partial table, tie)', [`${V6} ${V4}`]: 'line dropped' },
});

// ---------------------------------------------------------------- scopev4
scopeProbe('`scopev4 198.51.100.0/24 5`', 'scopev4 a.b.c.d/0..32', 'scopev4 198.51.100.0/24 5\n', true);
scopeProbe('`scopev4 ::ffff:198.51.100.0/120 5`', 'scopev4 ::ffff:a.b.c.d/96..128', 'scopev4 ::ffff:198.51.100.0/120 5\n', true);
scopeProbe('scopev4 host bits masked `198.51.100.99/24`', 'host bits masked', 'scopev4 198.51.100.99/24 5\n', true);
scopeProbe('`scopev4 198.51.100.0/33 5`', '0..32', 'scopev4 198.51.100.0/33 5\n', false);
scopeProbe('`scopev4 ::ffff:198.51.100.0/95 5`', '96..128', 'scopev4 ::ffff:198.51.100.0/95 5\n', false);
scopeProbe('`scopev4 198.51.100.7 5` (no /LEN, first scopev4 line)', '[/0..32] optional', 'scopev4 198.51.100.7 5\n', true);
rows[rows.length - 1].repeat = 3;
scopeProbe('`scopev4 ::ffff:198.51.100.7 5` (no /LEN, first scopev4 line)', '[/96..128] optional', 'scopev4 ::ffff:198.51.100.7 5\n', true);
scopeProbe('no /LEN after `label 2002::/16 2` (still the first scopev4 line)', '[/0..32] optional', 'label 2002::/16 2\nscopev4 198.51.100.7 5\n', true);
scopeProbe(
  'no /LEN after `scopev4 0.0.0.0/0 14` (stale end pointer lands on a NUL)',
  '[/0..32] optional',
  'scopev4 0.0.0.0/0 14\nscopev4 198.51.100.7 5\n',
  true,
);
scopeProbe(
  "no /LEN after `scopev4 10.0.0.0/8 12` (stale end pointer lands on '5')",
  '[/0..32] optional',
  'scopev4 10.0.0.0/8 12\nscopev4 198.51.100.7 5\n',
  true,
);
row('A crashing gai.conf is harmless for a 1-address name (gai.conf read only when sorting >= 2)', 'read by getaddrinfo on first sort', {
  conf: 'scopev4 198.51.100.7 5\n',
  dests: [V6],
  expect: [V6],
});
scopeProbe('`scopev4 198.51.100.0/24` (empty value)', 'value 0..INT_MAX (empty not stated for scopev4)', 'scopev4 198.51.100.0/24\n', true);
scopeProbe('`scopev4 2001:db8::/32 5` (non-mapped IPv6)', 'IPv4 or ::ffff: only', 'scopev4 2001:db8::/32 5\n', false);
row('Default scopev4: 169.254/16 is scope 2 (rule 2 mismatch with 192.0.2.10)', 'default scopev4 169.254.0.0/16 2', {
  conf: '',
  dests: ['169.254.1.1', V6],
  expect: [V6, '169.254.1.1'],
});
row('Partial scopev4 table replaces defaults (169.254/16 becomes 14)', 'PARTIAL TABLES ... scopev4; implicit 0.0.0.0/0 14', {
  conf: 'scopev4 203.0.113.0/24 5\n',
  dests: ['169.254.1.1', V6],
  expect: ['169.254.1.1', V6],
});

// ---------------------------------------------------------------- rules
row('Rule 1: no IPv6 address -> IPv6 destination unusable', 'rule 1 usable source', {
  conf: '',
  sources: [{ address: '192.0.2.10', prefixLength: 24 }],
  dests: [V6, V4],
  expect: [V4, V6],
});
row('Rule 1: no IPv4 address -> IPv4 destination unusable (beats rule 5)', 'rule 1 usable source', {
  conf: '',
  sources: [{ address: 'fd00:1::10', prefixLength: 64 }],
  dests: [V4, V6],
  expect: [V6, V4],
});
row('Rule 3: deprecated IPv6 source demotes IPv6', 'rule 3 avoid deprecated source', {
  conf: '',
  sources: [
    { address: '2001:db8:1::10', prefixLength: 64, deprecated: true },
    { address: '192.0.2.10', prefixLength: 24 },
  ],
  dests: [V6, V4],
  expect: [V4, V6],
});
row('Rule 3 control: same, not deprecated', 'rule 6 precedence', { conf: '', sources: GLB, dests: [V6, V4], expect: [V6, V4] });
row('Rule 9 IPv6 NOT capped at source prefix length (/64): 79 vs 64 common bits', 'IPv6: common leading bits, NOT capped', {
  conf: '',
  sources: GLB,
  dests: ['2001:db8:1:0:8000::1', '2001:db8:1:0:1::1'],
  expect: ['2001:db8:1:0:1::1', '2001:db8:1:0:8000::1'],
});
row("Rule 9 IPv6 outside the source's subnet: 40 vs 32 common bits", 'IPv6: common leading bits', {
  conf: '',
  sources: GLB,
  dests: ['2001:db8:8000::1', '2001:db8:ff::1'],
  expect: ['2001:db8:ff::1', '2001:db8:8000::1'],
});
row('Rule 9 IPv4 off-subnet: no effect (23 vs 4 common bits, /24 source)', "IPv4: only when destination is in the source's subnet", {
  conf: '',
  dests: ['203.0.113.7', '192.0.3.7'],
  expect: ['203.0.113.7', '192.0.3.7'],
});
row("Rule 9 IPv4 uses the source's netmask (/16 source: 192.0.3.7 on-subnet)", "IPv4: only when destination is in the source's subnet", {
  conf: '',
  sources: [
    { address: 'fd00:1::10', prefixLength: 64 },
    { address: '192.0.2.10', prefixLength: 16 },
  ],
  dests: ['203.0.113.7', '192.0.3.7'],
  expect: ['192.0.3.7', '203.0.113.7'],
});
row('Rule 9 IPv4 on-subnet destination first', 'IPv4: only in subnet', {
  conf: '',
  dests: ['203.0.113.7', '192.0.2.200'],
  expect: ['192.0.2.200', '203.0.113.7'],
});
row('Rule 10: ties keep the /etc/hosts order', 'rule 10 original order', {
  conf: '',
  sources: GLB,
  dests: ['2001:db8::2', '2001:db8::1'],
  expect: ['2001:db8::2', '2001:db8::1'],
});
row('Loopback ::1 first (precedence 50, label 0 = source ::1)', 'defaults ::1/128 50 0', { conf: '', dests: [V4, V6, '::1'], expect: ['::1', V4, V6] });
row('Teredo 2001::/32 label 7 (source 2001:db8 label 1 mismatch)', 'default label 2001::/32 7', {
  conf: '',
  sources: GLB,
  dests: ['2001::1', V6],
  expect: [V6, '2001::1'],
});
row('Teredo label row gone in a partial table (2001::1 now label 1 = source)', 'partial table replaces defaults', {
  conf: 'label 2002::/16 2\n',
  sources: GLB,
  dests: [V4, '2001::1'],
  expect: ['2001::1', V4],
});
row('Teredo control: default label 7 != source label 1, IPv4 wins by rule 5', 'default label 2001::/32 7', {
  conf: '',
  sources: GLB,
  dests: [V4, '2001::1'],
  expect: [V4, '2001::1'],
});
row('Rule 3 also applies to a deprecated IPv4 source (preferred_lft 0)', 'rule 3 avoid deprecated source (no family restriction stated)', {
  conf: 'precedence ::ffff:0:0/96 100\n',
  sources: [
    { address: '2001:db8:1::10', prefixLength: 64 },
    { address: '192.0.2.10', prefixLength: 24, deprecated: true },
  ],
  dests: [V4, V6],
  expect: [V6, V4],
});
row('Rule 3 IPv4 control: same, not deprecated', 'rule 6 precedence', {
  conf: 'precedence ::ffff:0:0/96 100\n',
  sources: GLB,
  dests: [V4, V6],
  expect: [V4, V6],
});
row('No source at all: rule 1 ties, precedence (rule 6) still sorts', 'rules 2-5 need a source; rule 6 does not', {
  conf: '',
  sources: [],
  dests: [V4, V6],
  expect: [V6, V4],
});

// ---------------------------------------------------------------- run

function esc(s) {
  return String(s).replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\|/g, '\\|');
}
function code(s) {
  return s === '' ? '(empty)' : '`' + esc(s) + '`';
}
function srcText(srcs) {
  return srcs.map((s) => `${s.address}/${s.prefixLength}${s.deprecated ? ' depr' : ''}`).join(', ') || '(none)';
}

async function main() {
  const args = process.argv.slice(2);
  const outIdx = args.indexOf('--out');
  const out = outIdx >= 0 ? args[outIdx + 1] : '/tmp/research/glibc-experiments.md';
  const avail = await glibcOracleAvailable();
  if (!avail.ok) {
    console.error(avail.reason);
    process.exit(2);
  }
  const cases = [];
  const index = [];
  rows.forEach((r, i) => {
    for (let k = 0; k < r.repeat; k++) {
      cases.push({ gaiConf: r.conf, sources: r.sources, destinations: r.dests, ipCommands: r.ipCommands });
      index.push(i);
    }
  });
  const t0 = Date.now();
  const results = await runGlibcCases(cases);
  const ms = Date.now() - t0;

  const lines = [];
  let disagree = 0;
  rows.forEach((r, i) => {
    const rs = results.filter((_, j) => index[j] === i);
    const orders = rs.map((x) => (x.error ? `ERROR: ${x.error}` : x.order.join(' ')));
    const stable = orders.every((o) => o === orders[0]);
    const obs = orders[0];
    const agree = stable && obs === r.expect.join(' ');
    if (!agree) disagree++;
    const m = r.meaning?.[obs];
    r.result = { orders, agree, sources: rs[0].sources };
    lines.push(
      `| ${i + 1} | ${esc(r.fact)} | ${esc(r.claim)} | ${code(r.conf)} | ${esc(srcText(r.sources))} | ${esc(r.expect.join(', '))} | ` +
        `${esc(obs.startsWith('ERROR') ? obs : obs.split(' ').join(', '))}${m ? ` (${m})` : ''}${stable ? '' : ` UNSTABLE over ${orders.length} runs: ${esc(orders.join(' / '))}`}${r.repeat > 1 && stable ? ` (same in ${r.repeat} runs)` : ''} | ${agree ? 'yes' : '**NO**'} |`,
    );
  });

  const md = [
    "# glibc experiments: semantics.md vs this machine's getaddrinfo",
    '',
    `Generated by \`node test/oracle/experiments.mjs\` (policylint) on ${new Date().toISOString()}.`,
    `glibc ${avail.glibc}, Node ${avail.node}; ${cases.length} getaddrinfo runs (${rows.length} experiments) in one \`unshare -rmn\` batch, ${ms} ms.`,
    '',
    'Each run: a fresh network+mount namespace with lo up, a veth v0 holding exactly the listed',
    'source addresses (no automatic fe80::), a default route per family that has a source, the',
    'given gai.conf on /etc/gai.conf, and /etc/hosts mapping one name to the destinations in the',
    "listed order (the original order for rule 10).  `Observed` is glibc's order from",
    '`dns.lookup(name, {all: true, order: "verbatim"})`.',
    '',
    'Probes: ULA host = fd00:1::10/64 + 192.0.2.10/24 (default: 198.51.100.7 before 2001:db8::1 by rule 5);',
    'label-accept probe `label 2002::/16 V` alone: 2001:db8::1 first iff the line was accepted',
    '(any accepted label line replaces the whole default label table).  label-value probe',
    '`label fc00::/7 N` + `label 2001:db8::/32 TEXT`: 2001:db8::1 first iff TEXT parsed as N.',
    'GLB host = 2001:db8:1::10/64 + 192.0.2.10/24.  precedence probe: an accepted unrelated',
    'precedence line puts IPv4 into ::/0 (40) = IPv6, so the hosts-file order decides.',
    '',
    `**${rows.length - disagree} of ${rows.length} agree; ${disagree} disagree.**`,
    '',
    '| # | Fact tested | semantics.md claim | gai.conf | Sources | Expected (from claim) | Observed | Agree? |',
    '|---|---|---|---|---|---|---|---|',
    ...lines,
    '',
    '## Notes',
    '',
    '- Empty LEN (`2002::/`): glibc 2.36 `strtoul("")` returns 0 with the end pointer on the NUL, so',
    '  the line is ACCEPTED as a /0 row (it then matches every address, and no implicit ::/0 is added).',
    '- Missing /LEN is undefined behaviour in 2.36 (`endp` is read uninitialised).  For `label` and',
    '  `precedence` every variant tried was dropped.  For `scopev4` the FIRST scopev4 line without /LEN',
    '  crashes getaddrinfo with SIGSEGV (confirmed with `getent ahosts` and Python too: every program',
    '  resolving a name with >= 2 addresses dies); after an earlier valid scopev4 line the stale end',
    "  pointer of that line's value is dereferenced instead: in the cases tried, the line was accepted as /32",
    '  iff that offset is a token end (NUL) in the new line, else dropped (rows 77, 78).',
    '- A deprecated IPv4 source (`ip addr add ... preferred_lft 0`) is avoided by rule 3 too.',
    '- Not observable through the sort order here: `reload` (needs a file change inside one process)',
    '  and the 2.41+ behaviours (this glibc is 2.36).',
    '',
  ].join('\n');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, md);
  if (args.includes('--json')) console.log(JSON.stringify(rows, null, 1));
  console.log(`${rows.length} experiments, ${cases.length} runs, ${ms} ms; ${disagree} disagree. Table: ${out}`);
  for (const r of rows) if (!r.result.agree) console.log(`  DISAGREE: ${r.fact}: expected ${r.expect.join(', ')}; observed ${r.result.orders.join(' / ')}`);
  process.exit(disagree && args.includes('--strict') ? 1 : 0);
}

await main();
