import { IConstruct } from 'constructs';
import { report } from './problem';
import { RULES } from './rules';

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
/** Every listener authentication type of any Strimzi API version. */
export const AUTHENTICATION_TYPES: readonly string[] = ['tls', 'scram-sha-512', 'oauth', 'custom'];

/** Checks a listener on its own and against the cluster's other listeners; `prefix` leads the field names. */
export function validateListener(scope: IConstruct, prefix: string, l: ListenerBaseOptions, others: readonly ListenerBaseOptions[]): void {
  if (!LISTENER_NAME.test(l.name)) {
    report(scope, RULES.listenerName, `${prefix}name`, l.name, 'not 1 to 11 lower-case letters or digits', "rename the listener, e.g. 'external'");
  } else if (others.some((o) => o.name === l.name)) {
    report(scope, RULES.listenerNameUnique, `${prefix}name`, l.name, 'another listener has this name', 'give every listener its own name');
  }
  if (!Number.isInteger(l.port) || l.port < 9092 || l.port > 65535) {
    report(scope, RULES.listenerPort, `${prefix}port`, l.port, 'not an integer from 9092 to 65535', 'pick a free port such as 9092, 9093 or 9094');
  } else if (RESERVED_PORTS.includes(l.port)) {
    report(scope, RULES.listenerPortReserved, `${prefix}port`, l.port, `Strimzi uses ${RESERVED_PORTS.join(' and ')} for metrics and JMX`, 'pick a free port such as 9092, 9093 or 9094');
  } else {
    const samePort = others.find((o) => o.port === l.port);
    if (samePort) {
      report(scope, RULES.listenerPortUnique, `${prefix}port`, l.port, `listener '${samePort.name}' uses this port already`, 'give every listener its own port');
    }
  }
  const auth = l.authentication;
  if (auth && !AUTHENTICATION_TYPES.includes(auth.type)) {
    report(scope, RULES.authenticationType, `${prefix}authentication.type`, auth.type, 'not a listener authentication type', `use one of ${AUTHENTICATION_TYPES.join(', ')}`);
  }
  if (auth?.type === 'tls' && !l.tls) {
    report(scope, RULES.authenticationTlsNeedsTls, `${prefix}tls`, l.tls ?? false, 'TLS client authentication needs an encrypted listener', 'set tls: true on the listener');
  }
}

/** Checks what only an internal listener has. */
export function validateInternalListener(scope: IConstruct, prefix: string, l: InternalListenerOptions): void {
  if (l.type !== undefined && !['internal', 'cluster-ip'].includes(l.type)) {
    report(scope, RULES.listenerType, `${prefix}type`, l.type, "not an internal listener type", "use 'internal' or 'cluster-ip' (external access: addNodePortListener)");
  }
}
