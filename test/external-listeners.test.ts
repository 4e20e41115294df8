import { Chart, Testing } from 'cdk8s';
import {
  ExternalListenerOptions,
  KafkaUser,
  KraftCluster,
  clientConnectionOf,
  KraftClusterProps,
  NodePoolOptions,
  STRIMZI_RELEASES,
  Storage,
  findProblems,
  formatProblem,
} from '../lib';
import { compareVersions } from '../lib/core/release';
import { validateManifests } from '../lib/tools';
import { CLUSTER_IP, INGRESS, LOAD_BALANCER, ROUTE } from './support/listener-rule-cases';

const storage = Storage.persistentClaim({ size: '10Gi' });
const broker: NodePoolOptions = { roles: ['broker'], replicas: 3, storage };
const controller: NodePoolOptions = { roles: ['controller'], replicas: 3, storage };
const hosts = (prefix: string) => ({
  0: { host: `${prefix}-0.kafka.example.com` },
  1: { host: `${prefix}-1.kafka.example.com` },
  2: { host: `${prefix}-2.kafka.example.com` },
});

/** Every external listener type at once; templates where the release serves them, else pinned per broker. */
function everyType(tag: string): ExternalListenerOptions[] {
  const templates = compareVersions(tag, '0.44.0') >= 0;
  return [
    {
      ...INGRESS,
      name: 'ingress',
      port: 9095,
      ...(templates ? {} : { hostTemplate: undefined, brokers: hosts('broker') }),
    },
    {
      ...ROUTE,
      name: 'route',
      port: 9096,
      ...(templates ? { hostTemplate: 'route-{nodePodName}.apps.example.com' } : { brokers: hosts('route') }),
    },
    {
      ...LOAD_BALANCER,
      name: 'lb',
      port: 9097,
      class: 'service.k8s.aws/nlb',
      externalTrafficPolicy: 'Local',
      loadBalancerSourceRanges: ['203.0.113.0/24'],
      bootstrap: {
        host: 'kafka-lb.example.com',
        loadBalancerIP: '203.0.113.10',
        annotations: { 'external-dns.alpha.kubernetes.io/hostname': 'kafka-lb.example.com' },
        labels: { exposure: 'public' },
      },
      ...(templates ? {} : { advertisedHostTemplate: undefined }),
      brokers: {
        0: {
          loadBalancerIP: '203.0.113.11',
          ...(templates ? {} : { advertisedHost: 'broker-0.kafka-lb.example.com' }),
        },
        1: { ...(templates ? {} : { advertisedHost: 'broker-1.kafka-lb.example.com' }) },
        2: { labels: { zone: 'b' }, ...(templates ? {} : { advertisedHost: 'broker-2.kafka-lb.example.com' }) },
      },
    },
    {
      ...CLUSTER_IP,
      name: 'proxied',
      port: 9098,
      ...(templates
        ? {}
        : {
            advertisedHostTemplate: undefined,
            brokers: {
              0: { advertisedHost: 'kafka-proxy.example.com' },
              1: { advertisedHost: 'kafka-proxy.example.com' },
              2: { advertisedHost: 'kafka-proxy.example.com' },
            },
          }),
    },
  ];
}

function cluster(props: KraftClusterProps): { chart: Chart; c: KraftCluster } {
  const chart = Testing.chart();
  const c = new KraftCluster(chart, 'c', { nodePools: { broker, controller }, ...props });
  return { chart, c };
}

const listenerOf = (chart: Chart, name: string) =>
  Testing.synth(chart)
    .find((o) => o.kind === 'Kafka')
    .spec.kafka.listeners.find((l: any) => l.name === name);

describe('external listener types', () => {
  test.each(STRIMZI_RELEASES.map((r) => r.tag))(
    'Strimzi %s: loadbalancer, ingress, route and cluster-ip validate strictly, without findings',
    (tag) => {
      // GIVEN a cluster with a listener of every type
      const { chart, c } = cluster({ strimziVersion: tag, externalListeners: everyType(tag) });

      // WHEN synthesized and validated against the release's CRDs
      const all = Testing.synth(chart);
      const result = validateManifests(all, { strimziVersion: tag });

      // THEN no finding, no schema error, and every type is rendered
      expect(findProblems(chart).map(formatProblem)).toEqual([]);
      expect(result.errors).toEqual([]);
      const types = all.find((o) => o.kind === 'Kafka').spec.kafka.listeners.map((l: any) => l.type);
      expect(types).toEqual(['internal', 'ingress', 'route', 'loadbalancer', 'cluster-ip']);
      // and every bootstrap and advertised host known before apply is in the certificates
      const kafka = all.find((o) => o.kind === 'Kafka');
      for (const m of c.model.externalListeners) {
        const sans = kafka.spec.kafka.listeners.find((l: any) => l.name === m.listener.name).configuration.bootstrap
          .alternativeNames;
        const hosts = [m.bootstrapHost, ...m.brokers.map((b) => b.advertisedHost)].filter((h) => h !== undefined);
        expect(hosts.length).toBeGreaterThan(1);
        expect(hosts.filter((h) => !sans.includes(h))).toEqual([]);
      }
    },
  );

  test('ingress: every broker advertises its Ingress host on 443; the SANs hold every host', () => {
    // GIVEN an ingress listener with a host template
    const { chart, c } = cluster({ externalListeners: [INGRESS] });

    // WHEN
    const l = listenerOf(chart, 'external');

    // THEN
    expect(l.configuration.brokers).toEqual(
      [0, 1, 2].map((id) => ({
        broker: id,
        host: `broker-${id}.kafka.example.com`,
        advertisedHost: `broker-${id}.kafka.example.com`,
        advertisedPort: 443,
      })),
    );
    expect(l.configuration.bootstrap).toEqual({
      host: 'bootstrap.kafka.example.com',
      alternativeNames: [
        'bootstrap.kafka.example.com',
        'broker-0.kafka.example.com',
        'broker-1.kafka.example.com',
        'broker-2.kafka.example.com',
      ],
    });
    expect(l.configuration.class).toBe('nginx');
    expect(l.configuration.hostTemplate).toBe('broker-{nodeId}.kafka.example.com');
    expect(c.facts.listeners!.find((x) => x.name === 'external')).toEqual({
      name: 'external',
      type: 'ingress',
      port: 9094,
      tls: true,
      authentication: 'scram-sha-512',
      reach: 'external',
      bootstrapServers: 'bootstrap.kafka.example.com:443',
    });
  });

  test('route: {nodePodName} resolves to the pod of each broker; bootstrap on 443', () => {
    // GIVEN a route listener with a pod-name template
    const { chart, c } = cluster({ externalListeners: [{ ...ROUTE, hostTemplate: '{nodePodName}.apps.example.com' }] });

    // WHEN
    const l = listenerOf(chart, 'external');

    // THEN
    expect(l.configuration.brokers.map((b: any) => [b.broker, b.host, b.advertisedHost, b.advertisedPort])).toEqual([
      [0, 'c-broker-0.apps.example.com', 'c-broker-0.apps.example.com', 443],
      [1, 'c-broker-1.apps.example.com', 'c-broker-1.apps.example.com', 443],
      [2, 'c-broker-2.apps.example.com', 'c-broker-2.apps.example.com', 443],
    ]);
    expect(l.configuration.bootstrap.alternativeNames).toEqual([
      'bootstrap.apps.example.com',
      'c-broker-0.apps.example.com',
      'c-broker-1.apps.example.com',
      'c-broker-2.apps.example.com',
    ]);
    expect(c.facts.listeners!.find((x) => x.name === 'external')!.bootstrapServers).toBe(
      'bootstrap.apps.example.com:443',
    );
  });

  test('loadbalancer: advertised hosts from the template on the listener port; IPs and metadata per broker', () => {
    // GIVEN a loadbalancer listener with a pinned IP for broker 1
    const { chart, c } = cluster({
      externalListeners: [{ ...LOAD_BALANCER, port: 9095, brokers: { 1: { loadBalancerIP: '203.0.113.11' } } }],
    });

    // WHEN
    const l = listenerOf(chart, 'external');

    // THEN the brokers advertise the template's host on the listener port (Strimzi's default, not pinned)
    expect(l.configuration.brokers).toEqual([
      { broker: 0, advertisedHost: 'broker-0.kafka-lb.example.com' },
      { broker: 1, advertisedHost: 'broker-1.kafka-lb.example.com', loadBalancerIP: '203.0.113.11' },
      { broker: 2, advertisedHost: 'broker-2.kafka-lb.example.com' },
    ]);
    expect(c.model.externalListeners[0].brokers.map((b) => `${b.advertisedHost}:${b.advertisedPort}`)).toEqual([
      'broker-0.kafka-lb.example.com:9095',
      'broker-1.kafka-lb.example.com:9095',
      'broker-2.kafka-lb.example.com:9095',
    ]);
    expect(l.configuration.bootstrap.alternativeNames).toEqual([
      'broker-0.kafka-lb.example.com',
      'broker-1.kafka-lb.example.com',
      'broker-2.kafka-lb.example.com',
      'kafka-lb.example.com',
    ]);
    expect(c.facts.listeners!.find((x) => x.name === 'external')!.bootstrapServers).toBe('kafka-lb.example.com:9095');
  });

  test('loadbalancer without a bootstrap host: the pinned broker IPs are the bootstrap servers', () => {
    // GIVEN every broker's load balancer IP pinned, no bootstrap host
    const ips = {
      0: { loadBalancerIP: '203.0.113.10' },
      1: { loadBalancerIP: '203.0.113.11' },
      2: { loadBalancerIP: '203.0.113.12' },
    };
    const { c } = cluster({ externalListeners: [{ type: 'loadbalancer', brokers: ips }] });

    // THEN
    expect(c.facts.listeners!.find((x) => x.name === 'external')!.bootstrapServers).toBe(
      '203.0.113.10:9094,203.0.113.11:9094,203.0.113.12:9094',
    );
  });

  test('cluster-ip behind a proxy: one host, a port per broker; without addresses it stays internal', () => {
    // GIVEN a proxied cluster-ip listener and a bare one
    const { chart, c } = cluster({
      externalListeners: [CLUSTER_IP, { type: 'cluster-ip', name: 'mesh', port: 9095 }],
    });

    // WHEN
    const l = listenerOf(chart, 'external');

    // THEN
    expect(l.configuration.brokers).toEqual(
      [0, 1, 2].map((id) => ({
        broker: id,
        advertisedHost: 'kafka-proxy.example.com',
        advertisedPort: 9200 + id,
      })),
    );
    expect(l.configuration.bootstrap.alternativeNames).toEqual(['kafka-proxy.example.com']);
    expect(c.facts.listeners!.filter((x) => x.type === 'cluster-ip')).toEqual([
      expect.objectContaining({
        name: 'external',
        reach: 'external',
        bootstrapServers: 'kafka-proxy.example.com:9094',
      }),
      expect.objectContaining({
        name: 'mesh',
        reach: 'internal',
        bootstrapServers: 'c-kafka-mesh-bootstrap:9095',
      }),
    ]);
    expect(c.model.externalListeners[1].brokers.map((b) => `${b.advertisedHost}:${b.advertisedPort}`)).toEqual([
      'c-broker-mesh-0:9095',
      'c-broker-mesh-1:9095',
      'c-broker-mesh-2:9095',
    ]);
  });

  test("a SCRAM user's client file names each listener's bootstrap address as the model derived it", () => {
    // GIVEN an ingress, a route and a loadbalancer listener, and a SCRAM user
    const { chart, c } = cluster({
      externalListeners: [
        { ...INGRESS, name: 'ingress', port: 9095 },
        { ...ROUTE, name: 'route', port: 9096 },
        { ...LOAD_BALANCER, name: 'lb', port: 9097 },
      ],
    });
    const user = new KafkaUser(chart, 'app', { cluster: c, authentication: { type: 'scram-sha-512' } });

    // WHEN
    const conn = clientConnectionOf(user);

    // THEN
    expect(conn.listeners.map((l) => [l.listener, l.reach, l.bootstrapServers, l.securityProtocol])).toEqual([
      ['ingress', 'external', 'bootstrap.kafka.example.com:443', 'SASL_SSL'],
      ['route', 'external', 'bootstrap.apps.example.com:443', 'SASL_SSL'],
      ['lb', 'external', 'kafka-lb.example.com:9097', 'SASL_SSL'],
    ]);
  });
});
