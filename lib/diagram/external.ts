/**
 * The diagram of `loadbalancer`, `ingress`, `route` and `cluster-ip` listeners: per broker, the
 * advertised address -> the hop of the type (Ingress or Route host by SNI, the broker's own
 * LoadBalancer Service, or the proxy in front of a ClusterIP Service) -> the broker's Service -> its
 * pod. Plain data in, Mermaid lines and table rows out, sorted here.
 */

/** One broker of such a listener. */
export interface RoutedBrokerArchitecture {
  readonly nodeId: number;
  readonly pool: string;
  /** `host:port`, or `<assigned at apply>:port`. */
  readonly advertised: string;
  /** The hop between the client and the Service, e.g. `Ingress broker-0.kafka.example.com (SNI)`. */
  readonly hop: string;
  readonly serviceName: string;
  readonly podName: string;
}

/** A listener of type loadbalancer, ingress, route or cluster-ip with per-broker addresses. */
export interface RoutedListenerArchitecture {
  readonly name: string;
  readonly type: string;
  readonly port: number;
  readonly tls: boolean;
  readonly bootstrap: { readonly advertised: string; readonly hop: string; readonly serviceName: string };
  readonly brokers: readonly RoutedBrokerArchitecture[];
}

const id = (...parts: (string | number)[]) => parts.map((p) => String(p).replace(/[^A-Za-z0-9]/g, '_')).join('_');
const label = (text: string) => `"${text.replace(/"/g, '#quot;')}"`;
const md = (text: string) => text.replace(/\|/g, '\\|');
const byNode = <T extends { nodeId: number }>(xs: readonly T[]) => [...xs].sort((a, b) => a.nodeId - b.nodeId);

/** The hop nodes of one listener (outside the namespace) and the edges to its Services and pods. */
export function routedListenerPaths(l: RoutedListenerArchitecture, lines: string[], edges: string[]): void {
  const key = id('rl', l.name);
  lines.push(`  subgraph ${key}[${label(`listener ${l.name}: ${l.type}${l.tls ? ', TLS' : ''}`)}]`);
  lines.push(`    ${id(key, 'bootstrap')}[${label(l.bootstrap.hop)}]`);
  for (const b of byNode(l.brokers)) lines.push(`    ${id(key, b.nodeId)}[${label(b.hop)}]`);
  lines.push('  end');
  edges.push(`  clients -->|${label(l.bootstrap.advertised)}| ${id(key, 'bootstrap')}`);
  edges.push(`  ${id(key, 'bootstrap')} --> ${id('rsvc', l.name, l.bootstrap.serviceName)}`);
  for (const b of byNode(l.brokers)) {
    edges.push(`  clients -->|${label(b.advertised)}| ${id(key, b.nodeId)}`);
    edges.push(`  ${id(key, b.nodeId)} --> ${id('rsvc', l.name, b.serviceName)}`);
    edges.push(`  ${id('rsvc', l.name, b.serviceName)} --> ${id('pod', b.nodeId)}`);
    edges.push(`  ${id('rsvc', l.name, l.bootstrap.serviceName)} -.-> ${id('pod', b.nodeId)}`);
  }
}

/** The Services of one listener, inside the namespace block. */
export function routedListenerServices(l: RoutedListenerArchitecture, lines: string[]): void {
  const bootstrap = label(
    `Service ${l.bootstrap.serviceName}<br/>listener ${l.name} :${l.port}${l.tls ? ', TLS' : ''}`,
  );
  lines.push(`    ${id('rsvc', l.name, l.bootstrap.serviceName)}[${bootstrap}]`);
  for (const b of byNode(l.brokers))
    lines.push(`    ${id('rsvc', l.name, b.serviceName)}[${label(`Service ${b.serviceName}`)}]`);
}

/** The rows of the broker path table for one listener (the NodePort column says none). */
export function routedListenerRows(l: RoutedListenerArchitecture): string[] {
  return [
    `| ${l.name} | bootstrap | | ${md(l.bootstrap.advertised)} | ${md(l.bootstrap.hop)} | none | ` +
      `${l.bootstrap.serviceName} | every broker |`,
    ...byNode(l.brokers).map(
      (b) =>
        `| ${l.name} | ${b.nodeId} | ${b.pool} | ${md(b.advertised)} | ${md(b.hop)} | none | ${b.serviceName} | ` +
        `${b.podName} |`,
    ),
  ];
}
