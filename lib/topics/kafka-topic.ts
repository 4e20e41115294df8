import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { placed } from '../common/arguments';
import { CLUSTER_INSTANCE, ICluster } from '../common/cluster';
import { namesPerNamespace } from '../common/names-per-namespace';
import { addAppCheck, addChecks, at, validateAtSynth } from '../common/problems';
import { checkedProps, lazySpec } from '../common/resource';
import { Problem } from '../core/problem';
import { sortedRecord } from '../core/syntax';
import { uncheckedConfigAnnotations } from '../model/kafka-config/unchecked';
import { strimziKind } from '../render/strimzi';
import { topicFindings, topicNamesUniqueFindings, topicResourceName } from './topic-model';

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
    super(scope, placed(scope, id));
    // JavaScript and JSON callers: every prop is checked at run time; the rest sees clean values
    const checked = checkedProps<KafkaTopicProps>(this, rawProps, 'KafkaTopicProps', { cluster: CLUSTER_INSTANCE });
    const props = checked.props;
    this.cluster = props.cluster;
    this.topicName = props.topicName ?? id;
    this.resourceName = props.resourceName ?? topicResourceName(String(this.topicName));
    this.partitions = props.partitions;
    this.replicas = props.replicas;
    this.config = props.config;
    this.uncheckedConfig = props.uncheckedConfig;
    // without a cluster (reported above) the object is rendered in the default API version; the synth fails anyway
    const KafkaTopicClass = strimziKind(this.cluster?.apiVersion ?? 'v1', 'KafkaTopic');
    this.apiObject = new KafkaTopicClass(this, 'Resource', {
      metadata: { name: this.resourceName, labels: clusterLabels(this.cluster?.clusterName ?? '') },
      spec: lazySpec(() => ({
        topicName: this.resourceName === this.topicName ? undefined : this.topicName,
        partitions: this.partitions,
        replicas: this.replicas,
        config: sortedRecord(this.config),
      })),
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

/** Topic and resource names once per cluster: one pass over the app's topics per synth. */
function topicNamesUnique(root: IConstruct): Problem[] {
  const topics = root.node.findAll().filter((c): c is KafkaTopic => c instanceof KafkaTopic && c.cluster !== undefined);
  const named = topics.map((t) => ({
    path: t.node.path,
    topicName: t.topicName,
    resourceName: t.resourceName,
    cluster: t.cluster.node.path,
    clusterName: t.cluster.clusterName,
  }));
  return topicNamesUniqueFindings(named).map(({ index, finding }) => at(topics[index], finding));
}

/** A topic as the per-namespace name check sees it: its KafkaTopic resource name. */
function topicEntry(c: IConstruct) {
  return c instanceof KafkaTopic && c.cluster !== undefined
    ? { name: c.resourceName, namespace: c.namespace, cluster: c.cluster, what: 'KafkaTopic' }
    : undefined;
}
