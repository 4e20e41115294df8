/**
 * The metrics of a cluster in its `Kafka` spec: `kafka.metricsConfig`, `cruiseControl.metricsConfig`
 * and `kafkaExporter`, from the cluster's metrics model.
 */
import { sortedRecord } from '../../core/syntax';
import { ClusterMetricsModel } from '../../model/metrics/cluster-metrics';
import { metricsConfigSpec } from '../../model/metrics/metrics';
import { ResourceQuantities } from '../../model/pod';

interface GeneratedQuantity {
  fromString(value: string): unknown;
}

/** Quantities as the generated classes take them (`<Kind>...Resources{Requests,Limits}.fromString`). */
function quantities(q: ResourceQuantities | undefined, kind: () => GeneratedQuantity) {
  if (!q) return undefined;
  const given = Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined);
  return sortedRecord(Object.fromEntries(given.map(([k, v]) => [k, kind().fromString(v)])));
}

/** The spec with the cluster's metrics added; unchanged without metrics. */
export function withMetrics(
  mod: Readonly<Record<string, unknown>>,
  spec: Record<string, any>,
  metrics: ClusterMetricsModel | undefined,
): Record<string, unknown> {
  if (!metrics) return spec;
  const e = metrics.kafkaExporter;
  const q = (name: string) => {
    const kind = mod[`KafkaSpecKafkaExporterResources${name}`] as GeneratedQuantity | undefined;
    if (!kind) throw new Error(`no generated KafkaSpecKafkaExporterResources${name} in this Strimzi API`);
    return kind;
  };
  return {
    ...spec,
    kafka: { ...spec.kafka, metricsConfig: metrics.kafka && metricsConfigSpec(metrics.kafka) },
    cruiseControl: spec.cruiseControl && {
      ...spec.cruiseControl,
      metricsConfig: metrics.cruiseControl && metricsConfigSpec(metrics.cruiseControl),
    },
    kafkaExporter: e && {
      topicRegex: e.topicRegex,
      groupRegex: e.groupRegex,
      topicExcludeRegex: e.topicExcludeRegex,
      groupExcludeRegex: e.groupExcludeRegex,
      showAllOffsets: e.showAllOffsets,
      resources: e.resources && {
        requests: quantities(e.resources.requests, () => q('Requests')),
        limits: quantities(e.resources.limits, () => q('Limits')),
      },
    },
  };
}
