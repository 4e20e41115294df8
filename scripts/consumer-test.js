#!/usr/bin/env node
'use strict';
// npm run test:consumer: the package as a user gets it. Packs this repository, then for the lowest
// and the newest supported cdk8s (the peerDependencies minimum and our devDependency) creates a
// cdk8s TypeScript app the way `cdk8s init typescript-app` lays it out (package.json, its tsconfig,
// cdk8s.yaml with `app: npx ts-node main.ts`), installs the tarball, writes the README's quick
// start verbatim as main.ts, and runs tsc --noEmit, cdk8s synth and validateManifests (from
// 'cdk8s-strimzi-kraft/validate', no CRD folder). Both installs share the npm cache.
// Options: --keep (leave the temp folder), --only lowest|newest.
const { execFile } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf-8'));
const keep = process.argv.includes('--keep');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const started = Date.now();
const log = (m) => console.log(`[consumer ${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);

/** The quick start block of the README, exactly as a user copies it. */
function quickStart() {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf-8');
  const block = /## Quick start[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no ```ts block under "## Quick start"');
  return block[1];
}

const minimum = (range) => {
  const m = /^\^(\d+\.\d+\.\d+)$/.exec(range);
  if (!m) throw new Error(`peer range ${range} is not ^x.y.z`);
  return m[1];
};
const VARIANTS = [
  { name: 'lowest', cdk8s: minimum(pkg.peerDependencies.cdk8s), constructs: minimum(pkg.peerDependencies.constructs) },
  // newest also installs the optional peer cdk8s-plus-27 (the in-cluster load balancer); lowest does not
  // (cdk8s-plus-27 needs cdk8s 2.68.11 or later), so there the package type-checks and runs without it
  {
    name: 'newest',
    cdk8s: pkg.devDependencies.cdk8s,
    constructs: pkg.devDependencies.constructs,
    plus: pkg.devDependencies['cdk8s-plus-27'],
  },
].filter((v) => !only || v.name === only);

// The tsconfig.json of cdk8s-cli's typescript-app template (no skipLibCheck: declarations are checked too).
const TEMPLATE_TSCONFIG = {
  compilerOptions: {
    alwaysStrict: true,
    declaration: true,
    experimentalDecorators: true,
    inlineSourceMap: true,
    inlineSources: true,
    lib: ['es2016'],
    module: 'CommonJS',
    noEmit: false,
    noEmitOnError: true,
    noFallthroughCasesInSwitch: true,
    noImplicitAny: true,
    noImplicitReturns: true,
    noImplicitThis: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    resolveJsonModule: true,
    strict: true,
    strictNullChecks: true,
    strictPropertyInitialization: true,
    stripInternal: true,
    target: 'ES2017',
  },
  include: ['**/*.ts'],
  exclude: ['node_modules'],
};

// The subpath entry points as TypeScript sees them (moduleResolution node10 here: typesVersions).
const ENTRIES = `import { ExternalListenerOptions } from 'cdk8s-strimzi-kraft';
import { ManifestCheckResult, validateManifests } from 'cdk8s-strimzi-kraft/validate';
import { DoctorReport, diagnosePaths } from 'cdk8s-strimzi-kraft/doctor';

// the external listener types, as a user declares one
export const ingress: ExternalListenerOptions = {
  type: 'ingress',
  bootstrap: { host: 'bootstrap.kafka.example.com' },
  hostTemplate: 'broker-{nodeId}.kafka.example.com',
  brokers: { 0: { annotations: { 'external-dns.alpha.kubernetes.io/hostname': 'broker-0.kafka.example.com' } } },
};

export const check = (objects: object[]): ManifestCheckResult =>
  validateManifests(objects, { strimziVersion: '1.2.0' });
export const doctor = (paths: string[]): DoctorReport => diagnosePaths(paths);
`;

// With cdk8s-plus-27: the subpath types the in-cluster load balancer's members as cdk8s-plus classes,
// and a user's toleration reaches the output (type-checked with main.ts, then run by ts-node).
const IN_CLUSTER = `import * as assert from 'assert';
import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { KraftCluster, LoadBalancerShape, Storage } from 'cdk8s-strimzi-kraft';
import 'cdk8s-strimzi-kraft/in-cluster';

const chart = Testing.chart();
const storage = Storage.ephemeral();
const cluster = new KraftCluster(chart, 'edge', {
  nodePools: { dual: { roles: ['broker', 'controller'], replicas: 3, storage } },
  nodePortListeners: [{ bootstrapNodePort: 32100, advertisedHost: 'kafka.example.com', advertisedPortBase: 8091 }],
});
const lb = cluster.addLoadBalancer('lb', { shape: LoadBalancerShape.inCluster() });
const deployment: kplus.Deployment = lb.deployment!;
deployment.scheduling.tolerate(kplus.Node.tainted(kplus.NodeTaintQuery.is('dedicated', 'edge')));
const pod = Testing.synth(chart).find((o) => o.kind === 'Deployment').spec.template.spec;
assert.deepStrictEqual(pod.tolerations, [{ key: 'dedicated', operator: 'Equal', value: 'edge' }]);
console.log('in-cluster: cdk8s-plus-27 Deployment adjusted, toleration written');
`;

// What the app checks with the installed package after `cdk8s synth` (run by node inside the app).
const CHECK = `'use strict';
const assert = require('assert');
const fs = require('fs');
const before = new Set(Object.keys(require.cache));
require('cdk8s-strimzi-kraft');
const loaded = Object.keys(require.cache).filter((f) => !before.has(f));
const heavy = loaded.filter((f) => /[\\\\/](ajv|kafkajs|kubernetes-models|cdk8s-plus-27)[\\\\/]/.test(f)
  || /[\\\\/]build[\\\\/](imports|lib[\\\\/](tools|doctor))[\\\\/]/.test(f));
assert.ok(heavy.length === 0, \`the main entry loads no validator, Kafka client, generated API or cdk8s-plus-27: \`
  + heavy[0]);
const lib = require.resolve('cdk8s-strimzi-kraft');
assert.strictEqual(require.resolve('cdk8s', { paths: [lib] }), require.resolve('cdk8s'), 'one cdk8s: the app\\'s');

const { readManifests, validateManifests } = require('cdk8s-strimzi-kraft/validate');
const objects = readManifests(['dist']);
const { checked, errors } = validateManifests(objects, { strimziVersion: '1.2.0' });
assert.deepStrictEqual(errors, []);
assert.deepStrictEqual(checked, { 'kafka.strimzi.io/v1/Kafka': 1, 'kafka.strimzi.io/v1/KafkaNodePool': 2 });

// every broker pinned: node IDs on the pools, NodePort and advertised address per broker
const pools = objects.filter((o) => o.kind === 'KafkaNodePool');
for (const p of pools) assert.match(p.metadata.annotations['strimzi.io/next-node-ids'], /^\\[\\d/, p.metadata.name);
const kafka = objects.find((o) => o.kind === 'Kafka');
const external = kafka.spec.kafka.listeners.find((l) => l.type === 'nodeport').configuration;
assert.strictEqual(external.bootstrap.nodePort, 32100);
assert.deepStrictEqual(external.brokers.map((b) => [b.broker, b.nodePort, b.advertisedHost, b.advertisedPort]), [
  [0, 32101, 'kafka.example.com', 8091], [1, 32102, 'kafka.example.com', 8092], [2, 32103, 'kafka.example.com', 8093],
]);

// the nginx load balancer, written next to the YAML
const conf = fs.readFileSync('dist/my-cluster-external-lb.nginx.conf', 'utf-8');
for (const port of [32100, 32101, 32102, 32103]) {
  for (const w of ['10.0.0.11', '10.0.0.12', '10.0.0.13']) {
    assert.ok(conf.includes(\`server \${w}:\${port}\`), \`\${w}:\${port}\`);
  }
}
assert.ok(fs.existsSync('dist/my-cluster-external-lb.stream.conf'));
assert.ok(fs.existsSync('dist/ARCHITECTURE.md'), 'app.synth() writes every file beside the YAML');

// a broken cluster fails the synth through cdk8s validation, and nothing is written
const { App, Chart } = require('cdk8s');
const { KraftCluster, Storage } = require('cdk8s-strimzi-kraft');
const outdir = fs.mkdtempSync('bad-');
const bad = new App({ outdir });
new KraftCluster(new Chart(bad, 'bad'), 'c', {
  nodePools: { dual: { roles: ['broker', 'controller'], replicas: 1, storage: Storage.ephemeral() } },
  replication: { factor: 4 },
});
assert.throws(() => bad.synth(), /\\[replication-factor\\]/);
assert.deepStrictEqual(fs.readdirSync(outdir), []);

// a Connect with a connector (connect.ts, type-checked with main.ts): valid, annotated, labelled, with its user
const { connectApp } = require('./connect.js');
fs.writeFileSync('connect.k8s.yaml', connectApp().synthYaml());
const connectObjects = readManifests(['connect.k8s.yaml']);
const connectCheck = validateManifests(connectObjects, { strimziVersion: '1.2.0' });
assert.deepStrictEqual(connectCheck.errors, []);
const kc = connectObjects.find((o) => o.kind === 'KafkaConnect');
assert.strictEqual(kc.metadata.annotations['strimzi.io/use-connector-resources'], 'true');
const connector = connectObjects.find((o) => o.kind === 'KafkaConnector');
assert.strictEqual(connector.metadata.labels['strimzi.io/cluster'], 'pipeline');
assert.ok(connectObjects.some((o) => o.kind === 'KafkaUser' && o.metadata.name === 'pipeline'));
// zones, Cruise Control with its drain template, metrics and their PodMonitors (issue 19 props)
const events = connectObjects.find((o) => o.kind === 'Kafka');
assert.deepStrictEqual(events.spec.kafka.rack, { topologyKey: 'topology.kubernetes.io/zone' });
const drain = [{ mode: 'remove-brokers', template: { name: 'events-drain' } }];
assert.deepStrictEqual(events.spec.cruiseControl.autoRebalance, drain);
assert.strictEqual(kc.spec.metricsConfig.type, 'jmxPrometheusExporter');
assert.ok(connectObjects.some((o) => o.kind === 'KafkaBridge' && o.metadata.name === 'http'));
assert.strictEqual(connectObjects.filter((o) => o.kind === 'PodMonitor').length >= 3, true);
console.log(\`checked: \${objects.length} objects valid for Strimzi 1.2.0, brokers pinned, nginx files written, \`
  + 'a broken cluster fails synth, a Connect with a connector, a Bridge, zones, Cruise Control and metrics valid');
`;

// A Connect with a connector, type-checked under the template's tsconfig with main.ts, compiled and run by check.js.
const CONNECT = `import { App, Chart } from 'cdk8s';
import {
  KafkaBridge,
  KafkaConnect,
  KafkaConnector,
  KafkaRebalance,
  KraftCluster,
  Storage,
  StrimziMonitoring,
} from 'cdk8s-strimzi-kraft';

export function connectApp(): App {
  const app = new App();
  const chart = new Chart(app, 'connect', { namespace: 'kafka' });
  const storage = Storage.persistentClaim({ size: '10Gi' });
  const cluster = new KraftCluster(chart, 'events', {
    strimziVersion: '1.2.0',
    nodePools: {
      controller: { roles: ['controller'], replicas: 3, storage },
      broker: { roles: ['broker'], replicas: 3, storage },
    },
    listeners: [{ name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } }],
    authorization: { type: 'simple' },
    rack: { zones: ['a', 'b', 'c'] },
    cruiseControl: { autoRebalance: { removeBrokers: { template: 'events-drain' } } },
    metrics: true,
  });
  new KafkaRebalance(chart, 'events-drain', { cluster, template: true });
  const connect = new KafkaConnect(chart, 'pipeline', { cluster, replicas: 1, metrics: true });
  const bridge = new KafkaBridge(chart, 'http', { cluster, topics: ['lines'], metrics: true });
  new StrimziMonitoring(chart, 'monitoring', { clusters: [cluster], clients: [connect, bridge] });
  const source: KafkaConnector = connect.addConnector('file-source', {
    class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
    tasksMax: 1,
    config: { file: '/opt/kafka/LICENSE', topic: 'lines' },
    topics: ['lines'],
  });
  source.node.addMetadata('purpose', 'consumer test');
  return app;
}
`;

/** Runs a command; resolves to its stdout, rejects with its output and what failed. */
const run = (what, cwd, cmd, args, env = {}) =>
  new Promise((resolve, reject) => {
    const options = { cwd, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } };
    execFile(cmd, args, options, (e, stdout, stderr) => {
      if (e) reject(new Error(`${what} failed:\n${[stdout, stderr].filter(Boolean).join('\n').trim() || e.message}`));
      else resolve(stdout);
    });
  });

/** One app: laid out like `cdk8s init typescript-app`, with the given cdk8s and constructs. */
async function variant(v, tarball, work) {
  const app = path.join(work, `app-${v.name}`);
  const bin = (name) => path.join(app, 'node_modules', '.bin', name);
  fs.mkdirSync(app);
  // package.json as the template writes it (minus jest and cdk8s-cli, which this app does not use; cdk8s-plus-27
  // only where it is tested)
  fs.writeFileSync(
    path.join(app, 'package.json'),
    `${JSON.stringify(
      {
        name: `app-${v.name}`,
        version: '1.0.0',
        main: 'main.js',
        types: 'main.ts',
        license: 'Apache-2.0',
        private: true,
        scripts: { synth: 'cdk8s synth', compile: 'tsc --build' },
        dependencies: {
          'cdk8s': v.cdk8s,
          ...(v.plus ? { 'cdk8s-plus-27': v.plus } : {}),
          'cdk8s-strimzi-kraft': `file:${tarball}`,
          'constructs': v.constructs,
        },
        devDependencies: { '@types/node': '^14', 'ts-node': '^10', 'typescript': '5.9.x' },
      },
      null,
      2,
    )}\n`,
  );
  fs.writeFileSync(path.join(app, 'tsconfig.json'), `${JSON.stringify(TEMPLATE_TSCONFIG, null, 2)}\n`);
  fs.writeFileSync(path.join(app, 'cdk8s.yaml'), 'language: typescript\napp: npx ts-node main.ts\n');
  fs.writeFileSync(path.join(app, 'main.ts'), quickStart());
  fs.writeFileSync(path.join(app, 'check.js'), CHECK);
  fs.writeFileSync(path.join(app, 'entries.ts'), ENTRIES); // the other entry points, type-checked with main.ts
  fs.writeFileSync(path.join(app, 'connect.ts'), CONNECT); // a Connect with a connector, type-checked with main.ts
  if (v.plus) fs.writeFileSync(path.join(app, 'in-cluster.ts'), IN_CLUSTER);

  log(`${v.name}: npm install cdk8s ${v.cdk8s}, constructs ${v.constructs} and the tarball`);
  const install = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
  await run(`${v.name}: npm install`, app, 'npm', install);
  log(`${v.name}: tsc --noEmit (the template's tsconfig)`);
  await run(`${v.name}: tsc --noEmit`, app, bin('tsc'), ['--noEmit']);
  log(`${v.name}: cdk8s synth`);
  // ts-node without its type check: tsc --noEmit just checked the same files with the same tsconfig
  const cli = path.join(root, 'node_modules', '.bin', 'cdk8s');
  await run(`${v.name}: cdk8s synth`, app, cli, ['synth', '--no-check-upgrade'], { TS_NODE_TRANSPILE_ONLY: 'true' });
  // connect.ts as JavaScript for check.js: the template's tsc, emitting only that file
  await run(`${v.name}: tsc connect.ts`, app, bin('tsc'), [
    'connect.ts',
    '--module',
    'commonjs',
    '--target',
    'ES2017',
    '--skipLibCheck',
  ]);
  log(`${v.name}: ${(await run(`${v.name}: checks`, app, process.execPath, ['check.js'])).trim()}`);
  if (v.plus) {
    const tsNode = [bin('ts-node'), 'in-cluster.ts'];
    const env = { TS_NODE_TRANSPILE_ONLY: 'true' };
    log(`${v.name}: ${(await run(`${v.name}: in-cluster`, app, process.execPath, tsNode, env)).trim()}`);
  }
  const validate = ['dist']; // the release is read from the manifests (v1, Kafka 4.3.1: 1.2.0)
  log(`${v.name}: ${(await run(`${v.name}: bin`, app, bin('strimzi-kraft-validate'), validate)).trim()}`);
  const doctor = await run(`${v.name}: doctor`, app, bin('strimzi-kraft'), ['doctor', 'dist']);
  log(`${v.name}: strimzi-kraft doctor dist: ${doctor.trim().split('\n')[0]}`);
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'strimzi-kraft-consumer-'));
  try {
    log(`npm pack (prepare builds build/ when its sources changed) into ${work}`);
    const packed = await run('npm pack', root, 'npm', ['pack', '--pack-destination', work, '--json', '--silent']);
    const tarball = path.join(work, JSON.parse(packed.slice(packed.indexOf('[')))[0].filename);
    await Promise.all(VARIANTS.map((v) => variant(v, tarball, work))); // the two installs share the npm cache
    log(`passed: ${VARIANTS.map((v) => `${v.name} (cdk8s ${v.cdk8s}, constructs ${v.constructs})`).join(', ')}`);
  } finally {
    if (keep) console.log(`kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`[consumer] ${e.message}`);
  process.exit(1);
});
