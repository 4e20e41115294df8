/**
 * A listener's authentication `options` as Strimzi's classes read them: `tls` and `scram-sha-512`
 * have no further fields, `custom` has `sasl`, `listenerConfig` and `secrets`
 * (`KafkaListenerAuthenticationTls`, `...ScramSha512`, `...CustomAuth`). The CRD schema merges the
 * fields of every type into one object, so a field of another type passes it and is then ignored.
 */
import { Finding, finding } from '../../core/problem';
import { RULES } from '../../rules';

const FIELDS: Readonly<Record<string, readonly string[]>> = {
  'tls': [],
  'scram-sha-512': [],
  'custom': ['listenerConfig', 'sasl', 'secrets'],
};

/**
 * Options a listener's authentication type does not have (`oauth` is not checked); `unknown` are the
 * fields the target API lacks altogether, reported by `authentication-options-known` already.
 */
export function listenerAuthenticationFieldFindings(
  prefix: string,
  a: { readonly type: string; readonly options?: Record<string, unknown> },
  unknown: readonly string[] = [],
): Finding[] {
  const allowed = FIELDS[a.type];
  if (!allowed) return [];
  return Object.keys(a.options ?? {})
    .filter((k) => k !== 'type' && !allowed.includes(k) && !unknown.includes(k))
    .sort()
    .map((k) =>
      finding(
        RULES.authenticationFields,
        `${prefix}authentication.options.${k}`,
        a.options![k],
        `${a.type} authentication has no field ${k}; the operator ignores it`,
        allowed.length > 0
          ? `use ${allowed.join(', ')}, or the authentication type that has ${k}`
          : `remove it (${a.type} takes no options), or use the authentication type that has ${k}`,
      ),
    );
}
