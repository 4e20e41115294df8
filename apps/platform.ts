import { App, Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import {
  KafkaBridge,
  KafkaConnect,
  KafkaMirrorMaker2,
  KafkaRebalance,
  KafkaTopic,
  KraftCluster,
  NodeIdLock,
  NodePoolOptions,
  Storage,
  StrimziMonitoring,
} from '../lib';

/** Three nodes of one role on 100 GiB claims. */
const nodes = (role: 'broker' | 'controller'): NodePoolOptions => ({
  roles: [role],
  replicas: 3,
  storage: Storage.persistentClaim({ size: '100Gi', kraftMetadata: true }),
  resources: { requests: { cpu: '1', memory: '4Gi' }, limits: { memory: '4Gi' } },
});

/** The listeners of both clusters: mutual TLS and SCRAM over TLS, inside Kubernetes only. */
const listeners = [
  { name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' as const } },
  { name: 'scram', port: 9094, tls: true, authentication: { type: 'scram-sha-512' as const } },
];

/**
 * The cluster MirrorMaker 2 mirrors from: a team's older cluster in namespace `legacy`, on the same
 * operator (one Kubernetes cluster has one).
 */
export class LegacyChart extends Chart {
  public readonly cluster: KraftCluster;

  constructor(scope: Construct, id: string, { nodeIdLock, ...props }: ChartProps & { nodeIdLock?: NodeIdLock } = {}) {
    super(scope, id, { namespace: 'legacy', ...props });
    this.cluster = new KraftCluster(this, 'legacy', {
      nodeIdLock,
      strimziVersion: '1.2.0',
      nodePools: { controller: nodes('controller'), broker: nodes('broker') },
      listeners,
      authorization: { type: 'simple' },
    });
    new KafkaTopic(this, 'orders', { cluster: this.cluster, partitions: 6 });
  }
}

/**
 * The rest of the operator's map on Strimzi 1.2.0, around one secure cluster (`simple`
 * authorization, mutual TLS and SCRAM listeners, three zones): Kafka Connect built with one plugin
 * and a source connector, MirrorMaker 2 mirroring `orders` from the `legacy` cluster in another
 * namespace, and the HTTP Bridge, each with the KafkaUser and ACLs the library derives for it; Cruise
 * Control with auto-rebalancing, a rebalance onto the newly added pool `broker-b`, metrics on every
 * component and the monitoring objects (PodMonitors, alert rules).
 */
export class PlatformChart extends Chart {
  public readonly cluster: KraftCluster;
  public readonly connect: KafkaConnect;
  public readonly mirror: KafkaMirrorMaker2;
  public readonly bridge: KafkaBridge;

  constructor(
    scope: Construct,
    id: string,
    { legacy, nodeIdLock, ...props }: ChartProps & { legacy: KraftCluster; nodeIdLock?: NodeIdLock },
  ) {
    super(scope, id, { namespace: 'platform', ...props });
    const cluster = new KraftCluster(this, 'events', {
      nodeIdLock,
      strimziVersion: '1.2.0',
      nodePools: { 'controller': nodes('controller'), 'broker': nodes('broker'), 'broker-b': nodes('broker') },
      listeners,
      authorization: { type: 'simple', superUsers: ['CN=platform-admin'] },
      rack: { zones: ['zone-a', 'zone-b', 'zone-c'] },
      cruiseControl: {
        brokerCapacity: { cpu: '1', inboundNetwork: '100MiB/s', outboundNetwork: '100MiB/s' },
        autoRebalance: { addBrokers: { template: 'events-spread' }, removeBrokers: { template: 'events-spread' } },
      },
      metrics: true,
    });
    this.cluster = cluster;
    new KafkaRebalance(this, 'events-spread', { cluster, template: true });
    new KafkaRebalance(this, 'events-broker-b', { cluster, mode: 'add-brokers', brokers: { pool: 'broker-b' } });
    for (const topic of ['lines', 'orders', 'legacy.orders']) new KafkaTopic(this, topic, { cluster, partitions: 6 });

    this.connect = this.pipeline(cluster);
    this.mirror = new KafkaMirrorMaker2(this, 'mirror', {
      target: { cluster },
      // the source's user and CA live in namespace legacy: the mirror mounts copies kept here (docs/clients.md)
      sources: [
        {
          cluster: legacy,
          listener: 'scram',
          copiedSecrets: { user: 'legacy-mirror-user', clusterCa: 'legacy-cluster-ca-cert' },
        },
      ],
      topicsPattern: 'orders',
      groupsPattern: 'orders-.*',
      metrics: true,
    });
    this.bridge = new KafkaBridge(this, 'http', {
      cluster,
      listener: 'scram',
      replicas: 2,
      topics: ['orders'],
      consumerGroups: ['http-*'],
      http: { cors: { allowedOrigins: ['https://shop.example.com'], allowedMethods: ['GET', 'POST'] } },
      metrics: true,
    });
    new StrimziMonitoring(this, 'monitoring', {
      clusters: [cluster],
      clients: [this.connect, this.mirror, this.bridge],
      operatorNamespace: 'strimzi',
      labels: { release: 'kube-prometheus-stack' },
    });
  }

  /** Kafka Connect built with the file connectors, and a source connector writing topic `lines`. */
  private pipeline(cluster: KraftCluster): KafkaConnect {
    const connect = new KafkaConnect(this, 'pipeline', {
      cluster,
      replicas: 2,
      metrics: true,
      build: {
        output: { type: 'docker', image: 'registry.example.com/platform/pipeline-connect:1', pushSecret: 'registry' },
        plugins: [
          {
            name: 'file',
            artifacts: [{ type: 'maven', group: 'org.apache.kafka', artifact: 'connect-file', version: '4.3.1' }],
          },
        ],
      },
    });
    connect.addConnector('lines', {
      class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
      tasksMax: 1,
      config: { file: '/opt/kafka/LICENSE', topic: 'lines' },
      topics: ['lines'],
    });
    return connect;
  }
}

/** Both charts of the `platform` app; the operator (registry.ts) watches both namespaces. */
export function platformApp(app: App, nodeIdLock?: NodeIdLock): PlatformChart {
  const legacy = new LegacyChart(app, 'legacy', { nodeIdLock });
  return new PlatformChart(app, 'platform', { legacy: legacy.cluster, nodeIdLock });
}
