import { ApiObject } from 'cdk8s';
import type { KraftCluster } from './kraft-cluster';
import type { NodePool } from './node-pool';
import { StrimziApiVersion } from './release';

/** Values passed through to Strimzi unchanged, which a renderer checks against its API. */
export type PassthroughKind = 'nodePoolTemplate' | 'listenerAuthentication';

/**
 * Turns the version-neutral model into objects of one Strimzi API version, with the classes
 * generated from that version's CRDs. Specs are rendered lazily, at synth, from `cluster.model`.
 */
export interface StrimziRenderer {
  readonly apiVersion: StrimziApiVersion;
  /** The listener authentication types this API has. */
  readonly authenticationTypes: readonly string[];
  /** Creates the `Kafka` object of the cluster. */
  kafka(cluster: KraftCluster): ApiObject;
  /** Creates the `KafkaNodePool` object of a pool. */
  nodePool(pool: NodePool, cluster: KraftCluster): ApiObject;
  /** Paths inside a passthrough value that this API has no field for (the generated classes would drop them). */
  unknownFields(kind: PassthroughKind, value: unknown): string[];
}

/** The member of a generated string enum with the given value; throws when the API has none. */
export function enumMember<E extends Record<string, string>>(e: E, value: string, what: string): E[keyof E] {
  const hit = Object.values(e).find((v) => v === value);
  if (hit === undefined) {
    throw new Error(`${what} '${value}' does not exist in this Strimzi API (it has: ${Object.values(e).join(', ')}). `
      + 'Fix: use one of those; app.synth() validation names the construct and field');
  }
  return hit as E[keyof E];
}

/** Paths present in `input` (with a defined value) that are missing from `output`. */
export function droppedPaths(input: unknown, output: unknown, at = ''): string[] {
  if (input === null || typeof input !== 'object') return [];
  if (output === null || typeof output !== 'object') return [at || '.'];
  const out: string[] = [];
  for (const [k, v] of Object.entries(input as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (v === undefined) continue;
    const path = Array.isArray(input) ? `${at}[${k}]` : at ? `${at}.${k}` : k;
    const o = (output as Record<string, unknown>)[k];
    if (o === undefined) out.push(path);
    else out.push(...droppedPaths(v, o, path));
  }
  return out;
}

/** The labels and annotations every Strimzi object of a cluster carries. */
export function kafkaAnnotations(cluster: KraftCluster): Record<string, string> | undefined {
  return cluster.release.kraftAnnotationsRequired
    ? { 'strimzi.io/kraft': 'enabled', 'strimzi.io/node-pools': 'enabled' }
    : undefined;
}

/** The `strimzi.io/cluster` label that ties a pool to its cluster. */
export function poolLabels(cluster: KraftCluster): Record<string, string> {
  return { 'strimzi.io/cluster': cluster.clusterName };
}

/** Renders JVM -XX options and system properties in sorted order. */
export function sortedProperties(props: Record<string, string> | undefined): { name: string; value: string }[] | undefined {
  return props === undefined ? undefined
    : Object.entries(props).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => ({ name, value }));
}
