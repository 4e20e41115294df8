import { ApiObject, Chart, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { CLUSTER_INSTANCE, ICluster } from '../common/cluster';
import { namesPerNamespace } from '../common/names-per-namespace';
import { addAppCheck, addChecks, at, record, validateAtSynth } from '../common/problems';
import { Problem, finding } from '../core/problem';
import { RULES } from '../core/rules';
import { checkProps } from '../core/shape';
import { sortedRecord } from '../core/syntax';
import { uncheckedConfigAnnotations } from '../model/kafka-config/unchecked';
import { rendererFor } from '../render/strimzi';
import { topicFindings, topicResourceName } from './topic-model';

export { isTopicName, topicResourceName } from './topic-model';
import { clusterLabels } from '../render/strimzi/renderer';

/** Properties of a KafkaTopic. */
export interface KafkaTopicProps {
  /** The cluster the topic lives in (its Topic Operator manages it). */
  readonly cluster: ICluster;
  /**
   * The Kafka topic name: 1-249 of `a-z A-Z 0-9 . _ -`.
   * @default - the construct id
   * @maxLength 1000
   */
  readonly topicName?: string;
  /**
   * Name of the `KafkaTopic` resource. When the topic name is not a valid resource name (upper
   * case, `_`), the topic name goes to `spec.topicName`.
   * @default - the topic name when it is a lower-case DNS subdomain, else derived from it
   *   (lower case, other characters as `-`, plus 8 hex digits of its SHA-1)
   * @maxLength 1000
   */
  readonly resourceName?: string;
  /**
   * Number of partitions.
   * @default - the brokers' `num.partitions`
   * @integer
   */
  readonly partitions?: number;
  /**
   * Replication factor: at most the broker count.
   * @default - the cluster's replication factor
   * @integer
   */
  readonly replicas?: number;
  /**
   * Topic config (`retention.ms`, `cleanup.policy`, `min.insync.replicas`, ...), emitted sorted.
   * @default - none
   * @keys topicConfigKey
   */
  readonly config?: Record<string, string | number | boolean>;
  /**
   * `config` keys not to check against Kafka's topic config catalogue (a key a newer Kafka knows),
   * each with the reason; recorded in the annotation `cdk8s-strimzi-kraft/unchecked-config`.
   * @default - every key is checked
   * @maxLength 500
   * @keys kafkaPropertyName
   * @syntax reason
   */
  readonly uncheckedConfig?: Record<string, string>;
}

/**
 * A Strimzi `KafkaTopic`, checked against its cluster (Topic Operator, broker count, replication)
 * and the other topics of the cluster before anything is written.
 */
export class KafkaTopic extends Construct {
  /** The cluster (undefined only when a JavaScript caller passed none or garbage: the synth then fails). */
  public readonly cluster: ICluster;
  /** The Kafka topic name. */
  public readonly topicName: string;
  /** The `KafkaTopic` resource name. */
  public readonly resourceName: string;
  public readonly partitions?: number;
  public readonly replicas?: number;
  public readonly config?: Record<string, string | number | boolean>;
  /** Config keys not checked against Kafka's catalogue, with the reason. */
  public readonly uncheckedConfig?: Record<string, string>;
  /** The generated KafkaTopic object. */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, rawProps: KafkaTopicProps) {
    super(scope, id);
    // JavaScript and JSON callers: every prop is checked at run time; the rest sees clean values
    const checked = checkProps<KafkaTopicProps>(rawProps, 'KafkaTopicProps', { cluster: CLUSTER_INSTANCE });
    record(this, checked.findings);
    const props = checked.props;
    this.cluster = props.cluster;
    this.topicName = props.topicName ?? id;
    this.resourceName = props.resourceName ?? topicResourceName(String(this.topicName));
    this.partitions = props.partitions;
    this.replicas = props.replicas;
    this.config = props.config;
    this.uncheckedConfig = props.uncheckedConfig;
    // without a cluster (reported above) the object is rendered in the default API version; the synth fails anyway
    const renderer = rendererFor(this.cluster?.apiVersion ?? 'v1');
    this.apiObject = new renderer.KafkaTopic(this, 'Resource', {
      metadata: { name: this.resourceName, labels: clusterLabels(this.cluster?.clusterName ?? '') },
      spec: Lazy.any({
        produce: () => ({
          topicName: this.resourceName === this.topicName ? undefined : this.topicName,
          partitions: this.partitions,
          replicas: this.replicas,
          config: sortedRecord(this.config),
        }),
      }),
    });
    addChecks(this, () => this.problems);
    for (const [k, v] of uncheckedConfigAnnotations(props.uncheckedConfig)) this.apiObject.metadata.addAnnotation(k, v);
    addAppCheck(this, 'topics/names-unique', topicNamesUnique);
    addAppCheck(this, 'topics/names-per-namespace', (root) => namesPerNamespace(root, 'KafkaTopic', topicEntry));
    validateAtSynth(this);
  }

  /** The namespace the topic lives in (its chart's). */
  public get namespace(): string | undefined {
    return Chart.of(this).namespace;
  }

  /** Every finding about the topic. */
  public get problems(): Problem[] {
    const c = this.cluster;
    return topicFindings({
      topicName: this.topicName,
      resourceName: this.resourceName,
      namespace: this.namespace,
      partitions: this.partitions,
      replicas: this.replicas,
      config: this.config,
      uncheckedConfig: this.uncheckedConfig,
      cluster: c && {
        clusterName: c.clusterName,
        kafkaVersion: c.kafkaVersion,
        namespace: c.namespace,
        facts: c.facts,
      },
    }).map((f) => at(this, f));
  }
}

/**
 * Each topic name once per cluster (also as Kafka compares names, '.' read as '_') and each
 * resource name once: one pass over the app's topics per synth; the later topic in the tree is
 * reported, naming the first.
 */
function topicNamesUnique(root: IConstruct): Problem[] {
  const problems: Problem[] = [];
  const firstByKey = new Map<string, { topic: KafkaTopic; index: number }>();
  const topics = root.node.findAll().filter((c): c is KafkaTopic => c instanceof KafkaTopic && c.cluster !== undefined);
  topics.forEach((t, index) => {
    const cluster = t.cluster.node.path;
    const keys = [`${cluster} topic ${collisionKey(t.topicName)}`, `${cluster} resource ${t.resourceName}`];
    const earlier = keys
      .map((k) => firstByKey.get(k))
      .filter((x): x is { topic: KafkaTopic; index: number } => x !== undefined)
      .sort((x, y) => x.index - y.index)[0];
    keys.forEach((k) => firstByKey.has(k) || firstByKey.set(k, { topic: t, index }));
    if (!earlier) return;
    const o = earlier.topic;
    const field = o.resourceName === t.resourceName && o.topicName !== t.topicName ? 'resourceName' : 'topicName';
    problems.push(
      at(
        t,
        finding(
          RULES.topicNameUnique,
          field,
          field === 'topicName' ? t.topicName : t.resourceName,
          field === 'topicName' && o.topicName !== t.topicName
            ? `collides with topic ${o.node.path} ('${o.topicName}'): Kafka treats '.' and '_' in topic names ` +
                'alike and refuses the second'
            : `topic ${o.node.path} of cluster '${t.cluster.clusterName}' has this ${field} too`,
          'declare every topic of a cluster once, and do not mix . and _ in otherwise equal names',
        ),
      ),
    );
  });
  return problems;
}

/** Kafka refuses a topic whose name equals another's once '.' is read as '_' (metric names clash). */
function collisionKey(topicName: string): string {
  return topicName.split('.').join('_');
}

/** A topic as the per-namespace name check sees it: its KafkaTopic resource name. */
function topicEntry(c: IConstruct) {
  return c instanceof KafkaTopic && c.cluster !== undefined
    ? { name: c.resourceName, namespace: c.namespace, cluster: c.cluster, what: 'KafkaTopic' }
    : undefined;
}
