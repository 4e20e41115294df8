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
