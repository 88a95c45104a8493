// `policylint rules`: the catalog, with severities, fixability and docs.
import { RULES } from '../../rules/catalog.js';
import { docsUrl } from '../../rules/rule.js';
import type { CommandModule } from '../command.js';

export const command: CommandModule = {
  spec: {
    name: 'rules',
    summary: 'List the rule catalog',
    positionals: [],
    options: [{ name: 'format', alias: 'f', type: 'string', choices: ['text', 'json'], default: 'text', valueName: 'FORMAT', describe: 'Output format' }],
    examples: [
      ['policylint rules', 'Every rule: id, default severity, dialects, what it finds, whether it fixes'],
      ['policylint rules --format json', 'The catalog as JSON (schema/rules.schema.json)'],
    ],
  },
  run: async (argv, io) => {
    if (argv.format === 'json') {
      io.stdout(
        JSON.stringify(
          RULES.map((r) => ({ ...r.meta, docsUrl: docsUrl(r.meta.id) })),
          null,
          2,
        ) + '\n',
      );
      return 0;
    }
    const width = Math.max(...RULES.map((r) => r.meta.id.length));
    for (const r of [...RULES].sort((a, b) => a.meta.phase.localeCompare(b.meta.phase) || a.meta.id.localeCompare(b.meta.id))) {
      const fix = r.meta.fixable === 'no' ? '' : ` [fix: ${r.meta.fixable}]`;
      io.stdout(`${r.meta.id.padEnd(width)}  ${r.meta.defaultSeverity.padEnd(7)}  ${r.meta.dialects.join(',').padEnd(14)}  ${r.meta.description}${fix}\n`);
    }
    return 0;
  },
};
