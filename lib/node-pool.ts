import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { KraftCluster } from './kraft-cluster';
import { NodeIdRange } from './node-ids';
import { JvmOptions, NodePoolTemplate, ResourceRequirements, validatePodOptions } from './pod-options';
import { checkInteger, isDnsLabel, report } from './problem';
import { RULES } from './rules';
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
    if (!isDnsLabel(name)) {
      report(this, RULES.poolName, 'name', name, 'not a lower-case DNS label of at most 63 characters', "use lower-case letters, digits and '-', e.g. 'broker'");
    }
    const roles = [...new Set(options.roles)].sort();
    if (roles.length === 0) {
      report(this, RULES.poolRolesPresent, 'roles', options.roles, 'the pool has no role', "give it ['broker'], ['controller'] or both");
    }
    for (const r of roles.filter((x) => !ROLES.includes(x))) {
      report(this, RULES.poolRolesValid, 'roles', r, 'not a KRaft role', "use 'broker' and/or 'controller'");
    }
    if (checkInteger(this, RULES.poolReplicas, 'replicas', options.replicas, 0, 1000, 'give the number of nodes, 0 or more') && options.replicas === 0) {
      report(this, RULES.poolEmpty, 'replicas', 0, 'the pool runs no node', 'remove the pool once its nodes are drained, or give it replicas');
    }
    validateStorage(this, options.storage);
    validatePodOptions(this, options.resources, options.jvmOptions);
    const ids = options.nodeIds;
    if (ids !== undefined) {
      const fix = 'list each node ID of the pool once, as non-negative integers';
      ids.forEach((id, i) => {
        if (!Number.isInteger(id) || id < 0) report(this, RULES.nodeIdsValid, `nodeIds[${i}]`, id, 'not a non-negative integer', fix);
        else if (ids.indexOf(id) !== i) report(this, RULES.nodeIdsValid, `nodeIds[${i}]`, id, 'listed twice', fix);
      });
    }
    const range = options.scaleUpNodeIds;
    if (range !== undefined && !(Number.isInteger(range.from) && Number.isInteger(range.to) && range.from >= 0 && range.to >= range.from)) {
      report(this, RULES.scaleUpRangeValid, 'scaleUpNodeIds', range, 'not a range of non-negative integers with from <= to', 'give { from, to } with 0 <= from <= to');
    }
    this.roles = roles;
    this.replicas = options.replicas;
    this.storage = options.storage;
    this.declaredNodeIds = ids ? [...new Set(ids.filter((id) => Number.isInteger(id) && id >= 0))] : undefined;
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
