/**
 * Who a TLS listener's certificate belongs to. Strimzi issues every broker its own certificate
 * from the cluster CA, with the pod's in-cluster DNS name among the subject alternative names:
 * `<cluster>-<pool>-<node ID>.<cluster>-kafka-brokers.<namespace>.svc`. That name says which
 * broker answered a connection without any request the user must be allowed to make.
 */

/** The broker a certificate was issued to. */
export interface CertificateIdentity {
  readonly cluster: string;
  readonly namespace: string;
  readonly pool: string;
  readonly nodeId: number;
  /** `<cluster>-<pool>-<node ID>`. */
  readonly podName: string;
}

/** The DNS names of Node's `subjectaltname` text (`DNS:a, DNS:b, IP Address:1.2.3.4`). */
export function dnsNames(subjectAltName: string | undefined): string[] {
  return (subjectAltName ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('DNS:'))
    .map((s) => s.slice(4).toLowerCase());
}

const POD_NAME =
  /^([a-z0-9]([a-z0-9-]*[a-z0-9])?)-(\d+)\.([a-z0-9]([a-z0-9-]*[a-z0-9])?)-kafka-brokers\.([a-z0-9-]+)\.svc(\..*)?$/;

/** The Strimzi broker a certificate's names identify; undefined for any other certificate. */
export function certificateIdentity(subjectAltName: string | undefined): CertificateIdentity | undefined {
  for (const name of dnsNames(subjectAltName)) {
    const m = POD_NAME.exec(name);
    if (!m) continue;
    const [, prefix, , id, cluster, , namespace] = m;
    if (!prefix.startsWith(`${cluster}-`) || prefix.length <= cluster.length + 1) continue;
    return {
      cluster,
      namespace,
      pool: prefix.slice(cluster.length + 1),
      nodeId: Number(id),
      podName: `${prefix}-${id}`,
    };
  }
  return undefined;
}
