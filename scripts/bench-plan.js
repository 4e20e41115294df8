#!/usr/bin/env node
'use strict';
// npm run bench:plan: the time of `strimzi-kraft plan` on a change to 600 clusters (3 controllers
// + 3 brokers and two internal listeners each; 600 clusters have too few NodePorts for external
// listeners). The change grows every broker pool by one (node IDs locked to the previous output),
// changes a read-only broker config key everywhere and shrinks the volumes of every tenth cluster.
// Prints the median of --runs (default 7) of: reading and parsing both folders, planChanges on the
// parsed objects (in-process), and the whole CLI process (node start-up, reading, the plan, the
// text). `-- --clusters N` for another size, `--keep` keeps the two folders.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const runs = opt('--runs', 7);
const clusters = opt('--clusters', 600);
const build = path.join(__dirname, '..', 'build', 'lib');
const { App, Chart } = require('cdk8s');
const { KraftCluster, Storage } = require(build);
const plan = require(path.join(build, 'plan'));

/** The YAML of the app: `after` grows the brokers, changes a config key, shrinks every tenth cluster's volumes. */
function appYaml(after, lock) {
  const app = new App();
  const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
  for (let i = 0; i < clusters; i++) {
    const storage = Storage.persistentClaim({ size: after && i % 10 === 0 ? '5Gi' : '10Gi' });
    new KraftCluster(chart, `kafka${i}`, {
      nodeIdLock: lock,
      config: { 'log.retention.check.interval.ms': after ? 600000 : 300000 },
      nodePools: {
        [`k${i}-broker`]: {
          roles: ['broker'],
          replicas: after ? 4 : 3,
          storage,
          scaleUpNodeIds: { from: 100, to: 199 },
        },
        [`k${i}-controller`]: { roles: ['controller'], replicas: 3, storage },
      },
      listeners: [
        { name: 'plain', port: 9092 },
        { name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } },
      ],
    });
  }
  return app.synthYaml();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-plan-'));
const before = appYaml(false);
const lock = plan.nodeIdLockOf(plan.parseYamlDocuments(before, 'before'));
fs.mkdirSync(path.join(dir, 'before'));
fs.mkdirSync(path.join(dir, 'after'));
fs.writeFileSync(path.join(dir, 'before', 'app.k8s.yaml'), before);
fs.writeFileSync(path.join(dir, 'after', 'app.k8s.yaml'), appYaml(true, lock));
const reading = [];
let b;
let a;
for (let r = 0; r < runs; r++) {
  const start = process.hrtime.bigint();
  b = plan.readOutputFolder(path.join(dir, 'before')).objects;
  a = plan.readOutputFolder(path.join(dir, 'after')).objects;
  reading.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const inProcess = [];
let result;
for (let r = 0; r < runs; r++) {
  const start = process.hrtime.bigint();
  result = plan.planChanges(b, a);
  inProcess.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const cli = [];
for (let r = 0; r < runs; r++) {
  const start = process.hrtime.bigint();
  const argv = [path.join(build, 'doctor', 'cli.js'), 'plan', 'before', 'after', '--allow-destructive'];
  execFileSync(process.execPath, argv, { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  cli.push(Number(process.hrtime.bigint() - start) / 1e6);
}
if (args.includes('--keep')) console.log(`outputs kept in ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });
console.log(`${clusters} clusters, ${b.length} objects per output: ${plan.planSummary(result)}`);
console.log(`reading and parsing both folders: median ${median(reading).toFixed(0)} ms of ${runs} runs`);
console.log(`planChanges: median ${median(inProcess).toFixed(0)} ms of ${runs} runs`);
console.log(`strimzi-kraft plan (whole process): median ${median(cli).toFixed(0)} ms of ${runs} runs`);
