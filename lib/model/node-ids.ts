/**
 * Node ID allocation: the one place that decides which node IDs every pool has and which it
 * takes when it scales up. Pure functions, so the rules are testable without constructs.
 *
 * How Strimzi assigns IDs: without `strimzi.io/next-node-ids`, pools are handled in the order the
 * API lists them (alphabetical) and each node takes the lowest unused ID, so pools `broker` and
 * `controller` with 3 replicas each get 0-2 and 3-5. With the annotation (`[0-2,100-199]`), a new
 * node takes the first ID of the list that no node of the cluster uses.
 *
 * The allocation here reproduces the operator's choice for pools whose IDs are not declared (so
 * adopting a cluster created without annotations changes nothing), pins them with the annotation,
 * and gives every pool its own disjoint range to scale up into.
 */

/** An inclusive range of node IDs. */
export interface NodeIdRange {
  /**
   * First ID of the range.
   * @integer
   */
  readonly from: number;
  /**
   * Last ID of the range (inclusive).
   * @integer
   */
  readonly to: number;
}

/** What the allocator needs to know about one pool. */
export interface PoolIdRequest {
  readonly name: string;
  readonly replicas: number;
  /** IDs the pool's nodes already have (adopted cluster) or must have. */
  readonly declaredIds?: readonly number[];
  /** Where the pool scales up to. Default: its own block, see `defaultScaleUpRange`. */
  readonly scaleUpRange?: NodeIdRange;
}

/** The allocator's answer for one pool. */
export interface PoolIds {
  readonly name: string;
  /** The IDs of the pool's current nodes, ascending. */
  readonly nodeIds: number[];
  /** The range the pool scales up into. */
  readonly scaleUpRange: NodeIdRange;
  /** The value of the pool's `strimzi.io/next-node-ids` annotation. */
  readonly nextNodeIds: string;
}

/** An allocation conflict, tied to the pool and field at fault. */
export interface NodeIdConflict {
  readonly pool: string;
  /** Which rule: an ID declared twice, an ID in another pool's range, overlapping ranges, or too few IDs. */
  readonly kind: 'declared-twice' | 'in-other-range' | 'ranges-overlap' | 'capacity';
  readonly field: 'nodeIds' | 'scaleUpNodeIds' | 'replicas';
  /** The offending value. */
  readonly value: unknown;
  readonly message: string;
  readonly fix: string;
}

/** Size of each pool's default scale-up block. */
export const SCALE_UP_BLOCK = 100;

/**
 * The default scale-up range of the pool at alphabetical position `index`:
 * 100-199 for the first pool, 200-299 for the second, and so on.
 */
export function defaultScaleUpRange(index: number): NodeIdRange {
  return { from: (index + 1) * SCALE_UP_BLOCK, to: (index + 2) * SCALE_UP_BLOCK - 1 };
}

/** Formats IDs and ranges in Strimzi's annotation syntax: `[0-2,5,100-199]`. */
export function formatNodeIdRanges(ids: readonly number[], ranges: readonly NodeIdRange[] = []): string {
  const parts: string[] = [];
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  for (const r of ranges) parts.push(r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`);
  return `[${parts.join(',')}]`;
}

function inRange(id: number, r: NodeIdRange): boolean {
  return id >= r.from && id <= r.to;
}

function overlaps(a: NodeIdRange, b: NodeIdRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/**
 * Allocates node IDs to pools. Pools are processed in alphabetical order, as the operator does.
 * A pool with declared IDs keeps the lowest `replicas` of them (Strimzi removes the highest ID on
 * scale-down) and takes any further nodes from its scale-up range; a pool without declared IDs
 * takes the lowest IDs nobody declared and no scale-up range holds.
 */
export function allocateNodeIds(requests: readonly PoolIdRequest[]): { pools: PoolIds[]; conflicts: NodeIdConflict[] } {
  const sorted = [...requests].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const conflicts: NodeIdConflict[] = [];
  const ranges = new Map(sorted.map((p, i) => [p.name, p.scaleUpRange ?? defaultScaleUpRange(i)] as const));
  // Who claims what, before anything is allocated: declared IDs and scale-up ranges.
  const declaredBy = declaredOwners(sorted, conflicts);
  rangeConflicts(sorted, ranges, declaredBy, conflicts);
  const claims: Claims = { ranges, declaredBy, used: new Set<number>() };
  const pools = sorted.map((p) => allocatePool(p, claims, conflicts));
  return { pools, conflicts };
}

/** Which pool declared each node ID (the first one, alphabetically; a second declaration is a conflict). */
function declaredOwners(sorted: readonly PoolIdRequest[], conflicts: NodeIdConflict[]): Map<number, string> {
  const declaredBy = new Map<number, string>();
  for (const p of sorted) {
    for (const id of new Set(p.declaredIds ?? [])) {
      const other = declaredBy.get(id);
      if (other !== undefined) {
        conflicts.push({
          pool: p.name,
          kind: 'declared-twice',
          field: 'nodeIds',
          value: id,
          message: `node ID ${id} is declared by pool '${other}' too`,
          fix: 'give every node ID to one pool only',
        });
      } else {
        declaredBy.set(id, p.name);
      }
    }
  }
  return declaredBy;
}

/** Scale-up ranges that overlap each other or hold another pool's declared IDs. */
function rangeConflicts(
  sorted: readonly PoolIdRequest[],
  ranges: ReadonlyMap<string, NodeIdRange>,
  declaredBy: ReadonlyMap<number, string>,
  conflicts: NodeIdConflict[],
): void {
  for (const p of sorted) {
    const r = ranges.get(p.name)!;
    for (const q of sorted) {
      if (q.name <= p.name) continue;
      const s = ranges.get(q.name)!;
      if (overlaps(r, s)) {
        conflicts.push({
          pool: q.name,
          kind: 'ranges-overlap',
          field: 'scaleUpNodeIds',
          value: s,
          message: `scale-up range ${s.from}-${s.to} overlaps pool '${p.name}''s ${r.from}-${r.to}`,
          fix: 'give each pool a scale-up range of its own',
        });
      }
    }
    for (const [id, owner] of declaredBy) {
      if (owner !== p.name && inRange(id, r)) {
        conflicts.push({
          pool: owner,
          kind: 'in-other-range',
          field: 'nodeIds',
          value: id,
          message: `node ID ${id} lies in pool '${p.name}''s scale-up range ${r.from}-${r.to}`,
          fix: `set scaleUpNodeIds on pool '${p.name}' to a range that avoids ${id}`,
        });
      }
    }
  }
}

/** The scale-up ranges and declared IDs of every pool, and the IDs allocated so far. */
interface Claims {
  readonly ranges: ReadonlyMap<string, NodeIdRange>;
  readonly declaredBy: ReadonlyMap<number, string>;
  readonly used: Set<number>;
}

/** The first ID from `id` on outside every range: the work never depends on a range's size. */
function pastRanges(id: number, ranges: ReadonlyMap<string, NodeIdRange>): number {
  for (let moved = true; moved;) {
    moved = false;
    for (const r of ranges.values())
      if (inRange(id, r)) {
        id = r.to + 1;
        moved = true;
      }
  }
  return id;
}

/** One pool's IDs (pools in alphabetical order; `claims.used` grows). */
function allocatePool(p: PoolIdRequest, claims: Claims, conflicts: NodeIdConflict[]): PoolIds {
  const { ranges, declaredBy, used } = claims;
  const reserved = (id: number) => declaredBy.has(id) || [...ranges.values()].some((r) => inRange(id, r));
  const range = ranges.get(p.name)!;
  const declared = [...new Set(p.declaredIds ?? [])].sort((a, b) => a - b);
  let nodeIds: number[];
  if (p.declaredIds !== undefined) {
    nodeIds = declared.slice(0, p.replicas);
    for (let id = range.from; nodeIds.length < p.replicas && id <= range.to; id++) {
      if (!used.has(id) && !declaredBy.has(id)) nodeIds.push(id);
    }
    if (nodeIds.length < p.replicas) {
      conflicts.push({
        pool: p.name,
        kind: 'capacity',
        field: 'replicas',
        value: p.replicas,
        message:
          `${p.replicas} replicas need more IDs than the ${declared.length} declared plus scale-up ` +
          `range ${range.from}-${range.to} hold`,
        fix: 'declare more nodeIds or widen scaleUpNodeIds',
      });
    }
  } else {
    nodeIds = [];
    for (let id = pastRanges(0, ranges); nodeIds.length < p.replicas; id = pastRanges(id + 1, ranges)) {
      if (!used.has(id) && !reserved(id)) nodeIds.push(id);
    }
  }
  nodeIds.forEach((id) => used.add(id));
  nodeIds.sort((a, b) => a - b);
  // Pinned: the pool's own IDs, then its scale-up range (which covers any IDs taken from it).
  const own = (p.declaredIds !== undefined ? declared : nodeIds).filter((id) => !inRange(id, range));
  return { name: p.name, nodeIds, scaleUpRange: range, nextNodeIds: formatNodeIdRanges(own, [range]) };
}
