/**
 * The cluster `config` and a KafkaTopic `config` checked against Kafka's own definitions of the
 * cluster's Kafka version: unknown keys (with the nearest known name, or the other map's key),
 * types, ranges, enumerations and lists. Keys Strimzi forbids or the replication settings own are
 * left to their rules (`configPolicy`); keys listed in `uncheckedConfig` are not checked.
 */
import { forbiddenPrefixOf } from '../../core/forbidden-config';
import { Finding, finding } from '../../core/problem';
import { RULES } from '../../rules';
import { Rule } from '../../core/rules';
import { byString } from '../../core/syntax';
import { Catalogue, ConfigDefinition, catalogueFor } from './catalogue';
import { convertToTopicUnit, nearestName, topicKeyOfBrokerKey } from './names';
import { ConfigCheckInput } from './input';
import { topicRelationFindings } from './relations';
import { ScalarValue, describeAllowed, valueProblem } from './values';

const isScalar = (v: unknown): v is ScalarValue =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** The Kafka version checked against: 'Kafka 4.2', or 'Kafka 4.3 (catalogue 4.2)' when the data ends before it. */
export function kafkaLabel(c: Catalogue, kafkaVersion: string): string {
  const given = /^\d+\.\d+/.exec(kafkaVersion)?.[0];
  return given && given !== c.version ? `Kafka ${given} (catalogue ${c.version})` : `Kafka ${c.version}`;
}

/** 'from Kafka 3.8' / 'until Kafka 3.9' / '' for a name other versions define. */
function otherVersions(c: Catalogue, name: string): string {
  const vs = c.versionsOf(name);
  if (vs.length === 0) return '';
  const later = vs.filter((v) => c.versions.indexOf(v) > c.versions.indexOf(c.version));
  return later.length > 0 ? ` (Kafka ${later[0]} and later have it)` : ` (Kafka ${vs[vs.length - 1]} had it)`;
}

/** A finding for a value its definition refuses. */
function valueFinding(rule: Rule, field: string, d: ConfigDefinition, value: ScalarValue, label: string) {
  const problem = valueProblem(d, value);
  if (!problem) return undefined;
  const allowed = describeAllowed(d);
  return finding(
    rule,
    field,
    value,
    `${problem}; ${label} allows ${allowed} for ${d.name}`,
    `give ${allowed}${d.default !== null && d.default !== '' ? ` (Kafka's default: ${d.default})` : ''}`,
  );
}

/** Findings about the cluster's `config` (after `configPolicy`: replication keys already removed). */
export function clusterConfigFindings(release: string, input: ConfigCheckInput): Finding[] {
  const broker = catalogueFor('broker', input.kafkaVersion);
  const label = kafkaLabel(broker, input.kafkaVersion);
  const out: Finding[] = [];
  for (const key of Object.keys(input.config).sort(byString)) {
    const value = input.config[key];
    if (!isScalar(value) || input.unchecked?.[key] !== undefined) continue;
    if (forbiddenPrefixOf(release, key.toLowerCase()) !== undefined) continue;
    const field = `config['${key}']`;
    const d = broker.configs.get(key);
    if (d) {
      const f = valueFinding(RULES.kafkaConfigValue, field, d, value, label);
      if (f) out.push(f);
      continue;
    }
    out.push(unknownBrokerKey(broker, key, value, field, label, input.kafkaVersion));
  }
  return out;
}

function unknownBrokerKey(
  broker: Catalogue,
  key: string,
  value: ScalarValue,
  field: string,
  label: string,
  kv: string,
) {
  const topicDef = catalogueFor('topic', kv).configs.get(key);
  const near = nearestName(key, broker.configs.keys());
  const fix = topicDef?.serverDefault
    ? `set the broker default '${topicDef.serverDefault}' here, or '${key}' on each KafkaTopic`
    : near
      ? `use '${near}' (${describeAllowed(broker.configs.get(near)!)})`
      : `remove it, or list it in uncheckedConfig with the reason (e.g. a plugin's or a newer Kafka's key)`;
  const what = topicDef ? 'a topic config, not a broker config' : 'not a broker config';
  return finding(
    RULES.kafkaConfigUnknown,
    field,
    value,
    `${what} of ${label}${otherVersions(broker, key)}; the broker ignores it`,
    fix,
  );
}

/** Findings about a topic's `config` keys and values (relations: `topicRelationFindings`). */
export function topicConfigFindings(input: ConfigCheckInput): Finding[] {
  const topic = catalogueFor('topic', input.kafkaVersion);
  const label = kafkaLabel(topic, input.kafkaVersion);
  const out: Finding[] = [];
  for (const key of Object.keys(input.config).sort(byString)) {
    const value = input.config[key];
    if (!isScalar(value) || input.unchecked?.[key] !== undefined) continue;
    const field = `config['${key}']`;
    const d = topic.configs.get(key);
    const f = d
      ? valueFinding(RULES.topicConfig, field, d, value, label)
      : unknownTopicKey(topic, key, value, field, label, input.kafkaVersion);
    if (f) out.push(f);
  }
  return out;
}

const inUnit = (brokerKey: string, topicKey: string, value: ScalarValue) =>
  brokerKey === topicKey ? '' : `, here ${JSON.stringify(convertToTopicUnit(brokerKey, topicKey, value))}`;

function unknownTopicKey(topic: Catalogue, key: string, value: ScalarValue, field: string, label: string, kv: string) {
  const broker = catalogueFor('broker', kv);
  const refused = 'the broker refuses the topic (unknown topic config)';
  if (broker.configs.has(key)) {
    const t = topicKeyOfBrokerKey(key, topic);
    const fix = t
      ? `set '${t.name}' (${describeAllowed(t)}) instead${inUnit(key, t.name, value)}, ` +
        `or set '${key}' in the cluster's config for every topic`
      : `set '${key}' in the cluster's config, or remove it`;
    return finding(
      RULES.topicConfigUnknown,
      field,
      value,
      `a broker config, not a topic config of ${label}; ${refused}`,
      fix,
    );
  }
  const near = nearestName(key, topic.configs.keys());
  const fix = near
    ? `use '${near}' (${describeAllowed(topic.configs.get(near)!)})`
    : `use a topic config of ${label}, or list '${key}' in uncheckedConfig with the reason (a newer Kafka's key)`;
  return finding(
    RULES.topicConfigUnknown,
    field,
    value,
    `not a topic config of ${label}${otherVersions(topic, key)}; ${refused}`,
    fix,
  );
}

/** The cluster construct's one call: its `config` (after `configPolicy`) against the broker catalogue. */
export function clusterConfigChecks(
  release: string,
  kafkaVersion: string,
  config: Readonly<Record<string, unknown>>,
  unchecked: Readonly<Record<string, string>> | undefined,
): Finding[] {
  return clusterConfigFindings(release, { kafkaVersion, config, unchecked });
}

/** The topic construct's one call: its `config` against the topic catalogue and the cluster's broker defaults. */
export function topicConfigChecks(
  cluster: { readonly clusterName: string; readonly kafkaVersion: string; readonly config: Record<string, unknown> },
  config: Readonly<Record<string, unknown>>,
  unchecked: Readonly<Record<string, string>> | undefined,
): Finding[] {
  const input = { kafkaVersion: cluster.kafkaVersion, config, unchecked };
  const relations = topicRelationFindings({
    ...input,
    clusterConfig: cluster.config,
    clusterName: cluster.clusterName,
  });
  return [...topicConfigFindings(input), ...relations];
}
