import { App, Chart, Testing } from 'cdk8s';
import {
  JbodVolume,
  KafkaTopic,
  KafkaUser,
  KraftCluster,
  KraftClusterProps,
  NodeIdLock,
  NodePoolOptions,
  StrimziOperator,
  Storage,
} from '../../lib';
import { validationErrors } from './synth';

/** What a small before/after app is made of; every field has the seed's value by default. */
export interface PlanAppOptions {
  readonly strimziVersion?: string;
  readonly kafkaVersion?: string;
  readonly metadataVersion?: string;
  readonly operator?: boolean;
  readonly brokers?: number;
  /** Declare every pool's node IDs (brokers 0-2, controllers 3-5), as docs/clusters-and-pools.md asks. */
  readonly declareIds?: boolean;
  readonly nodeIdLock?: NodeIdLock;
  readonly size?: string;
  /** Extra pools (e.g. a second broker pool). */
  readonly pools?: Record<string, NodePoolOptions>;
  readonly plainPort?: number;
  readonly topicPartitions?: number;
  readonly userAuthentication?: 'scram-sha-512' | 'tls';
}

const storage = (size: string) =>
  Storage.jbod(JbodVolume.persistentClaim(0, { size, storageClass: 'standard', kraftMetadata: true }));

function clusterProps(o: PlanAppOptions): KraftClusterProps {
  const s = storage(o.size ?? '100Gi');
  return {
    strimziVersion: o.strimziVersion ?? '0.43.0',
    kafkaVersion: o.kafkaVersion ?? '3.7.1',
    metadataVersion: o.metadataVersion,
    nodeIdLock: o.nodeIdLock,
    nodePools: {
      broker: {
        roles: ['broker'],
        replicas: o.brokers ?? 3,
        storage: s,
        ...(o.declareIds ? { nodeIds: [0, 1, 2] } : {}),
      },
      controller: { roles: ['controller'], replicas: 3, storage: s, ...(o.declareIds ? { nodeIds: [3, 4, 5] } : {}) },
      ...o.pools,
    },
    listeners: [
      { name: 'plain', port: o.plainPort ?? 9092, tls: false },
      { name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } },
      { name: 'scram', port: 9095, tls: true, authentication: { type: 'scram-sha-512' } },
    ],
  };
}

/** Builds the app in memory and returns the objects of every chart (the output), failing on any error. */
export function planApp(o: PlanAppOptions = {}): any[] {
  const app = Testing.app();
  if (o.operator) {
    const chart = new Chart(app, '10-strimzi-operator');
    new StrimziOperator(chart, 'operator', {
      strimziVersion: o.strimziVersion ?? '0.43.0',
      namespace: 'strimzi',
      watchNamespaces: ['kafka'],
      kubernetesVersion: '1.32',
    });
  }
  const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
  const cluster = new KraftCluster(chart, 'my-cluster', clusterProps(o));
  new KafkaTopic(chart, 'orders', { cluster, partitions: o.topicPartitions ?? 12, replicas: 3 });
  new KafkaUser(chart, 'orders-producer', {
    cluster,
    authentication: { type: o.userAuthentication ?? 'scram-sha-512' },
  });
  const errors = validationErrors(app as App).filter((e) => !e.includes('warning'));
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return app.charts.flatMap((c) => Testing.synth(c));
}
