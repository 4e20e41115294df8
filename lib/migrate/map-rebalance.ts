/**
 * `KafkaRebalance` -> `KafkaRebalanceProps` as plain data: brokers and volumes by node ID (as the
 * input names them; the library checks them against the cluster's model), goals, the movement
 * options, and the auto-approval and template annotations.
 */
import { defined, isRecord, recordAt } from './plan';
import type { InputObject } from './read';

const PASSED = [
  'goals',
  'skipHardGoalCheck',
  'rebalanceDisk',
  'excludedTopics',
  'concurrentPartitionMovementsPerBroker',
  'concurrentIntraBrokerPartitionMovements',
  'concurrentLeaderMovements',
  'replicationThrottle',
  'replicaMovementStrategies',
];

/** Whether an object is a rebalance template (`strimzi.io/rebalance-template: "true"`). */
const isTemplate = (o: InputObject) => o.object.metadata?.annotations?.['strimzi.io/rebalance-template'] === 'true';

/**
 * The cluster of a rebalance template, which carries no cluster label: the `Kafka` that names it in
 * `spec.cruiseControl.autoRebalance`, else the only `Kafka` given.
 */
export function templateCluster(o: InputObject, kafkas: readonly InputObject[]): string | undefined {
  if (!isTemplate(o)) return undefined;
  const name = o.object.metadata?.name;
  const names = (k: InputObject) => {
    const auto = recordAt(k.object.spec, 'cruiseControl').autoRebalance;
    return Array.isArray(auto) && auto.some((a) => isRecord(a) && recordAt(a, 'template').name === name);
  };
  const hit = kafkas.find(names) ?? (kafkas.length === 1 ? kafkas[0] : undefined);
  return hit?.object.metadata?.name;
}

/**
 * `moveReplicasOffVolumes` as `volumes`: the brokers and the volume IDs of its first entry, for every
 * entry with the same volume IDs (entries with other IDs are restored by a patch).
 */
function volumes(spec: Record<string, unknown>): Record<string, unknown> | undefined {
  const entries = Array.isArray(spec.moveReplicasOffVolumes) ? spec.moveReplicasOffVolumes.filter(isRecord) : [];
  if (entries.length === 0) return undefined;
  const volumeIds = entries[0].volumeIds;
  const same = entries.filter((e) => JSON.stringify(e.volumeIds) === JSON.stringify(volumeIds));
  return { nodeIds: same.map((e) => e.brokerId), volumeIds };
}

/** The rebalance's props (without `cluster`). */
export function rebalanceProps(o: InputObject): Record<string, unknown> {
  const spec = recordAt(o.object, 'spec');
  const template = isTemplate(o);
  const mode = typeof spec.mode === 'string' && spec.mode !== 'full' ? spec.mode : undefined;
  const brokers = Array.isArray(spec.brokers) && !template ? { nodeIds: spec.brokers } : undefined;
  return defined({
    mode: template ? undefined : mode,
    brokers,
    volumes: mode === 'remove-disks' ? volumes(spec) : undefined,
    ...Object.fromEntries(PASSED.filter((k) => spec[k] !== undefined).map((k) => [k, spec[k]])),
    autoApprove: o.object.metadata?.annotations?.['strimzi.io/rebalance-auto-approval'] === 'true' || undefined,
    template: template || undefined,
  });
}
