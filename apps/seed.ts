import { Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { JbodVolume, KraftCluster, LoadBalancerShape, NodeIdLock, Storage } from '../lib';

/**
 * The cluster of the seed post (`../shared/seed/kafka.yaml`), made correct:
 * - on Strimzi 0.43.0, a release that supports the Kafka 3.7.1 the post asks for (0.41.0, which
 *   the post downloads, stops at 3.7.0);
 * - every broker's NodePort pinned (32101-32103 behind advertised ports 8091-8093), so the load
 *   balancer can forward to it;
 * - node IDs pinned with `strimzi.io/next-node-ids` to the IDs the operator gave the post's
 *   cluster (brokers 0-2, controllers 3-5), so the broker overrides keep hitting real brokers;
 * - the complete nginx load balancer the post leaves to the reader: bootstrap 9094 and one port per
 *   broker (8091-8093), each forwarded to its NodePort on every worker. The post's bootstrap block
 *   lists one worker, 172.20.37.42, six times; we read that as six workers, 172.20.37.41-46.
 */
/** The worker nodes of the post's cluster (see above). */
export const SEED_WORKERS = [
  '172.20.37.41',
  '172.20.37.42',
  '172.20.37.43',
  '172.20.37.44',
  '172.20.37.45',
  '172.20.37.46',
];

export class SeedChart extends Chart {
  public readonly cluster: KraftCluster;

  constructor(scope: Construct, id: string, { nodeIdLock, ...props }: ChartProps & { nodeIdLock?: NodeIdLock } = {}) {
    super(scope, id, { namespace: 'kafka', ...props });
    const storage = Storage.jbod(
      JbodVolume.persistentClaim(0, {
        size: '100Gi',
        storageClass: 'ceph-csi-rbd-hdd',
        deleteClaim: false,
        kraftMetadata: true,
      }),
    );
    this.cluster = new KraftCluster(this, 'my-cluster', {
      nodeIdLock, // the committed output's node IDs: see registry.ts
      strimziVersion: '0.43.0',
      kafkaVersion: '3.7.1',
      metadataVersion: '3.7-IV4',
      nodePools: {
        controller: { roles: ['controller'], replicas: 3, storage },
        broker: { roles: ['broker'], replicas: 3, storage },
      },
      listeners: [{ name: 'plain', port: 9092, tls: false }],
      nodePortListeners: [
        {
          name: 'external',
          port: 9094,
          bootstrapNodePort: 32100,
          advertisedHost: 'kafka.sdsp-dev.com',
          advertisedPortBase: 8091,
          // The post's listener: plaintext and open. Kept on purpose (its output must equal the post's
          // manifest); the library's default is TLS with SCRAM-SHA-512, and this opt-out warns.
          tls: false,
          authentication: 'none',
        },
      ],
    });
    this.cluster.addLoadBalancer('lb', {
      shape: LoadBalancerShape.externalHost({ workers: SEED_WORKERS }),
    });
  }
}
