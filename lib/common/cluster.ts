/** The contract other resources use to refer to a Kafka cluster (as aws-cdk's `ICluster`). */
import { IConstruct } from 'constructs';
import { StrimziApiVersion, StrimziRelease } from '../core/release';
import { InstanceType } from '../core/shape';
import type { ClusterModel } from '../model/cluster';
import type { ClusterFacts } from '../model/cluster-facts';

/**
 * A Strimzi KRaft Kafka cluster that users, topics and clients refer to: a `KraftCluster` of this
 * app, or one managed elsewhere (`KraftCluster.fromAttributes`).
 */
export interface ICluster extends IConstruct {
  /** Name of the `Kafka` resource. */
  readonly clusterName: string;
  /** Namespace of the `Kafka` resource, when set. */
  readonly namespace?: string;
  /** The Strimzi release the cluster is checked against. */
  readonly release: StrimziRelease;
  /** API version of the cluster's Strimzi resources. */
  readonly apiVersion: StrimziApiVersion;
  /** Apache Kafka version. */
  readonly kafkaVersion: string;
  /** What dependents check against: listeners, broker node IDs, authorization, operators. */
  readonly facts: ClusterFacts;
  /** True for a cluster whose objects this app emits; false for one managed elsewhere. */
  readonly managedHere: boolean;
}

const CLUSTER_MARK = Symbol.for('cdk8s-strimzi-kraft.ICluster');

/** Marks a construct as a cluster, so `isCluster` finds it without importing its class. */
export function markCluster(cluster: ICluster): void {
  Object.defineProperty(cluster, CLUSTER_MARK, { value: true });
}

/** True for a construct marked as a cluster. */
export function isCluster(c: IConstruct): c is ICluster {
  return (c as unknown as Record<symbol, unknown>)[CLUSTER_MARK] === true;
}

/** Every cluster in a construct tree, in tree order (also those managed elsewhere). */
export function clustersIn(root: IConstruct): ICluster[] {
  return root.node.findAll().filter(isCluster);
}

/** The clusters whose objects this app emits, in tree order. */
export function managedClustersIn(root: IConstruct): ICluster[] {
  return clustersIn(root).filter((c) => c.managedHere);
}

/** The `cluster` prop of users, topics and other resources: a construct marked as a cluster. */
export const CLUSTER_INSTANCE: InstanceType = {
  test: (v) => v !== null && typeof v === 'object' && isCluster(v as IConstruct),
  what: 'a cluster (a KraftCluster, KraftCluster.fromAttributes(...), or another ICluster)',
};

const models = new WeakMap<ICluster, () => ClusterModel>();

/** Registers how a cluster of this app computes its model (for its load balancers and diagram). */
export function provideModel(cluster: ICluster, model: () => ClusterModel): void {
  models.set(cluster, model);
}

/**
 * The whole computed model of a cluster of this app, for the parts of the Kafka kind that render
 * from it (node pools, load balancers, the diagram); undefined for a cluster managed elsewhere.
 * Other resources use the narrow `facts`.
 */
export function modelOf(cluster: ICluster): ClusterModel | undefined {
  return models.get(cluster)?.();
}
