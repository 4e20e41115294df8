/**
 * Names of the Services the Strimzi operator creates for a listener with its own Services
 * (nodeport, loadbalancer, ...), as `ListenersUtils` in the operator computes them: a listener
 * named `external` on port 9094 keeps the pre-0.20 names.
 */
function isLegacyExternal(listener: { name: string; port: number }): boolean {
  return listener.name === 'external' && listener.port === 9094;
}

/** The bootstrap Service of an external listener. */
export function bootstrapServiceName(cluster: string, listener: { name: string; port: number }): string {
  return isLegacyExternal(listener)
    ? `${cluster}-kafka-external-bootstrap`
    : `${cluster}-kafka-${listener.name}-bootstrap`;
}

/** The per-broker Service of an external listener, for a broker of a node pool. */
export function brokerServiceName(
  cluster: string,
  pool: string,
  nodeId: number,
  listener: { name: string; port: number },
): string {
  const base = `${cluster}-${pool}`;
  return isLegacyExternal(listener) ? `${base}-${nodeId}` : `${base}-${listener.name}-${nodeId}`;
}

/** The bootstrap Service every cluster has for its internal listeners. */
export function internalBootstrapServiceName(cluster: string): string {
  return `${cluster}-kafka-bootstrap`;
}

/** The headless Service of every cluster's brokers (per-pod DNS of the `internal` listener type). */
export function headlessServiceName(cluster: string): string {
  return `${cluster}-kafka-brokers`;
}

/** The pod (and host) name of a node: `<cluster>-<pool>-<node ID>`, as the operator names StrimziPodSet pods. */
export function podName(cluster: string, pool: string, nodeId: number): string {
  return `${cluster}-${pool}-${nodeId}`;
}
