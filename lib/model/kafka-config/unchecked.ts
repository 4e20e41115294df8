/**
 * `uncheckedConfig`: config keys the user takes out of the Kafka catalogue checks on purpose (a key
 * a newer Kafka or a plugin knows), each with the reason. The reasons are recorded in the output, as
 * an annotation of the resource, so a reviewer of the YAML sees what was not checked and why.
 */
import { Shape, rec, str } from '../../core/shape';
import { RULES } from '../../core/rules';
import { sortedRecord } from '../../core/syntax';

/** The annotation that records the unchecked keys and their reasons (JSON, keys sorted). */
export const UNCHECKED_CONFIG_ANNOTATION = 'cdk8s-strimzi-kraft/unchecked-config';

/** The `uncheckedConfig` prop: Kafka property names to a non-empty reason. */
export const UNCHECKED_CONFIG_PROP: Shape = rec(
  str(500, {
    test: (v) => v.trim().length > 0,
    what: 'the reason the key is not checked',
    rule: RULES.propType,
    fix: "say why, e.g. 'Kafka 4.3 key (KIP-1150); the catalogue ends at 4.2'",
  }),
  1000,
  {
    test: (k) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(k) && k.length <= 255,
    what: 'a Kafka property name (letters, digits, ., _ and -)',
    rule: RULES.propType,
    fix: "use the property name as in config, e.g. 'remote.log.copy.disable'",
  },
);

/** The annotations recording unchecked keys: none when there are none. */
export function uncheckedConfigAnnotations(
  unchecked: Readonly<Record<string, string>> | undefined,
): [string, string][] {
  const sorted = sortedRecord({ ...unchecked });
  return sorted && Object.keys(sorted).length > 0 ? [[UNCHECKED_CONFIG_ANNOTATION, JSON.stringify(sorted)]] : [];
}
