/**
 * Run-time checks of props at the boundary: JavaScript and JSON users pass anything, and the
 * TypeScript types are no defence. The shapes are not written by hand: scripts/gen-props.js
 * derives them from the props interfaces (the one declaration, with its doc comments) into
 * props-shapes.json. `checkProps` walks a value against its shape, reports every mismatch as a
 * finding (rule `prop-type`, `prop-unknown`, or the syntax's own rule) with field, value and fix,
 * and returns a clean copy: a wrong optional value is dropped, a wrong required one replaced by a
 * fallback of its type. Nothing is coerced ("3" stays an error, never becomes 3), and the code
 * behind the boundary only ever sees the documented types. Work is bounded by the sizes in the
 * shapes, never by a number the user passes.
 */
import { Finding, finding } from './problem';
import { SYNTAXES } from './prop-syntaxes';
import { PropsName } from './props-names';

export type { PropsName } from './props-names';
import SHAPES from './props-shapes.json';
import { CORE_RULES as RULES, Rule } from './rules';

/** What a prop must be (generated data; see scripts/gen-props.js). */
export type Shape =
  | { readonly t: 'string'; readonly max: number; readonly syntax?: string }
  | { readonly t: 'enum'; readonly values: readonly string[] }
  | { readonly t: 'integer' }
  | { readonly t: 'number' }
  | { readonly t: 'boolean' }
  | { readonly t: 'scalar' }
  | { readonly t: 'any' }
  | { readonly t: 'plain'; readonly what: string }
  | { readonly t: 'object'; readonly fields: { readonly [name: string]: Field } }
  | { readonly t: 'array'; readonly items: Shape; readonly max: number }
  | { readonly t: 'record'; readonly values: Shape; readonly max: number; readonly keys?: string }
  | { readonly t: 'instance'; readonly name: string }
  | { readonly t: 'json'; readonly max: number }
  | { readonly t: 'union'; readonly options: readonly Shape[] };

/** A field of an object shape. */
export interface Field {
  readonly shape: Shape;
  readonly required?: boolean;
}

/** A class whose instances a prop takes: how to recognise one, how messages name it, what stands in for a wrong one. */
export interface InstanceType {
  readonly test: (v: unknown) => boolean;
  readonly what: string;
  readonly fallback?: unknown;
}

/** The instance types a construct's props take, by the name the shapes use (`Storage`, `Duration`, `cluster`, ...). */
export type Instances = Readonly<Record<string, InstanceType>>;

/** A plain object (an object literal or JSON.parse result; not an array, Date, class instance or null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function describe(shape: Shape, instances: Instances): string {
  switch (shape.t) {
    case 'string':
      return shape.syntax ? SYNTAXES[shape.syntax].what : 'a string';
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
    case 'any':
      return 'anything';
    case 'plain':
      return shape.what;
    case 'object':
      return `an object { ${Object.keys(shape.fields).join(', ')} }`;
    case 'array':
      return `an array (at most ${shape.max} entries)`;
    case 'record':
      return `an object of at most ${shape.max} entries`;
    case 'instance':
      return instances[shape.name]?.what ?? `a ${shape.name}`;
    case 'json':
      return 'plain JSON data (objects, arrays, strings, finite numbers, booleans)';
    case 'union':
      return shape.options.map((o) => describe(o, instances)).join(' or ');
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

/** A check in progress: where findings go and which instance types the props take. */
interface Walk {
  readonly out: Finding[];
  readonly instances: Instances;
}

type Checked = { value: unknown };

/** The value standing in for a required field that is missing or wrong, so code behind the boundary sees its type. */
function fallbackOf(shape: Shape, instances: Instances): unknown {
  switch (shape.t) {
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return Number.NaN;
    case 'array':
      return [];
    case 'instance':
      return instances[shape.name]?.fallback;
    default:
      return undefined;
  }
}

/** Checks `value` against `shape`; `field` names it in findings. Returns the clean value (undefined when wrong). */
function check(value: unknown, shape: Shape, field: string, w: Walk): Checked {
  const wrong = (rule: Rule, message: string, fix: string): Checked => {
    w.out.push(finding(rule, field, value, message, fix));
    return { value: undefined };
  };
  const typeError = () => {
    const what = describe(shape, w.instances);
    return wrong(RULES.propType, `${typeName(value)}, not ${what}`, `pass ${what}`);
  };
  const ok = (fits: boolean) => (fits ? { value } : typeError());
  switch (shape.t) {
    case 'string':
      return typeof value === 'string' ? checkString(value, shape, wrong) : typeError();
    case 'enum':
      return ok(typeof value === 'string' && shape.values.includes(value));
    case 'integer':
      return ok(typeof value === 'number' && Number.isSafeInteger(value));
    case 'number':
      return ok(typeof value === 'number' && Number.isFinite(value));
    case 'boolean':
      return ok(typeof value === 'boolean');
    case 'scalar':
      return ok(typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value));
    case 'any':
      return { value };
    case 'plain':
      return ok(isPlainObject(value));
    case 'instance':
      return ok(w.instances[shape.name]?.test(value) === true);
    case 'json': {
      const p = jsonProblem(value, { left: shape.max });
      return p ? wrong(RULES.propType, `not plain JSON data: ${p}`, `pass ${describe(shape, w.instances)}`) : { value };
    }
    case 'union':
      return checkUnion(value, shape, field, w) ?? typeError();
    case 'array':
      return Array.isArray(value) ? checkArray(value, shape, field, w, wrong) : typeError();
    case 'record':
      return isPlainObject(value) ? checkRecord(value, shape, field, w, wrong) : typeError();
    case 'object':
      return isPlainObject(value) ? checkObject(value, shape, field, w) : typeError();
  }
}

type Wrong = (rule: Rule, message: string, fix: string) => Checked;

function checkString(value: string, shape: { max: number; syntax?: string }, wrong: Wrong): Checked {
  if (value.length > shape.max)
    return wrong(RULES.propType, `${value.length} characters, more than ${shape.max}`, 'shorten it');
  const syntax = shape.syntax === undefined ? undefined : SYNTAXES[shape.syntax];
  if (syntax && !syntax.test(value)) return wrong(syntax.rule, `not ${syntax.what}`, syntax.fix);
  return { value };
}

/** The first option the value fits decides; else the first of its kind (an object is checked field by field). */
function checkUnion(value: unknown, shape: { options: readonly Shape[] }, field: string, w: Walk): Checked | undefined {
  const fits =
    shape.options.find((o) => quietFits(value, o, field, w)) ??
    shape.options.find(
      (o) => (o.t === 'object') === isPlainObject(value) && (o.t !== 'enum' || typeof value === 'string'),
    );
  return fits ? check(value, fits, field, w) : undefined;
}

function quietFits(value: unknown, shape: Shape, field: string, w: Walk): boolean {
  const out: Finding[] = [];
  check(value, shape, field, { out, instances: w.instances });
  return out.length === 0;
}

function checkArray(
  value: unknown[],
  shape: { items: Shape; max: number },
  field: string,
  w: Walk,
  wrong: Wrong,
): Checked {
  if (value.length > shape.max)
    return wrong(RULES.propType, `${value.length} entries, more than ${shape.max}`, 'pass fewer entries');
  const clean: unknown[] = [];
  value.forEach((x, i) => {
    const r = check(x, shape.items, `${field}[${i}]`, w);
    if (r.value !== undefined) clean.push(r.value);
  });
  return { value: clean };
}

function checkRecord(
  value: Record<string, unknown>,
  shape: { values: Shape; max: number; keys?: string },
  field: string,
  w: Walk,
  wrong: Wrong,
): Checked {
  const entries = Object.entries(value);
  if (entries.length > shape.max)
    return wrong(RULES.propType, `${entries.length} entries, more than ${shape.max}`, 'pass fewer entries');
  const keys = shape.keys === undefined ? undefined : SYNTAXES[shape.keys];
  const clean: Record<string, unknown> = {};
  for (const [k, x] of entries) {
    const at = `${field}['${k}']`;
    if (keys && !keys.test(k)) {
      w.out.push(finding(keys.rule, at, x, `the key is not ${keys.what}`, keys.fix));
      continue;
    }
    const r = check(x, shape.values, at, w);
    if (r.value !== undefined) clean[k] = r.value;
  }
  return { value: clean };
}

/** A field the shape does not describe is a typo or a prop of another version: reported, then dropped. */
function checkObject(
  value: Record<string, unknown>,
  shape: { fields: { readonly [name: string]: Field } },
  field: string,
  w: Walk,
): Checked {
  const known = Object.keys(shape.fields);
  for (const k of Object.keys(value).filter((x) => !known.includes(x) && value[x] !== undefined)) {
    const near = nearest(k, known);
    const fix = near
      ? `did you mean '${near}'? Otherwise remove it`
      : `remove it (fields: ${[...known].sort().join(', ')})`;
    w.out.push(
      finding(RULES.propUnknown, field ? `${field}.${k}` : k, value[k], 'no such prop; it would be ignored', fix),
    );
  }
  const clean: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(shape.fields)) {
    const at = field ? `${field}.${k}` : k;
    const x = value[k];
    if (x === undefined && f.required) {
      w.out.push(
        finding(RULES.propType, at, undefined, 'missing; it is required', `pass ${describe(f.shape, w.instances)}`),
      );
      clean[k] = fallbackOf(f.shape, w.instances);
      continue;
    }
    if (x === undefined) continue;
    const r = check(x, f.shape, at, w);
    if (r.value !== undefined) clean[k] = r.value;
    else if (f.required) clean[k] = fallbackOf(f.shape, w.instances);
  }
  return { value: clean };
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

/**
 * Checks the props object of a construct against the shape generated from its props interface
 * (fields named without a prefix, or under `field`); returns clean props and findings.
 */
export function checkProps<T>(
  props: unknown,
  name: PropsName,
  instances: Instances = {},
  field = '',
): { props: T; findings: Finding[] } {
  const shape = (SHAPES as Record<PropsName, unknown>)[name] as Shape;
  const findings: Finding[] = [];
  const w: Walk = { out: findings, instances };
  if (props === undefined) return { props: check({}, shape, field, w).value as T, findings };
  // fields of the props object are named bare (`replicas`); the object itself, when wrong, `props`
  const r = check(props, shape, isPlainObject(props) ? field : field || 'props', w);
  return { props: (r.value ?? check({}, shape, field, { out: [], instances }).value) as T, findings };
}
