/**
 * What an app's output folder says about reaching one listener: the client connection files
 * (`<user>.client.json`), the Kafka listeners (TLS, authentication, bootstrap alternative names)
 * and the load-balancer line of the bootstrap. The online doctor names these in its fixes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ManifestObject } from './manifest-facts';
import { DoctorReport } from './offline';

/** One listener of one `Kafka`, as the manifests declare it. */
export interface ListenerFacts {
  readonly cluster: string;
  readonly namespace?: string;
  readonly listener: string;
  readonly type: string;
  readonly tls: boolean;
  /** `authentication.type`; undefined: none. */
  readonly authentication?: string;
  /** `configuration.bootstrap.alternativeNames`. */
  readonly alternativeNames: readonly string[];
  /** The Secret with the cluster CA certificate clients trust. */
  readonly caSecret: string;
  /** The load balancer's bootstrap line, e.g. `:9094 (dist/app/lb.nginx.conf:10)`. */
  readonly bootstrapLoadBalancer?: string;
}

/** One user's connection through one listener, from a client connection file. */
export interface ClientFacts {
  readonly file: string;
  readonly cluster: string;
  readonly namespace?: string;
  readonly user: string;
  readonly authentication: string;
  readonly listener: string;
  readonly bootstrapServers: string;
  readonly securityProtocol: string;
  readonly saslMechanism?: string;
  readonly userSecret?: string;
  readonly clusterCaSecret?: string;
}

/** Everything the online doctor may name from an app folder. */
export interface AppFacts {
  readonly listeners: readonly ListenerFacts[];
  readonly clients: readonly ClientFacts[];
}

/** The connections of one client connection file (every listener it names). */
export function readClientFile(file: string): ClientFacts[] {
  const c = JSON.parse(fs.readFileSync(file, 'utf-8'));
  const listeners: any[] = Array.isArray(c?.listeners) ? c.listeners : [];
  return listeners.map((l) => ({
    file,
    cluster: String(c.cluster),
    namespace: c.namespace,
    user: String(c.user),
    authentication: String(c.authentication),
    listener: String(l.listener),
    bootstrapServers: String(l.bootstrapServers),
    securityProtocol: String(l.securityProtocol),
    saslMechanism: l.saslMechanism,
    userSecret: l.userSecret?.name,
    clusterCaSecret: l.clusterCaSecret?.name,
  }));
}

/** The listeners of the manifests, with the bootstrap's load-balancer line from the offline report. */
export function listenerFacts(objects: readonly ManifestObject[], offline: DoctorReport): ListenerFacts[] {
  const kafkas = objects.filter((o) => o.kind === 'Kafka' && (o.apiVersion ?? '').startsWith('kafka.strimzi.io/'));
  return kafkas.flatMap((k) => {
    const cluster = k.metadata?.name ?? '';
    const namespace = k.metadata?.namespace;
    const label = `Kafka ${namespace ? `${namespace}/` : ''}${cluster}`;
    const listeners: any[] = Array.isArray(k.spec?.kafka?.listeners) ? k.spec.kafka.listeners : [];
    return listeners.map((l): ListenerFacts => {
      const chain = offline.chains.find((c) => c.cluster === label && c.listener === l.name && c.nodeId === undefined);
      const lb = chain?.links.find((x) => x.hop === 'load balancer' && x.ok && x.value !== 'none');
      const names = l.configuration?.bootstrap?.alternativeNames;
      return {
        cluster,
        namespace,
        listener: String(l.name),
        type: String(l.type),
        tls: l.tls === true,
        authentication: l.authentication?.type,
        alternativeNames: Array.isArray(names) ? names.map((n) => String(n).toLowerCase()) : [],
        caSecret: `${cluster}-cluster-ca-cert`,
        bootstrapLoadBalancer: lb?.value,
      };
    });
  });
}

/** The client connection files of files and folders (`*.client.json`). */
export function clientFiles(paths: readonly string[]): string[] {
  return paths
    .flatMap((p) =>
      fs.statSync(p).isDirectory()
        ? fs
            .readdirSync(p)
            .sort()
            .map((f) => path.join(p, f))
        : [p],
    )
    .filter((f) => f.endsWith('.client.json'));
}

/** The listener a bootstrap address reaches: by a client file's bootstrap, else by the load balancer's port. */
export function listenerOf(facts: AppFacts, bootstrap: string, client?: ClientFacts): ListenerFacts | undefined {
  const c = client ?? facts.clients.find((x) => x.bootstrapServers.toLowerCase() === bootstrap.toLowerCase());
  if (c) {
    const l = facts.listeners.find((x) => x.cluster === c.cluster && x.listener === c.listener);
    if (l) return l;
  }
  const port = bootstrap.split(':').pop();
  const byPort = facts.listeners.filter((l) => l.bootstrapLoadBalancer?.startsWith(`:${port} `));
  return byPort.length === 1 ? byPort[0] : undefined;
}
