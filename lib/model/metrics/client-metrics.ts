/**
 * Metrics of the clients with a `metricsConfig` (KafkaConnect, KafkaMirrorMaker2, KafkaBridge), as
 * plain data: the shared `metricsModel` where the release's CRD serves a `metricsConfig` for the
 * kind, and the Bridge's `enableMetrics: true` (its built-in JMX exporter rules) in the releases
 * before its `metricsConfig` (0.48.0).
 */
import { Finding, collector } from '../../core/problem';
import { RULES } from '../../rules';
import { MetricsComponent, MetricsModel, MetricsOptions, MetricsType, metricsModel, metricsTypesOf } from './metrics';

/** A client kind with metrics. */
export type ClientMetricsKind = 'KafkaConnect' | 'KafkaMirrorMaker2' | 'KafkaBridge';

/** The `metricsConfig` component of each client kind. */
export const CLIENT_METRICS_COMPONENT: Readonly<Record<ClientMetricsKind, MetricsComponent>> = {
  KafkaBridge: 'bridge',
  KafkaConnect: 'connect',
  KafkaMirrorMaker2: 'mirror-maker-2',
};

/** The metrics of one client, computed once. */
export interface ClientMetrics {
  /** The `metricsConfig` (undefined: metrics off, or the Bridge's `enableMetrics`). */
  readonly model?: MetricsModel;
  /** The Bridge before 0.48.0: `enableMetrics: true`. */
  readonly enableMetrics?: boolean;
  readonly findings: Finding[];
}

/** What a client's metrics are computed from. */
export interface ClientMetricsInput {
  readonly kind: ClientMetricsKind;
  /** Name of the resource: prefix of the generated ConfigMap. */
  readonly owner: string;
  readonly releaseTag: string;
  readonly options: MetricsOptions | undefined;
}

/** The Bridge of a release without its `metricsConfig`: `enableMetrics`, and a finding for any detail. */
function enableMetricsOnly(input: ClientMetricsInput): ClientMetrics {
  const findings: Finding[] = [];
  const detail = typeof input.options === 'object' ? input.options : {};
  const set = (['type', 'configMap', 'allowList'] as const).filter((k) => detail[k] !== undefined);
  for (const k of set) {
    collector(findings)(RULES.metricsType, `metrics.${k}`, detail[k]).says(
      `Strimzi ${input.releaseTag}'s KafkaBridge has no metricsConfig (it has from 0.48.0), only enableMetrics ` +
        "with the bridge's built-in rules. Fix: set metrics: true, or use Strimzi 0.48.0 or later",
    );
  }
  return { enableMetrics: true, findings };
}

/** The metrics of a client (nothing when off) and the findings about its options. */
export function clientMetrics(input: ClientMetricsInput): ClientMetrics {
  if (input.options === undefined || input.options === false) return { findings: [] };
  const component = CLIENT_METRICS_COMPONENT[input.kind];
  if (metricsTypesOf(input.releaseTag, component).length === 0) {
    return input.kind === 'KafkaBridge' ? enableMetricsOnly(input) : { findings: [] };
  }
  const { model, findings } = metricsModel({
    component,
    owner: input.owner,
    releaseTag: input.releaseTag,
    field: 'metrics',
    options: input.options,
  });
  return { model, findings };
}

/** How a client serves metrics: its `metricsConfig` type, `enableMetrics`, or undefined (off). */
export function clientMetricsType(m: ClientMetrics): MetricsType | 'enableMetrics' | undefined {
  return m.model?.type ?? (m.enableMetrics ? 'enableMetrics' : undefined);
}
