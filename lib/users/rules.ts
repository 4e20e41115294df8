/** The rules of the KafkaUser kind, declared with the kind and collected into the catalogue (lib/rules.ts). */
import { APISERVER, NEVER, RUNTIME, Rule, USER_OPERATOR, rule } from '../core/rules';

/** The KafkaUser rules, by a short key used in the code. */
export const USER_RULES = {
  userName: rule(
    'user-name',
    'Users and ACLs',
    'error',
    'A user name is a lower-case DNS subdomain (it names the KafkaUser and its Secret)',
    APISERVER,
  ),
  userNameUnique: rule(
    'user-name-unique',
    'Users and ACLs',
    'error',
    'A user name is used once per cluster',
    APISERVER,
  ),
  userTlsNameLength: rule(
    'user-tls-name-length',
    'Users and ACLs',
    'error',
    'A TLS user name has at most 64 characters (the certificate CN)',
    USER_OPERATOR,
  ),
  userAuthenticationType: rule(
    'user-authentication-type',
    'Users and ACLs',
    'error',
    "User authentication is 'scram-sha-512', 'tls' or 'tls-external'",
    APISERVER,
  ),
  userOperatorPresent: rule(
    'user-operator-present',
    'Users and ACLs',
    'error',
    "The user's cluster runs the User Operator",
    NEVER,
  ),
  userNamespace: rule(
    'user-namespace',
    'Users and ACLs',
    'error',
    "A user lives in its cluster's namespace, where the User Operator watches",
    NEVER,
  ),
  userAuthenticationListener: rule(
    'user-authentication-listener',
    'Users and ACLs',
    'error',
    "A listener of the cluster authenticates the user's way (`scram-sha-512`; `tls` for tls and tls-external " +
      'users; or `custom`)',
    RUNTIME,
  ),
  aclNeedsAuthorization: rule(
    'acl-needs-authorization',
    'Users and ACLs',
    'error',
    'ACLs need `simple` authorization on the cluster, or `custom` with `supportsAdminApi`',
    USER_OPERATOR,
  ),
  aclHost: rule(
    'acl-host',
    'Users and ACLs',
    'error',
    "An ACL host is `*` or an IP address (Kafka compares it with the client's address, never a host name)",
    'nobody: the ACL never matches',
  ),
  aclResource: rule(
    'acl-resource',
    'Users and ACLs',
    'error',
    'An ACL resource type is topic, group, cluster or transactionalId; its pattern literal or prefix',
    APISERVER,
  ),
  aclResourceName: rule(
    'acl-resource-name',
    'Users and ACLs',
    'error',
    'Every ACL resource but the cluster has a name; the cluster has none',
    USER_OPERATOR,
  ),
  aclOperations: rule(
    'acl-operations',
    'Users and ACLs',
    'error',
    'An ACL has operations, each one Kafka defines for the resource type',
    USER_OPERATOR,
  ),
  userQuotas: rule(
    'user-quotas',
    'Users and ACLs',
    'error',
    'Quotas: byte rates and requestPercentage are integers >= 0 (KafkaUser CRD `minimum: 0`; Kafka measures ' +
      'requestPercentage per thread, so it may exceed 100), controllerMutationRate is a number >= 0',
    APISERVER,
  ),
  userAuthenticationFields: rule(
    'user-authentication-fields',
    'Users and ACLs',
    'error',
    "A user's authentication has only the fields of its type (`password` belongs to `scram-sha-512`; the " +
      "KafkaUser CRD's tls and tls-external authentication have none)",
    'nobody: the API server prunes the field silently',
  ),
  aclResourceWildcard: rule(
    'acl-resource-wildcard',
    'Users and ACLs',
    'error',
    'A topic ACL name is `*` alone (every topic) or holds no `*`: Kafka reads `*` as a wildcard only alone, and ' +
      'topic names have no `*` (`[a-zA-Z0-9._-]`), so such an ACL matches nothing',
    'nobody: the ACL never matches',
  ),
  aclResourceWildcardLiteral: rule(
    'acl-resource-wildcard-literal',
    'Users and ACLs',
    'warning',
    "A group or transactional ID ACL name holding `*` besides `*` alone matches only that literal name (Kafka's " +
      'wildcard is `*` alone; use `patternType: prefix` for a prefix)',
    'nobody: the ACL never matches',
  ),
} as const satisfies Record<string, Rule>;
