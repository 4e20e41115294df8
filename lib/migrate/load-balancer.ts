/**
 * When the nginx files of a cluster's load balancer are given: the workers they forward to (each
 * once), for a `cluster.addLoadBalancer('lb', { shape: LoadBalancerShape.externalHost({ workers }) })`
 * that forwards the bootstrap and every broker. The library renders its nginx files next to the
 * YAML; the Kubernetes objects do not change.
 */
import * as path from 'path';
import type { NginxStreamFacts } from '../doctor/nginx-parse';
import { ClusterPlan, LoadBalancerPlan } from './plan';

/** The workers of every upstream or direct forward to one of these NodePorts, sorted, each once. */
function workersFor(nodePorts: ReadonlySet<number>, nginx: readonly NginxStreamFacts[]): string[] {
  const hosts = nginx.flatMap((n) => [
    ...n.upstreams.flatMap((u) => u.servers),
    ...n.servers.flatMap((s) => (s.target ? [s.target] : [])),
  ]);
  return [...new Set(hosts.filter((h) => nodePorts.has(h.port)).map((h) => h.host))].sort();
}

/** The load balancer of each nodeport listener whose NodePorts the nginx files forward to. */
export function loadBalancerPlans(cluster: ClusterPlan, nginx: readonly NginxStreamFacts[]): LoadBalancerPlan[] {
  const listeners = (cluster.props.nodePortListeners ?? []) as Record<string, unknown>[];
  return listeners.flatMap((l) => {
    if (l.externalTrafficPolicy === 'Local') return [];
    const ports = new Set([l.bootstrapNodePort as number]);
    const workers = workersFor(ports, nginx);
    if (workers.length === 0) return [];
    const name = String(l.name);
    const files = [...new Set(nginx.map((n) => path.basename(n.file)))].join(', ');
    return [
      {
        id: listeners.length === 1 ? 'lb' : `${name}-lb`,
        listener: listeners.length === 1 ? undefined : name,
        workers,
        note:
          `fixed: the load balancer of listener ${name} (${files}) is rendered from the cluster: the bootstrap ` +
          `and every broker's advertised port, each forwarded to its NodePort on ${workers.join(', ')} (each ` +
          'worker once; add the others of your cluster)',
      },
    ];
  });
}
