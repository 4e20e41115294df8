#!/usr/bin/env node
'use strict';
// npm run bench:import [-- --runs N] [-- --max-ratio R]: how long `require` of this package's main
// entry takes against `require('cdk8s')` alone (which it includes), each in a fresh node process,
// measured inside the process around the require (node's own start-up is not counted). Prints the
// median of N runs (default 9), runs interleaved so machine load hits both alike. With --max-ratio,
// exits 1 when main/cdk8s exceeds it (the goal is 2).
const { execFileSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('--runs', 9);
const maxRatio = arg('--max-ratio', undefined);

execFileSync(process.execPath, [path.join(__dirname, 'build.js')], { cwd: root, stdio: 'ignore' });

// Resolved by package name, through the `exports` map, as an app would (node's self-reference).
const targets = {
  'cdk8s': 'cdk8s',
  'main entry': 'cdk8s-strimzi-kraft',
  'validate entry': 'cdk8s-strimzi-kraft/validate',
};
const timeOf = (id) =>
  Number(
    execFileSync(
      process.execPath,
      [
        '-e',
        `const t = process.hrtime.bigint(); require(${JSON.stringify(id)});` +
          'console.log(Number(process.hrtime.bigint() - t) / 1e6)',
      ],
      { cwd: root, encoding: 'utf-8' },
    ),
  );

const samples = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
for (let i = 0; i < runs; i++) for (const [k, id] of Object.entries(targets)) samples[k].push(timeOf(id));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)]));
for (const k of Object.keys(targets)) {
  const ratio = (m[k] / m.cdk8s).toFixed(2);
  console.log(`${`require('${targets[k]}')`.padEnd(44)} ${m[k].toFixed(1).padStart(7)} ms  (${ratio}x cdk8s)`);
}
console.log(`median of ${runs} fresh processes each`);
if (maxRatio !== undefined && m['main entry'] / m.cdk8s > maxRatio) {
  console.error(`main entry takes ${(m['main entry'] / m.cdk8s).toFixed(2)}x cdk8s, above ${maxRatio}x`);
  process.exit(1);
}
