/**
 * Relations between topic configs that Kafka's `LogConfig.validate` enforces when a topic is created
 * or altered, over the broker defaults (the cluster's `config`, else Kafka's defaults): compaction
 * lags, and for tiered storage the broker switch, the cleanup policy and local vs total retention.
 */
import { Finding, finding } from '../../core/problem';
import { RULES } from '../../rules';
import { catalogueFor } from './catalogue';
import { ConfigCheckInput } from './input';
import { configText, listItems, parseNumber } from './values';

/** A topic check's input plus the cluster's broker config. */
export interface TopicRelationInput extends ConfigCheckInput {
  readonly clusterConfig: Readonly<Record<string, unknown>>;
  readonly clusterName: string;
}

interface Effective {
  /** The value Kafka validates, or undefined when one of them does not parse (reported elsewhere). */
  readonly n?: bigint;
  /** The topic sets the key itself. */
  readonly own: boolean;
}

const scalar = (v: unknown): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v);
const asLong = (v: unknown): bigint | undefined => {
  if (!scalar(v)) return undefined;
  const n = parseNumber('long', v);
  return typeof n === 'bigint' ? n : undefined;
};

/** The broker default of `retention.ms`: log.retention.ms, else .minutes, else .hours (Kafka's order). */
function brokerRetentionMs(cluster: Readonly<Record<string, unknown>>): bigint | undefined {
  for (const [key, unit] of [
    ['log.retention.ms', 1n],
    ['log.retention.minutes', 60_000n],
    ['log.retention.hours', 3_600_000n],
  ] as const) {
    const n = cluster[key] === undefined ? undefined : asLong(cluster[key]);
    if (cluster[key] !== undefined) return n === undefined ? undefined : n * unit;
  }
  return 168n * 3_600_000n;
}

function effective(input: TopicRelationInput, key: string): Effective {
  if (input.config[key] !== undefined) return { n: asLong(input.config[key]), own: true };
  if (key === 'retention.ms') return { n: brokerRetentionMs(input.clusterConfig), own: false };
  const d = catalogueFor('topic', input.kafkaVersion).configs.get(key);
  const fromCluster = d?.serverDefault ? input.clusterConfig[d.serverDefault] : undefined;
  return { n: asLong(fromCluster ?? d?.default ?? undefined), own: false };
}

const isTrue = (v: unknown) => scalar(v) && configText(v).toLowerCase() === 'true';

/** Findings about the relations between a topic's configs. */
export function topicRelationFindings(input: TopicRelationInput): Finding[] {
  const out: Finding[] = [];
  const min = effective(input, 'min.compaction.lag.ms');
  const max = effective(input, 'max.compaction.lag.ms');
  if ((min.own || max.own) && min.n !== undefined && max.n !== undefined && min.n > max.n) {
    const key = min.own ? 'min.compaction.lag.ms' : 'max.compaction.lag.ms';
    out.push(
      finding(
        RULES.topicConfigRelation,
        `config['${key}']`,
        input.config[key],
        `min.compaction.lag.ms ${min.n} is above max.compaction.lag.ms ${max.n}` +
          `${min.own && max.own ? '' : ' (the broker default)'}; Kafka refuses the topic (conflicting settings)`,
        min.own
          ? `set min.compaction.lag.ms to at most ${max.n}, or raise max.compaction.lag.ms`
          : `set max.compaction.lag.ms to at least ${min.n}`,
      ),
    );
  }
  if (isTrue(input.config['remote.storage.enable'])) out.push(...remoteStorageFindings(input));
  return out;
}

function remoteStorageFindings(input: TopicRelationInput): Finding[] {
  const out: Finding[] = [];
  const field = "config['remote.storage.enable']";
  const value = input.config['remote.storage.enable'];
  if (!isTrue(input.clusterConfig['remote.log.storage.system.enable'])) {
    out.push(
      finding(
        RULES.topicConfigRelation,
        field,
        value,
        `cluster '${input.clusterName}' has no tiered storage (its config does not set ` +
          'remote.log.storage.system.enable: true); Kafka refuses the topic',
        'remove remote.storage.enable, or enable tiered storage on the cluster ' +
          '(remote.log.storage.system.enable and a remote storage manager)',
      ),
    );
  }
  const policy = input.config['cleanup.policy'] ?? input.clusterConfig['log.cleanup.policy'];
  if (scalar(policy) && listItems(policy).includes('compact')) {
    out.push(
      finding(
        RULES.topicConfigRelation,
        field,
        value,
        `cleanup.policy ${JSON.stringify(configText(policy))} compacts; ` +
          'Kafka refuses remote storage for compacted topics',
        "use cleanup.policy 'delete' for a tiered topic, or remove remote.storage.enable",
      ),
    );
  }
  for (const [local, total] of [
    ['local.retention.ms', 'retention.ms'],
    ['local.retention.bytes', 'retention.bytes'],
  ] as const)
    out.push(...localRetention(input, local, total));
  return out;
}

/** `local.retention.*` within `retention.*` for a tiered topic (`LogConfig.validateRemoteStorageRetention*`). */
function localRetention(input: TopicRelationInput, local: string, total: string): Finding[] {
  const l = effective(input, local);
  const t = effective(input, total);
  if (l.n === undefined || t.n === undefined || t.n < 0n || l.n === -2n || !(l.own || t.own)) return [];
  if (l.n !== -1n && l.n <= t.n) return [];
  const key = l.own ? local : total;
  const what = l.n === -1n ? `${local} -1 (unlimited)` : `${local} ${l.n}`;
  return [
    finding(
      RULES.topicConfigRelation,
      `config['${key}']`,
      input.config[key],
      `${what} keeps more on local disk than ${total} ${t.n} keeps in total; Kafka refuses the topic`,
      `set ${local} to at most ${t.n} (or -2 to follow ${total})`,
    ),
  ];
}
