/** The Kafka `config` policy: replication keys come from `replication`, managed keys are refused. */
import { forbiddenPrefixOf } from '../core/forbidden-config';
import { Finding, finding } from '../core/problem';
import { RULES } from '../core/rules';
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

/** Checks the user's config against the release; returns the findings and the keys that may be emitted. */
export function configPolicy(release: string, config: Record<string, ConfigValue> | undefined):
{ findings: Finding[]; config: Record<string, ConfigValue> } {
  const findings: Finding[] = [];
  const kept: Record<string, ConfigValue> = {};
  for (const key of Object.keys(config ?? {}).sort(byString)) {
    const value = config![key];
    if (REPLICATION_CONFIG_KEYS.includes(key)) {
      findings.push(finding(RULES.configReplicationKeys, `config['${key}']`, value, 'replication settings are computed from the broker count',
        'set replication.factor / replication.minInSyncReplicas instead'));
      continue;
    }
    const prefix = forbiddenPrefixOf(release, key);
    if (prefix !== undefined) {
      findings.push(finding(RULES.configForbidden, `config['${key}']`, value,
        `Strimzi ${release} manages '${prefix}*' keys itself and would drop this one silently`,
        'remove it; configure it through the typed props (listeners, authentication, storage) instead'));
    }
    kept[key] = value;
  }
  return { findings, config: kept };
}
