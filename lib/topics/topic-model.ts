/**
 * The findings of a KafkaTopic: pure functions of its checked props and of the facts its cluster
 * gives (`ICluster.facts`); a fact the cluster does not give turns off the checks that need it.
 */
import { createHash } from 'crypto';
import { Finding, finding } from '../core/problem';
import { RULES } from '../rules';
import { Rule } from '../core/rules';
import { isDnsSubdomain } from '../core/syntax';
import { ClusterFacts } from '../model/cluster-facts';
import { EntityOperator, entityOperatorFindings } from '../model/entity-operator';
import { topicConfigChecks, topicConfigFindings } from '../model/kafka-config/check';

const TOPIC_OPERATOR: EntityOperator = {
  kind: 'Topic',
  present: RULES.topicOperatorPresent,
  namespace: RULES.topicNamespace,
};

type Add = (rule: Rule, field: string, value: unknown, message: string, fix: string) => void;

/** The cluster of a topic, as far as its facts go. */
export interface TopicCluster {
  readonly clusterName: string;
  readonly kafkaVersion: string;
  readonly namespace?: string;
  readonly facts: ClusterFacts;
}

/** A topic's checked props and place. */
export interface TopicInput {
  readonly topicName: string;
  readonly resourceName: string;
  readonly namespace?: string;
  readonly partitions?: number;
  readonly replicas?: number;
  readonly config?: Record<string, string | number | boolean>;
  /** Config keys not checked against Kafka's catalogue, with the reason. */
  readonly uncheckedConfig?: Record<string, string>;
  /** Undefined when none (or garbage) was given: that is reported as prop-type. */
  readonly cluster?: TopicCluster;
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/** Whether a string is a Kafka topic name. */
export function isTopicName(name: string): boolean {
  return typeof name === 'string' && TOPIC_NAME.test(name) && name !== '.' && name !== '..';
}

/** The resource name for a topic name: the name itself when Kubernetes accepts it, else a derived one. */
export function topicResourceName(topicName: string): string {
  if (isDnsSubdomain(topicName)) return topicName;
  const base = topicName
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 200);
  const hash = createHash('sha1').update(topicName).digest('hex').slice(0, 8);
  return base ? `${base}-${hash}` : `topic-${hash}`;
}

/** Every finding about a topic. */
export function topicFindings(t: TopicInput): Finding[] {
  const out: Finding[] = [];
  const add: Add = (rule, field, value, message, fix) => out.push(finding(rule, field, value, message, fix));
  const c = t.cluster;
  if (!isTopicName(t.topicName)) {
    add(
      RULES.topicName,
      'topicName',
      t.topicName,
      "not a Kafka topic name (1-249 of a-z A-Z 0-9 . _ -, not '.' or '..')",
      "rename the topic, e.g. 'orders.v1'",
    );
  }
  if (!isDnsSubdomain(t.resourceName)) {
    add(
      RULES.topicName,
      'resourceName',
      t.resourceName,
      'not a lower-case DNS subdomain',
      'omit resourceName (it is derived from the topic name) or use lower-case letters, digits, - and .',
    );
  }
  if (c && c.facts.config) {
    const cluster = { clusterName: c.clusterName, kafkaVersion: c.kafkaVersion, config: c.facts.config };
    out.push(...topicConfigChecks(cluster, t.config ?? {}, t.uncheckedConfig));
  } else if (c) {
    // the brokers' config is unknown (a cluster managed elsewhere): the keys and values only
    out.push(
      ...topicConfigFindings({ kafkaVersion: c.kafkaVersion, config: t.config ?? {}, unchecked: t.uncheckedConfig }),
    );
  }
  if (
    t.partitions !== undefined &&
    !(Number.isInteger(t.partitions) && t.partitions >= 1 && t.partitions <= 2_147_483_647)
  ) {
    add(
      RULES.topicPartitions,
      'partitions',
      t.partitions,
      'not an integer from 1 to 2147483647',
      'give the number of partitions, e.g. 6',
    );
  }
  // without a cluster (reported as prop-type) nothing more can be checked
  if (c) checkCluster(add, t, c);
  return out;
}

function checkCluster(add: Add, t: TopicInput, c: TopicCluster): void {
  entityOperatorFindings(TOPIC_OPERATOR, c, t.namespace).forEach((f) =>
    add(f.rule, f.field, f.value, f.message, f.fix),
  );
  const brokers = c.facts.brokerNodeIds?.length;
  if (
    brokers !== undefined &&
    t.replicas !== undefined &&
    !(Number.isInteger(t.replicas) && t.replicas >= 1 && t.replicas <= Math.max(1, brokers))
  ) {
    add(
      RULES.topicReplicas,
      'replicas',
      t.replicas,
      `not an integer from 1 to the ${brokers} broker(s) of '${c.clusterName}'`,
      `use at most ${brokers} replicas, or add brokers`,
    );
  }
  const replicas = t.replicas ?? c.facts.replicationFactor;
  const minIsr = t.config?.['min.insync.replicas'];
  if (
    replicas !== undefined &&
    minIsr !== undefined &&
    Number.isInteger(Number(minIsr)) &&
    Number(minIsr) >= 1 &&
    Number(minIsr) > replicas
  ) {
    add(
      RULES.topicMinInsync,
      "config['min.insync.replicas']",
      minIsr,
      `above the topic's ${replicas} replica(s); acks=all producers would always fail`,
      `use at most ${replicas} (replicas - 1 tolerates a broker down)`,
    );
  }
}

/** A topic as the per-cluster name check sees it. */
export interface NamedTopic {
  readonly path: string;
  readonly topicName: string;
  readonly resourceName: string;
  /** The cluster's construct path (its identity in the app). */
  readonly cluster: string;
  readonly clusterName: string;
}

/** Kafka refuses a topic whose name equals another's once '.' is read as '_' (metric names clash). */
function collisionKey(topicName: string): string {
  return topicName.split('.').join('_');
}

/**
 * Each topic name once per cluster (also as Kafka compares names, '.' read as '_') and each
 * resource name once; the later topic in the tree is reported, naming the first.
 */
export function topicNamesUniqueFindings(topics: readonly NamedTopic[]): { index: number; finding: Finding }[] {
  const out: { index: number; finding: Finding }[] = [];
  const firstByKey = new Map<string, number>();
  topics.forEach((t, index) => {
    const keys = [`${t.cluster} topic ${collisionKey(t.topicName)}`, `${t.cluster} resource ${t.resourceName}`];
    const earlier = keys
      .map((k) => firstByKey.get(k))
      .filter((x): x is number => x !== undefined)
      .sort((x, y) => x - y)[0];
    keys.forEach((k) => firstByKey.has(k) || firstByKey.set(k, index));
    if (earlier === undefined) return;
    out.push({ index, finding: topicNameClash(topics[earlier], t) });
  });
  return out;
}

function topicNameClash(o: NamedTopic, t: NamedTopic): Finding {
  const field = o.resourceName === t.resourceName && o.topicName !== t.topicName ? 'resourceName' : 'topicName';
  const why =
    field === 'topicName' && o.topicName !== t.topicName
      ? `collides with topic ${o.path} ('${o.topicName}'): Kafka treats '.' and '_' in topic names alike and ` +
        'refuses the second'
      : `topic ${o.path} of cluster '${t.clusterName}' has this ${field} too`;
  const fix = 'declare every topic of a cluster once, and do not mix . and _ in otherwise equal names';
  return finding(RULES.topicNameUnique, field, field === 'topicName' ? t.topicName : t.resourceName, why, fix);
}
