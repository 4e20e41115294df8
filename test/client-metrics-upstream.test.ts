import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import {
  KafkaBridge,
  KafkaConnect,
  KafkaMirrorMaker2,
  KraftCluster,
  MetricsOptions,
  StrimziMonitoring,
  findProblems,
  formatProblem,
} from '../lib';
import { readManifests } from '../lib/tools';
import { diffJson } from './support/diff';
import { describeIf, strimziRefDir } from './support/reference';
import { pools } from './support/rule-cases';

// Strimzi's packaging-examples/metrics/kafka-connect-metrics.yaml, kafka-mirror-maker-2-metrics.yaml and
// kafka-bridge-metrics.yaml of
// 0.46.0, 0.49.0 and 1.2.0, and their strimzi-metrics-reporter/ variants (0.49.0, 1.2.0), written with the
// library (`metrics: true`, or `{ type: 'strimziMetricsReporter' }`). Compared object by object; the
// differences are declared below with our value.

const ref = strimziRefDir('test/client-metrics-upstream.test.ts (the Connect and MM2 metrics examples)') ?? '';
const TAGS = ['0.46.0', '0.49.0', '1.2.0'] as const;
const v1 = (tag: string) => tag !== '0.46.0';

const upstream = (tag: string, file: string) =>
  readManifests([path.join(ref, tag, 'packaging-examples', 'metrics', file)]) as any[];

/** A cluster of the examples: a plain listener on 9092, no namespace (bootstrap `<name>-kafka-bootstrap:9092`). */
const exampleCluster = (chart: Chart, name: string, tag: string, kafkaVersion?: string) =>
  new KraftCluster(chart, name, {
    strimziVersion: tag,
    apiVersion: v1(tag) ? 'v1' : 'v1beta2',
    kafkaVersion,
    nodePools: Object.fromEntries(Object.entries(pools).map(([pool, o]) => [`${name}-${pool}`, o])),
    listeners: [{ name: 'plain', port: 9092 }],
  });

function connect(tag: string, version: string, metrics: MetricsOptions) {
  const chart = Testing.chart();
  const cluster = exampleCluster(chart, 'my-cluster', tag);
  new KafkaConnect(chart, 'my-connect-cluster', { cluster, replicas: 1, version, metrics });
  expect(findProblems(chart).map(formatProblem)).toEqual([]);
  return Testing.synth(chart) as any[];
}

function mirrorMaker(tag: string, version: string, metrics: MetricsOptions) {
  const chart = Testing.chart();
  const [source, target] = v1(tag) ? ['cluster-a', 'cluster-b'] : ['my-cluster-source', 'my-cluster-target'];
  new KafkaMirrorMaker2(chart, 'my-mm2-cluster', {
    target: { cluster: exampleCluster(chart, target, tag, version) },
    sources: [{ cluster: exampleCluster(chart, source, tag, version) }],
    replicas: 1,
    heartbeats: v1(tag) ? undefined : true,
    metrics,
  });
  expect(findProblems(chart).map(formatProblem)).toEqual([]);
  return Testing.synth(chart) as any[];
}

function bridge(tag: string, metrics: MetricsOptions) {
  const chart = Testing.chart();
  const cluster = exampleCluster(chart, 'my-cluster', tag);
  new KafkaBridge(chart, 'my-bridge', { cluster, http: { port: 8080 }, metrics });
  expect(findProblems(chart).map(formatProblem)).toEqual([]);
  return Testing.synth(chart) as any[];
}

const find = (objects: any[], kind: string) => objects.find((o) => o.kind === kind);
const configMaps = (objects: any[]) => objects.filter((o) => o.kind === 'ConfigMap');

/** The value at a path whose keys may hold dots (`config.sync.group.offsets.enabled`): the longest key there. */
function valueAt(obj: any, path: string): unknown {
  const parts = path.split(/\.|(?=\[)/);
  let v = obj;
  for (let i = 0; i < parts.length && v !== undefined;) {
    const index = /^\[(\d+)\]$/.exec(parts[i]);
    if (index) {
      v = v[Number(index[1])];
      i++;
      continue;
    }
    let j = parts.length;
    while (j > i + 1 && !(parts.slice(i, j).join('.') in v)) j--;
    v = v[parts.slice(i, j).join('.')];
    i = j;
  }
  return v;
}

/** The differences, each with our value (undefined: removed), for `diffJson` and `valueAt` to check. */
type Declared = [path: string, kind: 'added' | 'removed' | 'changed', ours: unknown][];
function expectDeclared(u: any, o: any, declared: Declared) {
  expect(diffJson(u, o)).toEqual(
    declared.map(([p, kind]) => ({ path: p, kind })).sort((a, b) => (a.path < b.path ? -1 : 1)),
  );
  expect(declared.map(([p]) => valueAt(o, p))).toEqual(declared.map(([, , v]) => v));
}

// Declared for both kinds: upstream's `app` label is not written (the library labels nothing by hand);
// the generated exporter ConfigMap is `<name>-<component>-metrics` (several Connects and mirrors share a
// namespace), its data and labels are upstream's byte for byte.
const LABEL: Declared = [['metadata.labels', 'removed', undefined]];
const ref2 = (name: string): Declared => [['spec.metricsConfig.valueFrom.configMapKeyRef.name', 'changed', name]];

// Connect: the group and storage topics are stated (unique per Kafka cluster), not Strimzi's defaults, and
// the storage topics' replication factor is the cluster's (3).
function connectOwn(tag: string): Declared {
  if (v1(tag)) {
    return [
      [
        'spec.config',
        'added',
        {
          'config.storage.replication.factor': 3,
          'offset.storage.replication.factor': 3,
          'status.storage.replication.factor': 3,
        },
      ],
      ['spec.groupId', 'added', 'my-connect-cluster-group'],
      ['spec.configStorageTopic', 'added', 'my-connect-cluster-configs'],
      ['spec.offsetStorageTopic', 'added', 'my-connect-cluster-offsets'],
      ['spec.statusStorageTopic', 'added', 'my-connect-cluster-status'],
    ];
  }
  return [
    [
      'spec.config',
      'added',
      {
        'config.storage.replication.factor': 3,
        'config.storage.topic': 'my-connect-cluster-configs',
        'group.id': 'my-connect-cluster-group',
        'offset.storage.replication.factor': 3,
        'offset.storage.topic': 'my-connect-cluster-offsets',
        'status.storage.replication.factor': 3,
        'status.storage.topic': 'my-connect-cluster-status',
      },
    ],
  ];
}

// MirrorMaker 2: the construct states tasksMax and the refresh intervals and group-offset sync it
// defaults to, and in v1beta2 the target's group and storage topics (test/mirror-maker-2-examples.test.ts).
function mirrorOwn(tag: string): Declared {
  const own: Declared = [
    ['spec.mirrors[0].checkpointConnector.config.refresh.groups.interval.seconds', 'added', 600],
    ['spec.mirrors[0].checkpointConnector.config.sync.group.offsets.enabled', 'added', 'false'],
    ['spec.mirrors[0].checkpointConnector.tasksMax', 'added', 1],
    ['spec.mirrors[0].sourceConnector.config.refresh.topics.interval.seconds', 'added', 600],
    ['spec.mirrors[0].sourceConnector.tasksMax', 'added', 1],
  ];
  if (v1(tag)) return own;
  return [
    ...own,
    ['spec.mirrors[0].heartbeatConnector.tasksMax', 'added', 1],
    ['spec.clusters[1].config.config.storage.topic', 'added', 'my-mm2-cluster-config'],
    ['spec.clusters[1].config.group.id', 'added', 'my-mm2-cluster-group'],
    ['spec.clusters[1].config.offset.storage.topic', 'added', 'my-mm2-cluster-offset'],
    ['spec.clusters[1].config.status.storage.topic', 'added', 'my-mm2-cluster-status'],
  ];
}

const REPORTER_TAGS = ['0.49.0', '1.2.0'] as const;
const reporter: MetricsOptions = { type: 'strimziMetricsReporter' };

describeIf(ref || undefined)('upstream metrics examples of KafkaConnect, KafkaMirrorMaker2 and KafkaBridge', () => {
  test.each(TAGS)('%s kafka-connect-metrics.yaml: the declared differences only', (tag) => {
    // GIVEN upstream's Connect with the JMX exporter, written as metrics: true
    const [u, uConfigMap] = upstream(tag, 'kafka-connect-metrics.yaml');
    // WHEN synthesized
    const ours = connect(tag, u.spec.version, true);
    // THEN the Connect differs as declared, and the ConfigMap by its name only
    expectDeclared(u, find(ours, 'KafkaConnect'), [
      ...LABEL,
      ...connectOwn(tag),
      ...ref2('my-connect-cluster-connect-metrics'),
    ]);
    expect(configMaps(ours).map((c) => diffJson(uConfigMap, c))).toEqual([
      [{ path: 'metadata.name', kind: 'changed' }],
    ]);
    expect(configMaps(ours)[0].metadata.name).toBe('my-connect-cluster-connect-metrics');
  });

  test.each(TAGS)('%s kafka-mirror-maker-2-metrics.yaml: the declared differences only', (tag) => {
    // GIVEN upstream's MirrorMaker 2 between two clusters with the JMX exporter, written as metrics: true
    const [u, uConfigMap] = upstream(tag, 'kafka-mirror-maker-2-metrics.yaml');
    // WHEN synthesized
    const ours = mirrorMaker(tag, u.spec.version, true);
    // THEN the mirror differs as declared, and the ConfigMap by its name only
    expectDeclared(u, find(ours, 'KafkaMirrorMaker2'), [
      ...LABEL,
      ...mirrorOwn(tag),
      ...ref2('my-mm2-cluster-mirror-maker-2-metrics'),
    ]);
    expect(configMaps(ours).map((c) => diffJson(uConfigMap, c))).toEqual([
      [{ path: 'metadata.name', kind: 'changed' }],
    ]);
    expect(configMaps(ours)[0].metadata.name).toBe('my-mm2-cluster-mirror-maker-2-metrics');
  });

  test.each(REPORTER_TAGS)(
    '%s strimzi-metrics-reporter/ Connect and MirrorMaker 2: the declared differences only',
    (tag) => {
      // GIVEN upstream's Connect and mirror with the Strimzi Metrics Reporter, written as its type
      const [uConnect] = upstream(tag, 'strimzi-metrics-reporter/kafka-connect-metrics.yaml');
      const [uMirror] = upstream(tag, 'strimzi-metrics-reporter/kafka-mirror-maker-2-metrics.yaml');
      // WHEN synthesized
      const connects = connect(tag, uConnect.spec.version, reporter);
      const mirrors = mirrorMaker(tag, uMirror.spec.version, reporter);
      // THEN the metricsConfig is upstream's, no ConfigMap is written, the rest differs as declared
      expectDeclared(uConnect, find(connects, 'KafkaConnect'), [...LABEL, ...connectOwn(tag)]);
      expectDeclared(uMirror, find(mirrors, 'KafkaMirrorMaker2'), [...LABEL, ...mirrorOwn(tag)]);
      expect([...configMaps(connects), ...configMaps(mirrors)]).toEqual([]);
    },
  );

  // The Bridge (kafka-bridge-metrics.yaml): enableMetrics up to 0.47.0, the JMX exporter from 0.48.0.
  test.each(TAGS)('%s kafka-bridge-metrics.yaml: equal but the ConfigMap name', (tag) => {
    // GIVEN upstream's bridge with metrics, written as metrics: true
    const [u, uConfigMap] = upstream(tag, 'kafka-bridge-metrics.yaml');
    // WHEN synthesized
    const ours = bridge(tag, true);
    // THEN 0.46.0: the same object (enableMetrics), no ConfigMap; later: the ConfigMap named after the bridge
    if (tag === '0.46.0') {
      expect([u.spec.enableMetrics, uConfigMap]).toEqual([true, undefined]);
      expectDeclared(u, find(ours, 'KafkaBridge'), []);
      expect(configMaps(ours)).toEqual([]);
      return;
    }
    expectDeclared(u, find(ours, 'KafkaBridge'), ref2('my-bridge-bridge-metrics'));
    expect(configMaps(ours).map((c) => diffJson(uConfigMap, c))).toEqual([
      [{ path: 'metadata.name', kind: 'changed' }],
    ]);
  });

  test.each(REPORTER_TAGS)('%s strimzi-metrics-reporter/kafka-bridge-metrics.yaml: equal', (tag) => {
    // GIVEN upstream's bridge with the Metrics Reporter, written as its type
    const [u] = upstream(tag, 'strimzi-metrics-reporter/kafka-bridge-metrics.yaml');
    // WHEN synthesized
    const ours = bridge(tag, reporter);
    // THEN the same object, and no ConfigMap
    expectDeclared(u, find(ours, 'KafkaBridge'), []);
    expect(configMaps(ours)).toEqual([]);
  });

  // prometheus-install/: one strimzi-pod-monitor.yaml up to 0.47.0, pod-monitors/*.yaml from 0.48.0.
  test.each(TAGS)(
    '%s PodMonitors of the clients: upstream endpoints, one resource selected in its namespace',
    (tag) => {
      // GIVEN upstream's PodMonitors of the release and the three clients with metrics in a StrimziMonitoring
      const dir = path.join(ref, tag, 'packaging-examples', 'metrics', 'prometheus-install');
      const single = path.join(dir, 'strimzi-pod-monitor.yaml');
      const files = fs.existsSync(single)
        ? [single]
        : fs.readdirSync(path.join(dir, 'pod-monitors')).map((f) => path.join(dir, 'pod-monitors', f));
      const up = (name: string) => (readManifests(files) as any[]).find((o) => o.metadata.name === name);
      const app = Testing.app();
      const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
      const cluster = exampleCluster(chart, 'my-cluster', tag);
      const clients = [
        new KafkaConnect(chart, 'c', { cluster, metrics: true }),
        new KafkaMirrorMaker2(chart, 'm', {
          target: { cluster },
          externalSources: [{ alias: 'old', bootstrapServers: 'old-kafka:9092' }],
          metrics: true,
        }),
        new KafkaBridge(chart, 'b', { cluster, metrics: true }),
      ];
      new StrimziMonitoring(chart, 'mon', { clients });
      // WHEN synthesized
      const ours = (Testing.synth(chart) as any[]).filter((o) => o.kind === 'PodMonitor');
      // THEN each has the endpoints of upstream's PodMonitor of its kind; the selector picks one resource
      // (declared: upstream selects every Kafka, Connect and MM2 by kind, in namespace myproject)
      const resources = up('kafka-resources-metrics');
      expect(resources.spec.selector.matchExpressions[0].values).toEqual([
        'Kafka',
        'KafkaConnect',
        'KafkaMirrorMaker2',
      ]);
      expect(ours.map((o) => [o.metadata.name, o.spec.selector.matchLabels, o.spec.podMetricsEndpoints])).toEqual([
        [
          'c-connect-metrics',
          { 'strimzi.io/cluster': 'c', 'strimzi.io/kind': 'KafkaConnect' },
          resources.spec.podMetricsEndpoints,
        ],
        [
          'm-mirror-maker-2-metrics',
          { 'strimzi.io/cluster': 'm', 'strimzi.io/kind': 'KafkaMirrorMaker2' },
          resources.spec.podMetricsEndpoints,
        ],
        [
          'b-bridge-metrics',
          { 'strimzi.io/cluster': 'b', 'strimzi.io/kind': 'KafkaBridge' },
          up('bridge-metrics').spec.podMetricsEndpoints,
        ],
      ]);
      expect(up('bridge-metrics').spec.selector.matchLabels).toEqual({ 'strimzi.io/kind': 'KafkaBridge' });
    },
  );
});
