/**
 * The CEL validation rules of CRDs (`x-kubernetes-validations`), evaluated as the API server does
 * at apply, with @bufbuild/cel: each rule of a schema node runs with `self` bound to the object's
 * value there (integers as CEL ints, objects as maps), a rule that is false fails with its
 * `message` (else `failed rule: <rule>`), and a rule whose evaluation errs (a field it reads is
 * absent) fails with the error, as the API server reports it. Transition rules, those that read
 * `oldSelf`, compare with the object already stored: there is none offline, so they are not
 * evaluated (the API server also skips them on create).
 */
import type * as Cel from '@bufbuild/cel';

let cel: typeof Cel | undefined;
/** @bufbuild/cel, loaded on the first rule (most releases' CRDs have none: 0.41.0-0.46.1). */
const celLib = (): typeof Cel => (cel ??= require('@bufbuild/cel') as typeof Cel);

type Schema = Record<string, any>;

/** A CRD rule. */
interface Validation {
  readonly rule: string;
  readonly message?: string;
}

/** The value as CEL sees it: integers of `integer` fields as ints, objects as maps, lists as lists. */
function celValue(schema: Schema | undefined, v: unknown, resolve: (s: Schema) => Schema): unknown {
  const s = schema && resolve(schema);
  if (Array.isArray(v)) return v.map((x) => celValue(s?.items, x, resolve));
  if (v !== null && typeof v === 'object') {
    return new Map(
      Object.entries(v).map(([k, x]) => [
        k,
        celValue(
          s?.properties?.[k] ?? (typeof s?.additionalProperties === 'object' ? s.additionalProperties : undefined),
          x,
          resolve,
        ),
      ]),
    );
  }
  if (typeof v === 'number' && s?.type === 'integer' && Number.isInteger(v)) return BigInt(v);
  return v;
}

/** The failure of one rule on a value, or undefined when it holds (or reads `oldSelf`). */
function failure(r: Validation, self: unknown): string | undefined {
  if (/\boldSelf\b/.test(r.rule)) return undefined;
  let result: unknown;
  try {
    result = celLib().run(r.rule, { self: self as never });
  } catch (e) {
    result = e;
  }
  if (result === true) return undefined;
  if (celLib().isCelError(result) || result instanceof Error) {
    return `${r.message ?? `failed rule: ${r.rule}`} (rule '${r.rule}': ${(result as Error).message})`;
  }
  return r.message ?? `failed rule: ${r.rule}`;
}

/**
 * The CEL rule failures of one object against its CRD schema, each `<path> <message>`.
 * @param resolve the schema node a `{ $ref }` stands for (the shipped schemas share nodes)
 */
export function celFailures(schema: Schema, value: unknown, resolve: (s: Schema) => Schema = (s) => s): string[] {
  const out: string[] = [];
  const walk = (node: Schema | undefined, v: unknown, at: string): void => {
    if (!node || v === undefined || v === null) return;
    const s = resolve(node);
    const rules = (s['x-kubernetes-validations'] ?? []) as Validation[];
    if (rules.length > 0) {
      const self = celValue(s, v, resolve);
      for (const r of rules) {
        const f = failure(r, self);
        if (f !== undefined) out.push(`${at || '/'} ${f}`);
      }
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(s.items, x, `${at}/${i}`));
    else if (typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const child =
          s.properties?.[k] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
        walk(child, x, `${at}/${k}`);
      }
    }
  };
  walk(schema, value, '');
  return out;
}
