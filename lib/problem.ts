import { IConstruct } from 'constructs';
import { Rule } from './rules';

/** One finding: a rule broken by a field of a construct. */
export interface Problem {
  /** The construct whose props hold the field. */
  readonly scope: IConstruct;
  /** The rule of the catalogue. */
  readonly rule: Rule;
  /** The field, as a path inside that construct's props, e.g. `brokers[3].nodePort`. */
  readonly field: string;
  /** The offending value. */
  readonly value?: unknown;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

function formatValue(value: unknown): string {
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** A finding without its construct path (cdk8s validation adds the path). */
export function describeProblem(p: Omit<Problem, 'scope'>): string {
  const value = p.value === undefined ? '' : ` = ${formatValue(p.value)}`;
  const severity = p.rule.severity === 'warning' ? 'warning: ' : '';
  return `${severity}${p.field}${value}: ${p.message}. Fix: ${p.fix} [${p.rule.id}]`;
}

/** A finding with its construct path, as shown to users. */
export function formatProblem(p: Problem): string {
  return `[${p.scope.node.path}] ${describeProblem(p)}`;
}

/** An error thrown where construction cannot go on (a duplicate construct name). */
export class KraftConfigError extends Error {
  constructor(p: Problem) {
    super(formatProblem(p));
    this.name = 'KraftConfigError';
  }
}

const recorded = new WeakMap<IConstruct, Problem[]>();

/**
 * Records a finding on a construct. Nothing throws: every finding of a synth is reported
 * together by cdk8s validation, and nothing is written when any is an error.
 */
export function report(scope: IConstruct, rule: Rule, field: string, value: unknown, message: string, fix: string): void {
  const list = recorded.get(scope) ?? [];
  list.push({ scope, rule, field, value, message, fix });
  recorded.set(scope, list);
}

/** The findings recorded on a construct while it was built. */
export function recordedProblems(scope: IConstruct): Problem[] {
  return recorded.get(scope) ?? [];
}

/** Kubernetes NodePort range (default service-node-port-range). */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

/** Checks that a value is an integer in [min, max]; records a finding and returns false when not. */
export function checkInteger(scope: IConstruct, rule: Rule, field: string, value: number, min: number, max: number, fix: string): boolean {
  if (Number.isInteger(value) && value >= min && value <= max) return true;
  report(scope, rule, field, value, `not an integer from ${min} to ${max}`, fix);
  return false;
}

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
  if (options.ipv6 && /^[0-9a-fA-F:]+$/.test(value) && value.includes(':')) return true;
  return value.length <= 253 && value.split('.').every((label) => HOST_LABEL.test(label) && label.length <= 63);
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
    '': 1, 'm': 1e-3, 'k': 1e3, 'M': 1e6, 'G': 1e9, 'T': 1e12, 'P': 1e15, 'E': 1e18,
    'Ki': 2 ** 10, 'Mi': 2 ** 20, 'Gi': 2 ** 30, 'Ti': 2 ** 40, 'Pi': 2 ** 50, 'Ei': 2 ** 60,
  };
  return Number(m[1]) * (factors[m[2]] ?? Number(`1${m[2]}`));
}
