import { ApiObject, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { KraftCluster, KraftClusterProps, Storage, StrimziMonitoring } from '../../lib';
import type { RuleCase } from './rule-cases';

// Bad inputs for the metrics and monitoring rules of issue 19 (test/rules.test.ts runs them against METRICS_EXPECTED).

const storage = Storage.persistentClaim({ size: '10Gi' });
const pools = {
  broker: { roles: ['broker' as const], replicas: 3, storage },
  controller: { roles: ['controller' as const], replicas: 3, storage },
};

/** A chart with one cluster of valid defaults plus `props`; `then` adds to the chart. */
function cluster(props: KraftClusterProps, then?: (chart: IConstruct, c: KraftCluster) => void): IConstruct {
  const chart = Testing.chart();
  const c = new KraftCluster(chart, 'c', { nodePools: pools, ...props });
  then?.(chart, c);
  return chart;
}

const own = (name: string, key: string) => ({ metrics: { kafka: { configMap: { name, key } } } });

export const METRICS_RULE_CASES: RuleCase[] = [
  {
    rule: 'metricsType',
    name: 'the Metrics Reporter on brokers of 0.46.0',
    build: () => cluster({ strimziVersion: '0.46.0', metrics: { kafka: { type: 'strimziMetricsReporter' } } }),
  },
  {
    rule: 'metricsType',
    name: 'the Metrics Reporter on Cruise Control',
    build: () => cluster({ cruiseControl: true, metrics: { cruiseControl: { type: 'strimziMetricsReporter' } } }),
  },
  {
    rule: 'metricsOptions',
    name: 'a ConfigMap for the Metrics Reporter, an allowList for the JMX exporter',
    build: () =>
      cluster({
        cruiseControl: true,
        metrics: {
          kafka: { type: 'strimziMetricsReporter', configMap: { name: 'm', key: 'k' } },
          cruiseControl: { allowList: ['kafka_.*'] },
        },
      }),
  },
  {
    rule: 'metricsOptions',
    name: 'an empty allowList',
    build: () => cluster({ metrics: { kafka: { type: 'strimziMetricsReporter', allowList: [] } } }),
  },
  {
    rule: 'metricsConfigMapName',
    name: 'a ConfigMap name and key Kubernetes refuses',
    build: () => cluster(own('My_Metrics', 'config/yml')),
  },
  {
    rule: 'metricsConfigMapKey',
    name: 'the app writes the ConfigMap without the key',
    build: () =>
      cluster(own('my-metrics', 'kafka.yml'), (chart) => {
        new ApiObject(chart, 'cm', {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'my-metrics' },
          data: { 'other.yml': 'rules: []' },
        });
      }),
  },
  {
    rule: 'metricsConfigMapMissing',
    name: 'a ConfigMap this app does not write',
    build: () => cluster(own('made-elsewhere', 'kafka.yml')),
  },
  {
    rule: 'cruiseControlMetrics',
    name: 'Cruise Control metrics without Cruise Control',
    build: () => cluster({ metrics: { cruiseControl: true } }),
  },
  {
    rule: 'kafkaExporterRegex',
    name: 'a lookahead and a backreference (Perl, not RE2)',
    build: () => cluster({ metrics: { kafkaExporter: { topicRegex: '(?!__).*', groupExcludeRegex: '(a)\\1' } } }),
  },
  {
    rule: 'podMonitorPort',
    name: 'a cluster without metrics monitored',
    build: () =>
      cluster({ metrics: { kafka: false, kafkaExporter: false } }, (chart, c) => {
        new StrimziMonitoring(chart, 'monitoring', { clusters: [c] });
      }),
  },
  {
    rule: 'monitoringNamesUnique',
    name: 'two monitorings of one cluster in one namespace',
    build: () =>
      cluster({ metrics: { kafkaExporter: false } }, (chart, c) => {
        new StrimziMonitoring(chart, 'one', { clusters: [c] });
        new StrimziMonitoring(chart, 'two', { clusters: [c], prometheusRules: false });
      }),
  },
  {
    rule: 'monitoringOneRelease',
    name: 'clusters of 1.2.0 and 0.46.0 in one monitoring',
    build: () =>
      cluster({ metrics: true }, (chart, c) => {
        const old = new KraftCluster(chart, 'old', { strimziVersion: '0.46.0', nodePools: pools, metrics: true });
        new StrimziMonitoring(chart, 'monitoring', { clusters: [c, old] });
      }),
  },
];

export const METRICS_EXPECTED: Record<string, string[]> = {
  'metricsType | the Metrics Reporter on brokers of 0.46.0': [
    '[test/c] metrics.kafka.type = "strimziMetricsReporter": Strimzi 0.46.0 does not accept this type for kafka (it accepts: jmxPrometheusExporter). Fix: use jmxPrometheusExporter, or a release that serves strimziMetricsReporter [metrics-type]',
  ],
  'metricsType | the Metrics Reporter on Cruise Control': [
    '[test/c] metrics.cruiseControl.type = "strimziMetricsReporter": Strimzi 1.2.0 does not accept this type for cruise-control (it accepts: jmxPrometheusExporter). Fix: use jmxPrometheusExporter, or a release that serves strimziMetricsReporter [metrics-type]',
  ],
  'metricsOptions | a ConfigMap for the Metrics Reporter, an allowList for the JMX exporter': [
    '[test/c] metrics.kafka.configMap = {"name":"m","key":"k"}: the Strimzi Metrics Reporter has no exporter config; the ConfigMap would be ignored. Fix: remove configMap, or use type \'jmxPrometheusExporter\' [metrics-options]',
    "[test/c] metrics.cruiseControl.allowList = [\"kafka_.*\"]: allowList is the Strimzi Metrics Reporter's; the JMX Prometheus Exporter filters with its rules. Fix: remove allowList, or use type 'strimziMetricsReporter' [metrics-options]",
  ],
  'metricsOptions | an empty allowList': [
    '[test/c] metrics.kafka.allowList = []: an empty allowList exposes no metric. Fix: list at least one regex, or leave allowList out [metrics-options]',
  ],
  'metricsConfigMapName | a ConfigMap name and key Kubernetes refuses': [
    '[test/c] metrics.kafka.configMap.name = "My_Metrics": not a ConfigMap name (a DNS subdomain: lower-case letters, digits, - and .). Fix: name an existing ConfigMap [metrics-config-map-name]',
    '[test/c] metrics.kafka.configMap.key = "config/yml": not a ConfigMap key (letters, digits, -, _ and .). Fix: name the key that holds the exporter config [metrics-config-map-name]',
  ],
  'metricsConfigMapKey | the app writes the ConfigMap without the key': [
    '[test/c] metrics.kafka.configMap.key = "kafka.yml": ConfigMap my-metrics has no key kafka.yml (it has: other.yml). Fix: name one of its keys, or add this key to it [metrics-config-map-key]',
  ],
  'metricsConfigMapMissing | a ConfigMap this app does not write': [
    '[test/c] warning: metrics.kafka.configMap.name = "made-elsewhere": this app writes no ConfigMap made-elsewhere in the default namespace; the operator fails the reconcile unless it exists there before. Fix: add the ConfigMap to the app, or leave configMap out for the generated one [metrics-config-map-missing]',
  ],
  'cruiseControlMetrics | Cruise Control metrics without Cruise Control': [
    '[test/c] metrics.cruiseControl = true: Cruise Control is not deployed, so nothing would serve these metrics. Fix: set cruiseControl, or remove metrics.cruiseControl [cruise-control-metrics]',
  ],
  'kafkaExporterRegex | a lookahead and a backreference (Perl, not RE2)': [
    '[test/c] metrics.kafkaExporter.topicRegex = "(?!__).*": error parsing regexp: invalid or unsupported Perl syntax: `(?!`; Kafka Exporter would not start. Fix: write an RE2 regex (no lookaround, no backreferences) [kafka-exporter-regex]',
    '[test/c] metrics.kafkaExporter.groupExcludeRegex = "(a)\\\\1": error parsing regexp: invalid escape sequence: `\\1`; Kafka Exporter would not start. Fix: write an RE2 regex (no lookaround, no backreferences) [kafka-exporter-regex]',
  ],
  'podMonitorPort | a cluster without metrics monitored': [
    '[test/monitoring] clusters[0] = "c": no pod of cluster c serves the tcp-prometheus port (its metrics are off), so its PodMonitor would find no target. Fix: set metrics: true on the cluster, or leave it out of the monitoring [pod-monitor-port]',
  ],
  'monitoringNamesUnique | two monitorings of one cluster in one namespace': [
    '[test/two] clusters = "c-kafka-metrics": test/one writes PodMonitor c-kafka-metrics in the default namespace too; one would overwrite the other. Fix: one StrimziMonitoring per namespace for the alert rules and dashboards, and each cluster in one of them [monitoring-names-unique]',
    '[test/two] clusters = "c-entity-operator-metrics": test/one writes PodMonitor c-entity-operator-metrics in the default namespace too; one would overwrite the other. Fix: one StrimziMonitoring per namespace for the alert rules and dashboards, and each cluster in one of them [monitoring-names-unique]',
  ],
  'monitoringOneRelease | clusters of 1.2.0 and 0.46.0 in one monitoring': [
    '[test/monitoring] clusters[1] = "old": runs Strimzi 0.46.0, the monitoring objects are of 1.2.0. Fix: one StrimziMonitoring per release, or move the clusters to one release [monitoring-one-release]',
  ],
};
