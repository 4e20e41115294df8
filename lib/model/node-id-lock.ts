/**
 * The node-ID lock: the node IDs every pool has in a previous output (the committed dist folder),
 * so that a change to the app never moves them. Pure functions over plain data:
 * - `lockPoolsOf(objects)` reads the KafkaNodePools of parsed manifests;
 * - `poolNodeIds(pools)` says which IDs each pool's nodes have, as the operator assigns them;
 * - `nodeIdLockOf(objects)` is the lock of a whole output;
 * - `applyNodeIdLock` and `lockFindings` use it in the cluster model.
 */
import { Finding, finding } from '../core/problem';
import { RULES } from '../rules';
import { checkProps } from '../core/shape';
import { NodeIdRange, defaultScaleUpRange, formatNodeIdRanges } from './node-ids';
import { PoolSpec } from './pool';

/** One pool in the lock: the IDs its nodes have and the range it scales up into. */
export interface LockedPool {
  /**
   * Node IDs of the pool's nodes, ascending.
   * @integer
   */
  readonly nodeIds: readonly number[];
  /** The last range of its `strimzi.io/next-node-ids`, when that is a range beyond its nodes. */
  readonly scaleUpRange?: NodeIdRange;
}

/** The locked pools of one cluster, by pool name (checked at run time, entry by entry). */
export interface LockedPools {
  readonly [pool: string]: LockedPool;
}

/** The node IDs of every pool of a previous output, by cluster (`<namespace>/<name>`) and pool name. */
export interface NodeIdLock {
  readonly clusters: Readonly<Record<string, Readonly<Record<string, LockedPool>>>>;
  /** Where the lock was read from, named in findings (e.g. `dist/seed`). */
  readonly source?: string;
}

/** A KafkaNodePool of a previous output, as the lock reads it. */
export interface LockSourcePool {
  readonly cluster: string;
  readonly namespace?: string;
  readonly name: string;
  readonly replicas: number;
  /** `strimzi.io/next-node-ids`, as written. */
  readonly nextNodeIds?: string;
  /** `status.nodeIds`, when the output carries a status (exported from a running cluster). */
  readonly statusNodeIds?: readonly number[];
}

/** The key of a cluster in a lock. */
export const lockKey = (namespace: string | undefined, cluster: string): string => `${namespace ?? ''}/${cluster}`;

const MAX_ID = 2 ** 31 - 1;

/** Reads Strimzi's `[0-2,5,100-199]` into ranges, in order; undefined when it is not such a list. */
export function parseNodeIdRanges(value: string): NodeIdRange[] | undefined {
  const inner = /^\s*\[(.*)\]\s*$/.exec(value)?.[1] ?? value;
  const parts = inner
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p);
  const ranges: NodeIdRange[] = [];
  for (const part of parts) {
    const m = /^(\d{1,10})(?:\s*-\s*(\d{1,10}))?$/.exec(part);
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] !== undefined ? Number(m[2]) : from;
    if (to < from || to > MAX_ID) return undefined;
    ranges.push({ from, to });
  }
  return ranges;
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byNumber = (a: number, b: number) => a - b;

/** The first `count` IDs of `ranges` (in order) that `used` does not hold; never walks more than it takes. */
function takeFree(ranges: readonly NodeIdRange[], count: number, used: Set<number>): number[] {
  const ids: number[] = [];
  for (const r of ranges) {
    for (let id = r.from; id <= r.to && ids.length < count; id++) if (!used.has(id)) ids.push(id);
    if (ids.length >= count) break;
  }
  for (let id = 0; ids.length < count; id++) if (!used.has(id) && !ids.includes(id)) ids.push(id);
  return ids;
}

/**
 * The node IDs of each pool of one cluster, as the operator assigns them: `status.nodeIds` when
 * known; else, pools in alphabetical order, the first free IDs of `strimzi.io/next-node-ids`, then
 * the lowest free IDs. The scale-up range is the annotation's last range when it reaches beyond the
 * pool's nodes (the library writes the pool's own IDs first, its range last).
 */
export function poolNodeIds(pools: readonly LockSourcePool[]): Map<string, LockedPool> {
  const used = new Set<number>();
  const out = new Map<string, LockedPool>();
  const sorted = [...pools].sort(byName);
  for (const p of sorted) p.statusNodeIds?.forEach((id) => used.add(id));
  for (const p of sorted) {
    const ranges = p.nextNodeIds !== undefined ? (parseNodeIdRanges(p.nextNodeIds) ?? []) : [];
    const count = Math.max(0, Math.min(1000, Math.trunc(p.replicas) || 0));
    const nodeIds = p.statusNodeIds ? [...p.statusNodeIds] : takeFree(ranges, count, used);
    nodeIds.forEach((id) => used.add(id));
    nodeIds.sort(byNumber);
    const last = ranges[ranges.length - 1];
    const beyond =
      last !== undefined && last.to - last.from + 1 > nodeIds.filter((id) => id >= last.from && id <= last.to).length;
    out.set(p.name, { nodeIds, scaleUpRange: beyond ? last : undefined });
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The KafkaNodePools of parsed manifests (any other object is skipped). */
export function lockPoolsOf(objects: readonly unknown[]): LockSourcePool[] {
  return objects.filter(isRecord).flatMap((o): LockSourcePool[] => {
    const meta = isRecord(o.metadata) ? o.metadata : {};
    const cluster = isRecord(meta.labels) ? meta.labels['strimzi.io/cluster'] : undefined;
    const isPool = o.kind === 'KafkaNodePool' && String(o.apiVersion ?? '').startsWith('kafka.strimzi.io/');
    if (!isPool || typeof cluster !== 'string' || typeof meta.name !== 'string') return [];
    const next = isRecord(meta.annotations) ? meta.annotations['strimzi.io/next-node-ids'] : undefined;
    const status = isRecord(o.status) && Array.isArray(o.status.nodeIds) ? o.status.nodeIds.map(Number) : undefined;
    return [
      {
        cluster,
        namespace: typeof meta.namespace === 'string' ? meta.namespace : undefined,
        name: meta.name,
        replicas: Number(isRecord(o.spec) ? o.spec.replicas : 0) || 0,
        nextNodeIds: typeof next === 'string' ? next : undefined,
        statusNodeIds: status?.every(Number.isInteger) ? status : undefined,
      },
    ];
  });
}

/** The lock of a whole output: every pool's node IDs, by cluster. */
export function nodeIdLockOf(objects: readonly unknown[], source?: string): NodeIdLock {
  const byCluster = new Map<string, LockSourcePool[]>();
  for (const p of lockPoolsOf(objects)) {
    const key = lockKey(p.namespace, p.cluster);
    byCluster.set(key, [...(byCluster.get(key) ?? []), p]);
  }
  const clusters: Record<string, Record<string, LockedPool>> = {};
  for (const key of [...byCluster.keys()].sort()) {
    clusters[key] = Object.fromEntries(poolNodeIds(byCluster.get(key)!));
  }
  return { clusters, source };
}

const overlaps = (a: NodeIdRange, b: NodeIdRange) => a.from <= b.to && b.from <= a.to;

/**
 * The locked pools of one cluster (`<namespace>/<name>`), checked in full; a malformed entry is
 * reported (field `nodeIdLock.clusters[...]`) and not used.
 */
export function lockedPoolsOf(
  lock: NodeIdLock | undefined,
  key: string,
): { locked?: Record<string, LockedPool>; findings: Finding[] } {
  const entry: unknown = lock?.clusters?.[key];
  if (entry === undefined) return { findings: [] };
  const checked = checkProps<Record<string, LockedPool>>(entry, 'LockedPools', {}, `nodeIdLock.clusters['${key}']`);
  return checked.findings.length > 0 ? { findings: checked.findings } : { locked: checked.props, findings: [] };
}

/** A default-sized block at or after the pool's own default that overlaps none of `taken`. */
function freeBlock(index: number, taken: readonly NodeIdRange[]): NodeIdRange {
  for (let k = index; ; k++) {
    const r = defaultScaleUpRange(k);
    if (!taken.some((t) => overlaps(r, t))) return r;
  }
}

/** The lowest `count` IDs outside `reserved` and every range; the work never depends on a range's size. */
function freshIds(count: number, reserved: Set<number>, ranges: readonly NodeIdRange[]): number[] {
  const ids: number[] = [];
  for (let id = 0; ids.length < count; id++) {
    const range = ranges.find((r) => id >= r.from && id <= r.to);
    if (range) id = range.to;
    else if (!reserved.has(id)) ids.push(id);
  }
  return ids;
}

/**
 * Pools with the lock applied: a locked pool without declared `nodeIds` declares the IDs it has,
 * and keeps its scale-up range unless one is given; a new pool without a range gets a free block
 * (its default one when that is free), so it never takes a range a locked pool scales into, and
 * without declared IDs the lowest IDs that no pool of the lock had (a removed pool's IDs are not
 * given to new, empty nodes).
 */
export function applyNodeIdLock(pools: readonly PoolSpec[], locked?: Readonly<Record<string, LockedPool>>): PoolSpec[] {
  if (!locked) return [...pools];
  const withLock = [...pools].sort(byName).map((p) => {
    const l = locked[p.name];
    if (!l) return p;
    return {
      ...p,
      declaredNodeIds: p.declaredNodeIds ?? [...l.nodeIds],
      scaleUpNodeIds: p.scaleUpNodeIds ?? l.scaleUpRange,
    };
  });
  const taken: NodeIdRange[] = withLock.flatMap((p) => [
    ...(p.scaleUpNodeIds ? [p.scaleUpNodeIds] : []),
    ...(p.declaredNodeIds ?? []).map((id) => ({ from: id, to: id })),
  ]);
  const withRanges = withLock.map((p, i) => {
    if (p.scaleUpNodeIds || locked[p.name]) return p;
    const range = freeBlock(i, taken);
    taken.push(range);
    return { ...p, scaleUpNodeIds: range };
  });
  const declared = withRanges.flatMap((p) => p.declaredNodeIds ?? []);
  const reserved = new Set([...Object.values(locked).flatMap((l) => l.nodeIds), ...declared]);
  const ranges = withRanges.flatMap((p) => (p.scaleUpNodeIds ? [p.scaleUpNodeIds] : []));
  return withRanges.map((p) => {
    if (p.declaredNodeIds || locked[p.name]) return p;
    const ids = freshIds(p.replicas, reserved, ranges);
    ids.forEach((id) => reserved.add(id));
    return { ...p, declaredNodeIds: ids };
  });
}

/** A lock finding, by pool. */
export interface LockFinding {
  readonly pool: string;
  readonly finding: Finding;
}

/**
 * Node IDs the lock holds that the allocation would move: a pool that loses a locked ID while it
 * gains another, or a locked ID that lands in another pool. Each names the pool and the fix.
 */
export function lockFindings(
  allocated: readonly { name: string; nodeIds: readonly number[] }[],
  locked: Readonly<Record<string, LockedPool>> | undefined,
  source = 'the lock',
): LockFinding[] {
  if (!locked) return [];
  const owner = new Map<number, string>();
  for (const [name, l] of Object.entries(locked)) l.nodeIds.forEach((id) => owner.set(id, name));
  const out: LockFinding[] = [];
  for (const p of allocated) {
    const before = locked[p.name]?.nodeIds ?? [];
    const lost = before.filter((id) => !p.nodeIds.includes(id));
    const gained = p.nodeIds.filter((id) => !before.includes(id));
    const stolen = gained.filter((id) => owner.has(id) && owner.get(id) !== p.name);
    if ((lost.length > 0 && gained.length > 0) || stolen.length > 0) out.push(moved(p, before, lost, stolen, source));
  }
  return out;
}

function moved(
  p: { name: string; nodeIds: readonly number[] },
  before: readonly number[],
  lost: number[],
  stolen: number[],
  source: string,
): LockFinding {
  const what = stolen.length
    ? `takes node ID(s) ${stolen.join(', ')} that other pools have in ${source}`
    : `would move node ID(s) ${lost.join(', ')} (${source}: ${formatNodeIdRanges(before)}) to ` +
      `${formatNodeIdRanges(p.nodeIds.filter((id) => !before.includes(id)))}`;
  return {
    pool: p.name,
    finding: finding(
      RULES.nodeIdsLocked,
      'nodeIds',
      [...p.nodeIds],
      `${what}: a moved ID is a node that loses its data and identity`,
      before.length
        ? `keep nodeIds [${before.join(', ')}] (add IDs for new nodes; lower replicas to remove the highest)`
        : 'give the pool node IDs no other pool has',
    ),
  };
}
