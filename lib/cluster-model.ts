import { IConstruct } from 'constructs';
import { BrokerEndpoint, ExternalNodePortListener } from './external-node-port-listener';
import { InternalListenerOptions } from './listener';
import { NodeIdRange, allocateNodeIds } from './node-ids';
import { NodePool } from './node-pool';
import { sortedRecord } from './pod-options';
import { NODE_PORT_MAX, NODE_PORT_MIN, Problem } from './problem';
import { RULES } from './rules';
import { bootstrapServiceName, brokerServiceName } from './strimzi-names';

/** Replication settings of the cluster's topics. */
export interface ReplicationOptions {
  /**
   * Replication factor of new topics and of the offsets and transaction-state topics.
   * @default - 3, or the broker count when there are fewer brokers
   */
  readonly factor?: number;
  /**
   * `min.insync.replicas` and `transaction.state.log.min.isr`.
   * @default - factor - 1 (at least 1)
   */
  readonly minInSyncReplicas?: number;
}

/** The config keys the replication settings own. */
export const REPLICATION_CONFIG_KEYS = [
  'default.replication.factor',
  'min.insync.replicas',
  'offsets.topic.replication.factor',
  'transaction.state.log.min.isr',
  'transaction.state.log.replication.factor',
] as const;

/** One pool's facts. */
export interface PoolModel {
  readonly pool: NodePool;
  /** Node IDs of the pool's nodes, ascending. */
  readonly nodeIds: number[];
  readonly scaleUpRange: NodeIdRange;
  /** Value of `strimzi.io/next-node-ids`. */
  readonly nextNodeIds: string;
}

/** Where one broker is reached from outside, and the Service the operator creates for it. */
export interface ExternalBroker extends BrokerEndpoint {
  /** The node pool the broker belongs to. */
  readonly pool: string;
  /** The per-broker Service of the listener. */
  readonly serviceName: string;
}

/** One external nodeport listener's facts. */
export interface NodePortListenerModel {
  readonly listener: ExternalNodePortListener;
  /** The listener's bootstrap Service. */
  readonly bootstrapServiceName: string;
  /** One endpoint per broker node ID, ascending, and no other. */
  readonly brokers: ExternalBroker[];
}

/** Everything computed once about a cluster, before any renderer runs. */
export interface ClusterModel {
  /** Pools in alphabetical order. */
  readonly pools: PoolModel[];
  /** Node IDs with the broker role, ascending. */
  readonly brokerIds: number[];
  /** Node IDs with the controller role, ascending. */
  readonly controllerIds: number[];
  /** Internal listeners, by port. */
  readonly internalListeners: InternalListenerOptions[];
  /** External nodeport listeners, by port. */
  readonly nodePortListeners: NodePortListenerModel[];
  readonly replication: { readonly factor: number; readonly minInSyncReplicas: number };
  /** The Kafka `config`: the user's keys plus the replication settings, sorted by key. */
  readonly config: Record<string, string | number | boolean>;
  /** What is wrong with the input, for cdk8s validation. */
  readonly problems: Problem[];
}

/** What the model is computed from. */
export interface ClusterModelInput {
  /** The cluster construct (problems of the cluster as a whole are tied to it). */
  readonly scope: IConstruct;
  /** Name of the Kafka resource. */
  readonly clusterName: string;
  readonly pools: readonly NodePool[];
  readonly internalListeners: readonly InternalListenerOptions[];
  readonly nodePortListeners: readonly ExternalNodePortListener[];
  readonly replication?: ReplicationOptions;
  /** Kafka broker config; must not hold REPLICATION_CONFIG_KEYS. */
  readonly config?: Record<string, string | number | boolean>;
}

const byNumber = (a: number, b: number) => a - b;

/** Computes node IDs, broker endpoints and replication settings once, and every cross-object problem. */
export function computeClusterModel(input: ClusterModelInput): ClusterModel {
  const problems: Problem[] = [];
  const cluster = input.scope;
  const poolsByName = new Map(input.pools.map((p) => [p.name, p]));

  const validRange = (r: NodeIdRange | undefined) => (r && Number.isInteger(r.from) && Number.isInteger(r.to) && r.from >= 0 && r.to >= r.from ? r : undefined);
  const allocation = allocateNodeIds(input.pools.map((p) => ({
    name: p.name, replicas: Number.isInteger(p.replicas) && p.replicas >= 0 ? p.replicas : 0, declaredIds: p.declaredNodeIds, scaleUpRange: validRange(p.scaleUpNodeIds),
  })));
  const conflictRule = { 'declared-twice': RULES.nodeIdsUnique, 'in-other-range': RULES.nodeIdsOutsideRanges, 'ranges-overlap': RULES.scaleUpRangesDisjoint, 'capacity': RULES.scaleUpRangeCapacity };
  for (const c of allocation.conflicts) {
    problems.push({ scope: poolsByName.get(c.pool)!, rule: conflictRule[c.kind], field: c.field, value: c.value, message: c.message, fix: c.fix });
  }
  const pools: PoolModel[] = allocation.pools.map((ids) => ({ pool: poolsByName.get(ids.name)!, ...ids }));
  const idsWith = (role: 'broker' | 'controller') =>
    pools.filter((p) => p.pool.roles.includes(role)).flatMap((p) => p.nodeIds).sort(byNumber);
  const brokerIds = idsWith('broker');
  const poolOf = new Map(pools.flatMap((p) => p.nodeIds.map((id) => [id, p.pool.name] as const)));
  const controllerIds = idsWith('controller');

  if (brokerIds.length === 0) {
    problems.push({ scope: cluster, rule: RULES.clusterHasBroker, field: 'nodePools', value: brokerIds, message: 'the cluster has no broker node', fix: "add a node pool with role 'broker' and replicas >= 1" });
  }
  if (controllerIds.length === 0) {
    problems.push({ scope: cluster, rule: RULES.clusterHasController, field: 'nodePools', value: controllerIds, message: 'the cluster has no controller node', fix: "add a node pool with role 'controller' and replicas >= 1 (3 for production)" });
  } else if (controllerIds.length === 1) {
    problems.push({ scope: cluster, rule: RULES.controllerQuorumSingle, field: 'nodePools', value: controllerIds, message: 'one controller: the cluster stops when it does', fix: 'run 3 controllers (5 for large clusters)' });
  } else if (controllerIds.length % 2 === 0) {
    problems.push({ scope: cluster, rule: RULES.controllerQuorumEven, field: 'nodePools', value: controllerIds, message: `${controllerIds.length} controllers tolerate ${controllerIds.length / 2 - 1} failure(s), as ${controllerIds.length - 1} would`, fix: `run ${controllerIds.length - 1} or ${controllerIds.length + 1} controllers` });
  }
  if (input.internalListeners.length + input.nodePortListeners.length === 0) {
    problems.push({ scope: cluster, rule: RULES.listenerPresent, field: 'listeners', value: [], message: 'the cluster has no listener', fix: "add one, e.g. { name: 'plain', port: 9092 }" });
  }
  for (const p of pools) {
    const longest = `${input.clusterName}-${p.pool.name}-${Math.max(0, ...p.nodeIds, p.scaleUpRange.to)}`;
    if (longest.length > 63) {
      problems.push({ scope: p.pool, rule: RULES.podNameLength, field: 'name', value: longest, message: `pod name ${longest} is ${longest.length} characters, over the 63 of a host name`,
        fix: 'shorten the cluster or pool name' });
    }
  }

  const nodePortListeners = [...input.nodePortListeners].sort((a, b) => a.port - b.port).map((listener) => {
    for (const id of listener.overrides.keys()) {
      if (!brokerIds.includes(id)) {
        problems.push({ scope: listener, rule: RULES.brokerOverrideIsBroker, field: `brokers[${id}]`, value: id, message: `no broker has this node ID (brokers: ${brokerIds.join(', ') || 'none'}); the operator would ignore the override`,
          fix: 'key overrides by a broker node ID, or remove the entry' });
      }
    }
    return {
      listener,
      bootstrapServiceName: bootstrapServiceName(input.clusterName, listener),
      brokers: brokerIds.map((id) => ({
        ...listener.endpointFor(id),
        pool: poolOf.get(id)!,
        serviceName: brokerServiceName(input.clusterName, poolOf.get(id)!, id, listener),
      })),
    };
  });
  checkExternalAddresses(nodePortListeners, problems);
  for (const { listener, bootstrapServiceName: bootstrap, brokers } of nodePortListeners) {
    for (const name of [bootstrap, ...brokers.map((b) => b.serviceName)].filter((n) => n.length > 63)) {
      problems.push({ scope: listener, rule: RULES.serviceNameLength, field: 'name', value: name, message: `the operator would create Service ${name}, ${name.length} characters (63 at most)`,
        fix: 'shorten the cluster, pool or listener name' });
    }
  }

  const replication = replicationOf(cluster, input.replication, brokerIds.length, problems);
  return {
    pools,
    brokerIds,
    controllerIds,
    internalListeners: [...input.internalListeners].sort((a, b) => a.port - b.port),
    nodePortListeners,
    replication,
    config: sortedRecord({
      ...input.config,
      'default.replication.factor': replication.factor,
      'min.insync.replicas': replication.minInSyncReplicas,
      'offsets.topic.replication.factor': replication.factor,
      'transaction.state.log.min.isr': replication.minInSyncReplicas,
      'transaction.state.log.replication.factor': replication.factor,
    })!,
    problems,
  };
}

function checkExternalAddresses(listeners: readonly NodePortListenerModel[], problems: Problem[]): void {
  const nodePorts = new Map<number, string>();
  const addresses = new Map<string, string>();
  for (const { listener, brokers } of listeners) {
    const claim = (port: number, field: string, what: string, derived: boolean) => {
      // an override out of range is reported where it is given (broker-node-port)
      if (derived && (port < NODE_PORT_MIN || port > NODE_PORT_MAX)) {
        problems.push({ scope: listener, rule: RULES.brokerNodePort, field, value: port, message: `the NodePort of ${what} (nodePortBase + node ID) is outside ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
          fix: 'lower nodePortBase or give the broker a nodePort in range' });
      }
      const other = nodePorts.get(port);
      if (other !== undefined) {
        problems.push({ scope: listener, rule: RULES.nodePortsUnique, field, value: port, message: `the NodePort of ${what} is already taken by ${other}`,
          fix: 'give every bootstrap and broker its own NodePort (change nodePortBase or the override)' });
      } else {
        nodePorts.set(port, what);
      }
    };
    nodePorts.has(listener.bootstrapNodePort)
      ? problems.push({ scope: listener, rule: RULES.nodePortsUnique, field: 'bootstrapNodePort', value: listener.bootstrapNodePort, message: `already taken by ${nodePorts.get(listener.bootstrapNodePort)}`, fix: 'give every listener its own bootstrap NodePort' })
      : nodePorts.set(listener.bootstrapNodePort, `listener '${listener.name}' bootstrap`);
    for (const b of brokers) {
      const overridden = listener.overrides.get(b.nodeId)?.nodePort !== undefined;
      claim(b.nodePort, overridden ? `brokers[${b.nodeId}].nodePort` : 'nodePortBase', `listener '${listener.name}' broker ${b.nodeId}`, !overridden);
      const address = `${b.advertisedHost}:${b.advertisedPort}`;
      const other = addresses.get(address);
      if (other !== undefined) {
        problems.push({ scope: listener, rule: RULES.advertisedAddressUnique, field: `brokers[${b.nodeId}]`, value: address, message: `broker ${b.nodeId} advertises the address of ${other}; clients would reach the wrong broker`,
          fix: 'give every broker its own advertised host or port' });
      } else {
        addresses.set(address, `listener '${listener.name}' broker ${b.nodeId}`);
      }
    }
  }
}

function replicationOf(scope: IConstruct, options: ReplicationOptions | undefined, brokers: number, problems: Problem[]) {
  const factor = options?.factor ?? Math.max(1, Math.min(3, brokers));
  const minInSyncReplicas = options?.minInSyncReplicas ?? Math.max(1, factor - 1);
  if (!Number.isInteger(factor) || factor < 1) {
    problems.push({ scope, rule: RULES.replicationFactor, field: 'replication.factor', value: factor, message: 'not a positive integer', fix: 'use 3 for production' });
  } else if (brokers > 0 && factor > brokers) {
    problems.push({ scope, rule: RULES.replicationFactor, field: 'replication.factor', value: factor, message: `exceeds the ${brokers} broker(s); topic creation would fail`,
      fix: `add brokers or set replication.factor to at most ${brokers}` });
  } else if (factor < 3 && brokers >= 3) {
    problems.push({ scope, rule: RULES.replicationFactorLow, field: 'replication.factor', value: factor, message: `with ${brokers} brokers, a replication factor below 3 loses data more easily than it needs to`, fix: 'use replication.factor 3' });
  }
  if (!Number.isInteger(minInSyncReplicas) || minInSyncReplicas < 1 || minInSyncReplicas > factor) {
    problems.push({ scope, rule: RULES.minInSyncReplicas, field: 'replication.minInSyncReplicas', value: minInSyncReplicas, message: `not from 1 to the replication factor ${factor}`,
      fix: 'use replication factor - 1' });
  } else if (minInSyncReplicas === factor && factor > 1) {
    problems.push({ scope, rule: RULES.minInSyncEqualsFactor, field: 'replication.minInSyncReplicas', value: minInSyncReplicas, message: 'equal to the replication factor: acks=all producers fail while any replica is down',
      fix: 'use replication factor - 1' });
  }
  return { factor, minInSyncReplicas };
}
