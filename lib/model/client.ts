/**
 * How a client connects to a cluster, derived in one place for every client (Kafka Connect,
 * MirrorMaker 2, the Bridge, a `KafkaClient` for your own Deployment): the listener (by name, or the
 * cluster's internal listener with the strongest security), `bootstrap.servers`, the CA certificate
 * it trusts exactly when the listener has TLS, and the user it authenticates as, of the listener's
 * type. Pure functions of plain data: the client's choices and the cluster's facts.
 */
import { Finding, collector } from '../core/problem';
import { ClusterFacts, ClusterListener } from './cluster-facts';
import { RULES } from '../rules';

/** The listener authentication types a client can use with a Secret the User Operator writes. */
export type ClientAuthenticationType = 'scram-sha-512' | 'tls';

/** The cluster a client connects to, as far as its facts go. */
export interface ClientCluster {
  readonly clusterName: string;
  readonly namespace?: string;
  readonly facts: ClusterFacts;
}

/** A KafkaUser a client authenticates as. */
export interface ClientUser {
  readonly userName: string;
  /** The namespace of the KafkaUser, where the User Operator writes its Secret. */
  readonly namespace?: string;
  readonly authentication: {
    readonly type: string;
    readonly password?: { readonly secretName: string; readonly key: string };
  };
  /** Whether the user belongs to the client's cluster. */
  readonly sameCluster: boolean;
  /** Whether the client created the user (its type then follows the listener's). */
  readonly created: boolean;
}

/**
 * The annotation of a client's resource declaring the Secret copies it mounts, for the offline
 * doctor: JSON `{ "<copy>": "<namespace>/<original>" }`.
 */
export const COPIED_SECRETS_ANNOTATION = 'cdk8s-strimzi-kraft/copied-secrets';

/** The annotation value of a client's copies: each copy with the original it stands for, sorted by copy. */
export function copiedSecretsAnnotation(copies: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(copies).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

/** Copies of the Secrets in the client's namespace, for a client in another namespace than its cluster. */
export interface SecretCopies {
  readonly user?: string;
  readonly clusterCa?: string;
}

/** A client's choices: everything its wiring is derived from. */
export interface ClientInput {
  readonly cluster: ClientCluster;
  /** The listener by name; undefined: the internal listener with the strongest security. */
  readonly listener?: string;
  /** The client's namespace (its chart's). */
  readonly namespace?: string;
  /** The user; undefined on a listener without authentication. */
  readonly user?: ClientUser;
  readonly copiedSecrets?: SecretCopies;
  /** Where the client's options stand in its props (`''`, `target.`, `sources[0].`). */
  readonly field: string;
}

/** The user part of a client's wiring. */
export interface ClientCredentials {
  readonly type: ClientAuthenticationType;
  /** SCRAM user name, or the TLS user's certificate CN. */
  readonly userName: string;
  /** The Secret the client mounts, in its own namespace. */
  readonly secretName: string;
  /** The key of the password in it (SCRAM). */
  readonly passwordKey?: string;
}

/** How a client connects: what its Strimzi resource, env vars and volumes say. */
export interface ClientWiring {
  readonly clusterName: string;
  readonly listener: string;
  /** `internal` (inside Kubernetes) or `external` (through the advertised addresses). */
  readonly reach: 'internal' | 'external';
  readonly bootstrapServers: string;
  /** The Secret with the cluster CA certificate (`ca.crt`), in the client's namespace, when the listener has TLS. */
  readonly caSecret?: string;
  /** The user, when the listener authenticates. */
  readonly credentials?: ClientCredentials;
}

/** The wiring of a client, or why there is none, with the findings on the way. */
export interface ClientResult {
  readonly wiring?: ClientWiring;
  readonly findings: readonly Finding[];
}

/** How strong a listener's security is for a client: authentication the library can wire, then TLS. */
function strength(l: ClusterListener): number {
  return (isClientAuthentication(l.authentication) ? 2 : 0) + (l.tls ? 1 : 0);
}

/** Whether a listener authentication type is one a client can use with a User Operator Secret. */
export function isClientAuthentication(type: string | undefined): type is ClientAuthenticationType {
  return type === 'scram-sha-512' || type === 'tls';
}

/** The cluster's internal listener with the strongest security (lowest port on a tie). */
export function defaultListener(listeners: readonly ClusterListener[]): ClusterListener | undefined {
  return listeners
    .filter((l) => l.reach === 'internal')
    .sort((a, b) => strength(b) - strength(a) || a.port - b.port)[0];
}

/** The user authentication type that authenticates on a listener of this authentication type. */
export function userAuthenticationFor(listenerAuthentication: ClientAuthenticationType): string {
  return listenerAuthentication === 'scram-sha-512' ? 'scram-sha-512' : 'tls';
}

/** The listener a client uses: the one named, else the default; undefined when there is none. */
export function clientListener(
  listeners: readonly ClusterListener[],
  name: string | undefined,
): ClusterListener | undefined {
  return name === undefined ? defaultListener(listeners) : listeners.find((l) => l.name === name);
}

/** The listener a client uses, or the finding why it has none. */
function listenerOf(input: ClientInput, out: Finding[]): ClusterListener | undefined {
  const flag = collector(out);
  const { cluster, listener, field } = input;
  const listeners = cluster.facts.listeners;
  if (!listeners) {
    flag(RULES.clientListenerReachable, `${field}cluster`, cluster.clusterName).says(
      `cluster '${cluster.clusterName}' declares no listeners, so no address can be derived. ` +
        'Fix: declare its listeners in KraftCluster.fromAttributes({ listeners: [...] })',
    );
    return undefined;
  }
  const chosen = clientListener(listeners, listener);
  if (listener === undefined) {
    if (!chosen) {
      flag(RULES.clientListenerReachable, `${field}listener`, undefined).says(
        `cluster '${cluster.clusterName}' has no internal listener. ` +
          `Fix: name one of its listeners (${names(listeners)}) in ${field}listener, or add an internal listener`,
      );
    }
    return chosen;
  }
  if (!chosen) {
    flag(RULES.clientListenerKnown, `${field}listener`, listener).says(
      `cluster '${cluster.clusterName}' has no listener '${listener}'. Fix: name one of ${names(listeners)}`,
    );
  }
  return chosen;
}

function names(listeners: readonly ClusterListener[]): string {
  return listeners.map((l) => `'${l.name}'`).join(', ') || '(none)';
}

/** The findings about a listener's authentication for a client under the cluster's authorization. */
function authenticationFindings(input: ClientInput, l: ClusterListener, out: Finding[]): boolean {
  const flag = collector(out);
  const field = `${input.field}listener`;
  const simple = input.cluster.facts.authorization?.type === 'simple';
  if (l.authentication === undefined && !simple) return true;
  if (isClientAuthentication(l.authentication)) return true;
  const why =
    l.authentication === undefined
      ? 'has no authentication, and under simple authorization its clients are ANONYMOUS and denied'
      : `authenticates with ${l.authentication}, for which the library derives no credentials`;
  flag(RULES.clientListenerAuthentication, field, l.name).says(
    `listener '${l.name}' of '${input.cluster.clusterName}' ${why}. ` +
      'Fix: choose a listener with scram-sha-512 or tls authentication',
  );
  return false;
}

/** The findings about the user a client authenticates as on a listener. */
function userFindings(input: ClientInput, type: ClientAuthenticationType, out: Finding[]): boolean {
  const flag = collector(out);
  const u = input.user;
  const field = `${input.field}user`;
  if (!u) {
    flag(RULES.clientUserType, field, undefined).says(
      `listener '${input.listener}' wants ${type} authentication, and the client has no user (its listener ` +
        'had none when the client was created). ' +
        'Fix: create the client after the listeners of its cluster, or pass a user',
    );
    return false;
  }
  if (!u.sameCluster) {
    flag(RULES.clientUserCluster, field, u.userName).says(
      `user '${u.userName}' belongs to another cluster than '${input.cluster.clusterName}'. ` +
        `Fix: pass a KafkaUser of '${input.cluster.clusterName}', or leave ${field} out to have one created`,
    );
    return false;
  }
  const wanted = userAuthenticationFor(type);
  if (u.authentication.type === 'tls-external' && type === 'tls') {
    flag(RULES.clientUserSecret, field, u.userName).says(
      `user '${u.userName}' is tls-external: its certificate is yours, not in a Secret the User Operator writes. ` +
        `Fix: pass a user of type 'tls', or leave ${field} out to have one created`,
    );
    return false;
  }
  if (u.authentication.type !== wanted) {
    const how = u.created ? 'it was created before the listener changed' : `it is ${u.authentication.type}`;
    flag(RULES.clientUserType, field, u.userName).says(
      `user '${u.userName}' cannot authenticate on listener '${input.listener ?? '(default)'}', ` +
        `which wants ${type}: ${how}. Fix: pass a ${wanted} user, or choose a listener of type ` +
        `${u.authentication.type === 'scram-sha-512' ? 'scram-sha-512' : 'tls'}`,
    );
    return false;
  }
  return true;
}

/** The user's Secret as the client mounts it, in the user's namespace. */
function credentialsOf(u: ClientUser, type: ClientAuthenticationType): ClientCredentials {
  const own = u.authentication.password;
  return type === 'scram-sha-512'
    ? {
        type,
        userName: u.userName,
        secretName: own?.secretName ?? u.userName,
        passwordKey: own?.key ?? 'password',
      }
    : { type, userName: u.userName, secretName: u.userName };
}

/**
 * The Secrets a client mounts, in its own namespace: the originals when it shares their namespace,
 * else the copies it names (a finding when it names none).
 */
function placedSecrets(
  input: ClientInput,
  caSecret: string | undefined,
  credentials: ClientCredentials | undefined,
  out: Finding[],
): { caSecret?: string; credentials?: ClientCredentials } {
  const flag = collector(out);
  const copies = input.copiedSecrets ?? {};
  const missing: string[] = [];
  const place = (name: string, home: string | undefined, copy: string | undefined, key: string): string => {
    if (home === input.namespace) return name;
    if (copy) return copy;
    missing.push(`${key}: the copy of '${name}' (namespace ${home ?? '(none)'})`);
    return name;
  };
  const ca = caSecret && place(caSecret, input.cluster.namespace, copies.clusterCa, 'clusterCa');
  const userSecret = credentials && place(credentials.secretName, input.user?.namespace, copies.user, 'user');
  if (missing.length > 0) {
    flag(RULES.clientSecretsNamespace, `${input.field}copiedSecrets`, undefined).says(
      `the client is in namespace ${input.namespace ?? '(none)'}, ` +
        'and a pod mounts Secrets of its own namespace only. ' +
        'Fix: put it in the namespace of its cluster, or keep copies there ' +
        '(a Secret replicator keeps them in sync) and name them: ' +
        `copiedSecrets: { ${missing.join(', ')} }`,
    );
  }
  return {
    caSecret: ca,
    credentials: credentials && userSecret ? { ...credentials, secretName: userSecret } : undefined,
  };
}

/** Whether a listener's bootstrap address is known before apply (a cloud load balancer's is assigned then). */
function knownBootstrap(input: ClientInput, l: ClusterListener, out: Finding[]): boolean {
  if (!l.bootstrapServers.startsWith('<')) return true;
  collector(out)(RULES.clientListenerReachable, `${input.field}listener`, l.name).says(
    `listener '${l.name}' of '${input.cluster.clusterName}' has no bootstrap address before apply ` +
      `(${l.bootstrapServers}). Fix: give the listener bootstrap.host, or choose an internal listener`,
  );
  return false;
}

/** The wiring of a client and every finding about it. */
export function clientWiring(input: ClientInput): ClientResult {
  const out: Finding[] = [];
  const found = listenerOf(input, out);
  const l = found && knownBootstrap(input, found, out) ? found : undefined;
  if (!l || !authenticationFindings(input, l, out)) return { findings: out };
  const type = isClientAuthentication(l.authentication) ? l.authentication : undefined;
  if (type && !userFindings({ ...input, listener: l.name }, type, out)) return { findings: out };
  const credentials = type && input.user ? credentialsOf(input.user, type) : undefined;
  const caSecret = l.tls ? `${input.cluster.clusterName}-cluster-ca-cert` : undefined;
  const placed = placedSecrets(input, caSecret, credentials, out);
  return {
    wiring: {
      clusterName: input.cluster.clusterName,
      listener: l.name,
      reach: l.reach,
      bootstrapServers: l.bootstrapServers,
      ...placed,
    },
    findings: out,
  };
}

/** `client.rack` of a client's pods: the source its cluster's brokers take `broker.rack` from. */
export type ClientRack =
  | { readonly type: 'topology-label'; readonly topologyKey: string }
  | { readonly type: 'environment-variable'; readonly envVarName: string; readonly topologyKey?: string };

/** The replica selector that lets a consumer fetch from a replica in its own rack (KIP-392). */
export const RACK_AWARE_SELECTOR = 'org.apache.kafka.common.replica.RackAwareReplicaSelector';

/**
 * The rack of a client that asks for one (`rack: true`): its cluster's rack awareness, or why there is
 * none; a warning when the brokers do not serve reads from the closest replica, which is what
 * `client.rack` is for.
 */
export function clientRack(cluster: ClientCluster, field: string): { rack?: ClientRack; findings: Finding[] } {
  const out: Finding[] = [];
  const flag = collector(out);
  const r = cluster.facts.rack;
  if (!r || r.type === 'none') {
    const declared = r
      ? `cluster '${cluster.clusterName}' has no rack awareness`
      : `cluster '${cluster.clusterName}' declares no rack fact`;
    flag(RULES.clientRackCluster, field, true).says(
      `${declared}, so the pods have no rack to take. Fix: give the cluster rack: { zones: [...] } (or declare its ` +
        'rack in KraftCluster.fromAttributes), or leave rack out',
    );
    return { findings: out };
  }
  const selector = cluster.facts.config?.['replica.selector.class'];
  if (cluster.facts.config && selector !== RACK_AWARE_SELECTOR) {
    flag(RULES.clientRackSelector, field, true).says(
      `the brokers of '${cluster.clusterName}' serve reads from leaders only (replica.selector.class is ` +
        `${selector === undefined ? 'unset' : String(selector)}), so client.rack changes nothing. Fix: set ` +
        `config['replica.selector.class'] = '${RACK_AWARE_SELECTOR}' on the cluster`,
    );
  }
  return { rack: r, findings: out };
}

/** A topic a client names, and where. */
export interface NamedTopic {
  /** The field in the props of the construct that names it, e.g. `consumes[0]`. */
  readonly field: string;
  /** A name, or a prefix ending in `*` (not checked), or `*`. */
  readonly name: string;
}

/**
 * The literal topics a client names that none of the app's KafkaTopics of its cluster declares; none
 * when the app declares no topic of that cluster (its topics are made elsewhere).
 */
export function undeclaredTopicFindings(
  clusterName: string,
  named: readonly NamedTopic[],
  declared: readonly string[],
): Finding[] {
  const out: Finding[] = [];
  if (declared.length === 0) return out;
  const known = new Set(declared);
  for (const t of named) {
    if (t.name.endsWith('*') || known.has(t.name)) continue;
    collector(out)(RULES.clientTopicDeclared, t.field, t.name).says(
      `no KafkaTopic of this app declares '${t.name}' on cluster '${clusterName}' (it declares ` +
        `${[...known].sort().join(', ')}). Fix: declare it with a KafkaTopic, or correct the name`,
    );
  }
  return out;
}
