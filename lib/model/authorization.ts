import { Finding, collector } from '../core/problem';
import { RULES } from '../rules';

/**
 * `simple` authorization: Kafka's own ACLs (in KRaft, `StandardAuthorizer`), which the User
 * Operator writes from each `KafkaUser`'s ACLs.
 */
export interface SimpleAuthorization {
  readonly type: 'simple';
  /**
   * Principals allowed everything: a SCRAM user by its name (`admin`), a TLS user by its
   * certificate subject (`CN=admin`), each listed once.
   * @default - none
   * @maxLength 1000
   */
  readonly superUsers?: readonly string[];
}

/** An authorizer class of your own on the brokers' class path. */
export interface CustomAuthorization {
  readonly type: 'custom';
  /**
   * Fully qualified Java class name of the authorizer.
   * @maxLength 1000
   * @checkedBy authorization-type
   */
  readonly authorizerClass: string;
  /**
   * @default - none
   * @maxLength 1000
   */
  readonly superUsers?: readonly string[];
  /**
   * The authorizer supports Kafka's Admin API for ACLs, so the User Operator can write `KafkaUser`
   * ACLs through it.
   * @default false
   */
  readonly supportsAdminApi?: boolean;
}

/** Authorization of the cluster's clients. */
export type ClusterAuthorization = SimpleAuthorization | CustomAuthorization;

/** The authorization types this library offers (each exists in kafka.strimzi.io v1 and v1beta2). */
export const AUTHORIZATION_TYPES: readonly string[] = ['simple', 'custom'];

const JAVA_CLASS = /^([A-Za-z_$][A-Za-z0-9_$]*\.)*[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Whether the User Operator can manage ACLs on a cluster with this authorization. */
export function managesAcls(a: ClusterAuthorization | undefined): boolean {
  return a?.type === 'simple' || (a?.type === 'custom' && a.supportsAdminApi === true);
}

/** What is wrong with the cluster's `authorization` on its own. */
export function authorizationFindings(a: ClusterAuthorization | undefined): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  if (!a) return out;
  if (!AUTHORIZATION_TYPES.includes(a.type)) {
    flag(RULES.authorizationType, 'authorization.type', a.type).says(
      "not an authorization type this library offers. Fix: use 'simple' (Kafka ACLs) or 'custom'",
    );
    return out;
  }
  if (a.type === 'custom' && (typeof a.authorizerClass !== 'string' || !JAVA_CLASS.test(a.authorizerClass))) {
    flag(RULES.authorizationType, 'authorization.authorizerClass', a.authorizerClass).says(
      "not a Java class name. Fix: give the authorizer's fully qualified class name, e.g. " +
        "'com.example.MyAuthorizer'",
    );
  }
  const seen = new Set<string>();
  (a.superUsers ?? []).forEach((u, i) => {
    if (typeof u !== 'string' || u.trim() === '' || u.trim() !== u) {
      flag(RULES.superUserForm, `authorization.superUsers[${i}]`, u).says(
        "not a principal name. Fix: give a SCRAM user's name or a TLS user's 'CN=<name>'",
      );
    } else if (seen.has(u)) {
      flag(RULES.superUserForm, `authorization.superUsers[${i}]`, u).says(
        'listed twice. Fix: list every super user once',
      );
    }
    seen.add(u);
  });
  return out;
}

/** The spec of the authorization, super users sorted. */
export function authorizationSpec(a: ClusterAuthorization): {
  type: string;
  authorizerClass?: string;
  superUsers?: string[];
  supportsAdminApi?: boolean;
} {
  const superUsers = a.superUsers && a.superUsers.length > 0 ? [...new Set(a.superUsers)].sort() : undefined;
  return a.type === 'custom'
    ? { type: a.type, authorizerClass: a.authorizerClass, superUsers, supportsAdminApi: a.supportsAdminApi }
    : { type: a.type, superUsers };
}
