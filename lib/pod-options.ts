import type { KafkaNodePoolSpecTemplate } from '../imports/strimzi-v1-kafka.strimzi.io';

/** CPU and memory quantities. */
export interface ResourceQuantities {
  /**
   * CPU, e.g. `500m` or `2`.
   * @default - not set
   */
  readonly cpu?: string;
  /**
   * Memory, e.g. `4Gi`.
   * @default - not set
   */
  readonly memory?: string;
}

/** Container resource requests and limits. */
export interface ResourceRequirements {
  /**
   * Requested resources.
   * @default - none
   */
  readonly requests?: ResourceQuantities;
  /**
   * Resource limits.
   * @default - none
   */
  readonly limits?: ResourceQuantities;
}

/** JVM options of the Kafka containers. */
export interface JvmOptions {
  /**
   * Initial heap size (`-Xms`), e.g. `2g`.
   * @default - chosen by Strimzi from the memory limit
   */
  readonly xms?: string;
  /**
   * Maximum heap size (`-Xmx`), e.g. `2g`.
   * @default - chosen by Strimzi from the memory limit
   */
  readonly xmx?: string;
  /**
   * Enable garbage-collection logging.
   * @default false
   */
  readonly gcLoggingEnabled?: boolean;
  /**
   * `-XX` options, e.g. `{ UseG1GC: 'true' }`; emitted sorted.
   * @default - none
   */
  readonly xx?: Record<string, string>;
  /**
   * Java system properties (`-Dname=value`); emitted sorted by name.
   * @default - none
   */
  readonly javaSystemProperties?: Record<string, string>;
}

/**
 * Pod, container and PVC template of a node pool, passed through to Strimzi as is. Typed by the
 * newest Strimzi API (v1); a field the target release does not have fails validation.
 */
export type NodePoolTemplate = KafkaNodePoolSpecTemplate;

/** Sorts an object's keys (every map we emit is sorted so output is stable). */
export function sortedRecord<T>(record: Record<string, T> | undefined): Record<string, T> | undefined {
  if (record === undefined) return undefined;
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
