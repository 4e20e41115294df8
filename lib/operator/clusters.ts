import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { KraftCluster } from '../kraft-cluster';

/** What the operator rules need to know about a Kafka cluster of the app. */
export interface ClusterRef {
  /** The cluster construct (findings are reported on it). */
  readonly scope: IConstruct;
  /** Namespace of the Kafka resource (its chart's). */
  readonly namespace?: string;
  /** Strimzi release the cluster was checked against. */
  readonly strimziVersion: string;
}

/**
 * The Kafka clusters of an app. The only place in lib/operator that knows the cluster
 * construct; switch it to the `ICluster` interface of lib/kafka when that lands.
 */
export function clustersOf(root: IConstruct): ClusterRef[] {
  return root.node.findAll().filter((c): c is KraftCluster => c instanceof KraftCluster)
    .map((c) => ({ scope: c, namespace: Chart.of(c).namespace, strimziVersion: c.release.tag }));
}
