import { Testing } from 'cdk8s';
import { ExternalListenerOptions, KraftCluster, NodePoolOptions, Storage } from '../../lib';
import { ManifestObject, streamFacts } from '../../lib/doctor';
import { CLUSTER_IP, INGRESS, LOAD_BALANCER, ROUTE } from './listener-rule-cases';

// The offline doctor on manifests this library writes for each external listener type, each broken
// in one field the way a hand edit (or another tool) breaks it.
const storage = Storage.persistentClaim({ size: '10Gi' });
const broker: NodePoolOptions = { roles: ['broker'], replicas: 3, storage };
const controller: NodePoolOptions = { roles: ['controller'], replicas: 3, storage };

/** The Strimzi objects of cluster `k` in namespace `kafka` with one external listener. */
export function manifests(listener: ExternalListenerOptions): ManifestObject[] {
  const chart = Testing.chart();
  new KraftCluster(chart, 'k', { nodePools: { broker, controller }, externalListeners: [listener] });
  return Testing.synth(chart).map((o) => ({ ...o, metadata: { ...o.metadata, namespace: 'kafka' } }));
}

/** The external listener of the Kafka object, to break in place. */
export const listenerIn = (objects: ManifestObject[]): any =>
  objects.find((o) => o.kind === 'Kafka')!.spec.kafka.listeners.find((l: any) => l.name === 'external');

/** An nginx proxy forwarding `port -> broker Service` (listener port 9094). */
export const proxy = (forwards: Record<number, string>) =>
  streamFacts(
    'proxy.conf',
    Object.entries(forwards)
      .map(([port, service]) => `server { listen ${port}; proxy_pass ${service}.kafka.svc.cluster.local:9094; }`)
      .join('\n'),
  );
export const GOOD_PROXY = {
  9094: 'k-kafka-external-bootstrap',
  9200: 'k-broker-0',
  9201: 'k-broker-1',
  9202: 'k-broker-2',
};

export const LISTENERS = {
  ingress: INGRESS,
  route: { ...ROUTE, hostTemplate: 'broker-{nodeId}.apps.example.com' },
  loadbalancer: {
    ...LOAD_BALANCER,
    advertisedHostTemplate: undefined,
    brokers: { 0: { loadBalancerIP: '203.0.113.10' }, 1: { loadBalancerIP: '203.0.113.11' } },
  },
  clusterIp: CLUSTER_IP,
} satisfies Record<string, ExternalListenerOptions>;

/** One broken input per external doctor check: the objects, the proxies and the subject named. */
export function externalDoctorCases(): Record<
  'ingressHost' | 'sniRoute' | 'loadBalancerAddress' | 'proxyForward' | 'externalAddressUnique',
  { objects: ManifestObject[]; nginx: ReturnType<typeof streamFacts>[]; expect: string }
> {
  const ingress = manifests(LISTENERS.ingress);
  const il = listenerIn(ingress);
  delete il.configuration.hostTemplate;
  il.configuration.brokers = il.configuration.brokers.filter((b: any) => b.broker !== 2);
  const route = manifests(LISTENERS.route);
  listenerIn(route).configuration.brokers[1].advertisedHost = 'kafka-1.example.com';
  const lb = manifests(LISTENERS.loadbalancer);
  listenerIn(lb).configuration.brokers[1].advertisedHost = '203.0.113.99';
  const shared = manifests(LISTENERS.clusterIp);
  listenerIn(shared).configuration.brokers[2].advertisedPort = 9201;
  return {
    ingressHost: { objects: ingress, nginx: [], expect: 'broker 2' },
    sniRoute: { objects: route, nginx: [], expect: 'broker 1' },
    loadBalancerAddress: { objects: lb, nginx: [], expect: 'broker 1' },
    proxyForward: {
      objects: manifests(LISTENERS.clusterIp),
      nginx: [proxy({ ...GOOD_PROXY, 9202: 'k-broker-1' })],
      expect: 'broker 2',
    },
    externalAddressUnique: { objects: shared, nginx: [], expect: 'broker 2' },
  };
}
