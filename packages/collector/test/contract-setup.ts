import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunnerTask } from 'vitest';
import { afterAll, expect, inject } from 'vitest';
import { contract } from './fixtures.js';

/** Whether every test under a task ran (none skipped, for example by a `-t` filter). */
const ranAll = (task: RunnerTask): boolean => ('tasks' in task ? task.tasks.every(ranAll) : task.mode === 'run');

// Every collector test file: no answer may break the contract, and the contract routes it
// exercised are reported for test/contract-coverage.ts. vitest passes the file second; the
// first argument must destructure fixtures.
// biome-ignore lint/correctness/noEmptyPattern: vitest reads the fixtures from this pattern
afterAll(({}, file) => {
  const path = 'filepath' in file ? file.filepath : file.name;
  const seen = Object.fromEntries([...contract.seen].map(([route, statuses]) => [route, [...statuses].sort()]));
  const report = { file: path, complete: ranAll(file), seen };
  writeFileSync(join(inject('contractDir'), `${createHash('sha1').update(path).digest('hex')}.json`), JSON.stringify(report));
  expect(contract.violations, 'answers that break the API contract (core api/)').toEqual([]);
});
