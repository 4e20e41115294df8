import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { ClusterModel, REPLICATION_CONFIG_KEYS, ReplicationOptions, computeClusterModel } from './cluster-model';
import { ExternalNodePortListener, ExternalNodePortListenerOptions } from './external-node-port-listener';
import { LoadBalancer, LoadBalancerOptions } from './load-balancer';
import { forbiddenPrefixOf } from './forbidden-config';
import { AUTHENTICATION_TYPES, InternalListenerOptions, ListenerAuthentication, ListenerBaseOptions, validateInternalListener, validateListener } from './listener';
import { NodePool, NodePoolOptions } from './node-pool';
import { KraftConfigError, Problem, describeProblem, formatProblem, isDnsLabel, recordedProblems, report } from './problem';
import { DEFAULT_STRIMZI_RELEASE, STRIMZI_RELEASES, StrimziApiVersion, StrimziRelease, compareVersions, findStrimziRelease, releasesSupportingKafka } from './release';
import { V1_RENDERER } from './render-v1';
import { V1BETA2_RENDERER } from './render-v1beta2';
import { StrimziRenderer } from './renderer';
import { RULES, Rule } from './rules';
import { volumeCount } from './storage';

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
   * Deploy Cruise Control (rebalancing with KafkaRebalance resources); needs 2 or more brokers.
   * @default false
   */
  readonly cruiseControl?: boolean;
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
  /** Whether Cruise Control is deployed. */
  public readonly cruiseControl: boolean;
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
    if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(this.clusterName) || this.clusterName.length > 63) {
      report(this, RULES.clusterName, 'clusterName', this.clusterName, 'not a DNS-1035 label (lower-case letters, digits and -, starting with a letter)', "rename the cluster, e.g. 'my-cluster'");
    }
    const namespace = Chart.of(this).namespace;
    if (namespace !== undefined && !isDnsLabel(namespace)) {
      report(this, RULES.namespaceName, 'namespace', namespace, "the chart's namespace is not a DNS label", 'use lower-case letters, digits and -');
    }

    const tag = props.strimziVersion ?? DEFAULT_STRIMZI_RELEASE;
    let release = findStrimziRelease(tag);
    if (!release) {
      report(this, RULES.releaseKnown, 'strimziVersion', tag, 'not a Strimzi release this library knows', `use one of ${STRIMZI_RELEASES.map((r) => r.tag).join(', ')}`);
      release = findStrimziRelease(DEFAULT_STRIMZI_RELEASE)!;
    }
    this.release = release;
    this.apiVersion = props.apiVersion ?? release.apiVersions[0];
    if (!release.apiVersions.includes(this.apiVersion)) {
      report(this, RULES.apiVersionServed, 'apiVersion', this.apiVersion, `Strimzi ${release.tag} does not serve kafka.strimzi.io/${this.apiVersion}`, `use ${release.apiVersions.join(' or ')}`);
      this.apiVersion = release.apiVersions[0];
    }
    this.renderer = this.apiVersion === 'v1' ? V1_RENDERER : V1BETA2_RENDERER;

    this.kafkaVersion = props.kafkaVersion ?? release.defaultKafkaVersion;
    const kafka = release.kafkaVersions.find((k) => k.version === this.kafkaVersion);
    if (!kafka) {
      const others = releasesSupportingKafka(this.kafkaVersion);
      report(this, RULES.kafkaVersionSupported, 'kafkaVersion', this.kafkaVersion, `Strimzi ${release.tag} supports ${release.kafkaVersions.map((k) => k.version).join(', ')}`,
        others.length > 0 ? `use a supported version, or Strimzi ${others.join(', ')} which support Kafka ${this.kafkaVersion}`
          : 'use a supported version; no Strimzi release this library knows supports it');
    } else if (compareVersions(this.kafkaVersion, release.defaultKafkaVersion) < 0) {
      report(this, RULES.kafkaVersionOld, 'kafkaVersion', this.kafkaVersion, `older than Strimzi ${release.tag}'s default ${release.defaultKafkaVersion}`, `upgrade to Kafka ${release.defaultKafkaVersion} when you can`);
    }
    const defaultMetadata = kafka?.metadataVersion ?? release.kafkaVersions.find((k) => k.version === release.defaultKafkaVersion)!.metadataVersion;
    this.metadataVersion = props.metadataVersion ?? defaultMetadata;
    const mv = /^(\d+\.\d+)(-IV(\d+))?$/.exec(this.metadataVersion);
    if (!mv) {
      report(this, RULES.metadataVersionSyntax, 'metadataVersion', this.metadataVersion, 'not <major>.<minor> or <major>.<minor>-IV<n>', `use ${defaultMetadata}`);
    } else if (compareVersions(mv[1], this.kafkaVersion.split('.').slice(0, 2).join('.')) > 0) {
      report(this, RULES.metadataVersionNotNewer, 'metadataVersion', this.metadataVersion, `newer than Kafka ${this.kafkaVersion}`, `use ${defaultMetadata} or older`);
    } else if (compareVersions(mv[1], defaultMetadata.split('-')[0]) < 0) {
      report(this, RULES.metadataVersionOld, 'metadataVersion', this.metadataVersion, `older than Kafka ${this.kafkaVersion}'s ${defaultMetadata}`, `raise it to ${defaultMetadata} once every broker runs Kafka ${this.kafkaVersion}`);
    }

    for (const key of Object.keys(props.config ?? {}).sort()) {
      if ((REPLICATION_CONFIG_KEYS as readonly string[]).includes(key)) {
        report(this, RULES.configReplicationKeys, `config['${key}']`, props.config![key], 'replication settings are computed from the broker count', 'set replication.factor / replication.minInSyncReplicas instead');
        continue;
      }
      const prefix = forbiddenPrefixOf(release.tag, key);
      if (prefix !== undefined) {
        report(this, RULES.configForbidden, `config['${key}']`, props.config![key], `Strimzi ${release.tag} manages '${prefix}*' keys itself and would drop this one silently`,
          'remove it; configure it through the typed props (listeners, authentication, storage) instead');
      }
    }
    this.replication = props.replication;
    this.config = props.config && Object.fromEntries(Object.entries(props.config).filter(([k]) => !(REPLICATION_CONFIG_KEYS as readonly string[]).includes(k)));
    this.entityOperator = { topicOperator: props.topicOperator ?? true, userOperator: props.userOperator ?? true };
    this.cruiseControl = props.cruiseControl ?? false;

    this.apiObject = this.renderer.kafka(this);
    this.node.addValidation({ validate: () => this.errorsFor(this) });

    for (const [name, options] of Object.entries(props.nodePools ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) this.addNodePool(name, options);
    for (const l of props.listeners ?? [{ name: 'plain', port: 9092 }]) this.addListener(l);
    for (const l of props.nodePortListeners ?? []) this.addNodePortListener(l);
  }

  /** Adds a node pool. */
  public addNodePool(name: string, options: NodePoolOptions): NodePool {
    if (this.node.tryFindChild(name)) {
      throw new KraftConfigError({ scope: this, rule: RULES.poolName, field: `nodePools['${name}']`, value: name, message: 'a node pool or other child has this name already', fix: 'give every node pool its own name' });
    }
    const pool = new NodePool(this, name, options);
    pool.node.addValidation({ validate: () => this.errorsFor(pool) });
    this.cachedModel = undefined;
    return pool;
  }

  /** Adds a listener reachable inside the Kubernetes cluster. */
  public addListener(options: InternalListenerOptions): void {
    const prefix = `listeners[${this.internalListeners.length}].`;
    validateListener(this, prefix, options, this.listeners);
    validateInternalListener(this, prefix, options);
    this.internalListeners.push(options);
    this.cachedModel = undefined;
  }

  /** Adds an external `nodeport` listener with a pinned address for every broker. */
  public addNodePortListener(options: ExternalNodePortListenerOptions): ExternalNodePortListener {
    const others = this.listeners;
    const id = `${options.name ?? 'external'}-listener`;
    if (this.node.tryFindChild(id)) {
      throw new KraftConfigError({ scope: this, rule: RULES.listenerNameUnique, field: 'nodePortListeners', value: options.name ?? 'external', message: 'another nodeport listener has this name', fix: 'give every listener its own name' });
    }
    const listener = new ExternalNodePortListener(this, id, options);
    validateListener(listener, '', listener.base, others);
    listener.node.addValidation({ validate: () => this.errorsFor(listener) });
    this.cachedModel = undefined;
    return listener;
  }

  /**
   * Adds an nginx TCP load balancer for an external nodeport listener. With the in-cluster shape,
   * add it after every node pool and listener (its objects are built from the model at once).
   */
  public addLoadBalancer(id: string, options: LoadBalancerOptions): LoadBalancer {
    const lb = new LoadBalancer(this, id, options);
    lb.node.addValidation({ validate: () => this.errorsFor(lb) });
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

  /**
   * Every finding about the cluster and its pools, listeners and load balancers, errors and
   * warnings: what was recorded while they were built, what the model found across them, and
   * what needs the whole app (NodePorts and advertised addresses of other clusters).
   */
  public get problems(): Problem[] {
    const m = this.model;
    const problems: Problem[] = [...this.node.findAll().flatMap((c) => recordedProblems(c)), ...m.problems];
    const unknown = (scope: Construct, rule: Rule, field: string, paths: string[]) => paths.forEach((p) => problems.push({
      scope, rule, field: `${field}.${p}`, message: `kafka.strimzi.io/${this.apiVersion} has no such field (Strimzi ${this.release.tag})`,
      fix: 'remove it, or target a Strimzi release whose API has it',
    }));
    const authentication = (scope: Construct, prefix: string, a: ListenerAuthentication | undefined) => {
      if (!a) return;
      if (AUTHENTICATION_TYPES.includes(a.type) && !this.renderer.authenticationTypes.includes(a.type)) {
        problems.push({ scope, rule: RULES.authenticationType, field: `${prefix}authentication.type`, value: a.type, message: `kafka.strimzi.io/${this.apiVersion} has no such authentication type`,
          fix: `use one of ${this.renderer.authenticationTypes.join(', ')}` });
      }
      unknown(scope, RULES.authenticationOptionsKnown, `${prefix}authentication.options`, this.renderer.unknownFields('listenerAuthentication', a));
    };
    for (const pool of this.nodePools) {
      if (pool.template) unknown(pool, RULES.templateFieldsKnown, 'template', this.renderer.unknownFields('nodePoolTemplate', pool.template));
      if (volumeCount(pool.storage) > 1 && !supportsKraftJbod(this.metadataVersion)) {
        problems.push({ scope: pool, rule: RULES.metadataVersionJbod, field: 'storage.volumes', value: volumeCount(pool.storage),
          message: `KRaft JBOD with several volumes needs metadata version 3.7-IV2 or newer; the cluster has ${this.metadataVersion}`,
          fix: 'use one volume, or Kafka 3.7+ with metadataVersion 3.7-IV2 or newer' });
      }
    }
    this.internalListeners.forEach((l, i) => authentication(this, `listeners[${i}].`, l.authentication));
    this.nodePortListeners.forEach((l) => authentication(l, '', l.authentication));
    if (this.cruiseControl && m.brokerIds.length < 2) {
      problems.push({ scope: this, rule: RULES.cruiseControlBrokers, field: 'cruiseControl', value: true, message: `Cruise Control cannot balance ${m.brokerIds.length} broker(s)`, fix: 'run 2 or more brokers, or set cruiseControl: false' });
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
          problems.push({ scope: lb, rule: RULES.lbListenPortsAcross, field: 'listenPorts', value: port, message: `also a listen port of load balancer '${other.node.id}'`,
            fix: 'give the listeners of each load balancer their own bootstrap and advertised ports, or different listenAddress values' });
        } else {
          listening.set(key, lb);
        }
      }
    }
    problems.push(...appProblems(this.node.root).filter((p) => p.scope.node.path.startsWith(`${this.node.path}/`) || p.scope === this));
    return problems;
  }

  /** The warnings about this cluster (risky but legal choices). */
  public get warnings(): Problem[] {
    return this.problems.filter((p) => p.rule.severity === 'warning');
  }

  private errorsFor(scope: Construct): string[] {
    return this.problems.filter((p) => p.scope === scope && p.rule.severity === 'error').map(describeProblem);
  }
}

/** Whether a metadata version supports KRaft JBOD with several volumes (3.7-IV2, or a bare 3.7 meaning its newest IV). */
function supportsKraftJbod(metadataVersion: string): boolean {
  const m = /^(\d+\.\d+)(?:-IV(\d+))?$/.exec(metadataVersion);
  if (!m) return true; // reported by metadata-version-syntax
  const c = compareVersions(m[1], '3.7');
  return c > 0 || (c === 0 && (m[2] === undefined || Number(m[2]) >= 2));
}

/** Findings that need every cluster of the app: NodePorts and advertised addresses used twice. */
function appProblems(root: IConstruct): Problem[] {
  const clusters = root.node.findAll().filter((c): c is KraftCluster => c instanceof KraftCluster);
  const problems: Problem[] = [];
  const nodePorts = new Map<number, string>();
  const addresses = new Map<string, string>();
  for (const cluster of clusters) {
    const ours = new Set<number>();
    const ourAddresses = new Set<string>();
    for (const { listener, brokers } of cluster.model.nodePortListeners) {
      for (const [port, what] of [[listener.bootstrapNodePort, 'bootstrap'], ...brokers.map((b) => [b.nodePort, `broker ${b.nodeId}`] as const)] as const) {
        const other = nodePorts.get(port);
        if (other !== undefined && !ours.has(port)) {
          problems.push({ scope: listener, rule: RULES.nodePortsUniqueInApp, field: what === 'bootstrap' ? 'bootstrapNodePort' : 'nodePortBase', value: port, message: `the NodePort of ${what} is also used by ${other}`,
            fix: 'give each cluster its own NodePort range (bootstrapNodePort and nodePortBase)' });
        }
        ours.add(port);
      }
      for (const b of brokers) {
        const address = `${b.advertisedHost}:${b.advertisedPort}`;
        const other = addresses.get(address);
        if (other !== undefined && !ourAddresses.has(address)) {
          problems.push({ scope: listener, rule: RULES.advertisedAddressUnique, field: `brokers[${b.nodeId}]`, value: address, message: `also advertised by ${other}`,
            fix: 'give each cluster its own advertised host or ports' });
        }
        ourAddresses.add(address);
      }
    }
    ours.forEach((port) => nodePorts.has(port) || nodePorts.set(port, `cluster ${cluster.node.path}`));
    ourAddresses.forEach((a) => addresses.has(a) || addresses.set(a, `cluster ${cluster.node.path}`));
  }
  return problems;
}

/** Every finding in a construct tree (an app or a chart): errors and warnings of every KraftCluster. */
export function findProblems(root: IConstruct): Problem[] {
  return root.node.findAll().filter((c): c is KraftCluster => c instanceof KraftCluster).flatMap((c) => c.problems);
}

/**
 * Prints every warning of a construct tree once (on stderr by default) and returns them. Call it
 * before `app.synth()`; errors are reported by the synth itself.
 */
export function printWarnings(root: IConstruct, write: (line: string) => void = (line) => console.error(line)): Problem[] {
  const warnings = findProblems(root).filter((p) => p.rule.severity === 'warning');
  [...new Set(warnings.map(formatProblem))].forEach((line) => write(line));
  return warnings;
}
