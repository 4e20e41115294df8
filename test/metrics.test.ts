import { Testing } from 'cdk8s';
import { JbodVolume, KraftCluster, Storage, StrimziMonitoring, findProblems } from '../lib';
import { renderMetricsTable } from '../lib/diagram/architecture';
import { architectureOf } from '../lib/diagram/write';
import { diagnose } from '../lib/doctor';
import { ManifestObject } from '../lib/doctor/manifest-facts';
import { generatedMetricsConfigMap, metricsConfigSpec, metricsModel } from '../lib/model/metrics/metrics';

const storage = Storage.jbod(JbodVolume.persistentClaim(0, { size: '10Gi', kraftMetadata: true }));
const nodePools = {
  broker: { roles: ['broker' as const], replicas: 3, storage },
  controller: { roles: ['controller' as const], replicas: 3, storage },
};

describe('metrics of any kind with a metricsConfig (model/metrics/metrics.ts)', () => {
  test('KafkaConnect metrics in one call: the spec and the generated ConfigMap of the release', () => {
    // GIVEN a Connect named my-connect of Strimzi 1.2.0 with metrics: true
    const { model, findings } = metricsModel({
      component: 'connect',
      owner: 'my-connect',
      releaseTag: '1.2.0',
      field: 'metrics',
      options: true,
    });
    // THEN no finding, the JMX exporter reads the generated ConfigMap under upstream's key
    expect(findings).toEqual([]);
    expect(metricsConfigSpec(model!)).toEqual({
      type: 'jmxPrometheusExporter',
      valueFrom: { configMapKeyRef: { name: 'my-connect-connect-metrics', key: 'metrics-config.yml' } },
    });
    const cm = generatedMetricsConfigMap(model, '1.2.0')!;
    expect(cm.name).toBe('my-connect-connect-metrics');
    expect(Object.keys(cm.data)).toEqual(['metrics-config.yml']);
    expect(cm.data['metrics-config.yml']).toContain('kafka_connect_');
  });

  test('the Metrics Reporter of a Bridge: allowList in values, no ConfigMap; a user ConfigMap: none generated', () => {
    const reporter = metricsModel({
      component: 'bridge',
      owner: 'b',
      releaseTag: '0.48.0',
      field: 'metrics',
      options: { type: 'strimziMetricsReporter', allowList: ['strimzi_bridge_.*'] },
    }).model!;
    expect(metricsConfigSpec(reporter)).toEqual({
      type: 'strimziMetricsReporter',
      values: { allowList: ['strimzi_bridge_.*'] },
    });
    expect(generatedMetricsConfigMap(reporter, '0.48.0')).toBeUndefined();
    const own = metricsModel({
      component: 'kafka',
      owner: 'c',
      releaseTag: '1.2.0',
      field: 'metrics.kafka',
      options: { configMap: { name: 'mine', key: 'k.yml' } },
    }).model!;
    expect(metricsConfigSpec(own)).toEqual({
      type: 'jmxPrometheusExporter',
      valueFrom: { configMapKeyRef: { name: 'mine', key: 'k.yml' } },
    });
    expect(generatedMetricsConfigMap(own, '1.2.0')).toBeUndefined();
  });

  test('the cluster fact tells other kinds what serves metrics', () => {
    const chart = Testing.chart();
    const c = new KraftCluster(chart, 'c', {
      nodePools,
      cruiseControl: true,
      metrics: { kafka: { type: 'strimziMetricsReporter' }, kafkaExporter: false },
    });
    expect(c.facts.metrics).toEqual({
      kafka: 'strimziMetricsReporter',
      cruiseControl: 'jmxPrometheusExporter',
      kafkaExporter: false,
    });
  });
});

describe('StrimziMonitoring', () => {
  test('objects, names, namespaces and labels by value; dashboards in their own namespace with the datasource', () => {
    // GIVEN a cluster in `kafka` with metrics, monitored with labels, rules off, dashboards into `grafana`
    const chart = Testing.chart();
    (chart as unknown as { namespace: string }).namespace = 'kafka';
    const c = new KraftCluster(chart, 'c', { nodePools, metrics: { kafkaExporter: false }, userOperator: false });
    new StrimziMonitoring(chart, 'm', {
      clusters: [c],
      prometheusRules: false,
      grafanaDashboards: { namespace: 'grafana', datasource: 'Mimir "prod"' },
      labels: { release: 'prom' },
    });
    const objects = Testing.synth(chart) as any[];
    const monitoring = objects.filter((o) => o.kind !== 'Kafka' && o.kind !== 'KafkaNodePool');
    // THEN
    expect(monitoring.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'ConfigMap kafka/c-kafka-metrics',
      'PodMonitor kafka/c-kafka-metrics',
      'PodMonitor kafka/c-entity-operator-metrics',
      'ConfigMap grafana/grafana-dashboard-strimzi-kafka',
      'ConfigMap grafana/grafana-dashboard-strimzi-kraft',
      'ConfigMap grafana/grafana-dashboard-strimzi-operators',
    ]);
    const eo = objects.find((o) => o.metadata.name === 'c-entity-operator-metrics');
    expect(eo.metadata.labels).toEqual({ release: 'prom' });
    // only the Topic Operator runs: its port only (1.2.0 names one per operator)
    expect(eo.spec.podMetricsEndpoints).toEqual([{ path: '/metrics', port: 'healthcheck-to' }]);
    const dashboard = objects.find((o) => o.metadata.name === 'grafana-dashboard-strimzi-kafka');
    expect(dashboard.metadata.labels).toEqual({ grafana_dashboard: '1' });
    expect(dashboard.data['strimzi-kafka.json']).toContain('"Mimir \\"prod\\""');
    expect(JSON.parse(dashboard.data['strimzi-kafka.json']).__inputs).toBeUndefined();
  });

  test('the diagram names the exporters and the PodMonitor that scrapes each', () => {
    const app = Testing.app();
    const chart = Testing.chart();
    void app;
    const c = new KraftCluster(chart, 'c', { nodePools, metrics: true });
    new StrimziMonitoring(chart, 'm', { clusters: [c] });
    const [cluster] = architectureOf(chart, 't').clusters;
    expect(renderMetricsTable(cluster.metrics!)).toBe(
      [
        '| Component | Metrics | Port | Scraped by |',
        '|---|---|---|---|',
        '| entity operator | built in | healthcheck-to, healthcheck-uo | PodMonitor c-entity-operator-metrics |',
        '| brokers and controllers | JMX Prometheus Exporter | tcp-prometheus | PodMonitor c-kafka-metrics |',
        '| Kafka Exporter | built in | tcp-prometheus | PodMonitor c-kafka-metrics |',
        '',
      ].join('\n'),
    );
  });
});

describe('the offline doctor on metrics wiring', () => {
  const objects = (): ManifestObject[] => {
    const chart = Testing.chart();
    (chart as unknown as { namespace: string }).namespace = 'kafka';
    const c = new KraftCluster(chart, 'c', { nodePools, metrics: true });
    new StrimziMonitoring(chart, 'm', { clusters: [c], prometheusRules: false });
    return Testing.synth(chart) as ManifestObject[];
  };
  const lines = (objs: ManifestObject[]) =>
    diagnose(objs, []).findings.map((f) => `${f.where}: ${f.subject}: ${f.message}. Fix: ${f.fix} [${f.check.id}]`);

  test('the library output is wired: no finding', () => {
    expect(lines(objects())).toEqual([]);
  });

  test('a PodMonitor moved to another namespace, a renamed port and a lost ConfigMap are named', () => {
    // GIVEN the output hand-edited three ways
    const edited = objects()
      .filter((o) => !(o.kind === 'ConfigMap' && o.metadata?.name === 'c-kafka-metrics'))
      .map((o): ManifestObject => {
        if (o.metadata?.name === 'c-kafka-metrics' && o.kind === 'PodMonitor') {
          return { ...o, spec: { ...o.spec, namespaceSelector: { matchNames: ['monitoring'] } } };
        }
        if (o.metadata?.name === 'c-entity-operator-metrics') {
          return { ...o, spec: { ...o.spec, podMetricsEndpoints: [{ path: '/metrics', port: 'healthcheck' }] } };
        }
        return o;
      });
    // THEN each break is one line
    expect(lines(edited)).toEqual([
      'PodMonitor kafka/c-kafka-metrics: selector: selects Kafka kafka/c, pool broker; Kafka kafka/c, pool ' +
        'controller; Kafka kafka/c, Kafka Exporter; Kafka kafka/c, entity operator, but not in a namespace it ' +
        "watches. Fix: add the pods' namespace to spec.namespaceSelector.matchNames [doctor-pod-monitor-selects]",
      'PodMonitor kafka/c-entity-operator-metrics: port healthcheck: no selected pod has it (Kafka kafka/c, entity ' +
        'operator: healthcheck-to, healthcheck-uo). Fix: scrape one of healthcheck-to, healthcheck-uo ' +
        '[doctor-pod-monitor-port]',
      'Kafka kafka/c: spec.kafka.metricsConfig: ConfigMap c-kafka-metrics is not in the output. Fix: add the ' +
        'ConfigMap to the output (or create it before applying) [doctor-metrics-config-resolves]',
    ]);
  });
});

describe('a metrics ConfigMap reference from JavaScript', () => {
  test('a name or key that is not a string is one finding each, not a crash', () => {
    const chart = Testing.chart();
    new KraftCluster(chart, 'c', {
      nodePools: { dual: { roles: ['broker', 'controller'], replicas: 3, storage: Storage.ephemeral() } },
      metrics: { kafka: { configMap: { name: ['x'], key: 5 } as any } },
    });
    const found = findProblems(chart).filter((p) => p.rule.id === 'metrics-config-map-name');
    expect(found.map((p) => `${p.field} = ${JSON.stringify(p.value)}`)).toEqual([
      'metrics.kafka.configMap.name = ["x"]',
      'metrics.kafka.configMap.key = 5',
    ]);
  });
});

describe('the entity operator in the diagram without a PodMonitor of the app', () => {
  test.each([
    ['1.0.0', ['healthcheck']],
    ['1.2.0', ['healthcheck-to', 'healthcheck-uo']],
  ])('Strimzi %s: the release own port names', (strimziVersion, ports) => {
    const chart = Testing.chart();
    new KraftCluster(chart, 'c', { strimziVersion, nodePools, metrics: true });
    const [cluster] = architectureOf(chart, 't').clusters;
    expect(cluster.metrics!.exporters.find((e) => e.component === 'entity-operator')!.ports).toEqual(ports);
  });
});
