/**
 * Metrics of a Kafka cluster: brokers and controllers, Cruise Control and Kafka Exporter, as plain
 * data computed once from `KraftClusterProps.metrics` (the entity operator and the cluster operator
 * always serve metrics; monitoring them is a PodMonitor, see `monitoring.ts`).
 */
import { Finding, collector } from '../../core/problem';
import { RULES } from '../../rules';
import { ResourceRequirements } from '../pod';
import { MetricsModel, MetricsOptions, MetricsType, metricsModel } from './metrics';

/** Kafka Exporter (consumer group lag, topic offsets), a Deployment the operator runs beside the cluster. */
export interface KafkaExporterOptions {
  /**
   * Regex (RE2) of the topics to export.
   * @default '.*'
   * @maxLength 1000
   * @checkedBy kafka-exporter-regex
   */
  readonly topicRegex?: string;
  /**
   * Regex (RE2) of the consumer groups to export.
   * @default '.*'
   * @maxLength 1000
   * @checkedBy kafka-exporter-regex
   */
  readonly groupRegex?: string;
  /**
   * Regex (RE2) of topics not to export.
   * @default - none
   * @maxLength 1000
   * @checkedBy kafka-exporter-regex
   */
  readonly topicExcludeRegex?: string;
  /**
   * Regex (RE2) of consumer groups not to export.
   * @default - none
   * @maxLength 1000
   * @checkedBy kafka-exporter-regex
   */
  readonly groupExcludeRegex?: string;
  /**
   * Export the offsets of every partition, also of groups without a committed offset.
   * @default - Kafka Exporter's (false)
   */
  readonly showAllOffsets?: boolean;
  /**
   * CPU and memory of the exporter container.
   * @default - none
   */
  readonly resources?: ResourceRequirements;
}

/** What metrics a cluster serves. */
export interface ClusterMetricsOptions {
  /**
   * Brokers and controllers.
   * @default true
   */
  readonly kafka?: MetricsOptions;
  /**
   * Cruise Control (JMX Prometheus Exporter only); needs `cruiseControl`.
   * @default - true when Cruise Control is deployed
   */
  readonly cruiseControl?: MetricsOptions;
  /**
   * Kafka Exporter: consumer lag and topic offsets.
   * @default true (every topic and group)
   */
  readonly kafkaExporter?: boolean | KafkaExporterOptions;
}

/** The metrics of a cluster, computed once. */
export interface ClusterMetricsModel {
  readonly kafka?: MetricsModel;
  readonly cruiseControl?: MetricsModel;
  readonly kafkaExporter?: Omit<KafkaExporterOptions, 'resources'> & { readonly resources?: ResourceRequirements };
}

/** What other resources may know of a cluster's metrics (`ClusterFacts.metrics`). */
export interface ClusterMetricsFact {
  /** How brokers and controllers serve metrics; undefined: they do not. */
  readonly kafka?: MetricsType;
  /** How Cruise Control serves metrics; undefined: it does not (or is not deployed). */
  readonly cruiseControl?: MetricsType;
  /** Whether Kafka Exporter runs. */
  readonly kafkaExporter: boolean;
}

const REGEX_FIELDS = ['topicRegex', 'groupRegex', 'topicExcludeRegex', 'groupExcludeRegex'] as const;

/** The RE2 syntax error of a regex, or undefined when Go's `regexp` accepts it. */
function re2Error(regex: string): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RE2JS } = require('@bufbuild/re2') as typeof import('@bufbuild/re2');
  try {
    new RE2JS(regex);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

function kafkaExporterOf(options: boolean | KafkaExporterOptions | undefined, flag: ReturnType<typeof collector>) {
  if (options === false) return undefined;
  const o: KafkaExporterOptions = options === true || options === undefined ? {} : options;
  for (const f of REGEX_FIELDS) {
    const regex = o[f];
    const error = regex === undefined ? undefined : re2Error(regex);
    if (error !== undefined) {
      flag(RULES.kafkaExporterRegex, `metrics.kafkaExporter.${f}`, regex).says(
        `${error}; Kafka Exporter would not start. Fix: write an RE2 regex (no lookaround, no backreferences)`,
      );
    }
  }
  return { ...o, topicRegex: o.topicRegex ?? '.*', groupRegex: o.groupRegex ?? '.*' };
}

/** What a cluster's metrics are computed from. */
export interface ClusterMetricsInput {
  readonly clusterName: string;
  readonly releaseTag: string;
  readonly cruiseControl: boolean;
  readonly options: boolean | ClusterMetricsOptions | undefined;
}

/** The metrics of a cluster (undefined when `metrics` is not given) and the findings about them. */
export function clusterMetrics(input: ClusterMetricsInput): { model?: ClusterMetricsModel; findings: Finding[] } {
  const findings: Finding[] = [];
  if (input.options === undefined || input.options === false) return { findings };
  const o: ClusterMetricsOptions = input.options === true ? {} : input.options;
  const flag = collector(findings);
  if (o.cruiseControl !== undefined && o.cruiseControl !== false && !input.cruiseControl) {
    flag(RULES.cruiseControlMetrics, 'metrics.cruiseControl', o.cruiseControl).says(
      'Cruise Control is not deployed, so nothing would serve these metrics. Fix: set cruiseControl, or remove ' +
        'metrics.cruiseControl',
    );
  }
  const of = (component: 'kafka' | 'cruise-control', options: MetricsOptions | undefined, field: string) => {
    const r = metricsModel({ component, owner: input.clusterName, releaseTag: input.releaseTag, field, options });
    findings.push(...r.findings);
    return r.model;
  };
  const model: ClusterMetricsModel = {
    kafka: of('kafka', o.kafka ?? true, 'metrics.kafka'),
    cruiseControl: input.cruiseControl
      ? of('cruise-control', o.cruiseControl ?? true, 'metrics.cruiseControl')
      : undefined,
    kafkaExporter: kafkaExporterOf(o.kafkaExporter, flag),
  };
  return { model, findings };
}

/** The metrics fact of a cluster of this app. */
export function clusterMetricsFact(m: ClusterMetricsModel | undefined): ClusterMetricsFact {
  return { kafka: m?.kafka?.type, cruiseControl: m?.cruiseControl?.type, kafkaExporter: !!m?.kafkaExporter };
}
