import { placed } from '../common/arguments';
import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { CLUSTER_INSTANCE, ICluster, managedClustersIn } from '../common/cluster';
import { Memo, addAppCheck, at, validateAtSynth, withoutFollowOns } from '../common/problems';
import { checkedProps, lazySpec, placeFindings } from '../common/resource';
import { Problem } from '../core/problem';
import { Instances } from '../core/shape';
import { NodePool } from '../kafka/node-pool';
import { strimziKind } from '../render/strimzi';
import { clusterLabels } from '../render/strimzi/renderer';
import {
  BrokerSelection,
  RebalanceEntry,
  RebalanceMode,
  autoRebalanceTemplateFindings,
  rebalanceFindings,
  rebalanceIndex,
  rebalanceNameClashes,
  scaleDownFindings,
} from './rebalance-model';

/** Brokers of the rebalance's cluster, named by the model: a pool, or node IDs read from `cluster.model`. */
export interface RebalanceBrokers {
  /**
   * A broker pool of the cluster, by name or as the `NodePool` (`cluster.nodePools`). `remove-brokers` takes the
   * brokers the pool is scaling away (its declared or locked node IDs beyond `replicas`), or all of them;
   * `add-brokers` the brokers it is scaling up to (beyond its declared or locked IDs), or all of them.
   * @default - none
   */
  readonly pool?: string | NodePool;
  /**
   * Broker node IDs of the cluster (for `remove-brokers`, also those a pool is scaling away).
   * @default - none
   * @integer
   * @maxItems 1000
   */
  readonly nodeIds?: number[];
}

/** JBOD volumes to move replicas off (`remove-disks`). */
export interface RebalanceVolumes extends RebalanceBrokers {
  /**
   * The volume IDs of the brokers' JBOD storage.
   * @integer
   * @maxItems 100
   */
  readonly volumeIds: number[];
}

/** Properties of a KafkaRebalance. */
export interface KafkaRebalanceProps {
  /** The cluster to rebalance; it runs Cruise Control. */
  readonly cluster: ICluster;
  /**
   * Name of the `KafkaRebalance` resource.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * `full` (every broker), `add-brokers` (onto new brokers), `remove-brokers` (off brokers about to go),
   * `remove-disks` (off JBOD volumes, Strimzi 0.45.0 and later).
   * @default 'full'
   * @enum
   */
  readonly mode?: RebalanceMode;
  /**
   * The brokers of `add-brokers` and `remove-brokers`.
   * @default - none
   */
  readonly brokers?: RebalanceBrokers;
  /**
   * The volumes of `remove-disks`.
   * @default - none
   */
  readonly volumes?: RebalanceVolumes;
  /**
   * Goals of the proposal, by simple name (`'RackAwareGoal'`).
   * @default - the cluster's default goals
   * @maxItems 50
   */
  readonly goals?: string[];
  /**
   * Accept goals that leave out hard goals.
   * @default false
   */
  readonly skipHardGoalCheck?: boolean;
  /**
   * Also balance disk usage between the JBOD volumes of each broker (`full` mode).
   * @default false
   */
  readonly rebalanceDisk?: boolean;
  /**
   * Topics not to move: a Java regular expression.
   * @default - none
   * @maxLength 1000
   */
  readonly excludedTopics?: string;
  /**
   * Partition movements per broker at a time.
   * @default - Cruise Control's
   * @integer
   */
  readonly concurrentPartitionMovementsPerBroker?: number;
  /**
   * Partition movements between the volumes of a broker at a time.
   * @default - Cruise Control's
   * @integer
   */
  readonly concurrentIntraBrokerPartitionMovements?: number;
  /**
   * Leadership movements at a time.
   * @default - Cruise Control's
   * @integer
   */
  readonly concurrentLeaderMovements?: number;
  /**
   * Bandwidth limit of replica movements, in bytes per second.
   * @default - none
   * @integer
   */
  readonly replicationThrottle?: number;
  /**
   * Replica movement strategies (class names), in order.
   * @default - Cruise Control's
   * @maxItems 10
   */
  readonly replicaMovementStrategies?: string[];
  /**
   * Approve the proposal automatically (`strimzi.io/rebalance-auto-approval`).
   * @default false
   */
  readonly autoApprove?: boolean;
  /**
   * A template for auto-rebalancing (`strimzi.io/rebalance-template: "true"`): the cluster's
   * `cruiseControl.autoRebalance` names it; the operator never runs it itself.
   * @default false
   */
  readonly template?: boolean;
}

const NODE_POOL = {
  NodePool: { test: (v: unknown) => v instanceof NodePool, what: 'a pool name or a NodePool (cluster.nodePools)' },
};
const INSTANCES: Instances = { cluster: CLUSTER_INSTANCE, ...NODE_POOL };

/**
 * A Strimzi `KafkaRebalance`: a Cruise Control rebalance of a cluster, or a template of one for
 * auto-rebalancing. Brokers are named by pool or node ID and checked against the cluster's model.
 */
export class KafkaRebalance extends Construct {
  /** The cluster (undefined only when a JavaScript caller passed none or garbage: the synth then fails). */
  public readonly cluster: ICluster;
  /** The `KafkaRebalance` resource name. */
  public readonly name: string;
  public readonly mode: RebalanceMode;
  /** Whether this is an auto-rebalance template. */
  public readonly template: boolean;
  /** The generated KafkaRebalance object. */
  public readonly apiObject: ApiObject;
  private readonly props: KafkaRebalanceProps;
  /** The findings and broker IDs, recomputed when the cluster's facts change. */
  private readonly cachedModel = new Memo(
    () => [this.cluster?.facts, this.namespace],
    () => this.computeModel(),
  );

  constructor(scope: Construct, id: string, rawProps: KafkaRebalanceProps) {
    super(scope, placed(scope, id));
    // JavaScript and JSON callers: every prop is checked at run time; the rest sees clean values
    const checked = checkedProps<KafkaRebalanceProps>(this, rawProps, 'KafkaRebalanceProps', INSTANCES);
    const props = checked.props;
    this.props = props;
    this.cluster = props.cluster;
    this.name = props.name ?? id;
    this.mode = props.mode ?? 'full';
    this.template = props.template ?? false;
    const annotations: Record<string, string> = {};
    if (props.autoApprove) annotations['strimzi.io/rebalance-auto-approval'] = 'true';
    if (this.template) annotations['strimzi.io/rebalance-template'] = 'true';
    const KafkaRebalanceClass = strimziKind(this.cluster?.apiVersion ?? 'v1', 'KafkaRebalance');
    this.apiObject = new KafkaRebalanceClass(this, 'Resource', {
      metadata: {
        name: this.name,
        // a template belongs to no cluster until the operator copies it (upstream's templates have no label)
        labels: this.template ? undefined : clusterLabels(this.cluster?.clusterName ?? ''),
        annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
      },
      spec: lazySpec(() => this.spec()),
    });
    // one mistake, one finding: nothing about a field whose type was wrong, nor about brokers of a wrong mode
    const modeBroken = checked.findings.some((f) => f.field === 'mode');
    placeFindings(this, () =>
      withoutFollowOns(checked.findings, this.model().findings).filter(
        (f) => !(modeBroken && /^(brokers|volumes)/.test(f.field)),
      ),
    );
    addAppCheck(this, 'rebalance/wiring', rebalanceWiring);
    validateAtSynth(this);
  }

  /** The namespace the rebalance lives in (its chart's). */
  public get namespace(): string | undefined {
    return Chart.of(this).namespace;
  }

  /** The broker node IDs the rebalance names, resolved from the cluster's model (undefined when it names none). */
  public get brokerIds(): number[] | undefined {
    return this.model().brokers;
  }

  private selection(b: RebalanceBrokers | undefined): BrokerSelection | undefined {
    if (b === undefined) return undefined;
    return { pool: b.pool instanceof NodePool ? b.pool.name : b.pool, nodeIds: b.nodeIds };
  }

  private model() {
    return this.cachedModel.get();
  }

  private computeModel() {
    const c = this.cluster;
    const v = this.props.volumes;
    return rebalanceFindings({
      name: this.name,
      namespace: this.namespace,
      mode: this.mode,
      template: this.template,
      brokers: this.selection(this.props.brokers),
      volumes: v && { ...this.selection(v), volumeIds: v.volumeIds },
      goals: this.props.goals,
      skipHardGoalCheck: this.props.skipHardGoalCheck,
      cluster: c && { clusterName: c.clusterName, namespace: c.namespace, release: c.release.tag, facts: c.facts },
    });
  }

  private spec(): Record<string, unknown> {
    const p = this.props;
    const v = p.volumes;
    const volumeBrokers = this.model().volumeBrokers ?? [];
    return {
      mode: this.template || this.mode === 'full' ? undefined : this.mode,
      brokers: this.template ? undefined : this.brokerIds,
      moveReplicasOffVolumes:
        this.mode === 'remove-disks' && v && !this.template
          ? volumeBrokers.map((brokerId) => ({ brokerId, volumeIds: [...v.volumeIds].sort((a, b) => a - b) }))
          : undefined,
      goals: p.goals,
      skipHardGoalCheck: p.skipHardGoalCheck,
      rebalanceDisk: p.rebalanceDisk,
      excludedTopics: p.excludedTopics,
      concurrentPartitionMovementsPerBroker: p.concurrentPartitionMovementsPerBroker,
      concurrentIntraBrokerPartitionMovements: p.concurrentIntraBrokerPartitionMovements,
      concurrentLeaderMovements: p.concurrentLeaderMovements,
      replicationThrottle: p.replicationThrottle,
      replicaMovementStrategies: p.replicaMovementStrategies,
    };
  }
}

/** The rebalances of an app as plain entries, with their constructs. */
function rebalancesIn(root: IConstruct): { construct: KafkaRebalance; entry: RebalanceEntry }[] {
  return root.node
    .findAll()
    .filter((c): c is KafkaRebalance => c instanceof KafkaRebalance && c.cluster !== undefined)
    .map((r) => ({
      construct: r,
      entry: {
        path: r.node.path,
        name: r.name,
        namespace: r.namespace,
        clusterPath: r.cluster.node.path,
        mode: r.mode,
        template: r.template,
        brokers: r.brokerIds,
      },
    }));
}

/**
 * The rebalancing wiring of an app: rebalance names once per namespace, every auto-rebalance template
 * a cluster names exists in its namespace, and every broker a pool scales away is drained. Registered
 * by clusters and rebalances.
 */
export function rebalanceWiring(root: IConstruct): Problem[] {
  const found = rebalancesIn(root);
  const rebalances = found.map((r) => r.entry);
  const index = rebalanceIndex(rebalances);
  const problems: Problem[] = rebalanceNameClashes(rebalances).map((x) => at(found[x.index].construct, x.finding));
  for (const c of managedClustersIn(root)) {
    const cluster = { path: c.node.path, namespace: c.namespace, release: c.release.tag, facts: c.facts };
    problems.push(...autoRebalanceTemplateFindings(cluster, index).map((f) => at(c, f)));
    for (const { pool, finding } of scaleDownFindings(cluster, index)) {
      const owner = c.node.tryFindChild(pool) ?? c;
      problems.push(at(owner, finding));
    }
  }
  return problems;
}
