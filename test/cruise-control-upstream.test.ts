import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { JbodVolume, KafkaRebalance, KraftCluster, KraftClusterProps, NodePoolOptions, Storage } from '../lib';
import { readManifests } from '../lib/tools';
import { addedValueProblems, diffJson } from './support/diff';
import { describeIf, strimziRefDir } from './support/reference';

const RELEASES = ['0.41.0', '0.46.0', '0.49.0', '1.2.0'];
const ephemeral = Storage.jbod(JbodVolume.ephemeral(0, { kraftMetadata: true }));
const twoVolumes = Storage.jbod(JbodVolume.ephemeral(0, { kraftMetadata: true }), JbodVolume.ephemeral(1));
const pool = (roles: NodePoolOptions['roles'], extra: Partial<NodePoolOptions> = {}): NodePoolOptions => ({
  roles,
  replicas: 3,
  storage: ephemeral,
  ...extra,
});
const REBALANCE_GOALS = [
  'CpuCapacityGoal',
  'NetworkInboundCapacityGoal',
  'DiskCapacityGoal',
  'RackAwareGoal',
  'MinTopicLeadersPerBrokerGoal',
  'NetworkOutboundCapacityGoal',
  'ReplicaCapacityGoal',
];
const CAPACITY_GOALS = ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal'];
const distribution = (tag: string) => [
  'RackAwareGoal',
  'MinTopicLeadersPerBrokerGoal',
  'ReplicaCapacityGoal',
  'DiskCapacityGoal',
  'NetworkInboundCapacityGoal',
  'NetworkOutboundCapacityGoal',
  'CpuCapacityGoal',
  'ReplicaDistributionGoal',
  'PotentialNwOutGoal',
  'DiskUsageDistributionGoal',
  'NetworkInboundUsageDistributionGoal',
  'NetworkOutboundUsageDistributionGoal',
  'CpuUsageDistributionGoal',
  'TopicReplicaDistributionGoal',
  'LeaderReplicaDistributionGoal',
  'LeaderBytesInDistributionGoal',
  // the examples of 0.41.0, 0.46.0 and 0.49.0 list PreferredLeaderElectionGoal too; 1.2.0's does not
  ...(tag === '1.2.0' ? [] : ['PreferredLeaderElectionGoal']),
];

/** The metadata versions the examples spell with their IV (the library defaults to the release's `4.0`, `4.1`). */
const METADATA: Record<string, string> = { '0.46.0': '4.0-IV3', '0.49.0': '4.1-IV1' };

/** The cluster of upstream's examples (`my-cluster`, plain and tls listeners, 3 + 3 ephemeral nodes) with `extra`. */
function upstreamCluster(chart: Chart, tag: string, extra: KraftClusterProps = {}): KraftCluster {
  return new KraftCluster(chart, 'my-cluster', {
    strimziVersion: tag,
    metadataVersion: METADATA[tag],
    listeners: [
      { name: 'plain', port: 9092 },
      { name: 'tls', port: 9093, tls: true },
    ],
    nodePools: { controller: pool(['controller']), broker: pool(['broker']) },
    ...extra,
  });
}

/** How the library writes each upstream example, by file name. */
const BUILDERS: Record<string, (chart: Chart, tag: string) => void> = {
  'kafka-cruise-control.yaml': (chart, tag) => upstreamCluster(chart, tag, { cruiseControl: true }),
  'kafka-cruise-control-with-goals.yaml': (chart, tag) =>
    upstreamCluster(chart, tag, {
      cruiseControl: { goals: distribution(tag), defaultGoals: CAPACITY_GOALS, hardGoals: CAPACITY_GOALS },
    }),
  'kafka-cruise-control-auto-rebalancing.yaml': (chart, tag) => {
    const cluster = upstreamCluster(chart, tag, {
      cruiseControl: {
        autoRebalance: {
          addBrokers: { template: 'my-add-brokers-rebalancing-template' },
          removeBrokers: { template: 'my-remove-brokers-rebalancing-template' },
        },
      },
    });
    new KafkaRebalance(chart, 'my-add-brokers-rebalancing-template', { cluster, template: true });
    new KafkaRebalance(chart, 'my-remove-brokers-rebalancing-template', { cluster, template: true });
  },
  'kafka-rebalance-full.yaml': (chart, tag) => {
    new KafkaRebalance(chart, 'my-rebalance', { cluster: upstreamCluster(chart, tag, { cruiseControl: true }) });
  },
  // brokers 3 and 4 are a newly added pool: named by the pool, resolved from the model
  'kafka-rebalance-add-brokers.yaml': (chart, tag) => {
    const cluster = upstreamCluster(chart, tag, {
      cruiseControl: true,
      nodePools: {
        'controller': pool(['controller']),
        'broker': pool(['broker'], { nodeIds: [0, 1, 2] }),
        'broker-new': pool(['broker'], { replicas: 2, nodeIds: [3, 4] }),
      },
    });
    new KafkaRebalance(chart, 'my-rebalance', { cluster, mode: 'add-brokers', brokers: { pool: 'broker-new' } });
  },
  // brokers 3 and 4 are the ones the broker pool scales away (declared 0-4, 3 replicas)
  'kafka-rebalance-remove-brokers.yaml': (chart, tag) => {
    const cluster = upstreamCluster(chart, tag, {
      cruiseControl: true,
      nodePools: { controller: pool(['controller']), broker: pool(['broker'], { nodeIds: [0, 1, 2, 3, 4] }) },
    });
    new KafkaRebalance(chart, 'my-rebalance', { cluster, mode: 'remove-brokers', brokers: { pool: 'broker' } });
  },
  'kafka-rebalance-remove-disks.yaml': (chart, tag) => {
    const cluster = upstreamCluster(chart, tag, {
      cruiseControl: true,
      nodePools: { controller: pool(['controller']), broker: pool(['broker'], { storage: twoVolumes }) },
    });
    new KafkaRebalance(chart, 'my-rebalance', {
      cluster,
      mode: 'remove-disks',
      volumes: { nodeIds: [0], volumeIds: [1] },
    });
  },
  'kafka-rebalance-with-goals.yaml': (chart, tag) => {
    const cluster = upstreamCluster(chart, tag, { cruiseControl: true });
    new KafkaRebalance(chart, 'my-rebalance', { cluster, goals: REBALANCE_GOALS });
  },
};

const GOAL_KEYS = ['goals', 'default.goals', 'hard.goals'];
const key = (o: any) => `${o.kind}/${o.metadata.name}`;
const pinned = { path: 'metadata.annotations', kind: 'added' };
/** A comma-separated goal list as its goals (upstream folds it over lines, with spaces and a trailing comma). */
const goalsOf = (s: string) =>
  s
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g !== '');

/**
 * The intended differences of each example: pools pin their node IDs; the goal lists are written
 * comma-separated without spaces (compared goal by goal below); the 0.41.0 `Kafka` examples are
 * ZooKeeper clusters, of which only `spec.cruiseControl` is compared (this library builds KRaft clusters).
 */
function intended(file: string, k: string, zookeeper: boolean): object[] {
  if (k.startsWith('KafkaNodePool/')) return [pinned];
  if (k.startsWith('Kafka/') && file === 'kafka-cruise-control-with-goals.yaml') {
    return ['default.goals', 'goals', 'hard.goals'].map((g) => ({
      path: `${zookeeper ? '' : 'spec.cruiseControl.'}config.${g}`,
      kind: 'changed',
    }));
  }
  return [];
}

const ref = strimziRefDir('test/cruise-control-upstream.test.ts (packaging-examples/cruise-control)');
const cases = ref
  ? RELEASES.flatMap((tag) =>
      fs
        .readdirSync(path.join(ref, tag, 'packaging-examples', 'cruise-control'))
        .sort()
        .map((file) => [tag, file] as const),
    )
  : [];

describeIf(ref)('upstream Cruise Control examples, reproduced', () => {
  test('every example file of the four releases has a builder', () => {
    expect(cases.map(([, f]) => f).filter((f) => !BUILDERS[f])).toEqual([]);
    expect(cases.length).toBe(6 + 8 + 8 + 8);
  });

  test.each(cases)('%s %s: same objects, only the declared differences', (tag, file) => {
    // GIVEN the upstream example and the library's rendering of it
    const upstream = readManifests([path.join(ref!, tag, 'packaging-examples', 'cruise-control', file)]) as any[];
    const chart = Testing.chart();
    BUILDERS[file](chart, tag);
    const ours = Testing.synth(chart);
    const find = (k: string) => ours.find((o) => key(o) === k);

    // THEN every upstream object is there, equal but for the declared differences
    for (const u of upstream) {
      const o = find(key(u));
      expect(o).toBeDefined();
      const zookeeper = u.kind === 'Kafka' && u.spec.zookeeper !== undefined;
      const differences = zookeeper ? diffJson(u.spec.cruiseControl, o.spec.cruiseControl) : diffJson(u, o);
      expect([key(u), differences]).toEqual([key(u), intended(file, key(u), zookeeper)]);
      expect(addedValueProblems(o, differences)).toEqual([]);
      for (const g of GOAL_KEYS.filter((x) => u.spec.cruiseControl?.config?.[x] !== undefined)) {
        expect(goalsOf(o.spec.cruiseControl.config[g])).toEqual(goalsOf(u.spec.cruiseControl.config[g]));
      }
    }
    // and nothing but the example's objects and the cluster a rebalance refers to
    const extra = ours.map(key).filter((k) => !upstream.some((u) => key(u) === k));
    const rebalanceOnly = upstream.every((u) => u.kind === 'KafkaRebalance');
    const zookeeper = upstream.some((u) => u.spec?.zookeeper !== undefined);
    expect(extra.every((k) => /^(Kafka|KafkaNodePool)\//.test(k))).toBe(true);
    expect(extra.length === 0).toBe(!rebalanceOnly && !zookeeper);
  });
});
