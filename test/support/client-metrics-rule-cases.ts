import { Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { KafkaBridge, KafkaConnect, KraftCluster, Storage, StrimziMonitoring } from '../../lib';
import { MetricsOptions } from '../../lib/model/metrics/metrics';
import type { RuleCase } from './rule-cases';

// Bad inputs for the metrics of KafkaConnect, KafkaMirrorMaker2 and KafkaBridge (issue 19, item 4);
// test/rules.test.ts runs them against CLIENT_METRICS_EXPECTED.

const storage = Storage.persistentClaim({ size: '10Gi' });
const nodePools = {
  broker: { roles: ['broker' as const], replicas: 3, storage },
  controller: { roles: ['controller' as const], replicas: 3, storage },
};

/** A chart with a cluster of `strimziVersion`; `then` adds clients to it. */
function app(strimziVersion: string, then: (chart: IConstruct, c: KraftCluster) => void): IConstruct {
  const chart = Testing.chart();
  then(chart, new KraftCluster(chart, 'c', { strimziVersion, nodePools }));
  return chart;
}

const bridge = (strimziVersion: string, metrics: MetricsOptions) =>
  app(strimziVersion, (chart, cluster) => new KafkaBridge(chart, 'http', { cluster, metrics }));

export const CLIENT_METRICS_RULE_CASES: RuleCase[] = [
  {
    rule: 'metricsType',
    name: 'the Metrics Reporter on a KafkaConnect of 0.47.0',
    build: () =>
      app(
        '0.47.0',
        (chart, cluster) => new KafkaConnect(chart, 'sink', { cluster, metrics: { type: 'strimziMetricsReporter' } }),
      ),
  },
  {
    rule: 'metricsType',
    name: 'a metrics type and ConfigMap on a KafkaBridge of 0.47.0 (enableMetrics only)',
    build: () => bridge('0.47.0', { type: 'jmxPrometheusExporter', configMap: { name: 'm', key: 'k' } }),
  },
  {
    rule: 'podMonitorPort',
    name: 'a KafkaConnect without metrics monitored',
    build: () =>
      app('1.2.0', (chart, cluster) => {
        const connect = new KafkaConnect(chart, 'sink', { cluster });
        new StrimziMonitoring(chart, 'monitoring', { clients: [connect] });
      }),
  },
  {
    rule: 'monitoringOneRelease',
    name: 'a KafkaBridge of 0.46.0 in a monitoring of 1.2.0',
    build: () =>
      app('0.46.0', (chart, cluster) => {
        const http = new KafkaBridge(chart, 'http', { cluster, metrics: true });
        new StrimziMonitoring(chart, 'monitoring', { clients: [http], strimziVersion: '1.2.0' });
      }),
  },
  {
    rule: 'monitoringNamesUnique',
    name: 'two monitorings of one KafkaConnect in one namespace',
    build: () =>
      app('1.2.0', (chart, cluster) => {
        const connect = new KafkaConnect(chart, 'sink', { cluster, metrics: true });
        new StrimziMonitoring(chart, 'one', { clients: [connect], prometheusRules: false });
        new StrimziMonitoring(chart, 'two', { clients: [connect], prometheusRules: false });
      }),
  },
];

export const CLIENT_METRICS_EXPECTED: Record<string, string[]> = {
  'metricsType | the Metrics Reporter on a KafkaConnect of 0.47.0': [
    '[test/sink] metrics.type = "strimziMetricsReporter": Strimzi 0.47.0 does not accept this type for connect (it accepts: jmxPrometheusExporter). Fix: use jmxPrometheusExporter, or a release that serves strimziMetricsReporter [metrics-type]',
  ],
  'metricsType | a metrics type and ConfigMap on a KafkaBridge of 0.47.0 (enableMetrics only)': [
    '[test/http] metrics.type = "jmxPrometheusExporter": Strimzi 0.47.0\'s KafkaBridge has no metricsConfig (it has from 0.48.0), only enableMetrics with the bridge\'s built-in rules. Fix: set metrics: true, or use Strimzi 0.48.0 or later [metrics-type]',
    '[test/http] metrics.configMap = {"name":"m","key":"k"}: Strimzi 0.47.0\'s KafkaBridge has no metricsConfig (it has from 0.48.0), only enableMetrics with the bridge\'s built-in rules. Fix: set metrics: true, or use Strimzi 0.48.0 or later [metrics-type]',
  ],
  'podMonitorPort | a KafkaConnect without metrics monitored': [
    '[test/monitoring] clients[0] = "sink": KafkaConnect sink serves no metrics (its metrics are off), so its PodMonitor would find no target. Fix: set metrics: true on it, or leave it out of the monitoring [pod-monitor-port]',
  ],
  'monitoringOneRelease | a KafkaBridge of 0.46.0 in a monitoring of 1.2.0': [
    '[test/monitoring] clients[0] = "http": KafkaBridge http runs Strimzi 0.46.0, the monitoring objects are of 1.2.0. Fix: one StrimziMonitoring per release [monitoring-one-release]',
  ],
  'monitoringNamesUnique | two monitorings of one KafkaConnect in one namespace': [
    '[test/two] clients = "sink-connect-metrics": test/one writes PodMonitor sink-connect-metrics in the default namespace too; one would overwrite the other. Fix: one StrimziMonitoring per namespace for the alert rules and dashboards, and each cluster in one of them [monitoring-names-unique]',
  ],
};
