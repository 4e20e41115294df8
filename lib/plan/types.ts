/** The plan of a change between two synthesized outputs: plain data. */

/** What a change does to a running cluster, worst first. */
export type Consequence = 'destructive' | 'breaking' | 'restart' | 'safe';

/** The order of consequences, worst first. */
export const CONSEQUENCES: readonly Consequence[] = ['destructive', 'breaking', 'restart', 'safe'];

/** How each consequence is named in the plan. */
export const CONSEQUENCE_LABEL: Record<Consequence, string> = {
  destructive: 'destructive',
  breaking: 'breaking for clients',
  restart: 'rolling restart',
  safe: 'safe',
};

/** One change and what it does. */
export interface PlanChange {
  readonly consequence: Consequence;
  /** `<Kind> <namespace>/<name>`. */
  readonly object: string;
  /** The field that changes, e.g. `spec.replicas`; `(object)` when the object is added or removed. */
  readonly field: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** What happens to the running cluster. */
  readonly effect: string;
  /** What to do instead (or first), when there is a safer way. */
  readonly instead?: string;
}

/** An order of upgrade that cannot work as committed; the plan fails on it whatever the flags. */
export interface Refusal {
  readonly object: string;
  readonly reason: string;
  readonly fix: string;
}

/** One step of an upgrade, in order. */
export interface UpgradeStep {
  /** `operator`, `convert`, `kafka` or `metadata`. */
  readonly kind: 'operator' | 'convert' | 'kafka' | 'metadata';
  /** What to change and apply. */
  readonly action: string;
  /** What to wait for before the next step. */
  readonly waitFor: string;
  /** The Strimzi release the step installs (operator) or runs under (convert, kafka). */
  readonly release?: string;
  /** The Kafka version (kafka) or metadata version (metadata) the step sets. */
  readonly version?: string;
}

/** The plan of a change. */
export interface Plan {
  /** Worst first, then by object and field. */
  readonly changes: PlanChange[];
  readonly refusals: Refusal[];
  /** Ordered upgrade steps, when the release, a Kafka version or a metadata version changes. */
  readonly steps: UpgradeStep[];
  /** Changes per consequence. */
  readonly counts: Record<Consequence, number>;
}
