/**
 * What other resources (users, topics, clients) may know of a Kafka cluster: the narrow contract
 * behind `ICluster`. A cluster of this app computes it from its model; a cluster managed elsewhere
 * declares what its owners tell (`KraftCluster.fromAttributes`), and a fact left out turns off the
 * checks that need it instead of guessing.
 */
import { ClusterAuthorization } from './authorization';
import { ClusterModel } from './cluster';
import { ConfigValue } from './config';
import { ExternalListenerModel, externalBootstrapServers, reachesOutside } from './external-listeners';
import { ClusterMetricsFact, clusterMetricsFact } from './metrics/cluster-metrics';
import { bootstrapServiceName, internalBootstrapServiceName } from '../core/names';
import { AutoRebalanceModel } from './cruise-control';
import { Storage } from './storage';

/** A listener as a client sees it. */
export interface ClusterListener {
  /** Listener name, e.g. `tls`. */
  readonly name: string;
  /** Strimzi listener type: `internal`, `cluster-ip`, `nodeport`, `loadbalancer`, `ingress` or `route`. */
  readonly type: string;
  /** The listener's port on the brokers. */
  readonly port: number;
  /** Whether the listener encrypts with TLS (clients then trust `<cluster>-cluster-ca-cert`). */
  readonly tls: boolean;
  /**
   * The listener's authentication type: `scram-sha-512`, `tls`, `oauth`, `custom`.
   * @default - none
   */
  readonly authentication?: string;
  /** `internal`: inside Kubernetes; `external`: through the advertised addresses. */
  readonly reach: 'internal' | 'external';
  /**
   * `bootstrap.servers` for a client of this listener: for `ingress` and `route` the bootstrap host on
   * port 443, for `loadbalancer` the bootstrap host (or every broker's pinned address).
   */
  readonly bootstrapServers: string;
}

/** The authorization of a cluster, or `{ type: 'none' }` when it has none. */
export type ClusterAuthorizationFact = ClusterAuthorization | { readonly type: 'none' };

/**
 * Rack awareness of the brokers, or `{ type: 'none' }`: Connect and MirrorMaker 2 take `client.rack`
 * from the same source (`rack.topologyKey` or `rack.envVarName`).
 */
export type ClusterRackFact =
  | { readonly type: 'none' }
  | { readonly type: 'topology-label'; readonly topologyKey: string }
  | { readonly type: 'environment-variable'; readonly envVarName: string; readonly topologyKey?: string };

/** Cruise Control of a cluster as rebalances see it. */
export interface CruiseControlFact {
  /** Whether Cruise Control runs. */
  readonly enabled: boolean;
  /** The hard goals a rebalance's `goals` must include (simple names). */
  readonly hardGoals?: readonly string[];
  /** Auto-rebalancing on scale-up and scale-down. */
  readonly autoRebalance?: readonly AutoRebalanceModel[];
}

/** A broker pool as rebalances see it. */
export interface BrokerPoolFact {
  readonly name: string;
  /** Node IDs of its brokers, ascending. */
  readonly nodeIds: readonly number[];
  /** Node IDs a scale-down removes (declared or locked IDs no longer run), ascending. */
  readonly leavingNodeIds: readonly number[];
  /** Node IDs a scale-up adds (run beyond the declared or locked IDs), ascending. */
  readonly arrivingNodeIds: readonly number[];
  /** IDs of its JBOD volumes, ascending. */
  readonly volumeIds: readonly number[];
}

/** What dependents check against. A fact left undefined is unknown: checks that need it are skipped. */
export interface ClusterFacts {
  /** Every listener, by port. */
  readonly listeners?: readonly ClusterListener[];
  /** Node IDs of the brokers, ascending. */
  readonly brokerNodeIds?: readonly number[];
  /** Replication factor of new topics (`default.replication.factor`). */
  readonly replicationFactor?: number;
  /** Authorization of clients. */
  readonly authorization?: ClusterAuthorizationFact;
  /** Whether the User Operator runs (it creates KafkaUsers). */
  readonly userOperator?: boolean;
  /** Whether the Topic Operator runs (it creates KafkaTopics). */
  readonly topicOperator?: boolean;
  /**
   * The namespace its User and Topic Operators watch (`entityOperator.*.watchedNamespace`).
   * @default - the cluster's namespace
   */
  readonly watchedNamespace?: string;
  /** The brokers' Kafka `config` (with the replication keys): the defaults of its topics' config. */
  readonly config?: Readonly<Record<string, ConfigValue>>;
  /** What serves metrics: brokers and controllers, Cruise Control, Kafka Exporter. */
  readonly metrics?: ClusterMetricsFact;
  /** Rack awareness of the brokers. */
  readonly rack?: ClusterRackFact;
  /** Cruise Control. */
  readonly cruiseControl?: CruiseControlFact;
  /** The broker pools, by name. */
  readonly brokerPools?: readonly BrokerPoolFact[];
}

/** The in-cluster address of a Service: `<name>.<namespace>.svc`, or the bare name without a namespace. */
function serviceHost(service: string, namespace: string | undefined): string {
  return namespace ? `${service}.${namespace}.svc` : service;
}

/**
 * `bootstrap.servers` of a listener inside Kubernetes: the cluster's bootstrap Service (`internal`)
 * or the listener's own (`cluster-ip`), in the cluster's namespace.
 */
export function insideBootstrapServers(
  clusterName: string,
  namespace: string | undefined,
  l: { readonly type?: string; readonly name: string; readonly port: number },
): string {
  const service =
    l.type === 'cluster-ip' ? bootstrapServiceName(clusterName, l) : internalBootstrapServiceName(clusterName);
  return `${serviceHost(service, namespace)}:${l.port}`;
}

/** The facts of a cluster of this app, from its model (computed once, with the model). */
export function clusterFacts(m: ClusterModel): ClusterFacts {
  const { clusterName, namespace } = m.spec;
  const inside = m.internalListeners.map((l): ClusterListener => ({
    name: l.name,
    type: l.type ?? 'internal',
    port: l.port,
    tls: l.tls ?? false,
    authentication: l.authentication?.type,
    reach: 'internal',
    bootstrapServers: insideBootstrapServers(clusterName, namespace, l),
  }));
  const outside = m.nodePortListeners.map(({ listener: l, brokers, bootstrapHost }): ClusterListener => ({
    name: l.name,
    type: 'nodeport',
    port: l.port,
    tls: l.tls,
    authentication: l.authentication?.type,
    reach: 'external',
    bootstrapServers: l.advertisedHost.includes('{nodeId}')
      ? brokers.map((b) => `${b.advertisedHost}:${b.advertisedPort}`).join(',')
      : `${bootstrapHost}:${l.bootstrapPort}`,
  }));
  return {
    listeners: [
      ...inside,
      ...outside,
      ...m.externalListeners.map((l) => externalListenerFact(clusterName, namespace, l)),
    ].sort((a, b) => a.port - b.port),
    brokerNodeIds: m.brokerIds,
    replicationFactor: m.replication.factor,
    authorization: m.spec.authorization ?? { type: 'none' },
    userOperator: m.spec.userOperator,
    topicOperator: m.spec.topicOperator,
    config: m.config,
    metrics: clusterMetricsFact(m.spec.metrics),
    rack: rackFact(m),
    cruiseControl: m.cruiseControl
      ? { enabled: true, hardGoals: m.cruiseControl.hardGoals, autoRebalance: m.cruiseControl.autoRebalance ?? [] }
      : { enabled: false },
    brokerPools: m.pools
      .filter((p) => p.pool.roles.includes('broker'))
      .map((p) => ({
        name: p.pool.name,
        nodeIds: p.nodeIds,
        leavingNodeIds: p.leavingNodeIds,
        arrivingNodeIds: p.arrivingNodeIds,
        volumeIds: volumeIds(p.pool.storage),
      })),
  };
}

/** An external loadbalancer, ingress, route or cluster-ip listener as a client sees it. */
function externalListenerFact(
  clusterName: string,
  namespace: string | undefined,
  m: ExternalListenerModel,
): ClusterListener {
  const l = m.listener;
  const outside = reachesOutside(m);
  return {
    name: l.name,
    type: l.type,
    port: l.port,
    tls: l.tls,
    authentication: l.authentication?.type,
    reach: outside ? 'external' : 'internal',
    bootstrapServers: outside ? externalBootstrapServers(m) : insideBootstrapServers(clusterName, namespace, l),
  };
}

/** The IDs of a pool's JBOD volumes, ascending (none for other storage: remove-disks needs JBOD). */
function volumeIds(storage: Storage | undefined): number[] {
  const spec = storage?.spec;
  if (spec?.type !== 'jbod') return [];
  return spec.volumes
    .map((v) => v.id)
    .filter((id): id is number => Number.isInteger(id))
    .sort((a, b) => a - b);
}

function rackFact({ rack: r }: ClusterModel): ClusterRackFact {
  if (!r) return { type: 'none' };
  return r.type === 'topology-label'
    ? { type: r.type, topologyKey: r.topologyKey! }
    : { type: r.type, envVarName: r.envVarName ?? '', topologyKey: r.topologyKey };
}
