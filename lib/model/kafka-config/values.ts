/**
 * A config value read as Kafka reads it: the operator writes every value as text, and Kafka's
 * `ConfigDef.parseType` trims it and parses it by type (`Integer.parseInt`, `Long.parseLong`,
 * `Double.parseDouble`, `true`/`false` in any case, lists split at commas); then the config's
 * validator (`Range`, `ValidString`, `ValidList`, `CaseInsensitiveValidString`, `NonEmptyString`)
 * checks it. Values may be given as numbers or strings alike, as Kafka accepts both.
 */
import { ConfigDefinition, ConfigType, ValidValues } from './catalogue';

/** A config value of a `config` map. */
export type ScalarValue = string | number | boolean;

const INTEGER_RANGE: Partial<Record<ConfigType, [bigint, bigint]>> = {
  short: [-(2n ** 15n), 2n ** 15n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};
const DOUBLE = /^[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?))$/;

/** The text Kafka receives for a value. */
export function configText(value: ScalarValue): string {
  return String(value).trim();
}

/** A list value as Kafka splits it. */
export function listItems(value: ScalarValue): string[] {
  const text = configText(value);
  return text === '' ? [] : text.split(/\s*,\s*/);
}

/** The number a numeric value parses to, or a reason it does not parse; bigint for whole numbers. */
export function parseNumber(type: ConfigType, value: ScalarValue): bigint | number | string {
  if (typeof value === 'boolean') return 'a boolean, not a number';
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value))
    return `a number beyond ${Number.MAX_SAFE_INTEGER} loses digits in YAML; write it as a string`;
  const text = configText(value);
  const range = INTEGER_RANGE[type];
  if (range) {
    if (!/^[+-]?\d+$/.test(text)) return 'not a whole number';
    const n = BigInt(text);
    return n < range[0] || n > range[1] ? `outside the ${type} range ${range[0]} to ${range[1]}` : n;
  }
  if (!DOUBLE.test(text)) return 'not a number';
  return Number(text.replace(/[fFdD]$/, ''));
}

const AN: Partial<Record<ConfigType, string>> = { int: 'an int', short: 'a short', long: 'a long', double: 'a double' };

/** What a definition allows, in words: `a long from -1`, `one of compact, delete`, `true or false`. */
export function describeAllowed(d: ConfigDefinition): string {
  const v = d.valid ?? {};
  if (d.type === 'boolean') return 'true or false';
  if (v.in && v.versions) return `a Kafka version from ${v.in[0]} to ${v.in[v.in.length - 1]}`;
  if (v.in) {
    const values = v.in.join(', ');
    if (d.type === 'list') return `a comma-separated list of ${values}`;
    return `one of ${values}${v.ci ? ' (in any case)' : ''}`;
  }
  const noun = AN[d.type];
  if (noun) {
    const from = v.min !== undefined ? ` from ${v.min}` : '';
    const to = v.max !== undefined ? (v.min !== undefined ? ` to ${v.max}` : ` up to ${v.max}`) : '';
    const or = v.or ? `, or ${v.or.join(', ')}` : '';
    return `${noun}${from}${to}${or}`;
  }
  if (d.type === 'list') return v.nonEmpty ? 'a non-empty comma-separated list' : 'a comma-separated list';
  if (d.type === 'class') return 'a Java class name';
  return v.nonEmpty ? 'a non-empty string' : 'a string';
}

function inRange(n: bigint | number, v: ValidValues): boolean {
  if (v.or?.some((x) => Number(n) === x)) return true;
  const below =
    v.min !== undefined && (typeof n === 'bigint' && Number.isInteger(v.min) ? n < BigInt(v.min) : Number(n) < v.min);
  const above =
    v.max !== undefined && (typeof n === 'bigint' && Number.isInteger(v.max) ? n > BigInt(v.max) : Number(n) > v.max);
  return !below && !above;
}

/** `MetadataVersion.fromVersionString`: the first two parts (three for 0.x) name a version and its IVs. */
function isKafkaVersion(value: string, listed: readonly string[]): boolean {
  const parts = value.split('.');
  const key = parts.slice(0, value.startsWith('0.') ? 3 : 2).join('.');
  return listed.includes(value) || listed.some((x) => x === key || x.startsWith(`${key}-IV`));
}

function enumProblem(items: string[], v: ValidValues): string | undefined {
  const allowed = v.ci ? v.in!.map((x) => x.toUpperCase()) : v.in!;
  const ok = (i: string) => (v.versions ? isKafkaVersion(i, v.in!) : allowed.includes(v.ci ? i.toUpperCase() : i));
  const bad = items.filter((i) => !ok(i));
  return bad.length > 0 ? `'${bad.join("', '")}' is not allowed` : undefined;
}

/** Why Kafka refuses a value for a definition, or undefined when it accepts it. */
export function valueProblem(d: ConfigDefinition, value: ScalarValue): string | undefined {
  const v = d.valid ?? {};
  const text = configText(value);
  switch (d.type) {
    case 'boolean':
      return /^(true|false)$/i.test(text) ? undefined : 'not true or false';
    case 'int':
    case 'short':
    case 'long':
    case 'double': {
      const n = parseNumber(d.type, value);
      if (typeof n === 'string') return n;
      if (inRange(n, v)) return undefined;
      return v.min !== undefined && Number(n) < v.min ? `below the minimum ${v.min}` : `above the maximum ${v.max}`;
    }
    case 'list': {
      const items = listItems(value);
      if (v.nonEmpty && items.length === 0) return 'an empty list';
      return v.in ? enumProblem(items, v) : undefined;
    }
    case 'class':
      return /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(text) ? undefined : 'not a Java class name';
    default:
      if (v.nonEmpty && text === '') return 'an empty string';
      return v.in ? enumProblem([text], v) : undefined;
  }
}
