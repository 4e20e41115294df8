import { placed } from '../common/arguments';
import { clientMetricsOf, clientMetricsSpec } from '../common/client-metrics';
import { ClientMetrics } from '../model/metrics/client-metrics';
import { MetricsOptions } from '../model/metrics/metrics';
import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { ConnectWorkers, markConnectWorkers } from '../clients/connect-workers';
import { connectStorageUnique } from '../connect/kafka-connect';
import { ClientLink, ClientOptions } from '../clients/client-link';
import { USER_INSTANCE } from '../clients/user-instance';
import { CLUSTER_INSTANCE, ICluster } from '../common/cluster';
import { addAppCheck, at, validateAtSynth } from '../common/problems';
import { checkedProps, lazySpec, placeFindings } from '../common/resource';
import { Problem } from '../core/problem';
import { ResourceRequirements } from '../model/pod';
import { strimziKind } from '../render/strimzi';
import { StrimziClientBlock, strimziClientBlock } from '../render/strimzi/client';
import {
  MirrorSpecInput,
  mirrorMaker2SpecV1,
  mirrorMaker2SpecV1beta2,
  mirrorResources,
} from '../render/strimzi/mirror-maker-2';
import { KafkaUser } from '../users/kafka-user';
import {
  Mm2Cluster,
  Mm2Flow,
  connectNameClashFindings,
  mirrorNamesUniqueFindings,
  externalWiring,
  mm2Connectors,
  mm2Findings,
  sourceUserAcls,
  targetUserAcls,
} from './mm2-model';

/** A cluster of this app (or `KraftCluster.fromAttributes`) that a mirror connects to. */
export interface MirrorClusterOptions extends ClientOptions {
  /**
   * The cluster's alias in the mirror (remote topics on the target are named `<source alias>.<topic>`).
   * @default - the cluster's name
   * @maxLength 1000
   */
  readonly alias?: string;
  /**
   * Name of the KafkaUser created when `user` is not passed.
   * @default - `<mirror name>-<alias>`, lower case
   * @maxLength 253
   */
  readonly userName?: string;
}

/** How the mirror authenticates to an external cluster: a Secret of yours in the mirror's namespace. */
export interface ExternalAuthentication {
  /**
   * `scram-sha-512` (a password in the Secret) or `tls` (`user.crt` and `user.key` in the Secret).
   * @enum
   */
  readonly type: 'scram-sha-512' | 'tls';
  /**
   * The Secret.
   * @maxLength 253
   */
  readonly secretName: string;
  /**
   * The SCRAM user name.
   * @default - the Secret's name (as the User Operator names a user's Secret)
   * @maxLength 253
   */
  readonly username?: string;
  /**
   * The key of the SCRAM password in the Secret.
   * @default 'password'
   * @maxLength 253
   */
  readonly passwordKey?: string;
}

/** A source cluster outside this app's view, given by address and Secrets. */
export interface ExternalMirrorSource {
  /**
   * The cluster's alias in the mirror.
   * @maxLength 1000
   */
  readonly alias: string;
  /**
   * `bootstrap.servers` of the cluster, e.g. `kafka.example.com:9094`.
   * @maxLength 2000
   */
  readonly bootstrapServers: string;
  /**
   * A Secret in the mirror's namespace holding the CA certificate(s) the cluster's TLS listener presents.
   * @default - no TLS
   * @maxLength 253
   */
  readonly trustedCertificateSecret?: string;
  /**
   * How the mirror authenticates.
   * @default - no authentication
   */
  readonly authentication?: ExternalAuthentication;
}

/** Properties of a {@link KafkaMirrorMaker2}. */
export interface KafkaMirrorMaker2Props {
  /**
   * Name of the `KafkaMirrorMaker2` resource.
   * @default - the construct id
   * @maxLength 253
   */
  readonly name?: string;
  /** The cluster the mirror writes into; MirrorMaker's Connect cluster runs against it. */
  readonly target: MirrorClusterOptions;
  /**
   * Source clusters of this app (or `KraftCluster.fromAttributes`); usually in another namespace: see `copiedSecrets`.
   * @default - none (give `externalSources`)
   * @maxItems 50
   */
  readonly sources?: readonly MirrorClusterOptions[];
  /**
   * Source clusters given by address and Secrets.
   * @default - none
   * @maxItems 50
   */
  readonly externalSources?: readonly ExternalMirrorSource[];
  /**
   * Topics to mirror: a Java regular expression, or a comma-separated list of them.
   * @default '.*'
   * @checkedBy mm2-pattern
   * @maxLength 10000
   */
  readonly topicsPattern?: string;
  /**
   * Topics not to mirror.
   * @default - Kafka's default exclusions (internal and replica topics, `__.*`)
   * @maxLength 10000
   */
  readonly topicsExcludePattern?: string;
  /**
   * Consumer groups whose offsets are checkpointed.
   * @default '.*'
   * @maxLength 10000
   */
  readonly groupsPattern?: string;
  /**
   * Consumer groups not to checkpoint.
   * @default - Kafka's default exclusions
   * @maxLength 10000
   */
  readonly groupsExcludePattern?: string;
  /**
   * Number of MirrorMaker pods.
   * @default 1
   * @integer
   */
  readonly replicas?: number;
  /**
   * CPU and memory of each pod.
   * @default - none
   */
  readonly resources?: ResourceRequirements;
  /**
   * `group.id` of MirrorMaker's Connect cluster on the target.
   * @default - `<name>-group`
   * @maxLength 249
   */
  readonly groupId?: string;
  /**
   * Its config storage topic.
   * @default - `<name>-config`
   * @maxLength 249
   */
  readonly configStorageTopic?: string;
  /**
   * Its offset storage topic.
   * @default - `<name>-offset`
   * @maxLength 249
   */
  readonly offsetStorageTopic?: string;
  /**
   * Its status storage topic.
   * @default - `<name>-status`
   * @maxLength 249
   */
  readonly statusStorageTopic?: string;
  /**
   * Replication factor of every topic MirrorMaker creates (mirrored, offset-syncs, checkpoints,
   * heartbeats, storage topics); at most the target's broker count.
   * @default -1 (the brokers' `default.replication.factor`: the cluster's replication factor)
   * @integer
   */
  readonly replicationFactor?: number;
  /**
   * How mirrored topics are named on the target: `default` prefixes the source alias (`cluster-a.orders`),
   * `identity` keeps the name (Kafka's IdentityReplicationPolicy; no cycle detection).
   * @default 'default'
   * @enum
   */
  readonly replicationPolicy?: 'default' | 'identity';
  /**
   * Where the offset-syncs topic lives (`offset-syncs.topic.location`); `target` lets the source user only read.
   * @default - Kafka's default, the source
   * @enum
   */
  readonly offsetSyncsTopicLocation?: 'source' | 'target';
  /**
   * Whether consumer group offsets are written to the target (`sync.group.offsets.enabled`).
   * @default false
   */
  readonly syncGroupOffsets?: boolean;
  /**
   * `sync.group.offsets.interval.seconds`.
   * @default - Kafka's default (60)
   * @integer
   */
  readonly syncGroupOffsetsIntervalSeconds?: number;
  /**
   * `emit.checkpoints.interval.seconds`.
   * @default - Kafka's default (60)
   * @integer
   */
  readonly emitCheckpointsIntervalSeconds?: number;
  /**
   * `refresh.topics.interval.seconds`.
   * @default 600
   * @integer
   */
  readonly refreshTopicsIntervalSeconds?: number;
  /**
   * `refresh.groups.interval.seconds`.
   * @default 600
   * @integer
   */
  readonly refreshGroupsIntervalSeconds?: number;
  /**
   * Whether each mirror runs a heartbeat connector (v1beta2 only: the v1 API has none).
   * @default false
   */
  readonly heartbeats?: boolean;
  /**
   * `tasksMax` of each connector.
   * @default 1
   * @integer
   */
  readonly tasksMax?: number;
  /**
   * More config of the Connect cluster on the target (e.g. `plugin.discovery`), emitted sorted.
   * @default - none
   * @keys kafkaPropertyName
   */
  readonly connectConfig?: Record<string, string | number | boolean>;
  /**
   * More config of each source connector (e.g. `offset.lag.max`).
   * @default - none
   * @keys kafkaPropertyName
   */
  readonly sourceConnectorConfig?: Record<string, string | number | boolean>;
  /**
   * More config of each checkpoint connector.
   * @default - none
   * @keys kafkaPropertyName
   */
  readonly checkpointConnectorConfig?: Record<string, string | number | boolean>;
  /**
   * Whether the mirror's consumers fetch from a replica in their own zone: `client.rack` from the same
   * source as the target cluster's `broker.rack` (its `rack` option; Strimzi `spec.rack`).
   * @default false
   */
  readonly rack?: boolean;
  /**
   * Metrics: `true` for the release's JMX Prometheus Exporter rules in a generated `<name>-mirror-maker-2-metrics`
   * ConfigMap, or `{ type, configMap, allowList }` (`strimziMetricsReporter` from Strimzi 0.48.0).
   * @default - no metrics
   */
  readonly metrics?: MetricsOptions;
}

const INSTANCES = { cluster: CLUSTER_INSTANCE, KafkaUser: USER_INSTANCE };

/**
 * A Strimzi `KafkaMirrorMaker2`: mirrors topics and consumer-group offsets from one or more source
 * clusters into a target, with a KafkaUser on each cluster of this app holding exactly the ACLs
 * upstream's security examples grant, rendered as v1beta2 `clusters`/`mirrors` or v1 `target`/`source`
 * by the target cluster's API version.
 */
export class KafkaMirrorMaker2 extends Construct {
  /** The `KafkaMirrorMaker2` resource name. */
  public readonly name: string;
  /** The user on the target (passed or created); undefined on a listener without authentication. */
  public readonly targetUser?: KafkaUser;
  /** The users on the sources of this app, in `sources` order. */
  public readonly sourceUsers: readonly (KafkaUser | undefined)[];
  /** The generated KafkaMirrorMaker2 object. */
  public readonly apiObject: ApiObject;
  private readonly props: KafkaMirrorMaker2Props;
  private readonly targetLink?: ClientLink;
  private readonly sourceLinks: readonly ClientLink[];
  private readonly metrics: ClientMetrics;

  constructor(scope: Construct, id: string, rawProps: KafkaMirrorMaker2Props) {
    super(scope, placed(scope, id));
    const { props } = checkedProps<KafkaMirrorMaker2Props>(this, rawProps, 'KafkaMirrorMaker2Props', INSTANCES);
    this.props = props;
    this.name = props.name ?? id;
    const flow = this.flow();
    const userName = (o: MirrorClusterOptions) =>
      o.userName ?? `${this.name}-${aliasOf(o)}`.toLowerCase().replace(/[^a-z0-9.-]/g, '-');
    const t = props.target;
    this.targetLink =
      t?.cluster &&
      new ClientLink(this, 'TargetUser', t, { userName: userName(t), acls: targetUserAcls(flow), field: 'target.' });
    this.sourceLinks = (props.sources ?? []).map(
      (s, i) =>
        new ClientLink(this, `SourceUser${i}`, s, {
          userName: userName(s),
          acls: sourceUserAcls(flow),
          field: `sources[${i}].`,
        }),
    );
    this.targetUser = this.targetLink?.user;
    this.sourceUsers = this.sourceLinks.map((l) => l.user);
    const Kind = strimziKind(t?.cluster?.apiVersion ?? 'v1', 'KafkaMirrorMaker2');
    this.apiObject = new Kind(this, 'Resource', { metadata: { name: this.name }, spec: lazySpec(() => this.spec()) });
    for (const link of [this.targetLink, ...this.sourceLinks]) link?.annotateCopies(this.apiObject);
    this.metrics = clientMetricsOf(this, 'KafkaMirrorMaker2', this.name, t?.cluster, props.metrics);
    placeFindings(this, () => this.findings());
    addAppCheck(this, 'mirror-maker-2/connect-name-clash', connectNameClash);
    addAppCheck(this, 'mirror-maker-2/names-unique', mirrorNamesUnique);
    markConnectWorkers(this, () => this.connectWorkers());
    addAppCheck(this, 'connect/storage-unique', connectStorageUnique);
    validateAtSynth(this);
  }

  /** The Strimzi release of the target cluster, which the mirror is rendered for. */
  public get release(): string | undefined {
    return this.props.target?.cluster?.release.tag;
  }

  /** The namespace the mirror runs in (its chart's). */
  public get namespace(): string | undefined {
    return Chart.of(this).namespace;
  }

  private flow(): Mm2Flow {
    const p = this.props;
    return {
      name: this.name,
      targetAlias: p.target?.cluster ? aliasOf(p.target) : '',
      sourceAliases: [...(p.sources ?? []).map(aliasOf), ...(p.externalSources ?? []).map((e) => e.alias)],
      groupId: this.groupId,
      storageTopics: this.storageTopics(),
      topicsPattern: p.topicsPattern,
      groupsPattern: p.groupsPattern,
      identityPolicy: p.replicationPolicy === 'identity',
      offsetSyncsLocation: p.offsetSyncsTopicLocation,
      heartbeats: p.heartbeats,
    };
  }

  /** Its Connect workers on the target cluster: their group and storage topics. */
  private connectWorkers(): ConnectWorkers | undefined {
    const t = this.props.target?.cluster;
    if (!t) return undefined;
    const [configStorageTopic, statusStorageTopic, offsetStorageTopic] = this.storageTopics();
    const storage = { groupId: this.groupId, configStorageTopic, offsetStorageTopic, statusStorageTopic };
    return { cluster: t, kind: 'KafkaMirrorMaker2', name: this.name, namespace: this.namespace, storage };
  }

  /** The group of its Connect workers: `groupId`, else `<name>-group`. */
  private get groupId(): string {
    return this.props.groupId ?? `${this.name}-group`;
  }

  private storageTopics(): [string, string, string] {
    const p = this.props;
    return [
      p.configStorageTopic ?? `${this.name}-config`,
      p.statusStorageTopic ?? `${this.name}-status`,
      p.offsetStorageTopic ?? `${this.name}-offset`,
    ];
  }

  private findings() {
    const p = this.props;
    const t = p.target?.cluster;
    if (!t) return [];
    const cluster = (o: MirrorClusterOptions, field: string): Mm2Cluster => ({
      alias: aliasOf(o),
      field,
      identity: o.cluster.node.path,
      clusterName: o.cluster.clusterName,
      brokers: o.cluster.facts.brokerNodeIds?.length,
    });
    const model = mm2Findings({
      name: this.name,
      replicas: p.replicas,
      tasksMax: p.tasksMax,
      release: t.release.tag,
      apiVersion: t.apiVersion,
      target: cluster(p.target, 'target.'),
      sources: [
        ...(p.sources ?? []).flatMap((s, i) => (s?.cluster ? [cluster(s, `sources[${i}].`)] : [])),
        ...(p.externalSources ?? []).map((e, i) => ({
          alias: e.alias,
          field: `externalSources[${i}].`,
          identity: `bootstrap ${e.bootstrapServers}`,
          tlsAuthWithoutTls: e.authentication?.type === 'tls' && !e.trustedCertificateSecret,
        })),
      ],
      patterns: {
        topicsPattern: p.topicsPattern,
        topicsExcludePattern: p.topicsExcludePattern,
        groupsPattern: p.groupsPattern,
        groupsExcludePattern: p.groupsExcludePattern,
      },
      replicationFactor: p.replicationFactor,
      offsetSyncsLocation: p.offsetSyncsTopicLocation,
      heartbeats: p.heartbeats,
      resources: p.resources,
      sourceCount: (p.sources ?? []).length + (p.externalSources ?? []).length,
    });
    return [
      ...(this.targetLink?.findings ?? []),
      ...(this.targetLink?.rack(p.rack).findings ?? []),
      ...this.sourceLinks.flatMap((l) => l.findings),
      ...model,
      ...this.metrics.findings,
    ];
  }

  private spec(): Record<string, unknown> {
    const p = this.props;
    const t: ICluster = p.target.cluster;
    const [configStorageTopic, statusStorageTopic, offsetStorageTopic] = this.storageTopics();
    const rf = p.replicationFactor ?? -1;
    const connectors = mm2Connectors({
      tasksMax: p.tasksMax ?? 1,
      replicationFactor: rf,
      identityPolicy: p.replicationPolicy === 'identity',
      offsetSyncsLocation: p.offsetSyncsTopicLocation,
      syncGroupOffsets: p.syncGroupOffsets,
      syncGroupOffsetsIntervalSeconds: p.syncGroupOffsetsIntervalSeconds,
      emitCheckpointsIntervalSeconds: p.emitCheckpointsIntervalSeconds,
      refreshTopicsIntervalSeconds: p.refreshTopicsIntervalSeconds,
      refreshGroupsIntervalSeconds: p.refreshGroupsIntervalSeconds,
      heartbeats: p.heartbeats,
      sourceConnectorConfig: p.sourceConnectorConfig,
      checkpointConnectorConfig: p.checkpointConnectorConfig,
    });
    // every cluster's block is written for the mirror's release: the target's (a source may run another one)
    const block = (l: ClientLink | undefined): StrimziClientBlock =>
      l?.strimziBlock(t.release.tag) ?? { bootstrapServers: '' };
    const sources = [
      ...(p.sources ?? []).map((s, i) => ({ alias: aliasOf(s), block: block(this.sourceLinks[i]) })),
      ...(p.externalSources ?? []).map((e) => ({
        alias: e.alias,
        block: strimziClientBlock(externalWiring(e), t.release.tag),
      })),
    ];
    const input: MirrorSpecInput = {
      version: t.kafkaVersion,
      replicas: p.replicas ?? 1,
      resources: mirrorResources(p.resources),
      target: {
        alias: aliasOf(p.target),
        block: block(this.targetLink),
        groupId: this.groupId,
        configStorageTopic,
        offsetStorageTopic,
        statusStorageTopic,
        config: {
          'config.storage.replication.factor': rf,
          'offset.storage.replication.factor': rf,
          'status.storage.replication.factor': rf,
          ...p.connectConfig,
        },
      },
      mirrors: sources.map((source) => ({
        source,
        ...connectors,
        topicsPattern: p.topicsPattern ?? '.*',
        topicsExcludePattern: p.topicsExcludePattern,
        groupsPattern: p.groupsPattern ?? '.*',
        groupsExcludePattern: p.groupsExcludePattern,
      })),
    };
    const spec = t.apiVersion === 'v1' ? mirrorMaker2SpecV1(input) : mirrorMaker2SpecV1beta2(input);
    const rack = this.targetLink?.rack(p.rack).spec;
    return { ...spec, ...(rack ? { rack } : {}), ...clientMetricsSpec(this.metrics) };
  }
}

/** A cluster's alias: given, or its name. */
function aliasOf(o: MirrorClusterOptions): string {
  return o.alias ?? o.cluster?.clusterName ?? '';
}

/** KafkaMirrorMaker2 names once per namespace: one pass over the app per synth. */
function mirrorNamesUnique(root: IConstruct): Problem[] {
  const mirrors = root.node.findAll().filter((c): c is KafkaMirrorMaker2 => c instanceof KafkaMirrorMaker2);
  const entries = mirrors.map((m) => ({ name: m.name, namespace: m.namespace, path: m.node.path }));
  return mirrorNamesUniqueFindings(entries).map(({ index, finding }) => at(mirrors[index], finding));
}

/** KafkaMirrorMaker2 and KafkaConnect objects of the app (any construct's), named alike in one namespace. */
function connectNameClash(root: IConstruct): Problem[] {
  const objects = root.node
    .findAll()
    .filter((c): c is ApiObject => c instanceof ApiObject && ['KafkaConnect', 'KafkaMirrorMaker2'].includes(c.kind));
  const entries = objects.map((o) => {
    const mirror = o.node.scope instanceof KafkaMirrorMaker2 ? o.node.scope : undefined;
    return {
      kind: o.kind,
      name: o.name,
      namespace: o.metadata.namespace ?? Chart.of(o).namespace,
      release: mirror?.release,
    };
  });
  return connectNameClashFindings(entries).map(({ index, finding }) => at(objects[index].node.scope!, finding));
}
