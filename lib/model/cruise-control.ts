/**
 * Cruise Control on a cluster as plain data: the typed options, their checks against the release and
 * the cluster's brokers, and the `spec.cruiseControl` they render to. Broker capacity overrides name
 * pools or node IDs of the model; the model resolves them to broker IDs.
 */
import { Finding, collector } from '../core/problem';
import { StrimziRelease, compareVersions } from '../core/release';
import { byString, sortedRecord } from '../core/syntax';
import { RULES } from '../rules';
import { ConfigValue } from './config';
import { ResourceRequirements, podFindings } from './pod';

/** Broker capacities of Cruise Control for some brokers, named by the model. */
export interface BrokerCapacityOverride {
  /**
   * The brokers: every broker of this broker pool.
   * @default - none
   */
  readonly pool?: string;
  /**
   * The brokers: these broker node IDs (read them from `cluster.model`).
   * @default - none
   * @integer
   * @maxItems 1000
   */
  readonly nodeIds?: number[];
  /**
   * CPU capacity in cores or millicores, e.g. `'2'` or `'1500m'`.
   * @default - the common `cpu`
   */
  readonly cpu?: string;
  /**
   * Inbound network throughput, e.g. `'125MiB/s'`.
   * @default - the common `inboundNetwork`
   */
  readonly inboundNetwork?: string;
  /**
   * Outbound network throughput, e.g. `'125MiB/s'`.
   * @default - the common `outboundNetwork`
   */
  readonly outboundNetwork?: string;
}

/** The broker capacities Cruise Control balances against. */
export interface BrokerCapacity {
  /**
   * CPU capacity of each broker, e.g. `'2'`.
   * @default - Strimzi's: from the Kafka containers' CPU resources, else 1 core
   */
  readonly cpu?: string;
  /**
   * Inbound network throughput of each broker, e.g. `'125MiB/s'`.
   * @default - Strimzi's 10000KiB/s
   */
  readonly inboundNetwork?: string;
  /**
   * Outbound network throughput of each broker, e.g. `'125MiB/s'`.
   * @default - Strimzi's 10000KiB/s
   */
  readonly outboundNetwork?: string;
  /**
   * Capacities of some brokers, by pool or node ID.
   * @default - none
   * @maxItems 100
   */
  readonly overrides?: BrokerCapacityOverride[];
}

/** Auto-rebalancing in one direction (Strimzi 0.44.0 and later). */
export interface AutoRebalanceOptions {
  /**
   * Name of a `KafkaRebalance` template (`new KafkaRebalance(..., { template: true })`) in the cluster's
   * namespace whose goals and options the operator uses.
   * @default - Cruise Control's default goals and options
   */
  readonly template?: string;
}

/** A Secret key holding Cruise Control REST API users (`hashLoginService` format). */
export interface CruiseControlApiUsers {
  /** The Secret's name. */
  readonly secretName: string;
  /** The key inside the Secret. */
  readonly key: string;
}

/** Cruise Control of a cluster. */
export interface CruiseControlOptions {
  /**
   * Every goal Cruise Control may use (`goals`), by simple name (`'RackAwareGoal'`) or class name.
   * @default - Strimzi's goals
   * @maxItems 50
   */
  readonly goals?: string[];
  /**
   * Goals of a rebalance that names none (`default.goals`); among `goals`.
   * @default - Strimzi's default goals
   * @maxItems 50
   */
  readonly defaultGoals?: string[];
  /**
   * Goals a proposal must meet (`hard.goals`); among the default goals.
   * @default - Strimzi's hard goals
   * @maxItems 50
   */
  readonly hardGoals?: string[];
  /**
   * Broker capacities.
   * @default - Strimzi's defaults
   */
  readonly brokerCapacity?: BrokerCapacity;
  /**
   * Further Cruise Control config; emitted sorted. Self-healing (`self.healing.*`) is managed by Strimzi.
   * @default - none
   * @maxItems 200
   */
  readonly config?: Record<string, ConfigValue>;
  /**
   * CPU and memory of the Cruise Control container.
   * @default - none (Strimzi's defaults)
   */
  readonly resources?: ResourceRequirements;
  /**
   * Users of the Cruise Control REST API (Strimzi 0.43.0 and later).
   * @default - only the operator's own users
   */
  readonly apiUsers?: CruiseControlApiUsers;
  /**
   * Rebalance automatically when brokers are added or removed (Strimzi 0.44.0 and later).
   * @default - no auto-rebalancing
   */
  readonly autoRebalance?: {
    /**
     * After brokers are added.
     * @default - not on scale-up
     */
    readonly addBrokers?: AutoRebalanceOptions;
    /**
     * Before brokers are removed (the operator drains them first).
     * @default - not on scale-down
     */
    readonly removeBrokers?: AutoRebalanceOptions;
  };
}

/** One auto-rebalance mode. */
export interface AutoRebalanceModel {
  readonly mode: 'add-brokers' | 'remove-brokers';
  readonly template?: string;
}

/** A capacity of some brokers, resolved to their node IDs. */
export interface CapacityOverrideModel {
  readonly brokers: number[];
  readonly cpu?: string;
  readonly inboundNetwork?: string;
  readonly outboundNetwork?: string;
}

/** Cruise Control as computed once: what renders to `spec.cruiseControl` and what rebalances check. */
export interface CruiseControlModel {
  readonly brokerCapacity?: {
    readonly cpu?: string;
    readonly inboundNetwork?: string;
    readonly outboundNetwork?: string;
    readonly overrides?: CapacityOverrideModel[];
  };
  /** The config with the goal lists as class names, sorted by key. */
  readonly config?: Record<string, ConfigValue>;
  readonly resources?: ResourceRequirements;
  readonly apiUsers?: CruiseControlApiUsers;
  readonly autoRebalance?: AutoRebalanceModel[];
  /** The hard goals a rebalance must include, by simple name: declared, else those hard in every release. */
  readonly hardGoals: readonly string[];
  /** Whether the hard goals were declared (else they are the ones hard in every release). */
  readonly hardGoalsDeclared: boolean;
}

/** The package of Cruise Control's goals. */
export const GOAL_PACKAGE = 'com.linkedin.kafka.cruisecontrol.analyzer.goals';

/** Cruise Control's goals by simple name, with their package (the kafkaassigner goals have their own). */
const GOALS: Readonly<Record<string, string>> = Object.fromEntries([
  ...[
    'BrokerSetAwareGoal',
    'CpuCapacityGoal',
    'CpuUsageDistributionGoal',
    'DiskCapacityGoal',
    'DiskUsageDistributionGoal',
    'IntraBrokerDiskCapacityGoal',
    'IntraBrokerDiskUsageDistributionGoal',
    'LeaderBytesInDistributionGoal',
    'LeaderReplicaDistributionGoal',
    'MinTopicLeadersPerBrokerGoal',
    'NetworkInboundCapacityGoal',
    'NetworkInboundUsageDistributionGoal',
    'NetworkOutboundCapacityGoal',
    'NetworkOutboundUsageDistributionGoal',
    'PotentialNwOutGoal',
    'PreferredLeaderElectionGoal',
    'RackAwareDistributionGoal',
    'RackAwareGoal',
    'ReplicaCapacityGoal',
    'ReplicaDistributionGoal',
    'TopicReplicaDistributionGoal',
  ].map((g) => [g, GOAL_PACKAGE]),
  ...['KafkaAssignerDiskUsageDistributionGoal', 'KafkaAssignerEvenRackAwareGoal'].map((g) => [
    g,
    `${GOAL_PACKAGE}.kafkaassigner`,
  ]),
]);

/** The hard goals of Strimzi's defaults in every release (0.48.0 drops the CPU and network ones without capacities). */
export const ALWAYS_HARD_GOALS: readonly string[] = [
  'RackAwareGoal',
  'MinTopicLeadersPerBrokerGoal',
  'ReplicaCapacityGoal',
  'DiskCapacityGoal',
];

/** Strimzi's default goals before 0.48.0 include these; they need network capacities. */
const NETWORK_CAPACITY_GOALS = ['NetworkInboundCapacityGoal', 'NetworkOutboundCapacityGoal'];

/** Config key prefixes Strimzi manages (CruiseControlSpec `config`, Strimzi API reference), and its exceptions. */
const FORBIDDEN_PREFIXES = [
  'bootstrap.servers',
  'capacity.config.file',
  'client.id',
  'failed.brokers.zk.path',
  'kafka.broker.failure.detection.enable',
  'metric.reporter.sampler.bootstrap.servers',
  'network.',
  'request.reason.required',
  'security.',
  'self.healing.',
  'ssl.',
  'topic.config.provider.class',
  'two.step.',
  'webserver.accesslog.',
  'webserver.api.urlprefix',
  'webserver.http.',
  'webserver.session.path',
  'zookeeper.',
];
const FORBIDDEN_EXCEPTIONS = [
  'ssl.cipher.suites',
  'ssl.enabled.protocols',
  'ssl.protocol',
  'webserver.http.cors.enabled',
  'webserver.http.cors.exposeheaders',
  'webserver.http.cors.origin',
  'webserver.security.enable',
  'webserver.ssl.enable',
];
const GOAL_KEYS: Readonly<Record<string, string>> = {
  'goals': 'goals',
  'default.goals': 'defaultGoals',
  'hard.goals': 'hardGoals',
};

const CPU = /^[0-9]+([.][0-9]{0,3}|[m]?)$/;
const NETWORK = /^[0-9]+([KMG]i?)?B\/s$/;

/** The simple name of a goal given by simple or class name. */
export function goalName(goal: string): string {
  return goal.slice(goal.lastIndexOf('.') + 1);
}

/** The class name of a goal given by simple or class name (unknown simple names stay as given). */
export function goalClass(goal: string): string {
  return goal.includes('.') || GOALS[goal] === undefined ? goal : `${GOALS[goal]}.${goal}`;
}

/** True for a known simple goal name, or any class name (a custom goal). */
export function isGoal(goal: unknown): boolean {
  return (
    typeof goal === 'string' && (GOALS[goal] !== undefined || /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/.test(goal))
  );
}

/** Findings of goal names (at `field[i]`): each a Cruise Control goal or a class name. */
export function goalFindings(field: string, goals: readonly string[] | undefined): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  (goals ?? []).forEach((g, i) => {
    if (!isGoal(g)) {
      flag(RULES.cruiseControlGoalKnown, `${field}[${i}]`, g).says(
        "not a Cruise Control goal. Fix: use a goal's simple name, e.g. 'RackAwareGoal', or a custom goal's " +
          'fully qualified class name',
      );
    }
  });
  return out;
}

/** Normalizes `cruiseControl: true | options` to options (undefined when off). */
export function cruiseControlOptions(
  value: boolean | CruiseControlOptions | undefined,
): CruiseControlOptions | undefined {
  if (value === undefined || value === false) return undefined;
  return value === true ? {} : value;
}

/** The pools of a cluster as Cruise Control checks see them. */
export interface BrokerPoolIds {
  readonly name: string;
  readonly broker: boolean;
  readonly nodeIds: readonly number[];
}

/** Computes the Cruise Control model and its findings (fields relative to the cluster's props). */
export function cruiseControlModel(
  options: CruiseControlOptions,
  release: StrimziRelease,
  pools: readonly BrokerPoolIds[],
): { model: CruiseControlModel; findings: Finding[] } {
  const findings: Finding[] = [
    ...servedFindings(options, release),
    ...goalListFindings(options),
    ...configFindings(options.config),
    ...capacityFindings(options.brokerCapacity),
    ...networkCapacityFindings(options, release),
    ...podFindings(options.resources, undefined).map((f) => ({ ...f, field: `cruiseControl.${f.field}` })),
  ];
  const capacity = options.brokerCapacity;
  const overrides = capacity?.overrides?.map((o, i) => resolveOverride(o, i, pools, findings));
  const goalList = (key: string, goals: readonly string[] | undefined) =>
    goals === undefined ? {} : { [key]: goals.map(goalClass).join(',') };
  const config = {
    ...options.config,
    ...goalList('goals', options.goals),
    ...goalList('default.goals', options.defaultGoals),
    ...goalList('hard.goals', options.hardGoals),
  };
  const auto = options.autoRebalance;
  const autoRebalance = auto && [
    ...(auto.addBrokers ? [{ mode: 'add-brokers' as const, template: auto.addBrokers.template }] : []),
    ...(auto.removeBrokers ? [{ mode: 'remove-brokers' as const, template: auto.removeBrokers.template }] : []),
  ];
  return {
    model: {
      brokerCapacity: capacity && {
        cpu: capacity.cpu,
        inboundNetwork: capacity.inboundNetwork,
        outboundNetwork: capacity.outboundNetwork,
        overrides,
      },
      config: Object.keys(config).length > 0 ? sortedRecord(config) : undefined,
      resources: options.resources,
      apiUsers: options.apiUsers,
      autoRebalance: autoRebalance && autoRebalance.length > 0 ? autoRebalance : undefined,
      hardGoals: (options.hardGoals ?? ALWAYS_HARD_GOALS).map(goalName),
      hardGoalsDeclared: options.hardGoals !== undefined,
    },
    findings,
  };
}

/**
 * RackAwareGoal (a default and hard goal unless the goal lists leave it out) puts each replica of a
 * partition in its own rack: with more replicas than declared zones no proposal meets it.
 */
export function rackGoalFindings(o: CruiseControlOptions, zones: number, factor: number): Finding[] {
  const out: Finding[] = [];
  const lists = [o.goals, o.defaultGoals, o.hardGoals].filter((l): l is string[] => l !== undefined);
  const inEffect = lists.length === 0 || lists.some((l) => l.map(goalName).includes('RackAwareGoal'));
  if (zones > 0 && factor > zones && inEffect) {
    collector(out)(RULES.cruiseControlRackGoal, 'cruiseControl', Object.keys(o).length > 0 ? o : true).says(
      `RackAwareGoal wants the ${factor} replicas of each partition in ${factor} racks; the cluster declares ` +
        `${zones} zone(s), so every proposal fails. Fix: leave RackAwareGoal out of goals, defaultGoals and ` +
        'hardGoals and use RackAwareDistributionGoal, or spread over more zones',
    );
  }
  return out;
}

/** Options the release's CRD lacks. */
function servedFindings(options: CruiseControlOptions, release: StrimziRelease): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  const since: [keyof CruiseControlOptions, string][] = [
    ['apiUsers', '0.43.0'],
    ['autoRebalance', '0.44.0'],
  ];
  for (const [key, tag] of since) {
    if (options[key] !== undefined && compareVersions(release.tag, tag) < 0) {
      flag(RULES.cruiseControlOptionServed, `cruiseControl.${key}`, options[key]).says(
        `Strimzi ${release.tag} has no cruiseControl.${key} (from ${tag}). Fix: remove it, or use Strimzi ${tag} ` +
          'or later',
      );
    }
  }
  return out;
}

/** Goal names, and hard within default within goals. */
function goalListFindings(o: CruiseControlOptions): Finding[] {
  const out = [
    ...goalFindings('cruiseControl.goals', o.goals),
    ...goalFindings('cruiseControl.defaultGoals', o.defaultGoals),
    ...goalFindings('cruiseControl.hardGoals', o.hardGoals),
  ];
  const flag = collector(out);
  const within = (inner: keyof CruiseControlOptions, outer: keyof CruiseControlOptions) => {
    const a = o[inner] as string[] | undefined;
    const b = o[outer] as string[] | undefined;
    if (!a || !b) return;
    const names = new Set(b.map(goalName));
    const missing = a.map(goalName).filter((g) => !names.has(g));
    if (missing.length > 0) {
      flag(RULES.cruiseControlGoalSubsets, `cruiseControl.${inner}`, a).says(
        `${missing.join(', ')} not in ${outer}, which must hold every ${inner === 'hardGoals' ? 'hard' : 'default'} ` +
          `goal; rebalances fail. Fix: add them to ${outer}`,
      );
    }
  };
  within('hardGoals', 'defaultGoals');
  within('defaultGoals', 'goals');
  within('hardGoals', 'goals');
  return out;
}

/** Keys Strimzi manages, and the goal lists that have typed options. */
function configFindings(config: Record<string, ConfigValue> | undefined): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  for (const key of Object.keys(config ?? {}).sort(byString)) {
    const lower = key.toLowerCase();
    const typed = GOAL_KEYS[lower];
    const prefix = FORBIDDEN_PREFIXES.find((p) => lower.startsWith(p));
    if (typed !== undefined) {
      flag(RULES.cruiseControlConfig, `cruiseControl.config['${key}']`, config![key]).says(
        `a goal list. Fix: set cruiseControl.${typed} instead (simple goal names)`,
      );
    } else if (prefix !== undefined && !FORBIDDEN_EXCEPTIONS.includes(lower)) {
      flag(RULES.cruiseControlConfig, `cruiseControl.config['${key}']`, config![key]).says(
        `Strimzi manages '${prefix}' keys of Cruise Control and drops this one. Fix: remove it`,
      );
    }
  }
  return out;
}

/** Capacity syntax, as the CRD patterns. */
function capacityFindings(c: BrokerCapacity | undefined): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  const check = (at: string, v: { cpu?: string; inboundNetwork?: string; outboundNetwork?: string }) => {
    if (v.cpu !== undefined && !CPU.test(v.cpu)) {
      flag(RULES.cruiseControlCapacity, `${at}.cpu`, v.cpu).says(
        "not a CPU capacity. Fix: give cores or millicores, e.g. '2', '1.5' or '1500m'",
      );
    }
    for (const k of ['inboundNetwork', 'outboundNetwork'] as const) {
      if (v[k] !== undefined && !NETWORK.test(v[k]!)) {
        flag(RULES.cruiseControlCapacity, `${at}.${k}`, v[k]).says(
          "not a throughput. Fix: give an integer with B/s, KB/s, KiB/s, MB/s, MiB/s, GB/s or GiB/s, e.g. '125MiB/s'",
        );
      }
    }
  };
  if (c) check('cruiseControl.brokerCapacity', c);
  (c?.overrides ?? []).forEach((o, i) => check(`cruiseControl.brokerCapacity.overrides[${i}]`, o));
  return out;
}

/** Before 0.48.0, Strimzi's default goals include the network capacity goals, which need capacities. */
function networkCapacityFindings(o: CruiseControlOptions, release: StrimziRelease): Finding[] {
  const out: Finding[] = [];
  if (compareVersions(release.tag, '0.48.0') >= 0) return out;
  const inEffect = (o.goals ?? NETWORK_CAPACITY_GOALS).map(goalName).filter((g) => NETWORK_CAPACITY_GOALS.includes(g));
  const c = o.brokerCapacity;
  const missing = inEffect.filter((g) =>
    g === 'NetworkInboundCapacityGoal' ? c?.inboundNetwork === undefined : c?.outboundNetwork === undefined,
  );
  if (missing.length > 0) {
    const where = o.goals ? 'listed' : `in Strimzi ${release.tag}'s default goals`;
    collector(out)(RULES.cruiseControlNetworkCapacity, 'cruiseControl.brokerCapacity', c).says(
      `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} ${where} but ` +
        'the brokers\u2019 network capacity is left at 10000KiB/s; proposals fail once traffic exceeds it. Fix: set ' +
        'brokerCapacity.inboundNetwork and outboundNetwork to what the brokers have',
    );
  }
  return out;
}

/** The broker IDs of one override: its pool's, or its node IDs, each a broker of the cluster. */
function resolveOverride(
  o: BrokerCapacityOverride,
  i: number,
  pools: readonly BrokerPoolIds[],
  findings: Finding[],
): CapacityOverrideModel {
  const flag = collector(findings);
  const at = `cruiseControl.brokerCapacity.overrides[${i}]`;
  const brokers = new Set<number>();
  const brokerIds = new Set(pools.filter((p) => p.broker).flatMap((p) => p.nodeIds));
  if (o.pool !== undefined) {
    const pool = pools.find((p) => p.name === o.pool);
    if (!pool?.broker) {
      flag(RULES.cruiseControlCapacity, `${at}.pool`, o.pool).says(
        `${pool ? 'not a broker pool' : 'no pool of this cluster has this name'} (broker pools: ` +
          `${
            pools
              .filter((p) => p.broker)
              .map((p) => p.name)
              .join(', ') || 'none'
          }). Fix: name a broker pool`,
      );
    } else pool.nodeIds.forEach((id) => brokers.add(id));
  }
  (o.nodeIds ?? []).forEach((id, j) => {
    if (!brokerIds.has(id)) {
      flag(RULES.cruiseControlCapacity, `${at}.nodeIds[${j}]`, id).says(
        `no broker has this node ID (brokers: ${[...brokerIds].sort((a, b) => a - b).join(', ') || 'none'}). ` +
          'Fix: name a broker of the cluster, or its pool',
      );
    } else brokers.add(id);
  });
  if (o.pool === undefined && o.nodeIds === undefined) {
    flag(RULES.cruiseControlCapacity, `${at}.pool`, undefined).says('no brokers named. Fix: give pool or nodeIds');
  }
  return {
    brokers: [...brokers].sort((a, b) => a - b),
    cpu: o.cpu,
    inboundNetwork: o.inboundNetwork,
    outboundNetwork: o.outboundNetwork,
  };
}
