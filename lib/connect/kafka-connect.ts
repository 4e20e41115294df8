import { placed } from '../common/arguments';
import { clientMetricsOf, clientMetricsSpec } from '../common/client-metrics';
import { ClientMetrics } from '../model/metrics/client-metrics';
import { MetricsOptions } from '../model/metrics/metrics';
import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { CLUSTER_INSTANCE, ICluster } from '../common/cluster';
import { addAppCheck, at } from '../common/problems';
import { checkedProps, lazySpec, placeFindings, validateAtSynth } from '../common/resource';
import { Problem } from '../core/problem';
import { isPlainObject } from '../core/shape';
import { Acl } from '../model/acl';
import { JvmOptions, ResourceRequirements, podFindings } from '../model/pod';
import { strimziKind } from '../render/strimzi';
import { isLibraryClient } from '../clients/client-registry';
import { connectWorkersIn, markConnectWorkers } from '../clients/connect-workers';
import { ClientLink, ClientOptions } from '../clients/client-link';
import { USER_INSTANCE } from '../clients/user-instance';
import { KafkaUser } from '../users/kafka-user';
import { IKafkaConnect, markConnect } from './connect-instance';
import {
  ConnectStorage,
  NamedResource,
  connectAcls,
  connectFindings,
  connectMirrorMakerFindings,
  connectNamesUniqueFindings,
  connectStorageDefaults,
  connectStorageUniqueFindings,
  storageReplicationFactor,
} from './connect-model';
import { connectSpec } from './connect-render';
import { KafkaConnector, KafkaConnectorOptions, KafkaConnectorProps } from './kafka-connector';

/** Where a Connect build pushes the image it builds. */
export interface ConnectBuildOutput {
  /**
   * `docker`: a container registry; `imagestream`: an OpenShift ImageStream.
   * @enum
   */
  readonly type: 'docker' | 'imagestream';
  /**
   * The image to push, e.g. `registry.example.com/my-connect:1` (an ImageStream: `name:tag`).
   * @maxLength 1000
   */
  readonly image: string;
  /**
   * The Secret with the registry credentials (`docker` only).
   * @default - none (a registry that needs none)
   * @maxLength 253
   */
  readonly pushSecret?: string;
}

/** A file of a connector plugin, downloaded and checked while the image is built. */
export interface ConnectPluginArtifact {
  /**
   * `jar`, `tgz`, `zip` and `other` need `url`; `maven` needs `group`, `artifact` and `version`.
   * @enum
   */
  readonly type: 'jar' | 'tgz' | 'zip' | 'maven' | 'other';
  /**
   * Where to download it (`http(s)` or `ftp`).
   * @default - none (needed except for maven)
   * @maxLength 2000
   */
  readonly url?: string;
  /**
   * SHA-512 checksum the build verifies (128 hex digits).
   * @default - not verified
   * @maxLength 128
   */
  readonly sha512sum?: string;
  /**
   * File name to store an `other` artifact under.
   * @default - derived from the URL
   */
  readonly fileName?: string;
  /**
   * Maven group ID.
   * @default - none (needed for maven)
   */
  readonly group?: string;
  /**
   * Maven artifact ID.
   * @default - none (needed for maven)
   */
  readonly artifact?: string;
  /**
   * Maven version.
   * @default - none (needed for maven)
   */
  readonly version?: string;
  /**
   * Maven repository URL.
   * @default - Maven Central
   * @maxLength 2000
   */
  readonly repository?: string;
  /**
   * Download without verifying the server's TLS certificate.
   * @default false
   */
  readonly insecure?: boolean;
}

/** A connector plugin added to the image. */
export interface ConnectPlugin {
  /**
   * Unique name of the plugin in the Connect: lower-case letters, digits, `-` and `_`.
   * @maxLength 253
   * @checkedBy connect-build
   */
  readonly name: string;
  /**
   * Its files.
   * @maxItems 100
   */
  readonly artifacts: readonly ConnectPluginArtifact[];
}

/** A Connect image built by the operator with the connector plugins. */
export interface ConnectBuild {
  /** Where the built image goes. */
  readonly output: ConnectBuildOutput;
  /**
   * The connector plugins.
   * @maxItems 100
   */
  readonly plugins: readonly ConnectPlugin[];
}

/** Properties of a {@link KafkaConnect}: the cluster it connects to and how it runs. */
export interface KafkaConnectProps extends ClientOptions {
  /**
   * Name of the `KafkaConnect` resource: a lower-case RFC 1035 label of at most 51 characters.
   * @default - the construct id
   * @maxLength 253
   * @checkedBy connect-name
   */
  readonly connectName?: string;
  /**
   * Name of the KafkaUser created when `user` is not passed.
   * @default - the Connect name
   * @maxLength 253
   */
  readonly userName?: string;
  /**
   * Number of Connect workers.
   * @default 3 (Strimzi's default; always emitted, as v1 requires it)
   * @integer
   */
  readonly replicas?: number;
  /**
   * The workers' `group.id`: unique per Kafka cluster.
   * @default - `<connectName>-group`
   * @maxLength 249
   */
  readonly groupId?: string;
  /**
   * The topic of the connector configs (`config.storage.topic`).
   * @default - `<connectName>-configs`
   * @maxLength 249
   */
  readonly configStorageTopic?: string;
  /**
   * The topic of the source offsets (`offset.storage.topic`).
   * @default - `<connectName>-offsets`
   * @maxLength 249
   */
  readonly offsetStorageTopic?: string;
  /**
   * The topic of the connector and task status (`status.storage.topic`).
   * @default - `<connectName>-status`
   * @maxLength 249
   */
  readonly statusStorageTopic?: string;
  /**
   * Replication factor of the three storage topics (`*.storage.replication.factor`); -1 is the brokers' default.
   * @default - the cluster's replication factor (at most its broker count), or -1 when it is unknown
   * @integer
   * @checkedBy connect-storage-replication
   */
  readonly storageReplicationFactor?: number;
  /**
   * Kafka version of the Connect image.
   * @default - the cluster's Kafka version
   * @maxLength 20
   */
  readonly version?: string;
  /**
   * Kafka Connect worker config, emitted sorted. Not the keys Strimzi sets (`ssl.*`, `sasl.*`,
   * `bootstrap.servers`, ...) nor those of the props (`group.id`, `*.storage.topic`).
   * @default - none
   * @keys kafkaPropertyName
   * @maxLength 100000
   */
  readonly config?: Record<string, string | number | boolean>;
  /**
   * CPU and memory of the Connect containers.
   * @default - none (Strimzi's defaults)
   */
  readonly resources?: ResourceRequirements;
  /**
   * JVM options.
   * @default - Strimzi's defaults
   */
  readonly jvmOptions?: JvmOptions;
  /**
   * The container image (one with your connector plugins).
   * @default - Strimzi's Kafka Connect image of the version (or the built one)
   * @maxLength 1000
   */
  readonly image?: string;
  /**
   * Build an image with connector plugins and push it to a registry or ImageStream.
   * @default - no build
   */
  readonly build?: ConnectBuild;
  /**
   * Whether Strimzi manages the connectors through KafkaConnector resources (the annotation
   * `strimzi.io/use-connector-resources`; Strimzi then stops connectors without one).
   * @default - true once the Connect has a KafkaConnector in this app, else false (connectors made
   *   through the REST API are left alone)
   */
  readonly connectorResources?: boolean;
  /**
   * Whether the workers' consumers fetch from a replica in their own zone: `client.rack` from the same
   * source as the cluster's `broker.rack` (its `rack` option; Strimzi `spec.rack`).
   * @default false
   */
  readonly rack?: boolean;
  /**
   * Metrics: `true` for the release's JMX Prometheus Exporter rules in a generated `<name>-connect-metrics`
   * ConfigMap, or `{ type, configMap, allowList }` (`strimziMetricsReporter` from Strimzi 0.48.0).
   * @default - no metrics
   */
  readonly metrics?: MetricsOptions;
}

const USE_CONNECTOR_RESOURCES = 'strimzi.io/use-connector-resources';

/**
 * A Strimzi `KafkaConnect`: Kafka Connect workers wired to a cluster's listener (bootstrap, TLS
 * trust, authentication) through a KafkaUser created with the ACLs of upstream's security examples,
 * with unique group and storage topics derived from its name, and its connectors
 * (`addConnector`).
 */
export class KafkaConnect extends Construct implements IKafkaConnect {
  /** The cluster (undefined only when a JavaScript caller passed none or garbage: the synth then fails). */
  public readonly cluster: ICluster;
  public readonly connectName: string;
  /** The group and the three storage topics. */
  public readonly storage: ConnectStorage;
  /** The user the Connect authenticates as (passed or created); undefined on a listener without authentication. */
  public readonly user?: KafkaUser;
  /** The generated KafkaConnect object. */
  public readonly apiObject: ApiObject;
  private readonly link: ClientLink;
  private readonly props: KafkaConnectProps;
  private connectors = 0;
  private readonly metrics: ClientMetrics;

  constructor(scope: Construct, id: string, rawProps: KafkaConnectProps) {
    super(scope, placed(scope, id));
    const { props } = checkedProps<KafkaConnectProps>(this, rawProps, 'KafkaConnectProps', {
      cluster: CLUSTER_INSTANCE,
      KafkaUser: USER_INSTANCE,
    });
    markConnect(this);
    this.props = props;
    this.cluster = props.cluster;
    this.connectName = props.connectName ?? id;
    this.storage = { ...connectStorageDefaults(this.connectName), ...definedStorage(props) };
    this.link = new ClientLink(this, 'User', props, {
      userName: props.userName ?? this.connectName,
      acls: connectAcls(this.storage),
      field: '',
    });
    this.user = this.link.user;
    const KafkaConnectClass = strimziKind(this.cluster?.apiVersion ?? 'v1', 'KafkaConnect');
    this.apiObject = new KafkaConnectClass(this, 'Resource', {
      metadata: { name: this.connectName },
      spec: lazySpec(() => this.spec()),
    });
    if (props.connectorResources === true) this.apiObject.metadata.addAnnotation(USE_CONNECTOR_RESOURCES, 'true');
    this.link.annotateCopies(this.apiObject);
    this.metrics = clientMetricsOf(this, 'KafkaConnect', this.connectName, this.cluster, props.metrics);
    placeFindings(this, () => this.findings());
    markConnectWorkers(this, () =>
      this.cluster
        ? {
            cluster: this.cluster,
            kind: 'KafkaConnect',
            name: this.connectName,
            namespace: this.namespace,
            storage: this.storage,
          }
        : undefined,
    );
    addAppCheck(this, 'connect/storage-unique', connectStorageUnique);
    addAppCheck(this, 'connect/mm2-name', connectMirrorMakerNames);
    addAppCheck(this, 'connect/names-unique', connectNamesUnique);
    validateAtSynth(this);
  }

  /** The namespace the Connect lives in (its chart's). */
  public get namespace(): string | undefined {
    return Chart.of(this).namespace;
  }

  /** The Kafka version of the Connect (`version`, else its cluster's). */
  public get kafkaVersion(): string {
    return this.props.version ?? this.cluster?.kafkaVersion;
  }

  /** Whether Strimzi manages the connectors through KafkaConnector resources. */
  public get connectorResources(): boolean {
    return this.props.connectorResources ?? this.connectors > 0;
  }

  /** The storage topics' replication factor as emitted. */
  public get storageReplicationFactor(): number {
    return storageReplicationFactor(this.props.storageReplicationFactor, this.cluster?.facts);
  }

  /** Adds a connector to the Connect (in its namespace). */
  public addConnector(id: string, options: KafkaConnectorOptions): KafkaConnector {
    // options that are no object are passed as they are: one prop-type finding, not a missing class
    const props = isPlainObject(options) ? { ...options, connect: this } : options;
    return new KafkaConnector(this, id, props as KafkaConnectorProps);
  }

  /** @internal */
  public registerConnector(acls: readonly Acl[], connector?: IConstruct, topics: readonly string[] = []): void {
    if (connector)
      this.link.addTopics(
        connector,
        topics.map((name, i) => ({ field: `topics[${i}]`, name })),
      );
    this.connectors += 1;
    if (this.connectors === 1 && this.props.connectorResources === undefined) {
      this.apiObject.metadata.addAnnotation(USE_CONNECTOR_RESOURCES, 'true');
    }
    this.link.addAcls(acls);
  }

  private spec(): Record<string, unknown> {
    const p = this.props;
    const c = this.cluster;
    const rack = this.link.rack(p.rack).spec;
    const spec = connectSpec({
      release: c.release.tag,
      apiVersion: c.apiVersion,
      version: p.version ?? c.kafkaVersion,
      replicas: p.replicas ?? 3,
      client: this.link.strimziBlock() as Readonly<Record<string, unknown>> | undefined,
      storage: this.storage,
      storageReplication: this.storageReplicationFactor,
      config: p.config,
      resources: p.resources,
      jvmOptions: p.jvmOptions,
      image: p.image,
      build: p.build,
    });
    return { ...spec, ...(rack ? { rack } : {}), ...clientMetricsSpec(this.metrics) };
  }

  private findings() {
    const c = this.cluster;
    if (!c) return [];
    return [
      ...this.link.findings,
      ...this.link.rack(this.props.rack).findings,
      ...connectFindings({
        connectName: this.connectName,
        release: c.release.tag,
        apiVersion: c.apiVersion,
        kafkaVersion: this.props.version ?? c.kafkaVersion,
        config: this.props.config,
        storageReplication: this.storageReplicationFactor,
        build: this.props.build,
        cluster: { clusterName: c.clusterName, facts: c.facts },
      }),
      ...podFindings(this.props.resources, this.props.jvmOptions),
      ...this.metrics.findings,
    ];
  }
}

function definedStorage(p: KafkaConnectProps): Partial<ConnectStorage> {
  const given = {
    groupId: p.groupId,
    configStorageTopic: p.configStorageTopic,
    offsetStorageTopic: p.offsetStorageTopic,
    statusStorageTopic: p.statusStorageTopic,
  };
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
}

function connectsIn(root: IConstruct): KafkaConnect[] {
  return root.node.findAll().filter((c): c is KafkaConnect => c instanceof KafkaConnect && c.cluster !== undefined);
}

/**
 * Group and storage topics once per Kafka cluster, across every group of Connect workers of the app
 * (KafkaConnects and KafkaMirrorMaker2s): one pass per synth.
 */
export function connectStorageUnique(root: IConstruct): Problem[] {
  const groups = connectWorkersIn(root);
  const entries = groups.map(({ construct, workers: w }) => ({
    cluster: w.cluster.node.path,
    clusterName: w.cluster.clusterName,
    path: construct.node.path,
    storage: w.storage,
  }));
  return connectStorageUniqueFindings(entries).map(({ index, finding }) => at(groups[index].construct, finding));
}

/**
 * A Connect and a MirrorMaker 2 of one name in one namespace: read from any ApiObject of kind
 * KafkaMirrorMaker2 in the app (whoever renders it), one pass per synth.
 */
function connectMirrorMakerNames(root: IConstruct): Problem[] {
  const all = root.node.findAll();
  // a KafkaMirrorMaker2 of this library reports the clash itself (mm2-connect-name-clash): one finding per mistake
  const mirrorMakers = all
    .filter((c): c is ApiObject => c instanceof ApiObject && c.kind === 'KafkaMirrorMaker2')
    .filter((o) => !isLibraryClient(o.node.scope))
    .map((o) => ({ name: o.metadata.name ?? '', namespace: o.metadata.namespace, path: o.node.path }));
  if (mirrorMakers.length === 0) return [];
  return connectsIn(root).flatMap((k) =>
    connectMirrorMakerFindings(
      { name: k.connectName, namespace: k.namespace, path: k.node.path, release: k.cluster.release.tag },
      mirrorMakers,
    ).map((f) => at(k, f)),
  );
}

/** KafkaConnect and KafkaConnector names once per namespace: one pass over the app per synth. */
function connectNamesUnique(root: IConstruct): Problem[] {
  const named: { c: IConstruct; e: NamedResource }[] = [];
  for (const c of root.node.findAll()) {
    if (c instanceof KafkaConnect) {
      named.push({ c, e: { kind: 'KafkaConnect', name: c.connectName, namespace: c.namespace, path: c.node.path } });
    } else if (c instanceof KafkaConnector) {
      const e = { kind: 'KafkaConnector' as const, name: c.connectorName, namespace: c.namespace, path: c.node.path };
      named.push({ c, e });
    }
  }
  return connectNamesUniqueFindings(named.map((n) => n.e)).map(({ index, finding }) => at(named[index].c, finding));
}
