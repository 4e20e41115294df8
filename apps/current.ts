import { Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import {
  JbodVolume,
  KafkaRebalance,
  KraftCluster,
  NodeIdLock,
  NodePoolOptions,
  Storage,
  StrimziMonitoring,
} from '../lib';

/** The brokers of each broker pool: two JBOD disks, 2 CPUs. */
const brokers: NodePoolOptions = {
  roles: ['broker'],
  replicas: 3,
  storage: Storage.jbod(
    JbodVolume.persistentClaim(0, { size: '500Gi', storageClass: 'fast-ssd', kraftMetadata: true }),
    JbodVolume.persistentClaim(1, { size: '500Gi', storageClass: 'fast-ssd' }),
  ),
  resources: { requests: { cpu: '2', memory: '8Gi' }, limits: { memory: '8Gi' } },
  jvmOptions: { xms: '4g', xmx: '4g' },
};

/**
 * A production cluster on the current Strimzi (1.2.0, `kafka.strimzi.io/v1`): dedicated
 * controllers, brokers with two JBOD disks, mutual-TLS inside the cluster, and external TLS + SCRAM
 * listeners: one load-balancer host name with a port per broker (nodeport), an Ingress per broker
 * (ingress) and a cloud load balancer per broker (loadbalancer). Metrics on every component
 * (brokers, controllers, Kafka Exporter, Cruise Control; the entity and cluster operators always
 * serve theirs) and the monitoring objects of a kube-prometheus-stack installation: PodMonitors,
 * the release's alert rules and its Grafana dashboards. The nodes
 * spread over three zones (rack awareness), and Cruise Control drains brokers before a scale-down
 * (auto-rebalancing with a template) and moves replicas onto the newly added pool `broker-b` (a
 * rebalance whose proposal is approved by hand).
 */
export class CurrentChart extends Chart {
  public readonly cluster: KraftCluster;

  constructor(scope: Construct, id: string, { nodeIdLock, ...props }: ChartProps & { nodeIdLock?: NodeIdLock } = {}) {
    super(scope, id, { namespace: 'streaming', ...props });
    this.cluster = new KraftCluster(this, 'events', {
      nodeIdLock, // the committed output's node IDs: see registry.ts
      strimziVersion: '1.2.0',
      nodePools: {
        'controller': {
          roles: ['controller'],
          replicas: 3,
          storage: Storage.persistentClaim({ size: '20Gi', storageClass: 'fast-ssd', kraftMetadata: true }),
          resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { memory: '2Gi' } },
        },
        'broker': brokers,
        'broker-b': brokers,
      },
      rack: { zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] },
      cruiseControl: {
        brokerCapacity: { cpu: '2', inboundNetwork: '125MiB/s', outboundNetwork: '125MiB/s' },
        resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '1Gi' } },
        autoRebalance: { removeBrokers: { template: 'events-drain' } },
      },
      listeners: [{ name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } }],
      nodePortListeners: [
        {
          name: 'external',
          port: 9094,
          tls: true,
          authentication: { type: 'scram-sha-512' },
          bootstrapNodePort: 31090,
          bootstrapPort: 9094,
          advertisedHost: 'kafka.example.com',
          advertisedPortBase: 9100,
        },
      ],
      config: { 'auto.create.topics.enable': false },
      externalListeners: [
        {
          // an Ingress per broker; the ingress-nginx controller passes TLS through (--enable-ssl-passthrough)
          type: 'ingress',
          name: 'ingress',
          port: 9095,
          class: 'nginx',
          bootstrap: { host: 'bootstrap.kafka.example.com' },
          hostTemplate: 'broker-{nodeId}.kafka.example.com',
        },
      ],
      metrics: true,
    });
    // a cloud load balancer per broker, named in DNS by external-dns from each Service's annotation
    const dns = (host: string) => ({ annotations: { 'external-dns.alpha.kubernetes.io/hostname': host } });
    this.cluster.addExternalListener({
      type: 'loadbalancer',
      name: 'cloud',
      port: 9096,
      bootstrap: { host: 'kafka-cloud.example.com', ...dns('kafka-cloud.example.com') },
      advertisedHostTemplate: 'broker-{nodeId}.kafka-cloud.example.com',
      brokers: Object.fromEntries(
        this.cluster.model.brokerIds.map((id) => [id, dns(`broker-${id}.kafka-cloud.example.com`)]),
      ),
      loadBalancerSourceRanges: ['203.0.113.0/24'],
    });
    new StrimziMonitoring(this, 'monitoring', {
      clusters: [this.cluster],
      operatorNamespace: 'strimzi', // the operator of registry.ts
      grafanaDashboards: true,
      labels: { release: 'kube-prometheus-stack' }, // what its Prometheus selects PodMonitors and rules by
    });
    // the operator drains brokers with this template's options before it removes them
    new KafkaRebalance(this, 'events-drain', { cluster: this.cluster, template: true });
    // replicas move onto the new pool once the proposal is approved (annotate it strimzi.io/rebalance=approve)
    new KafkaRebalance(this, 'events-broker-b', {
      cluster: this.cluster,
      mode: 'add-brokers',
      brokers: { pool: 'broker-b' },
    });
  }
}
