/**
 * External listeners of type `loadbalancer`, `ingress`, `route` and `cluster-ip` as plain data: the
 * spec with its defaults, the address of every broker (derived here once; the renderer, the client
 * files, the diagram and the doctor read it), the certificate names, and every finding of one such
 * listener. A `nodeport` listener has its own model (cluster.ts), with the same shape per broker.
 */
import { bootstrapServiceName, brokerServiceName, podName } from '../core/names';
import { NodeIdRange } from './node-ids';
import {
  ExternalBrokerOptions,
  ExternalListenerOptions,
  ExternalListenerSpec,
  ExternalListenerType,
  isNodeIdKey,
} from './listeners';

/** Where one broker of an external listener is reached, and the objects the operator creates for it. */
export interface ExternalListenerBroker {
  readonly nodeId: number;
  readonly pool: string;
  /** The broker's per-listener Service. */
  readonly serviceName: string;
  readonly podName: string;
  /** `ingress`, `route`: the host of the broker's Ingress or Route. */
  readonly host?: string;
  /** The host clients reach the broker at; undefined when the cloud or OpenShift assigns it at apply. */
  readonly advertisedHost?: string;
  /** The port clients reach the broker at. */
  readonly advertisedPort: number;
  /** Whether the advertised host and port are written into `configuration.brokers` (else Strimzi's default). */
  readonly pinned: { readonly host: boolean; readonly port: boolean };
  readonly loadBalancerIP?: string;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly labels?: Readonly<Record<string, string>>;
}

/** One external `loadbalancer`, `ingress`, `route` or `cluster-ip` listener's facts. */
export interface ExternalListenerModel {
  readonly type: 'external';
  readonly listener: ExternalListenerSpec;
  /** The listener's bootstrap Service. */
  readonly bootstrapServiceName: string;
  /** The host clients bootstrap from; undefined when assigned at apply. */
  readonly bootstrapHost?: string;
  /** One entry per broker node ID, ascending, and no other. */
  readonly brokers: ExternalListenerBroker[];
  /** `bootstrap.alternativeNames`: every bootstrap and advertised host known here, sorted (TLS only). */
  readonly alternativeNames: string[];
}

/** What of the cluster an external listener's model needs. */
export interface ExternalListenerContext {
  readonly clusterName: string;
  readonly namespace?: string;
  readonly releaseTag: string;
  /** Broker node IDs, ascending. */
  readonly brokerIds: readonly number[];
  readonly poolOf: ReadonlyMap<number, string>;
  /** Broker pools with their node IDs and the range they scale up into. */
  readonly brokerPools: readonly {
    readonly name: string;
    readonly nodeIds: readonly number[];
    scaleUpRange: NodeIdRange;
  }[];
}

/** The release whose CRD first has `hostTemplate` and `advertisedHostTemplate`. */
export const HOST_TEMPLATE_SINCE = '0.44.0';
const SNI_TYPES: readonly ExternalListenerType[] = ['ingress', 'route'];

/** The spec of an external listener: defaults applied, overrides sorted by node ID. */
export function externalListenerSpec(options: ExternalListenerOptions): ExternalListenerSpec {
  const overrides = new Map<number, ExternalBrokerOptions>();
  for (const [key, o] of Object.entries(options.brokers ?? {}).sort(([a], [b]) => Number(a) - Number(b))) {
    if (isNodeIdKey(key)) overrides.set(Number(key), o);
  }
  const port = options.port ?? 9094;
  return {
    type: options.type,
    external: true,
    name: options.name ?? 'external',
    port,
    tls: options.tls ?? true,
    authentication:
      options.authentication === 'none' ? undefined : (options.authentication ?? { type: 'scram-sha-512' }),
    bootstrap: options.bootstrap ?? {},
    bootstrapPort: options.bootstrapPort ?? (SNI_TYPES.includes(options.type) ? 443 : port),
    hostTemplate: options.hostTemplate,
    advertisedHostTemplate: options.advertisedHostTemplate,
    advertisedPortBase: options.advertisedPortBase,
    class: options.class,
    externalTrafficPolicy: options.externalTrafficPolicy,
    loadBalancerSourceRanges: options.loadBalancerSourceRanges,
    overrides,
  };
}

/** A host template with its placeholders filled for one node. */
export function resolveTemplate(template: string, nodeId: number, nodePodName: string): string {
  return template.split('{nodeId}').join(String(nodeId)).split('{nodePodName}').join(nodePodName);
}

/** The in-cluster DNS name of a Service. */
const serviceDns = (name: string, namespace: string | undefined) => (namespace ? `${name}.${namespace}.svc` : name);

/** Where clients reach one broker: the one place these values are derived. */
function brokerOf(l: ExternalListenerSpec, ctx: ExternalListenerContext, nodeId: number): ExternalListenerBroker {
  const o = l.overrides.get(nodeId) ?? {};
  const pool = ctx.poolOf.get(nodeId)!;
  const pod = podName(ctx.clusterName, pool, nodeId);
  const serviceName = brokerServiceName(ctx.clusterName, pool, nodeId, l);
  const sni = SNI_TYPES.includes(l.type);
  const host = sni ? (o.host ?? (l.hostTemplate && resolveTemplate(l.hostTemplate, nodeId, pod))) : undefined;
  const givenHost =
    o.advertisedHost ?? (l.advertisedHostTemplate && resolveTemplate(l.advertisedHostTemplate, nodeId, pod));
  const fallbackHost =
    l.type === 'cluster-ip'
      ? serviceDns(serviceName, ctx.namespace)
      : l.type === 'loadbalancer'
        ? o.loadBalancerIP
        : host;
  const givenPort =
    o.advertisedPort ?? (l.advertisedPortBase !== undefined ? l.advertisedPortBase + nodeId : undefined);
  return {
    nodeId,
    pool,
    serviceName,
    podName: pod,
    host,
    advertisedHost: givenHost ?? fallbackHost,
    advertisedPort: givenPort ?? (sni ? 443 : l.port),
    pinned: { host: givenHost !== undefined, port: givenPort !== undefined },
    loadBalancerIP: o.loadBalancerIP,
    annotations: o.annotations,
    labels: o.labels,
  };
}

/** The model of an external listener: its bootstrap, every broker's address, the certificate names. */
export function externalListenerModel(l: ExternalListenerSpec, ctx: ExternalListenerContext): ExternalListenerModel {
  const brokers = ctx.brokerIds.map((id) => brokerOf(l, ctx, id));
  const service = bootstrapServiceName(ctx.clusterName, l);
  const bootstrapHost =
    l.bootstrap.host ??
    (l.type === 'loadbalancer' ? l.bootstrap.loadBalancerIP : undefined) ??
    (l.type === 'cluster-ip' ? serviceDns(service, ctx.namespace) : undefined);
  const hosts = [bootstrapHost, ...brokers.map((b) => b.advertisedHost)].filter((h): h is string => !!h);
  return {
    type: 'external',
    listener: l,
    bootstrapServiceName: service,
    bootstrapHost,
    brokers,
    alternativeNames: l.tls ? [...new Set(hosts)].sort() : [],
  };
}

/** `bootstrap.servers` of an external listener for clients outside: the bootstrap address, else every broker's. */
export function externalBootstrapServers(m: ExternalListenerModel): string {
  if (m.bootstrapHost !== undefined) return `${m.bootstrapHost}:${m.listener.bootstrapPort}`;
  if (m.brokers.length > 0 && m.brokers.every((b) => b.advertisedHost !== undefined))
    return m.brokers.map((b) => `${b.advertisedHost}:${b.advertisedPort}`).join(',');
  return `<address of Service ${m.bootstrapServiceName}, assigned at apply>:${m.listener.bootstrapPort}`;
}

/** Whether clients outside Kubernetes use the listener: every type but a `cluster-ip` with no address given. */
export function reachesOutside(m: ExternalListenerModel): boolean {
  const l = m.listener;
  return (
    l.type !== 'cluster-ip' ||
    l.bootstrap.host !== undefined ||
    l.advertisedHostTemplate !== undefined ||
    m.brokers.some((b) => b.pinned.host)
  );
}
