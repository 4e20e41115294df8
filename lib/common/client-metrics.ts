/**
 * Metrics of a client kind (KafkaConnect, KafkaMirrorMaker2, KafkaBridge) in one call: the model
 * (model/metrics/client-metrics.ts), the generated exporter ConfigMap and the app check of a user's
 * ConfigMap (`addMetrics`), its spec fields, and what `StrimziMonitoring` reads of the client.
 */
import { Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { ICluster } from './cluster';
import { addMetrics } from './metrics';
import { InstanceType } from '../core/shape';
import { ClientMetrics, ClientMetricsKind, clientMetrics, clientMetricsType } from '../model/metrics/client-metrics';
import { MetricsOptions, metricsConfigSpec } from '../model/metrics/metrics';
import { MonitoredClient } from '../model/metrics/monitoring';

/** A KafkaConnect, KafkaMirrorMaker2 or KafkaBridge of this app, as `StrimziMonitoring.clients` takes it. */
export interface IMetricsClient extends IConstruct {
  /** Its namespace (its chart's). */
  readonly namespace?: string;
}

const targets = new WeakMap<IConstruct, () => MonitoredClient>();

/** The `clients` prop of StrimziMonitoring: a KafkaConnect, KafkaMirrorMaker2 or KafkaBridge with a cluster. */
export const METRICS_CLIENT_INSTANCE: InstanceType = {
  test: (v) => v !== null && typeof v === 'object' && targets.has(v as IConstruct),
  what: 'a KafkaConnect, KafkaMirrorMaker2 or KafkaBridge',
};

/** Whether a construct is a client with metrics registered (a Connect, MirrorMaker 2 or Bridge with a cluster). */
export function isMetricsClient(c: IConstruct): c is IMetricsClient {
  return targets.has(c);
}

/** The client as the monitoring sees it. */
export function monitoredClient(c: IMetricsClient): MonitoredClient {
  return targets.get(c)!();
}

/**
 * The metrics of a client: computed once, the generated ConfigMap written beside it, and the client
 * registered for StrimziMonitoring. Nothing without a cluster (its props check reports that).
 */
export function clientMetricsOf(
  scope: Construct,
  kind: ClientMetricsKind,
  name: string,
  cluster: ICluster | undefined,
  options: MetricsOptions | undefined,
): ClientMetrics {
  if (!cluster?.release) return { findings: [] };
  const releaseTag = cluster.release.tag;
  const m = clientMetrics({ kind, owner: name, releaseTag, options });
  const namespace = Chart.of(scope).namespace;
  addMetrics(scope, [{ field: 'metrics', model: m.model }], releaseTag, namespace);
  targets.set(scope, () => ({ kind, name, namespace, releaseTag, metrics: clientMetricsType(m) }));
  return m;
}

/** The spec fields of a client's metrics: `metricsConfig`, or the Bridge's `enableMetrics`. */
export function clientMetricsSpec(m: ClientMetrics): Record<string, unknown> {
  if (m.model) return { metricsConfig: metricsConfigSpec(m.model) };
  return m.enableMetrics ? { enableMetrics: true } : {};
}
