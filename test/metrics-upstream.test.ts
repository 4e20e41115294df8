import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { JbodVolume, KraftClusterProps, Storage, StrimziMonitoring } from '../lib';
import { readManifests } from '../lib/tools';
import { addedValueProblems, diffJson } from './support/diff';
import { describeIf, strimziRefDir } from './support/reference';
import { clusterChart } from './support/synth';

// Strimzi's packaging-examples/metrics of 0.41.0, 0.46.0, 0.49.0 and 1.2.0 reproduced with the library:
// the cluster with `metrics: true` (kafka-metrics.yaml), with the Strimzi Metrics Reporter
// (strimzi-metrics-reporter/kafka-metrics.yaml, 0.49.0 and 1.2.0), and StrimziMonitoring (prometheus-install/:
// the PodMonitors and alert rules; grafana-dashboards/). The differences are declared below and tested by value.

const ref = strimziRefDir('test/metrics-upstream.test.ts (packaging-examples/metrics of 0.41.0-1.2.0)');
const RELEASES = ['0.41.0', '0.46.0', '0.49.0', '1.2.0'];

const storage = Storage.jbod(JbodVolume.persistentClaim(0, { size: '100Gi', kraftMetadata: true }));
const ephemeral = Storage.jbod(JbodVolume.ephemeral(0, { kraftMetadata: true }));
const props = (
  strimziVersion: string,
  metrics: KraftClusterProps['metrics'],
  versions: Pick<KraftClusterProps, 'kafkaVersion' | 'metadataVersion'> = {},
): KraftClusterProps => ({
  strimziVersion,
  ...versions,
  listeners: [
    { name: 'plain', port: 9092 },
    { name: 'tls', port: 9093, tls: true },
  ],
  nodePools: {
    controller: { roles: ['controller'], replicas: 3, storage },
    broker: { roles: ['broker'], replicas: 3, storage },
  },
  metrics,
});

const key = (o: any) => `${o.kind}/${o.metadata.name}`;
const upstreamOf = (tag: string, file: string) =>
  readManifests([path.join(ref!, tag, 'packaging-examples', 'metrics', file)]) as any[];
/** The Kafka and metadata versions of an upstream example (the same input, not a difference). */
const versionsOf = (upstream: any[]) => {
  const k = upstream.find((o) => o.kind === 'Kafka').spec.kafka;
  return { kafkaVersion: k.version, metadataVersion: k.metadataVersion };
};
const synth = (tag: string, metrics: KraftClusterProps['metrics'], monitoring = false, versions = {}) => {
  const { chart, cluster } = clusterChart(props(tag, metrics, versions));
  if (monitoring) {
    new StrimziMonitoring(chart, 'monitoring', {
      clusters: [cluster],
      operatorNamespace: 'strimzi',
      grafanaDashboards: true,
    });
  }
  return Testing.synth(chart) as any[];
};
/**
 * Declared, as for the KRaft examples (test/upstream-examples.test.ts): pools pin their node IDs, and a
 * persistent volume states deleteClaim (false) where upstream leaves it to the default.
 */
function poolDifferences(upstream: any[], pool: string): object[] {
  const u = upstream.find((o) => o.kind === 'KafkaNodePool' && o.metadata.name === pool);
  const stated = u.spec.storage.volumes[0].deleteClaim !== undefined;
  return [
    { path: 'metadata.annotations', kind: 'added' },
    ...(stated ? [] : [{ path: 'spec.storage.volumes[0].deleteClaim', kind: 'added' }]),
  ];
}

/** Upstream files of prometheus-install/: one file up to 0.47.0, a folder per kind from 0.48.0. */
const installObjects = (tag: string, single: string, folder: string) => {
  const dir = path.join(ref!, tag, 'packaging-examples', 'metrics', 'prometheus-install');
  const files = fs.existsSync(path.join(dir, single))
    ? [path.join(dir, single)]
    : fs
        .readdirSync(path.join(dir, folder))
        .sort()
        .map((f) => path.join(dir, folder, f));
  return readManifests(files) as any[];
};

describeIf(ref)('upstream metrics examples reproduced', () => {
  test('the committed metrics data is what scripts/import-metrics.js writes from the releases, byte for byte', () => {
    // GIVEN a fresh run of the generator into a temporary folder
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'metrics-data-'));
    try {
      execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'import-metrics.js')], {
        env: { ...process.env, METRICS_OUT_DIR: out, STRIMZI_REF_DIR: ref },
        stdio: 'ignore',
      });
      // THEN both files are identical to the committed ones
      for (const f of ['exporter-configs.json', 'monitoring-data.json']) {
        const committed = fs.readFileSync(path.join(__dirname, '..', 'lib', 'model', 'metrics', f));
        expect(fs.readFileSync(path.join(out, f)).equals(committed)).toBe(true);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test.each(RELEASES)(
    '%s kafka-metrics.yaml: the exporter config byte-identical, metricsConfig and kafkaExporter by value',
    (tag) => {
      // GIVEN the release's example and the library's cluster with metrics: true
      const upstream = upstreamOf(tag, 'kafka-metrics.yaml');
      const ours = synth(tag, true);
      const upKafka = upstream.find((o) => o.kind === 'Kafka');
      const ourKafka = ours.find((o) => o.kind === 'Kafka');
      const upRef = upKafka.spec.kafka.metricsConfig.valueFrom.configMapKeyRef;
      const upConfigMap = upstream.find((o) => o.kind === 'ConfigMap' && o.metadata.name === upRef.name);
      // THEN the metricsConfig is upstream's but for the ConfigMap name, prefixed by the cluster's (declared:
      // several clusters share a namespace)
      expect(ourKafka.spec.kafka.metricsConfig).toEqual({
        ...upKafka.spec.kafka.metricsConfig,
        valueFrom: { configMapKeyRef: { ...upRef, name: 'my-cluster-kafka-metrics' } },
      });
      // and the ConfigMap holds the release's exporter config under its key, byte for byte, with its labels
      const ourConfigMap = ours.find((o) => key(o) === 'ConfigMap/my-cluster-kafka-metrics');
      expect(ourConfigMap.data).toEqual({ [upRef.key]: upConfigMap.data[upRef.key] });
      expect(ourConfigMap.metadata.labels).toEqual(upConfigMap.metadata.labels);
      // and Kafka Exporter exports every topic and group, as upstream
      expect(ourKafka.spec.kafkaExporter).toEqual(upKafka.spec.kafkaExporter);
    },
  );

  test('0.41.0: the example is a ZooKeeper cluster (declared: the library builds KRaft), the ConfigMap has its ZooKeeper key too', () => {
    const upstream = upstreamOf('0.41.0', 'kafka-metrics.yaml');
    expect(upstream.map(key)).toEqual(['Kafka/my-cluster', 'ConfigMap/kafka-metrics']);
    expect(Object.keys(upstream[0].spec)).toContain('zookeeper');
    expect(Object.keys(upstream[1].data).sort()).toEqual(['kafka-metrics-config.yml', 'zookeeper-metrics-config.yml']);
  });

  test.each(['0.46.0', '0.49.0', '1.2.0'])(
    '%s kafka-metrics.yaml: the whole objects, only the declared differences',
    (tag) => {
      const upstream = upstreamOf(tag, 'kafka-metrics.yaml');
      const ours = synth(tag, true, false, versionsOf(upstream));
      expect(ours.map(key).sort()).toEqual(
        upstream
          .map((o) => (key(o) === 'ConfigMap/kafka-metrics' ? 'ConfigMap/my-cluster-kafka-metrics' : key(o)))
          .sort(),
      );
      const differences = Object.fromEntries(
        upstream
          .filter((o) => o.kind !== 'ConfigMap')
          .map((u) => [
            key(u),
            diffJson(
              u,
              ours.find((o) => key(o) === key(u)),
            ),
          ]),
      );
      expect(differences).toEqual({
        'KafkaNodePool/controller': poolDifferences(upstream, 'controller'),
        'KafkaNodePool/broker': poolDifferences(upstream, 'broker'),
        'Kafka/my-cluster': [{ path: 'spec.kafka.metricsConfig.valueFrom.configMapKeyRef.name', kind: 'changed' }],
      });
      // and what is added holds what it must (pinned node-ID ranges, deleteClaim false)
      for (const [k, d] of Object.entries(differences)) {
        expect(
          addedValueProblems(
            ours.find((o) => key(o) === k),
            d as never,
          ),
        ).toEqual([]);
      }
    },
  );

  test.each(['0.46.0', '0.49.0', '1.2.0'])(
    '%s kafka-cruise-control-metrics.yaml: Cruise Control metrics only, only the declared differences',
    (tag) => {
      // GIVEN the example (Cruise Control's exporter, no broker metrics, no Kafka Exporter) and the library's
      const upstream = upstreamOf(tag, 'kafka-cruise-control-metrics.yaml');
      const { chart } = clusterChart({
        ...props(tag, { kafka: false, kafkaExporter: false }, versionsOf(upstream)),
        nodePools: {
          controller: { roles: ['controller'], replicas: 3, storage: ephemeral },
          broker: { roles: ['broker'], replicas: 3, storage: ephemeral },
        },
        cruiseControl: true,
      });
      const ours = Testing.synth(chart) as any[];
      const renamed = (o: any) =>
        key(o) === 'ConfigMap/cruise-control-metrics' ? 'ConfigMap/my-cluster-cruise-control-metrics' : key(o);
      expect(ours.map(key).sort()).toEqual(upstream.map(renamed).sort());
      // THEN the exporter config byte for byte, and the objects equal but for the declared differences
      const upConfigMap = upstream.find((o) => o.kind === 'ConfigMap');
      expect(ours.find((o) => o.kind === 'ConfigMap').data).toEqual(upConfigMap.data);
      const differences = Object.fromEntries(
        upstream
          .filter((o) => o.kind !== 'ConfigMap')
          .map((u) => [
            key(u),
            diffJson(
              u,
              ours.find((o) => key(o) === key(u)),
            ),
          ]),
      );
      expect(differences).toEqual({
        'KafkaNodePool/controller': [{ path: 'metadata.annotations', kind: 'added' }],
        'KafkaNodePool/broker': [{ path: 'metadata.annotations', kind: 'added' }],
        'Kafka/my-cluster': [
          { path: 'spec.cruiseControl.metricsConfig.valueFrom.configMapKeyRef.name', kind: 'changed' },
        ],
      });
    },
  );

  test.each(['0.49.0', '1.2.0'])(
    '%s strimzi-metrics-reporter/kafka-metrics.yaml: the Metrics Reporter, by value',
    (tag) => {
      const upstream = upstreamOf(tag, 'strimzi-metrics-reporter/kafka-metrics.yaml');
      const ours = synth(tag, { kafka: { type: 'strimziMetricsReporter' } }, false, versionsOf(upstream));
      expect(ours.map(key).sort()).toEqual(upstream.map(key).sort());
      for (const u of upstream) {
        const d = diffJson(
          u,
          ours.find((o) => key(o) === key(u)),
        );
        // declared, as for the KRaft examples: pinned node IDs, and deleteClaim stated (false) where upstream omits it
        const pinned = { path: 'metadata.annotations', kind: 'added' };
        const deleteClaim = { path: 'spec.storage.volumes[0].deleteClaim', kind: 'added' };
        const stated = u.spec.storage?.volumes?.[0]?.deleteClaim !== undefined;
        expect(d).toEqual(u.kind === 'KafkaNodePool' ? (stated ? [pinned] : [pinned, deleteClaim]) : []);
        if (u.kind === 'KafkaNodePool')
          expect(ours.find((o) => key(o) === key(u)).spec.storage.volumes[0].deleteClaim).toBe(
            stated ? u.spec.storage.volumes[0].deleteClaim : false,
          );
      }
    },
  );

  test.each(RELEASES)('%s prometheus-install: PodMonitor endpoints and alert rule groups by value', (tag) => {
    // GIVEN the release's PodMonitors and rules, and StrimziMonitoring of the cluster and operator
    const upstream = [
      ...installObjects(tag, 'strimzi-pod-monitor.yaml', 'pod-monitors'),
      ...installObjects(tag, 'prometheus-rules.yaml', 'prometheus-rules'),
    ];
    const ours = synth(tag, true, true);
    const up = (name: string) => upstream.find((o) => o.kind === 'PodMonitor' && o.metadata.name === name).spec;
    const pm = (name: string) => ours.find((o) => key(o) === `PodMonitor/${name}`).spec;
    // THEN the Kafka pods' PodMonitor scrapes upstream's endpoints (port, path, relabelings), selecting one
    // cluster's Kafka pods in its namespace (declared: upstream selects every Kafka, Connect and MM2 of `myproject`)
    expect(pm('my-cluster-kafka-metrics').podMetricsEndpoints).toEqual(
      up('kafka-resources-metrics').podMetricsEndpoints,
    );
    expect(pm('my-cluster-kafka-metrics').selector).toEqual({
      matchLabels: { 'strimzi.io/cluster': 'my-cluster', 'strimzi.io/kind': 'Kafka' },
    });
    // the entity operator's: upstream's endpoints and selector, narrowed to the cluster
    expect(pm('my-cluster-entity-operator-metrics').podMetricsEndpoints).toEqual(
      up('entity-operator-metrics').podMetricsEndpoints,
    );
    expect(pm('my-cluster-entity-operator-metrics').selector.matchLabels).toEqual({
      ...up('entity-operator-metrics').selector.matchLabels,
      'strimzi.io/cluster': 'my-cluster',
    });
    // the cluster operator's: upstream's, in the operator's namespace
    expect(pm('strimzi-cluster-operator-metrics')).toEqual({
      ...up('cluster-operator-metrics'),
      namespaceSelector: { matchNames: ['strimzi'] },
    });
    // and every alert rule group of upstream that a KRaft cluster, its exporter and operators have, by value
    // (declared: one PrometheusRule per component; ZooKeeper, Connect, MM2, Bridge groups are left to those kinds)
    const upGroups = upstream.filter((o) => o.kind === 'PrometheusRule').flatMap((r) => r.spec.groups);
    const ourGroups = ours.filter((o) => o.kind === 'PrometheusRule').flatMap((r) => r.spec.groups);
    const expected = upGroups.filter((g) =>
      [
        'kafka',
        'entityOperator',
        'strimzi-entity-operator',
        'kafkaExporter',
        'kafka-exporter-topic',
        'certificates',
        'kafka-certificates',
        'cluster-operator',
      ].includes(g.name),
    );
    const byName = (a: any, b: any) => (a.name < b.name ? -1 : 1);
    expect([...ourGroups].sort(byName)).toEqual([...expected].sort(byName));
  });

  test.each(RELEASES)('%s grafana-dashboards: the release dashboards, datasource filled in', (tag) => {
    const ours = synth(tag, true, true);
    const dashboards = ours.filter((o) => o.kind === 'ConfigMap' && o.metadata.labels?.grafana_dashboard === '1');
    const dir = path.join(ref!, tag, 'packaging-examples', 'metrics', 'grafana-dashboards');
    expect(dashboards.map((d) => Object.keys(d.data)[0])).toEqual([
      'strimzi-kafka.json',
      'strimzi-kafka-exporter.json',
      'strimzi-kraft.json',
      'strimzi-operators.json',
    ]);
    for (const d of dashboards) {
      const [file, text] = Object.entries(d.data)[0] as [string, string];
      const upstreamText = fs.readFileSync(path.join(dir, file), 'utf-8').split('${DS_PROMETHEUS}').join('Prometheus');
      const { __inputs: inputs, ...upstream } = JSON.parse(upstreamText);
      expect(JSON.parse(text)).toEqual(upstream);
      expect(text).not.toContain('${DS_PROMETHEUS}');
      expect(inputs === undefined || Array.isArray(inputs)).toBe(true);
    }
  });
});
