/** One difference between a reference document and ours. */
export interface Difference {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';

/** Structural differences from `reference` to `ours` (arrays compared by index), sorted by path. */
export function diffJson(reference: unknown, ours: unknown, at = ''): Difference[] {
  if (!isObject(reference) || !isObject(ours) || Array.isArray(reference) !== Array.isArray(ours)) {
    return reference === ours ? [] : [{ path: at, kind: 'changed' }];
  }
  const keys = [...new Set([...Object.keys(reference), ...Object.keys(ours)])].sort();
  const child = (k: string) => (Array.isArray(reference) ? `${at}[${k}]` : at ? `${at}.${k}` : k);
  return keys.flatMap((k): Difference[] => {
    if (!(k in ours)) return [{ path: child(k), kind: 'removed' }];
    if (!(k in reference)) return [{ path: child(k), kind: 'added' }];
    return diffJson(reference[k], ours[k], child(k));
  });
}

/** The value at a path such as `spec.storage.volumes[0].deleteClaim` (keys may contain dots only at the end). */
export function valueAt(obj: unknown, path: string): unknown {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((p) => p !== undefined && p !== '')
    .reduce<unknown>((o, k) => (isObject(o) ? (o as Record<string, unknown>)[k] : undefined), obj);
}

const NODE_ID_RANGES = /^\[\d+(-\d+)?(,\d+(-\d+)?)*\]$/;

/**
 * What each field the library adds to an upstream example must hold; an added field with no rule
 * here fails, so every intended addition is pinned by value, not only by path.
 */
export function addedValueProblems(ours: unknown, differences: readonly Difference[]): string[] {
  const problems: string[] = [];
  for (const d of differences.filter((x) => x.kind === 'added')) {
    const v = valueAt(ours, d.path);
    const ok = /\.deleteClaim$/.test(d.path)
      ? v === false // the data outlives the cluster
      : d.path === 'metadata.annotations'
        ? isObject(v) &&
          Object.entries(v).every(([k, x]) =>
            k === 'strimzi.io/next-node-ids'
              ? NODE_ID_RANGES.test(String(x))
              : ['strimzi.io/kraft', 'strimzi.io/node-pools'].includes(k) && x === 'enabled',
          )
        : d.path === 'spec.kafka.metadataVersion'
          ? /^\d+\.\d+(-IV\d+)?$/.test(String(v))
          : false;
    if (!ok) problems.push(`${d.path} = ${JSON.stringify(v)}`);
  }
  return problems;
}
