/**
 * The client block of a Strimzi resource (KafkaConnect, KafkaMirrorMaker2 clusters, KafkaBridge):
 * `bootstrapServers`, `tls.trustedCertificates` and `authentication`, rendered from a client's
 * wiring (model/client.ts), the same for every kind.
 */
import type { ClientRack, ClientWiring } from '../../model/client';
import { compareVersions } from '../../core/release';

/** The TLS, authentication and address of a Strimzi client resource. */
export interface StrimziClientBlock {
  readonly bootstrapServers: string;
  readonly tls?: { readonly trustedCertificates: readonly Record<string, string>[] };
  readonly authentication?: Record<string, unknown>;
}

/** `pattern` in trustedCertificates is served from Strimzi 0.42.0 (CRDs); `*.crt` also trusts a renewed CA. */
const PATTERN_FROM = '0.42.0';

/** The Strimzi client block of a wiring, for a release. */
export function strimziClientBlock(w: ClientWiring, release: string): StrimziClientBlock {
  const c = w.credentials;
  const trusted: Record<string, string> =
    compareVersions(release, PATTERN_FROM) >= 0 ? { pattern: '*.crt' } : { certificate: 'ca.crt' };
  return {
    bootstrapServers: w.bootstrapServers,
    tls: w.caSecret ? { trustedCertificates: [{ secretName: w.caSecret, ...trusted }] } : undefined,
    authentication:
      c?.type === 'scram-sha-512'
        ? {
            type: 'scram-sha-512',
            username: c.userName,
            passwordSecret: { secretName: c.secretName, password: c.passwordKey ?? 'password' },
          }
        : c?.type === 'tls'
          ? { type: 'tls', certificateAndKey: { secretName: c.secretName, certificate: 'user.crt', key: 'user.key' } }
          : undefined,
  };
}

/** `spec.rack` of a client's pods, written as the brokers' `kafka.rack` is (`type` only for the variable). */
export function strimziClientRack(r: ClientRack): Record<string, string | undefined> {
  return r.type === 'topology-label'
    ? { topologyKey: r.topologyKey }
    : { type: r.type, envVarName: r.envVarName, topologyKey: r.topologyKey };
}
