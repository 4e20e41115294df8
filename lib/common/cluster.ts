/** The contract other resources use to refer to a Kafka cluster (as aws-cdk's `ICluster`). */
import { IConstruct } from 'constructs';
import { StrimziApiVersion, StrimziRelease } from '../core/release';
import { Shape } from '../core/shape';
import type { ClusterModel } from '../model/cluster';

/** A Strimzi KRaft Kafka cluster that other resources (load balancers, users, topics, ...) refer to. */
export interface ICluster extends IConstruct {
  /** Name of the `Kafka` resource. */
  readonly clusterName: string;
  /** Namespace of the `Kafka` resource (the chart's), when set. */
  readonly namespace?: string;
  /** The Strimzi release the cluster is checked against. */
  readonly release: StrimziRelease;
  /** API version of the cluster's Strimzi resources. */
  readonly apiVersion: StrimziApiVersion;
  /** Apache Kafka version. */
  readonly kafkaVersion: string;
  /** Every computed fact of the cluster (node IDs, listeners, broker endpoints, replication). */
  readonly model: ClusterModel;
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

/** Every cluster in a construct tree, in tree order. */
export function clustersIn(root: IConstruct): ICluster[] {
  return root.node.findAll().filter(isCluster);
}

/** The `cluster` prop of users, topics and other resources: a construct marked as a cluster. */
export const CLUSTER_PROP: Shape = {
  t: 'instance',
  test: (v) => v !== null && typeof v === 'object' && isCluster(v as IConstruct),
  what: 'a cluster (a KraftCluster or another ICluster)',
};
