/**
 * Run-time checks of props at the boundary: JavaScript and JSON users pass anything, and the
 * TypeScript types are no defence. `checkShape` walks a value against a shape, reports every
 * mismatch as a finding (rule `prop-type`, or the shape's own rule) with field, value and fix,
 * and returns a clean copy: a wrong optional value is dropped, a wrong required one replaced by
 * the shape's fallback. Nothing is coerced ("3" stays an error, never becomes 3), and the code
 * behind the boundary only ever sees the documented types. Work is bounded by the sizes given in
 * the shapes, never by a number the user passes.
 */
import { Finding, finding } from './problem';
import { RULES, Rule } from './rules';

/** What a prop must be. */
export type Shape =
  | { readonly t: 'string'; readonly max?: number; readonly syntax?: Syntax }
  | { readonly t: 'enum'; readonly values: readonly string[] }
  | { readonly t: 'integer' }
  | { readonly t: 'number' }
  | { readonly t: 'boolean' }
  | { readonly t: 'scalar' }
  | { readonly t: 'object'; readonly fields: { readonly [name: string]: Field }; readonly what?: string }
  | { readonly t: 'array'; readonly items: Shape; readonly max: number }
  | { readonly t: 'record'; readonly values: Shape; readonly max: number; readonly keys?: Syntax }
  | { readonly t: 'instance'; readonly test: (v: unknown) => boolean; readonly what: string }
  | { readonly t: 'json'; readonly max: number }
  | { readonly t: 'union'; readonly options: readonly Shape[] };

/** A string syntax: a predicate, what it is called, and the rule that reports a mismatch. */
export interface Syntax {
  readonly test: (v: string) => boolean;
  readonly what: string;
  readonly rule: Rule;
  readonly fix: string;
}

/** A field of an object shape; `fallback` marks it required (used when the value is missing or wrong). */
export interface Field {
  readonly shape: Shape;
  readonly required?: boolean;
  readonly fallback?: unknown;
}

export const str = (max = 253, syntax?: Syntax): Shape => ({ t: 'string', max, syntax });
export const int: Shape = { t: 'integer' };
/** A finite number (ranges are the construct's own rules). */
export const num: Shape = { t: 'number' };
export const bool: Shape = { t: 'boolean' };
export const scalar: Shape = { t: 'scalar' };
export const oneOf = (...values: string[]): Shape => ({ t: 'enum', values });
export const obj = (fields: { [name: string]: Field | Shape }, what?: string): Shape => ({
  t: 'object',
  what,
  fields: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, 'shape' in f ? f : { shape: f }])),
});
export const arr = (items: Shape, max: number): Shape => ({ t: 'array', items, max });
export const rec = (values: Shape, max: number, keys?: Syntax): Shape => ({ t: 'record', values, max, keys });
export const json = (max = 10_000): Shape => ({ t: 'json', max });
export const required = (shape: Shape, fallback: unknown): Field => ({ shape, required: true, fallback });
export const either = (...options: Shape[]): Shape => ({ t: 'union', options });

/** A plain object (an object literal or JSON.parse result; not an array, Date, class instance or null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function describe(shape: Shape): string {
  switch (shape.t) {
    case 'string':
      return shape.syntax ? shape.syntax.what : 'a string';
    case 'enum':
      return `one of ${shape.values.map((v) => `'${v}'`).join(', ')}`;
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a finite number';
    case 'boolean':
      return 'true or false';
    case 'scalar':
      return 'a string, a finite number or true/false';
    case 'object':
      return shape.what ?? `an object { ${Object.keys(shape.fields).join(', ')} }`;
    case 'array':
      return `an array (at most ${shape.max} entries)`;
    case 'record':
      return `an object of at most ${shape.max} entries`;
    case 'instance':
      return shape.what;
    case 'json':
      return 'plain JSON data (objects, arrays, strings, finite numbers, booleans)';
    case 'union':
      return shape.options.map(describe).join(' or ');
  }
}

/** Type of a value as messages name it. */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? 'a number' : 'an infinite number';
  if (typeof v === 'object')
    return isPlainObject(v) ? 'an object' : `a ${(v as object).constructor?.name ?? 'non-plain object'}`;
  return typeof v === 'bigint' ? 'a BigInt' : `a ${typeof v}`;
}

/** Why a value is not plain JSON data, or undefined when it is (bounded: at most `budget` nodes). */
function jsonProblem(v: unknown, budget: { left: number }, depth = 0): string | undefined {
  if (--budget.left < 0) return 'too large';
  if (depth > 32) return 'nested too deeply';
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : `holds ${typeName(v)}`;
  if (Array.isArray(v)) {
    for (const x of v) {
      const p = jsonProblem(x, budget, depth + 1);
      if (p) return p;
    }
    return undefined;
  }
  if (isPlainObject(v)) {
    for (const x of Object.values(v)) {
      const p = jsonProblem(x, budget, depth + 1);
      if (p) return p;
    }
    return undefined;
  }
  return `holds ${typeName(v)}`;
}

/**
 * Checks `value` against `shape`; `field` names it in findings. Returns the clean value
 * (undefined when it is wrong) and what is wrong.
 */
export function checkShape(
  value: unknown,
  shape: Shape,
  field: string,
  out: Finding[] = [],
): { value: unknown; findings: Finding[] } {
  const wrong = (rule: Rule, message: string, fix: string) => {
    out.push(finding(rule, field, value, message, fix));
    return { value: undefined, findings: out };
  };
  const typeError = () =>
    wrong(RULES.propType, `${typeName(value)}, not ${describe(shape)}`, `pass ${describe(shape)}`);
  switch (shape.t) {
    case 'string':
      if (typeof value !== 'string') return typeError();
      if (value.length > (shape.max ?? 253))
        return wrong(RULES.propType, `${value.length} characters, more than ${shape.max ?? 253}`, 'shorten it');
      if (shape.syntax && !shape.syntax.test(value))
        return wrong(shape.syntax.rule, `not ${shape.syntax.what}`, shape.syntax.fix);
      return { value, findings: out };
    case 'enum':
      return typeof value === 'string' && shape.values.includes(value) ? { value, findings: out } : typeError();
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? { value, findings: out } : typeError();
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { value, findings: out } : typeError();
    case 'boolean':
      return typeof value === 'boolean' ? { value, findings: out } : typeError();
    case 'scalar':
      return typeof value === 'string' ||
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isFinite(value))
        ? { value, findings: out }
        : typeError();
    case 'instance':
      return shape.test(value) ? { value, findings: out } : typeError();
    case 'json': {
      const p = jsonProblem(value, { left: shape.max });
      return p
        ? wrong(RULES.propType, `not plain JSON data: ${p}`, `pass ${describe(shape)}`)
        : { value, findings: out };
    }
    case 'union': {
      // the first option of the value's kind decides (an object is checked field by field)
      const fits =
        shape.options.find((o) => checkShape(value, o, field, []).findings.length === 0) ??
        shape.options.find(
          (o) => (o.t === 'object') === isPlainObject(value) && (o.t !== 'enum' || typeof value === 'string'),
        );
      return fits ? checkShape(value, fits, field, out) : typeError();
    }
    case 'array': {
      if (!Array.isArray(value)) return typeError();
      if (value.length > shape.max)
        return wrong(RULES.propType, `${value.length} entries, more than ${shape.max}`, 'pass fewer entries');
      const clean: unknown[] = [];
      value.forEach((x, i) => {
        const r = checkShape(x, shape.items, `${field}[${i}]`, out);
        if (r.value !== undefined) clean.push(r.value);
      });
      return { value: clean, findings: out };
    }
    case 'record': {
      if (!isPlainObject(value)) return typeError();
      const entries = Object.entries(value);
      if (entries.length > shape.max)
        return wrong(RULES.propType, `${entries.length} entries, more than ${shape.max}`, 'pass fewer entries');
      const clean: Record<string, unknown> = {};
      for (const [k, x] of entries) {
        const at = `${field}['${k}']`;
        if (shape.keys && !shape.keys.test(k)) {
          out.push(finding(shape.keys.rule, at, x, `the key is not ${shape.keys.what}`, shape.keys.fix));
          continue;
        }
        const r = checkShape(x, shape.values, at, out);
        if (r.value !== undefined) clean[k] = r.value;
      }
      return { value: clean, findings: out };
    }
    case 'object': {
      if (!isPlainObject(value)) return typeError();
      // a field the shape does not describe is a typo or a prop of another version: reported, then dropped
      const known = Object.keys(shape.fields);
      for (const k of Object.keys(value).filter((x) => !known.includes(x) && value[x] !== undefined)) {
        const near = nearest(k, known);
        out.push(
          finding(
            RULES.propUnknown,
            field ? `${field}.${k}` : k,
            value[k],
            'no such prop; it would be ignored',
            near
              ? `did you mean '${near}'? Otherwise remove it`
              : `remove it (fields: ${[...known].sort().join(', ')})`,
          ),
        );
      }
      const clean: Record<string, unknown> = {};
      for (const [k, f] of Object.entries(shape.fields)) {
        const at = field ? `${field}.${k}` : k;
        const x = value[k];
        if (x === undefined) {
          if (f.required) {
            out.push(finding(RULES.propType, at, undefined, 'missing; it is required', `pass ${describe(f.shape)}`));
            clean[k] = f.fallback;
          }
          continue;
        }
        const r = checkShape(x, f.shape, at, out);
        if (r.value !== undefined) clean[k] = r.value;
        else if (f.required) clean[k] = f.fallback;
      }
      return { value: clean, findings: out };
    }
  }
}

/** The known name closest to a misspelt one (at most two edits away), for the fix of prop-unknown. */
function nearest(name: string, known: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j];
        row[j] = Math.min(
          row[j] + 1,
          row[j - 1] + 1,
          previous + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
        );
        previous = current;
      }
    }
    return row[b.length];
  };
  if (name.length > 100) return undefined; // bounded work
  const scored = known.map((k) => ({ k, d: distance(name, k) })).sort((x, y) => x.d - y.d || (x.k < y.k ? -1 : 1));
  return scored.length > 0 && scored[0].d <= 2 ? scored[0].k : undefined;
}

/** Checks the props object of a construct (fields named without a prefix); returns clean props and findings. */
export function checkProps<T>(props: unknown, shape: Shape, field = ''): { props: T; findings: Finding[] } {
  const findings: Finding[] = [];
  if (props === undefined && shape.t === 'object')
    return { props: checkShape({}, shape, field, findings).value as T, findings };
  // fields of the props object are named bare (`replicas`); the object itself, when wrong, `props`
  const r = checkShape(props, shape, isPlainObject(props) ? field : field || 'props', findings);
  return { props: (r.value ?? checkShape({}, shape, field, []).value) as T, findings };
}
