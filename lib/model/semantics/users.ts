/**
 * What Strimzi and Kafka refuse in a KafkaUser beyond its shape: quotas beyond the Java `Integer` the
 * operator reads them into, fields of one authentication type given to another, Secret references
 * Kubernetes cannot resolve, and `*` inside ACL resource names.
 */
import { Finding, finding } from '../../core/problem';
import { RULES } from '../../rules';
import { isDnsSubdomain } from '../../core/syntax';

/** The parts of a user's props these checks read (as given, after the shape checks). */
export interface UserSemanticsInput {
  readonly authentication?: { readonly type?: string; readonly password?: { secretName?: string; key?: string } };
  readonly acls?: readonly { readonly resource?: { type?: string; name?: unknown; patternType?: unknown } }[];
  /** Where each ACL stands in the acls given (entries that were not objects are dropped). */
  readonly aclIndexes?: readonly number[];
  readonly quotas?: object;
}

const JAVA_INT_MAX = 2_147_483_647;
const INT_QUOTAS = ['consumerByteRate', 'producerByteRate', 'requestPercentage'];
const SECRET_KEY = /^[-._a-zA-Z0-9]{1,253}$/;

/** Quotas above Java's `Integer.MAX_VALUE` (Strimzi's `KafkaUserQuotas` fields are `Integer`). */
export function quotaIntFindings(given: object | undefined): Finding[] {
  const quotas = given as Readonly<Record<string, unknown>> | undefined;
  return INT_QUOTAS.filter((k) => typeof quotas?.[k] === 'number' && (quotas[k] as number) > JAVA_INT_MAX).map((k) =>
    finding(
      RULES.javaIntRange,
      `quotas.${k}`,
      quotas![k],
      `above 2147483647, the largest Java int; the User Operator cannot read the KafkaUser`,
      `give at most 2147483647${k.endsWith('ByteRate') ? ' bytes per second (2 GiB/s)' : ''}`,
    ),
  );
}

/** A `password` given to a TLS user, and Secret references Kubernetes cannot resolve. */
export function authenticationFieldFindings(a: UserSemanticsInput['authentication']): Finding[] {
  if (!a?.password) return [];
  if (a.type !== 'scram-sha-512') {
    return [
      finding(
        RULES.userAuthenticationFields,
        'authentication.password',
        a.password,
        `${a.type} users have no password (only scram-sha-512 has one); the User Operator ignores it`,
        `remove password, or use type 'scram-sha-512'`,
      ),
    ];
  }
  const out: Finding[] = [];
  const { secretName, key } = a.password;
  if (typeof secretName === 'string' && !isDnsSubdomain(secretName)) {
    out.push(
      finding(
        RULES.secretReference,
        'authentication.password.secretName',
        secretName,
        'not a Secret name (a lower-case DNS subdomain); the User Operator cannot read the password',
        "name the Secret in lower-case letters, digits, '-' and '.', e.g. 'orders-producer-password'",
      ),
    );
  }
  if (typeof key === 'string' && !SECRET_KEY.test(key)) {
    out.push(
      finding(
        RULES.secretReference,
        'authentication.password.key',
        key,
        'not a Secret key (letters, digits, -, _ and .)',
        "use the key the Secret holds the password under, e.g. 'password'",
      ),
    );
  }
  return out;
}

/** `*` inside an ACL resource name: Kafka's wildcard is `*` alone. */
export function aclWildcardFindings(input: UserSemanticsInput): Finding[] {
  const out: Finding[] = [];
  (input.acls ?? []).forEach((acl, i) => {
    const r = acl?.resource;
    if (!r || typeof r.name !== 'string' || r.name === '*' || !r.name.includes('*')) return;
    const field = `acls[${input.aclIndexes?.[i] ?? i}].resource.name`;
    const prefix = r.name.replace(/\*+$/, '');
    const fix = prefix.includes('*')
      ? "remove the '*', or use '*' alone for every resource"
      : `use name '${prefix}' with patternType 'prefix'`;
    if (r.type === 'topic') {
      out.push(
        finding(
          RULES.aclResourceWildcard,
          field,
          r.name,
          "Kafka reads '*' as a wildcard only alone, and no topic name holds '*': the ACL matches no topic",
          prefix === '' ? "use '*' alone for every topic" : fix,
        ),
      );
    } else if (r.type === 'group' || r.type === 'transactionalId') {
      out.push(
        finding(
          RULES.aclResourceWildcardLiteral,
          field,
          r.name,
          `Kafka reads '*' as a wildcard only alone: this ACL matches only the ${r.type} named '${r.name}'`,
          fix,
        ),
      );
    }
  });
  return out;
}

/** The user construct's one call. */
export function userSemanticFindings(input: UserSemanticsInput): Finding[] {
  return [
    ...authenticationFieldFindings(input.authentication),
    ...aclWildcardFindings(input),
    ...quotaIntFindings(input.quotas),
  ];
}
