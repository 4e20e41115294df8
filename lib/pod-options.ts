import { IConstruct } from 'constructs';
import type { KafkaNodePoolSpecTemplate } from '../imports/strimzi-v1-kafka.strimzi.io';
import { isQuantity, parseQuantity, report } from './problem';
import { RULES } from './rules';

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

function heapBytes(value: string): number {
  const m = /^(\d+)([kKmMgG]?)$/.exec(value)!;
  return Number(m[1]) * ({ '': 1, 'k': 2 ** 10, 'm': 2 ** 20, 'g': 2 ** 30 } as Record<string, number>)[m[2].toLowerCase()];
}

/** Checks resources and JVM options of a pool on their own; records findings on `scope`. */
export function validatePodOptions(scope: IConstruct, resources: ResourceRequirements | undefined, jvm: JvmOptions | undefined): void {
  const valid = (kind: 'requests' | 'limits', r: 'cpu' | 'memory') => {
    const v = resources?.[kind]?.[r];
    if (v === undefined) return undefined;
    if (!isQuantity(v)) {
      report(scope, RULES.resourceQuantity, `resources.${kind}.${r}`, v, 'not a Kubernetes quantity', r === 'cpu' ? "write e.g. '500m' or '2'" : "write e.g. '8Gi'");
      return undefined;
    }
    return parseQuantity(v);
  };
  for (const r of ['cpu', 'memory'] as const) {
    const request = valid('requests', r);
    const limit = valid('limits', r);
    if (request !== undefined && limit !== undefined && request > limit) {
      report(scope, RULES.resourceRequestWithinLimit, `resources.requests.${r}`, resources!.requests![r], `above the limit ${resources!.limits![r]}`, 'lower the request or raise the limit');
    }
  }
  const heap = (field: 'xms' | 'xmx') => {
    const v = jvm?.[field];
    if (v === undefined) return undefined;
    if (!/^\d+[kKmMgG]?$/.test(v)) {
      report(scope, RULES.jvmHeapSyntax, `jvmOptions.${field}`, v, 'not a JVM heap size', "write e.g. '4g' or '512m'");
      return undefined;
    }
    return heapBytes(v);
  };
  const xms = heap('xms');
  const xmx = heap('xmx');
  if (xms !== undefined && xmx !== undefined && xms > xmx) {
    report(scope, RULES.jvmXmsWithinXmx, 'jvmOptions.xms', jvm!.xms, `above -Xmx ${jvm!.xmx}`, 'make -Xms at most -Xmx (equal is common)');
  }
  const memoryLimit = resources?.limits?.memory;
  if (xmx !== undefined && memoryLimit !== undefined && isQuantity(memoryLimit) && xmx >= parseQuantity(memoryLimit)) {
    report(scope, RULES.jvmHeapWithinLimit, 'jvmOptions.xmx', jvm!.xmx, `not below the memory limit ${memoryLimit}; the container is killed before the heap fills`,
      'keep -Xmx at about half to three quarters of the memory limit');
  }
}
