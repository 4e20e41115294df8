/** Every finding of StrimziMonitoring, as pure functions of plain data. */
import { Finding, collector } from '../core/problem';
import { RULES } from '../rules';
import { MonitoredCluster, MonitoredComponents, podMonitorFindings } from '../model/metrics/monitoring';

/** The release the monitoring objects are of, and the findings: one release, a metrics port per cluster. */
export function monitoringFindings(releaseTag: string, clusters: readonly MonitoredCluster[]): Finding[] {
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
  return out;
}

/** What the alert rules and dashboards cover: the components of the clusters and the operator. */
export function monitoredComponents(clusters: readonly MonitoredCluster[], operator: boolean): MonitoredComponents {
  return {
    kafka: clusters.length > 0,
    kafkaReporter: clusters.length > 0 && clusters.every((c) => c.metrics?.kafka === 'strimziMetricsReporter'),
    cruiseControl: clusters.some((c) => c.metrics?.cruiseControl !== undefined),
    kafkaExporter: clusters.some((c) => c.metrics?.kafkaExporter),
    entityOperator: clusters.some((c) => c.topicOperator || c.userOperator),
    clusterOperator: operator,
  };
}
