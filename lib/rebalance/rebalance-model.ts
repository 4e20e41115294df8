/**
 * The findings of a KafkaRebalance and of the rebalancing wiring across an app: pure functions of
 * plain data (the rebalance's checked props and the facts its cluster gives). Brokers are named by
 * pool or node ID and resolved here against the cluster's model, never typed by hand.
 */
import { Finding, collector } from '../core/problem';
import { compareVersions } from '../core/release';
import { isDnsSubdomain } from '../core/syntax';
import { RULES } from '../rules';
import { ClusterFacts } from '../model/cluster-facts';
import { goalFindings, goalName } from '../model/cruise-control';

/** A rebalance mode of Strimzi's `KafkaRebalance`. */
export type RebalanceMode = 'full' | 'add-brokers' | 'remove-brokers' | 'remove-disks';

/** Brokers of the rebalance's cluster, by pool name or node ID, as plain data. */
export interface BrokerSelection {
  readonly pool?: string;
  readonly nodeIds?: readonly number[];
}

/** The cluster of a rebalance, as far as its facts go. */
export interface RebalanceCluster {
  readonly clusterName: string;
  readonly namespace?: string;
  readonly release: string;
  readonly facts: ClusterFacts;
}

/** A rebalance's checked props and place. */
export interface RebalanceInput {
  readonly name: string;
  readonly namespace?: string;
  readonly mode: RebalanceMode;
  readonly template: boolean;
  readonly brokers?: BrokerSelection;
  readonly volumes?: BrokerSelection & { readonly volumeIds?: readonly number[] };
  readonly goals?: readonly string[];
  readonly skipHardGoalCheck?: boolean;
  /** Undefined when none (or garbage) was given: that is reported as prop-type. */
  readonly cluster?: RebalanceCluster;
}

/** The broker IDs a rebalance names, resolved against the cluster, and what could not be resolved. */
export interface ResolvedBrokers {
  /** Broker node IDs, ascending (undefined when the rebalance names none). */
  readonly ids?: number[];
  readonly findings: Finding[];
}

const byNumber = (a: number, b: number) => a - b;

/**
 * The broker IDs of a selection. A pool gives its brokers; for `remove-brokers`, the brokers it is
 * scaling away when it is (else all of them: the pool is being drained); for `add-brokers`, the
 * brokers it is scaling up to when it is (else all of them: a new pool). Node IDs must be brokers of
 * the cluster (for `remove-brokers`, or brokers a pool is scaling away). Without broker facts (a
 * cluster managed elsewhere that did not declare them) node IDs are taken as given.
 */
export function resolveBrokers(
  field: string,
  sel: BrokerSelection | undefined,
  mode: RebalanceMode,
  facts: ClusterFacts | undefined,
): ResolvedBrokers {
  if (sel === undefined) return { findings: [] };
  const findings: Finding[] = [];
  const flag = collector(findings);
  const pools = facts?.brokerPools;
  const ids = new Set<number>();
  if (sel.pool !== undefined && pools !== undefined) {
    const pool = pools.find((p) => p.name === sel.pool);
    if (!pool) {
      flag(RULES.rebalanceBrokers, `${field}.pool`, sel.pool).says(
        `not a broker pool of the cluster (broker pools: ${pools.map((p) => p.name).join(', ') || 'none'}). Fix: ` +
          'name a broker pool of the cluster',
      );
    } else {
      const moving =
        mode === 'remove-brokers' ? pool.leavingNodeIds : mode === 'add-brokers' ? pool.arrivingNodeIds : [];
      (moving.length > 0 ? moving : pool.nodeIds).forEach((id) => ids.add(id));
    }
  }
  const current = pools?.flatMap((p) => p.nodeIds) ?? facts?.brokerNodeIds;
  const leavingIds = mode === 'remove-brokers' ? (pools?.flatMap((p) => p.leavingNodeIds) ?? []) : [];
  (sel.nodeIds ?? []).forEach((id, i) => {
    if (current !== undefined && !current.includes(id) && !leavingIds.includes(id)) {
      const leaving = leavingIds.length > 0 ? `; leaving: ${[...leavingIds].sort(byNumber).join(', ')}` : '';
      flag(RULES.rebalanceBrokers, `${field}.nodeIds[${i}]`, id).says(
        `no broker of the cluster has this node ID (brokers: ${[...current].sort(byNumber).join(', ') || 'none'}` +
          `${leaving}). Fix: name a broker of the cluster, or its pool`,
      );
    } else ids.add(id);
  });
  if (sel.pool === undefined && sel.nodeIds === undefined) {
    flag(RULES.rebalanceBrokers, `${field}.pool`, undefined).says('no brokers named. Fix: give pool or nodeIds');
  } else if (ids.size === 0 && findings.length === 0) {
    flag(RULES.rebalanceBrokers, field, sel).says(
      'names no broker (the pool runs none, or no node ID is given). Fix: name a pool with brokers, or their node IDs',
    );
  }
  return { ids: [...ids].sort(byNumber), findings };
}

/** Every finding about one rebalance, and its broker IDs. */
export function rebalanceFindings(r: RebalanceInput): {
  findings: Finding[];
  brokers?: number[];
  volumeBrokers?: number[];
} {
  const out: Finding[] = [];
  const flag = collector(out);
  const c = r.cluster;
  if (!isDnsSubdomain(r.name)) {
    flag(RULES.rebalanceName, 'name', r.name).says(
      "not a lower-case DNS subdomain. Fix: use lower-case letters, digits, '-' and '.', e.g. 'add-broker-b'",
    );
  }
  if (c && (c.facts.cruiseControl?.enabled === false || (c.namespace !== undefined && r.namespace !== c.namespace))) {
    const off = c.facts.cruiseControl?.enabled === false;
    flag(RULES.rebalanceCruiseControl, off ? 'cluster' : 'namespace', off ? c.clusterName : r.namespace).says(
      off
        ? `cluster ${c.clusterName} runs no Cruise Control; the rebalance never gets a proposal. Fix: set ` +
            'cruiseControl on the cluster'
        : `the cluster's Cruise Control is in namespace ${c.namespace}; it never sees this rebalance. Fix: put the ` +
            'rebalance in a chart of that namespace',
    );
  }
  if (c && r.mode === 'remove-disks' && compareVersions(c.release, '0.45.0') < 0) {
    flag(RULES.rebalanceModeServed, 'mode', r.mode).says(
      `Strimzi ${c.release} has no remove-disks rebalance (from 0.45.0). Fix: use Strimzi 0.45.0 or later`,
    );
  }
  const brokers = modeBrokerFindings(r, out);
  const volumeBrokers = r.mode === 'remove-disks' && !r.template ? volumeFindings(r, out) : undefined;
  out.push(...goalFindings('goals', r.goals), ...hardGoalFindings(r));
  return { findings: out, brokers, volumeBrokers };
}

/** Brokers where the mode takes them, and none where it does not. */
function modeBrokerFindings(r: RebalanceInput, out: Finding[]): number[] | undefined {
  const flag = collector(out);
  const takesBrokers = !r.template && (r.mode === 'add-brokers' || r.mode === 'remove-brokers');
  if (r.template && (r.mode !== 'full' || r.volumes !== undefined)) {
    const field = r.mode !== 'full' ? 'mode' : 'volumes';
    flag(RULES.rebalanceIgnoredFields, field, r.mode !== 'full' ? r.mode : r.volumes).says(
      `a template names no ${field}: the operator sets the mode and brokers when it scales; not rendered. Fix: ` +
        `remove ${field}`,
    );
  }
  if (!takesBrokers && r.brokers !== undefined) {
    flag(RULES.rebalanceIgnoredFields, 'brokers', r.brokers).says(
      r.template
        ? 'a template names no brokers: the operator sets them when it scales; not rendered. Fix: remove brokers'
        : `mode ${r.mode} takes no brokers; not rendered. Fix: remove brokers, or use add-brokers or remove-brokers`,
    );
    return undefined;
  }
  if (takesBrokers && r.brokers === undefined) {
    flag(RULES.rebalanceBrokers, 'brokers', undefined).says(
      `mode ${r.mode} needs the brokers. Fix: give brokers: { pool: '<pool>' } (or nodeIds from cluster.model)`,
    );
    return undefined;
  }
  if (!takesBrokers) return undefined;
  const resolved = resolveBrokers('brokers', r.brokers, r.mode, r.cluster?.facts);
  out.push(...resolved.findings);
  return resolved.ids;
}

/** `remove-disks`: the volumes exist on every named broker, and each keeps one; returns the brokers. */
function volumeFindings(r: RebalanceInput, out: Finding[]): number[] | undefined {
  const flag = collector(out);
  const v = r.volumes;
  if (!v || !v.volumeIds || v.volumeIds.length === 0) {
    flag(RULES.rebalanceVolumes, 'volumes', v).says(
      "remove-disks needs the brokers and volume IDs. Fix: give volumes: { pool: '<pool>', volumeIds: [1] }",
    );
    return undefined;
  }
  const resolved = resolveBrokers('volumes', v, 'remove-disks', r.cluster?.facts);
  out.push(...resolved.findings);
  const pools = r.cluster?.facts.brokerPools;
  if (!pools) return resolved.ids;
  for (const id of resolved.ids ?? []) {
    const have = pools.find((p) => p.nodeIds.includes(id))?.volumeIds ?? [];
    const missing = v.volumeIds.filter((x) => !have.includes(x));
    if (missing.length > 0) {
      flag(RULES.rebalanceVolumes, 'volumes.volumeIds', v.volumeIds).says(
        `broker ${id} has no JBOD volume ${missing.join(', ')} (it has: ${have.join(', ') || 'none'}). Fix: name ` +
          'volumes of its pool\u2019s JBOD storage',
      );
      break;
    }
    if (have.every((x) => v.volumeIds!.includes(x))) {
      flag(RULES.rebalanceVolumes, 'volumes.volumeIds', v.volumeIds).says(
        `moves replicas off every volume of broker ${id}. Fix: keep at least one volume, or remove the broker ` +
          '(remove-brokers)',
      );
      break;
    }
  }
  return resolved.ids;
}

/** Goals that leave out a hard goal of the cluster, unless the check is skipped. */
function hardGoalFindings(r: RebalanceInput): Finding[] {
  const out: Finding[] = [];
  const hard = r.cluster?.facts.cruiseControl?.hardGoals;
  if (!r.goals || r.skipHardGoalCheck || !hard) return out;
  const given = new Set(r.goals.map(goalName));
  const missing = hard.filter((g) => !given.has(g));
  if (missing.length > 0) {
    collector(out)(RULES.rebalanceHardGoals, 'goals', r.goals).says(
      `leaves out the hard goal(s) ${missing.join(', ')}; Cruise Control refuses the request. Fix: add them, or ` +
        'set skipHardGoalCheck: true',
    );
  }
  return out;
}

/** A rebalance as the app-wide checks see it. */
export interface RebalanceEntry {
  /** The construct path. */
  readonly path: string;
  readonly name: string;
  readonly namespace?: string;
  readonly clusterPath: string;
  readonly mode: RebalanceMode;
  readonly template: boolean;
  readonly brokers?: readonly number[];
}

/** A cluster as the app-wide checks see it. */
export interface RebalancedCluster {
  readonly path: string;
  readonly namespace?: string;
  readonly release: string;
  readonly facts: ClusterFacts;
}

/** Rebalances of one name in one namespace: each index after the first, with the first's index. */
export function rebalanceNameClashes(entries: readonly RebalanceEntry[]): { index: number; finding: Finding }[] {
  const first = new Map<string, number>();
  const out: { index: number; finding: Finding }[] = [];
  entries.forEach((e, i) => {
    const key = `${e.namespace ?? '(default)'}/${e.name}`;
    const j = first.get(key);
    if (j === undefined) {
      first.set(key, i);
      return;
    }
    const f: Finding[] = [];
    collector(f)(RULES.rebalanceName, 'name', e.name).says(
      `${entries[j].path} is a KafkaRebalance of this name in namespace ${e.namespace ?? '(default)'} too; one ` +
        'would overwrite the other. Fix: give each rebalance its own name',
    );
    out.push({ index: i, finding: f[0] });
  });
  return out;
}

/** The rebalances of an app, indexed once per pass: templates by namespace and name, drained brokers by cluster. */
export interface RebalanceIndex {
  /** `<namespace>/<name>` of every template. */
  readonly templates: ReadonlySet<string>;
  /** The brokers `remove-brokers` rebalances name, by cluster path. */
  readonly removing: ReadonlyMap<string, ReadonlySet<number>>;
}

const templateKey = (namespace: string | undefined, name: string) => `${namespace ?? ''}/${name}`;

/** Indexes the app's rebalances (linear in their number). */
export function rebalanceIndex(entries: readonly RebalanceEntry[]): RebalanceIndex {
  const templates = new Set<string>();
  const removing = new Map<string, Set<number>>();
  for (const r of entries) {
    if (r.template) templates.add(templateKey(r.namespace, r.name));
    else if (r.mode === 'remove-brokers') {
      const ids = removing.get(r.clusterPath) ?? new Set<number>();
      (r.brokers ?? []).forEach((id) => ids.add(id));
      removing.set(r.clusterPath, ids);
    }
  }
  return { templates, removing };
}

/** The auto-rebalance templates of a cluster exist as KafkaRebalance templates in its namespace. */
export function autoRebalanceTemplateFindings(cluster: RebalancedCluster, index: RebalanceIndex): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  for (const a of cluster.facts.cruiseControl?.autoRebalance ?? []) {
    if (a.template === undefined) continue;
    if (!index.templates.has(templateKey(cluster.namespace, a.template))) {
      const key = a.mode === 'add-brokers' ? 'addBrokers' : 'removeBrokers';
      flag(RULES.autoRebalanceTemplate, `cruiseControl.autoRebalance.${key}.template`, a.template).says(
        `no KafkaRebalance template of this name in namespace ${cluster.namespace ?? '(none)'}; the operator ` +
          `cannot ${a.mode === 'add-brokers' ? 'rebalance onto new brokers' : 'drain brokers before removing them'}. ` +
          'Fix: add new KafkaRebalance(..., { cluster, template: true }) of that name in the cluster\u2019s chart',
      );
    }
  }
  return out;
}

/** Broker pools scaling away brokers that nothing drains: no auto-rebalance on remove, no rebalance naming them. */
export function scaleDownFindings(
  cluster: RebalancedCluster,
  index: RebalanceIndex,
): { pool: string; finding: Finding }[] {
  const out: { pool: string; finding: Finding }[] = [];
  const cc = cluster.facts.cruiseControl;
  const auto = cc?.autoRebalance?.some((a) => a.mode === 'remove-brokers') ?? false;
  const removing = index.removing.get(cluster.path);
  for (const p of cluster.facts.brokerPools ?? []) {
    const undrained = p.leavingNodeIds.filter((id) => !removing?.has(id));
    if (p.leavingNodeIds.length === 0 || auto || undrained.length === 0) continue;
    const fix = cc?.enabled
      ? `set cruiseControl.autoRebalance.removeBrokers, or add new KafkaRebalance(..., { cluster, mode: ` +
        `'remove-brokers', brokers: { pool: '${p.name}' } })`
      : 'enable Cruise Control with autoRebalance.removeBrokers, or move their replicas away first ' +
        '(kafka-reassign-partitions)';
    const f: Finding[] = [];
    collector(f)(RULES.scaleDownDrain, 'replicas', p.nodeIds.length).says(
      `the scale-down removes broker(s) ${p.leavingNodeIds.join(', ')}${
        undrained.length < p.leavingNodeIds.length
          ? ` and nothing drains ${undrained.join(', ')}`
          : ' and nothing drains them'
      }; the operator refuses to remove brokers holding replicas. Fix: ${fix}`,
    );
    out.push({ pool: p.name, finding: f[0] });
  }
  return out;
}
