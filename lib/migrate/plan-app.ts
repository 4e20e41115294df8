/**
 * Input objects -> the app plan: one chart per namespace, a cluster per `Kafka` with the pools
 * labelled for it, users and topics with their cluster. Every object that is not migrated gets one
 * line saying why.
 */
import { clusterPlan } from './map-cluster';
import { entityPlan } from './map-entities';
import { AppPlan, ChartPlan, ClusterPlan, ENTITY_SUFFIX, EntityPlan } from './plan';
import type { InputObject } from './read';

/** The kinds a migration turns into constructs. */
export const MIGRATED_KINDS = ['Kafka', 'KafkaNodePool', 'KafkaUser', 'KafkaTopic', 'KafkaRebalance'] as const;

const isStrimzi = (o: InputObject) => (o.object.apiVersion ?? '').startsWith('kafka.strimzi.io/');
const label = (o: InputObject) => `${o.object.kind} ${o.object.metadata?.name ?? '?'} (${o.file})`;
const clusterOf = (o: InputObject) => o.object.metadata?.labels?.['strimzi.io/cluster'];

/** Objects of kinds the library has no construct for: one line each (Strimzi ones) or per kind (others). */
export function otherObjects(objects: readonly InputObject[]): string[] {
  const lines: string[] = [];
  const counts = new Map<string, number>();
  for (const o of objects) {
    if (isStrimzi(o) && (MIGRATED_KINDS as readonly string[]).includes(o.object.kind ?? '')) continue;
    if (isStrimzi(o))
      lines.push(`${label(o)}: the library has no construct for ${o.object.kind} yet; keep applying it`);
    else counts.set(String(o.object.kind), (counts.get(String(o.object.kind)) ?? 0) + 1);
  }
  for (const [kind, count] of [...counts].sort()) {
    lines.push(
      `${count} ${kind} object(s): not Strimzi resources; keep applying them (operator bundles: use StrimziOperator)`,
    );
  }
  return lines;
}

function chartPlan(
  namespace: string | undefined,
  id: string,
  objects: InputObject[],
  release: string | undefined,
  reasons: string[],
): ChartPlan {
  const of = (kind: string) => objects.filter((o) => o.object.kind === kind);
  const clusters: ClusterPlan[] = [];
  const pools = of('KafkaNodePool');
  for (const k of of('Kafka')) {
    const name = k.object.metadata?.name;
    const plan = clusterPlan(
      k,
      pools.filter((p) => clusterOf(p) === name),
      release,
    );
    if (typeof plan !== 'string') clusters.push(plan);
    else {
      reasons.push(`${label(k)}: ${plan}`);
      for (const p of pools.filter((x) => clusterOf(x) === name))
        reasons.push(`${label(p)}: its Kafka ${name} is not migrated`);
    }
  }
  const names = new Set(of('Kafka').map((k) => k.object.metadata?.name));
  for (const p of pools.filter((x) => !names.has(clusterOf(x)))) {
    reasons.push(`${label(p)}: its Kafka ${clusterOf(p) ?? '(no strimzi.io/cluster label)'} is not among the inputs`);
  }
  const entities: EntityPlan[] = [];
  for (const o of [...of('KafkaUser'), ...of('KafkaTopic'), ...of('KafkaRebalance')]) {
    const plan = entityPlan(o, of('Kafka'));
    if (typeof plan === 'string') reasons.push(`${label(o)}: ${plan}`);
    else if (!clusters.some((c) => c.name === plan.cluster)) {
      reasons.push(
        `${label(o)}: its cluster ${plan.cluster} is not migrated with it; give its Kafka and KafkaNodePool files too`,
      );
    } else entities.push(plan);
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  clusters.sort((a, b) => order(a.name, b.name));
  entities.sort((a, b) => order(`${a.kind}/${a.id}`, `${b.kind}/${b.id}`));
  return { namespace, id, clusters, entities: uniqueIds(clusters, entities) };
}

/**
 * Construct ids are unique in a chart: a user, topic or rebalance named like another resource gets the
 * id `<name>-user` / `<name>-topic` / `<name>-rebalance`, and its name as a prop (the name defaults to the id).
 */
function uniqueIds(clusters: readonly ClusterPlan[], entities: readonly EntityPlan[]): EntityPlan[] {
  const taken = new Set(clusters.map((c) => c.id));
  return entities.map((e) => {
    if (!taken.has(e.id)) {
      taken.add(e.id);
      return e;
    }
    const suffix = ENTITY_SUFFIX[e.kind];
    let id = `${e.id}-${suffix}`;
    for (let i = 2; taken.has(id); i++) id = `${e.id}-${suffix}-${i}`;
    taken.add(id);
    const name =
      e.kind === 'KafkaUser'
        ? { userName: e.id }
        : e.kind === 'KafkaTopic'
          ? { topicName: e.props.topicName ?? e.id }
          : { name: e.id };
    return { ...e, id, props: { ...name, ...e.props } };
  });
}

/** The plan of an app from input objects; `reasons` receives a line for every object left out. */
export function appPlan(objects: readonly InputObject[], release: string | undefined, reasons: string[]): AppPlan {
  const strimzi = objects.filter(
    (o) => isStrimzi(o) && (MIGRATED_KINDS as readonly string[]).includes(o.object.kind ?? ''),
  );
  const namespaces = [...new Set(strimzi.map((o) => o.object.metadata?.namespace))].sort((a, b) =>
    (a ?? '').localeCompare(b ?? ''),
  );
  const charts = namespaces.map((ns) => {
    const id = ns ?? (namespaces.includes('kafka') ? 'kafka-no-namespace' : 'kafka');
    return chartPlan(
      ns,
      id,
      strimzi.filter((o) => o.object.metadata?.namespace === ns),
      release,
      reasons,
    );
  });
  return {
    charts: charts.filter((c) => c.clusters.length > 0),
    files: [...new Set(objects.map((o) => o.file))].sort(),
  };
}
