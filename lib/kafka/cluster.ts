import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { placed } from '../common/arguments';
import { ICluster, managedClustersIn, markCluster, provideModel } from '../common/cluster';
import { checkedProps, lazySpec } from '../common/resource';
import { checkProps, isPlainObject } from '../core/shape';
import {
  Memo,
  addAppCheck,
  addChecks,
  at,
  problemsUnder,
  record,
  validateAtSynth,
  withoutFollowOns,
} from '../common/problems';
import { Finding, KraftConfigError, Problem } from '../core/problem';
import { safeConstructId } from '../core/syntax';
import { StrimziApiVersion, StrimziRelease } from '../core/release';
import { appFindings } from '../model/app';
import { ClusterAuthorization, authorizationFindings } from '../model/authorization';
import { ClusterModel, Owner, ReplicationOptions, clusterNameFindings, computeClusterModel } from '../model/cluster';
import { ConfigValue, configPolicy } from '../model/config';
import { NodeIdLock } from '../model/node-id-lock';
import {
  ExternalListenerOptions,
  ExternalNodePortListenerOptions,
  InternalListenerOptions,
  ListenerSpec,
  internalListenerFindings,
  internalListenerSpec,
  isExternalSpec,
  listenerFindings,
  nodePortListenerSpec,
} from '../model/listeners';
import { externalListenerSpec } from '../model/external-listeners';
import { ClusterFacts, clusterFacts } from '../model/cluster-facts';
import { ClusterMetricsModel, ClusterMetricsOptions, clusterMetrics } from '../model/metrics/cluster-metrics';
import { addMetrics } from '../common/metrics';
import { resolveVersions } from '../model/versions';
import { CruiseControlOptions, cruiseControlOptions } from '../model/cruise-control';
import { RackOptions } from '../model/zones';
import { superUserSyntaxFindings } from '../model/semantics/super-users';
import { listenerAuthenticationFieldFindings } from '../model/semantics/listener-authentication';
import { clusterConfigChecks } from '../model/kafka-config/check';
import { uncheckedConfigAnnotations } from '../model/kafka-config/unchecked';
import { StrimziRenderer, kafkaAnnotations, rendererFor } from '../render/strimzi';
import { LoadBalancer, LoadBalancerOptions, LoadBalancerProps } from '../load-balancer/load-balancer';
import {
  authenticationOptionFindings,
  authenticationTypeFindings,
  listenerNameTakenFinding,
  namesPerNamespaceFindings,
  poolNameFindings,
  templateFieldFindings,
} from './cluster-model';
import { ClusterAttributes, ImportedCluster } from './imported-cluster';
import { NodePool, NodePoolOptions } from './node-pool';
import { ExternalNodePortListener } from './node-port-listener';
import { ExternalListener } from './external-listener';
import { rebalanceWiring } from '../rebalance/kafka-rebalance';

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
   * @maxItems 100
   * @checkedBy addNodePool
   */
  readonly nodePools?: Record<string, NodePoolOptions>;
  /**
   * Listeners reachable inside the Kubernetes cluster. More with `addListener`.
   * @default - one plain listener, `plain` on 9092
   * @maxItems 50
   * @checkedBy addListener
   */
  readonly listeners?: InternalListenerOptions[];
  /**
   * External `nodeport` listeners. More with `addNodePortListener`.
   * @default - none
   * @maxItems 20
   * @checkedBy addNodePortListener
   */
  readonly nodePortListeners?: ExternalNodePortListenerOptions[];
  /**
   * External `loadbalancer`, `ingress`, `route` and `cluster-ip` listeners with a pinned address per
   * broker. More with `addExternalListener`.
   * @default - none
   * @maxItems 20
   * @checkedBy addExternalListener
   */
  readonly externalListeners?: ExternalListenerOptions[];
  /**
   * Replication settings.
   * @default - factor 3 (or the broker count when smaller), min ISR factor - 1
   */
  readonly replication?: ReplicationOptions;
  /**
   * Further Kafka broker config. Replication keys are set through `replication`.
   * @default - none
   * @checkedBy config-entry
   */
  readonly config?: Record<string, ConfigValue>;
  /**
   * `config` keys not to check against Kafka's config catalogue (a key a newer Kafka or a plugin
   * knows), each with the reason; recorded in the annotation `cdk8s-strimzi-kraft/unchecked-config`.
   * @default - every key is checked
   * @maxLength 500
   * @keys kafkaPropertyName
   * @syntax reason
   */
  readonly uncheckedConfig?: Record<string, string>;
  /**
   * Authorization of clients: `{ type: 'simple', superUsers }` (Kafka ACLs, written by the User
   * Operator from each KafkaUser) or `{ type: 'custom', authorizerClass, ... }`.
   * @default - none: every authenticated client may do everything
   */
  readonly authorization?: ClusterAuthorization;
  /**
   * Deploy Cruise Control (rebalancing with KafkaRebalance resources): `true` for Strimzi's defaults,
   * or its options (goals, broker capacity, config, resources, API users, auto-rebalancing). Needs 2 or
   * more brokers.
   * @default false
   */
  readonly cruiseControl?: boolean | CruiseControlOptions;
  /**
   * Rack awareness: brokers learn their zone from a node label (or, from Strimzi 1.0.0, an environment
   * variable), each pool's pods spread across zones and hosts, and with `zones` declared the replication
   * settings are checked against the loss of one zone.
   * @default - no rack awareness
   */
  readonly rack?: RackOptions;
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
  /**
   * The node IDs of a previous output (`readNodeIdLock('dist/<app>')` from `cdk8s-strimzi-kraft/plan`):
   * pools keep the IDs they have there, new nodes get new IDs, and a change that would move an ID is
   * an error (`node-ids-locked`).
   * @default - no lock: IDs follow `nodeIds` and the operator's defaults
   * @checkedBy node-ids-locked
   */
  readonly nodeIdLock?: NodeIdLock;
  /**
   * Metrics: `true` for the JMX Prometheus Exporter on brokers and controllers and on Cruise Control
   * (when deployed), each with a generated ConfigMap of the release's own upstream rules, and Kafka
   * Exporter for every topic and group; or the details per component. The entity operator always serves
   * metrics. `StrimziMonitoring` scrapes them.
   * @default - no metrics
   */
  readonly metrics?: boolean | ClusterMetricsOptions;
}

/**
 * A Strimzi Kafka cluster in KRaft mode: a `Kafka` resource and its `KafkaNodePool`s, for one
 * Strimzi release. Node IDs, broker addresses and replication settings are computed once by the
 * cluster's model and rendered into the release's API version.
 */
export class KraftCluster extends Construct implements ICluster {
  public readonly clusterName: string;
  public readonly namespace?: string;
  public readonly release: StrimziRelease;
  public readonly apiVersion: StrimziApiVersion;
  public readonly kafkaVersion: string;
  public readonly metadataVersion: string;
  public readonly managedHere = true;
  public readonly entityOperator: { readonly topicOperator: boolean; readonly userOperator: boolean };
  /** Authorization of clients, if any. */
  public readonly authorization?: ClusterAuthorization;
  /** Whether Cruise Control is deployed. */
  public readonly cruiseControl: boolean;
  /** Renders this cluster's objects in its API version. */
  public readonly renderer: StrimziRenderer;
  /** The generated Kafka object. */
  public readonly apiObject: ApiObject;
  /** Listeners in the order added; replaced, never mutated, so the model memo sees a change. */
  private listenerSpecs: readonly ListenerSpec[] = [];
  private readonly nodePortListenerConstructs = new Map<string, ExternalNodePortListener>();
  private readonly externalListenerConstructs = new Map<string, ExternalListener>();
  private readonly replication?: ReplicationOptions;
  private readonly config: Record<string, ConfigValue>;
  private readonly nodeIdLock?: NodeIdLock;
  /** Metrics of brokers, controllers, Cruise Control and Kafka Exporter, computed once. */
  public readonly metrics?: ClusterMetricsModel;
  private readonly cruiseControlOptions?: CruiseControlOptions;
  private readonly rack?: RackOptions;
  /** The props of a wrong type (reported once): the model's findings about them are follow-ons. */
  private readonly typeFindings: readonly Finding[];
  private readonly cachedModel = new Memo(
    () => [this.listenerSpecs, ...this.nodePools],
    () =>
      computeClusterModel({
        clusterName: this.clusterName,
        namespace: this.namespace,
        release: this.release,
        apiVersion: this.apiVersion,
        kafkaVersion: this.kafkaVersion,
        metadataVersion: this.metadataVersion,
        pools: this.nodePools.map((p) => p.spec),
        listeners: this.listenerSpecs,
        replication: this.replication,
        config: this.config,
        cruiseControl: this.cruiseControl,
        cruiseControlOptions: this.cruiseControlOptions,
        rack: this.rack,
        topicOperator: this.entityOperator.topicOperator,
        userOperator: this.entityOperator.userOperator,
        authorization: this.authorization,
        nodeIdLock: this.nodeIdLock,
        metrics: this.metrics,
      }),
  );

  private readonly cachedFacts = new Memo(
    () => [this.model],
    () => clusterFacts(this.model),
  );

  constructor(scope: Construct, id: string, rawProps: KraftClusterProps = {}) {
    super(scope, placed(scope, id));
    markCluster(this);
    provideModel(this, () => this.model);
    // JavaScript and JSON callers: every prop is checked at run time; the rest sees clean values
    const checked = checkedProps<KraftClusterProps>(this, rawProps, 'KraftClusterProps');
    const props = checked.props;
    this.typeFindings = checked.findings;
    this.clusterName = props.clusterName ?? id;
    const namespace: unknown = Chart.of(this).namespace;
    this.namespace = typeof namespace === 'string' ? namespace : undefined;
    record(this, clusterNameFindings(this.clusterName, namespace));

    const versions = resolveVersions(props);
    record(this, versions.findings);
    this.release = versions.release;
    this.apiVersion = versions.apiVersion;
    this.kafkaVersion = versions.kafkaVersion;
    this.metadataVersion = versions.metadataVersion;
    this.renderer = rendererFor(this.apiVersion);

    const policy = configPolicy(this.release.tag, props.config as Record<string, unknown> | undefined);
    record(this, policy.findings);
    record(this, clusterConfigChecks(this.release.tag, this.kafkaVersion, policy.config, props.uncheckedConfig));
    this.config = policy.config;
    this.replication = props.replication;
    this.entityOperator = { topicOperator: props.topicOperator ?? true, userOperator: props.userOperator ?? true };
    this.cruiseControlOptions = cruiseControlOptions(props.cruiseControl);
    this.cruiseControl = this.cruiseControlOptions !== undefined;
    this.rack = props.rack;
    this.authorization = props.authorization;
    this.nodeIdLock = props.nodeIdLock;
    record(this, authorizationFindings(props.authorization));
    record(this, superUserSyntaxFindings(props.authorization));
    this.metrics = this.metricsOf(props.metrics);

    const renderer = this.renderer;
    this.apiObject = new renderer.Kafka(this, 'Resource', {
      metadata: { name: this.clusterName, annotations: kafkaAnnotations(this.release) },
      spec: lazySpec(() => renderer.kafkaSpec(this.model)),
    });
    for (const [k, v] of uncheckedConfigAnnotations(props.uncheckedConfig)) this.apiObject.metadata.addAnnotation(k, v);
    addChecks(this, () => this.checks());
    addAppCheck(this, 'kafka/node-ports-and-addresses', appProblems);
    addAppCheck(this, 'kafka/names-per-namespace', namesPerNamespace);
    addAppCheck(this, 'rebalance/wiring', rebalanceWiring);
    validateAtSynth(this);

    const pools = Object.entries(props.nodePools ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, options] of pools) this.addNodePool(name, options);
    for (const l of props.listeners ?? [{ name: 'plain', port: 9092 }]) this.addListener(l);
    for (const l of props.nodePortListeners ?? []) this.addNodePortListener(l);
    for (const l of props.externalListeners ?? []) this.addExternalListener(l);
  }

  /** The metrics of brokers, controllers and Cruise Control, their ConfigMaps and findings (once, at construction). */
  private metricsOf(options: KraftClusterProps['metrics']): ClusterMetricsModel | undefined {
    const metrics = clusterMetrics({
      clusterName: this.clusterName,
      releaseTag: this.release.tag,
      cruiseControl: this.cruiseControl,
      options,
    });
    record(this, metrics.findings);
    const metricsModels = [
      { field: 'metrics.kafka', model: metrics.model?.kafka },
      { field: 'metrics.cruiseControl', model: metrics.model?.cruiseControl },
    ];
    addMetrics(this, metricsModels, this.release.tag, this.namespace);
    return metrics.model;
  }

  /**
   * Declares a Kafka cluster managed elsewhere (another repository or team), so users, topics and
   * clients of this app can refer to it. It emits nothing; each fact given turns on the checks
   * that need it (listeners: user authentication and client files; brokers: topic replicas).
   */
  public static fromAttributes(scope: Construct, id: string, attributes: ClusterAttributes): ICluster {
    return new ImportedCluster(scope, id, attributes);
  }

  /** Adds a node pool. */
  public addNodePool(name: string, options: NodePoolOptions): NodePool {
    const taken =
      typeof name === 'string' && (!!this.node.tryFindChild(name) || this.nodePools.some((p) => p.name === name));
    const [bad] = poolNameFindings(name, taken);
    if (bad) throw new KraftConfigError(at(this, bad));
    const pool = new NodePool(this, name, options);
    return pool;
  }

  /** Adds a listener reachable inside the Kubernetes cluster. */
  public addListener(rawOptions: InternalListenerOptions): void {
    const prefix = `listeners[${this.internalListenerCount}]`;
    const checked = checkedProps<InternalListenerOptions>(this, rawOptions, 'InternalListenerOptions', {}, prefix);
    const options = checked.props;
    const spec = internalListenerSpec(options);
    record(
      this,
      withoutFollowOns(
        checked.findings.map((f) => (f.field === prefix ? { ...f, field: 'props' } : f)),
        internalListenerFindings(`${prefix}.`, options, this.listenerSpecs),
      ),
    );
    this.listenerSpecs = [...this.listenerSpecs, spec];
  }

  /** Adds an external `nodeport` listener with a pinned address for every broker. */
  public addNodePortListener(rawOptions: ExternalNodePortListenerOptions): ExternalNodePortListener {
    const checked = checkProps<ExternalNodePortListenerOptions>(rawOptions, 'ExternalNodePortListenerOptions');
    const options = checked.props;
    // options that are no object at all are that one finding: no listener joins the model, so its
    // stand-in name cannot clash with another listener's
    const unusable = checked.findings.some((f) => f.field === 'props');
    const name = options.name ?? 'external';
    const fresh = `listener-${this.node.children.length}`;
    const id = unusable ? fresh : safeConstructId(`${name}-listener`, fresh);
    if (this.node.tryFindChild(id)) throw new KraftConfigError(at(this, listenerNameTakenFinding(name)));
    const listener = new ExternalNodePortListener(this, id, options);
    record(listener, checked.findings);
    if (unusable) return listener;
    const spec = nodePortListenerSpec(options);
    record(listener, withoutFollowOns(checked.findings, listenerFindings('', spec, this.listenerSpecs)));
    this.listenerSpecs = [...this.listenerSpecs, spec];
    this.nodePortListenerConstructs.set(spec.name, listener);
    return listener;
  }

  /**
   * Adds an external `loadbalancer`, `ingress`, `route` or `cluster-ip` listener with a pinned host
   * and advertised address for every broker (TLS and SCRAM-SHA-512 by default).
   */
  public addExternalListener(rawOptions: ExternalListenerOptions): ExternalListener {
    const checked = checkProps<ExternalListenerOptions>(rawOptions, 'ExternalListenerOptions');
    const options = checked.props;
    // options that are no object are that one finding (as for a nodeport listener): no listener joins the model
    const unusable = checked.findings.some((f) => f.field === 'props');
    const name = options.name ?? 'external';
    const fresh = `listener-${this.node.children.length}`;
    const id = unusable ? fresh : safeConstructId(`${name}-listener`, fresh);
    if (this.node.tryFindChild(id)) {
      throw new KraftConfigError(at(this, listenerNameTakenFinding(name, 'externalListeners')));
    }
    const listener = new ExternalListener(this, id, options);
    record(listener, checked.findings);
    if (unusable) return listener;
    const spec = externalListenerSpec(options);
    record(listener, withoutFollowOns(checked.findings, listenerFindings('', spec, this.listenerSpecs)));
    this.listenerSpecs = [...this.listenerSpecs, spec];
    this.externalListenerConstructs.set(spec.name, listener);
    return listener;
  }

  /**
   * Adds an nginx TCP load balancer for an external nodeport listener. It renders from the
   * cluster model at synth, so pools and listeners may be added before or after it.
   */
  public addLoadBalancer(id: string, options: LoadBalancerOptions): LoadBalancer {
    // options that are no object (a JavaScript caller's) are reported as the load balancer's props, once
    const props = options === undefined || isPlainObject(options) ? { ...options, cluster: this } : options;
    return new LoadBalancer(this, id, props as LoadBalancerProps);
  }

  /** Load balancers, by construct id. */
  public get loadBalancers(): LoadBalancer[] {
    return this.node.children
      .filter((c): c is LoadBalancer => c instanceof LoadBalancer)
      .sort((a, b) => (a.node.id < b.node.id ? -1 : 1));
  }

  /** Node pools, in alphabetical order. */
  public get nodePools(): NodePool[] {
    return this.node.children
      .filter((c): c is NodePool => c instanceof NodePool)
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** External nodeport listeners, by port. */
  public get nodePortListeners(): ExternalNodePortListener[] {
    return [...this.nodePortListenerConstructs.values()].sort((a, b) => a.port - b.port);
  }

  /** External loadbalancer, ingress, route and cluster-ip listeners, by port. */
  public get externalListeners(): ExternalListener[] {
    return [...this.externalListenerConstructs.values()].sort((a, b) => a.port - b.port);
  }

  /** What users, topics and clients check against: listeners with bootstrap addresses, brokers, authorization. */
  public get facts(): ClusterFacts {
    return this.cachedFacts.get();
  }

  /** The computed facts of the cluster: node IDs, broker endpoints, replication; computed once per change. */
  public get model(): ClusterModel {
    return this.cachedModel.get();
  }

  /**
   * Every finding about the cluster and its pools, listeners and load balancers, errors and
   * warnings, including those that need the whole app (NodePorts and addresses of other clusters).
   */
  public get problems(): Problem[] {
    return problemsUnder(this);
  }

  /** The warnings about this cluster (risky but legal choices). */
  public get warnings(): Problem[] {
    return this.problems.filter((p) => p.rule.severity === 'warning');
  }

  /** The construct that owns a finding of the model. */
  public ownerOf(owner: Owner): IConstruct {
    if (owner.kind === 'pool') return this.nodePools.find((p) => p.name === owner.name) ?? this;
    if (owner.kind === 'listener')
      return this.nodePortListenerConstructs.get(owner.name) ?? this.externalListenerConstructs.get(owner.name) ?? this;
    return this;
  }

  private get internalListenerCount(): number {
    return this.listenerSpecs.filter((l) => l.type !== 'nodeport' && !isExternalSpec(l)).length;
  }

  /** The model's findings, and what only this cluster's API version can tell (passthrough fields). */
  private checks(): Problem[] {
    const own = this.model.findings.filter((f) => f.owner.kind === 'cluster');
    const followOns = new Set(own.filter((f) => !withoutFollowOns(this.typeFindings, [f]).length));
    const problems = this.model.findings.filter((f) => !followOns.has(f)).map((f) => at(this.ownerOf(f.owner), f));
    const r = this.renderer;
    const api = { apiVersion: this.apiVersion, release: this.release.tag };
    for (const pool of this.nodePools) {
      const template = pool.spec.template;
      if (!template) continue;
      const paths = r.unknownFields('nodePoolTemplate', template);
      problems.push(...templateFieldFindings(api, paths).map((f) => at(pool, f)));
    }
    let internal = 0;
    for (const l of this.listenerSpecs) {
      const own =
        l.type === 'nodeport'
          ? this.nodePortListenerConstructs.get(l.name)
          : isExternalSpec(l)
            ? this.externalListenerConstructs.get(l.name)
            : undefined;
      const scope = own ?? this;
      const prefix = own ? '' : `listeners[${internal++}].`;
      const a = l.authentication;
      if (!a) continue;
      const unknown = r.unknownFields('listenerAuthentication', a);
      const found = [
        ...listenerAuthenticationFieldFindings(prefix, a, unknown),
        ...authenticationTypeFindings(api, prefix, a.type, r.authenticationTypes),
        ...authenticationOptionFindings(api, prefix, unknown),
      ];
      problems.push(...found.map((f) => at(scope, f)));
    }
    return problems;
  }
}

/** Findings that need every cluster of the app: NodePorts and advertised addresses used twice. */
function appProblems(root: IConstruct): Problem[] {
  const clusters = managedClustersIn(root).filter((c): c is KraftCluster => c instanceof KraftCluster);
  return appFindings(clusters.map((c) => ({ label: c.node.path, model: c.model }))).map((f) =>
    at(clusters[f.cluster].ownerOf({ kind: 'listener', name: f.listener }), f),
  );
}

/** Kafka and KafkaNodePool names unique per namespace, across the app's clusters. */
function namesPerNamespace(root: IConstruct): Problem[] {
  const clusters = managedClustersIn(root).filter((c): c is KraftCluster => c instanceof KraftCluster);
  const named = clusters.map((c) => ({
    path: c.node.path,
    clusterName: c.clusterName,
    namespace: c.namespace,
    pools: c.nodePools.map((p) => ({ name: p.name, path: p.node.path })),
  }));
  return namesPerNamespaceFindings(named).map(({ cluster, pool, finding }) => {
    const c = clusters[cluster];
    return at(pool === undefined ? c : c.nodePools[pool], finding);
  });
}
