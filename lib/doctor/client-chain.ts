/**
 * The offline doctor's check of every client in the manifests (KafkaBridge, KafkaConnect, each
 * cluster of a KafkaMirrorMaker2): its bootstrap address resolves to a listener of a Kafka in the
 * output, it uses TLS exactly when that listener does and trusts the cluster CA, it authenticates
 * the way the listener does, and the Secret it names belongs to a KafkaUser of that type (or is a
 * declared copy of one). Pure functions over parsed YAML objects.
 */
import { bootstrapServiceName, internalBootstrapServiceName } from '../core/names';
import { COPIED_SECRETS_ANNOTATION } from '../model/client';
import type { ManifestObject } from './manifest-facts';

export { COPIED_SECRETS_ANNOTATION };

/** One client check (the same shape as the doctor's other checks). */
export interface ClientDoctorCheck {
  readonly id: string;
  readonly summary: string;
}

const check = (id: string, summary: string): ClientDoctorCheck => ({ id, summary });

/** The checks of clients; each client finding names one. */
export const CLIENT_DOCTOR_CHECKS = {
  clientBootstrap: check(
    'doctor-client-bootstrap',
    "A client's bootstrapServers name the bootstrap Service of a listener of a Kafka in the output, in its " +
      "namespace, on the listener's port",
  ),
  clientTls: check(
    'doctor-client-tls',
    'A client uses TLS exactly when its listener does, trusting `<kafka>-cluster-ca-cert` (or a declared copy)',
  ),
  clientAuthentication: check(
    'doctor-client-authentication',
    'A client authenticates the way its listener does (scram-sha-512 or tls), and not on a listener without ' +
      'authentication',
  ),
  clientUser: check(
    'doctor-client-user',
    "The Secret a client's authentication names is written for a KafkaUser of the listener's type and of that " +
      "cluster, in the client's namespace (or is a declared copy of one)",
  ),
} as const;

/** One break in a client's chain. */
export interface ClientDoctorFinding {
  readonly check: ClientDoctorCheck;
  /** `KafkaBridge <namespace>/<name>`, with the MirrorMaker 2 side. */
  readonly where: string;
  /** `bootstrap`, `tls`, `authentication`. */
  readonly subject: string;
  readonly message: string;
  readonly fix: string;
}

/** One link of a client's chain, as printed. */
export interface ClientChainLink {
  readonly hop: string;
  readonly value: string;
  readonly ok: boolean;
}

/** The chain of one client (one side of a MirrorMaker 2). */
export interface ClientChain {
  readonly client: string;
  readonly links: ClientChainLink[];
}

/** A listener of a Kafka in the output, as a client reaches it. */
interface KafkaListener {
  readonly cluster: string;
  readonly namespace?: string;
  readonly name: string;
  readonly port: number;
  readonly tls: boolean;
  readonly authentication?: string;
  /** Its bootstrap Service. */
  readonly service: string;
}

/** A client's connection block: a KafkaBridge's or KafkaConnect's spec, a MirrorMaker 2 cluster. */
interface ClientSide {
  readonly label: string;
  readonly namespace?: string;
  readonly block: any;
  /** Copy name -> `<namespace>/<original>`. */
  readonly copies: Readonly<Record<string, string>>;
}

const isStrimzi = (o: ManifestObject, kind: string) =>
  o.kind === kind && (o.apiVersion ?? '').startsWith('kafka.strimzi.io/');
const nsName = (namespace: string | undefined, name: string) => `${namespace ? `${namespace}/` : ''}${name}`;

/** Every listener of every Kafka, with its bootstrap Service. */
function kafkaListeners(objects: readonly ManifestObject[]): KafkaListener[] {
  return objects
    .filter((o) => isStrimzi(o, 'Kafka'))
    .flatMap((k) => {
      const cluster = k.metadata?.name ?? '';
      const listeners: any[] = Array.isArray(k.spec?.kafka?.listeners) ? k.spec.kafka.listeners : [];
      return listeners.map((l) => ({
        cluster,
        namespace: k.metadata?.namespace,
        name: String(l?.name),
        port: Number(l?.port),
        tls: l?.tls === true,
        authentication: l?.authentication?.type,
        service:
          l?.type === 'internal'
            ? internalBootstrapServiceName(cluster)
            : bootstrapServiceName(cluster, { name: String(l?.name), port: Number(l?.port) }),
      }));
    });
}

function copiesOf(o: ManifestObject): Record<string, string> {
  try {
    const v = JSON.parse(o.metadata?.annotations?.[COPIED_SECRETS_ANNOTATION] ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

/** The connection blocks of every client resource: KafkaBridge, KafkaConnect, and each MirrorMaker 2 cluster. */
function clientSides(objects: readonly ManifestObject[]): ClientSide[] {
  return objects.flatMap((o): ClientSide[] => {
    const label = `${o.kind} ${nsName(o.metadata?.namespace, o.metadata?.name ?? '')}`;
    const side = (block: any, what?: string): ClientSide => ({
      label: what ? `${label}, ${what}` : label,
      namespace: o.metadata?.namespace,
      block: block ?? {},
      copies: copiesOf(o),
    });
    if (isStrimzi(o, 'KafkaBridge') || isStrimzi(o, 'KafkaConnect')) return [side(o.spec)];
    if (!isStrimzi(o, 'KafkaMirrorMaker2')) return [];
    const clusters: any[] = Array.isArray(o.spec?.clusters) ? o.spec.clusters : [];
    const mirrors: any[] = Array.isArray(o.spec?.mirrors) ? o.spec.mirrors : [];
    return [
      ...clusters.map((c) => side(c, `cluster '${c?.alias}'`)),
      ...(o.spec?.target ? [side(o.spec.target, `target '${o.spec.target.alias}'`)] : []),
      ...mirrors.filter((m) => m?.source).map((m) => side(m.source, `source '${m.source.alias}'`)),
    ];
  });
}

/** Where a bootstrap address points: the Service and namespace, or outside Kubernetes. */
function parseAddress(address: string, clientNamespace: string | undefined) {
  const i = address.lastIndexOf(':');
  const host = i < 0 ? address : address.slice(0, i);
  const port = i < 0 ? NaN : Number(address.slice(i + 1));
  const parts = host.split('.');
  const inside = parts.length === 1 || parts[2] === 'svc' || (parts.length === 2 && parts[0].endsWith('-bootstrap'));
  return { host, port, inside, service: parts[0], namespace: parts.length > 1 ? parts[1] : clientNamespace };
}

type Add = (chk: ClientDoctorCheck, subject: string, message: string, fix: string) => void;
const kafkaLabel = (l: KafkaListener) => `Kafka ${nsName(l.namespace, l.cluster)}`;
const serviceAddress = (l: KafkaListener) => `${l.service}${l.namespace ? `.${l.namespace}.svc` : ''}:${l.port}`;

/** The chain of every client in the manifests and the findings on the way. */
export function clientChains(objects: readonly ManifestObject[]): {
  chains: ClientChain[];
  findings: ClientDoctorFinding[];
} {
  const listeners = kafkaListeners(objects);
  const users = objects.filter((o) => isStrimzi(o, 'KafkaUser'));
  const findings: ClientDoctorFinding[] = [];
  const chains = clientSides(objects).map((s) => {
    const add: Add = (chk, subject, message, fix) =>
      findings.push({ check: chk, where: s.label, subject, message, fix });
    return { client: s.label, links: sideLinks(s, listeners, users, add) };
  });
  return { chains, findings };
}

/** The links of one client: bootstrap, then TLS, authentication and user on the listener it resolves to. */
function sideLinks(s: ClientSide, listeners: KafkaListener[], users: ManifestObject[], add: Add): ClientChainLink[] {
  const first = String(s.block.bootstrapServers ?? '')
    .split(',')[0]
    .trim();
  const a = parseAddress(first, s.namespace);
  if (first && !a.inside) return [{ hop: 'bootstrap', value: `${first} (outside Kubernetes: not checked)`, ok: true }];
  const l = listeners.find((x) => x.service === a.service && x.namespace === a.namespace && x.port === a.port);
  if (!l) {
    const near = listeners.filter((x) => x.service === a.service && x.namespace === a.namespace);
    const known = listeners.map(serviceAddress).join(', ') || 'none';
    add(
      CLIENT_DOCTOR_CHECKS.clientBootstrap,
      'bootstrap',
      near.length > 0
        ? `${first}: Service ${a.service} (namespace ${a.namespace ?? '(none)'}) has no listener on port ${a.port}`
        : `${first || '(none)'}: no Kafka in the output has a bootstrap Service ${a.service || '(none)'} ` +
            `in namespace ${a.namespace ?? '(none)'}`,
      near.length > 0
        ? `use the listener's port: ${near.map((x) => `${x.port} (${x.name})`).join(', ')}`
        : `name the bootstrap Service of a listener: ${known}`,
    );
    return [{ hop: 'bootstrap', value: first || 'none', ok: false }];
  }
  return [
    { hop: 'bootstrap', value: `${first} -> ${kafkaLabel(l)} listener ${l.name} :${l.port}`, ok: true },
    tlsLink(s, l, add),
    ...authenticationLinks(s, l, users, add),
  ];
}

/** TLS exactly when the listener has it, trusting the cluster CA (or its declared copy). */
function tlsLink(s: ClientSide, l: KafkaListener, add: Add): ClientChainLink {
  const tls = s.block.tls;
  const ca = `${l.cluster}-cluster-ca-cert`;
  const caAt = `${l.namespace ?? ''}/${ca}`;
  const trusted: string[] = (Array.isArray(tls?.trustedCertificates) ? tls.trustedCertificates : []).map((t: any) =>
    String(t?.secretName),
  );
  const accepted = trusted.find((n) => (n === ca && s.namespace === l.namespace) || s.copies[n] === caAt);
  let problem: [string, string] | undefined;
  if (l.tls && !tls) {
    problem = [
      `listener '${l.name}' of ${kafkaLabel(l)} has TLS, and the client has no tls: it speaks plain text to a TLS port`,
      `add tls.trustedCertificates: [{ secretName: '${ca}', pattern: '*.crt' }]`,
    ];
  } else if (!l.tls && tls) {
    problem = [
      `listener '${l.name}' of ${kafkaLabel(l)} has no TLS, and the client has tls: its handshake fails`,
      'remove tls, or use a listener with TLS',
    ];
  } else if (l.tls && !accepted) {
    problem = [
      `trusts ${trusted.join(', ') || 'no Secret'}; the listener's certificate is signed by the cluster CA in ` +
        `${ca} (namespace ${l.namespace ?? '(none)'})`,
      s.namespace === l.namespace
        ? `trust secretName '${ca}'`
        : `trust a copy of ${caAt} in namespace ${s.namespace ?? '(none)'} and declare it in the annotation ` +
          `${COPIED_SECRETS_ANNOTATION}`,
    ];
  }
  if (problem) add(CLIENT_DOCTOR_CHECKS.clientTls, 'tls', ...problem);
  const value = l.tls ? `trusts ${trusted.join(', ') || 'nothing'}` : tls ? 'tls on a plain listener' : 'plain';
  return { hop: 'TLS', value, ok: !problem };
}

/** The authentication of the listener's type, then the user whose Secret it names. */
function authenticationLinks(
  s: ClientSide,
  l: KafkaListener,
  users: readonly ManifestObject[],
  add: Add,
): ClientChainLink[] {
  const type: string | undefined = s.block.authentication?.type;
  const wanted = l.authentication;
  if (wanted === undefined && type === undefined) return [{ hop: 'authentication', value: 'none', ok: true }];
  if (wanted !== 'scram-sha-512' && wanted !== 'tls' && wanted !== undefined)
    return [{ hop: 'authentication', value: `${type ?? 'none'} on a ${wanted} listener (not checked)`, ok: true }];
  if (type !== wanted) {
    add(
      CLIENT_DOCTOR_CHECKS.clientAuthentication,
      'authentication',
      `listener '${l.name}' of ${kafkaLabel(l)} ${wanted ? `wants ${wanted}` : 'has no authentication'}, and the ` +
        `client ${type ? `authenticates with ${type}` : 'has no authentication'}`,
      wanted
        ? `authenticate with type ${wanted} as a ${wanted} KafkaUser of '${l.cluster}'`
        : 'remove authentication, or use a listener with authentication',
    );
    return [{ hop: 'authentication', value: type ?? 'none', ok: false }];
  }
  return [{ hop: 'authentication', value: type!, ok: true }, userLink(s, l, wanted!, users, add)];
}

/** Why the user behind a client's Secret cannot authenticate it on the listener, or undefined. */
function userProblem(
  s: ClientSide,
  l: KafkaListener,
  type: string,
  secret: string,
  users: readonly ManifestObject[],
): [string, string] | undefined {
  const original = s.copies[secret];
  const userNs = original ? original.slice(0, original.indexOf('/')) || undefined : s.namespace;
  const userSecret = original ? original.slice(original.indexOf('/') + 1) : secret;
  const owns = (u: ManifestObject) =>
    u.metadata?.name === userSecret || u.spec?.authentication?.password?.valueFrom?.secretKeyRef?.name === userSecret;
  const candidates = users.filter(owns);
  const user = candidates.find((u) => u.metadata?.namespace === userNs);
  const name = user && nsName(user.metadata?.namespace, user.metadata?.name ?? '');
  if (!user && candidates.length > 0) {
    const other = candidates[0].metadata;
    return [
      `Secret ${secret} is written for KafkaUser ${nsName(other?.namespace, other?.name ?? '')}, in another ` +
        `namespace than the client (${s.namespace ?? '(none)'}): a pod mounts Secrets of its own namespace only`,
      `keep a copy in namespace ${s.namespace ?? '(none)'} and declare it in the annotation ` +
        COPIED_SECRETS_ANNOTATION,
    ];
  }
  if (!user) {
    return [
      `no KafkaUser in the output writes Secret ${secret || '(none)'} (namespace ${userNs ?? '(none)'})`,
      `name the Secret of a ${type} KafkaUser of '${l.cluster}' (the User Operator names it after the user)`,
    ];
  }
  const userType = user.spec?.authentication?.type;
  const userCluster = user.metadata?.labels?.['strimzi.io/cluster'];
  if (userType !== type)
    return [`KafkaUser ${name} is ${userType ?? 'without authentication'}`, `use a ${type} KafkaUser`];
  if (userCluster !== l.cluster)
    return [`KafkaUser ${name} belongs to cluster '${userCluster}'`, `use a KafkaUser of '${l.cluster}'`];
  const username = s.block.authentication?.username;
  if (type === 'scram-sha-512' && username !== user.metadata?.name)
    return [
      `username '${username}' is not KafkaUser ${name}, whose password it reads`,
      `set username: '${user.metadata?.name}'`,
    ];
  return undefined;
}

/** The link of the user whose Secret a client's authentication names. */
function userLink(
  s: ClientSide,
  l: KafkaListener,
  type: string,
  users: readonly ManifestObject[],
  add: Add,
): ClientChainLink {
  const auth = s.block.authentication;
  const secret = String(
    (type === 'tls' ? auth?.certificateAndKey?.secretName : auth?.passwordSecret?.secretName) ?? '',
  );
  const problem = userProblem(s, l, type, secret, users);
  if (problem) add(CLIENT_DOCTOR_CHECKS.clientUser, 'user', ...problem);
  const copied = s.copies[secret] ? ` (copy of ${s.copies[secret]})` : '';
  return { hop: 'user Secret', value: `${secret || 'none'}${copied}`, ok: !problem };
}
