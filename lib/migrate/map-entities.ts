/**
 * `KafkaUser` -> `KafkaUserProps` (authentication, ACLs, quotas), `KafkaTopic` -> `KafkaTopicProps`
 * (topic name, partitions, replicas, config) and `KafkaRebalance` -> `KafkaRebalanceProps` (mode,
 * brokers by node ID, goals, options, auto-approval, template), as plain data; the cluster is
 * referred to by name and printed as the cluster's variable.
 */
import { EntityPlan, defined, isRecord, recordAt } from './plan';
import { rebalanceProps, templateCluster } from './map-rebalance';
import type { InputObject } from './read';

const USER_AUTH = ['scram-sha-512', 'tls', 'tls-external'];
const QUOTAS = ['producerByteRate', 'consumerByteRate', 'requestPercentage', 'controllerMutationRate'];

function userAuthentication(a: unknown): Record<string, unknown> | undefined {
  if (!isRecord(a) || !USER_AUTH.includes(String(a.type))) return undefined;
  const ref = recordAt(recordAt(a.password, 'valueFrom'), 'secretKeyRef');
  const password =
    typeof ref.name === 'string' && typeof ref.key === 'string' ? { secretName: ref.name, key: ref.key } : undefined;
  return defined({ type: a.type, password });
}

function acl(a: unknown): Record<string, unknown> | undefined {
  if (!isRecord(a) || !isRecord(a.resource)) return undefined;
  const operations = Array.isArray(a.operations) ? a.operations : a.operation ? [a.operation] : undefined;
  if (!operations) return undefined;
  const r = a.resource;
  return defined({
    resource: defined({ type: r.type, name: r.name, patternType: r.patternType }),
    operations,
    type: a.type,
    host: a.host !== '*' ? a.host : undefined,
  });
}

/** The user's props (without `cluster`), or a reason the library cannot express the user. */
function userProps(o: InputObject): Record<string, unknown> | string {
  const spec = recordAt(o.object, 'spec');
  const authentication = userAuthentication(spec.authentication);
  if (!authentication) return `authentication ${JSON.stringify(spec.authentication ?? null)} (the library needs one)`;
  const authz = recordAt(spec, 'authorization');
  const acls = Array.isArray(authz.acls) ? authz.acls.map(acl).filter((a) => a !== undefined) : [];
  const quotas = Object.fromEntries(
    QUOTAS.filter((q) => recordAt(spec, 'quotas')[q] !== undefined).map((q) => [q, recordAt(spec, 'quotas')[q]]),
  );
  return defined({
    authentication,
    acls: acls.length > 0 ? acls : undefined,
    quotas: Object.keys(quotas).length > 0 ? quotas : undefined,
  });
}

function topicProps(o: InputObject): Record<string, unknown> {
  const spec = recordAt(o.object, 'spec');
  const name = o.object.metadata?.name;
  const topicName = typeof spec.topicName === 'string' && spec.topicName !== name ? spec.topicName : undefined;
  return defined({
    topicName,
    resourceName: topicName !== undefined ? name : undefined,
    partitions: spec.partitions,
    replicas: spec.replicas,
    config: isRecord(spec.config) && Object.keys(spec.config).length > 0 ? spec.config : undefined,
  });
}

/**
 * The plan of a user, topic or rebalance, or a one-line reason it cannot be migrated. A rebalance
 * template has no cluster label: its cluster is the `Kafka` among `kafkas` (of its namespace) that
 * names it for auto-rebalancing, or the only one.
 */
export function entityPlan(o: InputObject, kafkas: readonly InputObject[] = []): EntityPlan | string {
  const kind = o.object.kind as EntityPlan['kind'];
  const name = o.object.metadata?.name ?? '';
  const cluster =
    o.object.metadata?.labels?.['strimzi.io/cluster'] ??
    (kind === 'KafkaRebalance' ? templateCluster(o, kafkas) : undefined);
  if (!cluster) return `${kind} ${name} has no strimzi.io/cluster label`;
  const props = kind === 'KafkaUser' ? userProps(o) : kind === 'KafkaTopic' ? topicProps(o) : rebalanceProps(o);
  if (typeof props === 'string') return `${kind} ${name}: ${props}`;
  return { kind, id: name, cluster, props, source: o, patches: [] };
}
