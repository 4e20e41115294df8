/**
 * `uncheckedConfig`: config keys the user takes out of the Kafka catalogue checks on purpose (a key
 * a newer Kafka or a plugin knows), each with the reason. The reasons are recorded in the output, as
 * an annotation of the resource, so a reviewer of the YAML sees what was not checked and why.
 */
import { sortedRecord } from '../../core/syntax';

/** The annotation that records the unchecked keys and their reasons (JSON, keys sorted). */
export const UNCHECKED_CONFIG_ANNOTATION = 'cdk8s-strimzi-kraft/unchecked-config';

/** The annotations recording unchecked keys: none when there are none. */
export function uncheckedConfigAnnotations(
  unchecked: Readonly<Record<string, string>> | undefined,
): [string, string][] {
  const sorted = sortedRecord({ ...unchecked });
  return sorted && Object.keys(sorted).length > 0 ? [[UNCHECKED_CONFIG_ANNOTATION, JSON.stringify(sorted)]] : [];
}
