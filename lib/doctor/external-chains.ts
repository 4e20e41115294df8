/**
 * The offline doctor's chains of `loadbalancer`, `ingress`, `route` and `cluster-ip` listeners, per
 * broker: advertised host:port -> Ingress or Route host (SNI), the broker's LoadBalancer Service, or
 * the proxy in front of a ClusterIP Service -> the broker's Service -> its pod. Each type breaks in
 * its own way, and each break is a finding with its fix.
 */
import { isIpAddress } from '../core/syntax';
import { ExternalBrokerFacts, ExternalListenerFacts } from './external-facts';

const check = (id: string, summary: string) => ({ id, summary });

/** The checks of external listener chains (part of the doctor's DOCTOR_CHECKS). */
export const EXTERNAL_DOCTOR_CHECKS = {
  ingressHost: check(
    'doctor-ingress-host',
    'Every broker of an ingress listener has an Ingress host (`brokers[].host` or `hostTemplate`)',
  ),
  sniRoute: check(
    'doctor-sni-route',
    'A broker of an ingress or route listener is reached over TLS at its Ingress or Route host on 443 (the ' +
      'controller routes by the SNI host the client sends)',
  ),
  loadBalancerAddress: check(
    'doctor-load-balancer-address',
    'A broker of a loadbalancer listener advertises its own load balancer: its loadBalancerIP (when it names ' +
      'an IP) on the listener port',
  ),
  proxyForward: check(
    'doctor-proxy-forward',
    'A proxy in the manifests listens on every advertised port of a cluster-ip listener and forwards it to that ' +
      "broker's Service",
  ),
  externalAddressUnique: check(
    'doctor-external-address-unique',
    'No two brokers of an external listener advertise the same host:port',
  ),
} as const;

/** One link of a chain (the doctor's ChainLink). */
interface Link {
  readonly hop: string;
  readonly value: string;
  readonly ok: boolean;
}

/** A proxy server as the doctor read it: where it is, the ports it listens on, where it forwards. */
export interface ProxyServer {
  readonly where: string;
  readonly listenPorts: readonly number[];
  readonly targets: readonly { readonly host: string; readonly port: number }[];
}

/** States a finding about one broker or the bootstrap. */
type Add = (chk: { id: string; summary: string }, subject: string, message: string, fix: string) => void;

/** The chains of one external listener, one per broker; `claim` marks the proxy servers that serve it. */
export function externalListenerChains(
  l: ExternalListenerFacts,
  proxies: readonly ProxyServer[],
  add: Add,
  claim: (p: ProxyServer) => void,
): { nodeId: number; pool: string; links: Link[] }[] {
  const byAddress = new Map<string, number>();
  return l.brokers.map((b) => {
    const subject = `broker ${b.nodeId}`;
    const advertised = `${b.advertisedHost ?? '<assigned at apply>'}:${b.advertisedPort}`;
    const links: Link[] = [{ hop: 'advertised', value: advertised, ok: true }];
    const other = byAddress.get(advertised);
    if (b.advertisedHost !== undefined && other !== undefined) {
      add(
        EXTERNAL_DOCTOR_CHECKS.externalAddressUnique,
        subject,
        `advertises ${advertised}, the address of broker ${other}; clients reach one and take it for the other`,
        'give every broker its own advertised host or port',
      );
      links[0] = { ...links[0], ok: false };
    } else byAddress.set(advertised, b.nodeId);
    links.push(...middleLinks(l, b, proxies, (chk, m, fix) => add(chk, subject, m, fix), claim));
    links.push({ hop: 'Service', value: b.serviceName, ok: true }, { hop: 'pod', value: b.podName, ok: true });
    return { nodeId: b.nodeId, pool: b.pool, links };
  });
}

type AddOne = (chk: { id: string; summary: string }, message: string, fix: string) => void;

/** The hop between the advertised address and the broker's Service, by type. */
function middleLinks(
  l: ExternalListenerFacts,
  b: ExternalBrokerFacts,
  proxies: readonly ProxyServer[],
  add: AddOne,
  claim: (p: ProxyServer) => void,
): Link[] {
  if (l.type === 'ingress' || l.type === 'route') return [sniLink(l, b, add)];
  if (l.type === 'loadbalancer') return [loadBalancerLink(l, b, add)];
  return proxyLinks(l, b, proxies, add, claim);
}

/** Ingress and Route: a host, TLS, and the advertised address is that host on 443. */
function sniLink(l: ExternalListenerFacts, b: ExternalBrokerFacts, add: AddOne): Link {
  const kind = l.type === 'ingress' ? 'Ingress' : 'Route';
  if (b.host === undefined && l.type === 'ingress') {
    add(
      EXTERNAL_DOCTOR_CHECKS.ingressHost,
      `has no Ingress host: the operator cannot create its Ingress and the listener does not become ready`,
      `set configuration.brokers[broker=${b.nodeId}].host, or configuration.hostTemplate`,
    );
    return { hop: kind, value: 'no host', ok: false };
  }
  const host = b.host ?? '<assigned by OpenShift>';
  const problems: [boolean, string, string][] = [
    [
      !l.tls,
      `the listener has tls: false, but the ${kind} passes TLS through and routes by SNI`,
      'set tls: true on the listener',
    ],
    [
      b.host !== undefined && b.advertisedHost !== b.host,
      `advertises ${b.advertisedHost}, which clients send as SNI, but its ${kind} host is ${b.host}`,
      `advertise ${host} (remove configuration.brokers[broker=${b.nodeId}].advertisedHost)`,
    ],
    [
      b.advertisedPort !== 443,
      `advertises port ${b.advertisedPort}, but the ${kind} is reached on 443`,
      `advertise port 443 (remove configuration.brokers[broker=${b.nodeId}].advertisedPort)`,
    ],
  ];
  const broken = problems.filter(([is]) => is);
  for (const [, message, fix] of broken) {
    add(EXTERNAL_DOCTOR_CHECKS.sniRoute, `${message}; clients see "Disconnected from node ${b.nodeId}"`, fix);
  }
  return { hop: kind, value: `${host}:443 (SNI)`, ok: broken.length === 0 };
}

/** LoadBalancer: an advertised IP is the broker's own loadBalancerIP, on the listener port. */
function loadBalancerLink(l: ExternalListenerFacts, b: ExternalBrokerFacts, add: AddOne): Link {
  const ip = b.loadBalancerIP;
  const value = `${ip ?? '<IP assigned at apply>'}:${l.port}`;
  const problems = [
    ip !== undefined &&
      b.advertisedHost !== undefined &&
      isIpAddress(b.advertisedHost) &&
      b.advertisedHost !== ip &&
      `advertises ${b.advertisedHost}, but its load balancer has IP ${ip}`,
    b.advertisedPort !== l.port && `advertises port ${b.advertisedPort}, but its load balancer listens on ${l.port}`,
  ].filter((x): x is string => !!x);
  for (const p of problems) {
    add(
      EXTERNAL_DOCTOR_CHECKS.loadBalancerAddress,
      `${p}; clients reach another address than the broker's ("Disconnected from node ${b.nodeId} due to timeout")`,
      `advertise ${ip ?? "the load balancer's address"}:${l.port}, or remove advertisedHost and advertisedPort`,
    );
  }
  return { hop: 'load balancer', value, ok: problems.length === 0 };
}

/** ClusterIP behind a proxy: when the manifests hold one, it forwards the advertised port to this broker. */
function proxyLinks(
  l: ExternalListenerFacts,
  b: ExternalBrokerFacts,
  proxies: readonly ProxyServer[],
  add: AddOne,
  claim: (p: ProxyServer) => void,
): Link[] {
  const services = [l.bootstrapServiceName, ...l.brokers.map((x) => x.serviceName)];
  const servesListener = (p: ProxyServer) =>
    p.targets.some((t) => t.port === l.port && services.includes(t.host.split('.')[0]));
  const mine = proxies.filter(servesListener);
  mine.forEach(claim);
  if (mine.length === 0 || !b.advertisedHostGiven) return [];
  const at = mine.filter((p) => p.listenPorts.includes(b.advertisedPort));
  const right = at.filter((p) => p.targets.every((t) => t.host.split('.')[0] === b.serviceName && t.port === l.port));
  if (right.length === 0) {
    add(
      EXTERNAL_DOCTOR_CHECKS.proxyForward,
      at.length === 0
        ? `advertises port ${b.advertisedPort}, but no proxy server listens there`
        : `advertised port ${b.advertisedPort} is forwarded (${at[0].where}) to ` +
            `${at[0].targets.map((t) => `${t.host}:${t.port}`).join(', ')}, not to Service ${b.serviceName}`,
      `forward port ${b.advertisedPort} to ${b.serviceName}:${l.port}`,
    );
    return [{ hop: 'proxy', value: `nothing forwards :${b.advertisedPort} to ${b.serviceName}`, ok: false }];
  }
  return [{ hop: 'proxy', value: `:${b.advertisedPort} (${right[0].where})`, ok: true }];
}
