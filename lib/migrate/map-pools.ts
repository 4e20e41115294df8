/**
 * `KafkaNodePool` objects -> `NodePoolOptions` (as plain data): roles, replicas, storage, the node
 * IDs that run (status, else `strimzi.io/next-node-ids`), resources, JVM options and template.
 * Whatever has no option is left out here and restored by a patch (see diff.ts).
 */
import { assignNodeIds, parseNodeIdList } from '../doctor/manifest-facts';
import { StoragePlan, VolumePlan, defined, isRecord, recordAt } from './plan';
import type { InputObject } from './read';

const NEXT_NODE_IDS = 'strimzi.io/next-node-ids';

function volumeOptions(v: Record<string, unknown>): Record<string, unknown> {
  if (v.type === 'ephemeral') {
    return defined({ sizeLimit: v.sizeLimit, kraftMetadata: v.kraftMetadata === 'shared' ? true : undefined });
  }
  return defined({
    size: v.size,
    storageClass: v.class,
    deleteClaim: v.deleteClaim === true ? true : undefined,
    kraftMetadata: v.kraftMetadata === 'shared' ? true : undefined,
    selector: isRecord(v.selector) ? v.selector : undefined,
  });
}

function volumePlan(v: unknown, jbod: boolean): VolumePlan | undefined {
  if (!isRecord(v) || (v.type !== 'persistent-claim' && v.type !== 'ephemeral')) return undefined;
  if (v.type === 'persistent-claim' && typeof v.size !== 'string') return undefined;
  if (jbod && typeof v.id !== 'number') return undefined;
  const kind = v.type === 'ephemeral' ? 'ephemeral' : 'persistentClaim';
  return { kind, id: jbod ? (v.id as number) : undefined, options: volumeOptions(v) };
}

/** The storage of a pool, or a reason the library cannot express it. */
export function storagePlan(storage: unknown): StoragePlan | string {
  if (!isRecord(storage)) return 'no spec.storage';
  if (storage.type !== 'jbod') return volumePlan(storage, false) ?? `storage type '${String(storage.type)}'`;
  const volumes = Array.isArray(storage.volumes) ? storage.volumes.map((v) => volumePlan(v, true)) : [];
  if (volumes.length === 0 || volumes.some((v) => v === undefined)) return 'a JBOD volume of an unknown type';
  return { kind: 'jbod', volumes: volumes as VolumePlan[] };
}

/** Whether a pool's `strimzi.io/next-node-ids` (if any) is a node ID list the operator reads. */
export function nodeIdListReadable(pool: InputObject): boolean {
  const annotation = pool.object.metadata?.annotations?.[NEXT_NODE_IDS];
  try {
    if (annotation !== undefined) parseNodeIdList(String(annotation));
    return true;
  } catch {
    return false;
  }
}

/** Node IDs of every pool of one cluster, as the operator assigns them (the doctor's rules). */
export function poolNodeIds(pools: readonly InputObject[]): Map<string, { ids: number[]; source: string }> {
  return assignNodeIds(
    pools.map((p) => ({
      name: p.object.metadata?.name ?? '',
      replicas: Number(p.object.spec?.replicas ?? 0),
      nextNodeIds: p.object.metadata?.annotations?.[NEXT_NODE_IDS],
      statusNodeIds: Array.isArray(p.status?.nodeIds) ? (p.status.nodeIds as unknown[]).map(Number) : undefined,
    })),
  );
}

/** The scale-up range of a `next-node-ids` list: what is left after the current IDs, when one range. */
function scaleUpRange(
  annotation: string | undefined,
  ids: readonly number[],
): { from: number; to: number } | undefined {
  if (!annotation) return undefined;
  let rest: number[];
  try {
    rest = parseNodeIdList(annotation).filter((id) => !ids.includes(id));
  } catch {
    return undefined;
  }
  const contiguous = rest.length > 1 && rest.every((id, i) => i === 0 || id === rest[i - 1] + 1);
  return contiguous ? { from: rest[0], to: rest[rest.length - 1] } : undefined;
}

function jvmOptions(j: unknown): Record<string, unknown> | undefined {
  if (!isRecord(j)) return undefined;
  const props = Array.isArray(j.javaSystemProperties)
    ? Object.fromEntries(j.javaSystemProperties.map((p) => [String(p?.name), String(p?.value)]))
    : undefined;
  return defined({
    xms: j['-Xms'],
    xmx: j['-Xmx'],
    gcLoggingEnabled: typeof j.gcLoggingEnabled === 'boolean' ? j.gcLoggingEnabled : undefined,
    xx: isRecord(j['-XX']) ? j['-XX'] : undefined,
    javaSystemProperties: props,
  });
}

function quantities(q: unknown): Record<string, string> | undefined {
  if (!isRecord(q)) return undefined;
  const out = Object.fromEntries(
    ['cpu', 'memory'].filter((k) => q[k] !== undefined).map((k) => [k, String(q[k])] as const),
  );
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The options of one pool, or a reason the library cannot express it. */
export function poolOptions(
  pool: InputObject,
  ids: { ids: number[]; source: string } | undefined,
): Record<string, unknown> | string {
  const spec = recordAt(pool.object, 'spec');
  const storage = storagePlan(spec.storage);
  if (typeof storage === 'string') return storage;
  const roles = Array.isArray(spec.roles) ? spec.roles : [];
  const pinned = ids && ids.source !== 'lowest-free' ? ids.ids : undefined;
  const annotation = pool.object.metadata?.annotations?.[NEXT_NODE_IDS];
  const resources = isRecord(spec.resources)
    ? defined({ requests: quantities(spec.resources.requests), limits: quantities(spec.resources.limits) })
    : undefined;
  return defined({
    roles,
    replicas: spec.replicas,
    storage,
    nodeIds: pinned,
    scaleUpNodeIds: pinned ? scaleUpRange(annotation, pinned) : undefined,
    resources: resources && Object.keys(resources).length > 0 ? resources : undefined,
    jvmOptions: jvmOptions(spec.jvmOptions),
    template: isRecord(spec.template) ? spec.template : undefined,
  });
}
