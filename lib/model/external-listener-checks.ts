/**
 * The checks of one external `loadbalancer`, `ingress`, `route` or `cluster-ip` listener against its
 * model: fields of its type, TLS, hosts and templates for every node ID (scale-up ranges included),
 * unique addresses, ports, labels, and what the release serves. Each rule cites its source.
 */
import { Finding, collector } from '../core/problem';
import { compareVersions } from '../core/release';
import { isDnsSubdomain, isHostOrIp, isIpAddress, isLabel } from '../core/syntax';
import { podName } from '../core/names';
import { RULES } from '../rules';
import {
  ExternalListenerContext,
  ExternalListenerModel,
  HOST_TEMPLATE_SINCE,
  resolveTemplate,
} from './external-listeners';
import { ExternalListenerSpec } from './listeners';

type Flag = ReturnType<typeof collector>;
const SNI = (l: ExternalListenerSpec) => l.type === 'ingress' || l.type === 'route';
const PORT_FIX = 'use a TCP port from 1 to 65535';

/** Every finding of one external listener. */
export function externalListenerFindings(m: ExternalListenerModel, ctx: ExternalListenerContext): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  const l = m.listener;
  checkFieldsForType(l, flag);
  checkSecurity(m, flag);
  checkHosts(m, flag);
  checkTemplates(l, ctx, flag);
  checkUnique(m, flag);
  checkPorts(m, flag);
  checkMetadata(l, flag);
  for (const id of l.overrides.keys()) {
    if (!ctx.brokerIds.includes(id)) {
      flag(RULES.brokerOverrideIsBroker, `brokers[${id}]`, id).says(
        `no broker has this node ID (brokers: ${ctx.brokerIds.join(', ') || 'none'}); the operator would ignore ` +
          'the entry. Fix: key brokers by a broker node ID, or remove the entry',
      );
    }
  }
  return out;
}

/** Fields that only some types use (Strimzi's CRD names the types of each; the operator rejects the rest). */
function checkFieldsForType(l: ExternalListenerSpec, flag: Flag): void {
  const only = (field: string, value: unknown, types: readonly string[]) => {
    if (value === undefined || types.includes(l.type)) return;
    flag(RULES.listenerFieldForType, field, value).says(
      `Strimzi uses this field for ${types.slice(0, -1).join(', ')}${types.length > 1 ? ' and ' : ''}` +
        `${types[types.length - 1]} listeners only, not '${l.type}'. Fix: remove it, or use type '${types[0]}'`,
    );
  };
  only('class', l.class, ['ingress', 'loadbalancer']);
  only('externalTrafficPolicy', l.externalTrafficPolicy, ['loadbalancer']);
  only('loadBalancerSourceRanges', l.loadBalancerSourceRanges, ['loadbalancer']);
  only('bootstrap.loadBalancerIP', l.bootstrap.loadBalancerIP, ['loadbalancer']);
  only('hostTemplate', l.hostTemplate, ['ingress', 'route']);
  only('bootstrap.annotations', l.bootstrap.annotations, ['loadbalancer', 'ingress', 'route']);
  only('bootstrap.labels', l.bootstrap.labels, ['loadbalancer', 'ingress', 'route']);
  for (const [id, o] of l.overrides) {
    only(`brokers[${id}].loadBalancerIP`, o.loadBalancerIP, ['loadbalancer']);
    only(`brokers[${id}].host`, o.host, ['ingress', 'route']);
    only(`brokers[${id}].annotations`, o.annotations, ['loadbalancer', 'ingress']);
    only(`brokers[${id}].labels`, o.labels, ['loadbalancer', 'ingress', 'route']);
  }
}

/** TLS where the type needs it; secure by default outside the cluster, each opt-out a warning. */
function checkSecurity(m: ExternalListenerModel, flag: Flag): void {
  const l = m.listener;
  if (SNI(l) && !l.tls) {
    flag(RULES.listenerTlsRequired, 'tls', false).says(
      `'${l.type}' listeners pass TLS through and route by the SNI host; Strimzi rejects them without TLS. ` +
        'Fix: remove tls: false (TLS is the default)',
    );
  } else if (!l.tls) {
    flag(RULES.externalPlaintext, 'tls', false).says(
      'clients outside the cluster connect without encryption. Fix: remove tls: false (TLS is the default; ' +
        'clients then trust the cluster CA)',
    );
  }
  if (!l.authentication) {
    flag(RULES.externalUnauthenticated, 'authentication', undefined).says(
      "anyone who reaches the listener can produce and consume. Fix: remove authentication: 'none' " +
        '(the default is scram-sha-512)',
    );
  }
  if ((l.type === 'loadbalancer' || l.type === 'route') && m.bootstrapHost === undefined) {
    const who = l.type === 'route' ? 'OpenShift' : 'the cloud';
    flag(RULES.listenerAddressUnpinned, 'bootstrap.host', undefined).says(
      `${who} assigns the bootstrap address at apply; client files name a placeholder and the doctor cannot ` +
        'follow the chain. Fix: give bootstrap.host (a DNS name you point at it' +
        `${l.type === 'loadbalancer' ? ', or bootstrap.loadBalancerIP' : ''})`,
    );
  }
}

/** A host given in the options: an Ingress or Route host is a DNS name; an advertised host a host or IP. */
function checkHosts(m: ExternalListenerModel, flag: Flag): void {
  const l = m.listener;
  const dnsName = (field: string, value: string) => {
    if (!(isDnsSubdomain(value) && !isIpAddress(value))) {
      flag(RULES.listenerHost, field, value).says(
        `not a lower-case DNS name; the ${l.type === 'route' ? 'Route' : 'Ingress'} needs one (no IP address). ` +
          "Fix: give a host name such as 'bootstrap.kafka.example.com'",
      );
    }
  };
  const hostOrIp = (field: string, value: string) => {
    if (!isHostOrIp(value, { ipv6: true })) {
      flag(RULES.listenerHost, field, value).says(
        "not a host name or IP address. Fix: give the DNS name or IP clients connect to, e.g. 'kafka.example.com'",
      );
    }
  };
  if (l.bootstrap.host !== undefined) (SNI(l) ? dnsName : hostOrIp)('bootstrap.host', l.bootstrap.host);
  else if (l.type === 'ingress') {
    flag(RULES.listenerHostRequired, 'bootstrap.host', undefined).says(
      'an ingress listener needs the host of its bootstrap Ingress. Fix: give bootstrap.host, e.g. ' +
        "'bootstrap.kafka.example.com'",
    );
  }
  for (const [id, o] of l.overrides) {
    if (o.host !== undefined && SNI(l)) dnsName(`brokers[${id}].host`, o.host);
    if (o.advertisedHost !== undefined) hostOrIp(`brokers[${id}].advertisedHost`, o.advertisedHost);
    if (o.loadBalancerIP !== undefined && !isIpAddress(o.loadBalancerIP))
      flag(RULES.listenerLoadBalancerIp, `brokers[${id}].loadBalancerIP`, o.loadBalancerIP).says(
        "not an IP address. Fix: give the address to request, e.g. '203.0.113.10', or remove it",
      );
  }
  if (l.bootstrap.loadBalancerIP !== undefined && !isIpAddress(l.bootstrap.loadBalancerIP)) {
    flag(RULES.listenerLoadBalancerIp, 'bootstrap.loadBalancerIP', l.bootstrap.loadBalancerIP).says(
      "not an IP address. Fix: give the address to request, e.g. '203.0.113.10', or remove it",
    );
  }
  const missing = m.brokers.filter((b) => b.host === undefined).map((b) => b.nodeId);
  if (l.type === 'ingress' && missing.length > 0) {
    flag(RULES.listenerHostRequired, 'hostTemplate', undefined).says(
      `broker(s) ${missing.join(', ')} have no host; every broker of an ingress listener needs its own Ingress ` +
        "host. Fix: set hostTemplate, e.g. 'broker-{nodeId}.kafka.example.com', or brokers[id].host",
    );
  }
  for (const b of m.brokers) {
    if (SNI(l) && b.pinned.host && b.host !== undefined && b.advertisedHost !== b.host) {
      flag(RULES.listenerSniHost, `brokers[${b.nodeId}].advertisedHost`, b.advertisedHost).says(
        `broker ${b.nodeId}'s ${l.type === 'route' ? 'Route' : 'Ingress'} host is ${b.host}; clients send the ` +
          'advertised host as SNI and reach no broker unless a proxy in front rewrites it. Fix: advertise the ' +
          'host, or remove advertisedHost',
      );
    }
  }
}

/** Templates: served from 0.44.0; resolve to valid, distinct names for every node ID and scale-up ID. */
function checkTemplates(l: ExternalListenerSpec, ctx: ExternalListenerContext, flag: Flag): void {
  // an advertised host may be shared when every broker has its own port (a proxy's per-broker ports)
  const templates = [
    ['hostTemplate', l.hostTemplate, SNI(l), true],
    ['advertisedHostTemplate', l.advertisedHostTemplate, false, l.advertisedPortBase === undefined],
  ] as const;
  for (const [field, template, dns, distinct] of templates) {
    if (template === undefined) continue;
    if (compareVersions(ctx.releaseTag, HOST_TEMPLATE_SINCE) < 0) {
      flag(RULES.listenerTemplateRelease, field, template).says(
        `Strimzi ${ctx.releaseTag} has no ${field} (it came in ${HOST_TEMPLATE_SINCE}). Fix: give every broker ` +
          `its ${field === 'hostTemplate' ? 'host' : 'advertisedHost'} in brokers[id], or use Strimzi ` +
          `${HOST_TEMPLATE_SINCE} or later`,
      );
      continue;
    }
    checkTemplate({ field, template, dns, distinct }, ctx, flag);
  }
}

/** One template against the first and last node ID of every broker pool, its scale-up range included. */
function checkTemplate(
  { field, template, dns, distinct }: { field: string; template: string; dns: boolean; distinct: boolean },
  ctx: ExternalListenerContext,
  flag: Flag,
): void {
  const valid = (h: string) => (dns ? isDnsSubdomain(h) && !isIpAddress(h) : isHostOrIp(h, { ipv6: true }));
  for (const p of ctx.brokerPools) {
    const ids = [...p.nodeIds, p.scaleUpRange.from, p.scaleUpRange.to];
    for (const id of [Math.min(...ids), Math.max(...ids)]) {
      const host = resolveTemplate(template, id, podName(ctx.clusterName, p.name, id));
      if (!valid(host)) {
        flag(RULES.listenerTemplateResolves, field, template).says(
          `for node ${id} (pool ${p.name}, scale-up range ${p.scaleUpRange.from}-${p.scaleUpRange.to} included) ` +
            `it gives '${host}', not a ${dns ? 'lower-case DNS name' : 'host name'}. Fix: use only {nodeId} and ` +
            '{nodePodName} in a host name of at most 253 characters',
        );
        return;
      }
    }
  }
  const nodes = ctx.brokerPools.reduce((n, p) => n + p.nodeIds.length + p.scaleUpRange.to - p.scaleUpRange.from + 1, 0);
  if (distinct && nodes > 1 && !['{nodeId}', '{nodePodName}'].some((ph) => template.includes(ph))) {
    flag(RULES.listenerTemplateResolves, field, template).says(
      'it gives every broker the same name; clients would reach one broker for all. Fix: put {nodeId} or ' +
        "{nodePodName} in it, e.g. 'broker-{nodeId}.kafka.example.com'",
    );
  }
}

/** Every broker's host and advertised address is its own, and not the bootstrap's. */
function checkUnique(m: ExternalListenerModel, flag: Flag): void {
  const hosts = new Map<string, string>();
  const addresses = new Map<string, string>();
  const bootstrapAddress = `${m.bootstrapHost}:${m.listener.bootstrapPort}`;
  if (m.bootstrapHost !== undefined) {
    hosts.set(m.bootstrapHost, 'the bootstrap');
    addresses.set(bootstrapAddress, 'the bootstrap');
  }
  for (const b of m.brokers) {
    const claim = (taken: Map<string, string>, value: string | undefined, what: string) => {
      if (value === undefined) return;
      const other = taken.get(value);
      const how = what === 'host' ? 'a hostTemplate with {nodeId}' : 'its own host or advertisedPort';
      if (other === undefined) taken.set(value, `broker ${b.nodeId}`);
      else
        flag(RULES.listenerHostUnique, `brokers[${b.nodeId}]`, value).says(
          `broker ${b.nodeId} has the ${what} of ${other}; clients would reach the wrong broker. Fix: give every ` +
            `broker its own ${what} (${how})`,
        );
    };
    const sni = SNI(m.listener);
    if (sni) claim(hosts, b.host, 'host');
    // on ingress and route the address is the host unless advertisedHost says otherwise
    if (b.advertisedHost !== undefined && (!sni || b.pinned.host))
      claim(addresses, `${b.advertisedHost}:${b.advertisedPort}`, 'address');
  }
}

/** The bootstrap port, the advertised port base and every broker's advertised port are TCP ports. */
function checkPorts(m: ExternalListenerModel, flag: Flag): void {
  const l = m.listener;
  const port = (field: string, value: number) => {
    if (!(Number.isInteger(value) && value >= 1 && value <= 65535))
      flag(RULES.advertisedPort, field, value).says(`not an integer from 1 to 65535. Fix: ${PORT_FIX}`);
  };
  port('bootstrapPort', l.bootstrapPort);
  if (l.advertisedPortBase !== undefined) port('advertisedPortBase', l.advertisedPortBase);
  for (const [id, o] of l.overrides)
    if (o.advertisedPort !== undefined) port(`brokers[${id}].advertisedPort`, o.advertisedPort);
  if (l.advertisedPortBase === undefined || !Number.isInteger(l.advertisedPortBase)) return;
  for (const b of m.brokers.filter(
    (x) => x.advertisedPort > 65535 && l.overrides.get(x.nodeId)?.advertisedPort === undefined,
  )) {
    flag(RULES.advertisedPort, 'advertisedPortBase', l.advertisedPortBase).says(
      `the advertised port of broker ${b.nodeId} (base + node ID = ${b.advertisedPort}) is outside 1-65535. ` +
        'Fix: lower the base or give the broker an advertisedPort',
    );
  }
}

/** Labels of the bootstrap and every broker are Kubernetes labels. */
function checkMetadata(l: ExternalListenerSpec, flag: Flag): void {
  const labels = (field: string, meta: { readonly labels?: Record<string, string> }) => {
    for (const [k, v] of Object.entries(meta.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!isLabel(k, v))
        flag(RULES.listenerLabels, `${field}.labels[${k}]`, v).says(
          'not a Kubernetes label value (63 characters of letters, digits, -, _ and ., starting and ending with a ' +
            "letter or digit). Fix: use e.g. 'kafka-external'",
        );
    }
  };
  labels('bootstrap', l.bootstrap);
  for (const [id, o] of l.overrides) labels(`brokers[${id}]`, o);
}
