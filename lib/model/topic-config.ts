/**
 * Value checks for the common topic config keys, as Kafka's `LogConfig` defines their types and
 * ranges. Keys not listed are passed through unchecked (brokers of newer Kafka versions add keys).
 */

type Check = (value: string | number | boolean) => string | undefined;

const INT_MAX = 2 ** 31 - 1;

const number =
  (min: number, max: number, integer: boolean): Check =>
  (value) => {
    const n =
      typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (Number.isNaN(n) || (integer && !Number.isInteger(n))) return `not ${integer ? 'an integer' : 'a number'}`;
    if (n < min || n > max)
      return `outside ${min}-${max === INT_MAX ? '2147483647' : max === Number.MAX_SAFE_INTEGER ? 'Long.MAX' : max}`;
    return undefined;
  };
const long = (min: number) => number(min, Number.MAX_SAFE_INTEGER, true);
const int = (min: number) => number(min, INT_MAX, true);
const oneOf =
  (values: string[], list = false): Check =>
  (value) => {
    const parts = list
      ? String(value)
          .split(',')
          .map((s) => s.trim())
      : [String(value)];
    return parts.every((p) => values.includes(p)) && parts.length > 0
      ? undefined
      : `not ${list ? 'a list of' : 'one of'} ${values.join(', ')}`;
  };
const bool: Check = (value) =>
  value === true || value === false || value === 'true' || value === 'false' ? undefined : 'not true or false';

/** The checked keys and how. */
export const TOPIC_CONFIG_CHECKS: Readonly<Record<string, Check>> = {
  'cleanup.policy': oneOf(['compact', 'delete'], true),
  'compression.type': oneOf(['gzip', 'lz4', 'producer', 'snappy', 'uncompressed', 'zstd']),
  'delete.retention.ms': long(0),
  'max.compaction.lag.ms': long(1),
  'max.message.bytes': int(0),
  'message.timestamp.type': oneOf(['CreateTime', 'LogAppendTime']),
  'min.cleanable.dirty.ratio': number(0, 1, false),
  'min.compaction.lag.ms': long(0),
  'min.insync.replicas': int(1),
  'preallocate': bool,
  'remote.storage.enable': bool,
  'retention.bytes': long(-1),
  'retention.ms': long(-1),
  'segment.bytes': int(14),
  'segment.ms': long(1),
  'unclean.leader.election.enable': bool,
};

/** Calls `report` for every config value of the wrong type or out of range. */
export function checkTopicConfig(
  config: Record<string, unknown>,
  report: (key: string, value: unknown, message: string, fix: string) => void,
): void {
  for (const [key, value] of Object.entries(config).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      report(key, value, 'not a string, number or boolean', 'give the value as Kafka documents it, e.g. 604800000');
      continue;
    }
    const problem = TOPIC_CONFIG_CHECKS[key]?.(value as string | number | boolean);
    if (problem)
      report(
        key,
        value,
        problem,
        `give a value Kafka accepts for ${key} (see the Kafka topic configuration reference)`,
      );
  }
}

/** A KafkaTopic as the library models it, in no API version. */
export interface KafkaTopicSpecModel {
  /** The Kafka topic name, when the resource name cannot hold it. */
  readonly topicName?: string;
  readonly partitions?: number;
  readonly replicas?: number;
  /** Sorted by key. */
  readonly config?: Record<string, string | number | boolean>;
}
