import { IConstruct } from 'constructs';
import { managedClustersIn } from '../common/cluster';

/** What the operator rules need to know about a Kafka cluster of the app. */
export interface ClusterRef {
  /** The cluster construct (findings are reported on it). */
  readonly scope: IConstruct;
  /** Namespace of the Kafka resource (its chart's). */
  readonly namespace?: string;
  /** Strimzi release the cluster was checked against. */
  readonly strimziVersion: string;
  /** Kafka version of the cluster. */
  readonly kafkaVersion: string;
}

/** The Kafka clusters of an app, through the `ICluster` contract (the only place lib/operator reads clusters). */
export function clustersOf(root: IConstruct): ClusterRef[] {
  return managedClustersIn(root).map((c) => ({
    scope: c,
    namespace: c.namespace,
    strimziVersion: c.release.tag,
    kafkaVersion: c.kafkaVersion,
  }));
}
