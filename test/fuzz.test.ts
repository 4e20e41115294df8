import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { fuzzCase } from './fuzz/arbitraries';
import { BAD_OUTCOMES, describeCase, emptyReport, runCase } from './fuzz/harness';
import { findNginx } from './support/nginx';

// Property: every random app, with up to three props replaced by garbage (wrong types, NaN,
// Infinity, negatives, huge numbers, empty and unicode strings, null/undefined, arrays for
// objects, BigInt, Date, injected `;\n` directives), either synthesizes output that passes the
// strict CRD check, the nginx shape check and `nginx -t`, or fails with every message in the
// `[path] field = value: ... Fix: ... [rule]` form and nothing written. Seeded: the same cases
// every run. Long runs: npm run fuzz -- --runs 10000.
const RUNS = 300;
const SEED = 424242;
const nginx = findNginx();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kraft-fuzz-test-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

test(`${RUNS} random apps with corrupted props: valid output or a clear error, nothing written on failure`, () => {
  const report = emptyReport();
  fc.assert(fc.property(fuzzCase, (c) => {
    const r = runCase(c, scratch, nginx);
    report.runs++;
    report.counts[r.outcome]++;
    if (BAD_OUTCOMES.includes(r.outcome)) throw new Error(`${r.outcome}: ${describeCase(c)}\n${r.detail}`);
  }), { seed: SEED, numRuns: RUNS, endOnFailure: true });
  // eslint-disable-next-line no-console
  console.log(`fuzz: ${Object.entries(report.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  // both sides were exercised: output was checked, and errors were checked
  expect(report.counts.accepted).toBeGreaterThan(RUNS / 50);
  expect(report.counts.rejected).toBeGreaterThan(RUNS / 2);
}, 60_000);
