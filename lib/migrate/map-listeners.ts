/**
 * `spec.kafka.listeners` -> `listeners` (internal, cluster-ip) and `nodePortListeners` props.
 * A listener not mapped to a prop (route, loadbalancer, ingress: addExternalListener is not mapped yet;
 * a nodeport listener that advertises node addresses) is left out here and restored by a patch, with the reason.
 */
import { defined, isRecord, recordAt } from './plan';

const AUTH_TYPES = ['tls', 'scram-sha-512', 'oauth', 'custom'];

/** `{ type, options }` of a listener's authentication, or undefined when the library lacks its type. */
function authentication(a: unknown): Record<string, unknown> | undefined | 'unsupported' {
  if (a === undefined) return undefined;
  if (!isRecord(a) || !AUTH_TYPES.includes(String(a.type))) return 'unsupported';
  const { type, ...options } = a;
  return defined({ type, options: Object.keys(options).length > 0 ? options : undefined });
}

function internalListener(l: Record<string, unknown>): Record<string, unknown> | undefined {
  const auth = authentication(l.authentication);
  if (auth === 'unsupported') return undefined;
  return defined({
    name: l.name,
    port: l.port,
    tls: l.tls === true ? true : undefined,
    type: l.type === 'cluster-ip' ? 'cluster-ip' : undefined,
    authentication: auth,
  });
}

/** The value most entries have (first of the most frequent). */
function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** `base` when every broker's value is `base + node ID`. */
function commonBase(entries: readonly { id: number; value: unknown }[]): number | undefined {
  const bases = entries.map((e) => (typeof e.value === 'number' ? e.value - e.id : NaN));
  return bases.length > 0 && bases.every((b) => b === bases[0] && Number.isInteger(b)) ? bases[0] : undefined;
}

/** Per-broker overrides: the values the bases and the common host do not give. */
function brokerOverrides(
  brokers: readonly Record<string, unknown>[],
  host: unknown,
  nodePortBase: number | undefined,
  advertisedPortBase: number | undefined,
): Record<number, Record<string, unknown>> | undefined {
  const out: Record<number, Record<string, unknown>> = {};
  for (const b of brokers) {
    const id = Number(b.broker);
    const o = defined({
      advertisedHost: b.advertisedHost !== host ? b.advertisedHost : undefined,
      nodePort: b.nodePort !== undefined && nodePortBase === undefined ? b.nodePort : undefined,
      advertisedPort: b.advertisedPort !== undefined && advertisedPortBase === undefined ? b.advertisedPort : undefined,
    });
    if (Object.keys(o).length > 0) out[id] = o;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function nodePortListener(l: Record<string, unknown>): Record<string, unknown> | undefined {
  const conf = recordAt(l, 'configuration');
  const bootstrapNodePort = recordAt(conf, 'bootstrap').nodePort;
  const brokers = (Array.isArray(conf.brokers) ? conf.brokers : []).filter(isRecord);
  const host = mostCommon(brokers.map((b) => b.advertisedHost).filter((h) => typeof h === 'string'));
  const auth = authentication(l.authentication);
  if (typeof bootstrapNodePort !== 'number' || host === undefined || auth === 'unsupported') return undefined;
  const entries = (key: string) =>
    brokers.filter((b) => b[key] !== undefined).map((b) => ({ id: Number(b.broker), value: b[key] }));
  const pinned = entries('nodePort');
  const nodePortBase = pinned.length === brokers.length ? commonBase(pinned) : undefined;
  const advertised = entries('advertisedPort');
  const advertisedPortBase = advertised.length === brokers.length ? commonBase(advertised) : undefined;
  return defined({
    name: l.name,
    port: l.port,
    tls: l.tls === true,
    authentication: auth ?? 'none',
    bootstrapNodePort,
    advertisedHost: host,
    nodePortBase: nodePortBase !== bootstrapNodePort + 1 ? nodePortBase : undefined,
    advertisedPortBase,
    brokers: brokerOverrides(brokers, host, nodePortBase, advertisedPortBase),
    externalTrafficPolicy: conf.externalTrafficPolicy,
  });
}

/** The listener props of a `Kafka`; listeners left out are restored by patches. */
export function listenerProps(listeners: unknown): {
  listeners: Record<string, unknown>[];
  nodePortListeners?: Record<string, unknown>[];
} {
  const all = (Array.isArray(listeners) ? listeners : []).filter(isRecord);
  const internal = all.filter((l) => l.type === 'internal' || l.type === 'cluster-ip');
  const nodePort = all
    .filter((l) => l.type === 'nodeport')
    .map(nodePortListener)
    .filter((l): l is Record<string, unknown> => l !== undefined);
  return {
    // always given: without it the library adds a plain listener on 9092
    listeners: internal.map(internalListener).filter((l): l is Record<string, unknown> => l !== undefined),
    nodePortListeners: nodePort.length > 0 ? nodePort : undefined,
  };
}
