/**
 * The offline doctor's metrics checks: every PodMonitor of the output selects pods the operator
 * will run for the output's resources (in a namespace it watches) and scrapes a port they have; every
 * `metricsConfig` ConfigMap reference resolves to a ConfigMap of the output with the key. The pods
 * are derived from the resources as the operator names and labels them: the node pools' Kafka pods,
 * Cruise Control, Kafka Exporter and the entity operator of each `Kafka`, KafkaConnect and
 * KafkaMirrorMaker2 and KafkaBridge pods, and the pod template of each Deployment (the cluster operator's).
 */
import { STRIMZI_RELEASES, releasesSupportingKafka } from '../core/release';
import { METRICS_PORT_NAME } from '../model/metrics/metrics';
import { bridgeMetricsPorts, entityOperatorPorts } from '../model/metrics/monitoring';
import { ManifestObject } from './manifest-facts';

/** A pod the output makes (through the operator or a Deployment). */
export interface ExpectedPod {
  /** What makes it, e.g. `Kafka streaming/events, pool broker`. */
  readonly what: string;
  readonly namespace?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly ports: readonly string[];
}

/** A metrics finding, in the doctor's form. */
export interface MetricsWiringFinding {
  readonly check: { readonly id: string; readonly summary: string };
  readonly where: string;
  readonly subject: string;
  readonly message: string;
  readonly fix: string;
}

/** The doctor's metrics checks. */
export const METRICS_DOCTOR_CHECKS = {
  podMonitorSelects: {
    id: 'doctor-pod-monitor-selects',
    summary: 'Every PodMonitor selects pods of the output, in a namespace it watches',
  },
  podMonitorPort: {
    id: 'doctor-pod-monitor-port',
    summary: 'Every port a PodMonitor scrapes is a port of a pod it selects',
  },
  metricsConfigResolves: {
    id: 'doctor-metrics-config-resolves',
    summary: 'Every metricsConfig ConfigMap reference names a ConfigMap of the output, in its namespace, with the key',
  },
} as const;

const label = (o: ManifestObject) =>
  `${o.kind} ${o.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata?.name}`;

/**
 * The releases a Strimzi object may run on: the release the output's operator runs, else the releases
 * that serve its API version and support its Kafka version.
 */
function releasesOf(objects: readonly ManifestObject[], kafka: ManifestObject): string[] {
  const tags = objects.flatMap((o) =>
    o.kind === 'Deployment'
      ? ((o.spec?.template?.spec?.containers ?? []) as { image?: string }[])
          .map((c) => /strimzi\/operator:([0-9.]+)/.exec(c.image ?? '')?.[1])
          .filter((t): t is string => t !== undefined && STRIMZI_RELEASES.some((r) => r.tag === t))
      : [],
  );
  const api = String(kafka.apiVersion).split('/')[1];
  const fitting = STRIMZI_RELEASES.filter(
    (r) =>
      (r.apiVersions as readonly string[]).includes(api) &&
      (kafka.spec?.kafka?.version === undefined || releasesSupportingKafka(kafka.spec.kafka.version).includes(r.tag)),
  ).map((r) => r.tag);
  return tags.length > 0 ? [...new Set(tags)] : fitting.length > 0 ? fitting : STRIMZI_RELEASES.map((r) => r.tag);
}

/** The entity operator's metrics ports in the releases the Kafka may run on. */
function eoPorts(objects: readonly ManifestObject[], kafka: ManifestObject): string[] {
  return [...new Set(releasesOf(objects, kafka).flatMap(entityOperatorPorts))].sort();
}

/** The pods of a KafkaBridge: its metrics ports (of the releases it may run on) when its metrics are on. */
function bridgePods(b: ManifestObject, objects: readonly ManifestObject[]): ExpectedPod[] {
  const name = String(b.metadata?.name);
  const labels = { 'strimzi.io/cluster': name, 'strimzi.io/kind': 'KafkaBridge', 'strimzi.io/name': `${name}-bridge` };
  const on = b.spec?.metricsConfig !== undefined || b.spec?.enableMetrics === true;
  const ports = on ? [...new Set(releasesOf(objects, b).flatMap(bridgeMetricsPorts))].sort() : [];
  return [{ what: label(b), namespace: b.metadata?.namespace, labels, ports }];
}

/** The pods of one `Kafka`: its pools' nodes, Cruise Control, Kafka Exporter, the entity operator. */
function kafkaPods(k: ManifestObject, objects: readonly ManifestObject[]): ExpectedPod[] {
  const eo = eoPorts(objects, k);
  const name = k.metadata?.name ?? '';
  const namespace = k.metadata?.namespace;
  const base = { 'strimzi.io/cluster': name, 'strimzi.io/kind': 'Kafka' };
  const s = k.spec ?? {};
  const pod = (what: string, suffix: string, ports: string[], extra: Record<string, string> = {}): ExpectedPod => ({
    what: `${label(k)}, ${what}`,
    namespace,
    labels: { ...base, 'strimzi.io/name': `${name}-${suffix}`, ...extra },
    ports,
  });
  const pools = objects.filter(
    (o) =>
      o.kind === 'KafkaNodePool' &&
      o.metadata?.namespace === namespace &&
      o.metadata?.labels?.['strimzi.io/cluster'] === name,
  );
  const kafkaPorts = s.kafka?.metricsConfig ? [METRICS_PORT_NAME] : [];
  const runs = { 'healthcheck-to': s.entityOperator?.topicOperator, 'healthcheck-uo': s.entityOperator?.userOperator };
  const eoPortsHere = eo.filter((p) => !(p in runs) || runs[p as keyof typeof runs] !== undefined);
  return [
    ...pools.map((p) =>
      pod(`pool ${p.metadata?.name}`, 'kafka', kafkaPorts, { 'strimzi.io/pool-name': String(p.metadata?.name) }),
    ),
    ...(s.cruiseControl
      ? [pod('Cruise Control', 'cruise-control', s.cruiseControl.metricsConfig ? [METRICS_PORT_NAME] : [])]
      : []),
    ...(s.kafkaExporter ? [pod('Kafka Exporter', 'kafka-exporter', [METRICS_PORT_NAME])] : []),
    ...(s.entityOperator
      ? [pod('entity operator', 'entity-operator', eoPortsHere, { 'app.kubernetes.io/name': 'entity-operator' })]
      : []),
  ];
}

/** The pods the output makes. */
export function expectedPods(objects: readonly ManifestObject[]): ExpectedPod[] {
  const suffix: Record<string, string> = { KafkaConnect: 'connect', KafkaMirrorMaker2: 'mirrormaker2' };
  return objects.flatMap((o): ExpectedPod[] => {
    if (o.kind === 'Kafka' && String(o.apiVersion).startsWith('kafka.strimzi.io/')) return kafkaPods(o, objects);
    if (o.kind === 'KafkaBridge' && String(o.apiVersion).startsWith('kafka.strimzi.io/')) return bridgePods(o, objects);
    if (o.kind && suffix[o.kind] && String(o.apiVersion).startsWith('kafka.strimzi.io/')) {
      const name = String(o.metadata?.name);
      const labels = {
        'strimzi.io/cluster': name,
        'strimzi.io/kind': o.kind,
        'strimzi.io/name': `${name}-${suffix[o.kind]}`,
      };
      const ports = o.spec?.metricsConfig ? [METRICS_PORT_NAME] : [];
      return [{ what: label(o), namespace: o.metadata?.namespace, labels, ports }];
    }
    if (o.kind !== 'Deployment') return [];
    const template = o.spec?.template ?? {};
    const containers = (template.spec?.containers ?? []) as { ports?: { name?: string }[] }[];
    const ports = containers.flatMap((c) => (c.ports ?? []).map((p) => p.name).filter((n): n is string => !!n));
    return [{ what: label(o), namespace: o.metadata?.namespace, labels: template.metadata?.labels ?? {}, ports }];
  });
}

interface LabelSelector {
  readonly matchLabels?: Record<string, string>;
  readonly matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** Kubernetes label selector semantics. */
export function selects(selector: LabelSelector | undefined, labels: Readonly<Record<string, string>>): boolean {
  const s = selector ?? {};
  const byLabel = Object.entries(s.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (s.matchExpressions ?? []).every((e) => {
    const has = e.key in labels;
    if (e.operator === 'In') return has && (e.values ?? []).includes(labels[e.key]);
    if (e.operator === 'NotIn') return !has || !(e.values ?? []).includes(labels[e.key]);
    if (e.operator === 'Exists') return has;
    return e.operator === 'DoesNotExist' && !has;
  });
  return byLabel && byExpression;
}

/** The namespaces a PodMonitor looks in: `any`, its `matchNames`, else its own. */
function watches(pm: ManifestObject, namespace: string | undefined): boolean {
  const ns = pm.spec?.namespaceSelector;
  if (ns?.any === true) return true;
  if (Array.isArray(ns?.matchNames) && ns.matchNames.length > 0) return ns.matchNames.includes(namespace);
  return pm.metadata?.namespace === namespace;
}

function podMonitorFindings(pm: ManifestObject, pods: readonly ExpectedPod[]): MetricsWiringFinding[] {
  const where = label(pm);
  const selected = pods.filter((p) => watches(pm, p.namespace) && selects(pm.spec?.selector, p.labels));
  if (selected.length === 0) {
    const sameLabels = pods.filter((p) => selects(pm.spec?.selector, p.labels)).map((p) => p.what);
    return [
      {
        check: METRICS_DOCTOR_CHECKS.podMonitorSelects,
        where,
        subject: 'selector',
        message:
          sameLabels.length > 0
            ? `selects ${sameLabels.join('; ')}, but not in a namespace it watches`
            : 'selects no pod of the output',
        fix:
          sameLabels.length > 0
            ? "add the pods' namespace to spec.namespaceSelector.matchNames"
            : 'select the labels the operator gives the pods (strimzi.io/cluster, strimzi.io/kind)',
      },
    ];
  }
  const ports = [...new Set(selected.flatMap((p) => p.ports))].sort();
  return ((pm.spec?.podMetricsEndpoints ?? []) as { port?: string }[])
    .filter((e) => e.port !== undefined && !ports.includes(e.port))
    .map((e) => ({
      check: METRICS_DOCTOR_CHECKS.podMonitorPort,
      where,
      subject: `port ${e.port}`,
      message: `no selected pod has it (${selected.map((p) => p.what).join('; ')}: ${ports.join(', ') || 'none'})`,
      fix: ports.length > 0 ? `scrape one of ${ports.join(', ')}` : 'turn on the metrics of what it selects',
    }));
}

/** Every `metricsConfig` of a Strimzi object, with where it is. */
function metricsConfigs(o: ManifestObject): { at: string; ref: { name?: string; key?: string } }[] {
  const s = o.spec ?? {};
  const all = [
    ['spec.kafka.metricsConfig', s.kafka?.metricsConfig],
    ['spec.cruiseControl.metricsConfig', s.cruiseControl?.metricsConfig],
    ['spec.metricsConfig', s.metricsConfig],
  ] as const;
  return all
    .filter(([, m]) => m?.valueFrom?.configMapKeyRef)
    .map(([at, m]) => ({ at, ref: m.valueFrom.configMapKeyRef }));
}

function referenceFindings(objects: readonly ManifestObject[]): MetricsWiringFinding[] {
  const configMaps = objects.filter((o) => o.kind === 'ConfigMap');
  return objects
    .filter((o) => String(o.apiVersion).startsWith('kafka.strimzi.io/'))
    .flatMap((o) =>
      metricsConfigs(o).flatMap(({ at, ref }): MetricsWiringFinding[] => {
        const cm = configMaps.find(
          (c) => c.metadata?.name === ref.name && c.metadata?.namespace === o.metadata?.namespace,
        );
        const bad = !cm
          ? `ConfigMap ${ref.name} is not in the output`
          : ref.key && !(ref.key in (cm.data ?? {}))
            ? `ConfigMap ${ref.name} has no key ${ref.key}`
            : undefined;
        if (!bad) return [];
        const fix = !cm
          ? 'add the ConfigMap to the output (or create it before applying)'
          : `add the key, or name one of: ${Object.keys(cm.data ?? {})
              .sort()
              .join(', ')}`;
        return [
          { check: METRICS_DOCTOR_CHECKS.metricsConfigResolves, where: label(o), subject: at, message: bad, fix },
        ];
      }),
    );
}

/** The metrics findings of an output. */
export function metricsWiringFindings(objects: readonly ManifestObject[]): MetricsWiringFinding[] {
  const pods = expectedPods(objects);
  return [
    ...objects
      .filter((o) => o.kind === 'PodMonitor' && String(o.apiVersion).startsWith('monitoring.coreos.com/'))
      .flatMap((pm) => podMonitorFindings(pm, pods)),
    ...referenceFindings(objects),
  ];
}
