import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterModel, REPLICATION_CONFIG_KEYS, ReplicationOptions, computeClusterModel } from './cluster-model';
import { ExternalNodePortListener, ExternalNodePortListenerOptions } from './external-node-port-listener';
import { LoadBalancer, LoadBalancerOptions } from './load-balancer';
import { InternalListenerOptions, ListenerBaseOptions, validateListener } from './listener';
import { NodePool, NodePoolOptions } from './node-pool';
import { Problem, describeProblem, fail, requireDnsLabel } from './problem';
import { DEFAULT_STRIMZI_RELEASE, STRIMZI_RELEASES, StrimziApiVersion, StrimziRelease, compareVersions, findStrimziRelease, releasesSupportingKafka } from './release';
import { V1_RENDERER } from './render-v1';
import { V1BETA2_RENDERER } from './render-v1beta2';
import { StrimziRenderer } from './renderer';

/** Properties of a KraftCluster. */
export interface KraftClusterProps {
  /**
   * Name of the `Kafka` resource (and prefix of its pods and services).
   * @default - the construct id
   */
  readonly clusterName?: string;
  /**
   * Strimzi release the cluster operator runs; decides API version, annotations and Kafka versions.
   * @default '1.2.0'
   */
  readonly strimziVersion?: string;
  /**
   * API version of the emitted Strimzi resources; must be served by the release.
   * @default - `v1` where the release serves it, else `v1beta2`
   */
  readonly apiVersion?: StrimziApiVersion;
  /**
   * Apache Kafka version; must be supported by the release.
   * @default - the release's default Kafka version
   */
  readonly kafkaVersion?: string;
  /**
   * KRaft metadata version, e.g. `3.7-IV4`; not newer than the Kafka version.
   * @default - the release's default metadata version for the Kafka version
   */
  readonly metadataVersion?: string;
  /**
   * Node pools, keyed by pool name. More can be added with `addNodePool`.
   * @default - none
   */
  readonly nodePools?: Record<string, NodePoolOptions>;
  /**
   * Listeners reachable inside the Kubernetes cluster. More with `addListener`.
   * @default - one plain listener, `plain` on 9092
   */
  readonly listeners?: InternalListenerOptions[];
  /**
   * External `nodeport` listeners. More with `addNodePortListener`.
   * @default - none
   */
  readonly nodePortListeners?: ExternalNodePortListenerOptions[];
  /**
   * Replication settings.
   * @default - factor 3 (or the broker count when smaller), min ISR factor - 1
   */
  readonly replication?: ReplicationOptions;
  /**
   * Further Kafka broker config. Replication keys are set through `replication`.
   * @default - none
   */
  readonly config?: Record<string, string | number | boolean>;
  /**
   * Deploy the Topic Operator (KafkaTopic resources).
   * @default true
   */
  readonly topicOperator?: boolean;
  /**
   * Deploy the User Operator (KafkaUser resources).
   * @default true
   */
  readonly userOperator?: boolean;
}

/**
 * A Strimzi Kafka cluster in KRaft mode: a `Kafka` resource and its `KafkaNodePool`s, for one
 * Strimzi release. Node IDs, broker addresses and replication settings are computed once by the
 * cluster's model and rendered into the release's API version.
 */
export class KraftCluster extends Construct {
  public readonly clusterName: string;
  public readonly release: StrimziRelease;
  public readonly apiVersion: StrimziApiVersion;
  public readonly kafkaVersion: string;
  public readonly metadataVersion: string;
  public readonly entityOperator: { readonly topicOperator: boolean; readonly userOperator: boolean };
  /** Renders this cluster's objects in its API version. */
  public readonly renderer: StrimziRenderer;
  /** The generated Kafka object. */
  public readonly apiObject: ApiObject;
  private readonly internalListeners: InternalListenerOptions[] = [];
  private readonly replication?: ReplicationOptions;
  private readonly config?: Record<string, string | number | boolean>;
  private cachedModel?: ClusterModel;

  constructor(scope: Construct, id: string, props: KraftClusterProps = {}) {
    super(scope, id);
    this.clusterName = props.clusterName ?? id;
    requireDnsLabel(this, 'clusterName', this.clusterName, 63);

    const tag = props.strimziVersion ?? DEFAULT_STRIMZI_RELEASE;
    const release = findStrimziRelease(tag);
    if (!release) {
      fail(this, 'strimziVersion', `Strimzi ${tag} is not a release this library knows`, `use one of ${STRIMZI_RELEASES.map((r) => r.tag).join(', ')}`);
    }
    this.release = release;
    this.apiVersion = props.apiVersion ?? release.apiVersions[0];
    if (!release.apiVersions.includes(this.apiVersion)) {
      fail(this, 'apiVersion', `Strimzi ${tag} does not serve kafka.strimzi.io/${this.apiVersion}`, `use ${release.apiVersions.join(' or ')}`);
    }
    this.renderer = this.apiVersion === 'v1' ? V1_RENDERER : V1BETA2_RENDERER;

    this.kafkaVersion = props.kafkaVersion ?? release.defaultKafkaVersion;
    const kafka = release.kafkaVersions.find((k) => k.version === this.kafkaVersion);
    if (!kafka) {
      const others = releasesSupportingKafka(this.kafkaVersion);
      fail(this, 'kafkaVersion', `Kafka ${this.kafkaVersion} is not supported by Strimzi ${tag} (it supports ${release.kafkaVersions.map((k) => k.version).join(', ')})`,
        others.length > 0 ? `use a supported version, or Strimzi ${others.join(', ')} which support Kafka ${this.kafkaVersion}`
          : 'use a supported version; no Strimzi release this library knows supports it');
    }
    this.metadataVersion = props.metadataVersion ?? kafka.metadataVersion;
    const mv = /^(\d+\.\d+)(-IV\d+)?$/.exec(this.metadataVersion);
    if (!mv || compareVersions(mv[1], this.kafkaVersion.split('.').slice(0, 2).join('.')) > 0) {
      fail(this, 'metadataVersion', `'${this.metadataVersion}' is not a metadata version for Kafka ${this.kafkaVersion}`,
        `use ${kafka.metadataVersion} or an older <major>.<minor>-IV<n>`);
    }

    for (const key of Object.keys(props.config ?? {}).filter((k) => (REPLICATION_CONFIG_KEYS as readonly string[]).includes(k))) {
      fail(this, `config['${key}']`, 'replication settings are computed from the broker count', 'set replication.factor / replication.minInSyncReplicas instead');
    }
    this.replication = props.replication;
    this.config = props.config;
    this.entityOperator = { topicOperator: props.topicOperator ?? true, userOperator: props.userOperator ?? true };

    this.apiObject = this.renderer.kafka(this);
    this.node.addValidation({ validate: () => this.messagesFor(this) });

    for (const [name, options] of Object.entries(props.nodePools ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) this.addNodePool(name, options);
    for (const l of props.listeners ?? [{ name: 'plain', port: 9092 }]) this.addListener(l);
    for (const l of props.nodePortListeners ?? []) this.addNodePortListener(l);
  }

  /** Adds a node pool. */
  public addNodePool(name: string, options: NodePoolOptions): NodePool {
    if (this.nodePools.some((p) => p.name === name)) {
      fail(this, `nodePools['${name}']`, `a node pool named '${name}' exists already`, 'give every node pool its own name');
    }
    const pool = new NodePool(this, name, options);
    pool.node.addValidation({ validate: () => this.messagesFor(pool) });
    this.cachedModel = undefined;
    return pool;
  }

  /** Adds a listener reachable inside the Kubernetes cluster. */
  public addListener(options: InternalListenerOptions): void {
    validateListener(this, `listeners[${this.internalListeners.length}].`, options, this.listeners);
    this.internalListeners.push(options);
    this.cachedModel = undefined;
  }

  /** Adds an external `nodeport` listener with a pinned address for every broker. */
  public addNodePortListener(options: ExternalNodePortListenerOptions): ExternalNodePortListener {
    const others = this.listeners;
    const listener = new ExternalNodePortListener(this, `${options.name ?? 'external'}-listener`, options);
    validateListener(listener, '', listener.base, others);
    listener.node.addValidation({ validate: () => this.messagesFor(listener) });
    this.cachedModel = undefined;
    return listener;
  }

  /**
   * Adds an nginx TCP load balancer for an external nodeport listener. With the in-cluster shape,
   * add it after every node pool and listener (its objects are built from the model at once).
   */
  public addLoadBalancer(id: string, options: LoadBalancerOptions): LoadBalancer {
    const lb = new LoadBalancer(this, id, options);
    lb.node.addValidation({ validate: () => this.messagesFor(lb) });
    return lb;
  }

  /** Load balancers, by construct id. */
  public get loadBalancers(): LoadBalancer[] {
    return this.node.children.filter((c): c is LoadBalancer => c instanceof LoadBalancer).sort((a, b) => (a.node.id < b.node.id ? -1 : 1));
  }

  /** Node pools, in alphabetical order. */
  public get nodePools(): NodePool[] {
    return this.node.children.filter((c): c is NodePool => c instanceof NodePool).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** External nodeport listeners, by port. */
  public get nodePortListeners(): ExternalNodePortListener[] {
    return this.node.children.filter((c): c is ExternalNodePortListener => c instanceof ExternalNodePortListener).sort((a, b) => a.port - b.port);
  }

  /** Every listener's name, port and security. */
  public get listeners(): ListenerBaseOptions[] {
    return [...this.internalListeners, ...this.nodePortListeners.map((l) => l.base)];
  }

  /** The computed facts of the cluster: node IDs, broker endpoints, replication, problems. */
  public get model(): ClusterModel {
    this.cachedModel ??= computeClusterModel({
      scope: this,
      clusterName: this.clusterName,
      pools: this.nodePools,
      internalListeners: this.internalListeners,
      nodePortListeners: this.nodePortListeners,
      replication: this.replication,
      config: this.config,
    });
    return this.cachedModel;
  }

  /** Every problem of the cluster: the model's and passthrough fields the API version lacks. */
  public get problems(): Problem[] {
    const problems = [...this.model.problems];
    const unknown = (scope: Construct, field: string, paths: string[]) => paths.forEach((p) => problems.push({
      scope, field: `${field}.${p}`, message: `kafka.strimzi.io/${this.apiVersion} has no such field (Strimzi ${this.release.tag})`,
      fix: 'remove it, or target a Strimzi release whose API has it',
    }));
    for (const pool of this.nodePools) {
      if (pool.template) unknown(pool, 'template', this.renderer.unknownFields('nodePoolTemplate', pool.template));
    }
    this.internalListeners.forEach((l, i) => {
      if (l.authentication) unknown(this, `listeners[${i}].authentication.options`, this.renderer.unknownFields('listenerAuthentication', l.authentication));
    });
    for (const l of this.nodePortListeners) {
      if (l.authentication) unknown(l, 'authentication.options', this.renderer.unknownFields('listenerAuthentication', l.authentication));
    }
    const lbs = this.loadBalancers;
    lbs.forEach((lb) => problems.push(...lb.problems));
    // Load balancers of one cluster on the same nginx must not listen on the same port.
    const listening = new Map<string, LoadBalancer>();
    for (const lb of lbs.filter((x) => x.externalHost)) {
      for (const port of new Set(lb.listenPorts)) {
        const key = `${lb.externalHost!.listenAddress ?? '*'}:${port}`;
        const other = listening.get(key);
        if (other) {
          problems.push({ scope: lb, field: 'listenPorts', message: `port ${port} is also a listen port of load balancer '${other.node.id}'`,
            fix: 'give the listeners of each load balancer their own bootstrap and advertised ports, or different listenAddress values' });
        } else {
          listening.set(key, lb);
        }
      }
    }
    return problems;
  }

  private messagesFor(scope: Construct): string[] {
    return this.problems.filter((p) => p.scope === scope).map(describeProblem);
  }
}
