import { Chart, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import {
  JbodVolume,
  KafkaRebalance,
  KafkaRebalanceProps,
  KraftCluster,
  KraftClusterProps,
  NodePoolOptions,
  Storage,
} from '../../lib';
import type { RuleCase } from './rule-cases';

const storage = Storage.persistentClaim({ size: '10Gi' });
const jbod = Storage.jbod(
  JbodVolume.persistentClaim(0, { size: '10Gi', kraftMetadata: true }),
  JbodVolume.persistentClaim(1, { size: '10Gi' }),
);
const controller: NodePoolOptions = { roles: ['controller'], replicas: 3, storage };
const broker: NodePoolOptions = { roles: ['broker'], replicas: 3, storage };
const capacity = { inboundNetwork: '125MiB/s', outboundNetwork: '125MiB/s' };

/** A chart with one cluster (three brokers, three controllers) plus `props`. */
function cluster(props: KraftClusterProps = {}, then?: (c: KraftCluster, chart: Chart) => void): IConstruct {
  const chart = Testing.chart();
  const c = new KraftCluster(chart, 'c', { nodePools: { broker, controller }, ...props });
  then?.(c, chart);
  return chart;
}

/** A cluster with Cruise Control and one rebalance of it. */
function rebalance(props: Omit<KafkaRebalanceProps, 'cluster'>, clusterProps: KraftClusterProps = {}): IConstruct {
  return cluster({ cruiseControl: true, ...clusterProps }, (c, chart) => {
    new KafkaRebalance(chart, 'r', { cluster: c, ...props });
  });
}

/** One bad input per rule of rack awareness, Cruise Control and rebalancing. */
export const CRUISE_RULE_CASES: RuleCase[] = [
  {
    rule: 'rackTypeServed',
    name: 'an environment-variable rack on 0.51.0',
    build: () => cluster({ strimziVersion: '0.51.0', rack: { type: 'environment-variable', envVarName: 'RACK' } }),
  },
  {
    rule: 'rackKey',
    name: "a topology key 'zone name', and envVarName without its type",
    build: () => cluster({ rack: { topologyKey: 'zone name', envVarName: 'RACK' } }),
  },
  {
    rule: 'rackKey',
    name: 'an environment-variable rack without envVarName',
    build: () => cluster({ rack: { type: 'environment-variable' } }),
  },
  {
    rule: 'rackZones',
    name: "zones 'eu west' and 'a' twice",
    build: () => cluster({ rack: { zones: ['a', 'eu west', 'a'] } }),
  },
  {
    rule: 'zoneLossReplication',
    name: 'factor 3, min ISR 2 over 2 zones',
    build: () => cluster({ rack: { zones: ['a', 'b'] } }),
  },
  {
    rule: 'zoneLossReplication',
    name: 'factor 2 in one zone',
    build: () => cluster({ rack: { zones: ['a'] }, replication: { factor: 2, minInSyncReplicas: 1 } }),
  },
  {
    rule: 'zoneBrokers',
    name: '2 brokers over 3 zones',
    build: () =>
      cluster({
        nodePools: { broker: { ...broker, replicas: 2 }, controller },
        replication: { factor: 2, minInSyncReplicas: 1 },
        rack: { zones: ['a', 'b', 'c'] },
      }),
  },
  {
    rule: 'cruiseControlOptionServed',
    name: 'apiUsers and autoRebalance on 0.42.0',
    build: () =>
      cluster({
        strimziVersion: '0.42.0',
        cruiseControl: {
          brokerCapacity: capacity,
          apiUsers: { secretName: 'cc-api', key: 'users' },
          autoRebalance: { addBrokers: {} },
        },
      }),
  },
  {
    rule: 'cruiseControlGoalKnown',
    name: "goal 'RackAware' and a rebalance goal 'rack-aware'",
    build: () =>
      rebalance(
        { goals: ['rack-aware'], skipHardGoalCheck: true },
        { cruiseControl: { goals: ['RackAware', 'com.example.MyGoal'] } },
      ),
  },
  {
    rule: 'cruiseControlGoalSubsets',
    name: 'a hard goal outside the default goals and the goals',
    build: () =>
      cluster({
        cruiseControl: {
          goals: ['RackAwareGoal', 'ReplicaCapacityGoal'],
          defaultGoals: ['RackAwareGoal'],
          hardGoals: ['RackAwareGoal', 'DiskCapacityGoal'],
        },
      }),
  },
  {
    rule: 'cruiseControlConfig',
    name: "'self.healing.enabled', 'hard.goals' and the allowed CORS key",
    build: () =>
      cluster({
        cruiseControl: {
          config: {
            'self.healing.enabled': true,
            'hard.goals': 'x',
            'webserver.http.cors.enabled': true,
            'cpu.balance.threshold': 1.1,
          },
        },
      }),
  },
  {
    rule: 'cruiseControlCapacity',
    name: "cpu '2 cores', network '100Mbps', an override of a controller and of pool 'controller'",
    build: () =>
      cluster({
        cruiseControl: {
          brokerCapacity: {
            cpu: '2 cores',
            inboundNetwork: '100Mbps',
            overrides: [{ nodeIds: [0, 3] }, { pool: 'controller', cpu: '4' }, { cpu: '1' }],
          },
        },
      }),
  },
  {
    rule: 'cruiseControlNetworkCapacity',
    name: 'Cruise Control on 0.47.0 without network capacities',
    build: () => cluster({ strimziVersion: '0.47.0', cruiseControl: true }),
  },
  {
    rule: 'cruiseControlNetworkCapacity',
    name: 'NetworkInboundCapacityGoal listed on 0.45.0 without an inbound capacity',
    build: () =>
      cluster({
        strimziVersion: '0.45.0',
        cruiseControl: { goals: ['RackAwareGoal', 'NetworkInboundCapacityGoal'], brokerCapacity: { cpu: '2' } },
      }),
  },
  {
    rule: 'cruiseControlRackGoal',
    name: 'factor 3 over 2 zones with the default goals',
    build: () =>
      cluster({
        cruiseControl: true,
        rack: { zones: ['a', 'b'] },
        replication: { factor: 3, minInSyncReplicas: 1 },
      }),
  },
  {
    rule: 'autoRebalanceTemplate',
    name: 'a template in another namespace',
    build: () => {
      const app = Testing.app();
      const c = new KraftCluster(new Chart(app, 'kafka', { namespace: 'kafka' }), 'c', {
        nodePools: { broker, controller },
        cruiseControl: { autoRebalance: { addBrokers: { template: 'grow' }, removeBrokers: {} } },
      });
      new KafkaRebalance(new Chart(app, 'other', { namespace: 'other' }), 'grow', { cluster: c, template: true });
      return app;
    },
  },
  {
    rule: 'rebalanceName',
    name: "name 'Add_Brokers', and 'full' twice in one namespace",
    build: () =>
      cluster({ cruiseControl: true }, (c, chart) => {
        new KafkaRebalance(chart, 'a', { cluster: c, name: 'Add_Brokers' });
        new KafkaRebalance(chart, 'b', { cluster: c, name: 'full' });
        new KafkaRebalance(chart, 'c2', { cluster: c, name: 'full' });
      }),
  },
  {
    rule: 'rebalanceCruiseControl',
    name: 'a rebalance of a cluster without Cruise Control',
    build: () => cluster({}, (c, chart) => new KafkaRebalance(chart, 'r', { cluster: c })),
  },
  {
    rule: 'rebalanceModeServed',
    name: 'remove-disks on 0.44.0',
    build: () =>
      rebalance(
        { mode: 'remove-disks', volumes: { pool: 'broker', volumeIds: [1] } },
        {
          strimziVersion: '0.44.0',
          cruiseControl: { brokerCapacity: capacity },
          nodePools: { broker: { ...broker, storage: jbod }, controller },
        },
      ),
  },
  {
    rule: 'rebalanceBrokers',
    name: "add-brokers of pool 'controller' and node 9",
    build: () => rebalance({ mode: 'add-brokers', brokers: { pool: 'controller', nodeIds: [9] } }),
  },
  {
    rule: 'rebalanceBrokers',
    name: "add-brokers of pool 'spare', which runs no broker",
    build: () =>
      rebalance(
        { mode: 'add-brokers', brokers: { pool: 'spare' } },
        { nodePools: { broker, controller, spare: { ...broker, replicas: 0 } } },
      ),
  },
  {
    rule: 'rebalanceBrokers',
    name: 'remove-brokers without brokers',
    build: () => rebalance({ mode: 'remove-brokers' }),
  },
  {
    rule: 'rebalanceIgnoredFields',
    name: 'a template with a mode and brokers, a full rebalance with brokers',
    build: () =>
      cluster({ cruiseControl: true }, (c, chart) => {
        new KafkaRebalance(chart, 't', {
          cluster: c,
          template: true,
          mode: 'add-brokers',
          brokers: { pool: 'broker' },
        });
        new KafkaRebalance(chart, 'f', { cluster: c, brokers: { nodeIds: [0] } });
      }),
  },
  {
    rule: 'rebalanceVolumes',
    name: 'remove-disks of volume 2, which the brokers lack',
    build: () =>
      rebalance(
        { mode: 'remove-disks', volumes: { nodeIds: [0], volumeIds: [2] } },
        { nodePools: { broker: { ...broker, storage: jbod }, controller } },
      ),
  },
  {
    rule: 'rebalanceVolumes',
    name: 'remove-disks of every volume',
    build: () =>
      rebalance(
        { mode: 'remove-disks', volumes: { pool: 'broker', volumeIds: [0, 1] } },
        { nodePools: { broker: { ...broker, storage: jbod }, controller } },
      ),
  },
  {
    rule: 'rebalanceHardGoals',
    name: 'goals without the hard DiskCapacityGoal',
    build: () =>
      rebalance(
        { goals: ['RackAwareGoal', 'ReplicaDistributionGoal'] },
        { cruiseControl: { hardGoals: ['RackAwareGoal', 'DiskCapacityGoal'] } },
      ),
  },
  {
    rule: 'scaleDownDrain',
    name: 'declared brokers 0-4 at 3 replicas with Cruise Control, nothing draining 3 and 4',
    build: () =>
      cluster({ cruiseControl: true, nodePools: { broker: { ...broker, nodeIds: [0, 1, 2, 3, 4] }, controller } }),
  },
  {
    rule: 'scaleDownDrain',
    name: 'a remove-brokers rebalance of broker 3 only, without Cruise Control auto-rebalancing',
    build: () =>
      rebalance(
        { mode: 'remove-brokers', brokers: { nodeIds: [3] } },
        { nodePools: { broker: { ...broker, nodeIds: [0, 1, 2, 3, 4] }, controller } },
      ),
  },
  {
    rule: 'scaleDownDrain',
    name: 'declared brokers 0-3 at 3 replicas without Cruise Control',
    build: () => cluster({ nodePools: { broker: { ...broker, nodeIds: [0, 1, 2, 3] }, controller } }),
  },
];

// What each bad input above must report (path, field, value, message, fix, rule).
export const CRUISE_EXPECTED: Record<string, string[]> = {
  'rackTypeServed | an environment-variable rack on 0.51.0': [
    '[test/c] rack.type = "environment-variable": Strimzi 0.51.0 knows only topology labels. Fix: use a topologyKey, or Strimzi 1.0.0 or later [rack-type-served]',
  ],
  "rackKey | a topology key 'zone name', and envVarName without its type": [
    '[test/c] rack.topologyKey = "zone name": not a node label key. Fix: use e.g. \'topology.kubernetes.io/zone\' [rack-key]',
    "[test/c] rack.envVarName = \"RACK\": only read with type 'environment-variable'. Fix: remove it, or set type: 'environment-variable' [rack-key]",
  ],
  'rackKey | an environment-variable rack without envVarName': [
    "[test/c] rack.envVarName: type 'environment-variable' needs the variable's name. Fix: give envVarName, e.g. 'KAFKA_RACK' [rack-key]",
  ],
  "rackZones | zones 'eu west' and 'a' twice": [
    '[test/c] rack.zones[1] = "eu west": not a label value. Fix: use the zone\'s label value [rack-zones]',
    '[test/c] rack.zones[2] = "a": listed twice. Fix: list each zone once [rack-zones]',
  ],
  'zoneLossReplication | factor 3, min ISR 2 over 2 zones': [
    "[test/c] warning: replication.minInSyncReplicas = 2: with factor 3 over 2 zones, one zone's loss leaves 1 replica(s), fewer than min.insync.replicas 2: acks=all producers fail until it returns. Fix: set minInSyncReplicas to at most 1, or spread over more zones [zone-loss-replication]",
  ],
  'zoneLossReplication | factor 2 in one zone': [
    '[test/c] warning: replication.factor = 2: with 1 zone(s), losing one zone can take all 2 replica(s) of a partition offline. Fix: declare and use more zones, or raise the replication factor [zone-loss-replication]',
  ],
  'zoneBrokers | 2 brokers over 3 zones': [
    '[test/c/broker] warning: replicas = 2: 2 broker(s) cannot cover the 3 zones a, b, c. Fix: run at least 3 brokers in the pool (a multiple of 3 spreads evenly) [zone-brokers]',
  ],
  'cruiseControlOptionServed | apiUsers and autoRebalance on 0.42.0': [
    '[test/c] cruiseControl.apiUsers = {"secretName":"cc-api","key":"users"}: Strimzi 0.42.0 has no cruiseControl.apiUsers (from 0.43.0). Fix: remove it, or use Strimzi 0.43.0 or later [cruise-control-option-served]',
    '[test/c] cruiseControl.autoRebalance = {"addBrokers":{}}: Strimzi 0.42.0 has no cruiseControl.autoRebalance (from 0.44.0). Fix: remove it, or use Strimzi 0.44.0 or later [cruise-control-option-served]',
  ],
  "cruiseControlGoalKnown | goal 'RackAware' and a rebalance goal 'rack-aware'": [
    "[test/c] cruiseControl.goals[0] = \"RackAware\": not a Cruise Control goal. Fix: use a goal's simple name, e.g. 'RackAwareGoal', or a custom goal's fully qualified class name [cruise-control-goal-known]",
    "[test/r] goals[0] = \"rack-aware\": not a Cruise Control goal. Fix: use a goal's simple name, e.g. 'RackAwareGoal', or a custom goal's fully qualified class name [cruise-control-goal-known]",
  ],
  'cruiseControlGoalSubsets | a hard goal outside the default goals and the goals': [
    '[test/c] cruiseControl.hardGoals = ["RackAwareGoal","DiskCapacityGoal"]: DiskCapacityGoal not in defaultGoals, which must hold every hard goal; rebalances fail. Fix: add them to defaultGoals [cruise-control-goal-subsets]',
    '[test/c] cruiseControl.hardGoals = ["RackAwareGoal","DiskCapacityGoal"]: DiskCapacityGoal not in goals, which must hold every hard goal; rebalances fail. Fix: add them to goals [cruise-control-goal-subsets]',
  ],
  "cruiseControlConfig | 'self.healing.enabled', 'hard.goals' and the allowed CORS key": [
    '[test/c] cruiseControl.config[\'hard.goals\'] = "x": a goal list. Fix: set cruiseControl.hardGoals instead (simple goal names) [cruise-control-config]',
    "[test/c] cruiseControl.config['self.healing.enabled'] = true: Strimzi manages 'self.healing.' keys of Cruise Control and drops this one. Fix: remove it [cruise-control-config]",
  ],
  "cruiseControlCapacity | cpu '2 cores', network '100Mbps', an override of a controller and of pool 'controller'": [
    "[test/c] cruiseControl.brokerCapacity.cpu = \"2 cores\": not a CPU capacity. Fix: give cores or millicores, e.g. '2', '1.5' or '1500m' [cruise-control-capacity]",
    '[test/c] cruiseControl.brokerCapacity.inboundNetwork = "100Mbps": not a throughput. Fix: give an integer with B/s, KB/s, KiB/s, MB/s, MiB/s, GB/s or GiB/s, e.g. \'125MiB/s\' [cruise-control-capacity]',
    '[test/c] cruiseControl.brokerCapacity.overrides[0].nodeIds[1] = 3: no broker has this node ID (brokers: 0, 1, 2). Fix: name a broker of the cluster, or its pool [cruise-control-capacity]',
    '[test/c] cruiseControl.brokerCapacity.overrides[1].pool = "controller": not a broker pool (broker pools: broker). Fix: name a broker pool [cruise-control-capacity]',
    '[test/c] cruiseControl.brokerCapacity.overrides[2].pool: no brokers named. Fix: give pool or nodeIds [cruise-control-capacity]',
  ],
  'cruiseControlNetworkCapacity | Cruise Control on 0.47.0 without network capacities': [
    "[test/c] warning: cruiseControl.brokerCapacity: NetworkInboundCapacityGoal and NetworkOutboundCapacityGoal are in Strimzi 0.47.0's default goals but the brokers’ network capacity is left at 10000KiB/s; proposals fail once traffic exceeds it. Fix: set brokerCapacity.inboundNetwork and outboundNetwork to what the brokers have [cruise-control-network-capacity]",
  ],
  'cruiseControlNetworkCapacity | NetworkInboundCapacityGoal listed on 0.45.0 without an inbound capacity': [
    '[test/c] warning: cruiseControl.brokerCapacity = {"cpu":"2"}: NetworkInboundCapacityGoal is listed but the brokers’ network capacity is left at 10000KiB/s; proposals fail once traffic exceeds it. Fix: set brokerCapacity.inboundNetwork and outboundNetwork to what the brokers have [cruise-control-network-capacity]',
  ],
  'cruiseControlRackGoal | factor 3 over 2 zones with the default goals': [
    '[test/c] warning: cruiseControl = true: RackAwareGoal wants the 3 replicas of each partition in 3 racks; the cluster declares 2 zone(s), so every proposal fails. Fix: leave RackAwareGoal out of goals, defaultGoals and hardGoals and use RackAwareDistributionGoal, or spread over more zones [cruise-control-rack-goal]',
  ],
  'autoRebalanceTemplate | a template in another namespace': [
    '[kafka/c] cruiseControl.autoRebalance.addBrokers.template = "grow": no KafkaRebalance template of this name in namespace kafka; the operator cannot rebalance onto new brokers. Fix: add new KafkaRebalance(..., { cluster, template: true }) of that name in the cluster’s chart [auto-rebalance-template]',
  ],
  "rebalanceName | name 'Add_Brokers', and 'full' twice in one namespace": [
    "[test/a] name = \"Add_Brokers\": not a lower-case DNS subdomain. Fix: use lower-case letters, digits, '-' and '.', e.g. 'add-broker-b' [rebalance-name]",
    '[test/c2] name = "full": test/b is a KafkaRebalance of this name in namespace (default) too; one would overwrite the other. Fix: give each rebalance its own name [rebalance-name]',
  ],
  'rebalanceCruiseControl | a rebalance of a cluster without Cruise Control': [
    '[test/r] cluster = "c": cluster c runs no Cruise Control; the rebalance never gets a proposal. Fix: set cruiseControl on the cluster [rebalance-cruise-control]',
  ],
  'rebalanceModeServed | remove-disks on 0.44.0': [
    '[test/r] mode = "remove-disks": Strimzi 0.44.0 has no remove-disks rebalance (from 0.45.0). Fix: use Strimzi 0.45.0 or later [rebalance-mode-served]',
  ],
  "rebalanceBrokers | add-brokers of pool 'controller' and node 9": [
    '[test/r] brokers.pool = "controller": not a broker pool of the cluster (broker pools: broker). Fix: name a broker pool of the cluster [rebalance-brokers]',
    '[test/r] brokers.nodeIds[0] = 9: no broker of the cluster has this node ID (brokers: 0, 1, 2). Fix: name a broker of the cluster, or its pool [rebalance-brokers]',
  ],
  "rebalanceBrokers | add-brokers of pool 'spare', which runs no broker": [
    '[test/r] brokers = {"pool":"spare"}: names no broker (the pool runs none, or no node ID is given). Fix: name a pool with brokers, or their node IDs [rebalance-brokers]',
  ],
  'rebalanceBrokers | remove-brokers without brokers': [
    "[test/r] brokers: mode remove-brokers needs the brokers. Fix: give brokers: { pool: '<pool>' } (or nodeIds from cluster.model) [rebalance-brokers]",
  ],
  'rebalanceIgnoredFields | a template with a mode and brokers, a full rebalance with brokers': [
    '[test/t] warning: mode = "add-brokers": a template names no mode: the operator sets the mode and brokers when it scales; not rendered. Fix: remove mode [rebalance-ignored-fields]',
    '[test/t] warning: brokers = {"pool":"broker"}: a template names no brokers: the operator sets them when it scales; not rendered. Fix: remove brokers [rebalance-ignored-fields]',
    '[test/f] warning: brokers = {"nodeIds":[0]}: mode full takes no brokers; not rendered. Fix: remove brokers, or use add-brokers or remove-brokers [rebalance-ignored-fields]',
  ],
  'rebalanceVolumes | remove-disks of volume 2, which the brokers lack': [
    '[test/r] volumes.volumeIds = [2]: broker 0 has no JBOD volume 2 (it has: 0, 1). Fix: name volumes of its pool’s JBOD storage [rebalance-volumes]',
  ],
  'rebalanceVolumes | remove-disks of every volume': [
    '[test/r] volumes.volumeIds = [0,1]: moves replicas off every volume of broker 0. Fix: keep at least one volume, or remove the broker (remove-brokers) [rebalance-volumes]',
  ],
  'rebalanceHardGoals | goals without the hard DiskCapacityGoal': [
    '[test/r] goals = ["RackAwareGoal","ReplicaDistributionGoal"]: leaves out the hard goal(s) DiskCapacityGoal; Cruise Control refuses the request. Fix: add them, or set skipHardGoalCheck: true [rebalance-hard-goals]',
  ],
  'scaleDownDrain | declared brokers 0-4 at 3 replicas with Cruise Control, nothing draining 3 and 4': [
    "[test/c/broker] warning: replicas = 3: the scale-down removes broker(s) 3, 4 and nothing drains them; the operator refuses to remove brokers holding replicas. Fix: set cruiseControl.autoRebalance.removeBrokers, or add new KafkaRebalance(..., { cluster, mode: 'remove-brokers', brokers: { pool: 'broker' } }) [scale-down-drain]",
  ],
  'scaleDownDrain | a remove-brokers rebalance of broker 3 only, without Cruise Control auto-rebalancing': [
    "[test/c/broker] warning: replicas = 3: the scale-down removes broker(s) 3, 4 and nothing drains 4; the operator refuses to remove brokers holding replicas. Fix: set cruiseControl.autoRebalance.removeBrokers, or add new KafkaRebalance(..., { cluster, mode: 'remove-brokers', brokers: { pool: 'broker' } }) [scale-down-drain]",
  ],
  'scaleDownDrain | declared brokers 0-3 at 3 replicas without Cruise Control': [
    '[test/c/broker] warning: replicas = 3: the scale-down removes broker(s) 3 and nothing drains them; the operator refuses to remove brokers holding replicas. Fix: enable Cruise Control with autoRebalance.removeBrokers, or move their replicas away first (kafka-reassign-partitions) [scale-down-drain]',
  ],
};
