/**
 * The rules of metrics (every component's `metricsConfig`, Kafka Exporter) and of the monitoring
 * objects (PodMonitors, PrometheusRules, Grafana dashboards), collected into the catalogue (lib/rules.ts).
 */
import { APISERVER, OPERATOR, SILENT, rule } from '../core/rules';

/** The metrics and monitoring rules, by a short key used in the code. */
export const MONITORING_RULES = {
  metricsType: rule(
    'metrics-type',
    'Metrics and monitoring',
    'error',
    "The component's `metricsConfig.type` is one its CRD accepts in the release (`strimziMetricsReporter`: " +
      'Kafka from 0.47.0, Connect, MirrorMaker 2 and Bridge from 0.48.0, never Cruise Control: the CRD enums ' +
      'and CEL rules)',
    APISERVER,
  ),
  metricsOptions: rule(
    'metrics-options',
    'Metrics and monitoring',
    'error',
    'A `configMap` goes with the JMX Prometheus Exporter and an `allowList` with the Strimzi Metrics Reporter ' +
      '(the other type ignores it); an allowList has at least one entry (its CRD description)',
    SILENT,
  ),
  metricsConfigMapName: rule(
    'metrics-config-map-name',
    'Metrics and monitoring',
    'error',
    "A user's exporter ConfigMap is a DNS subdomain and its key a ConfigMap key (`[-._a-zA-Z0-9]+`, Kubernetes)",
    OPERATOR,
  ),
  metricsConfigMapKey: rule(
    'metrics-config-map-key',
    'Metrics and monitoring',
    'error',
    'A `metricsConfig` ConfigMap that this app writes holds the key it names (else the operator fails the ' +
      'reconcile: the exporter config cannot be read)',
    OPERATOR,
  ),
  metricsConfigMapMissing: rule(
    'metrics-config-map-missing',
    'Metrics and monitoring',
    'warning',
    'A `metricsConfig` ConfigMap is written by this app, in the namespace of the resource (else it must exist ' +
      'in the Kubernetes cluster before the resource, or the operator fails the reconcile)',
    OPERATOR,
  ),
  cruiseControlMetrics: rule(
    'cruise-control-metrics',
    'Metrics and monitoring',
    'error',
    'Cruise Control metrics need Cruise Control (`cruiseControl`)',
    SILENT,
  ),
  kafkaExporterRegex: rule(
    'kafka-exporter-regex',
    'Metrics and monitoring',
    'error',
    "Kafka Exporter's topic and group regexes are RE2 syntax (Kafka Exporter is Go: `regexp.MustCompile`)",
    'nobody until the Kafka Exporter pod crash-loops',
  ),
  podMonitorPort: rule(
    'pod-monitor-port',
    'Metrics and monitoring',
    'error',
    'A PodMonitor scrapes a port that pods of what it monitors have (a cluster with metrics, a Kafka ' +
      'Exporter, an entity operator)',
    'nobody: Prometheus finds no target',
  ),
  monitoringNamesUnique: rule(
    'monitoring-names-unique',
    'Metrics and monitoring',
    'error',
    'No two monitoring objects of the app share a kind, namespace and name (two StrimziMonitoring of one ' +
      'cluster, or with alert rules, in one namespace)',
    'kubectl apply: the second overwrites the first',
  ),
  monitoringOneRelease: rule(
    'monitoring-one-release',
    'Metrics and monitoring',
    'error',
    'The clusters and the operator of one StrimziMonitoring share a Strimzi release (its alert rules and ' +
      "dashboards are that release's)",
    "nobody: alerts and dashboards that do not fit the other release's metrics",
  ),
};
