// `policylint rules`: the catalog, with severities, fixability and docs.
import type { Argv } from 'yargs';
import { RULES } from '../../rules/catalog.js';
import { docsUrl } from '../../rules/rule.js';
import type { CommandModule } from '../command.js';

export const command: CommandModule = {
  command: 'rules',
  describe: 'List the rule catalog',
  builder: (y: Argv) => y.option('format', { choices: ['text', 'json'] as const, default: 'text' as const }),
  run: async (argv, io) => {
    if (argv.format === 'json') {
      io.stdout(JSON.stringify(RULES.map((r) => ({ ...r.meta, docsUrl: docsUrl(r.meta.id) })), null, 2) + '\n');
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
