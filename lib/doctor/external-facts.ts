/**
 * What a `Kafka` manifest says about its `loadbalancer`, `ingress`, `route` and `cluster-ip`
 * listeners: per broker the Ingress or Route host, the advertised address (from
 * `configuration.brokers`, the templates, or Strimzi's default for the type) and the requested load
 * balancer IP. Pure functions over parsed YAML.
 */
import { bootstrapServiceName, brokerServiceName, podName } from '../core/names';
import { resolveTemplate } from '../model/external-listeners';

/** The listener types read here. */
export const EXTERNAL_TYPES: readonly string[] = ['loadbalancer', 'ingress', 'route', 'cluster-ip'];

/** One broker of an external listener, as the manifest states it. */
export interface ExternalBrokerFacts {
  readonly nodeId: number;
  readonly pool: string;
  readonly podName: string;
  readonly serviceName: string;
  /** Ingress or Route host; undefined when none is given (an ingress then fails, OpenShift assigns a route's). */
  readonly host?: string;
  /** Undefined when assigned at apply (cloud load balancer, OpenShift route). */
  readonly advertisedHost?: string;
  readonly advertisedPort: number;
  /** Whether `advertisedHost` is given (an override or a template) rather than the type's default. */
  readonly advertisedHostGiven: boolean;
  readonly loadBalancerIP?: string;
}

/** One external listener of type loadbalancer, ingress, route or cluster-ip. */
export interface ExternalListenerFacts {
  readonly name: string;
  readonly type: string;
  readonly port: number;
  readonly tls: boolean;
  readonly bootstrapServiceName: string;
  readonly bootstrapHost?: string;
  /** Ascending by node ID. */
  readonly brokers: ExternalBrokerFacts[];
}

const SNI = ['ingress', 'route'];

/** A listener of the `Kafka`'s `spec.kafka.listeners` read as an external listener. */
export function externalListenerOf(
  cluster: { name: string; namespace?: string },
  l: any,
  brokerIds: readonly number[],
  poolOf: ReadonlyMap<number, string>,
): ExternalListenerFacts {
  const listener = { name: String(l.name), port: Number(l.port) };
  const type = String(l.type);
  const conf = l.configuration ?? {};
  const overrides = new Map<number, any>(
    (Array.isArray(conf.brokers) ? conf.brokers : []).map((b: any) => [Number(b.broker), b] as const),
  );
  const dns = (service: string) => (cluster.namespace ? `${service}.${cluster.namespace}.svc` : service);
  const bootstrapService = bootstrapServiceName(cluster.name, listener);
  return {
    ...listener,
    type,
    tls: l.tls === true,
    bootstrapServiceName: bootstrapService,
    bootstrapHost:
      conf.bootstrap?.host ??
      (type === 'loadbalancer' ? conf.bootstrap?.loadBalancerIP : undefined) ??
      (type === 'cluster-ip' ? dns(bootstrapService) : undefined),
    brokers: brokerIds.map((id) => {
      const o = overrides.get(id) ?? {};
      const pool = poolOf.get(id)!;
      const pod = podName(cluster.name, pool, id);
      const serviceName = brokerServiceName(cluster.name, pool, id, listener);
      const fromTemplate = (t: unknown) => (typeof t === 'string' ? resolveTemplate(t, id, pod) : undefined);
      const host: string | undefined = SNI.includes(type) ? (o.host ?? fromTemplate(conf.hostTemplate)) : undefined;
      const given: string | undefined = o.advertisedHost ?? fromTemplate(conf.advertisedHostTemplate);
      const fallback = type === 'cluster-ip' ? dns(serviceName) : type === 'loadbalancer' ? o.loadBalancerIP : host;
      return {
        nodeId: id,
        pool,
        podName: pod,
        serviceName,
        host,
        advertisedHost: given ?? fallback,
        advertisedPort: Number(o.advertisedPort ?? (SNI.includes(type) ? 443 : listener.port)),
        advertisedHostGiven: given !== undefined,
        loadBalancerIP: o.loadBalancerIP,
      };
    }),
  };
}
