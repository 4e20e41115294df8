import { App, Chart, Testing } from 'cdk8s';
import {
  JbodVolume,
  KafkaRebalance,
  KraftCluster,
  KraftClusterProps,
  NodePoolOptions,
  STRIMZI_RELEASES,
  Storage,
  StrimziOperator,
  findProblems,
  formatProblem,
} from '../lib';
import { validateManifests } from '../lib/tools';
import { planChanges } from '../lib/plan';
import { compareVersions } from '../lib/core/release';
import { nodeIdLockOf } from '../lib/model/node-id-lock';

const storage = Storage.persistentClaim({ size: '10Gi' });
const jbod = Storage.jbod(
  JbodVolume.persistentClaim(0, { size: '10Gi', kraftMetadata: true }),
  JbodVolume.persistentClaim(1, { size: '10Gi' }),
);
const controller: NodePoolOptions = { roles: ['controller'], replicas: 3, storage };
const broker: NodePoolOptions = { roles: ['broker'], replicas: 3, storage };
const capacity = { inboundNetwork: '125MiB/s', outboundNetwork: '125MiB/s' };
const kind = (objects: any[], k: string, name: string) => objects.find((o) => o.kind === k && o.metadata.name === name);
const messages = (root: any) => findProblems(root).map(formatProblem);

describe('Cruise Control options', () => {
  test('goals, capacities (an override by pool, resolved to its node IDs), config, resources, API users, auto-rebalancing', () => {
    // GIVEN a cluster with two broker pools and every Cruise Control option
    const chart = Testing.chart();
    const c = new KraftCluster(chart, 'c', {
      nodePools: { controller, 'broker': broker, 'broker-big': { ...broker, replicas: 2 } },
      cruiseControl: {
        goals: ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal', 'com.example.MyGoal'],
        defaultGoals: ['RackAwareGoal', 'ReplicaCapacityGoal'],
        hardGoals: ['RackAwareGoal'],
        brokerCapacity: { cpu: '2', ...capacity, overrides: [{ pool: 'broker-big', cpu: '8', nodeIds: [0] }] },
        config: { 'cpu.balance.threshold': 1.1 },
        resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '1Gi' } },
        apiUsers: { secretName: 'cc-api-users', key: 'users' },
        autoRebalance: { addBrokers: {}, removeBrokers: { template: 'drain' } },
      },
    });
    new KafkaRebalance(chart, 'drain', { cluster: c, template: true });

    // WHEN synthesized
    const kafka = kind(Testing.synth(chart), 'Kafka', 'c');

    // THEN spec.cruiseControl holds them, goals as class names, the override's brokers as node IDs
    const g = 'com.linkedin.kafka.cruisecontrol.analyzer.goals';
    expect(kafka.spec.cruiseControl).toEqual({
      brokerCapacity: {
        cpu: '2',
        inboundNetwork: '125MiB/s',
        outboundNetwork: '125MiB/s',
        overrides: [{ brokers: [0, 3, 4], cpu: '8' }],
      },
      config: {
        'cpu.balance.threshold': 1.1,
        'default.goals': `${g}.RackAwareGoal,${g}.ReplicaCapacityGoal`,
        'goals': `${g}.RackAwareGoal,${g}.ReplicaCapacityGoal,${g}.DiskCapacityGoal,com.example.MyGoal`,
        'hard.goals': `${g}.RackAwareGoal`,
      },
      resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '1Gi' } },
      apiUsers: { type: 'hashLoginService', valueFrom: { secretKeyRef: { name: 'cc-api-users', key: 'users' } } },
      autoRebalance: [{ mode: 'add-brokers' }, { mode: 'remove-brokers', template: { name: 'drain' } }],
    });
    expect(c.model.pools.map((p) => [p.pool.name, p.nodeIds])).toEqual([
      ['broker', [0, 1, 2]],
      ['broker-big', [3, 4]],
      ['controller', [5, 6, 7]],
    ]);
    expect(messages(chart)).toEqual([]);
    // and the facts rebalances read
    expect(c.facts.cruiseControl).toEqual({
      enabled: true,
      hardGoals: ['RackAwareGoal'],
      autoRebalance: [{ mode: 'add-brokers' }, { mode: 'remove-brokers', template: 'drain' }],
    });
  });

  test('cruiseControl: true renders {} and its facts hold the goals hard in every release', () => {
    const { chart, c } = (() => {
      const ch = Testing.chart();
      return { chart: ch, c: new KraftCluster(ch, 'c', { nodePools: { broker, controller }, cruiseControl: true }) };
    })();
    expect(kind(Testing.synth(chart), 'Kafka', 'c').spec.cruiseControl).toEqual({});
    expect(c.cruiseControl).toBe(true);
    expect(c.facts.cruiseControl).toEqual({
      enabled: true,
      hardGoals: ['RackAwareGoal', 'MinTopicLeadersPerBrokerGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal'],
      autoRebalance: [],
    });
  });

  test.each([
    ['0.47.0', true],
    ['0.48.0', false],
  ])('on %s, Cruise Control without network capacities warns: %s', (tag, warns) => {
    const chart = Testing.chart();
    new KraftCluster(chart, 'c', { strimziVersion: tag, nodePools: { broker, controller }, cruiseControl: true });
    expect(messages(chart).some((m) => m.endsWith('[cruise-control-network-capacity]'))).toBe(warns);
  });
});

describe('rack awareness and zones', () => {
  test('a topology label: kafka.rack, each pool spread across zones and hosts, a pool template of its own kept', () => {
    // GIVEN rack awareness over three zones, and a controller pool with its own spread
    const own = [{ maxSkew: 2, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' as const }];
    const chart = Testing.chart();
    const c = new KraftCluster(chart, 'c', {
      nodePools: { broker, controller: { ...controller, template: { pod: { topologySpreadConstraints: own } } } },
      rack: { zones: ['eu-1a', 'eu-1b', 'eu-1c'] },
    });

    // WHEN synthesized
    const objects = Testing.synth(chart);

    // THEN the brokers learn their zone from the node label, and Connect/MM2 can read where from
    expect(kind(objects, 'Kafka', 'c').spec.kafka.rack).toEqual({ topologyKey: 'topology.kubernetes.io/zone' });
    expect(c.facts.rack).toEqual({ type: 'topology-label', topologyKey: 'topology.kubernetes.io/zone' });
    const selector = { matchLabels: { 'strimzi.io/cluster': 'c', 'strimzi.io/pool-name': 'broker' } };
    expect(kind(objects, 'KafkaNodePool', 'broker').spec.template).toEqual({
      pod: {
        topologySpreadConstraints: [
          {
            labelSelector: selector,
            maxSkew: 1,
            topologyKey: 'topology.kubernetes.io/zone',
            whenUnsatisfiable: 'DoNotSchedule',
          },
          {
            labelSelector: selector,
            maxSkew: 1,
            topologyKey: 'kubernetes.io/hostname',
            whenUnsatisfiable: 'ScheduleAnyway',
          },
        ],
      },
    });
    expect(kind(objects, 'KafkaNodePool', 'controller').spec.template).toEqual({
      pod: { topologySpreadConstraints: own },
    });
    // factor 3, min ISR 2 over 3 zones survives one zone's loss: no finding
    expect(messages(chart)).toEqual([]);
  });

  test('an environment variable (1.0.0+): type and name, pods spread across hosts only, valid for 1.0.0', () => {
    const chart = Testing.chart();
    const c = new KraftCluster(chart, 'c', {
      strimziVersion: '1.0.0',
      nodePools: { broker, controller },
      rack: { type: 'environment-variable', envVarName: 'KAFKA_RACK', spreadPods: true },
    });
    const objects = Testing.synth(chart);
    expect(kind(objects, 'Kafka', 'c').spec.kafka.rack).toEqual({
      type: 'environment-variable',
      envVarName: 'KAFKA_RACK',
    });
    expect(c.facts.rack).toEqual({ type: 'environment-variable', envVarName: 'KAFKA_RACK' });
    expect(
      kind(objects, 'KafkaNodePool', 'broker').spec.template.pod.topologySpreadConstraints.map(
        (t: any) => t.topologyKey,
      ),
    ).toEqual(['kubernetes.io/hostname']);
    expect(validateManifests(objects, { strimziVersion: '1.0.0' }).errors).toEqual([]);
  });

  test('spreadPods: false leaves the templates alone; no rack means the fact none', () => {
    const chart = Testing.chart();
    const c = new KraftCluster(chart, 'c', { nodePools: { broker, controller }, rack: { spreadPods: false } });
    const other = new KraftCluster(new Chart(Testing.app(), 'other'), 'd', { nodePools: { broker, controller } });
    expect(kind(Testing.synth(chart), 'KafkaNodePool', 'broker').spec.template).toBeUndefined();
    expect(c.model.pools.map((p) => p.spread)).toEqual([[], []]);
    expect(other.facts.rack).toEqual({ type: 'none' });
  });

  test.each(['0.41.0', '0.49.0', '1.2.0'])(
    'the operator of %s grants what rack awareness needs: the broker-delegation ClusterRoleBinding',
    (tag) => {
      // GIVEN the operator bundle of a release
      const chart = new Chart(Testing.app(), 'ops');
      new StrimziOperator(chart, 'strimzi', {
        strimziVersion: tag,
        resources: { requests: { memory: '512Mi' }, limits: { memory: '512Mi' } },
      });

      // THEN it binds the operator's account to strimzi-kafka-broker (the brokers read their node's labels)
      const binding = kind(
        Testing.synth(chart),
        'ClusterRoleBinding',
        'strimzi-cluster-operator-kafka-broker-delegation',
      );
      expect(binding.roleRef).toEqual({
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'strimzi-kafka-broker',
      });
      expect(binding.subjects).toEqual([
        { kind: 'ServiceAccount', name: 'strimzi-cluster-operator', namespace: 'strimzi' },
      ]);
    },
  );
});

describe('KafkaRebalance', () => {
  test('modes, brokers from a NodePool object, goals, auto-approval, the template form', () => {
    // GIVEN a cluster with a new broker pool and JBOD brokers
    const chart = Testing.chart();
    const c = new KraftCluster(chart, 'c', {
      nodePools: { controller, 'broker': { ...broker, storage: jbod }, 'broker-b': { ...broker, replicas: 2 } },
      cruiseControl: { brokerCapacity: capacity },
    });
    const newPool = c.nodePools.find((p) => p.name === 'broker-b')!;
    const add = new KafkaRebalance(chart, 'add-b', {
      cluster: c,
      mode: 'add-brokers',
      brokers: { pool: newPool },
      autoApprove: true,
    });
    new KafkaRebalance(chart, 'disks', {
      cluster: c,
      mode: 'remove-disks',
      volumes: { pool: 'broker', volumeIds: [1] },
    });
    new KafkaRebalance(chart, 'full', {
      cluster: c,
      goals: ['RackAwareGoal', 'ReplicaDistributionGoal'],
      skipHardGoalCheck: true,
      excludedTopics: 'internal\\..*',
      replicationThrottle: 10485760,
    });
    new KafkaRebalance(chart, 'tpl', { cluster: c, template: true, goals: ['RackAwareGoal'], skipHardGoalCheck: true });

    // WHEN synthesized
    const objects = Testing.synth(chart).filter((o) => o.kind === 'KafkaRebalance');

    // THEN
    expect(add.brokerIds).toEqual([3, 4]);
    expect(objects.map((o) => ({ metadata: o.metadata, spec: o.spec }))).toEqual([
      {
        metadata: {
          name: 'add-b',
          labels: { 'strimzi.io/cluster': 'c' },
          annotations: { 'strimzi.io/rebalance-auto-approval': 'true' },
        },
        spec: { mode: 'add-brokers', brokers: [3, 4] },
      },
      {
        metadata: { name: 'disks', labels: { 'strimzi.io/cluster': 'c' } },
        spec: {
          mode: 'remove-disks',
          moveReplicasOffVolumes: [
            { brokerId: 0, volumeIds: [1] },
            { brokerId: 1, volumeIds: [1] },
            { brokerId: 2, volumeIds: [1] },
          ],
        },
      },
      {
        metadata: { name: 'full', labels: { 'strimzi.io/cluster': 'c' } },
        spec: {
          goals: ['RackAwareGoal', 'ReplicaDistributionGoal'],
          skipHardGoalCheck: true,
          excludedTopics: 'internal\\..*',
          replicationThrottle: 10485760,
        },
      },
      {
        metadata: { name: 'tpl', annotations: { 'strimzi.io/rebalance-template': 'true' } },
        spec: { goals: ['RackAwareGoal'], skipHardGoalCheck: true },
      },
    ]);
    expect(messages(chart)).toEqual([]);
  });

  test.each(STRIMZI_RELEASES.map((r) => r.tag))(
    'Strimzi %s: a cluster with zones, Cruise Control and every rebalance it serves validates strictly',
    (tag) => {
      // GIVEN every option the release serves
      const at = (since: string) => compareVersions(tag, since) >= 0;
      const chart = Testing.chart();
      const props: KraftClusterProps = {
        strimziVersion: tag,
        nodePools: {
          'controller': controller,
          'broker': { ...broker, storage: jbod, nodeIds: [0, 1, 2, 3] },
          'broker-new': { ...broker, replicas: 2 },
        },
        rack: at('1.0.0') ? { type: 'environment-variable', envVarName: 'RACK' } : { zones: ['a', 'b', 'c'] },
        cruiseControl: {
          hardGoals: ['RackAwareGoal'],
          brokerCapacity: { cpu: '2', ...capacity, overrides: [{ pool: 'broker-new', cpu: '4' }] },
          resources: { requests: { cpu: '1', memory: '1Gi' } },
          ...(at('0.43.0') ? { apiUsers: { secretName: 'cc-api', key: 'users' } } : {}),
          ...(at('0.44.0') ? { autoRebalance: { addBrokers: { template: 'grow' }, removeBrokers: {} } } : {}),
        },
      };
      const c = new KraftCluster(chart, 'c', props);
      new KafkaRebalance(chart, 'grow', { cluster: c, template: true });
      new KafkaRebalance(chart, 'add', { cluster: c, mode: 'add-brokers', brokers: { pool: 'broker-new' } });
      new KafkaRebalance(chart, 'drain', { cluster: c, mode: 'remove-brokers', brokers: { pool: 'broker' } });
      if (at('0.45.0')) {
        new KafkaRebalance(chart, 'disks', {
          cluster: c,
          mode: 'remove-disks',
          volumes: { nodeIds: [0], volumeIds: [1] },
        });
      }

      // WHEN synthesized THEN no error, and every object is valid for the release
      expect(messages(chart).filter((m) => !m.includes('warning:'))).toEqual([]);
      const objects = Testing.synth(chart);
      expect(objects.filter((o) => o.kind === 'KafkaRebalance').length).toBe(at('0.45.0') ? 4 : 3);
      expect(validateManifests(objects, { strimziVersion: tag }).errors).toEqual([]);
    },
  );
});

describe('scale safety from the model', () => {
  /** An app of one cluster whose broker pool declares node IDs 0-4 and runs `replicas`, with `extra`. */
  function scaled(replicas: number, extra: KraftClusterProps = {}, rebalance?: 'remove-brokers' | 'add-brokers') {
    const app = Testing.app();
    const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
    const c = new KraftCluster(chart, 'c', {
      nodePools: { broker: { ...broker, replicas, nodeIds: [0, 1, 2, 3, 4] }, controller },
      cruiseControl: { brokerCapacity: capacity },
      ...extra,
    });
    const r = rebalance && new KafkaRebalance(chart, 'r', { cluster: c, mode: rebalance, brokers: { pool: 'broker' } });
    return { app, chart, c, r };
  }
  const pool = (c: KraftCluster) => c.model.pools.find((p) => p.pool.name === 'broker')!;

  test('scaling down from 5 to 3 says which IDs leave, and warns until something drains them', () => {
    // GIVEN the pool at 3 of its 5 declared IDs, nothing draining
    const down = scaled(3);

    // THEN IDs 3 and 4 leave, the facts say so, and the scale-down warns
    expect(pool(down.c).nodeIds).toEqual([0, 1, 2]);
    expect(pool(down.c).leavingNodeIds).toEqual([3, 4]);
    expect(down.c.facts.brokerPools![0]).toEqual({
      name: 'broker',
      nodeIds: [0, 1, 2],
      leavingNodeIds: [3, 4],
      arrivingNodeIds: [],
      volumeIds: [],
    });
    expect(messages(down.app)).toEqual([
      "[kafka/c/broker] warning: replicas = 3: the scale-down removes broker(s) 3, 4 and nothing drains them; the operator refuses to remove brokers holding replicas. Fix: set cruiseControl.autoRebalance.removeBrokers, or add new KafkaRebalance(..., { cluster, mode: 'remove-brokers', brokers: { pool: 'broker' } }) [scale-down-drain]",
    ]);

    // WHEN a remove-brokers rebalance names the pool THEN it drains exactly 3 and 4, and the warning goes
    const drained = scaled(3, {}, 'remove-brokers');
    expect(drained.r!.brokerIds).toEqual([3, 4]);
    expect(Testing.synth(drained.chart).find((o) => o.kind === 'KafkaRebalance').spec).toEqual({
      mode: 'remove-brokers',
      brokers: [3, 4],
    });
    expect(messages(drained.app)).toEqual([]);

    // and with auto-rebalancing on scale-down the operator drains them itself: no warning, no rebalance needed
    const auto = scaled(3, { cruiseControl: { brokerCapacity: capacity, autoRebalance: { removeBrokers: {} } } });
    expect(messages(auto.app)).toEqual([]);
    expect(pool(auto.c).leavingNodeIds).toEqual([3, 4]);
  });

  test('scaling up beyond the declared IDs takes the pool scale-up range; add-brokers names only the new brokers', () => {
    // GIVEN the pool at 7 replicas, declared 0-4
    const up = scaled(7, {}, 'add-brokers');

    // THEN the two new brokers come from the pool's scale-up range and the rebalance moves onto them
    expect(pool(up.c).nodeIds).toEqual([0, 1, 2, 3, 4, 100, 101]);
    expect(pool(up.c).arrivingNodeIds).toEqual([100, 101]);
    expect(pool(up.c).leavingNodeIds).toEqual([]);
    expect(up.r!.brokerIds).toEqual([100, 101]);
    const objects = Testing.synth(up.chart);
    expect(kind(objects, 'KafkaNodePool', 'broker').metadata.annotations).toEqual({
      'strimzi.io/next-node-ids': '[0-4,100-199]',
    });
    expect(kind(objects, 'KafkaRebalance', 'r').spec).toEqual({ mode: 'add-brokers', brokers: [100, 101] });
    expect(messages(up.app)).toEqual([]);
  });

  test('the drain check runs without any KafkaRebalance in the app, and for every cluster of it', () => {
    const app = Testing.app();
    const pools = (nodeIds: number[]) => ({ nodePools: { broker: { ...broker, nodeIds }, controller } });
    new KraftCluster(new Chart(app, 'kafka', { namespace: 'a' }), 'a', pools([0, 1, 2, 3]));
    new KraftCluster(new Chart(app, 'kafka-b', { namespace: 'b' }), 'b', pools([0, 1, 2, 3, 4]));
    expect(messages(app).map((m) => m.slice(0, m.indexOf(' and nothing')))).toEqual([
      '[kafka/a/broker] warning: replicas = 3: the scale-down removes broker(s) 3',
      '[kafka-b/b/broker] warning: replicas = 3: the scale-down removes broker(s) 3, 4',
    ]);
  });
});

test('an App whose synth fails on a rebalance writes nothing', () => {
  const app = new App({ outdir: '/nonexistent/never-written' });
  const chart = new Chart(app, 'kafka');
  const c = new KraftCluster(chart, 'c', { nodePools: { broker, controller } });
  new KafkaRebalance(chart, 'r', { cluster: c });
  expect(() => app.synth()).toThrow(/rebalance-cruise-control/);
});

describe('the plan of a Cruise Control change', () => {
  /** The objects of a cluster with `cruiseControl`. */
  const output = (cruiseControl: KraftClusterProps['cruiseControl']) => {
    const chart = new Chart(Testing.app(), 'kafka', { namespace: 'kafka' });
    new KraftCluster(chart, 'c', { nodePools: { broker, controller }, cruiseControl });
    return Testing.synth(chart);
  };
  const rows = (before: any[], after: any[]) =>
    planChanges(before, after).changes.map((c) => [c.consequence, c.field, c.effect]);

  test('switching it on restarts the brokers; changing its options restarts Cruise Control only', () => {
    const off = output(undefined);
    const on = output({ brokerCapacity: capacity });
    const auto = output({ brokerCapacity: capacity, autoRebalance: { removeBrokers: {} } });
    expect(rows(off, on)).toEqual([
      ['restart', 'spec.cruiseControl', 'brokers restart (the metrics reporter changes)'],
    ]);
    expect(rows(on, auto)).toEqual([
      ['safe', 'spec.cruiseControl', 'Cruise Control restarts with its new options; brokers do not'],
    ]);
  });
});

describe('one mistake, one finding', () => {
  const errorsOf = (root: any) =>
    findProblems(root)
      .filter((p) => p.rule.severity === 'error')
      .map((p) => `${p.rule.id} ${p.field}`);

  test('a capacity override whose pool is not a string is reported once, not again as naming no brokers', () => {
    const chart = Testing.chart();
    new KraftCluster(chart, 'c', {
      nodePools: { broker, controller },
      cruiseControl: { brokerCapacity: { ...capacity, overrides: [{ pool: 7 as any, cpu: '2' }] } },
    });
    expect(errorsOf(chart)).toEqual(['prop-type cruiseControl.brokerCapacity.overrides[0].pool']);
  });

  test('a rebalance of an unknown mode is not also told its brokers do not fit the mode', () => {
    const chart = Testing.chart();
    const c = new KraftCluster(chart, 'c', { nodePools: { broker, controller }, cruiseControl: true });
    new KafkaRebalance(chart, 'r', { cluster: c, mode: 'everything' as any, brokers: { pool: 'broker' } });
    new KafkaRebalance(chart, 's', { cluster: c, mode: 'add-brokers', brokers: { pool: 5 as any } });
    expect(errorsOf(chart)).toEqual(['prop-type mode', 'prop-type brokers.pool']);
  });
});

describe('scale safety with the node-ID lock (the GitOps flow)', () => {
  /** The objects of an app whose broker pool runs `replicas`, locked to `lock` when given. */
  const output = (replicas: number, lock?: ReturnType<typeof nodeIdLockOf>) => {
    const chart = new Chart(Testing.app(), 'kafka', { namespace: 'kafka' });
    const c = new KraftCluster(chart, 'c', {
      nodePools: { broker: { ...broker, replicas }, controller },
      cruiseControl: { brokerCapacity: capacity },
      nodeIdLock: lock,
    });
    return { c, chart, objects: () => Testing.synth(chart) };
  };

  test('the previous output pins IDs 0-4: at 3 replicas 3 and 4 leave; at 6 one new broker arrives', () => {
    // GIVEN a committed output with five brokers
    const before = output(5);
    const lock = nodeIdLockOf(before.objects(), 'dist/kafka');
    expect(before.c.model.pools.find((p) => p.pool.name === 'broker')!.nodeIds).toEqual([0, 1, 2, 3, 4]);

    // WHEN the pool shrinks to 3 THEN IDs 3 and 4 leave, and nothing drains them yet
    const down = output(3, lock);
    expect(down.c.facts.brokerPools!.map((p) => [p.name, p.nodeIds, p.leavingNodeIds, p.arrivingNodeIds])).toEqual([
      ['broker', [0, 1, 2], [3, 4], []],
    ]);
    expect(messages(down.chart).map((m) => m.slice(0, m.indexOf(';')))).toEqual([
      '[kafka/c/broker] warning: replicas = 3: the scale-down removes broker(s) 3, 4 and nothing drains them',
    ]);

    // WHEN it grows to 6 THEN one broker arrives from the pool's scale-up range, and add-brokers names it
    const up = output(6, lock);
    const r = new KafkaRebalance(up.chart, 'grow', { cluster: up.c, mode: 'add-brokers', brokers: { pool: 'broker' } });
    expect(up.c.facts.brokerPools![0].arrivingNodeIds).toEqual([100]);
    expect(r.brokerIds).toEqual([100]);
    expect(messages(up.chart)).toEqual([]);
  });
});

describe('a cluster managed elsewhere', () => {
  test('declares its rack and Cruise Control; rebalances of it are checked against what it declares', () => {
    // GIVEN two clusters of another team in namespace test, one with Cruise Control, one without
    const chart = new Chart(Testing.app(), 'test', { namespace: 'test' });
    const attributes = { namespace: 'test', strimziVersion: '1.2.0', kafkaVersion: '4.3.1', brokerNodeIds: [0, 1, 2] };
    const withCc = KraftCluster.fromAttributes(chart, 'with', {
      ...attributes,
      clusterName: 'with',
      cruiseControl: true,
      rack: { type: 'topology-label', topologyKey: 'topology.kubernetes.io/zone' },
    });
    const without = KraftCluster.fromAttributes(chart, 'without', {
      ...attributes,
      clusterName: 'without',
      cruiseControl: false,
    });
    new KafkaRebalance(chart, 'ok', { cluster: withCc, mode: 'remove-brokers', brokers: { nodeIds: [2] } });
    new KafkaRebalance(chart, 'bad-id', { cluster: withCc, mode: 'remove-brokers', brokers: { nodeIds: [5] } });
    new KafkaRebalance(chart, 'no-cc', { cluster: without });

    // THEN its facts carry the rack for Connect and MirrorMaker 2, and the rebalances are checked
    expect(withCc.facts.rack).toEqual({ type: 'topology-label', topologyKey: 'topology.kubernetes.io/zone' });
    expect(messages(chart)).toEqual([
      '[test/bad-id] brokers.nodeIds[0] = 5: no broker of the cluster has this node ID (brokers: 0, 1, 2). Fix: name a broker of the cluster, or its pool [rebalance-brokers]',
      '[test/no-cc] cluster = "without": cluster without runs no Cruise Control; the rebalance never gets a proposal. Fix: set cruiseControl on the cluster [rebalance-cruise-control]',
    ]);
  });
});
