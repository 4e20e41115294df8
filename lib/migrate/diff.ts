/**
 * The escape hatch: JSON patches that turn what the library renders into what the input declares,
 * for everything no prop expresses. Computed on the normalized pair (normalize.ts), applied to the
 * rendered object with cdk8s `addJsonPatch`; each carries the reason printed above it.
 */
import { REPLICATION_CONFIG_KEYS } from '../model/config';
import { isRecord, PatchPlan } from './plan';
import { sameJson } from './normalize';

const pointer = (segments: readonly (string | number)[]) =>
  segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
const dotted = (segments: readonly (string | number)[]) =>
  segments
    .map((s) => (typeof s === 'number' ? `[${s}]` : /^[\w-]+$/.test(s) ? `.${s}` : `['${s}']`))
    .join('')
    .slice(1);
const short = (v: unknown) => {
  const t = JSON.stringify(v) ?? 'undefined';
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
};

/** Why a listener is added by a patch. */
function listenerReason(l: Record<string, unknown>): string {
  const name = `listener ${String(l.name)}`;
  if (l.type === 'nodeport') {
    return (
      `${name}: the library's nodeport listener needs a bootstrap nodePort and advertised hosts (or refuses ` +
      'this one, see above); kept as the input has it'
    );
  }
  if (l.type === 'internal' || l.type === 'cluster-ip') {
    return `${name}: its authentication has no prop in the library; kept as the input has it`;
  }
  // addExternalListener could express it; migrate does not map these listeners yet
  return `${name}: migrate maps no ${String(l.type)} listener yet; kept as the input has it`;
}

/** Why a patch is needed, from what the library wrote and what the input has. */
function reason(op: PatchPlan['op'], at: readonly (string | number)[], out: unknown, inp: unknown): string {
  const field = dotted(at);
  if (op === 'add' && at[at.length - 1] === 'listeners' && isRecord(inp)) return listenerReason(inp);
  if (op === 'add' && at.join('/') === `spec/kafka/config/${String(at[3])}`) {
    return `the library refuses config key ${String(at[3])} (rules config-forbidden, config-entry); kept as given`;
  }
  if (op === 'add') {
    const type = isRecord(inp) && typeof inp.type === 'string' ? ` (type ${inp.type})` : '';
    return `no prop of the library writes ${field}${type}; kept as the input has it`;
  }
  const key = String(at[at.length - 1]);
  if (op === 'remove' && at.join('/') === 'spec/kafka/config') {
    return (
      'the library sets the replication keys from the broker count (prop replication); the input leaves them at ' +
      "Kafka's defaults"
    );
  }
  if (op === 'remove' && at[at.length - 2] === 'config' && REPLICATION_CONFIG_KEYS.includes(key)) {
    return `the library sets ${key} from the broker count (prop replication); the input leaves it at Kafka's default`;
  }
  if (op === 'remove') return `the library writes ${field} = ${short(out)}; the input does not set it`;
  return `the library writes ${field} = ${short(out)}; the input has ${short(inp)}`;
}

const KEYS = ['name', 'id', 'broker'];

/** A key every entry of both arrays has, with unique scalar values: entries are matched by it. */
function matchKey(a: readonly unknown[], b: readonly unknown[]): string | undefined {
  return KEYS.find((k) =>
    [a, b].every((arr) => {
      const values = arr.map((e) => (isRecord(e) ? e[k] : undefined));
      return values.every((v) => typeof v === 'string' || typeof v === 'number') && new Set(values).size === arr.length;
    }),
  );
}

function diffArrays(out: unknown[], inp: unknown[], at: (string | number)[]): PatchPlan[] {
  if (sameJson(out, inp)) return [];
  const key = matchKey(out, inp);
  if (!key && out.length === inp.length) return out.flatMap((o, i) => diffValues(o, inp[i], [...at, i]));
  if (!key) return [{ op: 'replace', path: pointer(at), value: inp, why: reason('replace', at, out, inp) }];
  const patches: PatchPlan[] = [];
  const keyOf = (e: unknown) => (e as Record<string, unknown>)[key];
  out.forEach((o, i) => {
    const match = inp.find((e) => keyOf(e) === keyOf(o));
    if (match !== undefined) patches.push(...diffValues(o, match, [...at, i]));
  });
  const removed = [...out.keys()].filter((i) => !inp.some((e) => keyOf(e) === keyOf(out[i]))).reverse();
  for (const i of removed)
    patches.push({ op: 'remove', path: pointer([...at, i]), why: reason('remove', [...at, i], out[i], undefined) });
  for (const e of inp.filter((x) => !out.some((o) => keyOf(o) === keyOf(x)))) {
    patches.push({ op: 'add', path: pointer([...at, '-']), value: e, why: reason('add', at, undefined, e) });
  }
  return patches;
}

function diffRecords(out: Record<string, unknown>, inp: Record<string, unknown>, at: (string | number)[]): PatchPlan[] {
  const patches: PatchPlan[] = [];
  const keys = [...new Set([...Object.keys(out), ...Object.keys(inp)])].sort();
  for (const k of keys) {
    const [o, i, here] = [out[k], inp[k], [...at, k]];
    if (o === undefined && i !== undefined)
      patches.push({ op: 'add', path: pointer(here), value: i, why: reason('add', here, o, i) });
    else if (o !== undefined && i === undefined)
      patches.push({ op: 'remove', path: pointer(here), why: reason('remove', here, o, i) });
    else patches.push(...diffValues(o, i, here));
  }
  return patches;
}

/** The patches that turn `out` into `inp` (equal up to order: none). */
export function diffValues(out: unknown, inp: unknown, at: (string | number)[] = []): PatchPlan[] {
  if (sameJson(out, inp)) return [];
  if (Array.isArray(out) && Array.isArray(inp)) return diffArrays(out, inp, at);
  if (isRecord(out) && isRecord(inp)) return diffRecords(out, inp, at);
  return [{ op: 'replace', path: pointer(at), value: inp, why: reason('replace', at, out, inp) }];
}
