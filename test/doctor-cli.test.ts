// doctor's command line: usage errors are one line and exit 2, before the machine is read.
import { runMain } from './support/run-main.js';

test('no NAME or ADDRESS: one line, exit 2', async () => {
  const r = await runMain(['doctor']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('policylint doctor: name at least one NAME or ADDRESS to check (see policylint help doctor)\n');
});

test('an unknown option: one line, exit 2', async () => {
  const r = await runMain(['doctor', '--dump', 'x', 'a.example']);
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/unknown option --dump.*--dump-host/);
});
