/**
 * Listeners as plain data: the options users give, one discriminated spec per listener type, and
 * the checks of one listener on its own. A new listener type (loadbalancer, ingress, route) is one
 * more member of `ListenerSpec` and one more entry of `LISTENER_TYPES`; nothing else branches.
 */
import { Finding, collector, finding } from '../core/problem';
import { RULES } from '../rules';
import { Rule } from '../core/rules';
import { NODE_PORT_MAX, NODE_PORT_MIN, isHostOrIp } from '../core/syntax';

/** Type of a client authentication on a listener. */
export type ListenerAuthenticationType = 'tls' | 'scram-sha-512' | 'oauth' | 'custom';

/** Client authentication of a listener. */
export interface ListenerAuthentication {
  /** Authentication mechanism. `oauth` exists only up to Strimzi 0.51 (v1beta2). */
  readonly type: ListenerAuthenticationType;
  /**
   * Further fields of Strimzi's listener `authentication` object (e.g. `sasl`, `listenerConfig`),
   * passed through; a field the target API does not have fails validation.
   * @default - none
   * @json
   */
  readonly options?: Record<string, unknown>;
}

/** Options common to every listener. */
export interface ListenerBaseOptions {
  /** Listener name: lower-case letters and digits, 1 to 11 characters. */
  readonly name: string;
  /**
   * Port inside the cluster: 9092 or higher, not 9404 or 9999.
   * @integer
   */
  readonly port: number;
  /**
   * Encrypt the listener with TLS.
   * @default false
   */
  readonly tls?: boolean;
  /**
   * Client authentication.
   * @default - none
   */
  readonly authentication?: ListenerAuthentication;
}

/** A listener reachable from inside the Kubernetes cluster. */
export interface InternalListenerOptions extends ListenerBaseOptions {
  /**
   * `internal` (headless per-pod DNS) or `cluster-ip` (a ClusterIP Service per broker).
   * @default 'internal'
   */
  readonly type?: 'internal' | 'cluster-ip';
}

/** The external address of one broker. Every field overrides what the listener derives. */
export interface BrokerExternalAddress {
  /**
   * NodePort of the broker's Service.
   * @default nodePortBase + node ID
   * @integer
   */
  readonly nodePort?: number;
  /**
   * Host clients use to reach the broker.
   * @default the listener's advertisedHost
   */
  readonly advertisedHost?: string;
  /**
   * Port clients use to reach the broker.
   * @default advertisedPortBase + node ID, or the broker's nodePort without advertisedPortBase
   * @integer
   */
  readonly advertisedPort?: number;
}

/** Options of an external `nodeport` listener. */
export interface ExternalNodePortListenerOptions {
  /**
   * Listener name: lower-case letters and digits, 1 to 11 characters.
   * @default 'external'
   */
  readonly name?: string;
  /**
   * Port of the listener inside the cluster.
   * @default 9094
   * @integer
   */
  readonly port?: number;
  /**
   * Encrypt the listener with TLS. Secure by default: opt out explicitly with `false` (a warning
   * says what that costs).
   * @default true
   */
  readonly tls?: boolean;
  /**
   * Client authentication. Secure by default; `'none'` opts out explicitly (a warning says what
   * that costs).
   * @default { type: 'scram-sha-512' }
   */
  readonly authentication?: ListenerAuthentication | 'none';
  /**
   * NodePort of the bootstrap Service (30000-32767).
   * @integer
   */
  readonly bootstrapNodePort: number;
  /**
   * Port clients bootstrap from on the advertised host (the load balancer's bootstrap port).
   * @default the listener port
   * @integer
   */
  readonly bootstrapPort?: number;
  /**
   * Host name clients use for every broker: a load balancer or DNS name in front of the worker
   * nodes. `{nodeId}` in it is replaced by the broker's node ID (`b{nodeId}.kafka.example.com`).
   */
  readonly advertisedHost: string;
  /**
   * Broker NodePorts are `nodePortBase + node ID`.
   * @default bootstrapNodePort + 1
   * @integer
   */
  readonly nodePortBase?: number;
  /**
   * Advertised broker ports are `advertisedPortBase + node ID` (the load balancer's per-broker ports).
   * @default - each broker advertises its own NodePort
   * @integer
   */
  readonly advertisedPortBase?: number;
  /**
   * Per-broker overrides, keyed by node ID; only node IDs of brokers are allowed.
   * @default - every broker's address is derived from the bases
   */
  readonly brokers?: Record<number, BrokerExternalAddress>;
  /**
   * `Cluster` lets any worker forward to the broker (what a load balancer over every worker
   * needs); `Local` only the worker running it.
   * @default 'Cluster'
   */
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
}

/** Listener types that give each broker its own address through Kubernetes objects the operator creates. */
export type ExternalListenerType = 'loadbalancer' | 'ingress' | 'route' | 'cluster-ip';

/** Where clients bootstrap from on an external listener. */
export interface ExternalBootstrapOptions {
  /**
   * Annotations of the Service, Ingress or Route the operator creates, e.g. for external-dns (not for
   * `cluster-ip`; per broker not for `route`).
   * @default - none
   * @keys labelKey
   */
  readonly annotations?: Record<string, string>;
  /**
   * Labels of the Service, Ingress or Route the operator creates (not for `cluster-ip`).
   * @default - none
   * @keys labelKey
   */
  readonly labels?: Record<string, string>;
  /**
   * The bootstrap host. `ingress`: required, the host of the bootstrap Ingress; `route`: the Route's host
   * (without it OpenShift assigns one); `loadbalancer`, `cluster-ip`: a DNS name you point at the bootstrap
   * Service or the proxy in front of it (it goes into the certificates and the client files).
   * @default - none
   */
  readonly host?: string;
  /**
   * `loadbalancer` only: the IP address to request for the bootstrap load balancer.
   * @default - the cloud assigns one
   */
  readonly loadBalancerIP?: string;
}

/** The address of one broker on an external listener; each field overrides what the listener derives. */
export interface ExternalBrokerOptions {
  /**
   * Annotations of the Service, Ingress or Route the operator creates, e.g. for external-dns (not for
   * `cluster-ip`; per broker not for `route`).
   * @default - none
   * @keys labelKey
   */
  readonly annotations?: Record<string, string>;
  /**
   * Labels of the Service, Ingress or Route the operator creates (not for `cluster-ip`).
   * @default - none
   * @keys labelKey
   */
  readonly labels?: Record<string, string>;
  /**
   * `ingress` and `route`: the host of the broker's Ingress or Route.
   * @default - from the listener's hostTemplate
   */
  readonly host?: string;
  /**
   * Host clients use to reach the broker.
   * @default - from advertisedHostTemplate, else the broker's host (ingress, route), its loadBalancerIP
   * (loadbalancer) or its Service's DNS name (cluster-ip)
   */
  readonly advertisedHost?: string;
  /**
   * Port clients use to reach the broker.
   * @default - advertisedPortBase + node ID, else 443 (ingress, route) or the listener port
   * @integer
   */
  readonly advertisedPort?: number;
  /**
   * `loadbalancer` only: the IP address to request for the broker's load balancer.
   * @default - the cloud assigns one
   */
  readonly loadBalancerIP?: string;
}

/**
 * Options of an external listener of type `loadbalancer`, `ingress`, `route` or `cluster-ip`: every
 * broker gets its own Service (and Ingress or Route), with its address pinned here.
 */
export interface ExternalListenerOptions {
  /**
   * `loadbalancer`: a LoadBalancer Service per broker; `ingress`: an Ingress per broker (the controller
   * passes TLS through, routing by SNI); `route`: an OpenShift Route per broker (OpenShift only);
   * `cluster-ip`: a ClusterIP Service per broker, for a proxy or service mesh in front.
   * @enum
   */
  readonly type: 'loadbalancer' | 'ingress' | 'route' | 'cluster-ip';
  /**
   * Listener name: lower-case letters and digits, 1 to 11 characters.
   * @default 'external'
   */
  readonly name?: string;
  /**
   * Port of the listener inside the cluster.
   * @default 9094
   * @integer
   */
  readonly port?: number;
  /**
   * Encrypt the listener with TLS; `ingress` and `route` need it. Secure by default.
   * @default true
   */
  readonly tls?: boolean;
  /**
   * Client authentication. Secure by default; `'none'` opts out explicitly (a warning says what that costs).
   * @default { type: 'scram-sha-512' }
   */
  readonly authentication?: ListenerAuthentication | 'none';
  /**
   * The bootstrap address.
   * @default - none (required for ingress)
   */
  readonly bootstrap?: ExternalBootstrapOptions;
  /**
   * Port clients bootstrap from.
   * @default 443 for ingress and route, else the listener port
   * @integer
   */
  readonly bootstrapPort?: number;
  /**
   * `ingress` and `route`: the host of every broker, with `{nodeId}` or `{nodePodName}`
   * (`broker-{nodeId}.kafka.example.com`). Strimzi 0.44.0 and later; also applied to brokers added later.
   * @default - none
   */
  readonly hostTemplate?: string;
  /**
   * The advertised host of every broker, with `{nodeId}` or `{nodePodName}`. Strimzi 0.44.0 and later.
   * @default - none
   */
  readonly advertisedHostTemplate?: string;
  /**
   * Advertised broker ports are `advertisedPortBase + node ID` (a proxy's per-broker ports).
   * @default - 443 for ingress and route, else the listener port
   * @integer
   */
  readonly advertisedPortBase?: number;
  /**
   * Per-broker addresses, keyed by node ID; only node IDs of brokers are allowed.
   * @default - every broker's address is derived from the templates
   */
  readonly brokers?: Record<number, ExternalBrokerOptions>;
  /**
   * `ingress`: the IngressClass (`ingressClassName`); `loadbalancer`: the `loadBalancerClass`.
   * @default - the cluster's default controller
   */
  readonly class?: string;
  /**
   * `loadbalancer` only: `Local` keeps the client source IP and avoids a second hop.
   * @default - Kubernetes' default, 'Cluster'
   */
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
  /**
   * `loadbalancer` only: the CIDRs clients may connect from.
   * @default - any
   * @maxItems 100
   * @syntax cidr
   */
  readonly loadBalancerSourceRanges?: string[];
}

/** What every listener spec has. */
interface ListenerSpecBase {
  readonly name: string;
  readonly port: number;
  readonly tls: boolean;
  readonly authentication?: ListenerAuthentication;
}

/** An `internal` or `cluster-ip` listener, as rendered. */
export interface InternalListenerSpec extends ListenerSpecBase {
  readonly type: 'internal' | 'cluster-ip';
}

/** An external `nodeport` listener, with every default applied. */
export interface NodePortListenerSpec extends ListenerSpecBase {
  readonly type: 'nodeport';
  readonly bootstrapNodePort: number;
  readonly bootstrapPort: number;
  readonly advertisedHost: string;
  readonly nodePortBase: number;
  /**
   * True when `nodePortBase` was not given but derived from a bootstrap NodePort outside the
   * NodePort range: that one finding is reported, not every broker port derived from it.
   */
  readonly nodePortBaseFollowsBadBootstrap: boolean;
  readonly advertisedPortBase?: number;
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  /** Per-broker overrides, keyed by node ID. */
  readonly overrides: ReadonlyMap<number, BrokerExternalAddress>;
}

/** An external `loadbalancer`, `ingress`, `route` or `cluster-ip` listener, with every default applied. */
export interface ExternalListenerSpec extends ListenerSpecBase {
  readonly type: ExternalListenerType;
  /** Tells it from an internal `cluster-ip` listener, which has no per-broker addresses. */
  readonly external: true;
  readonly bootstrap: ExternalBootstrapOptions;
  readonly bootstrapPort: number;
  readonly hostTemplate?: string;
  readonly advertisedHostTemplate?: string;
  readonly advertisedPortBase?: number;
  readonly class?: string;
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
  readonly loadBalancerSourceRanges?: readonly string[];
  /** Per-broker overrides, keyed by node ID. */
  readonly overrides: ReadonlyMap<number, ExternalBrokerOptions>;
}

/** Every listener type, discriminated by `type` (and `external` for the external `cluster-ip`). */
export type ListenerSpec = InternalListenerSpec | NodePortListenerSpec | ExternalListenerSpec;

/** True for a listener with per-broker addresses other than nodeport. */
export function isExternalSpec(l: ListenerSpec): l is ExternalListenerSpec {
  return 'external' in l && l.external;
}

/** Where clients outside the cluster reach one broker. */
export interface BrokerEndpoint {
  readonly nodeId: number;
  readonly nodePort: number;
  readonly advertisedHost: string;
  readonly advertisedPort: number;
}

const LISTENER_NAME = /^[a-z0-9]{1,11}$/;
/** Ports Strimzi keeps for itself (metrics and JMX). */
export const RESERVED_PORTS = [9404, 9999];
/** Every listener authentication type of any Strimzi API version. */
export const AUTHENTICATION_TYPES: readonly string[] = ['tls', 'scram-sha-512', 'oauth', 'custom'];

/** The spec of an internal listener (`options` as the user gave them). */
export function internalListenerSpec(options: InternalListenerOptions): InternalListenerSpec {
  return {
    // an unknown type is reported by internalListenerFindings; the spec stays internal so nothing else branches on it
    type: options.type === 'cluster-ip' ? 'cluster-ip' : 'internal',
    name: options.name,
    port: options.port,
    tls: options.tls ?? false,
    authentication: options.authentication,
  };
}

/** The default base of broker NodePorts: the one after the bootstrap's (broker N gets base + N). */
export function defaultNodePortBase(bootstrapNodePort: number): number {
  return bootstrapNodePort + 1;
}

/** The spec of a nodeport listener: defaults applied, overrides sorted by node ID. */
export function nodePortListenerSpec(options: ExternalNodePortListenerOptions): NodePortListenerSpec {
  const port = options.port ?? 9094;
  const overrides = new Map<number, BrokerExternalAddress>();
  for (const [key, o] of Object.entries(options.brokers ?? {}).sort(([a], [b]) => Number(a) - Number(b))) {
    if (isNodeIdKey(key)) overrides.set(Number(key), o);
  }
  return {
    type: 'nodeport',
    name: options.name ?? 'external',
    port,
    tls: options.tls ?? true,
    authentication:
      options.authentication === 'none' ? undefined : (options.authentication ?? { type: 'scram-sha-512' }),
    bootstrapNodePort: options.bootstrapNodePort,
    bootstrapPort: options.bootstrapPort ?? port,
    advertisedHost: options.advertisedHost,
    nodePortBase: options.nodePortBase ?? defaultNodePortBase(options.bootstrapNodePort),
    nodePortBaseFollowsBadBootstrap:
      options.nodePortBase === undefined &&
      !(
        Number.isInteger(options.bootstrapNodePort) &&
        options.bootstrapNodePort >= NODE_PORT_MIN &&
        options.bootstrapNodePort <= NODE_PORT_MAX
      ),
    advertisedPortBase: options.advertisedPortBase,
    externalTrafficPolicy: options.externalTrafficPolicy ?? 'Cluster',
    overrides,
  };
}

/** Where clients reach the broker with this node ID: the one place these values are derived. */
export function endpointFor(l: NodePortListenerSpec, nodeId: number): BrokerEndpoint {
  const o = l.overrides.get(nodeId) ?? {};
  const nodePort = o.nodePort ?? l.nodePortBase + nodeId;
  return {
    nodeId,
    nodePort,
    advertisedHost: o.advertisedHost ?? l.advertisedHost.split('{nodeId}').join(String(nodeId)),
    advertisedPort: o.advertisedPort ?? (l.advertisedPortBase !== undefined ? l.advertisedPortBase + nodeId : nodePort),
  };
}

/** Checks of an internal listener: its type as given, then what every listener has. */
export function internalListenerFindings(
  prefix: string,
  options: InternalListenerOptions,
  others: readonly ListenerSpec[],
): Finding[] {
  const typeFindings =
    options.type === undefined || ['internal', 'cluster-ip'].includes(options.type)
      ? []
      : [
          finding(
            RULES.listenerType,
            `${prefix}type`,
            options.type,
            'not an internal listener type',
            "use 'internal' or 'cluster-ip' (external access: addNodePortListener)",
          ),
        ];
  return [...listenerFindings(prefix, internalListenerSpec(options), others), ...typeFindings];
}

/** Checks a listener's name, port and security on its own and against `others`; `prefix` leads the fields. */
export function listenerFindings(prefix: string, l: ListenerSpec, others: readonly ListenerSpec[]): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  const freePort = 'pick a free port such as 9092, 9093 or 9094';
  if (!LISTENER_NAME.test(l.name)) {
    flag(RULES.listenerName, `${prefix}name`, l.name).says(
      "not 1 to 11 lower-case letters or digits. Fix: rename the listener, e.g. 'external'",
    );
  } else if (others.some((o) => o.name === l.name)) {
    flag(RULES.listenerNameUnique, `${prefix}name`, l.name).says(
      'another listener has this name. Fix: give every listener its own name',
    );
  }
  if (!Number.isInteger(l.port) || l.port < 9092 || l.port > 65535) {
    flag(RULES.listenerPort, `${prefix}port`, l.port).says(`not an integer from 9092 to 65535. Fix: ${freePort}`);
  } else if (RESERVED_PORTS.includes(l.port)) {
    flag(RULES.listenerPortReserved, `${prefix}port`, l.port).says(
      `Strimzi uses ${RESERVED_PORTS.join(' and ')} for metrics and JMX. Fix: ${freePort}`,
    );
  } else {
    const samePort = others.find((o) => o.port === l.port);
    if (samePort) {
      flag(RULES.listenerPortUnique, `${prefix}port`, l.port).says(
        `listener '${samePort.name}' uses this port already. Fix: give every listener its own port`,
      );
    }
  }
  const auth = l.authentication;
  if (auth && !AUTHENTICATION_TYPES.includes(auth.type)) {
    flag(RULES.authenticationType, `${prefix}authentication.type`, auth.type).says(
      `not a listener authentication type. Fix: use one of ${AUTHENTICATION_TYPES.join(', ')}`,
    );
  }
  if (auth?.type === 'tls' && !l.tls) {
    flag(RULES.authenticationTlsNeedsTls, `${prefix}tls`, l.tls).says(
      'TLS client authentication needs an encrypted listener. Fix: set tls: true on the listener',
    );
  }
  return out.concat(LISTENER_TYPES[l.type]?.findings(prefix, l as never) ?? []);
}

/** Per listener type: the checks only that type has. */
interface ListenerType<S extends ListenerSpec> {
  findings(prefix: string, spec: S): Finding[];
}

const internalType: ListenerType<InternalListenerSpec> = {
  findings: () => [],
};

const nodePortType: ListenerType<NodePortListenerSpec> = {
  findings: (_prefix, l) => nodePortListenerFindings(l),
};

type Flag = ReturnType<typeof collector>;
const NODE_PORT_FIX = `pick a NodePort from ${NODE_PORT_MIN} to ${NODE_PORT_MAX}`;
const PORT_FIX = 'use a TCP port from 1 to 65535';

/** An integer from `min` to `max`. */
function checkInteger(flag: Flag, rule: Rule, field: string, value: number, [min, max]: number[], fix: string): void {
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    flag(rule, field, value).says(`not an integer from ${min} to ${max}. Fix: ${fix}`);
  }
}

/** A host name or IP address, `{nodeId}` standing for a number. */
function checkHost(flag: Flag, field: string, value: string): void {
  if (!isHostOrIp(value.split('{nodeId}').join('0'))) {
    flag(RULES.advertisedHost, field, value).says(
      "not a host name or IP address. Fix: give the DNS name or IP clients connect to, e.g. 'kafka.example.com'",
    );
  }
}

/** The checks only a nodeport listener has: its ports and hosts, traffic policy, security, overrides. */
function nodePortListenerFindings(l: NodePortListenerSpec): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  const nodePorts = [NODE_PORT_MIN, NODE_PORT_MAX];
  checkInteger(flag, RULES.bootstrapNodePort, 'bootstrapNodePort', l.bootstrapNodePort, nodePorts, NODE_PORT_FIX);
  if (!l.nodePortBaseFollowsBadBootstrap) {
    checkInteger(flag, RULES.nodePortBase, 'nodePortBase', l.nodePortBase, nodePorts, NODE_PORT_FIX);
  }
  // a bootstrap port that is the listener's port is checked as the port (listener-port), not twice
  if (l.bootstrapPort !== l.port)
    checkInteger(flag, RULES.advertisedPort, 'bootstrapPort', l.bootstrapPort, [1, 65535], PORT_FIX);
  if (l.advertisedPortBase !== undefined)
    checkInteger(flag, RULES.advertisedPort, 'advertisedPortBase', l.advertisedPortBase, [1, 65535], PORT_FIX);
  checkHost(flag, 'advertisedHost', l.advertisedHost);
  if (!['Cluster', 'Local'].includes(l.externalTrafficPolicy)) {
    flag(RULES.externalTrafficPolicy, 'externalTrafficPolicy', l.externalTrafficPolicy).says(
      "neither 'Cluster' nor 'Local'. Fix: use 'Cluster'",
    );
  }
  if (!l.tls) {
    flag(RULES.externalPlaintext, 'tls', false).says(
      'clients outside the cluster connect without encryption. Fix: remove tls: false (TLS is the default; ' +
        'clients then trust the cluster CA)',
    );
  }
  if (!l.authentication) {
    flag(RULES.externalUnauthenticated, 'authentication', undefined).says(
      "anyone who reaches the load balancer can produce and consume. Fix: remove authentication: 'none' " +
        '(the default is scram-sha-512)',
    );
  }
  for (const [nodeId, o] of l.overrides) {
    const at = `brokers[${nodeId}]`;
    if (o.nodePort !== undefined)
      checkInteger(flag, RULES.brokerNodePort, `${at}.nodePort`, o.nodePort, nodePorts, NODE_PORT_FIX);
    if (o.advertisedPort !== undefined)
      checkInteger(flag, RULES.advertisedPort, `${at}.advertisedPort`, o.advertisedPort, [1, 65535], PORT_FIX);
    if (o.advertisedHost !== undefined) checkHost(flag, `${at}.advertisedHost`, o.advertisedHost);
  }
  return out;
}

/** The listener types and their own checks. */
export const LISTENER_TYPES: {
  readonly [T in ListenerSpec['type']]: ListenerType<Extract<ListenerSpec, { type: T }>>;
} = {
  'internal': internalType,
  'cluster-ip': internalType,
  'nodeport': nodePortType,
  // their checks need the cluster's node IDs and release: lib/model/external-listeners.ts
  'loadbalancer': internalType,
  'ingress': internalType,
  'route': internalType,
};

/**
 * True for a key that is a node ID written the one way JavaScript writes it: `'01'` and `'1'` would
 * name the same broker, and one of them would be dropped.
 */
export function isNodeIdKey(key: string): boolean {
  const id = Number(key);
  return Number.isSafeInteger(id) && id >= 0 && String(id) === key;
}

/** Overrides keyed by something that is not a node ID (the spec drops them; this reports them). */
export function badOverrideKeys(options: { readonly brokers?: Record<number, unknown> }): Finding[] {
  return Object.keys(options.brokers ?? {})
    .sort((a, b) => Number(a) - Number(b))
    .filter((key) => !isNodeIdKey(key))
    .map((key) =>
      finding(
        RULES.brokerOverrideIsBroker,
        `brokers[${key}]`,
        key,
        'not a node ID',
        "key per-broker overrides by the broker's node ID (0, 1, 2, ...)",
      ),
    );
}
