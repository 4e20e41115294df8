/** Checks that need every cluster of an app: NodePorts and advertised addresses used twice. */
import { Finding, collector } from '../core/problem';
import { RULES } from '../rules';
import { ClusterModel } from './cluster';

/** One cluster as the app-wide checks see it. */
export interface AppCluster {
  /** How findings name the cluster (its construct path). */
  readonly label: string;
  readonly model: ClusterModel;
}

/** A finding of one listener of one cluster. */
export interface AppFinding extends Finding {
  /** Index into the clusters passed in. */
  readonly cluster: number;
  /** The listener at fault. */
  readonly listener: string;
}

/**
 * NodePorts and advertised addresses must be unique across the clusters of an app (they share the
 * Kubernetes cluster and the load balancer). One pass over every broker of every cluster.
 */
export function appFindings(clusters: readonly AppCluster[]): AppFinding[] {
  const out: AppFinding[] = [];
  const nodePorts = new Map<number, string>();
  const addresses = new Map<string, string>();
  clusters.forEach(({ label, model }, index) => {
    const ours = new Set<number>();
    const ourAddresses = new Set<string>();
    for (const { listener, brokers } of model.nodePortListeners) {
      const flag = collector((f) => out.push({ ...f, cluster: index, listener: listener.name }));
      const ports = [
        [listener.bootstrapNodePort, 'bootstrap'] as const,
        ...brokers.map((b) => [b.nodePort, `broker ${b.nodeId}`] as const),
      ];
      for (const [port, what] of ports) {
        const other = nodePorts.get(port);
        if (other !== undefined && !ours.has(port)) {
          flag(RULES.nodePortsUniqueInApp, what === 'bootstrap' ? 'bootstrapNodePort' : 'nodePortBase', port).says(
            `the NodePort of ${what} is also used by ${other}. Fix: give each cluster its own NodePort range ` +
              '(bootstrapNodePort and nodePortBase)',
          );
        }
        ours.add(port);
      }
      for (const b of brokers) {
        const address = `${b.advertisedHost}:${b.advertisedPort}`;
        const other = addresses.get(address);
        if (other !== undefined && !ourAddresses.has(address)) {
          flag(RULES.advertisedAddressUnique, `brokers[${b.nodeId}]`, address).says(
            `also advertised by ${other}. Fix: give each cluster its own advertised host or ports`,
          );
        }
        ourAddresses.add(address);
      }
    }
    ours.forEach((port) => nodePorts.has(port) || nodePorts.set(port, `cluster ${label}`));
    ourAddresses.forEach((a) => addresses.has(a) || addresses.set(a, `cluster ${label}`));
  });
  return out;
}
