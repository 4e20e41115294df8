import { App, Chart, Testing } from 'cdk8s';
import {
  KafkaBridge,
  KafkaConnect,
  KafkaMirrorMaker2,
  KraftCluster,
  KraftClusterProps,
  STRIMZI_RELEASES,
  StrimziMonitoring,
  findProblems,
  formatProblem,
} from '../lib';
import { renderClientMetricsTable, renderClusterDiagram } from '../lib/diagram/architecture';
import { architectureOf } from '../lib/diagram/write';
import { diagnose } from '../lib/doctor';
import { upstreamExporterConfig } from '../lib/model/metrics/metrics';
import { validateManifests } from '../lib/tools';
import { pools } from './support/rule-cases';

// Metrics of KafkaConnect, KafkaMirrorMaker2 and KafkaBridge (issue 19, item 4) and their PodMonitors.

const objectsOf = (app: App) => app.charts.flatMap((c) => c.toJson()) as any[];

/** A cluster, a Connect, a MirrorMaker 2 and a Bridge in namespace kafka, each with `metrics`. */
function clients(props: Partial<KraftClusterProps>, metrics: any, monitoring = false) {
  const app = Testing.app();
  const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
  const cluster = new KraftCluster(chart, 'events', { nodePools: pools, ...props });
  const connect = new KafkaConnect(chart, 'sink', { cluster, metrics });
  const mm2 = new KafkaMirrorMaker2(chart, 'mirror', {
    target: { cluster },
    externalSources: [{ alias: 'old', bootstrapServers: 'old-kafka:9092' }],
    metrics,
  });
  const bridge = new KafkaBridge(chart, 'http', { cluster, metrics });
  if (monitoring) new StrimziMonitoring(chart, 'monitoring', { clients: [connect, mm2, bridge] });
  return { app, objects: () => objectsOf(app) };
}

const kindOf = (objects: any[], kind: string) => objects.find((o) => o.kind === kind);
const configMap = (objects: any[], name: string) =>
  objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name);

describe('metrics of KafkaConnect, KafkaMirrorMaker2 and KafkaBridge', () => {
  test('metrics: true on 1.2.0: the JMX exporter with a generated ConfigMap of the release rules each', () => {
    // GIVEN the three clients with metrics: true on Strimzi 1.2.0
    const { app, objects } = clients({ strimziVersion: '1.2.0' }, true);
    // WHEN synthesized
    expect(findProblems(app).map(formatProblem)).toEqual([]);
    const o = objects();
    // THEN each spec points at its generated ConfigMap, which holds the release's upstream text
    const ref = (name: string) => ({
      type: 'jmxPrometheusExporter',
      valueFrom: { configMapKeyRef: { name, key: 'metrics-config.yml' } },
    });
    expect(kindOf(o, 'KafkaConnect').spec.metricsConfig).toEqual(ref('sink-connect-metrics'));
    expect(kindOf(o, 'KafkaMirrorMaker2').spec.metricsConfig).toEqual(ref('mirror-mirror-maker-2-metrics'));
    expect(kindOf(o, 'KafkaBridge').spec.metricsConfig).toEqual(ref('http-bridge-metrics'));
    expect(configMap(o, 'sink-connect-metrics').data).toEqual({
      'metrics-config.yml': upstreamExporterConfig('1.2.0', 'connect')!.text,
    });
    expect(configMap(o, 'http-bridge-metrics').data['metrics-config.yml']).toContain('strimzi_bridge_kafka_producer');
    expect(kindOf(o, 'KafkaBridge').spec.enableMetrics).toBeUndefined();
  });

  test('the Bridge before 0.48.0: enableMetrics, no ConfigMap; from 0.48.0: metricsConfig', () => {
    // GIVEN a bridge with metrics: true on 0.47.0 and on 0.48.0
    const old = clients({ strimziVersion: '0.47.0' }, true);
    const now = clients({ strimziVersion: '0.48.0' }, true);
    // WHEN synthesized THEN 0.47.0 renders enableMetrics and no bridge ConfigMap; 0.48.0 the metricsConfig
    expect(findProblems(old.app).map(formatProblem)).toEqual([]);
    const bridge = kindOf(old.objects(), 'KafkaBridge').spec;
    expect([bridge.enableMetrics, bridge.metricsConfig, configMap(old.objects(), 'http-bridge-metrics')]).toEqual([
      true,
      undefined,
      undefined,
    ]);
    const newer = kindOf(now.objects(), 'KafkaBridge').spec;
    expect([newer.enableMetrics, newer.metricsConfig.type]).toEqual([undefined, 'jmxPrometheusExporter']);
  });

  test('the Strimzi Metrics Reporter from 0.48.0 with an allowList; no ConfigMap', () => {
    // GIVEN the three clients with the Metrics Reporter on 0.49.0
    const { app, objects } = clients(
      { strimziVersion: '0.49.0' },
      { type: 'strimziMetricsReporter', allowList: ['kafka_connect.*'] },
    );
    // WHEN synthesized THEN each has the reporter and its allowList, and no exporter ConfigMap is written
    expect(findProblems(app).map(formatProblem)).toEqual([]);
    const o = objects();
    const reporter = { type: 'strimziMetricsReporter', values: { allowList: ['kafka_connect.*'] } };
    for (const kind of ['KafkaConnect', 'KafkaMirrorMaker2', 'KafkaBridge']) {
      expect(kindOf(o, kind).spec.metricsConfig).toEqual(reporter);
    }
    expect(o.filter((x) => x.kind === 'ConfigMap').map((x) => x.metadata.name)).toEqual([]);
  });

  test('StrimziMonitoring: a PodMonitor per client with the release ports; rules and dashboards of the kinds', () => {
    // GIVEN the three clients with metrics on 1.2.0 and on 0.46.0, in a StrimziMonitoring
    const podMonitors = (tag: string) => {
      const { app, objects } = clients({ strimziVersion: tag }, true, true);
      expect(findProblems(app).map(formatProblem)).toEqual([]);
      return objects().filter((o) => o.kind === 'PodMonitor');
    };
    // WHEN synthesized
    const now = podMonitors('1.2.0');
    const old = podMonitors('0.46.0');
    // THEN each selects its pods in its namespace, on the port of the release's upstream PodMonitor
    const summary = (pms: any[]) =>
      pms.map((pm) => [
        pm.metadata.name,
        pm.metadata.namespace,
        pm.spec.selector.matchLabels,
        pm.spec.namespaceSelector.matchNames,
        pm.spec.podMetricsEndpoints.map((e: any) => e.port),
      ]);
    expect(summary(now)).toEqual([
      [
        'sink-connect-metrics',
        'kafka',
        { 'strimzi.io/cluster': 'sink', 'strimzi.io/kind': 'KafkaConnect' },
        ['kafka'],
        ['tcp-prometheus'],
      ],
      [
        'mirror-mirror-maker-2-metrics',
        'kafka',
        { 'strimzi.io/cluster': 'mirror', 'strimzi.io/kind': 'KafkaMirrorMaker2' },
        ['kafka'],
        ['tcp-prometheus'],
      ],
      [
        'http-bridge-metrics',
        'kafka',
        { 'strimzi.io/cluster': 'http', 'strimzi.io/kind': 'KafkaBridge' },
        ['kafka'],
        ['rest-api-mgmt'],
      ],
    ]);
    expect(summary(old).map((s) => s[4])).toEqual([['tcp-prometheus'], ['tcp-prometheus'], ['rest-api']]);
  });

  test('StrimziMonitoring names the alert rules and dashboards of the monitored kinds', () => {
    // GIVEN the three clients with metrics on 1.2.0 in a StrimziMonitoring with dashboards
    const app = Testing.app();
    const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
    const cluster = new KraftCluster(chart, 'events', { nodePools: pools, strimziVersion: '1.2.0' });
    const connect = new KafkaConnect(chart, 'sink', { cluster, metrics: { type: 'strimziMetricsReporter' } });
    const bridge = new KafkaBridge(chart, 'http', { cluster, metrics: true });
    new StrimziMonitoring(chart, 'm', { clients: [connect, bridge], grafanaDashboards: true });
    // WHEN synthesized
    const o = objectsOf(app);
    // THEN the rules of Connect and the Bridge, and their dashboards (Connect's Metrics Reporter variant)
    expect(o.filter((x) => x.kind === 'PrometheusRule').map((x) => x.metadata.name)).toEqual([
      'strimzi-bridge-rules',
      'strimzi-connect-rules',
    ]);
    const dashboards = o.filter((x) => x.kind === 'ConfigMap' && x.metadata.labels?.grafana_dashboard);
    expect(dashboards.map((x) => Object.keys(x.data)[0])).toEqual([
      'strimzi-kafka-bridge.json',
      'strimzi-kafka-connect.json',
    ]);
  });
});

describe('StrimziMonitoring.clients from JavaScript', () => {
  test('a cluster or a string among the clients is one finding each, no crash', () => {
    // GIVEN a monitoring whose clients are a cluster and a string (a JavaScript caller)
    const app = Testing.app();
    const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
    const cluster = new KraftCluster(chart, 'events', { nodePools: pools });
    new StrimziMonitoring(chart, 'm', { clients: [cluster, 'sink'] as never });
    // WHEN checked THEN each is named, and nothing else
    expect(findProblems(app).map((p) => `${p.field}: ${p.rule.id}`)).toEqual([
      'clients[0]: prop-type',
      'clients[1]: prop-type',
    ]);
  });
});

describe('the diagram of the clients with metrics', () => {
  test('each client with metrics shows how, on which port, and the PodMonitor that scrapes it', () => {
    // GIVEN the three clients with metrics on 1.2.0 in a StrimziMonitoring, and a Connect without metrics
    const app = Testing.app();
    const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
    const cluster = new KraftCluster(chart, 'events', { nodePools: pools, strimziVersion: '1.2.0' });
    const sink = new KafkaConnect(chart, 'sink', { cluster, metrics: { type: 'strimziMetricsReporter' } });
    new KafkaBridge(chart, 'http', { cluster, metrics: true });
    new KafkaConnect(chart, 'quiet', { cluster, groupId: 'quiet-g' });
    new StrimziMonitoring(chart, 'm', { clients: [sink] });
    // WHEN the architecture is drawn
    const [c] = architectureOf(chart, 't').clusters;
    // THEN the table names each client with metrics; only the monitored one is scraped
    expect(renderClientMetricsTable(c)).toBe(
      [
        '| Client | Namespace | Metrics | Port | Scraped by |',
        '|---|---|---|---|---|',
        '| KafkaBridge http | kafka | JMX Prometheus Exporter | rest-api-mgmt | none |',
        '| KafkaConnect sink | kafka | Strimzi Metrics Reporter | tcp-prometheus | PodMonitor sink-connect-metrics |',
        '',
      ].join('\n'),
    );
    // and the flowchart has Prometheus scraping the Connect through its PodMonitor
    const diagram = renderClusterDiagram(c);
    expect(diagram.split('\n').filter((l) => l.includes('prometheus'))).toEqual([
      '  client_2(["KafkaConnect kafka/sink<br/>Strimzi Metrics Reporter :tcp-prometheus"])',
      '  prometheus(["Prometheus (prometheus-operator)"])',
      '  prometheus -.->|"PodMonitor sink-connect-metrics :tcp-prometheus"| client_2',
    ]);
  });
});

describe('the offline doctor on the clients with metrics', () => {
  const lines = (objs: any[]) =>
    diagnose(objs, [])
      // the metrics checks (the MirrorMaker's external source is not in the output: another check names it)
      .findings.filter((f) => /^doctor-(pod-monitor|metrics-config)/.test(f.check.id))
      .map((f) => `${f.where}: ${f.subject}: ${f.message}. Fix: ${f.fix} [${f.check.id}]`);

  test('the library output is wired, on 0.47.0 (enableMetrics) and 1.2.0; a Bridge without metrics is named', () => {
    // GIVEN the three clients with metrics and their PodMonitors, on 0.47.0 and 1.2.0
    const now = clients({ strimziVersion: '1.2.0' }, true, true).objects();
    const old = clients({ strimziVersion: '0.47.0' }, true, true).objects();
    // WHEN the doctor reads them THEN no finding
    expect([lines(now), lines(old)]).toEqual([[], []]);
    // GIVEN the 1.2.0 output with the Bridge's metricsConfig removed by hand
    const edited = now.map((o) =>
      o.kind === 'KafkaBridge' ? { ...o, spec: { ...o.spec, metricsConfig: undefined } } : o,
    );
    // THEN its PodMonitor's port is named
    expect(lines(edited)).toEqual([
      'PodMonitor kafka/http-bridge-metrics: port rest-api-mgmt: no selected pod has it (KafkaBridge kafka/http: ' +
        'none). Fix: turn on the metrics of what it selects [doctor-pod-monitor-port]',
    ]);
  });
});

describe('strict validity of the clients with metrics on every release that serves them', () => {
  const cases = STRIMZI_RELEASES.flatMap((r) => r.apiVersions.map((api) => [r.tag, api] as const));
  test.each(cases)('Strimzi %s, %s', (tag, apiVersion) => {
    // GIVEN the three clients with metrics: true (and the Metrics Reporter where served) and their monitoring
    const reporter =
      STRIMZI_RELEASES.findIndex((r) => r.tag === tag) >= STRIMZI_RELEASES.findIndex((r) => r.tag === '0.48.0');
    const metrics = reporter ? { type: 'strimziMetricsReporter' as const } : true;
    for (const m of [true, metrics]) {
      const { app, objects } = clients({ strimziVersion: tag, apiVersion }, m, true);
      // WHEN synthesized THEN no finding and every object valid for the release
      expect(findProblems(app).map(formatProblem)).toEqual([]);
      expect(validateManifests(objects(), { strimziVersion: tag }).errors).toEqual([]);
    }
  });
});
