// fitMessage keeps every message to one line of at most 300 characters, dropping the least
// needed parts (counts that are also in the JSON details) before it cuts the end.
import { MAX_MESSAGE, fitMessage } from '../src/lint/fit-message.js';

const pad = (n: number) => 'x'.repeat(n);

test('a message that fits is kept as it is, on one line', () => {
  expect(fitMessage('Rule 5: labels differ.')).toBe('Rule 5: labels differ.');
  expect(fitMessage('one\r\ntwo\nthree')).toBe('one two three');
});

test('the scenario count goes first, then the global prefix count, then the rule values', () => {
  const head = `Rule 5: a fd00::1+IPv4 host reaching 2001:db8::1 (and 396360 more global prefixes) fails ${pad(120)}`;
  const tail = ' (+9 more scenarios) (rule 5: labels 4/4 match) No automatic fix: too many fixes to prove in one file; fix the first ones and run again.';
  const long = head + tail;
  expect(long.length).toBeGreaterThan(MAX_MESSAGE);
  const fitted = fitMessage(long);
  expect(fitted.length).toBeLessThanOrEqual(MAX_MESSAGE);
  // What is left ends as the author wrote it: the advice is whole, not cut.
  expect(fitted.endsWith('fix the first ones and run again.')).toBe(true);
  expect(fitted).not.toContain('(+9 more scenarios)');
  expect(fitted).not.toContain('more global prefixes');
  // The rule's values were not needed to fit, so they stay.
  expect(fitted).toContain('(rule 5: labels 4/4 match)');
  // One global prefix more reads in the singular, and goes the same way.
  expect(fitMessage(`${pad(280)} (and 1 more global prefix) end.`)).toBe(`${pad(280)} end.`);
});

test('a message with nothing left to drop is cut at 300 characters with an ellipsis', () => {
  const fitted = fitMessage(`${pad(400)} (and lots more)`);
  expect(fitted).toHaveLength(MAX_MESSAGE);
  expect(fitted.endsWith('x…')).toBe(true);
});
