import { createHash } from 'crypto';
import { ApiObject, Chart, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { CLUSTER_PROP, ICluster } from '../common/cluster';
import { namesPerNamespace } from '../common/names-per-namespace';
import { addAppCheck, addChecks, at, record, touch, validateAtSynth } from '../common/problems';
import { Problem, finding } from '../core/problem';
import { RULES, Rule } from '../core/rules';
import { checkProps, int, obj, rec, required, scalar, str } from '../core/shape';
import { isDnsSubdomain, sortedRecord } from '../core/syntax';
import { clusterFacts } from '../common/cluster-facts';
import { topicConfigChecks } from '../model/kafka-config/check';
import { UNCHECKED_CONFIG_PROP, uncheckedConfigAnnotations } from '../model/kafka-config/unchecked';
import { rendererFor } from '../render/strimzi';
import { clusterLabels } from '../render/strimzi/renderer';

/** Properties of a KafkaTopic. */
export interface KafkaTopicProps {
  /** The cluster the topic lives in (its Topic Operator manages it). */
  readonly cluster: ICluster;
  /**
   * The Kafka topic name: 1-249 of `a-z A-Z 0-9 . _ -`.
   * @default - the construct id
   */
  readonly topicName?: string;
  /**
   * Name of the `KafkaTopic` resource. When the topic name is not a valid resource name (upper
   * case, `_`), the topic name goes to `spec.topicName`.
   * @default - the topic name when it is a lower-case DNS subdomain, else derived from it
   *   (lower case, other characters as `-`, plus 8 hex digits of its SHA-1)
   */
  readonly resourceName?: string;
  /**
   * Number of partitions.
   * @default - the brokers' `num.partitions`
   */
  readonly partitions?: number;
  /**
   * Replication factor: at most the broker count.
   * @default - the cluster's replication factor
   */
  readonly replicas?: number;
  /**
   * Topic config (`retention.ms`, `cleanup.policy`, `min.insync.replicas`, ...), emitted sorted.
   * @default - none
   */
  readonly config?: Record<string, string | number | boolean>;
  /**
   * `config` keys not to check against Kafka's topic config catalogue (a key a newer Kafka knows),
   * each with the reason; recorded in the annotation `cdk8s-strimzi-kraft/unchecked-config`.
   * @default - every key is checked
   */
  readonly uncheckedConfig?: Record<string, string>;
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

/** What a JavaScript or JSON caller must pass (names and ranges are rules of their own). */
const TOPIC_PROPS = obj({
  cluster: required(CLUSTER_PROP, undefined),
  topicName: str(1000),
  resourceName: str(1000),
  partitions: int,
  replicas: int,
  config: rec(scalar, 1000, {
    test: (k) => /^[a-zA-Z0-9._-]{1,255}$/.test(k),
    what: 'a Kafka topic property name (letters, digits, ., _ and -)',
    rule: RULES.topicConfig,
    fix: "use the property name from the Kafka documentation, e.g. 'retention.ms'",
  }),
  uncheckedConfig: UNCHECKED_CONFIG_PROP,
});

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
    const checked = checkProps<KafkaTopicProps>(rawProps, TOPIC_PROPS);
    record(this, checked.findings);
    const props = checked.props;
    this.cluster = props.cluster;
    this.topicName = props.topicName ?? id;
    this.resourceName = props.resourceName ?? topicResourceName(String(this.topicName));
    this.partitions = props.partitions;
    this.replicas = props.replicas;
    this.config = props.config;
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
    for (const [k, v] of uncheckedConfigAnnotations(props.uncheckedConfig)) this.apiObject.metadata.addAnnotation(k, v);
    this.uncheckedConfig = props.uncheckedConfig;
    addChecks(this, () => this.problems);
    addAppCheck('topics/names-unique', topicNamesUnique);
    addAppCheck('topics/names-per-namespace', (root) => namesPerNamespace(root, 'KafkaTopic', topicEntry));
    validateAtSynth(this);
    touch();
  }

  /** The namespace the topic lives in (its chart's). */
  public get namespace(): string | undefined {
    return Chart.of(this).namespace;
  }

  /** Every finding about the topic. */
  public get problems(): Problem[] {
    const problems: Problem[] = [];
    const add = (rule: Rule, field: string, value: unknown, message: string, fix: string) =>
      problems.push(at(this, finding(rule, field, value, message, fix)));
    const c = this.cluster;
    if (!isTopicName(this.topicName)) {
      add(
        RULES.topicName,
        'topicName',
        this.topicName,
        "not a Kafka topic name (1-249 of a-z A-Z 0-9 . _ -, not '.' or '..')",
        "rename the topic, e.g. 'orders.v1'",
      );
    }
    if (!isDnsSubdomain(this.resourceName)) {
      add(
        RULES.topicName,
        'resourceName',
        this.resourceName,
        'not a lower-case DNS subdomain',
        'omit resourceName (it is derived from the topic name) or use lower-case letters, digits, - and .',
      );
    }
    if (c)
      problems.push(
        ...topicConfigChecks(clusterFacts(c), this.config ?? {}, this.uncheckedConfig).map((f) => at(this, f)),
      );
    if (
      this.partitions !== undefined &&
      !(Number.isInteger(this.partitions) && this.partitions >= 1 && this.partitions <= 1_000_000)
    ) {
      add(
        RULES.topicPartitions,
        'partitions',
        this.partitions,
        'not an integer from 1 to 1000000',
        'give the number of partitions, e.g. 6',
      );
    }
    // without a cluster (reported as prop-type) nothing more can be checked
    if (c) this.checkCluster(add, c);
    return problems;
  }

  private checkCluster(
    add: (rule: Rule, field: string, value: unknown, message: string, fix: string) => void,
    c: ICluster,
  ): void {
    if (!c.model.spec.topicOperator) {
      add(
        RULES.topicOperatorPresent,
        'cluster',
        c.clusterName,
        `cluster '${c.clusterName}' runs no Topic Operator; nothing would create the topic`,
        'set topicOperator: true on the cluster (the default)',
      );
    }
    const clusterNs = c.namespace;
    if (this.namespace !== clusterNs) {
      add(
        RULES.topicNamespace,
        'namespace',
        this.namespace ?? null,
        `the Topic Operator of '${c.clusterName}' watches namespace ${clusterNs ?? '(none set)'} only`,
        `create the topic in a chart with namespace ${clusterNs ?? "unset, as the cluster's"}`,
      );
    }
    const m = c.model;
    const brokers = m.brokerIds.length;
    if (
      this.replicas !== undefined &&
      !(Number.isInteger(this.replicas) && this.replicas >= 1 && this.replicas <= Math.max(1, brokers))
    ) {
      add(
        RULES.topicReplicas,
        'replicas',
        this.replicas,
        `not an integer from 1 to the ${brokers} broker(s) of '${c.clusterName}'`,
        `use at most ${brokers} replicas, or add brokers`,
      );
    }
    const replicas = this.replicas ?? m.replication.factor;
    const minIsr = this.config?.['min.insync.replicas'];
    if (minIsr !== undefined && Number.isInteger(Number(minIsr)) && Number(minIsr) >= 1 && Number(minIsr) > replicas) {
      add(
        RULES.topicMinInsync,
        "config['min.insync.replicas']",
        minIsr,
        `above the topic's ${replicas} replica(s); acks=all producers would always fail`,
        `use at most ${replicas} (replicas - 1 tolerates a broker down)`,
      );
    }
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
