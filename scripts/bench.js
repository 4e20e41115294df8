#!/usr/bin/env node
'use strict';
// Synth time and peak memory of apps of many clusters (3 controllers + 3 brokers, a nodeport and an
// ingress listener each, over three zones, with Cruise Control draining brokers through an
// auto-rebalance template and a rebalance onto its brokers), and of one cluster with many brokers.
// Each case runs in a fresh node process: `npm run bench` (compiles first); `-- --lib <dir>` benches
// another build (e.g. an older commit's build/lib). Validation and YAML rendering are included;
// nothing is written to disk (app.synthYaml()).
const { execFileSync } = require('child_process');
const path = require('path');

const args = process.argv.slice(2);
const libArg = args.indexOf('--lib');
const lib = path.resolve(libArg >= 0 ? args[libArg + 1] : path.join(__dirname, '..', 'build', 'lib'));
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;

/**
 * Builds and synthesizes one case with the given cdk8s and library modules; returns the YAML. Every
 * cluster has pools of its own names (pool names are unique per namespace) and its own NodePorts.
 */
function synthCase(kind, n, cdk8s, lib) {
  if (kind === 'connects') return connectsCase(Number(n), cdk8s, lib);
  const { App, Chart } = cdk8s;
  const { KafkaRebalance, KraftCluster, Storage } = lib;
  const storage = Storage.persistentClaim({ size: '10Gi' });
  const app = new App();
  const clusters = kind === 'brokers' ? 1 : Number(n);
  const brokers = kind === 'brokers' ? Number(n) : 3;
  const shared = new Chart(app, 'kafka', { namespace: 'kafka' });
  for (let i = 0; i < clusters; i++) {
    // 'charts': one chart per cluster. cdk8s itself validates the whole app once per chart at synth.
    const chart = kind === 'charts' ? new Chart(app, `c${i}`, { namespace: `ns${i}` }) : shared;
    const port = 30000 + i * (brokers + 1);
    const cluster = new KraftCluster(chart, `kafka${i}`, {
      nodePools: {
        [`k${i}-broker`]: { roles: ['broker'], replicas: brokers, storage, scaleUpNodeIds: { from: 1000, to: 1099 } },
        [`k${i}-controller`]: { roles: ['controller'], replicas: 3, storage, scaleUpNodeIds: { from: 2000, to: 2099 } },
      },
      nodePortListeners: [
        {
          bootstrapNodePort: port,
          nodePortBase: port + 1,
          advertisedHost: `kafka${i}.example.com`,
          advertisedPortBase: 9100,
        },
      ],
      externalListeners: [
        {
          type: 'ingress',
          name: 'ingress',
          port: 9095,
          bootstrap: { host: `kafka${i}-bootstrap.example.com` },
          hostTemplate: `kafka${i}-broker-{nodeId}.example.com`,
        },
      ],
      rack: { zones: ['a', 'b', 'c'] },
      cruiseControl: {
        brokerCapacity: { cpu: '2', inboundNetwork: '125MiB/s', outboundNetwork: '125MiB/s' },
        autoRebalance: { removeBrokers: { template: `k${i}-drain` } },
      },
    });
    new KafkaRebalance(chart, `k${i}-drain`, { cluster, template: true });
    new KafkaRebalance(chart, `k${i}-add`, { cluster, mode: 'add-brokers', brokers: { pool: `k${i}-broker` } });
  }
  return app.synthYaml();
}

/** One secure cluster with n KafkaConnects of 10 connectors each (each Connect with its user and ACLs). */
function connectsCase(n, cdk8s, lib) {
  const { App, Chart } = cdk8s;
  const { KafkaConnect, KraftCluster, Storage } = lib;
  const storage = Storage.persistentClaim({ size: '10Gi' });
  const app = new App();
  const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
  const cluster = new KraftCluster(chart, 'kafka', {
    nodePools: {
      broker: { roles: ['broker'], replicas: 3, storage },
      controller: { roles: ['controller'], replicas: 3, storage },
    },
    listeners: [{ name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } }],
    authorization: { type: 'simple' },
  });
  for (let i = 0; i < n; i++) {
    const connect = new KafkaConnect(chart, `connect${i}`, { cluster, replicas: 1 });
    for (let j = 0; j < CONNECTORS_PER_CONNECT; j++) {
      connect.addConnector(`c${i}-source${j}`, {
        class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
        tasksMax: 1,
        config: { file: '/opt/kafka/LICENSE', topic: `t${i}-${j}` },
        topics: [`t${i}-${j}`],
      });
    }
  }
  return app.synthYaml();
}
const CONNECTORS_PER_CONNECT = 10;
module.exports = { synthCase };

if (require.main !== module) return;

if (args[0] === '--case') {
  const [, kind, n] = args;
  const cdk8s = require('cdk8s');
  const library = require(lib);
  const start = process.hrtime.bigint();
  const yaml = synthCase(kind, n, cdk8s, library);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (yaml.length === 0) throw new Error('empty synth');
  process.stdout.write(JSON.stringify({ seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
  return;
}

const cases = [
  ...[1, 10, 60, 100, 300, 600].map((n) => ['clusters', n]),
  ...[100, 600].map((n) => ['charts', n]),
  ...[10, 100, 300].map((n) => ['brokers', n]),
  ...[10, 30, 100, 300].map((n) => ['connects', n]),
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`lib: ${path.relative(process.cwd(), lib) || lib}; median of ${runs} runs per case`);
console.log('| case | synth s | per cluster ms | peak RSS MiB |');
console.log('|---|---|---|---|');
for (const [kind, n] of cases) {
  const results = [];
  for (let r = 0; r < runs; r++) {
    const out = execFileSync(process.execPath, [__filename, '--case', kind, String(n), '--lib', lib], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf-8',
      timeout: 600000,
    });
    results.push(JSON.parse(out));
  }
  const s = median(results.map((x) => x.seconds));
  // connects: per object (a KafkaConnect, its KafkaUser and its 10 KafkaConnectors)
  const objects = kind === 'connects' ? n * (CONNECTORS_PER_CONNECT + 2) : n;
  const perCluster = kind === 'brokers' ? '' : ((s * 1000) / objects).toFixed(2);
  const label = {
    clusters: `${n} cluster(s) in one chart`,
    charts: `${n} clusters, a chart each`,
    brokers: `1 cluster, ${n} brokers`,
    connects: `${n} KafkaConnects x ${CONNECTORS_PER_CONNECT} connectors (ms per object)`,
  }[kind];
  console.log(`| ${label} | ${s.toFixed(2)} | ${perCluster} | ${median(results.map((x) => x.maxRssMiB)).toFixed(0)} |`);
}
