/**
 * The rules of Cruise Control on a cluster (`KraftClusterProps.cruiseControl`), of the KafkaRebalance
 * kind and of scaling broker pools, collected into the catalogue (lib/rules.ts).
 */
import { APISERVER, OPERATOR, Rule, SILENT, rule } from '../core/rules';

const G = 'Cruise Control and rebalancing';
const CC_START = 'Cruise Control: it fails to start (a goal class of its config), or refuses the KafkaRebalance';
const REBALANCE_STATUS = 'operator, in the KafkaRebalance status (NotReady) after apply';

/** The Cruise Control and rebalancing rules, by a short key used in the code. */
export const REBALANCE_RULES = {
  cruiseControlOptionServed: rule(
    'cruise-control-option-served',
    G,
    'error',
    "A Cruise Control option exists in the release's `Kafka` CRD: `apiUsers` from 0.43.0, `autoRebalance` from 0.44.0",
    APISERVER,
  ),
  cruiseControlGoalKnown: rule(
    'cruise-control-goal-known',
    G,
    'error',
    "A goal is a Cruise Control goal (the classes of its `analyzer.goals` package, by simple name) or a goal's " +
      'fully qualified class name (a custom goal)',
    CC_START,
  ),
  cruiseControlGoalSubsets: rule(
    'cruise-control-goal-subsets',
    G,
    'error',
    'Hard goals are among the default goals, and both among `goals`: Strimzi\u2019s documented requirement (the ' +
      'notes of its `kafka-cruise-control-with-goals.yaml`); Cruise Control refuses a proposal whose goals leave ' +
      "out a hard goal ('Missing hard goals'), so default goals without one fail every rebalance that names no goals",
    REBALANCE_STATUS,
  ),
  cruiseControlConfig: rule(
    'cruise-control-config',
    G,
    'error',
    'A Cruise Control `config` key is not one Strimzi manages (the forbidden prefixes of `CruiseControlSpec.config` ' +
      'in the Strimzi API reference, e.g. `self.healing.`, `webserver.http.` but its CORS keys, `security.`) nor ' +
      'a goal list (set through `goals`, `defaultGoals`, `hardGoals`)',
    'operator, which drops the key and logs a warning',
  ),
  cruiseControlCapacity: rule(
    'cruise-control-capacity',
    G,
    'error',
    'Broker capacities match the CRD patterns (cpu `^[0-9]+([.][0-9]{0,3}|[m]?)$`, network ' +
      '`^[0-9]+([KMG]i?)?B/s$`) and every override names brokers of the cluster (a broker pool, or broker node IDs)',
    `${APISERVER} (patterns); ${SILENT} (brokers)`,
  ),
  cruiseControlNetworkCapacity: rule(
    'cruise-control-network-capacity',
    G,
    'warning',
    'Network capacity goals in effect (in Strimzi\u2019s default goals before 0.48.0) have network capacities ' +
      '(`brokerCapacity.inboundNetwork`/`outboundNetwork`); else the default 10000KiB/s fails proposals (Strimzi ' +
      'issue #11409, PR #11465)',
    REBALANCE_STATUS,
    '0.41.0-0.47.0',
  ),
  cruiseControlRackGoal: rule(
    'cruise-control-rack-goal',
    G,
    'warning',
    "With rack awareness over declared zones, Cruise Control's RackAwareGoal (in Strimzi's default goals) needs " +
      'a replication factor of at most the zone count (it puts every replica of a partition in its own rack); ' +
      'else its proposals fail (Cruise Control goals wiki: RackAwareDistributionGoal relaxes it)',
    REBALANCE_STATUS,
  ),
  autoRebalanceTemplate: rule(
    'auto-rebalance-template',
    G,
    'error',
    'An auto-rebalance template names a `KafkaRebalance` with `strimzi.io/rebalance-template: "true"` in the ' +
      'cluster\u2019s namespace',
    OPERATOR,
    '0.44.0-1.2.0',
  ),
  rebalanceName: rule(
    'rebalance-name',
    G,
    'error',
    'A KafkaRebalance name is a lower-case DNS subdomain, used once per namespace (one would overwrite the other)',
    APISERVER,
  ),
  rebalanceCruiseControl: rule(
    'rebalance-cruise-control',
    G,
    'error',
    "A KafkaRebalance's cluster runs Cruise Control, in the rebalance's namespace",
    REBALANCE_STATUS,
  ),
  rebalanceModeServed: rule(
    'rebalance-mode-served',
    G,
    'error',
    "The rebalance mode is in the release's `KafkaRebalance` CRD: `remove-disks` from 0.45.0",
    APISERVER,
  ),
  rebalanceBrokers: rule(
    'rebalance-brokers',
    G,
    'error',
    '`add-brokers` and `remove-brokers` name brokers: of the cluster, or (remove) brokers a pool is scaling ' +
      'away; given as pools or node IDs of the model',
    REBALANCE_STATUS,
  ),
  rebalanceIgnoredFields: rule(
    'rebalance-ignored-fields',
    G,
    'warning',
    'A rebalance names brokers only in add-brokers and remove-brokers mode, and a template names no mode, brokers ' +
      'or volumes (the operator sets them when it scales); such fields are not rendered',
    SILENT,
  ),
  rebalanceVolumes: rule(
    'rebalance-volumes',
    G,
    'error',
    '`remove-disks` moves replicas off JBOD volumes the named brokers have (by volume ID), keeping at least one',
    REBALANCE_STATUS,
  ),
  rebalanceHardGoals: rule(
    'rebalance-hard-goals',
    G,
    'error',
    "A rebalance's `goals` include every hard goal of the cluster unless `skipHardGoalCheck` (Cruise Control " +
      "refuses with 'Missing hard goals'); without declared hard goals, those hard in every release: " +
      'RackAwareGoal, MinTopicLeadersPerBrokerGoal, ReplicaCapacityGoal, DiskCapacityGoal',
    REBALANCE_STATUS,
  ),
  scaleDownDrain: rule(
    'scale-down-drain',
    G,
    'warning',
    'Brokers a pool scales away are drained first: an auto-rebalance on `remove-brokers` (0.44.0+) or a ' +
      '`remove-brokers` KafkaRebalance naming them (the operator refuses to remove brokers that hold replicas)',
    'operator, which refuses the scale-down (Kafka status) while the brokers hold replicas',
  ),
} as const satisfies Record<string, Rule>;
