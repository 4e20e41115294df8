/** A node pool as plain data, and the checks of one pool on its own. */
import { Finding, collector } from '../core/problem';
import { RULES } from '../rules';
import { isDnsLabel } from '../core/syntax';
import { NodeIdRange } from './node-ids';
import { JvmOptions, ResourceRequirements, podFindings } from './pod';
import { Storage, storageFindings } from './storage';

/** A KRaft process role. */
export type NodeRole = 'broker' | 'controller';

/** The version-neutral description of one node pool. */
export interface PoolSpec {
  /** Pool name (the KafkaNodePool's name). */
  readonly name: string;
  /** Roles, sorted and each once. */
  readonly roles: readonly NodeRole[];
  /** True when the roles given were reported wrong: the pool could have had either role. */
  readonly rolesWrong?: boolean;
  readonly replicas: number;
  readonly storage: Storage;
  /** Valid declared node IDs, each once (invalid ones are reported by `poolFindings`). */
  readonly declaredNodeIds?: readonly number[];
  readonly scaleUpNodeIds?: NodeIdRange;
  readonly resources?: ResourceRequirements;
  readonly jvmOptions?: JvmOptions;
  /** Pod, container and PVC template, passed through. */
  readonly template?: object;
}

/** What a pool is built from (the options of `KraftCluster.addNodePool`). */
export interface PoolInput {
  readonly roles: readonly NodeRole[];
  readonly replicas: number;
  readonly storage: Storage;
  readonly nodeIds?: readonly number[];
  readonly scaleUpNodeIds?: NodeIdRange;
  readonly resources?: ResourceRequirements;
  readonly jvmOptions?: JvmOptions;
  readonly template?: object;
}

const ROLES: readonly NodeRole[] = ['broker', 'controller'];

/** The spec of a pool. */
export function poolSpec(name: string, input: PoolInput): PoolSpec {
  const ids = input.nodeIds;
  return {
    name,
    roles: [...new Set(input.roles)].sort(),
    // invalid values are reported by poolFindings; the model sees a bounded, valid stand-in
    replicas: isValidReplicas(input.replicas) ? input.replicas : 0,
    storage: input.storage,
    declaredNodeIds: ids ? [...new Set(ids.filter(isNodeId))] : undefined,
    scaleUpNodeIds: isValidRange(input.scaleUpNodeIds) ? input.scaleUpNodeIds : undefined,
    resources: input.resources,
    jvmOptions: input.jvmOptions,
    template: input.template,
  };
}

/** The highest Kafka node ID (node.id is a 32-bit int). */
export const MAX_NODE_ID = 2 ** 31 - 1;

/** True for a usable node ID. */
export function isNodeId(id: unknown): id is number {
  return Number.isInteger(id) && (id as number) >= 0 && (id as number) <= MAX_NODE_ID;
}

/** True for a replica count from 0 to 1000. */
export function isValidReplicas(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 1000;
}

/** True when a scale-up range is usable: node IDs with from <= to. */
export function isValidRange(r: NodeIdRange | undefined): r is NodeIdRange {
  return r !== undefined && isNodeId(r.from) && isNodeId(r.to) && r.to >= r.from;
}

/** Checks a pool on its own (name, roles, replicas, storage, resources, node IDs). */
export function poolFindings(name: string, input: PoolInput): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  if (!isDnsLabel(name)) {
    flag(RULES.poolName, 'name', name).says(
      "not a lower-case DNS label of at most 63 characters. Fix: use lower-case letters, digits and '-', " +
        "e.g. 'broker'",
    );
  }
  const roles = [...new Set(input.roles)].sort();
  if (roles.length === 0) {
    flag(RULES.poolRolesPresent, 'roles', input.roles).says(
      "the pool has no role. Fix: give it ['broker'], ['controller'] or both",
    );
  }
  for (const r of roles.filter((x) => !ROLES.includes(x))) {
    flag(RULES.poolRolesValid, 'roles', r).says("not a KRaft role. Fix: use 'broker' and/or 'controller'");
  }
  if (!isValidReplicas(input.replicas)) {
    flag(RULES.poolReplicas, 'replicas', input.replicas).says(
      'not an integer from 0 to 1000. Fix: give the number of nodes, 0 or more',
    );
  } else if (input.replicas === 0) {
    flag(RULES.poolEmpty, 'replicas', 0).says(
      'the pool runs no node. Fix: remove the pool once its nodes are drained, or give it replicas',
    );
  }
  out.push(...storageFindings(input.storage), ...podFindings(input.resources, input.jvmOptions));
  const ids = input.nodeIds;
  if (ids !== undefined) {
    const fix = 'list each node ID of the pool once, as non-negative integers';
    ids.forEach((id, i) => {
      if (!isNodeId(id))
        flag(RULES.nodeIdsValid, `nodeIds[${i}]`, id).says(`not an integer from 0 to ${MAX_NODE_ID}. Fix: ${fix}`);
      else if (ids.indexOf(id) !== i) flag(RULES.nodeIdsValid, `nodeIds[${i}]`, id).says(`listed twice. Fix: ${fix}`);
    });
  }
  const range = input.scaleUpNodeIds;
  if (range !== undefined && !isValidRange(range)) {
    flag(RULES.scaleUpRangeValid, 'scaleUpNodeIds', range).says(
      `not a range of integers with 0 <= from <= to <= ${MAX_NODE_ID}. Fix: give { from, to } with 0 <= ` +
        `from <= to <= ${MAX_NODE_ID}`,
    );
  }
  return out;
}
