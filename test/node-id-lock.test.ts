import * as path from 'path';
import { App, Testing } from 'cdk8s';
import { APPS } from '../apps/registry';
import { KraftCluster, Storage } from '../lib';
import { applyNodeIdLock, lockFindings, nodeIdLockOf, parseNodeIdRanges, poolNodeIds } from '../lib/model/node-id-lock';
import { poolSpec } from '../lib/model/pool';
import { readNodeIdLock } from '../lib/plan';
import { planApp } from './support/plan-apps';
import { validationErrors } from './support/synth';

const storage = Storage.persistentClaim({ size: '10Gi' });

describe('node-ID lock: pure functions', () => {
  test("parseNodeIdRanges reads Strimzi's list without expanding it, and refuses anything else", () => {
    expect(parseNodeIdRanges('[0-2,5,100-199]')).toEqual([
      { from: 0, to: 2 },
      { from: 5, to: 5 },
      { from: 100, to: 199 },
    ]);
    expect(parseNodeIdRanges('[]')).toEqual([]);
    expect(parseNodeIdRanges('[3-1]')).toBeUndefined();
    expect(parseNodeIdRanges('[a]')).toBeUndefined();
    expect(parseNodeIdRanges('[0-99999999999]')).toBeUndefined();
  });

  test('poolNodeIds: status first, then the annotation in order, then the lowest free IDs; the last range scales', () => {
    // GIVEN a pool with a status, one with the library's annotation, one with neither
    const ids = poolNodeIds([
      { cluster: 'c', name: 'b', replicas: 4, nextNodeIds: '[0-2,100-199]' },
      { cluster: 'c', name: 'a', replicas: 2, statusNodeIds: [7, 0] },
      { cluster: 'c', name: 'z', replicas: 2 },
    ]);
    // THEN a keeps its status IDs, b skips 0 (taken by a) into its range, z takes the lowest free
    expect(Object.fromEntries(ids)).toEqual({
      a: { nodeIds: [0, 7], scaleUpRange: undefined },
      b: { nodeIds: [1, 2, 100, 101], scaleUpRange: { from: 100, to: 199 } },
      z: { nodeIds: [3, 4], scaleUpRange: undefined },
    });
  });

  test('applyNodeIdLock: locked pools declare their IDs and range; a new pool gets a free block', () => {
    // GIVEN a lock with broker 0-2 (100-199) and controller 3-5 (200-299), and a new pool 'aaa'
    const locked = {
      broker: { nodeIds: [0, 1, 2], scaleUpRange: { from: 100, to: 199 } },
      controller: { nodeIds: [3, 4, 5], scaleUpRange: { from: 200, to: 299 } },
    };
    const pools = ['aaa', 'broker', 'controller'].map((n) => poolSpec(n, { roles: ['broker'], replicas: 3, storage }));
    // WHEN the lock is applied
    const applied = applyNodeIdLock(pools, locked);
    // THEN 'aaa' (first alphabetically, default 100-199) takes 300-399 instead, and IDs nobody had
    expect(applied.map((p) => [p.name, p.declaredNodeIds, p.scaleUpNodeIds])).toEqual([
      ['aaa', [6, 7, 8], { from: 300, to: 399 }],
      ['broker', [0, 1, 2], { from: 100, to: 199 }],
      ['controller', [3, 4, 5], { from: 200, to: 299 }],
    ]);
  });

  test('a new pool never gets the IDs of a pool the lock has and the app no longer', () => {
    // GIVEN a lock with broker-b (3-5), removed from the app, and a new pool 'new'
    const locked = {
      'broker': { nodeIds: [0, 1, 2] },
      'broker-b': { nodeIds: [3, 4, 5] },
      'controller': { nodeIds: [6, 7, 8] },
    };
    const pools = ['broker', 'controller', 'new'].map((n) => poolSpec(n, { roles: ['broker'], replicas: 3, storage }));
    // THEN 'new' takes 9-11, not broker-b's 3-5
    expect(applyNodeIdLock(pools, locked).find((p) => p.name === 'new')!.declaredNodeIds).toEqual([9, 10, 11]);
  });

  test('lockFindings: a scale-down is no move; a replaced ID is', () => {
    const locked = { broker: { nodeIds: [0, 1, 2] } };
    expect(lockFindings([{ name: 'broker', nodeIds: [0, 1] }], locked)).toEqual([]);
    expect(lockFindings([{ name: 'broker', nodeIds: [0, 1, 2, 100] }], locked)).toEqual([]);
    expect(lockFindings([{ name: 'broker', nodeIds: [0, 1, 3] }], locked).map((f) => f.finding.message)).toEqual([
      'would move node ID(s) 2 (the lock: [0-2]) to [3]: a moved ID is a node that loses its data and identity',
    ]);
  });
});

describe('node-ID lock: the example apps read their committed dist/', () => {
  const idsOf = (objects: unknown[]) => nodeIdLockOf(objects).clusters;

  test.each(Object.keys(APPS).sort())('%s: adding a pool leaves every existing node ID where it was', (name) => {
    // GIVEN the app built as npm run synth builds it (its lock: dist/<name>)
    const cwd = process.cwd();
    process.chdir(path.resolve(__dirname, '..'));
    try {
      const committed = readNodeIdLock(path.join('dist', name)).clusters;
      const app = Testing.app();
      const chart = APPS[name](app);
      const cluster = chart.node.findAll().find((c): c is KraftCluster => c instanceof KraftCluster)!;
      // WHEN a broker pool is added whose name sorts before every other (the operator's order)
      cluster.addNodePool('aaa', { roles: ['broker'], replicas: 2, storage });
      expect(validationErrors(app as App).filter((e) => !e.includes('warning'))).toEqual([]);
      const after = idsOf(app.charts.flatMap((c) => Testing.synth(c)));
      // THEN every pool of dist/ has the IDs it had, and the new pool none of them
      const key = Object.keys(committed).find((k) => k.endsWith(`/${cluster.clusterName}`))!;
      const { aaa, ...existing } = after[key];
      expect(existing).toEqual(committed[key]);
      const taken = Object.values(committed[key]).flatMap((p) => p.nodeIds);
      expect(aaa.nodeIds.filter((id) => taken.includes(id))).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });

  test('without the lock, the same added pool moves the seed-like IDs; with it, growing and adding move none', () => {
    // GIVEN the seed-like cluster (broker 0-2, controller 3-5, IDs not declared)
    const before = planApp();
    const aaa = { aaa: { roles: ['broker' as const], replicas: 2, storage } };
    // WHEN a pool 'aaa' is added and the brokers grow to 4
    const unlocked = idsOf(planApp({ pools: aaa, brokers: 4 }))['kafka/my-cluster'];
    const locked = idsOf(planApp({ pools: aaa, brokers: 4, nodeIdLock: nodeIdLockOf(before) }))['kafka/my-cluster'];
    // THEN without the lock every old ID moves; with it broker keeps 0-2 (+100), controller 3-5
    expect(Object.fromEntries(Object.entries(unlocked).map(([n, p]) => [n, p.nodeIds]))).toEqual({
      aaa: [0, 1],
      broker: [2, 3, 4, 5],
      controller: [6, 7, 8],
    });
    expect(Object.fromEntries(Object.entries(locked).map(([n, p]) => [n, p.nodeIds]))).toEqual({
      aaa: [6, 7],
      broker: [0, 1, 2, 100],
      controller: [3, 4, 5],
    });
  });
});

describe('node-ID lock: bad input', () => {
  test('a malformed entry for the cluster is one clear finding and is not used', () => {
    // GIVEN a lock whose entry for this cluster holds a string node ID
    const chart = Testing.chart();
    new KraftCluster(chart, 'c', {
      nodeIdLock: { clusters: { '/c': { broker: { nodeIds: ['0' as unknown as number] } } } },
      nodePools: {
        broker: { roles: ['broker'], replicas: 3, storage },
        controller: { roles: ['controller'], replicas: 3, storage },
      },
    });
    // THEN the synth fails with the field, the value and the fix
    expect(validationErrors(chart)).toEqual([
      `[test/c] nodeIdLock.clusters['/c']['broker'].nodeIds[0] = "0": a string, not an integer. Fix: pass an integer [prop-type]`,
    ]);
  });
});

describe('the lock as committed', () => {
  test('readNodeIdLock reads <ref>:<folder> from git, as cdk8s synth empties its output folder first', () => {
    // GIVEN the committed seed output
    const fromFolder = readNodeIdLock(path.join(__dirname, '..', 'dist', 'seed'));

    // WHEN it is read at HEAD through git
    const fromGit = readNodeIdLock('HEAD:dist/seed');

    // THEN the pools and their IDs are the same
    expect(fromGit.clusters).toEqual(fromFolder.clusters);
    expect(Object.keys(fromGit.clusters)).toEqual(['kafka/my-cluster']);
  });
});
