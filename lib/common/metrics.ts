/**
 * What every resource with a `metricsConfig` shares: the ConfigMap of its JMX Prometheus Exporter
 * config, written beside it with the release's own rules (unless the user names their own ConfigMap).
 * A kind calls `metricsModel` (model/metrics/metrics.ts) for its findings and `metricsConfigSpec` for
 * its spec, and this for the ConfigMap.
 */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { MetricsModel, generatedMetricsConfigMap } from '../model/metrics/metrics';

/** Writes the generated exporter ConfigMap of each model (none for the user's own or the Metrics Reporter). */
export function addMetricsConfigMaps(
  scope: Construct,
  models: readonly (MetricsModel | undefined)[],
  releaseTag: string,
): ApiObject[] {
  return models.flatMap((m) => {
    const cm = generatedMetricsConfigMap(m, releaseTag);
    if (!cm || !m) return [];
    return [
      new ApiObject(scope, `MetricsConfig-${m.component}`, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: cm.name, labels: { app: 'strimzi' } },
        data: cm.data,
      }),
    ];
  });
}
