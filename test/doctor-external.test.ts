import { diagnose, formatDoctorReport } from '../lib/doctor';
import { GOOD_PROXY, LISTENERS, externalDoctorCases, manifests, proxy } from './support/external-doctor-cases';

describe('offline doctor: loadbalancer, ingress, route and cluster-ip chains', () => {
  test.each(Object.keys(LISTENERS).sort())('%s as synthesized: every chain OK, no finding', (type) => {
    // GIVEN what the library writes for the listener (a cluster-ip behind its proxy)
    const objects = manifests(LISTENERS[type as keyof typeof LISTENERS]);
    const nginx = type === 'clusterIp' ? [proxy(GOOD_PROXY)] : [];

    // WHEN
    const report = diagnose(objects, nginx);

    // THEN
    expect(report.findings).toEqual([]);
    expect(report.chains.map((c) => [c.nodeId, c.links.every((l) => l.ok)])).toEqual([
      [0, true],
      [1, true],
      [2, true],
    ]);
  });

  test('the chains per type, as printed', () => {
    const text = (key: keyof typeof LISTENERS) =>
      formatDoctorReport(diagnose(manifests(LISTENERS[key]), key === 'clusterIp' ? [proxy(GOOD_PROXY)] : []))
        .split('\n')
        .filter((l) => l.startsWith('  external broker 1'));
    expect(text('ingress')).toEqual([
      '  external broker 1 (pool broker): advertised broker-1.kafka.example.com:443 -> Ingress broker-1.kafka.example.com:443 (SNI) -> Service k-broker-1 -> pod k-broker-1  OK',
    ]);
    expect(text('route')).toEqual([
      '  external broker 1 (pool broker): advertised broker-1.apps.example.com:443 -> Route broker-1.apps.example.com:443 (SNI) -> Service k-broker-1 -> pod k-broker-1  OK',
    ]);
    expect(text('loadbalancer')).toEqual([
      '  external broker 1 (pool broker): advertised 203.0.113.11:9094 -> load balancer 203.0.113.11:9094 -> Service k-broker-1 -> pod k-broker-1  OK',
    ]);
    expect(text('clusterIp')).toEqual([
      '  external broker 1 (pool broker): advertised kafka-proxy.example.com:9201 -> proxy :9201 (proxy.conf:3) -> Service k-broker-1 -> pod k-broker-1  OK',
    ]);
  });

  test.each(Object.entries(externalDoctorCases()))('%s: one broken input, one exact finding', (key, c) => {
    // WHEN the doctor reads the broken manifests
    const report = diagnose(c.objects, c.nginx);

    // THEN exactly one finding, on the broken broker, and its chain is BROKEN
    expect(report.findings.map((f) => `${f.check.id} ${f.subject}: ${f.message}. Fix: ${f.fix}`)).toEqual([
      EXPECTED[key],
    ]);
    const broken = report.chains.filter((ch) => ch.links.some((l) => !l.ok)).map((ch) => `broker ${ch.nodeId}`);
    expect(broken).toEqual([c.expect]);
  });
});

const EXPECTED: Record<string, string> = {
  ingressHost:
    'doctor-ingress-host broker 2: has no Ingress host: the operator cannot create its Ingress and the listener does not become ready. Fix: set configuration.brokers[broker=2].host, or configuration.hostTemplate',
  sniRoute:
    'doctor-sni-route broker 1: advertises kafka-1.example.com, which clients send as SNI, but its Route host is broker-1.apps.example.com; clients see "Disconnected from node 1". Fix: advertise broker-1.apps.example.com (remove configuration.brokers[broker=1].advertisedHost)',
  loadBalancerAddress:
    'doctor-load-balancer-address broker 1: advertises 203.0.113.99, but its load balancer has IP 203.0.113.11; clients reach another address than the broker\'s ("Disconnected from node 1 due to timeout"). Fix: advertise 203.0.113.11:9094, or remove advertisedHost and advertisedPort',
  proxyForward:
    'doctor-proxy-forward broker 2: advertised port 9202 is forwarded (proxy.conf:4) to k-broker-1.kafka.svc.cluster.local:9094, not to Service k-broker-2. Fix: forward port 9202 to k-broker-2:9094',
  externalAddressUnique:
    'doctor-external-address-unique broker 2: advertises kafka-proxy.example.com:9201, the address of broker 1; clients reach one and take it for the other. Fix: give every broker its own advertised host or port',
};
