import { Duration } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { placed } from '../common/arguments';
import { CLUSTER_INSTANCE, ICluster, managedClustersIn, modelOf } from '../common/cluster';
import { Memo, addAppCheck, addChecks, at, record, validateAtSynth } from '../common/problems';
import { Finding, Problem } from '../core/problem';
import { Instances, checkProps } from '../core/shape';
import {
  nodePortsDisjointFindings,
  servedClusterFindings,
  ExternalHostOptions,
  InClusterOptions,
  LoadBalancerModel,
  LoadBalancerSpec,
  computeLoadBalancerModel,
  fileNamesAcross,
  listenPortsAcross,
  loadBalancerOptionFindings,
} from '../model/load-balancer';
import { renderNginxConf, renderStreamSnippet } from '../render/nginx/config';
import { STREAM_MODULE } from '../render/nginx/in-cluster';

/** Where the load balancer runs. */
export class LoadBalancerShape {
  /** nginx on a host outside the cluster, forwarding to the listener's NodePorts on every worker (the seed's setup). */
  public static externalHost(options: ExternalHostOptions): LoadBalancerShape {
    const checked = checkProps<ExternalHostOptions>(options, 'ExternalHostOptions', {}, 'shape.externalHost');
    return new LoadBalancerShape(checked.props, undefined, checked.findings);
  }

  /** nginx in the cluster, forwarding to the listener's per-broker Services. */
  public static inCluster(options: InClusterOptions = {}): LoadBalancerShape {
    const checked = checkProps<InClusterOptions>(options, 'InClusterOptions', {}, 'shape.inCluster');
    return new LoadBalancerShape(undefined, checked.props, checked.findings);
  }

  private constructor(
    public readonly externalHost?: ExternalHostOptions,
    public readonly inCluster?: InClusterOptions,
    /** What is wrong with the options it was made from (reported by the load balancer that uses it). */
    public readonly findings: readonly Finding[] = [],
  ) {}
}

const isDuration = (v: unknown) => v instanceof Duration;

/**
 * A Duration in seconds; NaN (reported by lb-tuning) for one made of garbage
 * (Duration.seconds(10n) throws when read).
 */
function secondsOf(d: Duration): number {
  try {
    return d.toMilliseconds({ integral: false }) / 1000;
  } catch {
    return NaN;
  }
}
/** The classes a load balancer's options take. */
const INSTANCES: Instances = {
  LoadBalancerShape: {
    test: (v) => v instanceof LoadBalancerShape,
    what: 'LoadBalancerShape.externalHost({ workers }) or LoadBalancerShape.inCluster({ ... })',
    fallback: LoadBalancerShape.externalHost({ workers: [] }),
  },
  Duration: { test: isDuration, what: 'a Duration, e.g. Duration.seconds(2)' },
  cluster: CLUSTER_INSTANCE,
};

/** Options of a load balancer. */
export interface LoadBalancerOptions {
  /** Where it runs. */
  readonly shape: LoadBalancerShape;
  /**
   * Name of the external nodeport listener it serves, or of an external `cluster-ip` listener (in-cluster shape).
   * @default - the cluster's only nodeport listener
   */
  readonly listener?: string;
  /**
   * Failed attempts before nginx stops trying a server for `failTimeout`.
   * @default 3
   * @integer
   */
  readonly maxFails?: number;
  /**
   * How long a server counts as down after `maxFails` failed attempts.
   * @default Duration.seconds(30)
   */
  readonly failTimeout?: Duration;
  /**
   * How long nginx waits for a worker (or Service) to accept a connection before it tries the next
   * server. Short, so that a worker that silently drops packets costs a client 2 s instead of its
   * connection: Kafka clients give up after 10 s, and Linux retries an unanswered SYN after 1 s,
   * so 2 s still rides out one lost SYN to a healthy worker.
   * @default Duration.seconds(2)
   */
  readonly proxyConnectTimeout?: Duration;
  /**
   * How long a connection may be idle between two reads or writes.
   * @default Duration.seconds(600) (the broker's own idle limit, `connections.max.idle.ms`; Kafka clients
   *   close idle connections after 540 s, so nginx never cuts one they still hold)
   */
  readonly proxyTimeout?: Duration;
}

/** Properties of a LoadBalancer construct. */
export interface LoadBalancerProps extends LoadBalancerOptions {
  /** The cluster whose listener it serves. */
  readonly cluster: ICluster;
}

/**
 * An nginx TCP (`stream`) load balancer for a cluster's external nodeport listener: one block for
 * the bootstrap and one per broker node ID, rendered from the cluster model at synth (it never
 * computes a port itself). Usually created with `KraftCluster.addLoadBalancer`.
 */
export class LoadBalancer extends Construct {
  /** The external-host shape's options, when that is the shape. */
  public readonly externalHost?: ExternalHostOptions;
  /** The in-cluster shape's options, when that is the shape. */
  public readonly inCluster?: InClusterOptions;
  /** The cluster it serves. */
  public readonly cluster: ICluster;
  private readonly spec: LoadBalancerSpec;
  private readonly cachedModel = new Memo(
    () => [modelOf(this.cluster)],
    () => computeLoadBalancerModel(this.spec, modelOf(this.cluster)!),
  );

  constructor(scope: Construct, id: string, rawProps: LoadBalancerProps) {
    super(scope, placed(scope, id));
    // JavaScript and JSON callers: every option is checked at run time; the rest sees clean values
    const checked = checkProps<LoadBalancerProps>(rawProps, 'LoadBalancerProps', INSTANCES);
    record(this, [...checked.findings, ...checked.props.shape.findings]);
    const props = checked.props;
    // a missing or wrong cluster is reported above; the synth fails before anything renders from it
    const cluster: ICluster | undefined = props.cluster;
    this.cluster = props.cluster;
    this.externalHost = props.shape.externalHost;
    this.inCluster = props.shape.inCluster;
    this.spec = {
      id,
      clusterName: cluster?.clusterName ?? '',
      namespace: cluster?.namespace,
      listener: props.listener,
      externalHost: this.externalHost,
      inCluster: this.inCluster,
      maxFails: props.maxFails ?? 3,
      failTimeoutSeconds: secondsOf(props.failTimeout ?? Duration.seconds(30)),
      proxyConnectTimeoutSeconds: secondsOf(props.proxyConnectTimeout ?? Duration.seconds(2)),
      proxyTimeoutSeconds: secondsOf(props.proxyTimeout ?? Duration.seconds(600)),
    };
    record(this, loadBalancerOptionFindings(this.spec));
    if (cluster?.managedHere === false) record(this, servedClusterFindings(cluster.clusterName));
    addChecks(this, () => (modelOf(this.cluster) ? this.model.findings.map((f) => at(this, f)) : []));
    addAppCheck(this, 'load-balancer/listen-ports-across', listenPortsAcrossProblems);
    addAppCheck(this, 'load-balancer/file-names-unique', fileNamesProblems);
    addAppCheck(this, 'load-balancer/node-ports-disjoint', nodePortsDisjoint);
    validateAtSynth(this);
    if (this.inCluster) this.createInClusterObjects();
  }

  /** What it serves, computed from the cluster model (once per change of the app). @internal */
  public get model(): LoadBalancerModel {
    return this.cachedModel.get();
  }

  /** Base name of the load balancer's files and objects: `<cluster>-<listener>-lb`. */
  public get baseName(): string {
    return this.model.baseName;
  }

  /** The ports clients connect to: the bootstrap port and each broker's advertised port. */
  public get listenPorts(): number[] {
    return this.model.listenPorts;
  }

  /**
   * The files of the external-host shape: `<base>.stream.conf`, to include inside `stream { }`,
   * and `<base>.nginx.conf`, a complete runnable nginx.conf. Empty for the in-cluster shape.
   */
  public get files(): Record<string, string> {
    if (!this.externalHost) return {};
    const config = this.model.streamConfig;
    if (!config) {
      throw new Error(
        `[${this.node.path}] listener: no external nodeport listener to balance. Fix: add one with ` +
          `addNodePortListener, ` +
          'or name it with the listener option (synth validation reports this as lb-listener)',
      );
    }
    return {
      [`${this.baseName}.nginx.conf`]: renderNginxConf(config, {
        modulePath: this.externalHost.modulePath ?? STREAM_MODULE,
        pidFile: this.externalHost.pidFile ?? '/run/nginx.pid',
        errorLog: this.externalHost.errorLog ?? '/var/log/nginx/error.log',
        workerConnections: 4096,
      }),
      [`${this.baseName}.stream.conf`]: renderStreamSnippet(config),
    };
  }

  /**
   * The in-cluster ConfigMap, Deployment, Service and NetworkPolicy, as cdk8s-plus-27 constructs
   * (lib/load-balancer/in-cluster.ts, loaded here only: the main entry never loads cdk8s-plus-27).
   */
  private createInClusterObjects(): void {
    let inCluster: typeof import('./in-cluster');
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      inCluster = require('./in-cluster');
    } catch (e) {
      if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND' || !/cdk8s-plus-27/.test((e as Error).message)) throw e;
      throw new Error(
        `[${this.node.path}] shape: the in-cluster shape makes cdk8s-plus-27 objects, and cdk8s-plus-27 is not ` +
          'installed. Fix: npm install cdk8s-plus-27@^2.9.5 (an optional peer dependency; it needs cdk8s 2.68.11 ' +
          'or later), or use LoadBalancerShape.externalHost',
      );
    }
    const objects = inCluster.createInClusterObjects({
      scope: this,
      options: this.inCluster!,
      model: () => this.model,
      served: () => {
        const m = this.model;
        if (!m.listener || !m.streamConfig) {
          throw new Error(
            `[${this.node.path}] listener: no external nodeport listener to balance. ` +
              'Fix: add one with addNodePortListener (synth validation reports this as lb-listener)',
          );
        }
        return m;
      },
    });
    for (const [key, value] of Object.entries(objects)) {
      if (value) Object.defineProperty(this, key, { value, enumerable: true });
    }
  }
}

/** Load balancers of one cluster on the same nginx must not listen on the same port. */
function listenPortsAcrossProblems(root: IConstruct): Problem[] {
  return managedClustersIn(root).flatMap((cluster) => {
    const lbs = cluster.node
      .findAll()
      .filter((c): c is LoadBalancer => c instanceof LoadBalancer && c.cluster === cluster)
      .sort((a, b) => (a.node.id < b.node.id ? -1 : 1));
    return listenPortsAcross(lbs.map((lb) => lb.model)).map(({ index, finding }) => at(lbs[index], finding));
  });
}

/** External-host load balancers of an app must not write files of the same names. */
function fileNamesProblems(root: IConstruct): Problem[] {
  const lbs = root.node
    .findAll()
    .filter((c): c is LoadBalancer => c instanceof LoadBalancer && c.cluster?.managedHere === true);
  return fileNamesAcross(
    lbs.map((lb) => lb.model),
    lbs.map((lb) => lb.node.path),
  ).map(({ index, finding }) => at(lbs[index], finding));
}

/** An in-cluster NodePort Service exposes its listen ports as NodePorts: none may be a broker's (of any cluster). */
function nodePortsDisjoint(root: IConstruct): Problem[] {
  const taken = new Map<number, string>();
  for (const cluster of managedClustersIn(root)) {
    for (const l of modelOf(cluster)!.nodePortListeners) {
      taken.set(
        l.listener.bootstrapNodePort,
        `the bootstrap NodePort of ${cluster.node.path} listener '${l.listener.name}'`,
      );
      for (const b of l.brokers) taken.set(b.nodePort, `the NodePort of ${cluster.node.path} broker ${b.nodeId}`);
    }
  }
  const lbs = root.node
    .findAll()
    .filter(
      (c): c is LoadBalancer =>
        c instanceof LoadBalancer && c.cluster?.managedHere === true && c.inCluster?.serviceType === 'NodePort',
    );
  const found = nodePortsDisjointFindings(
    taken,
    lbs.map((lb) => ({ path: lb.node.path, listenPorts: lb.listenPorts })),
  );
  return found.map(({ index, finding }) => at(lbs[index], finding));
}
