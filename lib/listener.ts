import { IConstruct } from 'constructs';
import { fail } from './problem';

/** Type of a client authentication on a listener. */
export type ListenerAuthenticationType = 'tls' | 'scram-sha-512' | 'oauth' | 'custom';

/** Client authentication of a listener. */
export interface ListenerAuthentication {
  /** Authentication mechanism. `oauth` exists only up to Strimzi 0.51 (v1beta2). */
  readonly type: ListenerAuthenticationType;
  /**
   * Further fields of Strimzi's listener `authentication` object (e.g. `sasl`, `listenerConfig`),
   * passed through; a field the target API does not have fails validation.
   * @default - none
   */
  readonly options?: Record<string, unknown>;
}

/** Options common to every listener. */
export interface ListenerBaseOptions {
  /** Listener name: lower-case letters and digits, 1 to 11 characters. */
  readonly name: string;
  /** Port inside the cluster: 9092 or higher, not 9404 or 9999. */
  readonly port: number;
  /**
   * Encrypt the listener with TLS.
   * @default false
   */
  readonly tls?: boolean;
  /**
   * Client authentication.
   * @default - none
   */
  readonly authentication?: ListenerAuthentication;
}

/** A listener reachable from inside the Kubernetes cluster. */
export interface InternalListenerOptions extends ListenerBaseOptions {
  /**
   * `internal` (headless per-pod DNS) or `cluster-ip` (a ClusterIP Service per broker).
   * @default 'internal'
   */
  readonly type?: 'internal' | 'cluster-ip';
}

const LISTENER_NAME = /^[a-z0-9]{1,11}$/;
/** Ports Strimzi keeps for itself (metrics and JMX). */
export const RESERVED_PORTS = [9404, 9999];

/** Checks a listener's name and port on their own and against the cluster's other listeners; `prefix` leads the field names. */
export function validateListener(scope: IConstruct, prefix: string, l: ListenerBaseOptions, others: readonly ListenerBaseOptions[]): void {
  if (!LISTENER_NAME.test(l.name)) {
    fail(scope, `${prefix}name`, `'${l.name}' is not 1 to 11 lower-case letters or digits`, "rename the listener, e.g. 'external'");
  }
  if (!Number.isInteger(l.port) || l.port < 9092 || l.port > 65535 || RESERVED_PORTS.includes(l.port)) {
    fail(scope, `${prefix}port`, `${l.port} is not an allowed listener port (9092-65535, except ${RESERVED_PORTS.join(' and ')} which Strimzi uses)`,
      'pick a free port such as 9092, 9093 or 9094');
  }
  const sameName = others.find((o) => o.name === l.name);
  if (sameName) fail(scope, `${prefix}name`, `listener name '${l.name}' is used twice`, 'give every listener its own name');
  const samePort = others.find((o) => o.port === l.port);
  if (samePort) {
    fail(scope, `${prefix}port`, `port ${l.port} is already used by listener '${samePort.name}'`, 'give every listener its own port');
  }
}
