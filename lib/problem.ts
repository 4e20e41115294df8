import { IConstruct } from 'constructs';

/** One thing wrong with the input, tied to the construct and field it concerns. */
export interface Problem {
  /** The construct whose props hold the field. */
  readonly scope: IConstruct;
  /** The field, as a path inside that construct's props, e.g. `brokers[3].nodePort`. */
  readonly field: string;
  /** What is wrong, including the offending value. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/** The message of a problem without its construct path (cdk8s validation adds the path). */
export function describeProblem(p: Omit<Problem, 'scope'>): string {
  return `${p.field}: ${p.message}. Fix: ${p.fix}`;
}

/** An error thrown at once for a prop that is wrong on its own; names path, field and fix. */
export class KraftConfigError extends Error {
  constructor(p: Problem) {
    super(`[${p.scope.node.path}] ${describeProblem(p)}`);
    this.name = 'KraftConfigError';
  }
}

/** Throws a KraftConfigError. */
export function fail(scope: IConstruct, field: string, message: string, fix: string): never {
  throw new KraftConfigError({ scope, field, message, fix });
}

/** Kubernetes NodePort range (default service-node-port-range). */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

/** Checks an integer and throws naming the field when it is not one in [min, max]. */
export function requireInteger(scope: IConstruct, field: string, value: number, min: number, max: number, fix: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(scope, field, `${value} is not an integer from ${min} to ${max}`, fix);
  }
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Checks a Kubernetes object name (RFC 1123 label, at most `max` characters). */
export function requireDnsLabel(scope: IConstruct, field: string, value: string, max: number): void {
  if (!DNS_LABEL.test(value) || value.length > max) {
    fail(scope, field, `'${value}' is not a lower-case DNS label of at most ${max} characters`,
      'use lower-case letters, digits and \'-\', starting and ending with a letter or digit');
  }
}
