/**
 * The cluster model: plain data computed once from plain input. Node IDs, broker endpoints,
 * Service names and replication are derived here and nowhere else; renderers and the load
 * balancer read them. Findings are keyed by their owner (the cluster, a pool, a listener) and
 * mapped to construct paths by the constructs.
 */
import { ClusterAuthorization } from './authorization';
import {
  bootstrapServiceName,
  brokerServiceName,
  headlessServiceName,
  internalBootstrapServiceName,
  podName,
} from '../core/names';
import { Finding, collector, finding } from '../core/problem';
import { StrimziApiVersion, StrimziRelease } from '../core/release';
import { RULES } from '../rules';
import { NODE_PORT_MAX, NODE_PORT_MIN, isDnsLabel, sortedRecord } from '../core/syntax';
import { ConfigValue } from './config';
import { ClusterMetricsModel } from './metrics/cluster-metrics';
import { BrokerEndpoint, InternalListenerSpec, ListenerSpec, NodePortListenerSpec, endpointFor } from './listeners';
import { ExternalListenerContext, ExternalListenerModel, externalListenerModel } from './external-listeners';
import { externalListenerFindings } from './external-listener-checks';
import { NodeIdLock, applyNodeIdLock, lockFindings, lockKey, lockedPoolsOf } from './node-id-lock';
import { NodeIdRange, allocateNodeIds } from './node-ids';
import { NodeRole, PoolSpec, isValidRange } from './pool';
import { volumeCount } from './storage';
import { supportsKraftJbod } from './versions';
import { CruiseControlModel, CruiseControlOptions, cruiseControlModel, rackGoalFindings } from './cruise-control';
import {
  RackModel,
  RackOptions,
  SpreadConstraint,
  poolSpread,
  rackFindings,
  rackModel,
  zoneLossFindings,
} from './zones';

/** Replication settings of the cluster's topics. */
export interface ReplicationOptions {
  /**
   * Replication factor of new topics and of the offsets and transaction-state topics.
   * @default - 3, or the broker count when there are fewer brokers
   * @integer
   */
  readonly factor?: number;
  /**
   * `min.insync.replicas` and `transaction.state.log.min.isr`.
   * @default - factor - 1 (at least 1)
   * @integer
   */
  readonly minInSyncReplicas?: number;
}

/** Who a finding belongs to: the cluster itself, one of its pools, or one of its listeners. */
export type Owner =
  | { readonly kind: 'cluster' }
  | { readonly kind: 'pool'; readonly name: string }
  | { readonly kind: 'listener'; readonly name: string };

/** A finding and its owner. */
export interface OwnedFinding extends Finding {
  readonly owner: Owner;
}

/** Everything a cluster model is computed from: plain data, no constructs. */
export interface ClusterSpec {
  /** Name of the Kafka resource. */
  readonly clusterName: string;
  /** Namespace of the Kafka resource, when known. */
  readonly namespace?: string;
  readonly release: StrimziRelease;
  readonly apiVersion: StrimziApiVersion;
  readonly kafkaVersion: string;
  readonly metadataVersion: string;
  readonly pools: readonly PoolSpec[];
  /** Listeners in the order they were added. */
  readonly listeners: readonly ListenerSpec[];
  readonly replication?: ReplicationOptions;
  /** Kafka config without the replication keys (see `configPolicy`). */
  readonly config?: Record<string, ConfigValue>;
  readonly cruiseControl: boolean;
  /** Cruise Control's options, when it runs. */
  readonly cruiseControlOptions?: CruiseControlOptions;
  /** Rack awareness and the zones the brokers run in. */
  readonly rack?: RackOptions;
  readonly topicOperator: boolean;
  readonly userOperator: boolean;
  /** Authorization of clients, if any. */
  readonly authorization?: ClusterAuthorization;
  /** Node IDs of a previous output that must not move (see `node-id-lock.ts`). */
  readonly nodeIdLock?: NodeIdLock;
  /** Metrics of brokers, controllers, Cruise Control and Kafka Exporter (see `metrics/cluster-metrics.ts`). */
  readonly metrics?: ClusterMetricsModel;
}

/** One pool's facts. */
export interface PoolModel {
  readonly pool: PoolSpec;
  /** Node IDs of the pool's nodes, ascending. */
  readonly nodeIds: number[];
  readonly scaleUpRange: NodeIdRange;
  /** Value of `strimzi.io/next-node-ids`. */
  readonly nextNodeIds: string;
  /** Declared (or locked) node IDs the pool no longer runs: the nodes a scale-down removes, ascending. */
  readonly leavingNodeIds: number[];
  /** Node IDs the pool runs beyond its declared (or locked) ones: the nodes a scale-up adds, ascending. */
  readonly arrivingNodeIds: number[];
  /** Topology spread constraints of the pool's pods (rack awareness), added to its template. */
  readonly spread: SpreadConstraint[];
}

/** Where one broker is reached from outside, and the Service the operator creates for it. */
export interface ExternalBroker extends BrokerEndpoint {
  /** The node pool the broker belongs to. */
  readonly pool: string;
  /** The per-broker Service of the listener. */
  readonly serviceName: string;
  /** The broker's pod. */
  readonly podName: string;
}

/** One external nodeport listener's facts. */
export interface NodePortListenerModel {
  readonly type: 'nodeport';
  readonly listener: NodePortListenerSpec;
  /** The listener's bootstrap Service. */
  readonly bootstrapServiceName: string;
  /**
   * The host clients bootstrap from: the advertised host, or with a `{nodeId}` template the first
   * broker's. It is in every broker certificate (`bootstrap.alternativeNames`), the load balancer
   * listens for it, and users' client files name it.
   */
  readonly bootstrapHost: string;
  /** One endpoint per broker node ID, ascending, and no other. */
  readonly brokers: ExternalBroker[];
}

/** One internal listener's facts. */
export interface InternalListenerModel {
  readonly type: 'internal' | 'cluster-ip';
  readonly listener: InternalListenerSpec;
}

/** Every listener model, by `type` (`external`: loadbalancer, ingress, route, cluster-ip with addresses). */
export type ListenerModel = InternalListenerModel | NodePortListenerModel | ExternalListenerModel;

/** Everything computed once about a cluster, before any renderer runs. */
export interface ClusterModel {
  readonly spec: ClusterSpec;
  /** Pools in alphabetical order. */
  readonly pools: PoolModel[];
  /** Node IDs with the broker role, ascending. */
  readonly brokerIds: number[];
  /** Node IDs with the controller role, ascending. */
  readonly controllerIds: number[];
  /** Every listener, by port. */
  readonly listeners: ListenerModel[];
  /** Internal listeners, by port. */
  readonly internalListeners: InternalListenerSpec[];
  /** External nodeport listeners, by port. */
  readonly nodePortListeners: NodePortListenerModel[];
  /** External loadbalancer, ingress, route and cluster-ip listeners with per-broker addresses, by port. */
  readonly externalListeners: ExternalListenerModel[];
  readonly replication: { readonly factor: number; readonly minInSyncReplicas: number };
  /** The Kafka `config`: the user's keys plus the replication settings, sorted by key. */
  readonly config: Record<string, ConfigValue>;
  /** Cruise Control, when it runs. */
  readonly cruiseControl?: CruiseControlModel;
  /** Rack awareness, when on. */
  readonly rack?: RackModel;
  /** What is wrong across the cluster's parts (each part's own checks are made where it is built). */
  readonly findings: OwnedFinding[];
}

const byNumber = (a: number, b: number) => a - b;
const CLUSTER: Owner = { kind: 'cluster' };
const owned = (owner: Owner, f: Finding): OwnedFinding => ({ ...f, owner });

/** Checks of the cluster's own name and namespace. */
export function clusterNameFindings(clusterName: string, namespace: unknown): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(clusterName) || clusterName.length > 63) {
    flag(RULES.clusterName, 'clusterName', clusterName).says(
      'not a DNS-1035 label (lower-case letters, digits and -, starting with a letter). Fix: rename the ' +
        "cluster, e.g. 'my-cluster'",
    );
  }
  if (namespace !== undefined && !(typeof namespace === 'string' && isDnsLabel(namespace))) {
    flag(RULES.namespaceName, 'namespace', namespace).says(
      "the chart's namespace is not a DNS label. Fix: use lower-case letters, digits and -",
    );
  }
  return out;
}

/** Computes node IDs, broker endpoints and replication settings once, and every cross-part finding. */
export function computeClusterModel(spec: ClusterSpec): ClusterModel {
  const findings: OwnedFinding[] = [];
  const add = (owner: Owner, f: Finding) => findings.push(owned(owner, f));
  const rack = rackModel(spec.rack);
  const pools = allocatePools(spec, rack, add);
  const idsWith = (role: 'broker' | 'controller') =>
    pools
      .filter((p) => p.pool.roles.includes(role))
      .flatMap((p) => p.nodeIds)
      .sort(byNumber);
  const brokerIds = idsWith('broker');
  const controllerIds = idsWith('controller');
  const poolOf = new Map(pools.flatMap((p) => p.nodeIds.map((id) => [id, p.pool.name] as const)));
  checkRolesAndListeners(
    spec,
    brokerIds,
    controllerIds,
    collector((f) => add(CLUSTER, f)),
  );
  checkPools(spec, pools, add);

  const byPort = [...spec.listeners].sort((a, b) => a.port - b.port);
  const external = externalContext(spec, pools, brokerIds, poolOf);
  const listeners: ListenerModel[] = byPort.map((l): ListenerModel => {
    const addTo = (f: Finding) => add({ kind: 'listener', name: l.name }, f);
    if (l.type === 'nodeport') return nodePortModel(spec.clusterName, l, brokerIds, poolOf, addTo);
    if (!('external' in l)) return { type: l.type, listener: l };
    const m = externalListenerModel(l, external);
    externalListenerFindings(m, external).forEach(addTo);
    return m;
  });
  const nodePortListeners = listeners.filter((l): l is NodePortListenerModel => l.type === 'nodeport');
  const externalListeners = listeners.filter((l): l is ExternalListenerModel => l.type === 'external');
  checkExternalAddresses(nodePortListeners, add);
  checkServiceNames(spec, pools, nodePortListeners, add);

  const replication = replicationOf(spec.replication, brokerIds.length, (f) => add(CLUSTER, f));
  const cruiseControl = cruiseControlChecks(spec, pools, brokerIds.length, rack, replication, add);
  return {
    spec,
    pools,
    brokerIds,
    controllerIds,
    listeners,
    internalListeners: listeners
      .filter((l): l is InternalListenerModel => l.type !== 'nodeport' && l.type !== 'external')
      .map((l) => l.listener),
    nodePortListeners,
    externalListeners,
    replication,
    config: clusterConfig(spec, replication),
    cruiseControl,
    rack,
    findings,
  };
}

/** Cruise Control: its model and findings (brokers, options, zones, goals); undefined when it does not run. */
function cruiseControlChecks(
  spec: ClusterSpec,
  pools: PoolModel[],
  brokers: number,
  rack: RackModel | undefined,
  replication: ClusterModel['replication'],
  add: (owner: Owner, f: Finding) => void,
): CruiseControlModel | undefined {
  if (spec.cruiseControl && brokers < 2) {
    collector((f) => add(CLUSTER, f))(RULES.cruiseControlBrokers, 'cruiseControl', true).says(
      `Cruise Control cannot balance ${brokers} broker(s). Fix: run 2 or more brokers, or set ` +
        'cruiseControl: false',
    );
  }
  const cruiseControl = cruiseControlOf(spec, pools, add);
  zoneChecks(spec, rack, pools, replication, add);
  if (cruiseControl) {
    rackGoalFindings(spec.cruiseControlOptions ?? {}, rack?.zones.length ?? 0, replication.factor).forEach((f) =>
      add(CLUSTER, f),
    );
  }
  return cruiseControl;
}

/** What the models of external listeners need of the cluster. */
function externalContext(
  spec: ClusterSpec,
  pools: readonly PoolModel[],
  brokerIds: number[],
  poolOf: ReadonlyMap<number, string>,
): ExternalListenerContext {
  return {
    clusterName: spec.clusterName,
    namespace: spec.namespace,
    releaseTag: spec.release.tag,
    brokerIds,
    poolOf,
    brokerPools: pools
      .filter((p) => p.pool.roles.includes('broker'))
      .map((p) => ({ name: p.pool.name, nodeIds: p.nodeIds, scaleUpRange: p.scaleUpRange })),
  };
}

/** Cruise Control's model, its findings to `add` (undefined when it does not run). */
function cruiseControlOf(
  spec: ClusterSpec,
  pools: PoolModel[],
  add: (owner: Owner, f: Finding) => void,
): CruiseControlModel | undefined {
  if (!spec.cruiseControl) return undefined;
  const idsOf = pools.map((p) => ({ name: p.pool.name, broker: p.pool.roles.includes('broker'), nodeIds: p.nodeIds }));
  const cc = cruiseControlModel(spec.cruiseControlOptions ?? {}, spec.release, idsOf);
  cc.findings.forEach((f) => add(CLUSTER, f));
  return cc.model;
}

/** The rack options' and one zone's loss findings, to `add`. */
function zoneChecks(
  spec: ClusterSpec,
  rack: RackModel | undefined,
  pools: PoolModel[],
  replication: ClusterModel['replication'],
  add: (owner: Owner, f: Finding) => void,
): void {
  rackFindings(spec.rack, spec.release).forEach((f) => add(CLUSTER, f));
  const brokerPools = pools.filter((p) => p.pool.roles.includes('broker'));
  const loss = zoneLossFindings(
    rack,
    replication,
    brokerPools.map((p) => ({ name: p.pool.name, replicas: p.nodeIds.length })),
  );
  loss.cluster.forEach((f) => add(CLUSTER, f));
  loss.pools.forEach(({ pool, finding: f }) => add({ kind: 'pool', name: pool }, f));
}

/** The Kafka `config`: the user's keys plus the replication settings, sorted by key. */
function clusterConfig(spec: ClusterSpec, replication: ClusterModel['replication']): Record<string, ConfigValue> {
  return sortedRecord({
    ...spec.config,
    'default.replication.factor': replication.factor,
    'min.insync.replicas': replication.minInSyncReplicas,
    'offsets.topic.replication.factor': replication.factor,
    'transaction.state.log.min.isr': replication.minInSyncReplicas,
    'transaction.state.log.replication.factor': replication.factor,
  })!;
}

/** The node IDs of every pool; conflicts between pools' IDs and ranges go to `add`. */
function allocatePools(
  spec: ClusterSpec,
  rack: RackModel | undefined,
  add: (owner: Owner, f: Finding) => void,
): PoolModel[] {
  const { locked: lock, findings: lockShape } = lockedPoolsOf(
    spec.nodeIdLock,
    lockKey(spec.namespace, spec.clusterName),
  );
  lockShape.forEach((f) => add(CLUSTER, f));
  const withLock = applyNodeIdLock(spec.pools, lock);
  const allocation = allocateNodeIds(
    withLock.map((p) => ({
      name: p.name,
      replicas: Number.isInteger(p.replicas) && p.replicas >= 0 ? p.replicas : 0,
      declaredIds: p.declaredNodeIds,
      scaleUpRange: isValidRange(p.scaleUpNodeIds) ? p.scaleUpNodeIds : undefined,
    })),
  );
  const conflictRule = {
    'declared-twice': RULES.nodeIdsUnique,
    'in-other-range': RULES.nodeIdsOutsideRanges,
    'ranges-overlap': RULES.scaleUpRangesDisjoint,
    'capacity': RULES.scaleUpRangeCapacity,
  };
  for (const c of allocation.conflicts) {
    add({ kind: 'pool', name: c.pool }, finding(conflictRule[c.kind], c.field, c.value, c.message, c.fix));
  }
  for (const l of lockFindings(allocation.pools, lock, spec.nodeIdLock?.source))
    add({ kind: 'pool', name: l.pool }, l.finding);
  const poolsByName = new Map(spec.pools.map((p) => [p.name, p]));
  const declared = new Map(withLock.map((p) => [p.name, p.declaredNodeIds]));
  return allocation.pools.map((ids) => ({
    pool: poolsByName.get(ids.name)!,
    ...ids,
    leavingNodeIds: [...new Set(declared.get(ids.name))].filter((id) => !ids.nodeIds.includes(id)).sort(byNumber),
    arrivingNodeIds: declared.get(ids.name) ? ids.nodeIds.filter((id) => !declared.get(ids.name)!.includes(id)) : [],
    spread: poolSpread(rack, spec.clusterName, ids.name),
  }));
}

/** A broker, a controller quorum that survives a failure, and a listener. */
function checkRolesAndListeners(
  spec: ClusterSpec,
  brokerIds: number[],
  controllerIds: number[],
  flag: ReturnType<typeof collector>,
): void {
  // A pool whose replicas are not a count is reported on its own; the node counts of its roles would be wrong.
  const uncountedFor = (role: NodeRole) =>
    spec.pools.some(
      (p) => !(Number.isInteger(p.replicas) && p.replicas >= 0) && (p.rolesWrong || p.roles.includes(role)),
    );
  if (brokerIds.length === 0 && !uncountedFor('broker')) {
    flag(RULES.clusterHasBroker, 'nodePools', brokerIds).says(
      "the cluster has no broker node. Fix: add a node pool with role 'broker' and replicas >= 1",
    );
  }
  const n = controllerIds.length;
  if (uncountedFor('controller')) {
    // the pool's replicas are reported where they are given
  } else if (n === 0) {
    flag(RULES.clusterHasController, 'nodePools', controllerIds).says(
      "the cluster has no controller node. Fix: add a node pool with role 'controller' and replicas >= 1 " +
        '(3 for production)',
    );
  } else if (n === 1) {
    flag(RULES.controllerQuorumSingle, 'nodePools', controllerIds).says(
      'one controller: the cluster stops when it does. Fix: run 3 controllers (5 for large clusters)',
    );
  } else if (n % 2 === 0) {
    flag(RULES.controllerQuorumEven, 'nodePools', controllerIds).says(
      `${n} controllers tolerate ${n / 2 - 1} failure(s), as ${n - 1} would. Fix: run ${n - 1} or ${n + 1} controllers`,
    );
  }
  if (spec.listeners.length === 0) {
    flag(RULES.listenerPresent, 'listeners', []).says(
      "the cluster has no listener. Fix: add one, e.g. { name: 'plain', port: 9092 }",
    );
  }
}

/** Per pool: the longest pod name fits a host name; several volumes need a KRaft JBOD metadata version. */
function checkPools(spec: ClusterSpec, pools: PoolModel[], add: (owner: Owner, f: Finding) => void): void {
  for (const p of pools) {
    const flag = collector((f) => add({ kind: 'pool', name: p.pool.name }, f));
    const longest = podName(spec.clusterName, p.pool.name, Math.max(0, ...p.nodeIds, p.scaleUpRange.to));
    if (longest.length > 63) {
      flag(RULES.podNameLength, 'name', longest).says(
        `pod name ${longest} is ${longest.length} characters, over the 63 of a host name. Fix: shorten the ` +
          'cluster or pool name',
      );
    }
    const volumes = volumeCount(p.pool.storage);
    if (volumes > 1 && !supportsKraftJbod(spec.metadataVersion)) {
      flag(RULES.metadataVersionJbod, 'storage.volumes', volumes).says(
        'KRaft JBOD with several volumes needs metadata version 3.7-IV2 or newer; the cluster has ' +
          `${spec.metadataVersion}. Fix: use one volume, or Kafka 3.7+ with metadataVersion 3.7-IV2 or newer`,
      );
    }
  }
}

/** The Services the operator creates (for nodeport listeners, the cluster, internal listeners) fit 63 characters. */
function checkServiceNames(
  spec: ClusterSpec,
  pools: PoolModel[],
  nodePortListeners: NodePortListenerModel[],
  add: (owner: Owner, f: Finding) => void,
): void {
  const tooLong = (name: string) =>
    `the operator would create Service ${name}, ${name.length} characters (63 at most). Fix: shorten the ` +
    'cluster, pool or listener name';
  for (const { listener, bootstrapServiceName: bootstrap, brokers } of nodePortListeners) {
    const flag = collector((f) => add({ kind: 'listener', name: listener.name }, f));
    for (const name of [bootstrap, ...brokers.map((b) => b.serviceName)].filter((s) => s.length > 63)) {
      flag(RULES.serviceNameLength, 'name', name).says(tooLong(name));
    }
  }
  // The Services the operator creates for the cluster and its internal listeners (cluster-ip: per broker too)
  const internalServices = [
    internalBootstrapServiceName(spec.clusterName),
    headlessServiceName(spec.clusterName),
    ...spec.listeners
      .filter((l) => l.type !== 'internal' && l.type !== 'nodeport')
      .flatMap((l) => [
        bootstrapServiceName(spec.clusterName, l),
        ...pools.flatMap((p) => p.nodeIds.map((id) => brokerServiceName(spec.clusterName, p.pool.name, id, l))),
      ]),
  ];
  const flag = collector((f) => add(CLUSTER, f));
  for (const name of internalServices.filter((s) => s.length > 63)) {
    flag(RULES.serviceNameLength, 'clusterName', name).says(tooLong(name));
  }
}

function nodePortModel(
  clusterName: string,
  l: NodePortListenerSpec,
  brokerIds: number[],
  poolOf: ReadonlyMap<number, string>,
  add: (f: Finding) => void,
): NodePortListenerModel {
  const flag = collector(add);
  for (const id of l.overrides.keys()) {
    if (!brokerIds.includes(id)) {
      flag(RULES.brokerOverrideIsBroker, `brokers[${id}]`, id).says(
        `no broker has this node ID (brokers: ${brokerIds.join(', ') || 'none'}); the operator would ignore ` +
          'the override. Fix: key overrides by a broker node ID, or remove the entry',
      );
    }
  }
  return {
    type: 'nodeport',
    listener: l,
    bootstrapServiceName: bootstrapServiceName(clusterName, l),
    bootstrapHost: l.advertisedHost.includes('{nodeId}')
      ? endpointFor(l, brokerIds[0] ?? 0).advertisedHost
      : l.advertisedHost,
    brokers: brokerIds.map((id) => ({
      ...endpointFor(l, id),
      pool: poolOf.get(id)!,
      serviceName: brokerServiceName(clusterName, poolOf.get(id)!, id, l),
      podName: podName(clusterName, poolOf.get(id)!, id),
    })),
  };
}

/** The NodePorts and advertised addresses taken so far, each with what took it. */
interface Taken {
  readonly nodePorts: Map<number, string>;
  readonly addresses: Map<string, string>;
}

function checkExternalAddresses(
  listeners: readonly NodePortListenerModel[],
  add: (owner: Owner, f: Finding) => void,
): void {
  const taken: Taken = { nodePorts: new Map(), addresses: new Map() };
  for (const l of listeners) {
    // ports derived from a bootstrap NodePort that is itself wrong are not ports: that one finding says it all
    if (l.listener.nodePortBaseFollowsBadBootstrap) continue;
    const flag = collector((f) => add({ kind: 'listener', name: l.listener.name }, f));
    checkBootstrapAddress(l, taken, flag);
    for (const b of l.brokers) checkBrokerAddress(l.listener, b, taken, flag);
  }
}

/** The listener's bootstrap NodePort is free; its bootstrap address is taken. */
function checkBootstrapAddress(
  { listener, bootstrapHost }: NodePortListenerModel,
  taken: Taken,
  flag: ReturnType<typeof collector>,
): void {
  const bootstrapOwner = taken.nodePorts.get(listener.bootstrapNodePort);
  if (bootstrapOwner !== undefined) {
    flag(RULES.nodePortsUnique, 'bootstrapNodePort', listener.bootstrapNodePort).says(
      `already taken by ${bootstrapOwner}. Fix: give every listener its own bootstrap NodePort`,
    );
  } else {
    taken.nodePorts.set(listener.bootstrapNodePort, `listener '${listener.name}' bootstrap`);
  }
  // the bootstrap address is taken too: a broker advertising it would receive every client's bootstrap
  taken.addresses.set(`${bootstrapHost}:${listener.bootstrapPort}`, `listener '${listener.name}' bootstrap`);
}

/** A broker's advertised port is a port, its NodePort is in range and free, its address is its own. */
function checkBrokerAddress(
  listener: NodePortListenerSpec,
  b: NodePortListenerModel['brokers'][number],
  taken: Taken,
  flag: ReturnType<typeof collector>,
): void {
  // an advertised port derived from the base must be a port too (an override is checked where it is
  // given; a base that is no port at all is reported as the base, once)
  const portOverridden = listener.overrides.get(b.nodeId)?.advertisedPort !== undefined;
  const base = listener.advertisedPortBase ?? listener.nodePortBase;
  const baseReported =
    listener.advertisedPortBase !== undefined ? !isIntIn(base, 1, 65535) : !nodePortBaseInRange(listener);
  const isPort = Number.isInteger(b.advertisedPort) && b.advertisedPort >= 1 && b.advertisedPort <= 65535;
  if (!portOverridden && !baseReported && !isPort) {
    flag(
      RULES.advertisedPort,
      listener.advertisedPortBase !== undefined ? 'advertisedPortBase' : 'nodePortBase',
      listener.advertisedPortBase ?? listener.nodePortBase,
    ).says(
      `the advertised port of broker ${b.nodeId} (base + node ID = ${b.advertisedPort}) is outside 1-65535. ` +
        'Fix: lower the base or give the broker an advertisedPort',
    );
  }
  const overridden = listener.overrides.get(b.nodeId)?.nodePort !== undefined;
  claimNodePort(
    listener,
    { port: b.nodePort, field: overridden ? `brokers[${b.nodeId}].nodePort` : 'nodePortBase' },
    { what: `listener '${listener.name}' broker ${b.nodeId}`, derived: !overridden },
    taken,
    flag,
  );
  const address = `${b.advertisedHost}:${b.advertisedPort}`;
  const other = taken.addresses.get(address);
  if (other !== undefined) {
    flag(RULES.advertisedAddressUnique, `brokers[${b.nodeId}]`, address).says(
      `broker ${b.nodeId} advertises the address of ${other}; clients would reach the wrong broker. ` +
        'Fix: give every broker its own advertised host or port',
    );
  } else {
    taken.addresses.set(address, `listener '${listener.name}' broker ${b.nodeId}`);
  }
}

/** A broker's NodePort: in range when derived from the base (an override is checked where given), and free. */
function claimNodePort(
  listener: NodePortListenerSpec,
  { port, field }: { port: number; field: string },
  { what, derived }: { what: string; derived: boolean },
  taken: Taken,
  flag: ReturnType<typeof collector>,
): void {
  const outside = port < NODE_PORT_MIN || port > NODE_PORT_MAX;
  // derived from a base that is reported (node-port-base, or the bootstrap NodePort it follows): not again per broker
  if (derived && outside && nodePortBaseInRange(listener)) {
    flag(RULES.brokerNodePort, field, port).says(
      `the NodePort of ${what} (nodePortBase + node ID) is outside ${NODE_PORT_MIN}-${NODE_PORT_MAX}. Fix: ` +
        `${port < NODE_PORT_MIN ? 'raise' : 'lower'} nodePortBase or give the broker a nodePort in range`,
    );
  }
  const other = taken.nodePorts.get(port);
  if (other !== undefined) {
    flag(RULES.nodePortsUnique, field, port).says(
      `the NodePort of ${what} is already taken by ${other}. Fix: give every bootstrap and broker its own ` +
        'NodePort (change nodePortBase or the override)',
    );
  } else {
    taken.nodePorts.set(port, what);
  }
}

const isIntIn = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;

/** The listener's nodePortBase is a NodePort (else it, or the bootstrap NodePort it follows, is reported). */
const nodePortBaseInRange = (l: NodePortListenerSpec) =>
  !l.nodePortBaseFollowsBadBootstrap && isIntIn(l.nodePortBase, NODE_PORT_MIN, NODE_PORT_MAX);

function replicationOf(options: ReplicationOptions | undefined, brokers: number, add: (f: Finding) => void) {
  const flag = collector(add);
  const factor = options?.factor ?? Math.max(1, Math.min(3, brokers));
  const minInSyncReplicas = options?.minInSyncReplicas ?? Math.max(1, factor - 1);
  if (!Number.isInteger(factor) || factor < 1) {
    flag(RULES.replicationFactor, 'replication.factor', factor).says(
      'not a positive integer. Fix: use 3 for production',
    );
  } else if (brokers > 0 && factor > brokers) {
    flag(RULES.replicationFactor, 'replication.factor', factor).says(
      `exceeds the ${brokers} broker(s); topic creation would fail. Fix: add brokers or set ` +
        `replication.factor to at most ${brokers}`,
    );
  } else if (factor < 3 && brokers >= 3) {
    flag(RULES.replicationFactorLow, 'replication.factor', factor).says(
      `with ${brokers} brokers, a replication factor below 3 loses data more easily than it needs to. Fix: ` +
        'use replication.factor 3',
    );
  }
  // compared with a factor that is no count (reported above), a valid min.insync.replicas is not blamed
  const factorCounts = Number.isInteger(factor) && factor >= 1;
  const minInSyncCounts = Number.isInteger(minInSyncReplicas) && minInSyncReplicas >= 1;
  if (!minInSyncCounts || (factorCounts && minInSyncReplicas > factor)) {
    flag(RULES.minInSyncReplicas, 'replication.minInSyncReplicas', minInSyncReplicas).says(
      `not from 1 to the replication factor ${factor}. Fix: use replication factor - 1`,
    );
  } else if (minInSyncReplicas === factor && factor > 1) {
    flag(RULES.minInSyncEqualsFactor, 'replication.minInSyncReplicas', minInSyncReplicas).says(
      'equal to the replication factor: acks=all producers fail while any replica is down. Fix: use ' +
        'replication factor - 1',
    );
  }
  return { factor, minInSyncReplicas };
}
