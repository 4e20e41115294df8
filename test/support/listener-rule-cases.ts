import { Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import {
  ExternalListenerOptions,
  KraftCluster,
  KraftClusterProps,
  LoadBalancerShape,
  NodePoolOptions,
  Storage,
} from '../../lib';
import type { RuleCase } from './rule-cases';

// Bad inputs for the external listener types (loadbalancer, ingress, route, cluster-ip): each breaks
// one rule; test/rules.test.ts checks the exact messages below.
const storage = Storage.persistentClaim({ size: '10Gi' });
const broker: NodePoolOptions = { roles: ['broker'], replicas: 3, storage };
const controller: NodePoolOptions = { roles: ['controller'], replicas: 3, storage };
const js = (v: unknown) => v as any; // what a JavaScript caller can pass

/** Valid listeners of each type, which the cases break one field at a time. */
export const INGRESS: ExternalListenerOptions = {
  type: 'ingress',
  bootstrap: { host: 'bootstrap.kafka.example.com' },
  hostTemplate: 'broker-{nodeId}.kafka.example.com',
  class: 'nginx',
};
export const ROUTE: ExternalListenerOptions = { type: 'route', bootstrap: { host: 'bootstrap.apps.example.com' } };
export const LOAD_BALANCER: ExternalListenerOptions = {
  type: 'loadbalancer',
  bootstrap: { host: 'kafka-lb.example.com' },
  advertisedHostTemplate: 'broker-{nodeId}.kafka-lb.example.com',
};
export const CLUSTER_IP: ExternalListenerOptions = {
  type: 'cluster-ip',
  bootstrap: { host: 'kafka-proxy.example.com' },
  advertisedHostTemplate: 'kafka-proxy.example.com',
  advertisedPortBase: 9200,
};

function cluster(listener: ExternalListenerOptions, props: KraftClusterProps = {}): IConstruct {
  const chart = Testing.chart();
  new KraftCluster(chart, 'c', { nodePools: { broker, controller }, externalListeners: [listener], ...props });
  return chart;
}

export const LISTENER_RULE_CASES: RuleCase[] = [
  {
    rule: 'lbListener',
    name: 'an external-host nginx for a cluster-ip listener',
    build: () => {
      const root = cluster({ ...CLUSTER_IP, name: 'proxied' });
      const c = root.node.findAll().find((x): x is KraftCluster => x instanceof KraftCluster)!;
      c.addLoadBalancer('lb', {
        listener: 'proxied',
        shape: LoadBalancerShape.externalHost({ workers: ['10.0.0.1'] }),
      });
      return root;
    },
  },
  {
    rule: 'listenerHost',
    name: 'ingress bootstrap host an IP',
    build: () => cluster({ ...INGRESS, bootstrap: { host: '10.0.0.5' } }),
  },
  {
    rule: 'listenerHost',
    name: 'loadbalancer advertisedHost with _',
    build: () => cluster({ ...LOAD_BALANCER, brokers: { 0: { advertisedHost: 'kafka_0.example.com' } } }),
  },
  {
    rule: 'listenerHostRequired',
    name: 'ingress without bootstrap host',
    build: () => cluster({ ...INGRESS, bootstrap: {} }),
  },
  {
    rule: 'listenerHostRequired',
    name: 'ingress without broker hosts',
    build: () => cluster({ ...INGRESS, hostTemplate: undefined, brokers: { 1: { host: 'b1.kafka.example.com' } } }),
  },
  {
    rule: 'listenerHostUnique',
    name: 'ingress broker 1 on the bootstrap host',
    build: () => cluster({ ...INGRESS, brokers: { 1: { host: 'bootstrap.kafka.example.com' } } }),
  },
  {
    rule: 'listenerHostUnique',
    name: 'cluster-ip brokers 0 and 1 on one address',
    build: () => cluster({ ...CLUSTER_IP, brokers: { 1: { advertisedPort: 9200 } } }),
  },
  {
    rule: 'listenerTemplateRelease',
    name: 'hostTemplate on Strimzi 0.43.0',
    build: () => cluster(INGRESS, { strimziVersion: '0.43.0' }),
  },
  {
    rule: 'listenerTemplateResolves',
    name: 'route hostTemplate with {nodeID} (a typo)',
    build: () => cluster({ ...ROUTE, hostTemplate: 'broker-{nodeID}.apps.example.com' }),
  },
  {
    rule: 'listenerTemplateResolves',
    name: 'loadbalancer advertisedHostTemplate without placeholder',
    build: () => cluster({ ...LOAD_BALANCER, advertisedHostTemplate: 'broker.kafka-lb.example.com' }),
  },
  {
    rule: 'listenerTemplateResolves',
    name: 'ingress {nodePodName} fits nodes 0-2 but not the scale-up range 100-199',
    build: () => cluster({ ...INGRESS, hostTemplate: `${'a'.repeat(53)}{nodePodName}.kafka.example.com` }),
  },
  { rule: 'listenerTlsRequired', name: 'ingress without TLS', build: () => cluster({ ...INGRESS, tls: false }) },
  { rule: 'listenerTlsRequired', name: 'route without TLS', build: () => cluster({ ...ROUTE, tls: false }) },
  { rule: 'listenerFieldForType', name: 'class on a route', build: () => cluster({ ...ROUTE, class: 'nginx' }) },
  {
    rule: 'listenerFieldForType',
    name: 'loadBalancerIP on an ingress broker',
    build: () => cluster({ ...INGRESS, brokers: { 0: { loadBalancerIP: '203.0.113.10' } } }),
  },
  {
    rule: 'listenerFieldForType',
    name: 'externalTrafficPolicy on cluster-ip',
    build: () => cluster({ ...CLUSTER_IP, externalTrafficPolicy: 'Local' }),
  },
  {
    rule: 'listenerFieldForType',
    name: 'hostTemplate on a loadbalancer',
    build: () => cluster({ ...LOAD_BALANCER, hostTemplate: 'b-{nodeId}.example.com' }),
  },
  {
    rule: 'listenerFieldForType',
    name: 'broker annotations on a route',
    build: () => cluster({ ...ROUTE, brokers: { 0: { annotations: { team: 'a' } } } }),
  },
  {
    rule: 'listenerFieldForType',
    name: 'bootstrap labels on cluster-ip',
    build: () => cluster({ ...CLUSTER_IP, bootstrap: { host: 'kafka-proxy.example.com', labels: { team: 'a' } } }),
  },
  {
    rule: 'listenerLoadBalancerIp',
    name: "loadBalancerIP 'eu-west'",
    build: () => cluster({ ...LOAD_BALANCER, bootstrap: { host: 'kafka-lb.example.com', loadBalancerIP: 'eu-west' } }),
  },
  {
    rule: 'listenerLabels',
    name: "broker label value 'team a'",
    build: () => cluster({ ...LOAD_BALANCER, brokers: { 2: { labels: { team: 'team a' } } } }),
  },
  {
    rule: 'listenerAddressUnpinned',
    name: 'loadbalancer without bootstrap host',
    build: () => cluster({ type: 'loadbalancer' }),
  },
  {
    rule: 'listenerSniHost',
    name: 'ingress broker 0 advertising another host',
    build: () => cluster({ ...INGRESS, brokers: { 0: { advertisedHost: 'kafka-0.example.com' } } }),
  },
  {
    rule: 'externalPlaintext',
    name: 'loadbalancer without TLS',
    build: () => cluster({ ...LOAD_BALANCER, tls: false }),
  },
  {
    rule: 'externalUnauthenticated',
    name: 'cluster-ip without authentication',
    build: () => cluster({ ...CLUSTER_IP, authentication: 'none' }),
  },
  {
    rule: 'advertisedPort',
    name: 'cluster-ip advertisedPortBase 65534: broker 2 advertises 65536',
    build: () => cluster({ ...CLUSTER_IP, advertisedPortBase: 65534 }),
  },
  {
    rule: 'brokerOverrideIsBroker',
    name: 'route brokers[7] (no such broker)',
    build: () => cluster({ ...ROUTE, brokers: { 7: { host: 'b7.apps.example.com' } } }),
  },
  {
    rule: 'propType',
    name: "loadbalancer annotation key 'bad key'",
    build: () =>
      cluster({ ...LOAD_BALANCER, bootstrap: { host: 'kafka-lb.example.com', annotations: { 'bad key': 'x' } } }),
  },
  {
    rule: 'propType',
    name: 'loadbalancer source range 10.0.0.0/33',
    build: () => cluster({ ...LOAD_BALANCER, loadBalancerSourceRanges: ['10.0.0.0/33'] }),
  },
  {
    rule: 'advertisedPort',
    name: 'ingress bootstrapPort 0',
    build: () => cluster({ ...INGRESS, bootstrapPort: 0 }),
  },
  {
    rule: 'propType',
    name: "listener type 'nodeport' through addExternalListener",
    build: () => cluster({ ...LOAD_BALANCER, type: js('nodeport') }),
  },
];

export const LISTENER_EXPECTED: Record<string, string[]> = {
  'listenerFieldForType | bootstrap labels on cluster-ip': [
    '[test/c/external-listener] bootstrap.labels = {"team":"a"}: Strimzi uses this field for loadbalancer, ingress and route listeners only, not \'cluster-ip\'. Fix: remove it, or use type \'loadbalancer\' [listener-field-for-type]',
  ],
  'listenerFieldForType | broker annotations on a route': [
    '[test/c/external-listener] brokers[0].annotations = {"team":"a"}: Strimzi uses this field for loadbalancer and ingress listeners only, not \'route\'. Fix: remove it, or use type \'loadbalancer\' [listener-field-for-type]',
  ],
  'listenerFieldForType | hostTemplate on a loadbalancer': [
    "[test/c/external-listener] hostTemplate = \"b-{nodeId}.example.com\": Strimzi uses this field for ingress and route listeners only, not 'loadbalancer'. Fix: remove it, or use type 'ingress' [listener-field-for-type]",
  ],
  'listenerFieldForType | externalTrafficPolicy on cluster-ip': [
    "[test/c/external-listener] externalTrafficPolicy = \"Local\": Strimzi uses this field for loadbalancer listeners only, not 'cluster-ip'. Fix: remove it, or use type 'loadbalancer' [listener-field-for-type]",
  ],
  'listenerFieldForType | loadBalancerIP on an ingress broker': [
    "[test/c/external-listener] brokers[0].loadBalancerIP = \"203.0.113.10\": Strimzi uses this field for loadbalancer listeners only, not 'ingress'. Fix: remove it, or use type 'loadbalancer' [listener-field-for-type]",
  ],
  'listenerFieldForType | class on a route': [
    "[test/c/external-listener] class = \"nginx\": Strimzi uses this field for ingress and loadbalancer listeners only, not 'route'. Fix: remove it, or use type 'ingress' [listener-field-for-type]",
  ],
  'lbListener | an external-host nginx for a cluster-ip listener': [
    '[test/c/lb] listener = "proxied": a cluster-ip listener has no NodePorts for nginx outside the cluster. Fix: use LoadBalancerShape.inCluster() [lb-listener]',
  ],
  "propType | loadbalancer annotation key 'bad key'": [
    "[test/c/external-listener] bootstrap.annotations['bad key'] = \"x\": the key is not a label key such as kubernetes.io/os or node-role. Fix: use a Kubernetes label key, e.g. 'kubernetes.io/os' [prop-type]",
  ],
  'propType | loadbalancer source range 10.0.0.0/33': [
    '[test/c/external-listener] loadBalancerSourceRanges[0] = "10.0.0.0/33": not a CIDR such as 10.0.0.0/8. Fix: give source ranges as CIDRs, e.g. \'203.0.113.0/24\' [prop-type]',
  ],
  'advertisedPort | ingress bootstrapPort 0': [
    '[test/c/external-listener] bootstrapPort = 0: not an integer from 1 to 65535. Fix: use a TCP port from 1 to 65535 [advertised-port]',
  ],
  'listenerHost | ingress bootstrap host an IP': [
    '[test/c/external-listener] bootstrap.host = "10.0.0.5": not a lower-case DNS name; the Ingress needs one (no IP address). Fix: give a host name such as \'bootstrap.kafka.example.com\' [listener-host]',
  ],
  'listenerHost | loadbalancer advertisedHost with _': [
    '[test/c/external-listener] brokers[0].advertisedHost = "kafka_0.example.com": not a host name or IP address. Fix: give the DNS name or IP clients connect to, e.g. \'kafka.example.com\' [listener-host]',
  ],
  'listenerHostRequired | ingress without bootstrap host': [
    "[test/c/external-listener] bootstrap.host: an ingress listener needs the host of its bootstrap Ingress. Fix: give bootstrap.host, e.g. 'bootstrap.kafka.example.com' [listener-host-required]",
  ],
  'listenerHostRequired | ingress without broker hosts': [
    "[test/c/external-listener] hostTemplate: broker(s) 0, 2 have no host; every broker of an ingress listener needs its own Ingress host. Fix: set hostTemplate, e.g. 'broker-{nodeId}.kafka.example.com', or brokers[id].host [listener-host-required]",
  ],
  'listenerHostUnique | ingress broker 1 on the bootstrap host': [
    '[test/c/external-listener] brokers[1] = "bootstrap.kafka.example.com": broker 1 has the host of the bootstrap; clients would reach the wrong broker. Fix: give every broker its own host (a hostTemplate with {nodeId}) [listener-host-unique]',
  ],
  'listenerHostUnique | cluster-ip brokers 0 and 1 on one address': [
    '[test/c/external-listener] brokers[1] = "kafka-proxy.example.com:9200": broker 1 has the address of broker 0; clients would reach the wrong broker. Fix: give every broker its own address (its own host or advertisedPort) [listener-host-unique]',
  ],
  'listenerTemplateRelease | hostTemplate on Strimzi 0.43.0': [
    '[test/c/external-listener] hostTemplate = "broker-{nodeId}.kafka.example.com": Strimzi 0.43.0 has no hostTemplate (it came in 0.44.0). Fix: give every broker its host in brokers[id], or use Strimzi 0.44.0 or later [listener-template-release]',
  ],
  'listenerTemplateResolves | route hostTemplate with {nodeID} (a typo)': [
    '[test/c/external-listener] hostTemplate = "broker-{nodeID}.apps.example.com": for node 0 (pool broker, scale-up range 100-199 included) it gives \'broker-{nodeID}.apps.example.com\', not a lower-case DNS name. Fix: use only {nodeId} and {nodePodName} in a host name of at most 253 characters [listener-template-resolves]',
  ],
  'listenerTemplateResolves | loadbalancer advertisedHostTemplate without placeholder': [
    '[test/c/external-listener] advertisedHostTemplate = "broker.kafka-lb.example.com": it gives every broker the same name; clients would reach one broker for all. Fix: put {nodeId} or {nodePodName} in it, e.g. \'broker-{nodeId}.kafka.example.com\' [listener-template-resolves]',
  ],
  'listenerTemplateResolves | ingress {nodePodName} fits nodes 0-2 but not the scale-up range 100-199': [
    "[test/c/external-listener] hostTemplate = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa{nodePodName}.kafka.exa...: for node 199 (pool broker, scale-up range 100-199 included) it gives 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac-broker-199.kafka.example.com', not a lower-case DNS name. Fix: use only {nodeId} and {nodePodName} in a host name of at most 253 characters [listener-template-resolves]",
  ],
  'listenerTlsRequired | ingress without TLS': [
    "[test/c/external-listener] tls = false: 'ingress' listeners pass TLS through and route by the SNI host; Strimzi rejects them without TLS. Fix: remove tls: false (TLS is the default) [listener-tls-required]",
  ],
  'listenerTlsRequired | route without TLS': [
    "[test/c/external-listener] tls = false: 'route' listeners pass TLS through and route by the SNI host; Strimzi rejects them without TLS. Fix: remove tls: false (TLS is the default) [listener-tls-required]",
  ],
  "listenerLoadBalancerIp | loadBalancerIP 'eu-west'": [
    '[test/c/external-listener] bootstrap.loadBalancerIP = "eu-west": not an IP address. Fix: give the address to request, e.g. \'203.0.113.10\', or remove it [listener-load-balancer-ip]',
  ],
  "listenerLabels | broker label value 'team a'": [
    '[test/c/external-listener] brokers[2].labels[team] = "team a": not a Kubernetes label value (63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit). Fix: use e.g. \'kafka-external\' [listener-labels]',
  ],
  'listenerAddressUnpinned | loadbalancer without bootstrap host': [
    '[test/c/external-listener] warning: bootstrap.host: the cloud assigns the bootstrap address at apply; client files name a placeholder and the doctor cannot follow the chain. Fix: give bootstrap.host (a DNS name you point at it, or bootstrap.loadBalancerIP) [listener-address-unpinned]',
  ],
  'listenerSniHost | ingress broker 0 advertising another host': [
    '[test/c/external-listener] warning: brokers[0].advertisedHost = "kafka-0.example.com": broker 0\'s Ingress host is broker-0.kafka.example.com; clients send the advertised host as SNI and reach no broker unless a proxy in front rewrites it. Fix: advertise the host, or remove advertisedHost [listener-sni-host]',
  ],
  'externalPlaintext | loadbalancer without TLS': [
    '[test/c/external-listener] warning: tls = false: clients outside the cluster connect without encryption. Fix: remove tls: false (TLS is the default; clients then trust the cluster CA) [external-plaintext]',
  ],
  'externalUnauthenticated | cluster-ip without authentication': [
    "[test/c/external-listener] warning: authentication: anyone who reaches the listener can produce and consume. Fix: remove authentication: 'none' (the default is scram-sha-512) [external-unauthenticated]",
  ],
  'advertisedPort | cluster-ip advertisedPortBase 65534: broker 2 advertises 65536': [
    '[test/c/external-listener] advertisedPortBase = 65534: the advertised port of broker 2 (base + node ID = 65536) is outside 1-65535. Fix: lower the base or give the broker an advertisedPort [advertised-port]',
  ],
  'brokerOverrideIsBroker | route brokers[7] (no such broker)': [
    '[test/c/external-listener] brokers[7] = 7: no broker has this node ID (brokers: 0, 1, 2); the operator would ignore the entry. Fix: key brokers by a broker node ID, or remove the entry [broker-override-is-broker]',
  ],
  "propType | listener type 'nodeport' through addExternalListener": [
    "[test/c/external-listener] type = \"nodeport\": a string, not one of 'cluster-ip', 'ingress', 'loadbalancer', 'route'. Fix: pass one of 'cluster-ip', 'ingress', 'loadbalancer', 'route' [prop-type]",
  ],
};
