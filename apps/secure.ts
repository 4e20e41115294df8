import { Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaTopic, KafkaUser, KraftCluster, LoadBalancerShape, NodeIdLock, Storage } from '../lib';

/**
 * The secure default, end to end, on Strimzi 1.2.0: an external nodeport listener with TLS and
 * SCRAM-SHA-512 (the defaults, not spelled out) behind an nginx TCP load balancer that passes TLS
 * through, `simple` authorization, a producer and a consumer with the ACLs they need, and the topic
 * they share. `npm run synth` also writes each user's client connection file.
 */
export class SecureChart extends Chart {
  public readonly cluster: KraftCluster;

  constructor(scope: Construct, id: string, { nodeIdLock, ...props }: ChartProps & { nodeIdLock?: NodeIdLock } = {}) {
    super(scope, id, { namespace: 'payments', ...props });
    const storage = Storage.persistentClaim({ size: '100Gi', kraftMetadata: true });
    this.cluster = new KraftCluster(this, 'payments', {
      nodeIdLock, // the committed output's node IDs: see registry.ts
      strimziVersion: '1.2.0',
      nodePools: {
        controller: { roles: ['controller'], replicas: 3, storage },
        broker: { roles: ['broker'], replicas: 3, storage },
      },
      listeners: [{ name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } }],
      nodePortListeners: [
        { bootstrapNodePort: 31900, advertisedHost: 'kafka.payments.example.com', advertisedPortBase: 9300 },
      ],
      authorization: { type: 'simple', superUsers: ['CN=payments-admin'] },
    });
    this.cluster.addLoadBalancer('lb', {
      shape: LoadBalancerShape.externalHost({ workers: ['10.20.0.11', '10.20.0.12', '10.20.0.13'] }),
    });
    const cluster = this.cluster;
    new KafkaTopic(this, 'payments-topic', {
      cluster,
      topicName: 'payments',
      partitions: 12,
      replicas: 3,
      config: { 'retention.ms': 604_800_000 },
    });
    new KafkaUser(this, 'payments-producer', {
      cluster,
      authentication: { type: 'scram-sha-512' },
      acls: [
        { resource: { type: 'topic', name: 'payments' }, operations: ['Describe', 'Write'] },
        {
          resource: { type: 'transactionalId', name: 'payments-', patternType: 'prefix' },
          operations: ['Describe', 'Write'],
        },
      ],
    });
    new KafkaUser(this, 'payments-consumer', {
      cluster,
      authentication: { type: 'scram-sha-512' },
      acls: [
        { resource: { type: 'topic', name: 'payments' }, operations: ['Describe', 'Read'] },
        { resource: { type: 'group', name: 'payments-', patternType: 'prefix' }, operations: ['Read'] },
      ],
    });
  }
}
