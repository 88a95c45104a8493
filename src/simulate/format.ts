// Text and JSON renderings of a simulation and of the scenario table.
import type { ScenarioReport } from './scenarios.js';
import type { Simulation } from './simulate.js';
import { BEHAVIOUR, type Verification } from './resolver-profiles.js';

export interface SimulationJson {
  readonly platform: string;
  readonly order: string[];
  readonly sources: Record<string, string | null>;
  readonly steps: { a: string; b: string; rule: number | null; reason: string }[];
  readonly verification: { level: string; detail: string };
}

const VERIFIED: Record<Verification['level'], string> = {
  'real-system': 'verified on the real system',
  recorded: 'verified on recorded runs',
  'source-reading': 'not verified',
};

export function simulationJson(sim: Simulation): SimulationJson {
  return {
    platform: sim.platform,
    order: sim.order,
    sources: sim.sources,
    steps: sim.steps.map((s) => ({ a: s.a, b: s.b, rule: s.rule, reason: s.reason })),
    verification: { level: sim.verification.level, detail: sim.verification.detail },
  };
}

export function formatSimulation(sim: Simulation, policyLabel: string): string {
  const lines = [`${BEHAVIOUR[sim.platform].title}, ${policyLabel}`, `How sure: ${VERIFIED[sim.verification.level]}: ${sim.verification.detail}`, ''];
  const width = Math.max(...sim.order.map((d) => d.length));
  sim.order.forEach((dest, i) => {
    const source = sim.sources[dest];
    lines.push(`  ${i + 1}. ${dest.padEnd(width)}  ${source ? `from ${source}` : 'no usable source'}`);
  });
  if (sim.steps.length > 0) {
    lines.push('', 'Why:');
    for (const step of sim.steps) lines.push(`  ${step.a} before ${step.b}: ${step.reason}`);
  }
  if (sim.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const note of sim.notes) lines.push(`  - ${note}`);
  }
  return lines.join('\n') + '\n';
}

function cellText(sim: Simulation): string {
  const first = sim.order[0] ?? '-';
  const rule = sim.steps[0]?.rule;
  return rule === undefined ? first : `${first} (${rule === null ? 'unsorted' : `rule ${rule}`})`;
}

export function formatScenarios(report: ScenarioReport): string {
  const header = ['host', ...report.rows[0]!.cells.map((c) => `${c.destinations}: first`)];
  const body = report.rows.map((row) => [row.host, ...row.cells.map((c) => cellText(c.withPolicy) + (c.differs ? ' *' : ''))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    '  ' +
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [
    `${BEHAVIOUR[report.platform].title}, ${report.policyGiven ? 'with the policy' : 'built-in default table'}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
  ];
  const differing = report.rows.flatMap((r) => r.cells.filter((c) => c.differs).map((c) => ({ host: r.host, c })));
  if (report.policyGiven) {
    out.push('');
    if (differing.length === 0) out.push('The policy gives the same order as the default table in every scenario.');
    else {
      out.push('* differs from the default table:');
      for (const { host, c } of differing) {
        out.push(`  ${host}, ${c.destinations}: policy ${c.withPolicy.order.join(', ')}; default ${c.withDefault.order.join(', ')}`);
      }
    }
  }
  out.push('', 'Hosts: ULA = fd00:1::10/64, GUA = 2001:db8:1::10/64, IPv4 = 192.0.2.10/24.');
  out.push('Destinations: GUA 2001:db8::1, ULA fd00:2::1, IPv4 198.51.100.7.');
  return out.join('\n') + '\n';
}
