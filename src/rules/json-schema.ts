// Reported by the JSON reader (src/dialects/json-dialect.ts): the document does not follow
// schema/policy.schema.json, so it (or one item of it) is not read.
import type { JsonItemProblem, ReaderMessages } from '../dialects/reader-finding.js';
import { prefixProblemText } from './support/reader-wording.js';
import type { Rule } from './rule.js';

function itemProblemText(why: JsonItemProblem): string {
  switch (why.problem) {
    case 'not-an-object':
      return 'not an object';
    case 'unknown-item':
      return 'expected a comment, a blank, a row or a table line';
    case 'reload-not-glibc':
      return '"reload" is a gai.conf (glibc) string value';
    case 'no-prefix':
      return 'no "prefix" string';
    case 'no-table':
      return 'glibc items need "table": label, precedence or scopev4';
    case 'bad-value':
      return '"value" must be an integer from 0 to 2147483647';
    case 'bad-scopev4':
      return 'a scopev4 prefix is ::ffff:a.b.c.d/96..128';
    case 'bad-label':
      return '"label" must be an integer';
    case 'precedence-in-kernel':
      return 'linux-kernel rows have no "precedence"';
    case 'bad-precedence':
      return '"precedence" must be an integer';
    default:
      return prefixProblemText(why);
  }
}

export const rule = {
  meta: {
    id: 'json-schema',
    defaultSeverity: 'error',
    description: 'A JSON policy document (convert --from json) that does not follow schema/policy.schema.json.',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
  messages: {
    notJson: ({ error }) => `Not valid JSON: ${error}`,
    notAPolicy: ({ format, version }) => `Expected an object with "format": "${format}", "version": ${version} and an "items" array.`,
    badSemantics: ({ allowed }) => `"semantics" must be one of ${allowed.join(', ')}.`,
    badItem: ({ index, why }) => `items[${index}]: ${itemProblemText(why)}; item ignored.`,
  } satisfies ReaderMessages<'json-schema'>,
} satisfies Rule;
