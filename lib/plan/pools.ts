/** Changes of KafkaNodePools: removed and added pools, replicas, node IDs, roles, storage, pods. */
import { formatNodeIdRanges } from '../model/node-ids';
import { change, pairs, same, show } from './change';
import { Obj, OutputFacts } from './facts';
import { PlanChange } from './types';
import { storageChanges } from './storage';

const roles = (p: Obj): string[] => (Array.isArray(p.spec?.roles) ? [...p.spec.roles].map(String).sort() : []);
const isBroker = (p: Obj) => roles(p).includes('broker');
const clusterKey = (p: Obj) => `${p.metadata?.namespace ?? ''}/${p.metadata?.labels?.['strimzi.io/cluster'] ?? ''}`;
const ids = (f: OutputFacts, p: Obj): number[] => [
  ...(f.nodeIds.get(clusterKey(p))?.get(p.metadata?.name ?? '')?.nodeIds ?? []),
];
const list = (xs: readonly number[]) => xs.join(', ');

/** What to do before brokers go away. */
export const moveReplicasFirst = (brokers: readonly number[]) =>
  `move every partition replica off broker(s) ${list(brokers)} first (KafkaRebalance mode remove-brokers with ` +
  `brokers [${list(brokers)}], or kafka-reassign-partitions), then apply; Strimzi refuses to remove brokers ` +
  'that still hold replicas';

function removedPool(p: Obj, before: OutputFacts, after: OutputFacts): PlanChange {
  const gone = ids(before, p);
  if (!after.kafkas.has(clusterKey(p))) {
    const effect = `removed with its cluster: node(s) ${list(gone)} and their pods are deleted`;
    return change('destructive', p, '(object)', { before: { roles: roles(p), nodeIds: gone } }, effect);
  }
  if (!isBroker(p)) {
    return change('restart', p, '(object)', { before: roles(p) }, `controller(s) ${list(gone)} are removed`);
  }
  return change(
    'destructive',
    p,
    '(object)',
    { before: { roles: roles(p), nodeIds: gone } },
    `broker(s) ${list(gone)} and their pods are deleted: the replicas they hold are lost (with deleteClaim: ` +
      'true their volumes too)',
    `${moveReplicasFirst(gone)}; then delete the pool`,
  );
}

function addedPool(p: Obj, before: OutputFacts, after: OutputFacts): PlanChange {
  const added = ids(after, p);
  const removedHad = [...(before.nodeIds.get(clusterKey(p)) ?? [])]
    .filter(([name]) => !after.nodeIds.get(clusterKey(p))?.has(name))
    .flatMap(([, l]) => l.nodeIds);
  const reused = added.filter((id) => removedHad.includes(id));
  if (reused.length > 0) {
    const effect =
      `new node(s) ${list(reused)} take the IDs of removed nodes: Kafka sees the old brokers come back empty ` +
      '(their replicas are still assigned to these IDs)';
    const instead = 'give the new pool IDs no node had (nodeIds), or pass the committed output as nodeIdLock';
    return change('destructive', p, 'nodeIds', { after: formatNodeIdRanges(added) }, effect, instead);
  }
  return change(
    'safe',
    p,
    '(object)',
    { after: { roles: roles(p), nodeIds: added } },
    `new node(s) ${list(added)} start` +
      (isBroker(p) ? '; new brokers hold no partition until a rebalance (KafkaRebalance mode add-brokers)' : ''),
  );
}

/** Node IDs that move: a pool loses IDs while it gains others, or takes an ID another pool had. */
function nodeIdChanges(b: Obj, a: Obj, before: OutputFacts, after: OutputFacts): PlanChange[] {
  const was = ids(before, b);
  const now = ids(after, a);
  const lost = was.filter((id) => !now.includes(id));
  const gained = now.filter((id) => !was.includes(id));
  const owner = new Map<number, string>();
  for (const [name, l] of before.nodeIds.get(clusterKey(b)) ?? []) {
    if (name !== b.metadata?.name) l.nodeIds.forEach((id) => owner.set(id, name));
  }
  const stolen = gained.filter((id) => owner.has(id));
  const from = [...new Set(stolen.map((id) => owner.get(id)))].sort().join(', ');
  if (stolen.length === 0 && (lost.length === 0 || gained.length === 0)) return [];
  return [
    change(
      'destructive',
      a,
      'nodeIds',
      { before: formatNodeIdRanges(was), after: formatNodeIdRanges(now) },
      (lost.length
        ? `node ID(s) ${list(lost)} go away and ${list(gained)} come`
        : `the pool takes node ID(s) ${list(stolen)} from pool ${from}`) +
        ': a moved ID is a node that loses its data and identity (its pod and volume are deleted, a new empty one ' +
        'starts)',
      `declare every pool's current nodeIds before changing replicas (pool ${a.metadata?.name}: ` +
        `nodeIds [${list(was)}]), or pass the committed output as nodeIdLock`,
    ),
  ];
}

function replicaChanges(b: Obj, a: Obj, before: OutputFacts, after: OutputFacts): PlanChange[] {
  const [rb, ra] = [b.spec?.replicas, a.spec?.replicas];
  if (same(rb, ra)) return [];
  if (!Number.isInteger(rb) || !Number.isInteger(ra)) {
    return [change('restart', a, 'spec.replicas', { before: rb, after: ra }, 'not a replica count: check the value')];
  }
  const values = { before: rb, after: ra };
  if (ra > rb) {
    const added = ids(after, a).filter((id) => !ids(before, b).includes(id));
    const effect = `node(s) ${list(added)} are added`;
    const note = isBroker(a) ? '; they hold no partition until a rebalance (KafkaRebalance mode add-brokers)' : '';
    return [change('safe', a, 'spec.replicas', values, effect + note)];
  }
  const removed = ids(before, b).filter((id) => !ids(after, a).includes(id));
  if (!isBroker(b))
    return [change('restart', a, 'spec.replicas', values, `controller(s) ${list(removed)} are removed`)];
  return [
    change(
      'destructive',
      a,
      'spec.replicas',
      values,
      `broker(s) ${list(removed)} are removed with the replicas they hold`,
      moveReplicasFirst(removed),
    ),
  ];
}

function roleChanges(b: Obj, a: Obj): PlanChange[] {
  if (same(roles(b), roles(a))) return [];
  const values = { before: roles(b), after: roles(a) };
  if (isBroker(b) && !isBroker(a)) {
    const effect = 'the nodes stop being brokers: the replicas they hold are lost';
    return [change('destructive', a, 'spec.roles', values, effect, moveReplicasFirst([]))];
  }
  return [change('restart', a, 'spec.roles', values, 'every node of the pool restarts with its new role(s)')];
}

const POD_FIELDS = ['resources', 'jvmOptions', 'template'];

function podChanges(b: Obj, a: Obj): PlanChange[] {
  return POD_FIELDS.filter((f) => !same(b.spec?.[f], a.spec?.[f])).map((f) =>
    change(
      'restart',
      a,
      `spec.${f}`,
      { before: show(b.spec?.[f]), after: show(a.spec?.[f]) },
      'every node of the pool restarts, one at a time',
    ),
  );
}

/** Every change of the node pools between two outputs. */
export function poolChanges(before: OutputFacts, after: OutputFacts): PlanChange[] {
  const { removed, added, kept } = pairs(before.pools, after.pools);
  return [
    ...removed.map((p) => removedPool(p, before, after)),
    ...added.map((p) => addedPool(p, before, after)),
    ...kept.flatMap(([b, a]) => [
      ...nodeIdChanges(b, a, before, after),
      ...replicaChanges(b, a, before, after),
      ...roleChanges(b, a),
      ...storageChanges(b, a),
      ...podChanges(b, a),
    ]),
  ];
}

/** Controller node IDs of a cluster. */
export function controllerIds(f: OutputFacts, cluster: string): number[] {
  return (f.poolsByCluster.get(cluster) ?? [])
    .filter((p) => roles(p).includes('controller'))
    .flatMap((p) => ids(f, p))
    .sort((x, y) => x - y);
}
