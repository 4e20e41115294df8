/**
 * The nginx load balancer as plain data: which listener it serves, the ports it listens on and
 * the stream configuration, all read from the cluster model (it never computes a port itself).
 */
import { NODE_PORT_MAX, NODE_PORT_MIN, isHostOrIp, isIpAddress } from '../core/syntax';
import { Finding, collector, finding } from '../core/problem';
import { RULES } from '../rules';
import { ClusterModel, NodePortListenerModel } from './cluster';
import { ExternalListenerModel } from './external-listeners';

/**
 * A listener a load balancer serves: a nodeport listener (either shape), or an external `cluster-ip`
 * listener (the in-cluster shape, which forwards to its per-broker Services).
 */
export type BalancedListener = NodePortListenerModel | ExternalListenerModel;

/** One upstream server. */
export interface NginxServer {
  readonly host: string;
  readonly port: number;
}

/** One `upstream` + `server` pair: clients connect to `listenPort`, nginx forwards to `servers`. */
export interface NginxStreamBlock {
  /** Upstream name, unique in the nginx configuration. */
  readonly upstream: string;
  /** One-line comment saying what the block serves. */
  readonly comment: string;
  readonly listenPort: number;
  /** Servers, emitted in this order. */
  readonly servers: readonly NginxServer[];
}

/** A complete stream configuration. */
export interface NginxStreamConfig {
  /** Comment lines at the top of the file. */
  readonly header: readonly string[];
  /** Blocks, emitted by listen port. */
  readonly blocks: readonly NginxStreamBlock[];
  /** Address to listen on; all addresses when undefined. */
  readonly listenAddress?: string;
  /** `max_fails` of every server. */
  readonly maxFails: number;
  /** `fail_timeout` of every server, in seconds. */
  readonly failTimeoutSeconds: number;
  /** `proxy_connect_timeout`, in seconds. */
  readonly proxyConnectTimeoutSeconds: number;
  /** `proxy_timeout`, in seconds. */
  readonly proxyTimeoutSeconds: number;
}

/** Settings of the main context of a complete `nginx.conf`. */
export interface NginxMainOptions {
  /** Path of the stream module to load. */
  readonly modulePath: string;
  readonly pidFile: string;
  /** `error_log` target, e.g. `stderr` or a file path. */
  readonly errorLog: string;
  readonly workerConnections: number;
}

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
   * @maxLength 4096
   * @syntax pidFile
   */
  readonly pidFile?: string;
  /**
   * `error_log` of the complete nginx.conf.
   * @default '/var/log/nginx/error.log'
   * @maxLength 4096
   * @syntax errorLog
   */
  readonly errorLog?: string;
  /**
   * Path of the stream module (`load_module`) in the complete nginx.conf.
   * @default '/usr/lib/nginx/modules/ngx_stream_module.so' (Debian's libnginx-mod-stream and the nginx image)
   * @maxLength 4096
   * @syntax modulePath
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
   * @integer
   */
  readonly replicas?: number;
  /**
   * nginx image; must ship the stream module at /usr/lib/nginx/modules/ngx_stream_module.so.
   * @default 'nginx:1.27.3-alpine'
   * @maxLength 512
   * @syntax image
   */
  readonly image?: string;
  /**
   * Kubernetes cluster DNS domain, for the Services' full names.
   * @default 'cluster.local'
   * @syntax clusterDomain
   */
  readonly clusterDomain?: string;
  /**
   * Source ranges allowed through a LoadBalancer Service.
   * @default - any
   * @maxItems 100
   * @syntax cidr
   */
  readonly loadBalancerSourceRanges?: string[];
  /**
   * Pin the image by digest (`sha256:` and 64 hex digits): the pods run `<image>@<digest>`.
   * @default - the image by tag only
   * @syntax imageDigest
   */
  readonly imageDigest?: string;
  /**
   * Add a NetworkPolicy that admits traffic to the nginx pods only on the load balancer's ports.
   * @default false
   */
  readonly networkPolicy?: boolean;
}

/** The load balancer's description, with durations in seconds. */
export interface LoadBalancerSpec {
  /** The construct id, used in findings of other load balancers. */
  readonly id: string;
  readonly clusterName: string;
  readonly namespace?: string;
  /** Name of the nodeport listener; the cluster's only one when undefined. */
  readonly listener?: string;
  readonly externalHost?: ExternalHostOptions;
  readonly inCluster?: InClusterOptions;
  readonly maxFails: number;
  readonly failTimeoutSeconds: number;
  readonly proxyConnectTimeoutSeconds: number;
  readonly proxyTimeoutSeconds: number;
}

/** What a load balancer serves, computed from the cluster model. */
export interface LoadBalancerModel {
  readonly spec: LoadBalancerSpec;
  /** The listener it serves (undefined when there is none to serve: see the findings). */
  readonly listener?: BalancedListener;
  /** Base name of its files and objects: `<cluster>-<listener>-lb`. */
  readonly baseName: string;
  /** The ports clients connect to: the bootstrap port, then each broker's advertised port. */
  readonly listenPorts: number[];
  /** Names of the listen ports, in the order of `listenPorts`: `bootstrap`, `broker-<id>`. */
  readonly portNames: string[];
  /** The stream configuration (undefined without a listener). */
  readonly streamConfig?: NginxStreamConfig;
  readonly findings: Finding[];
}

/** The longest nginx timeout the library writes (nginx keeps them in milliseconds). */
export const MAX_TIMEOUT_SECONDS = 604_800;

/** Checks of the load balancer's own options. */
export function loadBalancerOptionFindings(spec: LoadBalancerSpec): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  checkTuning(spec, flag);
  if (spec.externalHost) checkExternalHost(spec.externalHost, flag);
  if (spec.inCluster) checkInCluster(spec.inCluster, flag);
  return out;
}

type Flag = ReturnType<typeof collector>;

/** nginx's failure count and timeouts. */
function checkTuning(spec: LoadBalancerSpec, flag: Flag): void {
  if (!(Number.isInteger(spec.maxFails) && spec.maxFails >= 0 && spec.maxFails <= 1000)) {
    flag(RULES.lbTuning, 'maxFails', spec.maxFails).says(
      'not an integer from 0 to 1000. Fix: use 0 (never mark a server down) or a small count such as 3',
    );
  }
  const durations = [
    ['failTimeout', spec.failTimeoutSeconds],
    ['proxyConnectTimeout', spec.proxyConnectTimeoutSeconds],
    ['proxyTimeout', spec.proxyTimeoutSeconds],
  ] as const;
  for (const [field, seconds] of durations) {
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
      flag(RULES.lbTuning, field, Number.isFinite(seconds) ? `${Math.round(seconds * 1000)}ms` : String(seconds)).says(
        `not a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS} (a week). Fix: use ` +
          'Duration.seconds(n) with 1 <= n <= 604800',
      );
    }
  }
  if (Number.isFinite(spec.proxyConnectTimeoutSeconds) && spec.proxyConnectTimeoutSeconds > 5) {
    flag(RULES.lbConnectTimeoutLong, 'proxyConnectTimeout', `${spec.proxyConnectTimeoutSeconds}s`).says(
      'a worker that silently drops packets holds each client this long before nginx tries the next one; ' +
        'Kafka clients give up after 10 s. Fix: leave the default (2 s) or use at most 5 s',
    );
  }
}

/** The workers and listen address of an nginx outside the cluster. */
function checkExternalHost(host: NonNullable<LoadBalancerSpec['externalHost']>, flag: Flag): void {
  if (host.workers.length === 0) {
    flag(RULES.lbWorkers, 'shape.externalHost.workers', []).says(
      'no worker nodes are given. Fix: list the address of every worker node that runs kube-proxy',
    );
  }
  host.workers.forEach((w, i) => {
    const first = host.workers.indexOf(w);
    if (!isHostOrIp(w, { ipv6: true })) {
      flag(RULES.lbWorkerAddress, `shape.externalHost.workers[${i}]`, w).says(
        "not an IP address or host name. Fix: give the worker's IP address or DNS name",
      );
    } else if (first !== i) {
      flag(RULES.lbWorkerUnique, `shape.externalHost.workers[${i}]`, w).says(
        `listed twice (also at [${first}]). Fix: list every worker once`,
      );
    }
  });
  if (host.listenAddress !== undefined && !isIpAddress(host.listenAddress)) {
    flag(RULES.lbWorkerAddress, 'shape.externalHost.listenAddress', host.listenAddress).says(
      'not an address. Fix: give an IP address of the nginx host, or omit it',
    );
  }
}

/** The image, replicas and Service type of an nginx inside the cluster. */
function checkInCluster(ic: NonNullable<LoadBalancerSpec['inCluster']>, flag: Flag): void {
  if (ic.imageDigest !== undefined && ic.image?.includes('@')) {
    flag(RULES.lbImage, 'shape.inCluster.imageDigest', ic.imageDigest).says(
      `the image ${ic.image} carries a digest already. Fix: give the digest in one place: image without ` +
        '@sha256:..., or no imageDigest',
    );
  }
  const replicas = ic.replicas ?? 2;
  if (!(Number.isInteger(replicas) && replicas >= 1 && replicas <= 100)) {
    flag(RULES.lbTuning, 'shape.inCluster.replicas', replicas).says(
      'not an integer from 1 to 100. Fix: run at least one nginx replica (two for availability)',
    );
  } else if (replicas === 1) {
    flag(RULES.lbSingleReplica, 'shape.inCluster.replicas', 1).says(
      'clients lose the cluster while the one nginx pod restarts. Fix: run 2 or more replicas',
    );
  }
  if (ic.serviceType !== undefined && !['LoadBalancer', 'NodePort'].includes(ic.serviceType)) {
    flag(RULES.lbNodePortService, 'shape.inCluster.serviceType', ic.serviceType).says(
      "neither 'LoadBalancer' nor 'NodePort'. Fix: use 'LoadBalancer'",
    );
  }
}

/** Sorts addresses so that 10.0.0.9 comes before 10.0.0.10. */
export function naturalSort(values: readonly string[]): string[] {
  const collator = new Intl.Collator('en', { numeric: true });
  return [...values].sort(collator.compare);
}

/** Computes what the load balancer serves from the cluster model, and what is wrong across the two. */
export function computeLoadBalancerModel(spec: LoadBalancerSpec, cluster: ClusterModel): LoadBalancerModel {
  const all = cluster.nodePortListeners;
  // a cluster-ip listener is served when named, by the in-cluster shape only (it has no NodePorts)
  const clusterIp = cluster.externalListeners.find(
    (l) => l.listener.type === 'cluster-ip' && l.listener.name === spec.listener,
  );
  const listener =
    spec.listener === undefined
      ? all.length === 1
        ? all[0]
        : undefined
      : (all.find((l) => l.listener.name === spec.listener) ?? (spec.inCluster ? clusterIp : undefined));
  const baseName = `${spec.clusterName}-${spec.listener ?? listener?.listener.name ?? 'external'}-lb`;
  const findings: Finding[] = [];
  const flag = collector(findings);
  if (!listener && clusterIp) {
    flag(RULES.lbListener, 'listener', spec.listener).says(
      'a cluster-ip listener has no NodePorts for nginx outside the cluster. Fix: use LoadBalancerShape.inCluster()',
    );
    return { spec, baseName, listenPorts: [], portNames: [], findings };
  }
  if (!listener) {
    checkNoListener(spec, all, flag);
    return { spec, baseName, listenPorts: [], portNames: [], findings };
  }
  const l = listener;
  const listenPorts = [l.listener.bootstrapPort, ...l.brokers.map((b) => b.advertisedPort)];
  const portNames = ['bootstrap', ...l.brokers.map((b) => `broker-${b.nodeId}`)];
  checkListenPorts(spec, l, listenPorts, flag);
  return { spec, listener, baseName, listenPorts, portNames, streamConfig: streamConfig(spec, l), findings };
}

/** Why no listener is balanced: none, several and none named, or the named one does not exist. */
function checkNoListener(spec: LoadBalancerSpec, all: readonly NodePortListenerModel[], flag: Flag): void {
  if (spec.listener !== undefined) {
    flag(RULES.lbListener, 'listener', spec.listener).says(
      'the cluster has no nodeport listener of this name. Fix: use one of: ' +
        `${all.map((x) => x.listener.name).join(', ') || 'none (add one with addNodePortListener)'}`,
    );
  } else if (all.length === 0) {
    flag(
      RULES.lbListener,
      'listener',
      all.map((x) => x.listener.name),
    ).says(
      'the cluster has no external nodeport listener to balance. Fix: add one with addNodePortListener, or ' +
        'remove the load balancer',
    );
  } else {
    flag(
      RULES.lbListener,
      'listener',
      all.map((x) => x.listener.name),
    ).says(`the cluster has ${all.length} nodeport listeners. Fix: name the one to balance with the listener option`);
  }
}

/** The ports nginx listens on: each once, reachable through the workers, allowed for a non-root nginx. */
function checkListenPorts(spec: LoadBalancerSpec, l: BalancedListener, listenPorts: number[], flag: Flag): void {
  const seen = new Map<number, string>();
  const what = (i: number) => (i === 0 ? 'the bootstrap' : `broker ${l.brokers[i - 1].nodeId}`);
  listenPorts.forEach((port, i) => {
    const other = seen.get(port);
    if (other !== undefined) {
      flag(RULES.lbListenPortsUnique, 'listenPorts', port).says(
        `the port of ${what(i)} is also the port of ${other}; nginx cannot listen twice on it. Fix: give the ` +
          'bootstrap (bootstrapPort) and every broker (advertisedPortBase or brokers[id].advertisedPort) its own port',
      );
    } else {
      seen.set(port, what(i));
    }
  });
  if (spec.externalHost && l.type === 'nodeport' && l.listener.externalTrafficPolicy === 'Local') {
    flag(RULES.lbTrafficPolicy, 'shape.externalHost.workers', spec.externalHost.workers).says(
      `listener '${l.listener.name}' has externalTrafficPolicy 'Local': only the worker running a broker ` +
        "answers on its NodePort, so forwarding to every worker fails. Fix: set externalTrafficPolicy: 'Cluster' " +
        'on the listener',
    );
  }
  if (!spec.inCluster) return;
  for (const port of listenPorts.filter((p) => p < 1024)) {
    flag(RULES.lbUnprivilegedPorts, 'listenPorts', port).says(
      'below 1024; the non-root nginx cannot listen on it. Fix: use advertised and bootstrap ports of 1024 or above',
    );
  }
  if (spec.inCluster.serviceType === 'NodePort') {
    for (const port of listenPorts.filter((p) => p < NODE_PORT_MIN || p > NODE_PORT_MAX)) {
      flag(RULES.lbNodePortService, 'shape.inCluster.serviceType', port).says(
        `a NodePort Service exposes this port as a NodePort, outside ${NODE_PORT_MIN}-${NODE_PORT_MAX}. Fix: use ` +
          "serviceType 'LoadBalancer', or advertised and bootstrap ports inside the NodePort range",
      );
    }
  }
}

/** The NodePort of the bootstrap or a broker (a cluster-ip listener has none: only the in-cluster shape serves it). */
function nodePortOf(l: BalancedListener, nodeId?: number): number {
  if (l.type !== 'nodeport') return 0;
  return nodeId === undefined ? l.listener.bootstrapNodePort : l.brokers.find((b) => b.nodeId === nodeId)!.nodePort;
}

function streamConfig(spec: LoadBalancerSpec, l: BalancedListener): NginxStreamConfig {
  const ns = spec.namespace;
  const clusterId = `${ns ?? 'default'}_${spec.clusterName}_${l.listener.name}`;
  const host = spec.externalHost;
  const serviceHost = (name: string) =>
    ns ? `${name}.${ns}.svc.${spec.inCluster?.clusterDomain ?? 'cluster.local'}` : name;
  const target = (serviceName: string, nodePort: number) =>
    host
      ? naturalSort(host.workers).map((h) => ({ host: h, port: nodePort }))
      : [{ host: serviceHost(serviceName), port: l.listener.port }];
  const via = (serviceName: string, nodePort: number) =>
    host ? `NodePort ${nodePort} on every worker` : `Service ${serviceName}`;
  const bootstrapHost = l.bootstrapHost;
  const blocks: NginxStreamBlock[] = [
    {
      upstream: `${clusterId}_bootstrap`,
      comment:
        `bootstrap ${bootstrapHost}:${l.listener.bootstrapPort} -> ` + `${via(l.bootstrapServiceName, nodePortOf(l))}`,
      listenPort: l.listener.bootstrapPort,
      servers: target(l.bootstrapServiceName, nodePortOf(l)),
    },
    ...l.brokers.map((b) => ({
      upstream: `${clusterId}_broker_${b.nodeId}`,
      comment:
        `broker ${b.nodeId} (pool ${b.pool}): ${b.advertisedHost}:${b.advertisedPort} -> ` +
        `${via(b.serviceName, nodePortOf(l, b.nodeId))}`,
      listenPort: b.advertisedPort,
      servers: target(b.serviceName, nodePortOf(l, b.nodeId)),
    })),
  ];
  return {
    header: [
      `Generated by cdk8s-strimzi-kraft from Kafka ${ns ? `${ns}/` : ''}${spec.clusterName}, listener ` +
        `'${l.listener.name}'. Do not edit.`,
      `Brokers: ${l.brokers.map((b) => b.nodeId).join(', ')}. Re-synthesize after scaling the broker pools.`,
    ],
    blocks,
    listenAddress: host?.listenAddress,
    maxFails: spec.maxFails,
    failTimeoutSeconds: spec.failTimeoutSeconds,
    proxyConnectTimeoutSeconds: spec.proxyConnectTimeoutSeconds,
    proxyTimeoutSeconds: spec.proxyTimeoutSeconds,
  };
}

/** Load balancers of one cluster on the same address must not listen on the same port. */
export function listenPortsAcross(models: readonly LoadBalancerModel[]): { index: number; finding: Finding }[] {
  const out: { index: number; finding: Finding }[] = [];
  const listening = new Map<string, string>();
  models.forEach((m, index) => {
    if (!m.spec.externalHost) return;
    for (const port of new Set(m.listenPorts)) {
      const key = `${m.spec.externalHost.listenAddress ?? '*'}:${port}`;
      const other = listening.get(key);
      if (other !== undefined) {
        out.push({
          index,
          finding: finding(
            RULES.lbListenPortsAcross,
            'listenPorts',
            port,
            `also a listen port of load balancer '${other}'`,
            'give the listeners of each load balancer their own bootstrap and advertised ports, or different ' +
              'listenAddress values',
          ),
        });
      } else {
        listening.set(key, m.spec.id);
      }
    }
  });
  return out;
}

/**
 * External-host load balancers of an app write their files into one folder, named by base name:
 * two with one base name (one cluster name in two namespaces) would overwrite each other.
 * `paths` name the load balancers in findings.
 */
export function fileNamesAcross(
  models: readonly LoadBalancerModel[],
  paths: readonly string[],
): { index: number; finding: Finding }[] {
  const byName = new Map<string, number[]>();
  models.forEach((m, i) => {
    if (m.spec.externalHost) byName.set(m.baseName, [...(byName.get(m.baseName) ?? []), i]);
  });
  return [...byName.entries()]
    .filter(([, indexes]) => indexes.length > 1)
    .flatMap(([name, indexes]) =>
      indexes.map((index) => ({
        index,
        finding: finding(
          RULES.lbFileNamesUnique,
          'files',
          `${name}.*.conf`,
          `load balancer ${indexes
            .filter((i) => i !== index)
            .map((i) => paths[i])
            .join(', ')} writes files of these names too (every chart of an app writes into one folder)`,
          'give the clusters (clusterName) or listeners (name) of these load balancers distinct names',
        ),
      })),
    );
}

/** A load balancer forwards to the NodePorts this app pins: a cluster managed elsewhere has none here. */
export function servedClusterFindings(clusterName: string): Finding[] {
  const why = 'the cluster is managed elsewhere; a load balancer needs the node IDs and NodePorts this app pins';
  return [
    finding(
      RULES.propType,
      'cluster',
      clusterName,
      why,
      'create the load balancer in the app that defines the cluster',
    ),
  ];
}

/**
 * An in-cluster NodePort Service exposes its listen ports as NodePorts: none may be a broker's (of
 * any cluster; `taken` names each) nor another load balancer's. Findings by the load balancer's index.
 */
export function nodePortsDisjointFindings(
  taken: ReadonlyMap<number, string>,
  lbs: readonly { readonly path: string; readonly listenPorts: readonly number[] }[],
): { index: number; finding: Finding }[] {
  const used = new Map(taken);
  const out: { index: number; finding: Finding }[] = [];
  lbs.forEach((lb, index) => {
    for (const port of new Set(lb.listenPorts)) {
      const other = used.get(port);
      if (other === undefined) {
        used.set(port, `a port of load balancer ${lb.path}`);
        continue;
      }
      const why = `the Service would take NodePort ${port}, which is ${other}`;
      const fix =
        "give the load balancer (bootstrapPort, advertisedPortBase) ports outside the brokers' NodePorts, " +
        "or use serviceType 'LoadBalancer'";
      out.push({ index, finding: finding(RULES.lbNodePortsDisjoint, 'listenPorts', port, why, fix) });
    }
  });
  return out;
}
