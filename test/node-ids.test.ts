import { allocateNodeIds, formatNodeIdRanges } from '../lib/model/node-ids';

const ids = (result: ReturnType<typeof allocateNodeIds>) =>
  Object.fromEntries(result.pools.map((p) => [p.name, p.nodeIds]));
const annotations = (result: ReturnType<typeof allocateNodeIds>) =>
  Object.fromEntries(result.pools.map((p) => [p.name, p.nextNodeIds]));

describe('formatNodeIdRanges', () => {
  test('compresses runs and appends ranges in Strimzi syntax', () => {
    expect(formatNodeIdRanges([2, 0, 1, 5, 7, 8], [{ from: 100, to: 199 }])).toBe('[0-2,5,7-8,100-199]');
    expect(formatNodeIdRanges([], [{ from: 10, to: 10 }])).toBe('[10]');
  });
});

describe('allocateNodeIds', () => {
  test('the seed pools get the IDs the operator gave them: broker 0-2, controller 3-5', () => {
    // GIVEN the seed's pools, declared in the seed's order (controller first)
    const result = allocateNodeIds([
      { name: 'controller', replicas: 3 },
      { name: 'broker', replicas: 3 },
    ]);

    // THEN alphabetical order decides, as in the operator, and each pool has its own scale-up range
    expect(result.conflicts).toEqual([]);
    expect(ids(result)).toEqual({ broker: [0, 1, 2], controller: [3, 4, 5] });
    expect(annotations(result)).toEqual({ broker: '[0-2,100-199]', controller: '[3-5,200-299]' });
  });

  test('renamed pools follow alphabetical order', () => {
    // GIVEN the broker pool renamed so that it sorts after the controllers
    const result = allocateNodeIds([
      { name: 'controller', replicas: 3 },
      { name: 'kafka', replicas: 3 },
    ]);

    // THEN the brokers are 3-5 (and the model renders overrides for 3-5, not 0-2)
    expect(ids(result)).toEqual({ controller: [0, 1, 2], kafka: [3, 4, 5] });
  });

  test('a pool scaled up with declared IDs grows into its own range; other pools keep their IDs', () => {
    // GIVEN a running seed cluster whose IDs are declared, and the broker pool raised to 5
    const result = allocateNodeIds([
      { name: 'broker', replicas: 5, declaredIds: [0, 1, 2] },
      { name: 'controller', replicas: 3, declaredIds: [3, 4, 5] },
    ]);

    // THEN the new brokers take 100 and 101, and the annotation still lists the pool's own IDs first
    expect(ids(result)).toEqual({ broker: [0, 1, 2, 100, 101], controller: [3, 4, 5] });
    expect(annotations(result)).toEqual({ broker: '[0-2,100-199]', controller: '[3-5,200-299]' });
  });

  test('scaling down keeps the lowest declared IDs (Strimzi removes the highest)', () => {
    const result = allocateNodeIds([
      { name: 'broker', replicas: 2, declaredIds: [7, 3, 5] },
      { name: 'controller', replicas: 1 },
    ]);
    expect(ids(result).broker).toEqual([3, 5]);
    expect(annotations(result).broker).toBe('[3,5,7,100-199]');
    // undeclared pools avoid declared IDs
    expect(ids(result).controller).toEqual([0]);
  });

  test('a dual-role pool alone gets 0..n-1', () => {
    const result = allocateNodeIds([{ name: 'dual', replicas: 3 }]);
    expect(ids(result)).toEqual({ dual: [0, 1, 2] });
    expect(annotations(result)).toEqual({ dual: '[0-2,100-199]' });
  });

  test('adopted IDs from a cluster with gaps are kept exactly', () => {
    const result = allocateNodeIds([
      { name: 'broker', replicas: 3, declaredIds: [10, 11, 12] },
      { name: 'controller', replicas: 3, declaredIds: [0, 1, 2] },
      { name: 'zone-b', replicas: 2 },
    ]);
    expect(ids(result)).toEqual({ 'broker': [10, 11, 12], 'controller': [0, 1, 2], 'zone-b': [3, 4] });
    expect(annotations(result)['zone-b']).toBe('[3-4,300-399]');
  });

  test('conflicts are reported, not resolved silently', () => {
    // GIVEN the same ID declared twice, an ID in another pool's range, and an exhausted range
    const result = allocateNodeIds([
      { name: 'a', replicas: 1, declaredIds: [1] },
      { name: 'b', replicas: 1, declaredIds: [1] },
      { name: 'c', replicas: 1, declaredIds: [150] },
      { name: 'd', replicas: 3, declaredIds: [], scaleUpRange: { from: 900, to: 901 } },
    ]);

    // THEN each names the pool, the field and a fix
    expect(result.conflicts).toEqual([
      {
        pool: 'b',
        kind: 'declared-twice',
        field: 'nodeIds',
        value: 1,
        message: "node ID 1 is declared by pool 'a' too",
        fix: 'give every node ID to one pool only',
      },
      {
        pool: 'c',
        kind: 'in-other-range',
        field: 'nodeIds',
        value: 150,
        message: "node ID 150 lies in pool 'a''s scale-up range 100-199",
        fix: "set scaleUpNodeIds on pool 'a' to a range that avoids 150",
      },
      expect.objectContaining({ pool: 'd', kind: 'capacity', field: 'replicas', value: 3 }),
    ]);
  });

  test('overlapping scale-up ranges are reported', () => {
    const result = allocateNodeIds([
      { name: 'a', replicas: 1 },
      { name: 'b', replicas: 1, scaleUpRange: { from: 150, to: 160 } },
    ]);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        pool: 'b',
        kind: 'ranges-overlap',
        field: 'scaleUpNodeIds',
        message: "scale-up range 150-160 overlaps pool 'a''s 100-199",
      }),
    ]);
  });
});
