/** The rules of the KafkaTopic kind, declared with the kind and collected into the catalogue (lib/rules.ts). */
import { APISERVER, NEVER, RUNTIME, Rule, TOPIC_OPERATOR, rule } from '../core/rules';

/** The KafkaTopic rules, by a short key used in the code. */
export const TOPIC_RULES = {
  topicName: rule(
    'topic-name',
    'Topics',
    'error',
    "A topic name is 1-249 of `[a-zA-Z0-9._-]`, not '.' or '..'; a resource name is a lower-case DNS subdomain",
    TOPIC_OPERATOR,
  ),
  topicNameUnique: rule(
    'topic-name-unique',
    'Topics',
    'error',
    'Each topic name (and resource name) is used once per cluster',
    TOPIC_OPERATOR,
  ),
  topicOperatorPresent: rule(
    'topic-operator-present',
    'Topics',
    'error',
    "The topic's cluster runs the Topic Operator",
    NEVER,
  ),
  topicNamespace: rule(
    'topic-namespace',
    'Topics',
    'error',
    "A topic lives in its cluster's namespace, where the Topic Operator watches",
    NEVER,
  ),
  topicReplicas: rule(
    'topic-replicas',
    'Topics',
    'error',
    "Replicas is an integer from 1 to the cluster's broker count",
    TOPIC_OPERATOR,
  ),
  topicMinInsync: rule(
    'topic-min-insync',
    'Topics',
    'error',
    "A topic's `min.insync.replicas` is from 1 to its replicas",
    RUNTIME,
  ),
  topicConfigUnknown: rule(
    'topic-config-unknown',
    'Topics',
    'error',
    "A topic `config` key is a topic config of the cluster's Kafka version (Kafka's topic configuration " +
      'reference; brokers refuse any other name, `LogConfig.validateNames`), unless listed in `uncheckedConfig`',
    TOPIC_OPERATOR,
  ),
  topicConfigRelation: rule(
    'topic-config-relation',
    'Topics',
    'error',
    "Topic configs (over the cluster's broker defaults) agree as Kafka's `LogConfig.validate` requires: " +
      '`min.compaction.lag.ms` <= `max.compaction.lag.ms`; `remote.storage.enable` needs ' +
      '`remote.log.storage.system.enable` on the cluster, no `compact` policy, and `local.retention.ms`/`.bytes` ' +
      'within `retention.ms`/`.bytes`',
    TOPIC_OPERATOR,
  ),
  topicPartitions: rule(
    'topic-partitions',
    'Topics',
    'error',
    'Partitions is an integer from 1 to 2147483647 (the KafkaTopic CRD: minimum 1; Kafka: a 32-bit `numPartitions`)',
    APISERVER,
  ),
} as const satisfies Record<string, Rule>;
