// How the gai.conf reader reaches its grammar. In ES modules (tests, the web playground)
// this is the grammar itself. The CLI bundle swaps this module for src/cli/lazy-gai-grammar.ts
// (scripts/build-options.mjs), which loads Chevrotain and the grammar on the first
// gai.conf: an ip6addrctl.conf lint or `--version` then never pays for Chevrotain's start
// (issue 10: about 8 ms of a cold start).
export { parseGaiConfLines } from './gaiconf.js';
