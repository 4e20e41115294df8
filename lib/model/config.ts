/** The Kafka `config` policy: replication keys come from `replication`, managed keys are refused. */
import { forbiddenPrefixOf } from '../core/forbidden-config';
import { Finding, collector } from '../core/problem';
import { RULES } from '../rules';
import { byString } from '../core/syntax';

/** A Kafka config value. */
export type ConfigValue = string | number | boolean;

/** The config keys the replication settings own. */
export const REPLICATION_CONFIG_KEYS: readonly string[] = [
  'default.replication.factor',
  'min.insync.replicas',
  'offsets.topic.replication.factor',
  'transaction.state.log.min.isr',
  'transaction.state.log.replication.factor',
];

/** At most this many config entries are read (the work never depends on a user-supplied size). */
export const MAX_CONFIG_ENTRIES = 1000;

const KAFKA_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A config value the operator accepts: a string, a finite number or a boolean. */
function isScalar(v: unknown): v is ConfigValue {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

/**
 * Checks the user's config against the release; returns the findings and the keys that may be
 * emitted. Keys are matched against the operator's forbidden list in lower case, as the operator
 * matches them; values must be scalars (the operator rejects null and objects).
 */
export function configPolicy(
  release: string,
  config: Record<string, unknown> | undefined,
): { findings: Finding[]; config: Record<string, ConfigValue> } {
  const findings: Finding[] = [];
  const flag = collector(findings);
  const kept: Record<string, ConfigValue> = {};
  const keys = Object.keys(config ?? {});
  if (keys.length > MAX_CONFIG_ENTRIES) {
    flag(RULES.configEntry, 'config', keys.length).says(
      `more than ${MAX_CONFIG_ENTRIES} entries. Fix: set only the properties you change`,
    );
    return { findings, config: kept };
  }
  for (const key of keys.sort(byString)) {
    const value = config![key];
    if (isEmitted(release, key, value, flag)) kept[key] = value;
  }
  return { findings, config: kept };
}

/** Whether one entry may be emitted; what is wrong with it goes to `flag` (a forbidden key is still emitted). */
function isEmitted(
  release: string,
  key: string,
  value: unknown,
  flag: ReturnType<typeof collector>,
): value is ConfigValue {
  const field = `config['${key}']`;
  if (!KAFKA_KEY.test(key) || key.length > 255) {
    flag(RULES.configEntry, field, value).says(
      'the key is not a Kafka property name (letters, digits, ., _ and -). Fix: use the property name from the ' +
        "Kafka documentation, e.g. 'num.partitions'",
    );
    return false;
  }
  if (!isScalar(value)) {
    flag(RULES.configEntry, field, value).says(
      'not a string, a finite number or a boolean; the operator rejects it. Fix: give the value as Kafka ' +
        "expects it, e.g. 3, true or '168'",
    );
    return false;
  }
  const lower = key.toLowerCase();
  if (REPLICATION_CONFIG_KEYS.includes(lower)) {
    flag(RULES.configReplicationKeys, field, value).says(
      'replication settings are computed from the broker count. Fix: set replication.factor / ' +
        'replication.minInSyncReplicas instead',
    );
    return false;
  }
  const prefix = forbiddenPrefixOf(release, lower);
  if (prefix !== undefined) {
    flag(RULES.configForbidden, field, value).says(
      `Strimzi ${release} manages '${prefix}*' keys itself (in any case) and would drop this one silently. ` +
        'Fix: remove it; configure it through the typed props (listeners, authentication, storage) instead',
    );
  }
  return true;
}
