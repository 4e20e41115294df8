/** Syntax of Kubernetes names, hosts and quantities: pure predicates. */

/** Kubernetes NodePort range (default service-node-port-range). */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** True for an RFC 1123 label of at most `max` characters. */
export function isDnsLabel(value: string, max = 63): boolean {
  return DNS_LABEL.test(value) && value.length <= max;
}

const HOST_LABEL = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;

/**
 * True for a host name (dot-separated labels of letters, digits and '-', at most 63 characters
 * each and 253 in all; an IPv4 address is one too) or, with `ipv6`, an IPv6 address.
 */
export function isHostOrIp(value: string, options: { ipv6?: boolean } = {}): boolean {
  if (typeof value !== 'string') return false;
  if (options.ipv6 && isIpv6(value)) return true;
  const labels = value.split('.');
  // an all-digit last label is no top-level domain: then it must be an IPv4 address
  if (/^[0-9]+$/.test(labels[labels.length - 1])) return isIpv4(value);
  return value.length <= 253 && labels.every((label) => HOST_LABEL.test(label) && label.length <= 63);
}

function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

function isIpv6(value: string): boolean {
  if (!/^[0-9a-fA-F:]+$/.test(value) || !value.includes(':') || value.length > 39) return false;
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  return (
    groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g)) &&
    (halves.length === 2 ? groups.length <= 7 : groups.length === 8)
  );
}

/** True for an IPv4 or IPv6 address literal. */
export function isIpAddress(value: string): boolean {
  return typeof value === 'string' && (isIpv4(value) || isIpv6(value));
}

/** True for an RFC 1123 subdomain (dot-separated labels, at most 253 characters). */
export function isDnsSubdomain(value: string): boolean {
  return value.length <= 253 && value.split('.').every((l) => isDnsLabel(l));
}

/** True for a Kubernetes quantity such as `100Gi`, `500m` or `1.5`. */
export function isQuantity(value: string): boolean {
  return /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/.test(value);
}

/** A Kubernetes quantity in base units (bytes or cores), for comparisons. */
export function parseQuantity(value: string): number {
  if (/[eE][+-]?[0-9]+$/.test(value)) return Number(value);
  const m = /^([+-]?[0-9.]+)([a-zA-Z]*)$/.exec(value)!;
  const factors: Record<string, number> = {
    '': 1,
    'm': 1e-3,
    'k': 1e3,
    'M': 1e6,
    'G': 1e9,
    'T': 1e12,
    'P': 1e15,
    'E': 1e18,
    'Ki': 2 ** 10,
    'Mi': 2 ** 20,
    'Gi': 2 ** 30,
    'Ti': 2 ** 40,
    'Pi': 2 ** 50,
    'Ei': 2 ** 60,
  };
  return Number(m[1]) * (factors[m[2]] ?? Number(`1${m[2]}`));
}

const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

/** True for a valid Kubernetes label key and value. */
export function isLabel(key: string, value: string): boolean {
  return LABEL_KEY.test(key) && key.length <= 317 && LABEL_VALUE.test(value);
}

/** Sorts an object's keys (every map we emit is sorted so output is stable). */
export function sortedRecord<T>(record: Record<string, T> | undefined): Record<string, T> | undefined {
  if (record === undefined) return undefined;
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Compares strings by code unit, for sort(). */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A construct id made from a user's name: the name itself when it is plain (letters, digits,
 * '.', '_', '-'), else `fallback`, so that construct paths (which every finding shows as `[path]`)
 * never carry brackets, slashes or line breaks from user input.
 */
export function safeConstructId(name: string, fallback: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/.test(name) ? name : fallback;
}
