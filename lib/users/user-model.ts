/**
 * The findings of a KafkaUser: pure functions of its checked props and of the facts its cluster
 * gives (`ICluster.facts`). A fact the cluster does not give (a cluster managed elsewhere) turns
 * off the checks that need it.
 */
import { isIP } from 'net';
import { Finding, finding } from '../core/problem';
import { RULES } from '../rules';
import { Rule } from '../core/rules';
import { isDnsSubdomain } from '../core/syntax';
import { ACL_OPERATIONS, Acl, AclResourceType } from '../model/acl';
import { managesAcls } from '../model/authorization';
import { ClusterFacts } from '../model/cluster-facts';
import { EntityOperator, entityOperatorFindings } from '../model/entity-operator';

/** How a user authenticates. */
export type UserAuthentication =
  /** SCRAM-SHA-512: the User Operator generates a password into the Secret `<user>`, or uses yours. */
  | { readonly type: 'scram-sha-512'; readonly password?: { readonly secretName: string; readonly key: string } }
  /** Mutual TLS with a certificate the User Operator issues into the Secret `<user>` (CN=<user>). */
  | { readonly type: 'tls' }
  /** Mutual TLS with a certificate you issue (CN=<user>); the User Operator writes only ACLs and quotas. */
  | { readonly type: 'tls-external' };

/** Per-user quotas enforced by the brokers. */
export interface UserQuotas {
  /** Bytes per second the user may produce, per broker. @default - unlimited */
  readonly producerByteRate?: number;
  /** Bytes per second the user may fetch, per broker. @default - unlimited */
  readonly consumerByteRate?: number;
  /**
   * Percentage of one request-handler or network thread's time; Kafka counts it per thread, so it may
   * exceed 100 (200: two threads' worth). @default - unlimited
   */
  readonly requestPercentage?: number;
  /** Topic/partition creations and deletions per second. @default - unlimited */
  readonly controllerMutationRate?: number;
}

/** User authentication types. */
export const USER_AUTHENTICATION_TYPES: readonly string[] = ['scram-sha-512', 'tls', 'tls-external'];

/** The listener authentication type that authenticates a user of this type. */
export function listenerAuthenticationFor(userAuthentication: string): string {
  return userAuthentication === 'scram-sha-512' ? 'scram-sha-512' : 'tls';
}

/** The Kafka principal of a user: `CN=<name>` for TLS users, the name for SCRAM users. */
export function principalOf(user: {
  readonly userName: string;
  readonly authentication: { readonly type: string };
}): string {
  return user.authentication.type === 'scram-sha-512' ? user.userName : `CN=${user.userName}`;
}

/** The cluster of a user, as far as its facts go. */
export interface UserCluster {
  readonly clusterName: string;
  readonly namespace?: string;
  readonly facts: ClusterFacts;
}

/** A user's checked props and place: everything its findings are computed from. */
export interface UserInput {
  readonly userName: string;
  /** The user's namespace (its chart's). */
  readonly namespace?: string;
  readonly authentication?: UserAuthentication;
  /** The ACLs as given (entries that are not objects dropped). */
  readonly acls: readonly Acl[];
  /** Where each ACL stands in the list given. */
  readonly aclIndexes: readonly number[];
  /** Fields already reported as prop-type or prop-unknown. */
  readonly badFields: readonly string[];
  readonly quotas?: UserQuotas;
  /** Undefined when none (or garbage) was given: that is reported as prop-type. */
  readonly cluster?: UserCluster;
}

const USER_OPERATOR: EntityOperator = {
  kind: 'User',
  present: RULES.userOperatorPresent,
  namespace: RULES.userNamespace,
};

type Add = (rule: Rule, field: string, value: unknown, message: string, fix: string) => void;

const QUOTA_LIMITS: Record<keyof UserQuotas, { max: number; integer: boolean }> = {
  producerByteRate: { max: Number.MAX_SAFE_INTEGER, integer: true },
  consumerByteRate: { max: Number.MAX_SAFE_INTEGER, integer: true },
  requestPercentage: { max: Number.MAX_SAFE_INTEGER, integer: true },
  controllerMutationRate: { max: Number.MAX_VALUE, integer: false },
};

/** Every finding about a user. */
export function userFindings(u: UserInput): Finding[] {
  const out: Finding[] = [];
  const add: Add = (rule, field, value, message, fix) => out.push(finding(rule, field, value, message, fix));
  const c = u.cluster;
  const name = u.userName;
  const type = u.authentication?.type;

  if (!isDnsSubdomain(name)) {
    add(
      RULES.userName,
      'userName',
      name,
      'not a lower-case DNS subdomain (it names the KafkaUser and its Secret)',
      "use lower-case letters, digits, '-' and '.', e.g. 'orders-producer'",
    );
  }
  if (type === undefined) {
    // no authentication object: reported as prop-type
  } else if (!USER_AUTHENTICATION_TYPES.includes(type)) {
    add(
      RULES.userAuthenticationType,
      'authentication.type',
      type,
      'not a user authentication type',
      `use one of ${USER_AUTHENTICATION_TYPES.join(', ')}`,
    );
  } else {
    if (type !== 'scram-sha-512' && name.length > 64) {
      add(
        RULES.userTlsNameLength,
        'userName',
        name,
        `${name.length} characters; the certificate's CN holds at most 64`,
        'shorten the user name to 64 characters or fewer',
      );
    }
    if (c) checkListeners(add, c, type);
  }
  checkAcls(add, u);
  checkQuotas(add, u.quotas);
  // without a cluster (reported as prop-type) nothing more can be checked
  if (c) checkCluster(add, u, c, type);
  return out;
}

function checkListeners(add: Add, c: UserCluster, type: string): void {
  const wanted = listenerAuthenticationFor(type);
  const listeners = c.facts.listeners;
  if (!listeners) return;
  if (!listeners.some((l) => l.authentication === wanted || l.authentication === 'custom')) {
    const have = listeners.map((l) => `${l.name}: ${l.authentication ?? 'none'}`).join(', ');
    add(
      RULES.userAuthenticationListener,
      'authentication.type',
      type,
      `no listener of cluster '${c.clusterName}' authenticates with ${wanted} (${have})`,
      `add ${wanted} authentication to a listener, or give the user the authentication a listener has`,
    );
  }
}

function checkCluster(add: Add, u: UserInput, c: UserCluster, type: string | undefined): void {
  const name = u.userName;
  entityOperatorFindings(USER_OPERATOR, c, u.namespace).forEach((f) => add(f.rule, f.field, f.value, f.message, f.fix));

  // Super users in the form this user authenticates with.
  const a = c.facts.authorization;
  const superUsers = (a?.type === 'simple' && a.superUsers) || [];
  superUsers.forEach((u, i) => {
    const field = `cluster.authorization.superUsers[${i}]`;
    if (type === 'scram-sha-512' && u === `CN=${name}`) {
      add(
        RULES.superUserForm,
        field,
        u,
        `'${name}' is a SCRAM user; its principal is '${name}', so '${u}' matches nobody`,
        `list '${name}'`,
      );
    } else if ((type === 'tls' || type === 'tls-external') && u === name) {
      add(
        RULES.superUserForm,
        field,
        u,
        `'${name}' is a TLS user; its principal is 'CN=${name}', so '${u}' matches nobody`,
        `list 'CN=${name}'`,
      );
    }
  });
}

function checkAcls(add: Add, u: UserInput): void {
  checkAclAuthorization(add, u);
  u.acls.forEach((acl, i) => {
    const at = `acls[${u.aclIndexes[i] ?? i}]`;
    // a field of the wrong type is reported as prop-type (and dropped) already
    const reported = (field: string) =>
      u.badFields.some((x) => x === `${at}.${field}` || x.startsWith(`${at}.${field}[`));
    const type = checkAclResource(add, acl, at, reported);
    if (type) checkAclOperations(add, acl, type, at, reported);
  });
}

/** ACLs are written by the User Operator only where the cluster's authorizer manages them. */
function checkAclAuthorization(add: Add, u: UserInput): void {
  const a = u.cluster?.facts.authorization;
  if (!u.cluster || !a || u.acls.length === 0 || managesAcls(a.type === 'none' ? undefined : a)) return;
  const name = u.cluster.clusterName;
  add(
    RULES.aclNeedsAuthorization,
    'acls',
    u.acls.length,
    a.type !== 'none'
      ? `cluster '${name}' has ${a.type} authorization without admin API support; the User Operator cannot write ACLs`
      : `cluster '${name}' has no authorization; the User Operator refuses users with ACLs`,
    "set authorization: { type: 'simple' } on the cluster, or remove the ACLs",
  );
}

type Reported = (field: string) => boolean;

/** The resource, host and pattern of one ACL; its resource type when that is one Kafka has. */
function checkAclResource(add: Add, acl: Acl, at: string, reported: Reported): AclResourceType | undefined {
  const r = acl.resource as { type?: string; name?: unknown; patternType?: unknown } | undefined;
  if (r?.type === undefined || reported('resource.type')) return undefined;
  if (!Object.keys(ACL_OPERATIONS).includes(r.type)) {
    const fix = `use one of ${Object.keys(ACL_OPERATIONS).join(', ')}`;
    add(RULES.aclResource, `${at}.resource.type`, r.type, 'not an ACL resource type', fix);
    return undefined;
  }
  const type = r.type as AclResourceType;
  const host = (acl as { host?: unknown }).host;
  if (typeof host === 'string' && host !== '*' && isIP(host) === 0) {
    const why = "not '*' or an IP address: Kafka compares it with the client's IP, so the ACL would never match";
    add(RULES.aclHost, `${at}.host`, host, why, "use '*' (any host) or the client's IP address");
  }
  if (r.patternType !== undefined && r.patternType !== 'literal' && r.patternType !== 'prefix') {
    const fix = "use 'literal' (the exact name) or 'prefix'";
    add(RULES.aclResource, `${at}.resource.patternType`, r.patternType, "neither 'literal' nor 'prefix'", fix);
  }
  const field = `${at}.resource.name`;
  if (type === 'cluster' && r.name !== undefined) {
    add(
      RULES.aclResourceName,
      field,
      r.name,
      'the cluster resource has no name; it would be ignored',
      'remove the name',
    );
  } else if (type !== 'cluster' && !reported('resource.name') && (r.name === undefined || r.name === '')) {
    const fix = `name the ${type}, or use '*' with patternType 'literal' for every ${type}`;
    add(RULES.aclResourceName, field, r.name, `a ${type} ACL needs the ${type} name (or a prefix)`, fix);
  }
  return type;
}

/** The operations of one ACL: at least one, each defined by Kafka on the resource type. */
function checkAclOperations(add: Add, acl: Acl, type: AclResourceType, at: string, reported: Reported): void {
  if (acl.operations === undefined || reported('operations')) return;
  const ops = acl.operations as readonly string[];
  const allowed = ACL_OPERATIONS[type] as readonly string[];
  if (ops.length === 0) {
    add(
      RULES.aclOperations,
      `${at}.operations`,
      acl.operations,
      'no operations',
      `list operations from ${allowed.join(', ')}`,
    );
  }
  ops.forEach((op, j) => {
    if (allowed.includes(op)) return;
    const why = `Kafka defines no ${op} operation on a ${type}`;
    add(RULES.aclOperations, `${at}.operations[${j}]`, op, why, `use one of ${allowed.join(', ')}`);
  });
}

function checkQuotas(add: Add, quotas: UserQuotas | undefined): void {
  for (const [key, value] of Object.entries(quotas ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const limit = QUOTA_LIMITS[key as keyof UserQuotas];
    if (!limit) {
      add(RULES.userQuotas, `quotas.${key}`, value, 'not a quota', `use ${Object.keys(QUOTA_LIMITS).join(', ')}`);
    } else if (
      typeof value !== 'number' ||
      !(value >= 0 && value <= limit.max) ||
      (limit.integer && !Number.isInteger(value))
    ) {
      add(
        RULES.userQuotas,
        `quotas.${key}`,
        value,
        `not ${limit.integer ? 'an integer' : 'a number'} ${limit.max === 100 ? 'from 0 to 100' : 'of 0 or more'}`,
        key === 'requestPercentage' ? 'give a whole percentage of 0 or more (per thread)' : 'give a non-negative rate',
      );
    }
  }
}

/** A user as the per-cluster name check sees it. */
export interface NamedUser {
  readonly path: string;
  readonly name: string;
  /** The cluster's construct path (its identity in the app). */
  readonly cluster: string;
  readonly clusterName: string;
}

/** A user name once per cluster: the later user in the tree is reported, naming the first. */
export function userNamesUniqueFindings(users: readonly NamedUser[]): { index: number; finding: Finding }[] {
  const first = new Map<string, NamedUser>();
  const out: { index: number; finding: Finding }[] = [];
  users.forEach((u, index) => {
    const o = first.get(`${u.cluster} ${u.name}`);
    if (!o) {
      first.set(`${u.cluster} ${u.name}`, u);
      return;
    }
    const why = `user ${o.path} of cluster '${u.clusterName}' has this name too`;
    out.push({
      index,
      finding: finding(RULES.userNameUnique, 'userName', u.name, why, 'give every user of a cluster its own name'),
    });
  });
  return out;
}
