import { App } from 'cdk8s';
import { OutputFile, checkedFiles } from '../common/output-files';
import { AclSpec } from '../model/acl';
import { checkedArguments } from '../common/arguments';
import { KafkaUser, listenerAuthenticationFor } from './kafka-user';

/** A Secret the client reads, by name and the keys it holds (never its values). */
export interface SecretReference {
  readonly name: string;
  readonly keys: readonly string[];
}

/** What a Kafka client needs to connect as a user through one listener. */
export interface ListenerConnection {
  readonly listener: string;
  /** `internal` (inside Kubernetes) or `external` (through the advertised addresses). */
  readonly reach: 'internal' | 'external';
  /** `bootstrap.servers`. */
  readonly bootstrapServers: string;
  /** `security.protocol`: SASL_SSL (SCRAM on TLS), SASL_PLAINTEXT (SCRAM without TLS) or SSL (mTLS). */
  readonly securityProtocol: 'SASL_SSL' | 'SASL_PLAINTEXT' | 'SSL';
  /** `sasl.mechanism`, for SCRAM users. */
  readonly saslMechanism?: 'SCRAM-SHA-512';
  /** The Secret holding the user's password (`password`, `sasl.jaas.config`) or certificate. */
  readonly userSecret?: SecretReference;
  /** For tls-external users: the certificate you issue, which the client presents. */
  readonly userCertificate?: string;
  /** The Secret holding the cluster CA certificate the client trusts (TLS listeners). */
  readonly clusterCaSecret?: SecretReference;
}

/** A resource name (or prefix) an ACL covers and the operations on it. */
export interface AuthorizedName {
  /** The name, or the prefix every name must start with (`match: 'prefix'`); `*` literal: every name. */
  readonly name: string;
  readonly match: 'literal' | 'prefix';
  readonly operations: readonly string[];
  /** The host the ACL applies to, when not every host. */
  readonly host?: string;
}

/** A deny ACL, which wins over every allow. */
export interface DeniedResource extends AuthorizedName {
  readonly type: string;
}

/**
 * What a user's ACLs let a client do: the topics, the consumer group (`group.id`, or the prefix it
 * must start with) and the transactional-id prefix it must use to be authorized.
 */
export interface ClientAuthorizationFacts {
  readonly topics: readonly AuthorizedName[];
  /** `group.id` of a consumer: one of these names, or a name starting with a prefix. */
  readonly consumerGroups: readonly AuthorizedName[];
  /** `transactional.id` of a transactional producer: one of these names, or starting with a prefix. */
  readonly transactionalIds: readonly AuthorizedName[];
  /** Operations on the cluster resource (`IdempotentWrite`, `Describe`, ...), when granted. */
  readonly cluster?: readonly string[];
  /** Deny ACLs (they override any allow). */
  readonly denied?: readonly DeniedResource[];
}

/** A user's client connection file: every listener the user can authenticate on. */
export interface ClientConnection {
  readonly cluster: string;
  readonly namespace?: string;
  readonly user: string;
  readonly principal: string;
  readonly authentication: string;
  readonly listeners: readonly ListenerConnection[];
  /** What the user's ACLs allow (users with ACLs only). */
  readonly authorized?: ClientAuthorizationFacts;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function authorizedName(a: AclSpec): AuthorizedName {
  return {
    name: a.resource.name ?? '',
    match: a.resource.patternType ?? 'literal',
    operations: a.operations,
    host: a.host === '*' ? undefined : a.host,
  };
}

/** What ACLs allow, per resource type (allow ACLs; deny ACLs listed apart), each sorted by name. */
export function authorizationFactsOf(acls: readonly AclSpec[]): ClientAuthorizationFacts | undefined {
  if (acls.length === 0) return undefined;
  const allow = acls.filter((a) => a.type !== 'deny');
  const names = (type: string) =>
    allow
      .filter((a) => a.resource.type === type)
      .map(authorizedName)
      .sort(byName);
  const cluster = [...new Set(allow.filter((a) => a.resource.type === 'cluster').flatMap((a) => a.operations))].sort();
  const denied = acls
    .filter((a) => a.type === 'deny')
    .map((a) => ({ type: a.resource.type, ...authorizedName(a) }))
    .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : byName(a, b)));
  return {
    topics: names('topic'),
    consumerGroups: names('group'),
    transactionalIds: names('transactionalId'),
    cluster: cluster.length > 0 ? cluster : undefined,
    denied: denied.length > 0 ? denied : undefined,
  };
}

/** The argument of `clientConnectionOf(user)`, checked like props. */
export interface ClientConnectionOfArguments {
  /** A KafkaUser (or DoctorUser) of this library. */
  readonly user: KafkaUser;
}

const USER_INSTANCE = { KafkaUser: { test: (v: unknown) => v instanceof KafkaUser, what: 'a KafkaUser' } };

/** The connection facts of a user, computed from its cluster's model (listeners by port). */
export function clientConnectionOf(user: KafkaUser): ClientConnection {
  checkedArguments<ClientConnectionOfArguments>(user, { user }, 'ClientConnectionOfArguments', USER_INSTANCE);
  const c = user.cluster;
  const namespace = c.namespace;
  const type = user.authentication.type;
  const wanted = listenerAuthenticationFor(type);
  const listeners = (c.facts.listeners ?? [])
    .filter((l) => l.authentication === wanted)
    .map((l) => connectionOf(user, { listener: l.name, reach: l.reach, bootstrapServers: l.bootstrapServers }, l.tls));
  return {
    cluster: c.clusterName,
    namespace,
    user: user.userName,
    principal: user.principal,
    authentication: type,
    listeners,
    authorized: authorizationFactsOf(user.acls),
  };
}

/** The connection through one listener: protocol and Secrets follow from the user's authentication. */
function connectionOf(
  user: KafkaUser,
  where: Pick<ListenerConnection, 'listener' | 'reach' | 'bootstrapServers'>,
  tls: boolean,
): ListenerConnection {
  const type = user.authentication.type;
  const scram = type === 'scram-sha-512';
  return {
    ...where,
    securityProtocol: scram ? (tls ? 'SASL_SSL' : 'SASL_PLAINTEXT') : 'SSL',
    saslMechanism: scram ? 'SCRAM-SHA-512' : undefined,
    userSecret: type === 'tls-external' ? undefined : userSecretOf(user),
    userCertificate:
      type === 'tls-external'
        ? `a certificate you issue for CN=${user.userName}, signed by a CA the listener trusts`
        : undefined,
    clusterCaSecret: tls
      ? { name: `${user.cluster.clusterName}-cluster-ca-cert`, keys: ['ca.crt', 'ca.p12', 'ca.password'] }
      : undefined,
  };
}

/** The Secret with the user's password (SCRAM) or certificate and key (mTLS). */
function userSecretOf(user: KafkaUser): SecretReference {
  const a = user.authentication;
  const scram = a.type === 'scram-sha-512';
  return {
    name: a.type === 'scram-sha-512' && a.password ? a.password.secretName : user.userName,
    keys: scram
      ? a.type === 'scram-sha-512' && a.password
        ? [a.password.key]
        : ['password', 'sasl.jaas.config']
      : ['ca.crt', 'user.crt', 'user.key', 'user.p12', 'user.password'],
  };
}

/** The file name of a user's connection file. */
export function clientFileName(user: KafkaUser): string {
  return `${user.cluster.clusterName}-${user.userName}.client.json`;
}

/** The text of a user's connection file: JSON, keys in a fixed order, no secret values. */
export function renderClientFile(user: KafkaUser): string {
  return `${JSON.stringify(clientConnectionOf(user), null, 2)}\n`;
}

/** The connection file of every KafkaUser of the app, rendered in memory and checked for clashing names. */
export function clientFiles(app: App): OutputFile[] {
  const files = app.node
    .findAll()
    .filter((c): c is KafkaUser => c instanceof KafkaUser)
    .map((user) => ({ name: clientFileName(user), text: renderClientFile(user), from: user }));
  return checkedFiles(files, 'user', 'give the users (userName) or their clusters (clusterName) distinct names');
}
