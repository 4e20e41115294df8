/** Every finding of StrimziMonitoring, as pure functions of plain data. */
import { Finding, collector } from '../core/problem';
import { RULES } from '../rules';
import {
  MonitoredClient,
  MonitoredCluster,
  MonitoredComponents,
  clientPodMonitorFindings,
  podMonitorFindings,
} from '../model/metrics/monitoring';

/** The release the monitoring objects are of, and the findings: one release, a metrics port per cluster. */
export function monitoringFindings(
  releaseTag: string,
  clusters: readonly MonitoredCluster[],
  clients: readonly MonitoredClient[] = [],
): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  clusters.forEach((c, i) => {
    if (c.releaseTag !== releaseTag) {
      flag(RULES.monitoringOneRelease, `clusters[${i}]`, c.name).says(
        `runs Strimzi ${c.releaseTag}, the monitoring objects are of ${releaseTag}. Fix: one StrimziMonitoring ` +
          'per release, or move the clusters to one release',
      );
    }
    out.push(...podMonitorFindings(c, `clusters[${i}]`));
  });
  clients.forEach((c, i) => {
    if (c.releaseTag !== releaseTag) {
      flag(RULES.monitoringOneRelease, `clients[${i}]`, c.name).says(
        `${c.kind} ${c.name} runs Strimzi ${c.releaseTag}, the monitoring objects are of ${releaseTag}. Fix: one ` +
          'StrimziMonitoring per release',
      );
    }
    out.push(...clientPodMonitorFindings(c, `clients[${i}]`));
  });
  return out;
}

/** A monitoring object of the app: its kind, namespace and name, and the construct path that makes it. */
export interface MonitoringObjectName {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  readonly owner: number;
}

/** Two monitoring objects of one kind, namespace and name: a finding for each later one, at its owner. */
export function monitoringNamesFindings(
  objects: readonly MonitoringObjectName[],
  owners: readonly string[],
): { owner: number; finding: Finding }[] {
  const first = new Map<string, MonitoringObjectName>();
  const out: { owner: number; finding: Finding }[] = [];
  for (const o of objects) {
    const k = `${o.kind}/${o.namespace ?? ''}/${o.name}`;
    const taken = first.get(k);
    if (!taken) {
      first.set(k, o);
      continue;
    }
    const where = o.namespace ? `namespace ${o.namespace}` : 'the default namespace';
    const field =
      o.kind === 'PrometheusRule'
        ? 'prometheusRules'
        : o.kind === 'ConfigMap'
          ? 'grafanaDashboards'
          : o.name === 'strimzi-cluster-operator-metrics'
            ? 'operatorNamespace'
            : /-(connect|mirror-maker-2|bridge)-metrics$/.test(o.name)
              ? 'clients'
              : 'clusters';
    collector((finding) => out.push({ owner: o.owner, finding }))(RULES.monitoringNamesUnique, field, o.name).says(
      `${owners[taken.owner]} writes ${o.kind} ${o.name} in ${where} too; one would overwrite the other. Fix: ` +
        'one StrimziMonitoring per namespace for the alert rules and dashboards, and each cluster in one of them',
    );
  }
  return out;
}

/** What the alert rules and dashboards cover: the components of the clusters and the operator. */
export function monitoredComponents(
  clusters: readonly MonitoredCluster[],
  operator: boolean,
  clients: readonly MonitoredClient[] = [],
): MonitoredComponents {
  const of = (kind: MonitoredClient['kind']) => clients.filter((c) => c.kind === kind && c.metrics);
  const reporter = (kind: MonitoredClient['kind']) =>
    of(kind).length > 0 && of(kind).every((c) => c.metrics === 'strimziMetricsReporter');
  return {
    connect: of('KafkaConnect').length > 0,
    connectReporter: reporter('KafkaConnect'),
    mirrorMaker2: of('KafkaMirrorMaker2').length > 0,
    mirrorMaker2Reporter: reporter('KafkaMirrorMaker2'),
    bridge: of('KafkaBridge').length > 0,
    bridgeReporter: reporter('KafkaBridge'),
    kafka: clusters.length > 0,
    kafkaReporter: clusters.length > 0 && clusters.every((c) => c.metrics?.kafka === 'strimziMetricsReporter'),
    cruiseControl: clusters.some((c) => c.metrics?.cruiseControl !== undefined),
    kafkaExporter: clusters.some((c) => c.metrics?.kafkaExporter),
    entityOperator: clusters.some((c) => c.topicOperator || c.userOperator),
    clusterOperator: operator,
  };
}
