/* eslint-disable no-console */
// npm run fuzz -- --plan --runs N [--seed S]: N random before/after pairs through the plan (plan-pairs.ts).
// npm run fuzz -- --runs N [--seed S]: N random apps with corrupted props through synthApp, each
// classified (see harness.ts); prints the counts and the first examples of every bad outcome,
// and exits 1 when any case crashed, wrote invalid output, wrote on failure or coerced garbage.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { fuzzCase } from './arbitraries';
import { BAD_OUTCOMES, describeCase, emptyReport, runCase } from './harness';
import { runPlanPairs } from './plan-pairs';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 1000);
const seed = arg('seed', 20260);
if (process.argv.includes('--plan')) process.exit(runPlanPairs(runs, seed)); // before/after pairs through the plan
const nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((p) => fs.existsSync(p));
if (!nginx) console.error('nginx not found: generated nginx files get the shape check only, not nginx -t');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kraft-fuzz-'));
const report = emptyReport();
const started = Date.now();
const perExample = 3;
// Cases are drawn in chunks so that memory stays flat over long runs; the seed fixes them all.
const chunk = 500;
for (let done = 0; done < runs; done += chunk) {
  const cases = fc.sample(fuzzCase, { seed: seed + done, numRuns: Math.min(chunk, runs - done) });
  cases.forEach((c, i) => {
    const r = runCase(c, scratch, nginx);
    report.runs++;
    report.counts[r.outcome]++;
    if (
      BAD_OUTCOMES.includes(r.outcome) &&
      report.examples.filter((e) => e.outcome === r.outcome).length < perExample
    ) {
      report.examples.push({ outcome: r.outcome, input: `#${done + i} ${describeCase(c)}`, detail: r.detail });
    }
  });
  if (runs > chunk)
    console.error(`${Math.min(done + chunk, runs)}/${runs} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
fs.rmSync(scratch, { recursive: true, force: true });
const seconds = (Date.now() - started) / 1000;
for (const e of report.examples)
  console.log(`\n${e.outcome}: ${e.input}\n  ${(e.detail ?? '').split('\n').join('\n  ')}`);
console.log(
  `\nfuzz: ${report.runs} apps (seed ${seed}) in ${seconds.toFixed(1)} s: ${Object.entries(report.counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')}`,
);
const bad = BAD_OUTCOMES.reduce((n, o) => n + report.counts[o], 0);
process.exit(bad > 0 ? 1 : 0);
