/** A node pool as plain data, and the checks of one pool on its own. */
import { Finding, finding } from '../core/problem';
import { RULES } from '../core/rules';
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
    replicas: input.replicas,
    storage: input.storage,
    declaredNodeIds: ids ? [...new Set(ids.filter((id) => Number.isInteger(id) && id >= 0))] : undefined,
    scaleUpNodeIds: input.scaleUpNodeIds,
    resources: input.resources,
    jvmOptions: input.jvmOptions,
    template: input.template,
  };
}

/** True when a scale-up range is usable: non-negative integers with from <= to. */
export function isValidRange(r: NodeIdRange | undefined): r is NodeIdRange {
  return r !== undefined && Number.isInteger(r.from) && Number.isInteger(r.to) && r.from >= 0 && r.to >= r.from;
}

/** Checks a pool on its own (name, roles, replicas, storage, resources, node IDs). */
export function poolFindings(name: string, input: PoolInput): Finding[] {
  const out: Finding[] = [];
  if (!isDnsLabel(name)) {
    out.push(finding(RULES.poolName, 'name', name, 'not a lower-case DNS label of at most 63 characters',
      "use lower-case letters, digits and '-', e.g. 'broker'"));
  }
  const roles = [...new Set(input.roles)].sort();
  if (roles.length === 0) {
    out.push(finding(RULES.poolRolesPresent, 'roles', input.roles, 'the pool has no role', "give it ['broker'], ['controller'] or both"));
  }
  for (const r of roles.filter((x) => !ROLES.includes(x))) {
    out.push(finding(RULES.poolRolesValid, 'roles', r, 'not a KRaft role', "use 'broker' and/or 'controller'"));
  }
  if (!(Number.isInteger(input.replicas) && input.replicas >= 0 && input.replicas <= 1000)) {
    out.push(finding(RULES.poolReplicas, 'replicas', input.replicas, 'not an integer from 0 to 1000', 'give the number of nodes, 0 or more'));
  } else if (input.replicas === 0) {
    out.push(finding(RULES.poolEmpty, 'replicas', 0, 'the pool runs no node', 'remove the pool once its nodes are drained, or give it replicas'));
  }
  out.push(...storageFindings(input.storage), ...podFindings(input.resources, input.jvmOptions));
  const ids = input.nodeIds;
  if (ids !== undefined) {
    const fix = 'list each node ID of the pool once, as non-negative integers';
    ids.forEach((id, i) => {
      if (!Number.isInteger(id) || id < 0) out.push(finding(RULES.nodeIdsValid, `nodeIds[${i}]`, id, 'not a non-negative integer', fix));
      else if (ids.indexOf(id) !== i) out.push(finding(RULES.nodeIdsValid, `nodeIds[${i}]`, id, 'listed twice', fix));
    });
  }
  const range = input.scaleUpNodeIds;
  if (range !== undefined && !isValidRange(range)) {
    out.push(finding(RULES.scaleUpRangeValid, 'scaleUpNodeIds', range, 'not a range of non-negative integers with from <= to',
      'give { from, to } with 0 <= from <= to'));
  }
  return out;
}
