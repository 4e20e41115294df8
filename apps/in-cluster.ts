import { Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { KraftCluster, LoadBalancerShape, NodeIdLock, Storage } from '../lib';

/**
 * A cluster whose external clients come in through a cloud load balancer: nginx runs in the
 * cluster behind a `LoadBalancer` Service and forwards the bootstrap port and one port per broker
 * to the per-broker Services (TLS passes through nginx to the brokers), so no host outside the
 * cluster is needed. Point the DNS name
 * `kafka-edge.example.com` at the Service's external address.
 */
export class InClusterChart extends Chart {
  public readonly cluster: KraftCluster;

  constructor(scope: Construct, id: string, { nodeIdLock, ...props }: ChartProps & { nodeIdLock?: NodeIdLock } = {}) {
    super(scope, id, { namespace: 'kafka-edge', ...props });
    const storage = Storage.persistentClaim({ size: '200Gi', kraftMetadata: true });
    this.cluster = new KraftCluster(this, 'edge', {
      nodeIdLock, // the committed output's node IDs: see registry.ts
      strimziVersion: '1.2.0',
      nodePools: {
        controller: { roles: ['controller'], replicas: 3, storage },
        broker: { roles: ['broker'], replicas: 3, storage },
      },
      nodePortListeners: [
        {
          tls: true,
          authentication: { type: 'scram-sha-512' },
          bootstrapNodePort: 30900,
          advertisedHost: 'kafka-edge.example.com',
          advertisedPortBase: 9200,
        },
      ],
    });
    this.cluster.addLoadBalancer('lb', {
      shape: LoadBalancerShape.inCluster({ serviceType: 'LoadBalancer', replicas: 2 }),
    });
    // The same without NodePorts: a cluster-ip listener (a ClusterIP Service per broker) behind a
    // second in-cluster nginx; point kafka-proxied.example.com at that nginx's Service.
    this.cluster.addExternalListener({
      type: 'cluster-ip',
      name: 'proxied',
      port: 9095,
      bootstrap: { host: 'kafka-proxied.example.com' },
      bootstrapPort: 9300,
      advertisedHostTemplate: 'kafka-proxied.example.com',
      advertisedPortBase: 9301,
    });
    this.cluster.addLoadBalancer('proxied-lb', {
      listener: 'proxied',
      shape: LoadBalancerShape.inCluster({ serviceType: 'LoadBalancer', replicas: 2 }),
    });
  }
}
