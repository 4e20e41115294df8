/**
 * What synthesized (or hand-written) Strimzi manifests say about each broker's external address:
 * node IDs as the operator assigns them, and per nodeport listener the NodePort, advertised
 * address, Service and pod of every broker. Pure functions over parsed YAML objects.
 */
import { bootstrapServiceName, brokerServiceName, podName } from '../core/names';
import { poolNodeIds } from '../model/node-id-lock';
import { EXTERNAL_TYPES, ExternalListenerFacts, externalListenerOf } from './external-facts';

/** A parsed Kubernetes object (only the fields the doctor reads are typed). */
export interface ManifestObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
  };
  readonly spec?: any;
  readonly status?: any;
  readonly data?: Record<string, string>;
}

/** One node pool and the node IDs its nodes get. */
export interface PoolFacts {
  readonly name: string;
  readonly roles: string[];
  readonly replicas: number;
  /** Ascending. */
  readonly nodeIds: number[];
  /** Where the IDs come from: the pool's status, its `strimzi.io/next-node-ids`, or the operator's default. */
  readonly idSource: 'status' | 'next-node-ids' | 'lowest-free';
}

/** One broker behind an external nodeport listener. */
export interface BrokerFacts {
  readonly nodeId: number;
  readonly pool: string;
  /** `<cluster>-<pool>-<id>`. */
  readonly podName: string;
  /** The per-broker Service the operator creates for the listener. */
  readonly serviceName: string;
  /** `configuration.brokers[].nodePort`; undefined: the operator picks a random one. */
  readonly nodePort?: number;
  /** `configuration.brokers[].advertisedHost`; undefined: the address of the node the pod runs on. */
  readonly advertisedHost?: string;
  /** `advertisedPort`, else the NodePort (undefined when that is random). */
  readonly advertisedPort?: number;
}

/** One external listener of type nodeport. */
export interface NodePortListenerFacts {
  readonly name: string;
  readonly port: number;
  readonly tls: boolean;
  readonly bootstrapNodePort?: number;
  readonly bootstrapServiceName: string;
  readonly externalTrafficPolicy: string;
  /** Ascending by node ID. */
  readonly brokers: BrokerFacts[];
  /** Node IDs of `configuration.brokers` entries that are not brokers of the cluster. */
  readonly overridesForNonBrokers: number[];
}

/** One `Kafka` and its pools. */
export interface ClusterFacts {
  readonly name: string;
  readonly namespace?: string;
  /** Alphabetical. */
  readonly pools: PoolFacts[];
  readonly brokerIds: number[];
  readonly controllerIds: number[];
  readonly nodePortListeners: NodePortListenerFacts[];
  /** Listeners of type loadbalancer, ingress, route and cluster-ip, by port. */
  readonly externalListeners: ExternalListenerFacts[];
}

/** Reads Strimzi's `[0-2,5,100-199]` node ID list, in order. */
export function parseNodeIdList(value: string): number[] {
  const inner = value.trim().replace(/^\[/, '').replace(/\]$/, '');
  const out: number[] = [];
  for (const part of inner
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p)) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) throw new Error(`not a node ID or range: '${part}' in '${value}'`);
    const from = Number(m[1]);
    const to = m[2] !== undefined ? Number(m[2]) : from;
    for (let id = from; id <= to && out.length < 100_000; id++) out.push(id);
  }
  return out;
}

const byNumber = (a: number, b: number) => a - b;
const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Node IDs of each pool as the operator assigns them to a new cluster: pools in alphabetical
 * order; a pool's `status.nodeIds` when present; else the first free IDs of its
 * `strimzi.io/next-node-ids` list; else (and when the list runs out) the lowest free IDs. The
 * assignment is the model's (`poolNodeIds`, also the node-ID lock's); a list that is not one throws.
 */
export function assignNodeIds(
  pools: readonly { name: string; replicas: number; nextNodeIds?: string; statusNodeIds?: number[] }[],
): Map<string, { ids: number[]; source: PoolFacts['idSource'] }> {
  for (const p of pools) if (p.nextNodeIds !== undefined) parseNodeIdList(p.nextNodeIds);
  const assigned = poolNodeIds(pools.map((p) => ({ ...p, cluster: '' })));
  return new Map(
    [...pools].sort(byName).map((p) => {
      const source = p.statusNodeIds ? 'status' : p.nextNodeIds ? 'next-node-ids' : 'lowest-free';
      return [p.name, { ids: [...assigned.get(p.name)!.nodeIds], source }] as const;
    }),
  );
}

const isStrimzi = (o: ManifestObject, kind: string) =>
  o.kind === kind && (o.apiVersion ?? '').startsWith('kafka.strimzi.io/');

/** The clusters of a set of manifests, sorted by namespace and name. */
export function clusterFacts(objects: readonly ManifestObject[]): ClusterFacts[] {
  const kafkas = objects.filter((o) => isStrimzi(o, 'Kafka'));
  const pools = objects.filter((o) => isStrimzi(o, 'KafkaNodePool'));
  return kafkas
    .map((k) => clusterOf(k, pools))
    .sort((a, b) => `${a.namespace ?? ''}/${a.name}`.localeCompare(`${b.namespace ?? ''}/${b.name}`));
}

/** One cluster: its pools with their node IDs, and its nodeport listeners. */
function clusterOf(k: ManifestObject, pools: readonly ManifestObject[]): ClusterFacts {
  const name = k.metadata?.name ?? '';
  const namespace = k.metadata?.namespace;
  const own = pools.filter(
    (p) => p.metadata?.labels?.['strimzi.io/cluster'] === name && p.metadata?.namespace === namespace,
  );
  const poolFacts = poolFactsOf(own);
  const idsWith = (role: string) =>
    poolFacts
      .filter((p) => p.roles.includes(role))
      .flatMap((p) => p.nodeIds)
      .sort(byNumber);
  const brokerIds = idsWith('broker');
  const poolOf = new Map(poolFacts.flatMap((p) => p.nodeIds.map((id) => [id, p.name] as const)));
  const listeners: any[] = Array.isArray(k.spec?.kafka?.listeners) ? k.spec.kafka.listeners : [];
  const nodePortListeners = listeners
    .filter((l) => l?.type === 'nodeport')
    .map((l) => nodePortListenerOf(name, l, brokerIds, poolOf))
    .sort((a, b) => a.port - b.port);
  const externalListeners = listeners
    // a cluster-ip listener without configuration is an internal one: nothing outside to follow
    .filter((l) => EXTERNAL_TYPES.includes(l?.type) && (l.type !== 'cluster-ip' || l.configuration))
    .map((l) => externalListenerOf({ name, namespace }, l, brokerIds, poolOf))
    .sort((a, b) => a.port - b.port);
  const controllerIds = idsWith('controller');
  return { name, namespace, pools: poolFacts, brokerIds, controllerIds, nodePortListeners, externalListeners };
}

/** The pools of one cluster with the node IDs the operator gives them, by name. */
function poolFactsOf(own: readonly ManifestObject[]): PoolFacts[] {
  const assigned = assignNodeIds(
    own.map((p) => ({
      name: p.metadata?.name ?? '',
      replicas: Number(p.spec?.replicas ?? 0),
      nextNodeIds: p.metadata?.annotations?.['strimzi.io/next-node-ids'],
      statusNodeIds: Array.isArray(p.status?.nodeIds) ? p.status.nodeIds.map(Number) : undefined,
    })),
  );
  return own
    .map((p) => {
      const poolName = p.metadata?.name ?? '';
      const a = assigned.get(poolName)!;
      return {
        name: poolName,
        roles: [...(p.spec?.roles ?? [])].sort(),
        replicas: Number(p.spec?.replicas ?? 0),
        nodeIds: a.ids,
        idSource: a.source,
      };
    })
    .sort(byName);
}

/** A nodeport listener of a `Kafka` and what each broker gets from its overrides. */
function nodePortListenerOf(
  name: string,
  l: any,
  brokerIds: number[],
  poolOf: ReadonlyMap<number, string>,
): NodePortListenerFacts {
  const listener = { name: String(l.name), port: Number(l.port) };
  const conf = l.configuration ?? {};
  const overrides = new Map<number, any>(
    (Array.isArray(conf.brokers) ? conf.brokers : []).map((b: any) => [Number(b.broker), b] as const),
  );
  return {
    ...listener,
    tls: l.tls === true,
    bootstrapNodePort: conf.bootstrap?.nodePort,
    bootstrapServiceName: bootstrapServiceName(name, listener),
    externalTrafficPolicy: conf.externalTrafficPolicy ?? 'Cluster',
    brokers: brokerIds.map((id) => {
      const o = overrides.get(id) ?? {};
      const pool = poolOf.get(id)!;
      return {
        nodeId: id,
        pool,
        podName: podName(name, pool, id),
        serviceName: brokerServiceName(name, pool, id, listener),
        nodePort: o.nodePort,
        advertisedHost: o.advertisedHost,
        advertisedPort: o.advertisedPort ?? o.nodePort,
      };
    }),
    overridesForNonBrokers: [...overrides.keys()].filter((id) => !brokerIds.includes(id)).sort(byNumber),
  };
}
