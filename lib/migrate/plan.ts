/**
 * The migration plan: what the generated app declares, as plain data. The same plan is built in
 * memory (to compare its output with the input) and printed as TypeScript, so the code and the
 * check cannot disagree.
 */
import type { InputObject } from './read';

/** One volume, as `Storage.persistentClaim(...)`, `JbodVolume.ephemeral(id, ...)` etc. take it. */
export interface VolumePlan {
  readonly kind: 'persistentClaim' | 'ephemeral';
  /** The JBOD volume ID (JBOD volumes only). */
  readonly id?: number;
  readonly options: Record<string, unknown>;
}

/** A pool's storage: one volume, or JBOD volumes. */
export type StoragePlan = VolumePlan | { readonly kind: 'jbod'; readonly volumes: readonly VolumePlan[] };

/** One JSON patch on the rendered object: the escape hatch for what no prop expresses. */
export interface PatchPlan {
  readonly op: 'add' | 'remove' | 'replace';
  /** JSON pointer into the rendered object. */
  readonly path: string;
  readonly value?: unknown;
  /** Why no prop does it (the comment above the patch). */
  readonly why: string;
}

/** One resource of the generated app and the object of the input it reproduces. */
export interface ResourcePlan {
  /** Construct id. */
  readonly id: string;
  /** Props as plain data; `storage` of pools is a StoragePlan. */
  readonly props: Record<string, unknown>;
  readonly source: InputObject;
  /** Filled in after the first comparison with the input. */
  patches: PatchPlan[];
  /** JSON pointers of input fields the API's schema does not have (the API server prunes them too). */
  pruned?: string[];
}

/** `cluster.addLoadBalancer(id, { listener?, shape: LoadBalancerShape.externalHost({ workers }) })`. */
export interface LoadBalancerPlan {
  readonly id: string;
  /** The nodeport listener, when the cluster has several. */
  readonly listener?: string;
  readonly workers: readonly string[];
  /** The comment above it. */
  readonly note: string;
}

/** A `KraftCluster` and its pools. */
export interface ClusterPlan extends ResourcePlan {
  /** The `Kafka` name. */
  readonly name: string;
  readonly pools: (ResourcePlan & { readonly name: string })[];
  /** Comments above the cluster: fixes made and findings kept. */
  readonly notes: string[];
  /** Load balancers made from the nginx files given. */
  loadBalancers?: LoadBalancerPlan[];
}

/** A `KafkaUser`, `KafkaTopic` or `KafkaRebalance` of a cluster. */
export interface EntityPlan extends ResourcePlan {
  readonly kind: 'KafkaUser' | 'KafkaTopic' | 'KafkaRebalance';
  /** Name of the cluster (a ClusterPlan of the same chart). */
  readonly cluster: string;
}

/** The id suffix of an entity named like another resource of its chart (and of its variable). */
export const ENTITY_SUFFIX: Readonly<Record<EntityPlan['kind'], string>> = {
  KafkaUser: 'user',
  KafkaTopic: 'topic',
  KafkaRebalance: 'rebalance',
};

/** One chart: the resources of one namespace. */
export interface ChartPlan {
  readonly namespace?: string;
  /** Chart id (the output file is `<id>.k8s.yaml`). */
  readonly id: string;
  readonly clusters: ClusterPlan[];
  readonly entities: EntityPlan[];
}

/** The whole generated app. */
export interface AppPlan {
  readonly charts: ChartPlan[];
  /** The inputs the app was made from, for the header comment. */
  readonly files: string[];
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The record at `o[key]`, or an empty one. */
export const recordAt = (o: unknown, key: string): Record<string, unknown> =>
  isRecord(o) && isRecord(o[key]) ? (o[key] as Record<string, unknown>) : {};

/** Drops keys whose value is undefined (so printed props and built props are the same). */
export function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
