/**
 * Rack awareness and zones: the `kafka.rack` of a cluster, the topology spread of each pool's pods
 * across zones and hosts, and what the loss of one declared zone does to the replication settings.
 * Plain data and pure functions.
 */
import { Finding, collector } from '../core/problem';
import { StrimziRelease, compareVersions } from '../core/release';
import { RULES } from '../rules';
import { isLabel } from '../core/syntax';

/** How brokers learn their rack (`broker.rack`); Connect and MirrorMaker 2 read it for `client.rack`. */
export interface RackOptions {
  /**
   * Where the rack comes from: `topology-label` (a label of the worker node) or `environment-variable`
   * (Strimzi 1.0.0 and later).
   * @default 'topology-label'
   * @enum
   */
  readonly type?: 'topology-label' | 'environment-variable';
  /**
   * The worker node label whose value is the broker's rack (`topology-label`).
   * @default 'topology.kubernetes.io/zone'
   */
  readonly topologyKey?: string;
  /**
   * The environment variable of the Kafka container that holds the rack (`environment-variable`); set it
   * through the pools' `template.kafkaContainer.env`.
   * @default - none
   */
  readonly envVarName?: string;
  /**
   * The zones (values of the label) the brokers run in. With them the cluster's replication factor and
   * `min.insync.replicas` are checked against the loss of one zone, and each broker pool against them.
   * @default - not declared: those checks are off
   * @maxItems 20
   */
  readonly zones?: string[];
  /**
   * Spread each pool's pods evenly across zones (`DoNotSchedule`) and hosts (`ScheduleAnyway`) with
   * topology spread constraints in the pool's pod template, unless the pool's template sets its own.
   * @default true
   */
  readonly spreadPods?: boolean;
}

/** The rack of a cluster as rendered and as other kinds (Connect, MirrorMaker 2) see it. */
export interface RackModel {
  readonly type: 'topology-label' | 'environment-variable';
  readonly topologyKey?: string;
  readonly envVarName?: string;
  /** The declared zones, sorted. */
  readonly zones: readonly string[];
  readonly spreadPods: boolean;
}

/** A topology spread constraint of a pool's pods. */
export interface SpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  readonly labelSelector: { readonly matchLabels: Readonly<Record<string, string>> };
}

/** The label of the worker node's zone, Kubernetes' well-known label. */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';
/** The label of the worker node's host name. */
export const HOST_LABEL = 'kubernetes.io/hostname';

/** The rack model of the options (undefined without rack awareness). */
export function rackModel(options: RackOptions | undefined): RackModel | undefined {
  if (!options) return undefined;
  const type = options.type ?? 'topology-label';
  return {
    type,
    topologyKey: type === 'topology-label' ? (options.topologyKey ?? ZONE_LABEL) : options.topologyKey,
    envVarName: options.envVarName,
    zones: [...new Set(options.zones ?? [])].sort(),
    spreadPods: options.spreadPods ?? true,
  };
}

/** The findings of the rack options on their own and against the release. */
export function rackFindings(options: RackOptions | undefined, release: StrimziRelease): Finding[] {
  const out: Finding[] = [];
  if (!options) return out;
  const flag = collector(out);
  const type = options.type ?? 'topology-label';
  if (type === 'environment-variable' && compareVersions(release.tag, '1.0.0') < 0) {
    flag(RULES.rackTypeServed, 'rack.type', type).says(
      `Strimzi ${release.tag} knows only topology labels. Fix: use a topologyKey, or Strimzi 1.0.0 or later`,
    );
  }
  if (type === 'topology-label' && options.topologyKey !== undefined && !isLabel(options.topologyKey, '')) {
    flag(RULES.rackKey, 'rack.topologyKey', options.topologyKey).says(
      "not a node label key. Fix: use e.g. 'topology.kubernetes.io/zone'",
    );
  }
  if (type === 'topology-label' && options.envVarName !== undefined) {
    flag(RULES.rackKey, 'rack.envVarName', options.envVarName).says(
      "only read with type 'environment-variable'. Fix: remove it, or set type: 'environment-variable'",
    );
  }
  if (type === 'environment-variable' && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.envVarName ?? '')) {
    flag(RULES.rackKey, 'rack.envVarName', options.envVarName).says(
      "type 'environment-variable' needs the variable's name. Fix: give envVarName, e.g. 'KAFKA_RACK'",
    );
  }
  (options.zones ?? []).forEach((z, i) => {
    if (typeof z !== 'string' || z.length === 0 || !isLabel('zone', z)) {
      flag(RULES.rackZones, `rack.zones[${i}]`, z).says("not a label value. Fix: use the zone's label value");
    } else if (options.zones!.indexOf(z) !== i) {
      flag(RULES.rackZones, `rack.zones[${i}]`, z).says('listed twice. Fix: list each zone once');
    }
  });
  return out;
}

/** What one zone's loss does to the replication settings, and whether each broker pool covers the zones. */
export function zoneLossFindings(
  rack: RackModel | undefined,
  replication: { readonly factor: number; readonly minInSyncReplicas: number },
  brokerPools: readonly { readonly name: string; readonly replicas: number }[],
): { cluster: Finding[]; pools: { pool: string; finding: Finding }[] } {
  const cluster: Finding[] = [];
  const pools: { pool: string; finding: Finding }[] = [];
  const n = rack?.zones.length ?? 0;
  if (!rack || n === 0) return { cluster, pools };
  const { factor: r, minInSyncReplicas: m } = replication;
  const lost = Math.ceil(r / n);
  const left = r - lost;
  const flag = collector(cluster);
  if (Number.isInteger(r) && r >= 1 && left < 1) {
    flag(RULES.zoneLossReplication, 'replication.factor', r).says(
      `with ${n} zone(s), losing one zone can take all ${r} replica(s) of a partition offline. Fix: declare ` +
        'and use more zones, or raise the replication factor',
    );
  } else if (Number.isInteger(m) && left < m) {
    flag(RULES.zoneLossReplication, 'replication.minInSyncReplicas', m).says(
      `with factor ${r} over ${n} zones, one zone's loss leaves ${left} replica(s), fewer than min.insync.replicas ` +
        `${m}: acks=all producers fail until it returns. Fix: set minInSyncReplicas to at most ${left}, or spread ` +
        'over more zones',
    );
  }
  for (const p of brokerPools.filter((x) => x.replicas > 0 && x.replicas < n)) {
    pools.push({
      pool: p.name,
      finding: {
        rule: RULES.zoneBrokers,
        field: 'replicas',
        value: p.replicas,
        message: `${p.replicas} broker(s) cannot cover the ${n} zones ${rack.zones.join(', ')}`,
        fix: `run at least ${n} brokers in the pool (a multiple of ${n} spreads evenly)`,
      },
    });
  }
  return { cluster, pools };
}

/**
 * The topology spread constraints of a pool's pods: across zones (where the zone label is known) and
 * hosts, selecting the pool's own pods (`strimzi.io/cluster`, `strimzi.io/pool-name`).
 */
export function poolSpread(rack: RackModel | undefined, clusterName: string, pool: string): SpreadConstraint[] {
  if (!rack?.spreadPods) return [];
  const labelSelector = { matchLabels: { 'strimzi.io/cluster': clusterName, 'strimzi.io/pool-name': pool } };
  const zoneKey = rack.type === 'topology-label' ? rack.topologyKey : undefined;
  const out: SpreadConstraint[] = [];
  if (zoneKey !== undefined && zoneKey !== HOST_LABEL) {
    out.push({ maxSkew: 1, topologyKey: zoneKey, whenUnsatisfiable: 'DoNotSchedule', labelSelector });
  }
  out.push({ maxSkew: 1, topologyKey: HOST_LABEL, whenUnsatisfiable: 'ScheduleAnyway', labelSelector });
  return out;
}

/** A pool's template with the spread constraints added, unless it sets its own. */
export function templateWithSpread(
  template: object | undefined,
  spread: readonly SpreadConstraint[],
): object | undefined {
  if (spread.length === 0) return template;
  const t = (template ?? {}) as { pod?: { topologySpreadConstraints?: unknown } };
  if (t.pod?.topologySpreadConstraints !== undefined) return template;
  return { ...t, pod: { ...t.pod, topologySpreadConstraints: spread } };
}
