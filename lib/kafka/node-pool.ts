import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { checkedArguments } from '../common/arguments';
import { ICluster, modelOf } from '../common/cluster';
import { safeConstructId } from '../core/syntax';
import { record, validateAtSynth } from '../common/problems';
import { checkedProps, lazySpec } from '../common/resource';
import { NodeIdRange } from '../model/node-ids';
import { JvmOptions, ResourceRequirements } from '../model/pod';
import { NodeRole, PoolSpec, poolFindings, poolSpec } from '../model/pool';
import { Storage } from '../model/storage';
import { StrimziRenderer, clusterLabels } from '../render/strimzi';
import type { V1NodePoolTemplate } from '../render/strimzi/v1';
import { poolIntFindings } from '../model/semantics/pool';

/**
 * Pod, container and PVC template of a node pool, typed by the `kafka.strimzi.io/v1` API and passed
 * through; a field the target API version lacks is reported at synth.
 */
export type NodePoolTemplate = V1NodePoolTemplate;

/** Options of a node pool. */
export interface NodePoolOptions {
  /**
   * Roles of the pool's nodes: `['controller']`, `['broker']`, or both (dual-role).
   * @maxItems 4
   */
  readonly roles: NodeRole[];
  /**
   * Number of nodes.
   * @integer
   */
  readonly replicas: number;
  /** Storage of every node. */
  readonly storage: Storage;
  /**
   * Node IDs the pool's nodes already have (adopting a running cluster) or must have. With fewer
   * replicas the lowest are kept; more replicas take IDs from `scaleUpNodeIds`.
   * Declare them before you change `replicas` of a running cluster, so no other pool's IDs move.
   * @default - the IDs the operator would assign: pools in alphabetical order, lowest free IDs first
   * @integer
   */
  readonly nodeIds?: number[];
  /**
   * IDs the pool takes when it scales up.
   * @default - 100-199 for the first pool in alphabetical order, 200-299 for the second, ...
   */
  readonly scaleUpNodeIds?: NodeIdRange;
  /**
   * CPU and memory of the Kafka containers.
   * @default - none (Strimzi's defaults)
   */
  readonly resources?: ResourceRequirements;
  /**
   * JVM options.
   * @default - Strimzi's defaults
   */
  readonly jvmOptions?: JvmOptions;
  /**
   * Pod, container and PVC template, passed through.
   * @default - none
   * @json
   */
  readonly template?: NodePoolTemplate;
}

/** The cluster a pool belongs to: a cluster and the renderer of its API version. */
export interface IPoolCluster extends ICluster {
  readonly renderer: StrimziRenderer;
}

/** The arguments of `new NodePool(cluster, name, options)` (usually `addNodePool`), checked like props. */
export interface NodePoolPlace {
  /** The KraftCluster it belongs to. */
  readonly cluster: IPoolCluster;
  /**
   * Its name (the KafkaNodePool's name).
   * @maxLength 253
   * @syntax constructId
   */
  readonly name: string;
}

const POOL_CLUSTER = {
  poolCluster: {
    test: (v: unknown) => Construct.isConstruct(v) && (v as Partial<IPoolCluster>).renderer !== undefined,
    what: 'a KraftCluster',
  },
};

/** The class a pool's `storage` takes. */
const STORAGE = {
  Storage: {
    test: (v: unknown) => v instanceof Storage,
    what: 'Storage.persistentClaim(...), Storage.ephemeral(...) or Storage.jbod(...)',
    fallback: Storage.placeholder(),
  },
};

/**
 * A KafkaNodePool of a KraftCluster. Its node IDs are computed by the cluster's model and pinned
 * with `strimzi.io/next-node-ids`. Create it with `KraftCluster.addNodePool`.
 */
export class NodePool extends Construct {
  /** Pool name (the KafkaNodePool's name). */
  public readonly name: string;
  /** The pool as plain data, as the cluster model reads it. @internal */
  public readonly spec: PoolSpec;
  /** The generated KafkaNodePool object. */
  public readonly apiObject: ApiObject;

  constructor(cluster: IPoolCluster, name: string, options: NodePoolOptions) {
    super(
      cluster,
      safeConstructId(
        checkedArguments<NodePoolPlace>(cluster, { cluster, name }, 'NodePoolPlace', POOL_CLUSTER).name,
        `pool-${cluster.node.children.length}`,
      ),
    );
    this.name = name;
    // JavaScript and JSON callers: every option is checked at run time; the rest sees clean values
    const checked = checkedProps<NodePoolOptions>(this, options, 'NodePoolOptions', STORAGE, '');
    // replicas of the wrong type are reported once: not again as an empty pool, nor as a brokerless cluster
    const replicasBroken = checked.findings.some((f) => f.field === 'replicas');
    const own = poolFindings(name, checked.props).filter((f) => !(replicasBroken && f.field === 'replicas'));
    record(this, own);
    record(this, poolIntFindings(checked.props.storage?.spec));
    const spec = poolSpec(name, checked.props);
    // a pool whose roles or replicas are reported wrong is not counted: the cluster is not also
    // brokerless or controllerless because of it (one mistake, one finding); wrong roles could have
    // been either role
    const wrong = (field: RegExp) =>
      [...checked.findings, ...own].some((f) => f.rule.severity === 'error' && field.test(f.field));
    const rolesWrong = wrong(/^roles(\[|$)/);
    if (rolesWrong) this.spec = { ...spec, rolesWrong, replicas: Number.NaN };
    else this.spec = wrong(/^replicas$/) ? { ...spec, replicas: Number.NaN } : spec;
    const renderer = cluster.renderer;
    const model = () => modelOf(cluster)!.pools.find((p) => p.pool.name === name)!;
    this.apiObject = new renderer.KafkaNodePool(this, 'Resource', {
      metadata: {
        name,
        labels: clusterLabels(cluster.clusterName),
        annotations: {
          'strimzi.io/next-node-ids': lazySpec(() => model().nextNodeIds),
        },
      },
      spec: lazySpec(() => renderer.nodePoolSpec(model())),
    });
    validateAtSynth(this);
  }

  /** Roles, sorted. */
  public get roles(): readonly NodeRole[] {
    return this.spec.roles;
  }

  /** Number of nodes. */
  public get replicas(): number {
    return this.spec.replicas;
  }

  /** True when the pool's nodes are brokers. */
  public get isBroker(): boolean {
    return this.spec.roles.includes('broker');
  }

  /** True when the pool's nodes are KRaft controllers. */
  public get isController(): boolean {
    return this.spec.roles.includes('controller');
  }
}
