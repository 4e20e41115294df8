import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { KraftCluster } from './kraft-cluster';
import { NodeIdRange } from './node-ids';
import { JvmOptions, NodePoolTemplate, ResourceRequirements } from './pod-options';
import { fail, requireDnsLabel, requireInteger } from './problem';
import { Storage, validateStorage } from './storage';

/** A KRaft process role. */
export type NodeRole = 'broker' | 'controller';

/** Options of a node pool. */
export interface NodePoolOptions {
  /** Roles of the pool's nodes: `['controller']`, `['broker']`, or both (dual-role). */
  readonly roles: NodeRole[];
  /** Number of nodes. */
  readonly replicas: number;
  /** Storage of every node. */
  readonly storage: Storage;
  /**
   * Node IDs the pool's nodes already have (adopting a running cluster) or must have. With fewer
   * replicas the lowest are kept; more replicas take IDs from `scaleUpNodeIds`.
   * Declare them before you change `replicas` of a running cluster, so no other pool's IDs move.
   * @default - the IDs the operator would assign: pools in alphabetical order, lowest free IDs first
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
   */
  readonly template?: NodePoolTemplate;
}

const ROLES: readonly NodeRole[] = ['broker', 'controller'];

/**
 * A KafkaNodePool of a KraftCluster. Its node IDs are computed by the cluster's model and pinned
 * with `strimzi.io/next-node-ids`. Create it with `KraftCluster.addNodePool`.
 */
export class NodePool extends Construct {
  /** Pool name (the KafkaNodePool's name). */
  public readonly name: string;
  /** Roles, sorted. */
  public readonly roles: NodeRole[];
  public readonly replicas: number;
  public readonly storage: Storage;
  public readonly declaredNodeIds?: readonly number[];
  public readonly scaleUpNodeIds?: NodeIdRange;
  public readonly resources?: ResourceRequirements;
  public readonly jvmOptions?: JvmOptions;
  public readonly template?: NodePoolTemplate;
  /** The generated KafkaNodePool object. */
  public readonly apiObject: ApiObject;

  constructor(cluster: KraftCluster, name: string, options: NodePoolOptions) {
    super(cluster, name);
    this.name = name;
    requireDnsLabel(this, 'name', name, 63);
    const roles = [...new Set(options.roles)].sort();
    if (roles.length === 0) {
      fail(this, 'roles', 'the pool has no role', "give it ['broker'], ['controller'] or both");
    }
    for (const r of roles) {
      if (!ROLES.includes(r)) fail(this, 'roles', `'${r}' is not a KRaft role`, "use 'broker' and/or 'controller'");
    }
    requireInteger(this, 'replicas', options.replicas, 0, 1000, 'give the number of nodes, 0 or more');
    validateStorage(this, options.storage);
    const ids = options.nodeIds;
    if (ids !== undefined) {
      ids.forEach((id, i) => requireInteger(this, `nodeIds[${i}]`, id, 0, 2 ** 31 - 1, 'node IDs are non-negative integers'));
      const dup = ids.find((id, i) => ids.indexOf(id) !== i);
      if (dup !== undefined) fail(this, 'nodeIds', `node ID ${dup} is listed twice`, 'list every node ID once');
    }
    const range = options.scaleUpNodeIds;
    if (range !== undefined) {
      requireInteger(this, 'scaleUpNodeIds.from', range.from, 0, 2 ** 31 - 1, 'node IDs are non-negative integers');
      requireInteger(this, 'scaleUpNodeIds.to', range.to, range.from, 2 ** 31 - 1, 'make the range end at or after its start');
    }
    this.roles = roles;
    this.replicas = options.replicas;
    this.storage = options.storage;
    this.declaredNodeIds = ids ? [...ids] : undefined;
    this.scaleUpNodeIds = range;
    this.resources = options.resources;
    this.jvmOptions = options.jvmOptions;
    this.template = options.template;
    this.apiObject = cluster.renderer.nodePool(this, cluster);
  }

  /** True when the pool's nodes are brokers. */
  public get isBroker(): boolean {
    return this.roles.includes('broker');
  }

  /** True when the pool's nodes are KRaft controllers. */
  public get isController(): boolean {
    return this.roles.includes('controller');
  }
}
