/**
 * The findings the KraftCluster construct places, as pure functions of plain data: names of pools
 * and listeners added to it, fields its API version lacks (the paths come from the renderer), and
 * names that must be unique per namespace across the app's clusters.
 */
import { Finding, finding } from '../core/problem';
import { StrimziApiVersion } from '../core/release';
import { RULES } from '../rules';
import { Rule } from '../core/rules';
import { AUTHENTICATION_TYPES } from '../model/listeners';

/** A pool name given to `addNodePool`: a non-empty string, not taken by another child. */
export function poolNameFindings(name: unknown, taken: boolean): Finding[] {
  if (typeof name !== 'string' || name.length === 0 || name.length > 253) {
    const fix = "name the pool, e.g. addNodePool('broker', { ... })";
    return [finding(RULES.poolName, 'nodePools', name, 'a pool name is a non-empty string', fix)];
  }
  if (!taken) return [];
  const why = 'a node pool or other child has this name already';
  return [finding(RULES.poolName, `nodePools['${name}']`, name, why, 'give every node pool its own name')];
}

/** A second external listener (nodeport, or of the `externalListeners` types) of one name. */
export function listenerNameTakenFinding(
  name: string,
  field: 'nodePortListeners' | 'externalListeners' = 'nodePortListeners',
): Finding {
  const why = 'another external listener of the cluster has this name';
  return finding(RULES.listenerNameUnique, field, name, why, 'give every listener its own name');
}

/** The API a cluster renders into, as its findings name it. */
export interface ApiTarget {
  readonly apiVersion: StrimziApiVersion;
  readonly release: string;
}

/** Fields of a pool `template` that the API version lacks (the generated classes would drop them). */
export function templateFieldFindings(api: ApiTarget, paths: readonly string[]): Finding[] {
  return unknownFieldFindings(api, 'template', paths, RULES.templateFieldsKnown);
}

/** Fields of a listener's authentication `options` that the API version lacks. */
export function authenticationOptionFindings(api: ApiTarget, prefix: string, paths: readonly string[]): Finding[] {
  return unknownFieldFindings(api, `${prefix}authentication.options`, paths, RULES.authenticationOptionsKnown);
}

function unknownFieldFindings(api: ApiTarget, field: string, paths: readonly string[], rule: Rule): Finding[] {
  const why = `kafka.strimzi.io/${api.apiVersion} has no such field (Strimzi ${api.release})`;
  const fix = 'remove it, or target a Strimzi release whose API has it';
  return paths.map((p) => finding(rule, `${field}.${p}`, undefined, why, fix));
}

/** A listener authentication type the library knows but the API version has no value for. */
export function authenticationTypeFindings(
  api: ApiTarget,
  prefix: string,
  type: string,
  served: readonly string[],
): Finding[] {
  if (!AUTHENTICATION_TYPES.includes(type) || served.includes(type)) return [];
  const why = `kafka.strimzi.io/${api.apiVersion} has no such authentication type`;
  return [
    finding(RULES.authenticationType, `${prefix}authentication.type`, type, why, `use one of ${served.join(', ')}`),
  ];
}

/** A cluster of the app, as the per-namespace name check sees it. */
export interface NamedCluster {
  readonly path: string;
  readonly clusterName: string;
  readonly namespace?: string;
  readonly pools: readonly { readonly name: string; readonly path: string }[];
}

/** A finding about the cluster (`pool` undefined) or one of its pools, by index. */
export interface PlacedFinding {
  readonly cluster: number;
  readonly pool?: number;
  readonly finding: Finding;
}

/**
 * A Kafka and its KafkaNodePools are named objects of a namespace: two clusters of one name, or
 * pools of one name (of different clusters), in one namespace would overwrite each other at apply.
 */
export function namesPerNamespaceFindings(clusters: readonly NamedCluster[]): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  const kafkas = new Map<string, NamedCluster>();
  const pools = new Map<string, { cluster: number; path: string }>();
  clusters.forEach((c, i) => {
    const ns = c.namespace ?? '(default)';
    const other = kafkas.get(`${ns}/${c.clusterName}`);
    if (other) {
      const why = `cluster ${other.path} is a Kafka of this name in namespace ${ns} too`;
      const fix = 'give every cluster of a namespace its own clusterName, or put the charts in different namespaces';
      out.push({ cluster: i, finding: finding(RULES.kafkaNameUnique, 'clusterName', c.clusterName, why, fix) });
    } else kafkas.set(`${ns}/${c.clusterName}`, c);
    c.pools.forEach((p, j) => {
      const owner = pools.get(`${ns}/${p.name}`);
      if (!owner) pools.set(`${ns}/${p.name}`, { cluster: i, path: p.path });
      if (!owner || owner.cluster === i) return;
      const why = `pool ${owner.path} is a KafkaNodePool of this name in namespace ${ns} too`;
      const fix = "prefix pool names with the cluster's name, e.g. 'orders-broker', or use different namespaces";
      out.push({ cluster: i, pool: j, finding: finding(RULES.poolNameUniqueInNamespace, 'name', p.name, why, fix) });
    });
  });
  return out;
}
