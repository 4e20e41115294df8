import * as path from 'path';
import { Testing } from 'cdk8s';
import { APPS } from '../apps/registry';
import { KraftCluster } from '../lib';
import {
  DOCTOR_CHECKS,
  ManifestObject,
  assignNodeIds,
  diagnose,
  diagnosePaths,
  main,
  parseNginx,
  streamFacts,
} from '../lib/doctor';
import { seedDir as findSeedDir } from './support/reference';
import { externalDoctorCases } from './support/external-doctor-cases';

const root = path.resolve(__dirname, '..');
const seedDir = findSeedDir("test/doctor.test.ts (the doctor on the seed post's kafka.yaml and nginx conf)") ?? '';
const haveSeed = seedDir !== '';

describe('offline doctor', () => {
  (haveSeed ? test : test.skip)("names the seed's faults exactly", () => {
    // GIVEN the post's hand-written manifest and nginx configuration
    const report = diagnosePaths([path.join(seedDir, 'kafka.yaml'), path.join(seedDir, 'nginx-bootstrap.conf')]);

    // THEN node IDs are what the operator assigns (pools alphabetical, lowest free IDs)...
    expect(report.clusters[0].pools.map((p) => [p.name, p.nodeIds, p.idSource])).toEqual([
      ['broker', [0, 1, 2], 'lowest-free'],
      ['controller', [3, 4, 5], 'lowest-free'],
    ]);
    // ...and the faults are: no broker NodePort pinned, no load balancer port for any broker, one worker six times
    expect(report.findings.map((f) => `${f.check.id} ${f.subject}`)).toEqual([
      'doctor-node-port-pinned broker 0',
      'doctor-advertised-port-listened broker 0',
      'doctor-node-port-pinned broker 1',
      'doctor-advertised-port-listened broker 1',
      'doctor-node-port-pinned broker 2',
      'doctor-advertised-port-listened broker 2',
      'doctor-server-once upstream tcp9094 (line 1)',
    ]);
    expect(report.findings[3].message).toBe(
      'advertises kafka.sdsp-dev.com:8092, but no load balancer listens on port 8092; clients get this address from the bootstrap metadata and fail there ("Disconnected from node 1 due to timeout")',
    );
    expect(report.findings[6].message).toContain('lists 172.20.37.42:32100 6 times');
    // the bootstrap chain itself is sound
    expect(report.chains[0].nodeId).toBeUndefined();
    expect(report.chains[0]).toMatchObject({
      links: [
        { hop: 'load balancer', ok: true },
        { hop: 'NodePort', value: '32100', ok: true },
        { hop: 'Service', value: 'my-cluster-kafka-external-bootstrap' },
      ],
    });
  });

  test.each(Object.keys(APPS).sort())('dist/%s: no finding, node IDs and ports as the model computed them', (name) => {
    const report = diagnosePaths([path.join(root, 'dist', name)]);
    expect(report.findings).toEqual([]);
    const cluster = APPS[name](Testing.app())
      .node.findAll()
      .find((c): c is KraftCluster => c instanceof KraftCluster)!;
    // the report's cluster of that name (an app may hold more: platform has legacy too)
    const reported = report.clusters.find((c) => c.name === cluster.clusterName)!;
    expect(reported.pools.map((p) => p.nodeIds)).toEqual(cluster.model.pools.map((p) => p.nodeIds));
    const brokers = cluster.model.nodePortListeners.flatMap((l) =>
      l.brokers.map((b) => [b.nodeId, b.nodePort, `${b.advertisedHost}:${b.advertisedPort}`]),
    );
    const nodePortNames = cluster.model.nodePortListeners.map((l) => l.listener.name);
    expect(
      report.chains
        .filter((c) => c.nodeId !== undefined && nodePortNames.includes(c.listener))
        .map((c) => [c.nodeId, Number(c.links.find((l) => l.hop === 'NodePort')!.value), c.links[0].value]),
    ).toEqual(brokers);
    // and every broker of a loadbalancer, ingress, route or cluster-ip listener advertises what the model says
    expect(
      report.chains
        .filter((c) => !nodePortNames.includes(c.listener))
        .map((c) => [c.listener, c.nodeId, c.links[0].value]),
    ).toEqual(
      cluster.model.externalListeners.flatMap((l) =>
        l.brokers.map((b) => [l.listener.name, b.nodeId, `${b.advertisedHost}:${b.advertisedPort}`]),
      ),
    );
    expect(report.chains.every((c) => c.links.every((l) => l.ok))).toBe(true);
  });

  (haveSeed ? test : test.skip)("the CLI exits 1 on the seed post's own files", async () => {
    expect(await main(['doctor', seedDir], () => undefined)).toBe(1);
  });

  test('the CLI exits 0 on dist/seed, printing every chain', async () => {
    let out = '';
    expect(
      await main(['doctor', path.join(root, 'dist', 'seed')], (s) => {
        out += s;
      }),
    ).toBe(0);
    expect(out).toContain('external broker 1 (pool broker): advertised kafka.sdsp-dev.com:8092 -> load balancer :8092');
    expect(out).toMatch(/-> NodePort 32102 -> Service my-cluster-broker-1 -> pod my-cluster-broker-1 {2}OK/);
  });

  test('the CLI answers --help with its usage (exit 0) and a missing path with a one-line error (exit 2)', async () => {
    let out = '';
    expect(await main(['doctor', '--help'], (s) => (out += s))).toBe(0);
    expect(out).toMatch(/^usage: strimzi-kraft doctor/);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['doctor', '/nonexistent/dist'], () => undefined)).toBe(2);
      expect(stderr.mock.calls[0][0]).toMatch(/^strimzi-kraft doctor: no such file or folder: \/nonexistent\/dist\n/);
    } finally {
      stderr.mockRestore();
    }
  });
});

describe('node IDs as the operator assigns them', () => {
  test('next-node-ids honoured, then lowest free IDs, pools alphabetical; status wins', () => {
    const ids = assignNodeIds([
      { name: 'zeta', replicas: 2 },
      { name: 'brokers', replicas: 3, nextNodeIds: '[10-11,100-199]' },
      { name: 'alpha', replicas: 2 },
      { name: 'old', replicas: 2, statusNodeIds: [1, 7] },
    ]);
    expect([...ids.entries()].sort()).toEqual([
      ['alpha', { ids: [0, 2], source: 'lowest-free' }],
      ['brokers', { ids: [10, 11, 100], source: 'next-node-ids' }],
      ['old', { ids: [1, 7], source: 'status' }],
      ['zeta', { ids: [3, 4], source: 'lowest-free' }],
    ]);
  });
});

describe('nginx parser', () => {
  test('reads upstreams and servers of a complete config, a snippet, comments and quotes', () => {
    const facts = streamFacts(
      'x.conf',
      'events {}\n# c\nstream {\n upstream u { server 10.0.0.1:1 weight=2; server [::1]:2; }\n server { listen 127.0.0.1:9094; proxy_pass u; }\n server { listen 9095; proxy_pass "h:3"; }\n}\nhttp { server { listen 80; } }\n',
    );
    expect(facts.upstreams).toEqual([
      {
        name: 'u',
        line: 4,
        servers: [
          { host: '10.0.0.1', port: 1, line: 4 },
          { host: '::1', port: 2, line: 4 },
        ],
      },
    ]);
    expect(facts.servers).toEqual([
      { line: 5, listen: [{ address: '127.0.0.1', port: 9094 }], upstream: 'u', target: undefined },
      { line: 6, listen: [{ port: 9095 }], upstream: undefined, target: { host: 'h', port: 3 } },
    ]);
  });

  test('unbalanced braces and unterminated directives are errors with a line', () => {
    expect(() => parseNginx('stream {\n upstream u {\n')).toThrow('unbalanced braces');
    expect(() => parseNginx('a;\n}\n')).toThrow("line 2: '}' without a block to close");
    expect(() => parseNginx('listen 80')).toThrow("line 1: directive 'listen' is not terminated by ';'");
  });
});

// One bad input per check: a cluster (3 brokers 0-2, controllers 3-5) plus an nginx file.
const kafka = (brokers: any[], extra: any = {}): ManifestObject[] => [
  {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaNodePool',
    metadata: { name: 'broker', labels: { 'strimzi.io/cluster': 'k' } },
    spec: { replicas: 3, roles: ['broker'] },
  },
  {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaNodePool',
    metadata: { name: 'controller', labels: { 'strimzi.io/cluster': 'k' } },
    spec: { replicas: 3, roles: ['controller'] },
  },
  {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'Kafka',
    metadata: { name: 'k' },
    spec: {
      kafka: {
        listeners: [
          {
            name: 'ext',
            port: 9095,
            type: 'nodeport',
            tls: false,
            configuration: { bootstrap: { nodePort: 32100 }, brokers, ...extra },
          },
        ],
      },
    },
  },
];
const pinned = [0, 1, 2].map((id) => ({
  broker: id,
  nodePort: 32101 + id,
  advertisedHost: 'k.example.com',
  advertisedPort: 8091 + id,
}));
const lb = (ports: Record<number, number[]>, workers = ['10.0.0.1', '10.0.0.2']) =>
  streamFacts(
    'lb.conf',
    Object.entries(ports)
      .map(
        ([listen, targets]) =>
          `upstream u${listen} {\n${targets.map((t, i) => `server ${workers[i % workers.length] ?? workers[0]}:${t};`).join('\n')}\n}\nserver { listen ${listen}; proxy_pass u${listen}; }`,
      )
      .join('\n'),
  );
const both = (t: number) => [t, t];
const podMonitor = (matchLabels: Record<string, string>, port: string): ManifestObject => ({
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'PodMonitor',
  metadata: { name: 'pm' },
  spec: { selector: { matchLabels }, podMetricsEndpoints: [{ port }] },
});
const good = { 9095: both(32100), 8091: both(32101), 8092: both(32102), 8093: both(32103) };

const CASES: Record<
  keyof typeof DOCTOR_CHECKS,
  { objects: ManifestObject[]; nginx: ReturnType<typeof streamFacts>[]; expect: string }
> = {
  nodePortPinned: {
    objects: kafka(pinned.map((b) => (b.broker === 2 ? { ...b, nodePort: undefined } : b))),
    nginx: [lb({ ...good, 8093: both(32103) })],
    expect: 'broker 2',
  },
  advertisedPortListened: {
    objects: kafka(pinned),
    nginx: [lb({ 9095: both(32100), 8091: both(32101), 8092: both(32102) })],
    expect: 'broker 2',
  },
  bootstrapForwarded: {
    objects: kafka(pinned),
    nginx: [lb({ 8091: both(32101), 8092: both(32102), 8093: both(32103) })],
    expect: 'bootstrap',
  },
  forwardKnown: { objects: kafka(pinned), nginx: [lb({ ...good, 8093: both(32199) })], expect: 'broker 2' },
  forwardRightBroker: { objects: kafka(pinned), nginx: [lb({ ...good, 8093: both(32102) })], expect: 'broker 2' },
  portOneBroker: {
    objects: kafka(pinned.map((b) => (b.broker === 2 ? { ...b, advertisedPort: 8092 } : b))),
    nginx: [lb({ 9095: both(32100), 8091: both(32101), 8092: [32102, 32103] })],
    expect: 'brokers 1, 2',
  },
  workerInEveryUpstream: {
    objects: kafka(pinned),
    nginx: [lb({ ...good, 8093: [32103] })],
    expect: 'upstream u8093 (line 11)',
  },
  serverOnce: {
    objects: kafka(pinned),
    nginx: [lb({ ...good, 8093: [32103, 32103, 32103] }, ['10.0.0.1', '10.0.0.2', '10.0.0.1'])],
    expect: 'upstream u8093 (line 11)',
  },
  trafficPolicyCluster: {
    objects: kafka(pinned, { externalTrafficPolicy: 'Local' }),
    nginx: [lb(good)],
    expect: 'lb.conf:5 listen 8091',
  },
  overrideIsBroker: {
    objects: kafka([...pinned, { broker: 4, nodePort: 32105 }]),
    nginx: [lb(good)],
    expect: 'configuration.brokers[broker=4]',
  },
  ...externalDoctorCases(),
  podMonitorSelects: {
    objects: [...kafka(pinned), podMonitor({ 'strimzi.io/cluster': 'other' }, 'tcp-prometheus')],
    nginx: [lb(good)],
    expect: 'selector',
  },
  podMonitorPort: {
    objects: [...kafka(pinned), podMonitor({ 'strimzi.io/cluster': 'k' }, 'tcp-prometheus')],
    nginx: [lb(good)],
    expect: 'port tcp-prometheus',
  },
  metricsConfigResolves: {
    objects: kafka(pinned).map((o) =>
      o.kind === 'Kafka'
        ? {
            ...o,
            spec: {
              ...o.spec,
              kafka: {
                ...o.spec.kafka,
                metricsConfig: {
                  type: 'jmxPrometheusExporter',
                  valueFrom: { configMapKeyRef: { name: 'm', key: 'k' } },
                },
              },
            },
          }
        : o,
    ),
    nginx: [lb(good)],
    expect: 'spec.kafka.metricsConfig',
  },
};

describe('every doctor check has a bad input it names', () => {
  test('the good baseline has no finding', () => {
    expect(diagnose(kafka(pinned), [lb(good)]).findings).toEqual([]);
  });

  test.each(Object.keys(DOCTOR_CHECKS).sort())('%s', (key) => {
    const c = CASES[key as keyof typeof DOCTOR_CHECKS];
    expect(c).toBeDefined();
    const findings = diagnose(c.objects, c.nginx).findings;
    const hit = findings.filter((f) => f.check === DOCTOR_CHECKS[key as keyof typeof DOCTOR_CHECKS]);
    expect(hit.map((f) => f.subject)).toContain(c.expect);
    for (const f of hit) expect(f.fix.length).toBeGreaterThan(10);
  });
});
