import { Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { NodePortListenerModel } from './cluster-model';
import type { KraftCluster } from './kraft-cluster';
import { NginxStreamBlock, NginxStreamConfig, renderNginxConf, renderStreamSnippet } from './nginx-config';
import { NODE_PORT_MAX, NODE_PORT_MIN, Problem, checkInteger, isHostOrIp, recordedProblems, report } from './problem';
import { RULES } from './rules';

/** Options of the external-host shape: nginx on a machine outside the cluster. */
export interface ExternalHostOptions {
  /** Addresses (IP or host name) of the worker nodes nginx forwards to, each once. */
  readonly workers: string[];
  /**
   * Address nginx listens on.
   * @default - every address
   */
  readonly listenAddress?: string;
  /**
   * `pid` of the complete nginx.conf.
   * @default '/run/nginx.pid'
   */
  readonly pidFile?: string;
  /**
   * `error_log` of the complete nginx.conf.
   * @default '/var/log/nginx/error.log'
   */
  readonly errorLog?: string;
  /**
   * Path of the stream module (`load_module`) in the complete nginx.conf.
   * @default '/usr/lib/nginx/modules/ngx_stream_module.so' (Debian's libnginx-mod-stream and the nginx image)
   */
  readonly modulePath?: string;
}

/** Options of the in-cluster shape: an nginx Deployment behind a Service. */
export interface InClusterOptions {
  /**
   * Type of the Service clients connect to.
   * @default 'LoadBalancer'
   */
  readonly serviceType?: 'LoadBalancer' | 'NodePort';
  /**
   * nginx replicas.
   * @default 2
   */
  readonly replicas?: number;
  /**
   * nginx image; must ship the stream module at /usr/lib/nginx/modules/ngx_stream_module.so.
   * @default 'nginx:1.27.3-alpine'
   */
  readonly image?: string;
  /**
   * Kubernetes cluster DNS domain, for the Services' full names.
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
  /**
   * Source ranges allowed through a LoadBalancer Service.
   * @default - any
   */
  readonly loadBalancerSourceRanges?: string[];
}

/** Where the load balancer runs. */
export class LoadBalancerShape {
  /** nginx on a host outside the cluster, forwarding to the listener's NodePorts on every worker (the seed's setup). */
  public static externalHost(options: ExternalHostOptions): LoadBalancerShape {
    return new LoadBalancerShape(options, undefined);
  }

  /** nginx in the cluster, forwarding to the listener's per-broker Services. */
  public static inCluster(options: InClusterOptions = {}): LoadBalancerShape {
    return new LoadBalancerShape(undefined, options);
  }

  private constructor(public readonly externalHost?: ExternalHostOptions, public readonly inCluster?: InClusterOptions) {}
}

/** Options of a load balancer. */
export interface LoadBalancerOptions {
  /** Where it runs. */
  readonly shape: LoadBalancerShape;
  /**
   * Name of the external nodeport listener it serves.
   * @default - the cluster's only nodeport listener
   */
  readonly listener?: string;
  /**
   * Failed attempts before nginx stops trying a server for `failTimeout`.
   * @default 3
   */
  readonly maxFails?: number;
  /**
   * @default Duration.seconds(30)
   */
  readonly failTimeout?: Duration;
  /**
   * @default Duration.seconds(300)
   */
  readonly proxyConnectTimeout?: Duration;
  /**
   * @default Duration.seconds(300)
   */
  readonly proxyTimeout?: Duration;
}

const STREAM_MODULE = '/usr/lib/nginx/modules/ngx_stream_module.so';

/**
 * An nginx TCP (`stream`) load balancer for a KraftCluster's external nodeport listener:
 * one block for the bootstrap and one per broker node ID, rendered from the cluster model
 * (it never computes a port itself). Create it with `KraftCluster.addLoadBalancer`.
 */
export class LoadBalancer extends Construct {
  /** The external-host shape's options, when that is the shape. */
  public readonly externalHost?: ExternalHostOptions;
  /** The in-cluster shape's options, when that is the shape. */
  public readonly inCluster?: InClusterOptions;
  private readonly cluster: KraftCluster;
  private readonly listenerName?: string;
  private readonly maxFails: number;
  private readonly failTimeout: Duration;
  private readonly proxyConnectTimeout: Duration;
  private readonly proxyTimeout: Duration;
  /** The listen ports the in-cluster objects were rendered with (they are built at construction). */
  private readonly renderedPorts?: number[];

  constructor(cluster: KraftCluster, id: string, options: LoadBalancerOptions) {
    super(cluster, id);
    this.cluster = cluster;
    this.listenerName = options.listener;
    this.externalHost = options.shape.externalHost;
    this.inCluster = options.shape.inCluster;
    this.maxFails = options.maxFails ?? 3;
    this.failTimeout = options.failTimeout ?? Duration.seconds(30);
    this.proxyConnectTimeout = options.proxyConnectTimeout ?? Duration.seconds(300);
    this.proxyTimeout = options.proxyTimeout ?? Duration.seconds(300);
    checkInteger(this, RULES.lbTuning, 'maxFails', this.maxFails, 0, 1000, 'use 0 (never mark a server down) or a small count such as 3');
    for (const [field, d] of [['failTimeout', this.failTimeout], ['proxyConnectTimeout', this.proxyConnectTimeout], ['proxyTimeout', this.proxyTimeout]] as const) {
      const ms = d.toMilliseconds();
      if (ms % 1000 !== 0 || ms < 1000) report(this, RULES.lbTuning, field, `${ms}ms`, 'not a whole number of seconds of at least 1', 'use Duration.seconds(n) with n >= 1');
    }
    if (this.externalHost) this.validateExternalHost(this.externalHost);
    if (this.inCluster) {
      const ic = this.inCluster;
      if (checkInteger(this, RULES.lbTuning, 'shape.inCluster.replicas', ic.replicas ?? 2, 1, 100, 'run at least one nginx replica (two for availability)') && ic.replicas === 1) {
        report(this, RULES.lbSingleReplica, 'shape.inCluster.replicas', 1, 'clients lose the cluster while the one nginx pod restarts', 'run 2 or more replicas');
      }
      if (ic.serviceType !== undefined && !['LoadBalancer', 'NodePort'].includes(ic.serviceType)) {
        report(this, RULES.lbNodePortService, 'shape.inCluster.serviceType', ic.serviceType, "neither 'LoadBalancer' nor 'NodePort'", "use 'LoadBalancer'");
      }
      this.renderedPorts = this.createInClusterResources(ic);
    }
  }

  /** The listener this load balancer serves, from the cluster model (undefined when there is none). */
  public get listener(): NodePortListenerModel | undefined {
    const all = this.cluster.model.nodePortListeners;
    if (this.listenerName === undefined) return all.length === 1 ? all[0] : undefined;
    return all.find((l) => l.listener.name === this.listenerName);
  }

  /** Base name of the load balancer's files and objects: `<cluster>-<listener>-lb`. */
  public get baseName(): string {
    return `${this.cluster.clusterName}-${this.listenerName ?? this.listener?.listener.name ?? 'external'}-lb`;
  }

  /** The ports clients connect to: the bootstrap port and each broker's advertised port. */
  public get listenPorts(): number[] {
    const l = this.listener;
    return l ? [l.listener.bootstrapPort, ...l.brokers.map((b) => b.advertisedPort)] : [];
  }

  /** The stream configuration: one block for the bootstrap and one per broker, by listen port. */
  public get streamConfig(): NginxStreamConfig {
    const l = this.listener;
    if (!l) {
      throw new Error(`[${this.node.path}] listener: no external nodeport listener to balance. Fix: add one with addNodePortListener, or name it with the listener option (synth validation reports this as lb-listener)`);
    }
    const ns = Chart.of(this).namespace;
    const clusterId = `${ns ?? 'default'}_${this.cluster.clusterName}_${l.listener.name}`;
    const target = (serviceName: string, nodePort: number) => (this.externalHost
      ? naturalSort(this.externalHost.workers).map((host) => ({ host, port: nodePort }))
      : [{ host: this.serviceHost(serviceName, ns), port: l.listener.port }]);
    const via = this.externalHost ? 'NodePort %d on every worker' : 'Service %s';
    const blocks: NginxStreamBlock[] = [
      {
        upstream: `${clusterId}_bootstrap`,
        comment: `bootstrap ${l.brokers[0]?.advertisedHost ?? l.listener.advertisedHost}:${l.listener.bootstrapPort} -> ${via.replace('%d', String(l.listener.bootstrapNodePort)).replace('%s', l.bootstrapServiceName)}`,
        listenPort: l.listener.bootstrapPort,
        servers: target(l.bootstrapServiceName, l.listener.bootstrapNodePort),
      },
      ...l.brokers.map((b) => ({
        upstream: `${clusterId}_broker_${b.nodeId}`,
        comment: `broker ${b.nodeId} (pool ${b.pool}): ${b.advertisedHost}:${b.advertisedPort} -> ${via.replace('%d', String(b.nodePort)).replace('%s', b.serviceName)}`,
        listenPort: b.advertisedPort,
        servers: target(b.serviceName, b.nodePort),
      })),
    ];
    return {
      header: [
        `Generated by cdk8s-strimzi-kraft from Kafka ${ns ? `${ns}/` : ''}${this.cluster.clusterName}, listener '${l.listener.name}'. Do not edit.`,
        `Brokers: ${l.brokers.map((b) => b.nodeId).join(', ')}. Re-synthesize after scaling the broker pools.`,
      ],
      blocks,
      listenAddress: this.externalHost?.listenAddress,
      maxFails: this.maxFails,
      failTimeoutSeconds: this.failTimeout.toSeconds(),
      proxyConnectTimeoutSeconds: this.proxyConnectTimeout.toSeconds(),
      proxyTimeoutSeconds: this.proxyTimeout.toSeconds(),
    };
  }

  /**
   * The files of the external-host shape: `<base>.stream.conf`, to include inside `stream { }`,
   * and `<base>.nginx.conf`, a complete runnable nginx.conf. Empty for the in-cluster shape.
   */
  public get files(): Record<string, string> {
    if (!this.externalHost) return {};
    const config = this.streamConfig;
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

  /** Problems found across objects; the cluster reports them at synth. */
  public get problems(): Problem[] {
    const problems: Problem[] = [];
    const all = this.cluster.model.nodePortListeners;
    const l = this.listener;
    if (!l) {
      problems.push(this.listenerName === undefined
        ? { scope: this, rule: RULES.lbListener, field: 'listener', value: all.map((x) => x.listener.name), message: all.length === 0 ? 'the cluster has no external nodeport listener to balance' : `the cluster has ${all.length} nodeport listeners`,
          fix: all.length === 0 ? 'add one with addNodePortListener, or remove the load balancer' : 'name the one to balance with the listener option' }
        : { scope: this, rule: RULES.lbListener, field: 'listener', value: this.listenerName, message: 'the cluster has no nodeport listener of this name', fix: `use one of: ${all.map((x) => x.listener.name).join(', ') || 'none (add one with addNodePortListener)'}` });
      return problems;
    }
    const seen = new Map<number, string>();
    const what = (i: number) => (i === 0 ? 'the bootstrap' : `broker ${l.brokers[i - 1].nodeId}`);
    this.listenPorts.forEach((port, i) => {
      const other = seen.get(port);
      if (other !== undefined) {
        problems.push({ scope: this, rule: RULES.lbListenPortsUnique, field: 'listenPorts', value: port, message: `the port of ${what(i)} is also the port of ${other}; nginx cannot listen twice on it`,
          fix: 'give the bootstrap (bootstrapPort) and every broker (advertisedPortBase or brokers[id].advertisedPort) its own port' });
      } else {
        seen.set(port, what(i));
      }
    });
    if (this.externalHost && l.listener.externalTrafficPolicy === 'Local') {
      problems.push({ scope: this, rule: RULES.lbTrafficPolicy, field: 'shape.externalHost.workers', value: this.externalHost.workers, message: `listener '${l.listener.name}' has externalTrafficPolicy 'Local': only the worker running a broker answers on its NodePort, so forwarding to every worker fails`,
        fix: "set externalTrafficPolicy: 'Cluster' on the listener" });
    }
    if (this.inCluster && this.renderedPorts && this.renderedPorts.join() !== this.listenPorts.join()) {
      problems.push({ scope: this, rule: RULES.lbBuiltLast, field: 'shape.inCluster', value: this.listenPorts, message: `the brokers changed after the in-cluster load balancer was built with ports ${this.renderedPorts.join(', ')}`,
        fix: 'call addLoadBalancer after adding every node pool and listener' });
    }
    if (this.inCluster) {
      for (const port of this.listenPorts.filter((p) => p < 1024)) {
        problems.push({ scope: this, rule: RULES.lbUnprivilegedPorts, field: 'listenPorts', value: port, message: 'below 1024; the non-root nginx cannot listen on it', fix: 'use advertised and bootstrap ports of 1024 or above' });
      }
      if (this.inCluster.serviceType === 'NodePort') {
        for (const port of this.listenPorts.filter((p) => p < NODE_PORT_MIN || p > NODE_PORT_MAX)) {
          problems.push({ scope: this, rule: RULES.lbNodePortService, field: 'shape.inCluster.serviceType', value: port, message: `a NodePort Service exposes this port as a NodePort, outside ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
            fix: "use serviceType 'LoadBalancer', or advertised and bootstrap ports inside the NodePort range" });
        }
      }
    }
    return problems;
  }

  private serviceHost(serviceName: string, namespace: string | undefined): string {
    return namespace ? `${serviceName}.${namespace}.svc.${this.inCluster?.clusterDomain ?? 'cluster.local'}` : serviceName;
  }

  private validateExternalHost(options: ExternalHostOptions): void {
    if (options.workers.length === 0) {
      report(this, RULES.lbWorkers, 'shape.externalHost.workers', [], 'no worker nodes are given', 'list the address of every worker node that runs kube-proxy');
    }
    options.workers.forEach((w, i) => {
      const first = options.workers.indexOf(w);
      if (!isHostOrIp(w, { ipv6: true })) report(this, RULES.lbWorkerAddress, `shape.externalHost.workers[${i}]`, w, 'not an IP address or host name', "give the worker's IP address or DNS name");
      else if (first !== i) report(this, RULES.lbWorkerUnique, `shape.externalHost.workers[${i}]`, w, `listed twice (also at [${first}])`, 'list every worker once');
    });
    if (options.listenAddress !== undefined && !isHostOrIp(options.listenAddress, { ipv6: true })) {
      report(this, RULES.lbWorkerAddress, 'shape.externalHost.listenAddress', options.listenAddress, 'not an address', 'give an IP address of the nginx host, or omit it');
    }
  }

  private createInClusterResources(options: InClusterOptions): number[] | undefined {
    const l = this.listener;
    if (!l || this.problems.some((p) => p.rule.severity === 'error') || recordedProblems(this).some((p) => p.rule.severity === 'error')) {
      return undefined; // reported at synth; nothing sound to render
    }
    const name = this.baseName;
    const ports = this.listenPorts;
    const portName = (i: number) => (i === 0 ? 'bootstrap' : `broker-${l.brokers[i - 1].nodeId}`);
    const byPort = ports.map((port, i) => ({ port, name: portName(i) })).sort((a, b) => a.port - b.port);
    const configMap = new kplus.ConfigMap(this, 'Config', {
      metadata: { name },
      data: {
        'nginx.conf': renderNginxConf(this.streamConfig, { modulePath: STREAM_MODULE, pidFile: '/tmp/nginx.pid', errorLog: 'stderr', workerConnections: 4096 }),
      },
    });
    const deployment = new kplus.Deployment(this, 'Deployment', { metadata: { name }, replicas: options.replicas ?? 2 });
    // Prefer one nginx per node, without making scheduling fail on small clusters.
    deployment.scheduling.spread({ topology: kplus.Topology.HOSTNAME, weight: 100 });
    const probe = { port: l.listener.bootstrapPort };
    const container = deployment.addContainer({
      name: 'nginx',
      image: options.image ?? 'nginx:1.27.3-alpine',
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      command: ['nginx', '-e', 'stderr', '-g', 'daemon off;', '-c', '/etc/nginx/kafka/nginx.conf'],
      ports: byPort.map(({ port }) => ({ number: port })),
      readiness: kplus.Probe.fromTcpSocket(probe),
      liveness: kplus.Probe.fromTcpSocket({ ...probe, initialDelaySeconds: Duration.seconds(10) }),
      resources: {
        cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(1000) },
        memory: { request: Size.mebibytes(64), limit: Size.mebibytes(256) },
      },
      securityContext: { ensureNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false, user: 101, group: 101 },
    });
    container.mount('/etc/nginx/kafka', kplus.Volume.fromConfigMap(this, 'ConfigVolume', configMap), { readOnly: true });
    container.mount('/tmp', kplus.Volume.fromEmptyDir(this, 'TmpVolume', 'tmp'));
    new kplus.Service(this, 'Service', {
      metadata: { name },
      type: options.serviceType === 'NodePort' ? kplus.ServiceType.NODE_PORT : kplus.ServiceType.LOAD_BALANCER,
      selector: deployment,
      loadBalancerSourceRanges: options.loadBalancerSourceRanges,
      ports: byPort.map(({ port, name: portName }) => ({
        name: portName,
        port,
        targetPort: port,
        nodePort: options.serviceType === 'NodePort' ? port : undefined,
      })),
    });
    return ports;
  }
}

/** Sorts addresses so that 10.0.0.9 comes before 10.0.0.10. */
function naturalSort(values: readonly string[]): string[] {
  const collator = new Intl.Collator('en', { numeric: true });
  return [...values].sort(collator.compare);
}
