/**
 * Which cluster `config` change rolls the brokers. Kafka marks every broker config `read-only`
 * (read at start: a restart applies it), `per-broker` or `cluster-wide` (changed at run time); the
 * Strimzi operator applies the dynamic ones to the running brokers and rolls them for anything
 * else, including keys Kafka does not define (`KafkaBrokerConfigurationDiff`).
 */
import { byString } from '../../core/syntax';
import { UpdateMode, catalogueFor } from './catalogue';

/** The update mode of a broker config in a Kafka version, or undefined when Kafka does not define it. */
export function configUpdateMode(kafkaVersion: string, key: string): UpdateMode | undefined {
  return catalogueFor('broker', kafkaVersion).configs.get(key)?.mode;
}

/** One changed key of the cluster `config`. */
export interface BrokerConfigChange {
  readonly key: string;
  readonly before?: string | number | boolean;
  readonly after?: string | number | boolean;
  /** Kafka's update mode; undefined for a key Kafka does not define. */
  readonly mode?: UpdateMode;
  /** Whether the operator rolls the brokers to apply it. */
  readonly rollsBrokers: boolean;
}

/** The changes between two cluster configs of one Kafka version, sorted by key, each with its restart class. */
export function brokerConfigChanges(
  kafkaVersion: string,
  before: Readonly<Record<string, string | number | boolean>>,
  after: Readonly<Record<string, string | number | boolean>>,
): BrokerConfigChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(byString);
  return keys
    .filter((k) => String(before[k]) !== String(after[k]))
    .map((key) => {
      const mode = configUpdateMode(kafkaVersion, key);
      return {
        key,
        before: before[key],
        after: after[key],
        mode,
        rollsBrokers: mode !== 'per-broker' && mode !== 'cluster-wide',
      };
    });
}
