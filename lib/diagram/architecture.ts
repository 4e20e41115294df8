/**
 * Architecture diagrams: a pure renderer from plain data to `ARCHITECTURE.md`, a Mermaid
 * flowchart per cluster (clients -> load balancer ports -> worker NodePorts -> per-broker
 * Services -> broker pods) and a table with every broker's path. Byte-deterministic: every list
 * is sorted here, whatever order the input has.
 */
import { podName } from '../core/names';
import {
  RoutedListenerArchitecture,
  routedListenerPaths,
  routedListenerRows,
  routedListenerServices,
} from './external';

/** One node pool. */
export interface PoolArchitecture {
  readonly name: string;
  /** `broker`, `controller` or both. */
  readonly roles: readonly string[];
  readonly nodeIds: readonly number[];
}

/** Where one broker is reached from outside, hop by hop. */
export interface BrokerPathArchitecture {
  readonly nodeId: number;
  readonly pool: string;
  readonly advertisedHost: string;
  readonly advertisedPort: number;
  /** Port the load balancer listens on for this broker; undefined without a load balancer. */
  readonly loadBalancerPort?: number;
  readonly nodePort: number;
  /** The per-broker Service of the listener. */
  readonly serviceName: string;
  readonly podName: string;
}

/** The load balancer in front of a listener. */
export interface LoadBalancerArchitecture {
  /** Its name (file base name or Deployment name). */
  readonly name: string;
  /**
   * `external-host`: nginx outside the cluster forwarding to the NodePorts of `workers`;
   * `in-cluster`: nginx in the cluster forwarding to the per-broker Services.
   */
  readonly shape: 'external-host' | 'in-cluster';
  /** Worker addresses (external-host shape). */
  readonly workers: readonly string[];
}

/** One external listener with per-broker addresses. */
export interface ExternalListenerArchitecture {
  readonly name: string;
  /** Listener port inside the cluster. */
  readonly port: number;
  readonly tls: boolean;
  readonly bootstrap: {
    readonly advertisedHost: string;
    /** Port clients bootstrap from (the load balancer's, when there is one). */
    readonly port: number;
    readonly nodePort: number;
    readonly serviceName: string;
  };
  readonly brokers: readonly BrokerPathArchitecture[];
  readonly loadBalancer?: LoadBalancerArchitecture;
}

/** A client of a cluster (KafkaConnect, KafkaMirrorMaker2, KafkaBridge, KafkaClient) and the listener it uses. */
export interface ClientArchitecture {
  /** `KafkaBridge`, `KafkaConnect`, `KafkaClient`, ... */
  readonly kind: string;
  /** Its resource name (with the side for MirrorMaker 2, e.g. `mirror target`). */
  readonly name: string;
  readonly namespace?: string;
  readonly listener: string;
  /** The listener's port. */
  readonly port: number;
  readonly tls: boolean;
  /** The listener's authentication type, when it authenticates. */
  readonly authentication?: string;
  /** `internal` (a Service in the cluster's namespace) or `external` (advertised addresses). */
  readonly reach: 'internal' | 'external';
  readonly bootstrapServers: string;
  /** The KafkaUser it authenticates as. */
  readonly user?: string;
  /** The Secret with the CA certificate it trusts, in its namespace. */
  readonly caSecret?: string;
  /** What it serves metrics with, on which ports, and the PodMonitors of the app that scrape it. */
  readonly metrics?: {
    readonly how: string;
    readonly ports: readonly string[];
    readonly scrapedBy: readonly string[];
  };
}

/** What of a cluster serves metrics, and the PodMonitors of the app that scrape it. */
export interface MetricsArchitecture {
  /** Each component that serves metrics: how, on which port. */
  readonly exporters: readonly {
    readonly component: 'kafka' | 'cruise-control' | 'kafka-exporter' | 'entity-operator';
    /** E.g. `JMX Prometheus Exporter`. */
    readonly how: string;
    readonly ports: readonly string[];
  }[];
  /** PodMonitors of the app that select the cluster's pods: name, what they select, the ports they scrape. */
  readonly podMonitors: readonly {
    readonly name: string;
    readonly components: readonly MetricsArchitecture['exporters'][number]['component'][];
    readonly ports: readonly string[];
  }[];
}

/** One Kafka cluster. */
export interface ClusterArchitecture {
  readonly name: string;
  readonly namespace?: string;
  /** E.g. `Strimzi 0.43.0, Kafka 3.7.1`. */
  readonly description?: string;
  readonly pools: readonly PoolArchitecture[];
  readonly externalListeners: readonly ExternalListenerArchitecture[];
  /** Listeners of type loadbalancer, ingress, route and cluster-ip with per-broker addresses. */
  readonly routedListeners?: readonly RoutedListenerArchitecture[];
  /** The clients of this app that connect to the cluster. */
  readonly clients?: readonly ClientArchitecture[];
  /** Metrics and who scrapes them; undefined: the cluster serves none (but its entity operator's). */
  readonly metrics?: MetricsArchitecture;
}

/** The Strimzi cluster operator. */
export interface OperatorArchitecture {
  readonly namespace: string;
  /** Namespaces it watches; `['*']` for all. */
  readonly watchedNamespaces: readonly string[];
}

/** Everything the diagram shows: plain data, no constructs. */
export interface ArchitectureInput {
  /** Title of the document (e.g. the app name). */
  readonly title: string;
  readonly clusters: readonly ClusterArchitecture[];
  readonly operator?: OperatorArchitecture;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// created on first use: the first Intl.Collator costs milliseconds, and loading the library must not pay them
let collator: Intl.Collator | undefined;
const natural = (a: string, b: string) => (collator ??= new Intl.Collator('en', { numeric: true })).compare(a, b);
/** A Mermaid node ID: letters, digits and `_` only. */
const id = (...parts: (string | number)[]) => parts.map((p) => String(p).replace(/[^A-Za-z0-9]/g, '_')).join('_');
/** A quoted Mermaid label. */
const label = (text: string) => `"${text.replace(/"/g, '#quot;')}"`;
const hostPort = (host: string, port: number) => `${host.includes(':') ? `[${host}]` : host}:${port}`;
const md = (text: string) => text.replace(/\|/g, '\\|');

const poolRoles = (p: PoolArchitecture) => [...p.roles].sort().join(' + ');
const pod = (nodeId: number) => id('pod', nodeId);
type ListenerArchitecture = ClusterArchitecture['externalListeners'][number];

/** The Mermaid flowchart of one cluster (without the code fence). */
export function renderClusterDiagram(cluster: ClusterArchitecture, operator?: OperatorArchitecture): string {
  const lines = ['flowchart LR'];
  const edges: string[] = [];
  const pools = [...cluster.pools].sort((a, b) => cmp(a.name, b.name));
  const listeners = [...cluster.externalListeners].sort((a, b) => a.port - b.port);
  const ns = cluster.namespace ?? 'default';

  const routed = [...(cluster.routedListeners ?? [])].sort((a, b) => a.port - b.port);
  if (listeners.length + routed.length > 0) lines.push(`  clients([${label('Kafka clients')}])`);
  listeners.forEach((l, li) => listenerPaths(l, li, ns, lines, edges));
  routed.forEach((l) => routedListenerPaths(l, lines, edges));
  namespaceBlock(cluster, ns, listeners, pools, lines);
  clientPaths(cluster, listeners, pools, lines, edges);
  if (cluster.metrics) metricsEdges(cluster.metrics, pools, lines, edges);
  // brokers talk to the controller quorum
  const controllers = pools.filter((p) => p.roles.includes('controller'));
  for (const p of pools.filter((x) => x.roles.includes('broker'))) {
    for (const c of controllers.filter((x) => x.name !== p.name))
      edges.push(`  ${id('pool', p.name)} -.->|${label('KRaft metadata')}| ${id('pool', c.name)}`);
  }
  if (operator && (operator.watchedNamespaces.includes('*') || operator.watchedNamespaces.includes(ns))) {
    const watched = [...operator.watchedNamespaces].sort().join(', ');
    const watches = watched === '*' ? 'all namespaces' : watched;
    lines.push(
      `  operator{{${label(`Strimzi cluster operator<br/>namespace ${operator.namespace}<br/>watches ${watches}`)}}}`,
    );
    edges.push(`  operator -.->|${label('reconciles')}| ${id('ns', ns)}`);
  }
  return `${[...lines, ...edges].join('\n')}\n`;
}

/** The load balancer and NodePorts of one listener, and the edges from the clients to every broker's Service. */
function listenerPaths(l: ListenerArchitecture, li: number, ns: string, lines: string[], edges: string[]): void {
  const brokers = [...l.brokers].sort((a, b) => a.nodeId - b.nodeId);
  const lb = l.loadBalancer;
  const lbNode = (port: number) => id('lb', li, port);
  const npNode = (port: number) => id('np', li, port);
  if (lb) {
    const where = lb.shape === 'external-host' ? 'nginx outside the cluster' : `nginx Deployment ${lb.name} in ${ns}`;
    lines.push(`  subgraph ${id('lb', li)}[${label(`load balancer ${lb.name} (${where})`)}]`);
    lines.push(`    ${lbNode(l.bootstrap.port)}[${label(`:${l.bootstrap.port} bootstrap`)}]`);
    for (const b of brokers)
      if (b.loadBalancerPort !== undefined)
        lines.push(`    ${lbNode(b.loadBalancerPort)}[${label(`:${b.loadBalancerPort} broker ${b.nodeId}`)}]`);
    lines.push('  end');
  }
  const viaNodePorts = !lb || lb.shape === 'external-host';
  if (viaNodePorts) {
    const workers = [...(lb?.workers ?? [])].sort(natural);
    const title = workers.length > 0 ? `worker nodes ${workers.join(', ')}` : 'worker nodes';
    lines.push(`  subgraph ${id('workers', li)}[${label(`${title}: listener ${l.name} NodePorts`)}]`);
    lines.push(`    ${npNode(l.bootstrap.nodePort)}[${label(`NodePort ${l.bootstrap.nodePort}`)}]`);
    for (const b of brokers) lines.push(`    ${npNode(b.nodePort)}[${label(`NodePort ${b.nodePort}`)}]`);
    lines.push('  end');
  }
  // client edges and the path of the bootstrap and every broker
  const path = (advertised: string, lbPort: number | undefined, nodePort: number, service: string) => {
    const first =
      lb && lbPort !== undefined ? lbNode(lbPort) : viaNodePorts ? npNode(nodePort) : id('svc', li, service);
    edges.push(`  clients -->|${label(advertised)}| ${first}`);
    if (lb && lbPort !== undefined && viaNodePorts) edges.push(`  ${lbNode(lbPort)} --> ${npNode(nodePort)}`);
    if (lb && lbPort !== undefined && !viaNodePorts)
      edges.push(`  ${lbNode(lbPort)} -->|${label(`port ${l.port}`)}| ${id('svc', li, service)}`);
    if (viaNodePorts) edges.push(`  ${npNode(nodePort)} --> ${id('svc', li, service)}`);
  };
  path(
    hostPort(l.bootstrap.advertisedHost, l.bootstrap.port),
    lb ? l.bootstrap.port : undefined,
    l.bootstrap.nodePort,
    l.bootstrap.serviceName,
  );
  for (const b of brokers) {
    path(hostPort(b.advertisedHost, b.advertisedPort), b.loadBalancerPort, b.nodePort, b.serviceName);
    edges.push(`  ${id('svc', li, b.serviceName)} --> ${pod(b.nodeId)}`);
  }
  for (const b of brokers) edges.push(`  ${id('svc', li, l.bootstrap.serviceName)} -.-> ${pod(b.nodeId)}`);
}

const sortedClients = (c: ClusterArchitecture) =>
  [...(c.clients ?? [])].sort((a, b) =>
    cmp(`${a.kind}/${a.namespace ?? ''}/${a.name}`, `${b.kind}/${b.namespace ?? ''}/${b.name}`),
  );
const security = (c: { tls: boolean; authentication?: string }) =>
  [c.tls ? 'TLS' : 'plain', c.authentication ? `${c.authentication} auth` : 'no auth'].join(', ');

/** The internal listeners the app's clients use, one client each (for the port and security), by port. */
function internalClientListeners(cluster: ClusterArchitecture): ClientArchitecture[] {
  const internal = sortedClients(cluster).filter((c) => c.reach === 'internal');
  return [...new Map(internal.map((c) => [c.listener, c])).values()].sort((a, b) => a.port - b.port);
}

/**
 * The app's clients of the cluster, each with its arrow to the listener it uses: an internal
 * listener's bootstrap Service (drawn in the cluster's namespace, reaching the broker pools), or an
 * external listener's bootstrap Service.
 */
function clientPaths(
  cluster: ClusterArchitecture,
  listeners: readonly ListenerArchitecture[],
  pools: readonly PoolArchitecture[],
  lines: string[],
  edges: string[],
): void {
  const clients = sortedClients(cluster);
  for (const c of internalClientListeners(cluster)) {
    for (const p of pools.filter((x) => x.roles.includes('broker')))
      edges.push(`  ${id('listener', c.listener)} -.-> ${id('pool', p.name)}`);
  }
  clients.forEach((c, i) => {
    const m = c.metrics ? `<br/>${c.metrics.how} :${c.metrics.ports.join(', :')}` : '';
    const who = `${c.kind} ${c.namespace ? `${c.namespace}/` : ''}${c.name}${c.user ? `<br/>user ${c.user}` : ''}${m}`;
    lines.push(`  ${id('client', i)}([${label(who)}])`);
    for (const pm of [...(c.metrics?.scrapedBy ?? [])].sort()) {
      if (!lines.includes(PROMETHEUS)) lines.push(PROMETHEUS);
      edges.push(`  prometheus -.->|${label(`PodMonitor ${pm} :${c.metrics!.ports.join(', :')}`)}| ${id('client', i)}`);
    }
    const li = listeners.findIndex((l) => l.name === c.listener);
    const target =
      c.reach === 'internal' || li < 0
        ? id('listener', c.listener)
        : id('svc', li, listeners[li].bootstrap.serviceName);
    edges.push(`  ${id('client', i)} -->|${label(`${c.listener} :${c.port}`)}| ${target}`);
  });
}

/** The clients table of one cluster (Markdown). */
export function renderClientTable(cluster: ClusterArchitecture): string {
  const rows = [
    '| Client | Namespace | Listener | Bootstrap | Security | User | Trusts |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const c of sortedClients(cluster)) {
    rows.push(
      `| ${c.kind} ${md(c.name)} | ${c.namespace ?? ''} | ${c.listener} :${c.port} | ${md(c.bootstrapServers)} | ` +
        `${security(c)} | ${c.user ?? ''} | ${c.caSecret ?? ''} |`,
    );
  }
  return `${rows.join('\n')}\n`;
}

/** The metrics of the app's clients of one cluster (Markdown): how, on which port, and which PodMonitor scrapes it. */
export function renderClientMetricsTable(cluster: ClusterArchitecture): string {
  const rows = ['| Client | Namespace | Metrics | Port | Scraped by |', '|---|---|---|---|---|'];
  for (const c of sortedClients(cluster)) {
    if (!c.metrics) continue;
    const by = [...c.metrics.scrapedBy].sort().map((pm) => `PodMonitor ${pm}`);
    rows.push(
      `| ${c.kind} ${md(c.name)} | ${c.namespace ?? ''} | ${c.metrics.how} | ${c.metrics.ports.join(', ')} | ` +
        `${by.join(', ') || 'none'} |`,
    );
  }
  return `${rows.join('\n')}\n`;
}

/** The cluster's namespace: the listeners' Services and the pools with their pods. */
function namespaceBlock(
  cluster: ClusterArchitecture,
  ns: string,
  listeners: readonly ListenerArchitecture[],
  pools: readonly PoolArchitecture[],
  lines: string[],
): void {
  lines.push(`  subgraph ${id('ns', ns)}[${label(`namespace ${ns}: Kafka ${cluster.name}`)}]`);
  listeners.forEach((l, li) => {
    const tls = l.tls ? ', TLS' : '';
    const bootstrapLabel = label(`Service ${l.bootstrap.serviceName}<br/>listener ${l.name} :${l.port}${tls}`);
    lines.push(`    ${id('svc', li, l.bootstrap.serviceName)}[${bootstrapLabel}]`);
    for (const b of [...l.brokers].sort((a, b2) => a.nodeId - b2.nodeId))
      lines.push(`    ${id('svc', li, b.serviceName)}[${label(`Service ${b.serviceName}`)}]`);
  });
  for (const l of [...(cluster.routedListeners ?? [])].sort((a, b) => a.port - b.port))
    routedListenerServices(l, lines);
  for (const c of internalClientListeners(cluster)) {
    const service = c.bootstrapServers.split(':')[0].split('.')[0];
    const text = `Service ${service}<br/>listener ${c.listener} :${c.port}, ${security(c)}`;
    lines.push(`    ${id('listener', c.listener)}[${label(text)}]`);
  }
  for (const p of pools) {
    lines.push(`    subgraph ${id('pool', p.name)}[${label(`pool ${p.name}: ${poolRoles(p)}`)}]`);
    for (const n of [...p.nodeIds].sort((a, b) => a - b)) {
      lines.push(`      ${pod(n)}[(${label(`${podName(cluster.name, p.name, n)}<br/>node ${n}, ${poolRoles(p)}`)})]`);
    }
    lines.push('    end');
  }
  for (const e of [...(cluster.metrics?.exporters ?? [])].sort((a, b) => cmp(a.component, b.component))) {
    if (e.component === 'kafka') continue;
    const text = `${COMPONENT_LABEL[e.component]}<br/>${e.how} :${e.ports.join(', :')}`;
    lines.push(`    ${id('metrics', e.component)}[(${label(text)})]`);
  }
  lines.push('  end');
}

const COMPONENT_LABEL = {
  'kafka': 'brokers and controllers',
  'cruise-control': 'Cruise Control',
  'kafka-exporter': 'Kafka Exporter',
  'entity-operator': 'entity operator',
} as const;

const PROMETHEUS = `  prometheus([${label('Prometheus (prometheus-operator)')}])`;

/** Prometheus and an edge per PodMonitor to each component it scrapes (the pools for brokers and controllers). */
function metricsEdges(
  m: MetricsArchitecture,
  pools: readonly PoolArchitecture[],
  lines: string[],
  edges: string[],
): void {
  const monitors = [...m.podMonitors].sort((a, b) => cmp(a.name, b.name));
  if (monitors.length === 0) return;
  if (!lines.includes(PROMETHEUS)) lines.push(PROMETHEUS);
  for (const pm of monitors) {
    const via = label(`PodMonitor ${pm.name} :${[...pm.ports].sort().join(', :')}`);
    for (const c of [...pm.components].sort()) {
      const targets = c === 'kafka' ? pools.map((p) => id('pool', p.name)) : [id('metrics', c)];
      for (const t of targets) edges.push(`  prometheus -.->|${via}| ${t}`);
    }
  }
}

/** The metrics table of one cluster (Markdown): what serves metrics, how, and which PodMonitor scrapes it. */
export function renderMetricsTable(m: MetricsArchitecture): string {
  const rows = ['| Component | Metrics | Port | Scraped by |', '|---|---|---|---|'];
  for (const e of [...m.exporters].sort((a, b) => cmp(a.component, b.component))) {
    const by = m.podMonitors.filter((pm) => pm.components.includes(e.component)).map((pm) => `PodMonitor ${pm.name}`);
    rows.push(
      `| ${COMPONENT_LABEL[e.component]} | ${e.how} | ${e.ports.join(', ')} | ${by.sort().join(', ') || 'none'} |`,
    );
  }
  return `${rows.join('\n')}\n`;
}

/** The broker path table of one cluster (Markdown). */
export function renderPathTable(cluster: ClusterArchitecture): string {
  const rows = [
    '| Listener | Node | Pool | Advertised | Load balancer | NodePort | Service | Pod |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const l of [...cluster.externalListeners].sort((a, b) => a.port - b.port)) {
    const lb = l.loadBalancer;
    const lbCell = (port: number | undefined) =>
      lb && port !== undefined
        ? `${lb.name} :${port}${lb.shape === 'in-cluster' ? ` -> Service port ${l.port}` : ''}`
        : 'none';
    const np = (port: number) => (lb?.shape === 'in-cluster' ? `${port} (not on this path)` : String(port));
    rows.push(
      `| ${l.name} | bootstrap | | ${md(hostPort(l.bootstrap.advertisedHost, l.bootstrap.port))} | ` +
        `${lbCell(lb ? l.bootstrap.port : undefined)} | ${np(l.bootstrap.nodePort)} | ` +
        `${l.bootstrap.serviceName} | every broker |`,
    );
    for (const b of [...l.brokers].sort((a, c) => a.nodeId - c.nodeId)) {
      rows.push(
        `| ${l.name} | ${b.nodeId} | ${b.pool} | ${md(hostPort(b.advertisedHost, b.advertisedPort))} | ` +
          `${lbCell(b.loadBalancerPort)} | ${np(b.nodePort)} | ${b.serviceName} | ${b.podName} |`,
      );
    }
  }
  for (const l of [...(cluster.routedListeners ?? [])].sort((a, b) => a.port - b.port))
    rows.push(...routedListenerRows(l));
  return `${rows.join('\n')}\n`;
}

/** `ARCHITECTURE.md`: per cluster, its diagram and its broker path table. */
export function renderArchitecture(input: ArchitectureInput): string {
  const out = [
    `# Architecture: ${input.title}`,
    '',
    'Generated by cdk8s-strimzi-kraft from the cluster model. Do not edit; re-synthesize.',
    '',
  ];
  if (input.operator) {
    out.push(
      `Strimzi cluster operator in namespace \`${input.operator.namespace}\`, watching ${
        input.operator.watchedNamespaces.includes('*')
          ? 'all namespaces'
          : [...input.operator.watchedNamespaces]
              .sort()
              .map((n) => `\`${n}\``)
              .join(', ')
      }.`,
      '',
    );
  }
  const clusters = [...input.clusters].sort((a, b) =>
    cmp(`${a.namespace ?? ''}/${a.name}`, `${b.namespace ?? ''}/${b.name}`),
  );
  if (clusters.length === 0) out.push('No Kafka cluster.', '');
  for (const c of clusters) {
    out.push(`## Kafka ${c.namespace ? `${c.namespace}/` : ''}${c.name}`, '');
    if (c.description) out.push(`${c.description}.`, '');
    out.push('```mermaid', renderClusterDiagram(c, input.operator).trimEnd(), '```', '');
    if (c.externalListeners.length + (c.routedListeners?.length ?? 0) > 0) {
      out.push('Every external address, hop by hop:', '', renderPathTable(c).trimEnd(), '');
    } else {
      out.push('No external listener: clients reach the cluster from inside Kubernetes only.', '');
    }
    if ((c.clients ?? []).length > 0) {
      out.push('Clients of this app and the listener each uses:', '', renderClientTable(c).trimEnd(), '');
    }
    if (c.metrics) out.push('Metrics, and who scrapes them:', '', renderMetricsTable(c.metrics).trimEnd(), '');
    if ((c.clients ?? []).some((x) => x.metrics)) {
      out.push('Metrics of the clients, and who scrapes them:', '', renderClientMetricsTable(c).trimEnd(), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
