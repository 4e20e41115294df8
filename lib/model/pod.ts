import { Finding, collector } from '../core/problem';
import { RULES } from '../rules';
import { isQuantity, parseQuantity } from '../core/syntax';

/** Resource quantities: CPU, memory and any other resource by name. */
export interface ResourceQuantities {
  /** Another resource, e.g. `ephemeral-storage` or `nvidia.com/gpu`. */
  readonly [resource: string]: string | undefined;
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
   * @maxItems 20
   * @maxLength 64
   * @keys resourceName
   */
  readonly requests?: ResourceQuantities;
  /**
   * Resource limits.
   * @default - none
   * @maxItems 20
   * @maxLength 64
   * @keys resourceName
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
   * @maxItems 100
   * @maxLength 1000
   * @keys jvmKey
   */
  readonly xx?: Record<string, string>;
  /**
   * Java system properties (`-Dname=value`); emitted sorted by name.
   * @default - none
   * @maxItems 100
   * @maxLength 1000
   * @keys jvmKey
   */
  readonly javaSystemProperties?: Record<string, string>;
}

function heapBytes(value: string): number {
  const m = /^(\d+)([kKmMgG]?)$/.exec(value)!;
  return (
    Number(m[1]) * ({ '': 1, 'k': 2 ** 10, 'm': 2 ** 20, 'g': 2 ** 30 } as Record<string, number>)[m[2].toLowerCase()]
  );
}

/** Checks resources and JVM options of a pool on their own; records findings on `scope`. */
export function podFindings(resources: ResourceRequirements | undefined, jvm: JvmOptions | undefined): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  const valid = (kind: 'requests' | 'limits', r: 'cpu' | 'memory') => {
    const v = resources?.[kind]?.[r];
    if (v === undefined) return undefined;
    if (!isQuantity(v) || !(parseQuantity(v) > 0)) {
      flag(RULES.resourceQuantity, `resources.${kind}.${r}`, v).says(
        'not a positive Kubernetes quantity. Fix: ' +
          `${r === 'cpu' ? "write e.g. '500m' or '2'" : "write e.g. '8Gi'"}`,
      );
      return undefined;
    }
    return parseQuantity(v);
  };
  // every other resource (ephemeral-storage, nvidia.com/gpu, ...) is a positive quantity too
  for (const kind of ['requests', 'limits'] as const) {
    for (const [name, v] of Object.entries(resources?.[kind] ?? {}).filter(([n]) => n !== 'cpu' && n !== 'memory')) {
      if (typeof v !== 'string' || !isQuantity(v) || !(parseQuantity(v) > 0)) {
        flag(RULES.resourceQuantity, `resources.${kind}['${name}']`, v).says(
          "not a positive Kubernetes quantity. Fix: write e.g. '1' or '10Gi'",
        );
      }
    }
  }
  for (const r of ['cpu', 'memory'] as const) {
    const request = valid('requests', r);
    const limit = valid('limits', r);
    if (request !== undefined && limit !== undefined && request > limit) {
      flag(RULES.resourceRequestWithinLimit, `resources.requests.${r}`, resources!.requests![r]).says(
        `above the limit ${resources!.limits![r]}. Fix: lower the request or raise the limit`,
      );
    }
  }
  const heap = (field: 'xms' | 'xmx') => {
    const v = jvm?.[field];
    if (v === undefined) return undefined;
    if (!/^\d+[kKmMgG]?$/.test(v)) {
      flag(RULES.jvmHeapSyntax, `jvmOptions.${field}`, v).says("not a JVM heap size. Fix: write e.g. '4g' or '512m'");
      return undefined;
    }
    return heapBytes(v);
  };
  const xms = heap('xms');
  const xmx = heap('xmx');
  if (xms !== undefined && xmx !== undefined && xms > xmx) {
    flag(RULES.jvmXmsWithinXmx, 'jvmOptions.xms', jvm!.xms).says(
      `above -Xmx ${jvm!.xmx}. Fix: make -Xms at most -Xmx (equal is common)`,
    );
  }
  const memoryLimit = resources?.limits?.memory;
  if (xmx !== undefined && memoryLimit !== undefined && isQuantity(memoryLimit) && xmx >= parseQuantity(memoryLimit)) {
    flag(RULES.jvmHeapWithinLimit, 'jvmOptions.xmx', jvm!.xmx).says(
      `not below the memory limit ${memoryLimit}; the container is killed before the heap fills. Fix: keep ` +
        '-Xmx at about half to three quarters of the memory limit',
    );
  }
  return out;
}
