/** Helpers to build and compare plan changes. */
import { Obj, objectName } from './facts';
import { Consequence, PlanChange } from './types';

/** A JSON text of a value with object keys sorted: equal values, equal texts. */
export function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, x]) => `${JSON.stringify(k)}:${stable(x)}`)
      .join(',')}}`;
  }
  if (typeof v === 'bigint') return `${v}n`;
  return JSON.stringify(v) ?? 'undefined';
}

/** Equal as data. */
export const same = (a: unknown, b: unknown): boolean => stable(a) === stable(b);

/** A change of object `o`. */
export function change(
  consequence: Consequence,
  o: Obj,
  field: string,
  values: { before?: unknown; after?: unknown },
  effect: string,
  instead?: string,
): PlanChange {
  return { consequence, object: objectName(o), field, ...values, effect, ...(instead ? { instead } : {}) };
}

/** Keys of two records, sorted. */
export const keysOf = (a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): string[] =>
  [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort();

/** A value as the plan prints it. */
export function show(v: unknown): string {
  if (v === undefined) return '(none)';
  if (typeof v === 'string') return v;
  const s = stable(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** Compares two maps of objects: removed, added and kept keys, sorted. */
export function pairs<T>(before: Map<string, T>, after: Map<string, T>): { removed: T[]; added: T[]; kept: [T, T][] } {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  return {
    removed: keys.filter((k) => !after.has(k)).map((k) => before.get(k)!),
    added: keys.filter((k) => !before.has(k)).map((k) => after.get(k)!),
    kept: keys.filter((k) => before.has(k) && after.has(k)).map((k) => [before.get(k)!, after.get(k)!]),
  };
}
