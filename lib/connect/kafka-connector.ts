import { placed } from '../common/arguments';
import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { checkedProps, lazySpec, placeFindings, validateAtSynth } from '../common/resource';
import { strimziKind } from '../render/strimzi';
import { clusterLabels } from '../render/strimzi/renderer';
import { CONNECT_INSTANCE, IKafkaConnect } from './connect-instance';
import { connectorAcls, connectorFindings } from './connect-model';
import { connectorSpec } from './connect-render';

/** Automatic restarts of a failed connector and its tasks (Strimzi's `autoRestart`). */
export interface ConnectorAutoRestart {
  /**
   * Restart failed connectors and tasks.
   * @default true when `autoRestart` is given
   */
  readonly enabled?: boolean;
  /**
   * Restarts before Strimzi gives up.
   * @default - no limit
   * @integer
   */
  readonly maxRestarts?: number;
}

/** What a connector runs: the options of `KafkaConnect.addConnector`. */
export interface KafkaConnectorOptions {
  /**
   * Name of the `KafkaConnector` resource and of the connector in Kafka Connect.
   * @default - the construct id
   * @maxLength 253
   */
  readonly connectorName?: string;
  /**
   * The connector class, e.g. `org.apache.kafka.connect.file.FileStreamSourceConnector`.
   * @maxLength 1000
   */
  readonly class: string;
  /**
   * The maximum number of tasks, at least 1.
   * @default - Kafka Connect's default, 1
   * @integer
   * @checkedBy connector-tasks-max
   */
  readonly tasksMax?: number;
  /**
   * The connector's config (not `connector.class`, `tasks.max` or `name`: the props set them), emitted sorted.
   * @default - none
   * @keys kafkaPropertyName
   * @maxLength 100000
   */
  readonly config?: Record<string, string | number | boolean>;
  /**
   * `running`, `paused` or `stopped` (the states the release's KafkaConnector serves).
   * @default - running (not emitted)
   * @maxLength 20
   * @checkedBy connector-state
   */
  readonly state?: string;
  /**
   * The connector plugin version (or range) to run (`spec.version`; Strimzi 0.49.0 and later, Kafka
   * Connect 4.1.0 and later); from 0.50.0 it replaces `connector.plugin.version` in `config`.
   * @default - the version Kafka Connect finds
   * @maxLength 100
   * @checkedBy connector-version
   */
  readonly version?: string;
  /**
   * Automatic restarts of the failed connector and tasks.
   * @default - none (Strimzi's default: no automatic restart)
   */
  readonly autoRestart?: ConnectorAutoRestart;
  /**
   * Topics the connector reads or writes: names, or prefixes ending in `*`. Under simple authorization
   * the Connect's created user gets Create, Describe, Read and Write on each (as upstream's security
   * examples grant); a sink connector (`topics` or `topics.regex` in its config) also gets Read on its
   * consumer group `connect-<name>`.
   * @default - none
   * @maxLength 249
   * @checkedBy connector-topic
   */
  readonly topics?: readonly string[];
}

/** Properties of a {@link KafkaConnector}: its Connect and what it runs. */
export interface KafkaConnectorProps extends KafkaConnectorOptions {
  /** The KafkaConnect the connector runs in (it must be in the connector's namespace). */
  readonly connect: IKafkaConnect;
}

/**
 * A Strimzi `KafkaConnector`: a connector of a KafkaConnect, labelled with the Connect's name, which
 * turns on the Connect's connector resources and grants its user the connector's topics.
 */
export class KafkaConnector extends Construct {
  /** The Connect (undefined only when a JavaScript caller passed none or garbage: the synth then fails). */
  public readonly connect: IKafkaConnect;
  public readonly connectorName: string;
  /** The generated KafkaConnector object. */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, rawProps: KafkaConnectorProps) {
    super(scope, placed(scope, id));
    const { props } = checkedProps<KafkaConnectorProps>(this, rawProps, 'KafkaConnectorProps', {
      KafkaConnect: CONNECT_INSTANCE,
    });
    this.connect = props.connect;
    this.connectorName = props.connectorName ?? id;
    const cluster = this.connect?.cluster;
    const apiVersion = cluster?.apiVersion ?? 'v1';
    const metadata = { name: this.connectorName, labels: clusterLabels(this.connect?.connectName ?? '') };
    const spec = lazySpec(() => connectorSpec(props));
    // kafka.strimzi.io/v1beta2's generated class is 0.48.0's, without `version` (0.49.0-0.51.0 serve it in
    // v1beta2 too), and its toJson drops what it does not know: such a connector is a plain ApiObject
    this.apiObject =
      props.version !== undefined && apiVersion === 'v1beta2'
        ? new ApiObject(this, 'Resource', {
            apiVersion: 'kafka.strimzi.io/v1beta2',
            kind: 'KafkaConnector',
            metadata,
            spec,
          })
        : new (strimziKind(apiVersion, 'KafkaConnector'))(this, 'Resource', { metadata, spec });
    this.connect?.registerConnector(
      connectorAcls(this.connectorName, props.topics ?? [], props.config),
      this,
      props.topics,
    );
    placeFindings(this, () =>
      connectorFindings({
        ...props,
        name: this.connectorName,
        namespace: this.namespace,
        release: cluster?.release.tag,
        apiVersion: cluster?.apiVersion,
        connect: this.connect && {
          connectName: this.connect.connectName,
          kafkaVersion: this.connect.kafkaVersion,
          namespace: this.connect.namespace,
          sameApp: this.connect.node.root === this.node.root,
          connectorResources: this.connect.connectorResources,
        },
      }),
    );
    validateAtSynth(this);
  }

  /** The namespace the connector lives in (its chart's). */
  public get namespace(): string | undefined {
    return Chart.of(this).namespace;
  }
}
