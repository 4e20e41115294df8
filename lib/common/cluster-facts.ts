/**
 * What the config checks of users, topics and other resources read from their cluster, through the
 * `ICluster` of today; one place to re-point when `ICluster` changes.
 */
import { ICluster } from './cluster';

/** The cluster facts a topic's config checks need. */
export interface ClusterConfigFacts {
  readonly clusterName: string;
  readonly kafkaVersion: string;
  /** The cluster's Kafka `config` (with the replication keys), the topics' broker defaults. */
  readonly config: Record<string, string | number | boolean>;
}

/** The facts of a cluster for config checks. */
export function clusterFacts(c: ICluster): ClusterConfigFacts {
  return { clusterName: c.clusterName, kafkaVersion: c.kafkaVersion, config: c.model.config };
}
