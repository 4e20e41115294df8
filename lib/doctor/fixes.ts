/**
 * One line per failed hop: what failed, and the fix, with the app folder's facts (listener,
 * Secrets, load-balancer line) when there are some.
 */
import { ClientFacts, ListenerFacts } from './app-facts';
import { Failure, FailureFacts } from './failure';

/** What the doctor knows around a hop. */
export interface FixContext {
  readonly listener?: ListenerFacts;
  readonly client?: ClientFacts;
  /** The SCRAM user the doctor signs in as. */
  readonly user?: string;
  readonly tls: boolean;
  readonly ca: boolean;
  /** Whether the doctor presents a client certificate (--cert, --key). */
  readonly clientCertificate?: boolean;
  readonly timeoutMs: number;
}

/** Which hop failed: the bootstrap address, or the address advertised for a node. */
export interface Hop {
  readonly address: string;
  readonly host: string;
  /** Undefined for the bootstrap. */
  readonly nodeId?: number;
}

/** The state word of each failure. */
export const FAILURE_LABELS: Readonly<Record<Failure, string>> = {
  'refused': 'REFUSED',
  'timeout': 'TIMEOUT',
  'closed': 'CLOSED',
  'tls-trust': 'TLS TRUST',
  'tls-host': 'TLS HOST NAME',
  'tls-client-certificate': 'TLS CLIENT CERTIFICATE',
  'tls': 'TLS',
  'sasl-required': 'SASL REQUIRED',
  'sasl-mechanism': 'SASL MECHANISM',
  'sasl-credentials': 'SASL CREDENTIALS',
  'authorization': 'AUTHORIZATION',
  'other': 'UNREACHABLE',
};

const ns = (x: { namespace?: string } | undefined) => (x?.namespace ? ` -n ${x.namespace}` : '');
const listenerName = (c: FixContext) => (c.listener ? `listener '${c.listener.listener}'` : 'the listener');

/** The fix of a TLS trust failure: the cluster CA, and where it is. */
function trustFix(f: FailureFacts, c: FixContext): string {
  if (f.tlsCode === 'CERT_HAS_EXPIRED' || f.tlsCode === 'CERT_NOT_YET_VALID') {
    const state = f.tlsCode === 'CERT_HAS_EXPIRED' ? 'expired' : 'not valid yet';
    return `the certificate is ${state}: check this machine's clock and the cluster CA renewal`;
  }
  const secret = c.client?.clusterCaSecret ?? c.listener?.caSecret;
  const where = secret
    ? ` (kubectl get secret ${secret}${ns(c.client ?? c.listener)} -o jsonpath='{.data.ca\\.crt}' | base64 -d > ca.crt)`
    : '';
  return c.ca
    ? `the --ca given did not sign this certificate: use the cluster CA's ca.crt${where}`
    : `pass the cluster CA with --ca FILE${where}`;
}

/** The fix of a certificate without the host name connected to. */
function hostFix(hop: Hop, f: FailureFacts, c: FixContext): string {
  const name = f.expectedHost ?? hop.host;
  if (hop.nodeId !== undefined) {
    return (
      `${name} must be in node ${hop.nodeId}'s certificate: set ${listenerName(c)}'s ` +
      `configuration.brokers[broker=${hop.nodeId}].advertisedHost to ${name} ` +
      "(Strimzi adds it to that broker's certificate)"
    );
  }
  if (c.listener?.alternativeNames.includes(name.toLowerCase())) {
    return (
      `${listenerName(c)} lists ${name} in configuration.bootstrap.alternativeNames, but the running broker's ` +
      'certificate lacks it: apply the manifests and wait for the operator to renew the broker certificates'
    );
  }
  const have = c.listener
    ? ` (it has ${c.listener.alternativeNames.length ? c.listener.alternativeNames.join(', ') : 'none'})`
    : '';
  return (
    `add ${name} to ${listenerName(c)}'s configuration.bootstrap.alternativeNames${have}; ` +
    "Strimzi puts them in every broker's certificate"
  );
}

/** The fix of a refused SASL mechanism: what the listener authenticates with. */
function mechanismFix(f: FailureFacts, c: FixContext): string {
  const auth = c.listener ? c.listener.authentication : undefined;
  if (c.listener && auth === undefined) return `${listenerName(c)} has no authentication: drop --sasl-scram`;
  if (auth === 'tls')
    return `${listenerName(c)} authenticates with client certificates (tls): use --cert and --key of a TLS user`;
  if (c.listener && auth !== 'scram-sha-512') return `${listenerName(c)} authenticates with ${auth}, not SCRAM-SHA-512`;
  return f.mechanisms?.length === 0
    ? 'the listener has no SASL: drop --sasl-scram, or use a listener with scram-sha-512 authentication'
    : 'use a listener with authentication scram-sha-512';
}

/** The fix of refused credentials: the user's Secret. */
function credentialsFix(c: FixContext): string {
  const user = c.user ?? c.client?.user ?? 'the user';
  const secret = c.client?.userSecret ?? c.user;
  const get = secret ? ` (kubectl get secret ${secret}${ns(c.client)} -o jsonpath='{.data.password}' | base64 -d)` : '';
  return (
    `use the password of ${user} from Secret ${secret ?? '<user>'} key password${get}, and check that KafkaUser ` +
    `${user} is Ready (kubectl get kafkauser ${user}${ns(c.client)})`
  );
}

/** The fix of a connection accepted and closed. */
function closedFix(c: FixContext): string {
  if (c.listener?.tls && !c.tls) return `${listenerName(c)} has TLS: add --tls --ca FILE`;
  if (c.listener && !c.listener.tls && c.tls) return `${listenerName(c)} has no TLS: drop --tls and --ca`;
  const lb = c.listener?.bootstrapLoadBalancer;
  return lb
    ? `the load balancer (${lb}) reaches no broker: check its upstream, the bootstrap NodePort and that the brokers run`
    : 'check that the load balancer forwards to the bootstrap NodePort and the brokers run; a TLS listener needs --tls';
}

/** What failed and its fix. */
interface WhatAndFix {
  readonly what: string;
  readonly fix: string;
}

type Explain = (hop: Hop, f: FailureFacts, c: FixContext) => WhatAndFix;

/** The load balancer's bootstrap line the app folder names, if any. */
const lbOf = (c: FixContext) => c.listener?.bootstrapLoadBalancer;

/** What failed and its fix, per failure. */
const EXPLAIN: Readonly<Record<Failure, Explain>> = {
  'refused': (hop, _, c) => ({
    what: `nothing listens on ${hop.address}`,
    fix: lbOf(c)
      ? `start the load balancer with its bootstrap server ${lbOf(c)}`
      : 'check the address, and that the load balancer runs',
  }),
  'timeout': (_, __, c) => ({
    what: `no answer within ${c.timeoutMs} ms`,
    fix:
      "a firewall drops the packets, or the address is not the load balancer's" +
      (lbOf(c) ? ` (bootstrap server ${lbOf(c)})` : ''),
  }),
  'closed': (_, __, c) => ({ what: 'accepted and closed before any answer', fix: closedFix(c) }),
  'tls-trust': (_, f, c) => ({ what: `certificate not trusted (${f.tlsCode})`, fix: trustFix(f, c) }),
  'tls-host': (hop, f, c) => ({
    what: `the certificate does not name ${f.expectedHost ?? hop.host}`,
    fix: hostFix(hop, f, c),
  }),
  'tls-client-certificate': (_, f, c) => ({
    what: `the listener ${c.clientCertificate ? 'does not accept this' : 'wants a'} client certificate (${f.tlsCode})`,
    fix: c.clientCertificate
      ? "use user.crt and user.key from the TLS user's Secret (issued by the cluster's clients CA)"
      : 'give --cert FILE --key FILE of a TLS user (user.crt and user.key of its Secret)',
  }),
  'tls': (_, f, c) => ({
    what: `TLS handshake failed (${f.error})`,
    fix:
      c.listener && !c.listener.tls
        ? `${listenerName(c)} has no TLS: drop --tls`
        : 'is this a TLS listener? if not, drop --tls',
  }),
  'sasl-required': (_, __, c) => ({
    what: 'closed after ApiVersions: the listener wants SASL authentication',
    fix:
      'give --sasl-scram USER --password-file FILE' +
      (c.client?.userSecret ? ` (password in Secret ${c.client.userSecret})` : ''),
  }),
  'sasl-mechanism': (_, f, c) => ({ what: 'SCRAM-SHA-512 refused by the listener', fix: mechanismFix(f, c) }),
  'sasl-credentials': (_, f, c) => ({ what: `user ${c.user ?? '?'} refused (${f.error})`, fix: credentialsFix(c) }),
  'authorization': (_, __, c) => ({
    what: 'answers; identity unknown',
    fix:
      `grant DescribeConfigs on the cluster to ${c.user ?? 'this user'} (or use a DoctorUser), ` +
      'or use a TLS listener',
  }),
  'other': (_, f) => ({ what: f.error, fix: 'see the error' }),
};

/** What failed and its fix, for any hop. */
export function whatAndFix(hop: Hop, f: FailureFacts, c: FixContext): WhatAndFix {
  return EXPLAIN[f.failure](hop, f, c);
}

/** `<LABEL>: <what>; fix: <fix>`. */
export function failureLine(hop: Hop, f: FailureFacts, c: FixContext): string {
  const { what, fix } = whatAndFix(hop, f, c);
  // not a failure of the hop: the broker answers, the user may not ask who it is
  if (f.failure === 'authorization') return `${what}: ${fix}`;
  return `${FAILURE_LABELS[f.failure]}: ${what}; fix: ${fix}`;
}
