/**
 * The offline doctor: follows the address chain of every external broker through synthesized
 * manifests and nginx load-balancer configurations (advertised host:port -> load balancer listen
 * port -> NodePort on the workers, or Service -> per-broker Service -> pod) and names each break.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { defaultNodePortBase } from '../model/listeners';
import { BrokerFacts, ClusterFacts, ManifestObject, NodePortListenerFacts, clusterFacts } from './manifest-facts';
import { HostPort, NginxProxyServer, NginxStreamFacts, streamFacts } from './nginx-parse';
import { EXTERNAL_DOCTOR_CHECKS, ProxyServer, externalListenerChains } from './external-chains';
import { ClientChain, clientChains } from './client-chain';
import { METRICS_DOCTOR_CHECKS, metricsWiringFindings } from './metrics-wiring';

/** One check of the doctor. */
export interface DoctorCheck {
  readonly id: string;
  /** What the check requires. */
  readonly summary: string;
}

const check = (id: string, summary: string): DoctorCheck => ({ id, summary });

/**
 * Every check the offline doctor makes of clusters, listeners and metrics; each finding names one.
 * The checks of clients are `CLIENT_DOCTOR_CHECKS` (client-chain.ts; test/client-doctor.test.ts).
 */
export const DOCTOR_CHECKS = {
  nodePortPinned: check(
    'doctor-node-port-pinned',
    'Every broker of a nodeport listener has a pinned nodePort (else the operator picks a random one the load ' +
      'balancer cannot know)',
  ),
  advertisedPortListened: check(
    'doctor-advertised-port-listened',
    "The load balancer listens on every broker's advertised port",
  ),
  bootstrapForwarded: check(
    'doctor-bootstrap-forwarded',
    'The load balancer forwards a port to the bootstrap NodePort or Service',
  ),
  forwardKnown: check(
    'doctor-forward-known',
    'Every load-balancer forward reaches a NodePort or Service of the cluster',
  ),
  forwardRightBroker: check(
    'doctor-forward-right-broker',
    "A broker's advertised port is forwarded to that broker, not another",
  ),
  portOneBroker: check('doctor-port-one-broker', 'No two brokers share an advertised address or a load-balancer port'),
  workerInEveryUpstream: check(
    'doctor-worker-in-every-upstream',
    'Every worker the load balancer knows is in every NodePort upstream',
  ),
  serverOnce: check('doctor-server-once', 'An upstream lists each server once'),
  trafficPolicyCluster: check(
    'doctor-traffic-policy-cluster',
    "A listener behind a load balancer over several workers has externalTrafficPolicy 'Cluster'",
  ),
  overrideIsBroker: check(
    'doctor-override-is-broker',
    'Every `configuration.brokers[].broker` is the node ID of a broker',
  ),
  ...EXTERNAL_DOCTOR_CHECKS,
  ...METRICS_DOCTOR_CHECKS,
} as const;

/** One break in an address chain. */
export interface DoctorFinding {
  readonly check: DoctorCheck;
  /** `Kafka <namespace>/<name>, listener '<name>'` or the nginx file. */
  readonly where: string;
  /** `broker 1`, `bootstrap`, `upstream tcp9094` ... */
  readonly subject: string;
  readonly message: string;
  readonly fix: string;
}

/** One link of a chain, as printed. */
export interface ChainLink {
  /** `advertised`, `load balancer`, `NodePort`, `Service`, `pod`. */
  readonly hop: string;
  /** What this hop is, e.g. `kafka.example.com:8091` or `:8091 (lb.conf:12)`. */
  readonly value: string;
  readonly ok: boolean;
}

/** The chain of one broker (or the bootstrap) of one listener. */
export interface AddressChain {
  readonly cluster: string;
  readonly listener: string;
  /** Undefined for the bootstrap. */
  readonly nodeId?: number;
  readonly pool?: string;
  readonly links: ChainLink[];
}

/** What the offline doctor found. */
export interface DoctorReport {
  readonly clusters: ClusterFacts[];
  /** nginx files read, each with the file whose stream blocks it repeats (`x.stream.conf` next to `x.nginx.conf`). */
  readonly nginxFiles: { readonly file: string; readonly sameAs?: string }[];
  readonly chains: AddressChain[];
  readonly findings: DoctorFinding[];
  /** The chain of every client (KafkaBridge, KafkaConnect, each MirrorMaker 2 cluster): `CLIENT_DOCTOR_CHECKS`. */
  readonly clientChains?: ClientChain[];
}

/** An nginx target and what of the cluster it reaches. */
interface Resolved {
  readonly target: HostPort;
  readonly kind: 'node-port' | 'service' | 'unknown';
  /** Node ID, 'bootstrap', or undefined when nothing of the cluster answers. */
  readonly owner?: number | 'bootstrap';
}

const clusterLabel = (c: ClusterFacts) => `Kafka ${c.namespace ? `${c.namespace}/` : ''}${c.name}`;
const fmt = (hp: HostPort) => `${hp.host.includes(':') ? `[${hp.host}]` : hp.host}:${hp.port}`;

/** The targets of a stream server: its upstream's servers or its direct proxy_pass address. */
function targetsOf(server: NginxProxyServer, config: NginxStreamFacts): HostPort[] {
  if (server.target) return [server.target];
  return config.upstreams.find((u) => u.name === server.upstream)?.servers ?? [];
}

function resolve(target: HostPort, l: NodePortListenerFacts): Resolved {
  if (target.port === l.bootstrapNodePort) return { target, kind: 'node-port', owner: 'bootstrap' };
  const byNodePort = l.brokers.find((b) => b.nodePort !== undefined && b.nodePort === target.port);
  if (byNodePort) return { target, kind: 'node-port', owner: byNodePort.nodeId };
  const service = target.host.split('.')[0];
  if (target.port === l.port) {
    if (service === l.bootstrapServiceName) return { target, kind: 'service', owner: 'bootstrap' };
    const byService = l.brokers.find((b) => b.serviceName === service);
    if (byService) return { target, kind: 'service', owner: byService.nodeId };
  }
  return { target, kind: 'unknown' };
}

/** An nginx stream server, the file it is in and where it forwards. */
interface Server {
  readonly config: NginxStreamFacts;
  readonly server: NginxProxyServer;
  readonly targets: HostPort[];
}

/** States a doctor finding of one place. */
type AddFinding = (chk: DoctorCheck, subject: string, message: string, fix: string) => void;

/** The load balancers in view: their servers, whether there are any, and the servers that reach a cluster. */
interface Scene {
  readonly servers: readonly Server[];
  readonly haveLb: boolean;
  readonly claimed: Set<NginxProxyServer>;
}

const where = (s: { config: NginxStreamFacts; server: NginxProxyServer }) => `${s.config.file}:${s.server.line}`;
const listenOf = (s: Server) => `${where(s)} listen ${s.server.listen.map((x) => x.port).join(',')}`;

/** Runs every check over manifests and nginx stream configurations. */
export function diagnose(objects: readonly ManifestObject[], nginx: readonly NginxStreamFacts[]): DoctorReport {
  const clusters = clusterFacts(objects);
  const findings: DoctorFinding[] = [];
  const chains: AddressChain[] = [];
  const { configs, nginxFiles } = distinctConfigs(nginx);
  const servers = configs.flatMap((config) =>
    config.servers.map((server) => ({ config, server, targets: targetsOf(server, config) })),
  );
  const scene: Scene = { servers, haveLb: configs.length > 0, claimed: new Set() };
  for (const c of clusters) {
    for (const l of c.nodePortListeners) {
      const at = `${clusterLabel(c)}, listener '${l.name}'`;
      const add: AddFinding = (chk, subject, message, fix) =>
        findings.push({ check: chk, where: at, subject, message, fix });
      chains.push(...listenerChains(c, l, scene, add));
    }
    chains.push(...externalChains(c, scene, findings));
  }
  // per nginx file: forwards to nothing, missing workers, duplicate servers
  for (const config of configs) {
    const add: AddFinding = (chk, subject, message, fix) =>
      findings.push({ check: chk, where: config.file, subject, message, fix });
    checkNginxFile(config, clusters, scene, add);
  }
  const clients = clientChains(objects);
  findings.push(...clients.findings);
  findings.push(...metricsWiringFindings(objects));
  return { clusters, nginxFiles, chains, findings, clientChains: clients.chains };
}

/** The chains of a cluster's loadbalancer, ingress, route and cluster-ip listeners (external-chains.ts). */
function externalChains(c: ClusterFacts, scene: Scene, findings: DoctorFinding[]): AddressChain[] {
  const proxies = new Map<ProxyServer, NginxProxyServer>(
    scene.servers.map((s) => [
      { where: where(s), listenPorts: s.server.listen.map((x) => x.port), targets: s.targets },
      s.server,
    ]),
  );
  return c.externalListeners.flatMap((l) => {
    const at = `${clusterLabel(c)}, listener '${l.name}'`;
    const add: AddFinding = (chk, subject, message, fix) =>
      findings.push({ check: chk, where: at, subject, message, fix });
    const claim = (p: ProxyServer) => scene.claimed.add(proxies.get(p)!);
    return externalListenerChains(l, [...proxies.keys()], add, claim).map((chain) => ({
      cluster: clusterLabel(c),
      listener: l.name,
      ...chain,
    }));
  });
}

/** The configurations without repeats: the same blocks in two files (x.nginx.conf and x.stream.conf) are one. */
function distinctConfigs(nginx: readonly NginxStreamFacts[]): {
  configs: NginxStreamFacts[];
  nginxFiles: DoctorReport['nginxFiles'];
} {
  const key = (c: NginxStreamFacts) =>
    JSON.stringify([
      c.upstreams.map((u) => [u.name, u.servers.map(fmt)]),
      c.servers.map((s) => [s.listen, s.upstream, s.target]),
    ]);
  const configs: NginxStreamFacts[] = [];
  const nginxFiles = [...nginx]
    .sort((a, b) => (a.file < b.file ? -1 : 1))
    .map((c) => {
      const first = configs.find((x) => key(x) === key(c));
      if (first) return { file: c.file, sameAs: first.file };
      configs.push(c);
      return { file: c.file };
    });
  return { configs, nginxFiles };
}

/** The checks of one nodeport listener and its address chains (bootstrap, then each broker). */
function listenerChains(c: ClusterFacts, l: NodePortListenerFacts, scene: Scene, add: AddFinding): AddressChain[] {
  for (const id of l.overridesForNonBrokers) {
    add(
      DOCTOR_CHECKS.overrideIsBroker,
      `configuration.brokers[broker=${id}]`,
      `node ${id} is not a broker (brokers: ${c.brokerIds.join(', ') || 'none'}); the operator ignores the entry`,
      'key the entries by the node IDs the operator assigns (pools alphabetical, lowest free IDs, or ' +
        'strimzi.io/next-node-ids)',
    );
  }
  // which servers forward to this listener at all
  const mine = scene.servers
    .map((s) => ({ ...s, resolved: s.targets.map((t) => resolve(t, l)) }))
    .filter((s) => s.resolved.some((r) => r.owner !== undefined));
  mine.forEach((s) => scene.claimed.add(s.server));
  const chains = [bootstrapChain(c, l, mine, scene.haveLb, add)];
  checkSharedAddresses(l, add);
  for (const b of l.brokers) chains.push(brokerChain(c, l, b, scene.servers, scene.haveLb, add, where));
  checkListenerUpstreams(l, mine, add);
  return chains;
}

/** The bootstrap's chain: a load-balancer port forwards to it. */
function bootstrapChain(
  c: ClusterFacts,
  l: NodePortListenerFacts,
  mine: readonly (Server & { resolved: Resolved[] })[],
  haveLb: boolean,
  add: AddFinding,
): AddressChain {
  const boot = mine.filter((s) => s.resolved.some((r) => r.owner === 'bootstrap'));
  if (haveLb && boot.length === 0) {
    add(
      DOCTOR_CHECKS.bootstrapForwarded,
      'bootstrap',
      'no load-balancer port forwards to ' +
        (l.bootstrapNodePort !== undefined
          ? `bootstrap NodePort ${l.bootstrapNodePort}`
          : `Service ${l.bootstrapServiceName}`) +
        '; clients cannot bootstrap',
      'add a stream server that forwards the bootstrap port to the bootstrap NodePort on every worker',
    );
  }
  return {
    cluster: clusterLabel(c),
    listener: l.name,
    links: [
      {
        hop: 'load balancer',
        value: boot.length
          ? boot.map((s) => `:${s.server.listen.map((x) => x.port).join(',')} (${where(s)})`).join(' ')
          : 'none',
        ok: boot.length > 0 || !haveLb,
      },
      l.bootstrapNodePort !== undefined
        ? { hop: 'NodePort', value: String(l.bootstrapNodePort), ok: true }
        : { hop: 'NodePort', value: 'not pinned', ok: false },
      { hop: 'Service', value: l.bootstrapServiceName, ok: true },
    ],
  };
}

/** Two brokers advertising one address. */
function checkSharedAddresses(l: NodePortListenerFacts, add: AddFinding): void {
  const byAddress = new Map<string, number[]>();
  for (const b of l.brokers) {
    if (b.advertisedPort === undefined) continue;
    const a = `${b.advertisedHost ?? '<node address>'}:${b.advertisedPort}`;
    byAddress.set(a, [...(byAddress.get(a) ?? []), b.nodeId]);
  }
  for (const [address, ids] of byAddress) {
    if (ids.length > 1) {
      add(
        DOCTOR_CHECKS.portOneBroker,
        `brokers ${ids.join(', ')}`,
        `advertise the same address ${address}; clients reach one of them and take it for the others`,
        'give every broker its own advertisedPort (or advertisedHost)',
      );
    }
  }
}

/** The servers forwarding to this listener: one broker each; several workers need traffic policy Cluster. */
function checkListenerUpstreams(
  l: NodePortListenerFacts,
  mine: readonly (Server & { resolved: Resolved[] })[],
  add: AddFinding,
): void {
  for (const s of mine) {
    const owners = [...new Set(s.resolved.map((r) => r.owner).filter((o) => o !== undefined))];
    if (owners.length > 1) {
      add(
        DOCTOR_CHECKS.portOneBroker,
        listenOf(s),
        `forwards to ${owners.map((o) => (o === 'bootstrap' ? 'the bootstrap' : `broker ${o}`)).join(' and ')}; ` +
          'each connection lands on either',
        "forward each port to one broker's NodePort (or Service) only",
      );
    }
    const nodePortTargets = s.resolved.filter((r) => r.kind === 'node-port');
    if (nodePortTargets.length > 1 && l.externalTrafficPolicy === 'Local') {
      add(
        DOCTOR_CHECKS.trafficPolicyCluster,
        listenOf(s),
        `forwards to ${new Set(nodePortTargets.map((r) => r.target.host)).size} workers, but ` +
          `externalTrafficPolicy is Local: only the worker running the pod answers, the others drop the connection`,
        'set configuration.externalTrafficPolicy: Cluster on the listener',
      );
    }
  }
}

/** One nginx file: servers forwarding to nothing of the clusters, then its upstreams. */
function checkNginxFile(config: NginxStreamFacts, clusters: ClusterFacts[], scene: Scene, add: AddFinding): void {
  const nodePortHosts = new Set<string>();
  const listeners = clusters.flatMap((c) => c.nodePortListeners);
  for (const s of scene.servers.filter((x) => x.config === config)) {
    for (const t of s.targets) {
      if (listeners.some((l) => resolve(t, l).kind === 'node-port')) nodePortHosts.add(t.host);
    }
    if (!scene.claimed.has(s.server) && clusters.length > 0) {
      add(
        DOCTOR_CHECKS.forwardKnown,
        listenOf(s),
        s.targets.length === 0
          ? `proxy_pass ${s.server.upstream ?? ''} names no upstream of the file`
          : `forwards to ${s.targets.map(fmt).join(', ')}: no NodePort or Service of ` +
              `${clusters.map(clusterLabel).join(', ')}; nothing answers there`,
        'forward to the NodePort (or Service) of the broker this port is advertised for',
      );
    }
  }
  for (const u of config.upstreams) checkUpstream(u, nodePortHosts, add);
}

/** An upstream lists each worker once, and every worker the file's other upstreams use. */
function checkUpstream(u: NginxStreamFacts['upstreams'][number], nodePortHosts: Set<string>, add: AddFinding): void {
  const counts = new Map<string, number>();
  u.servers.forEach((s) => counts.set(fmt(s), (counts.get(fmt(s)) ?? 0) + 1));
  for (const [server, n] of counts) {
    if (n > 1) {
      add(
        DOCTOR_CHECKS.serverOnce,
        `upstream ${u.name} (line ${u.line})`,
        `lists ${server} ${n} times: one worker carries every connection and none takes over when it fails`,
        'list each worker once, and every worker of the cluster',
      );
    }
  }
  const isNodePortUpstream = u.servers.some((s) => nodePortHosts.has(s.host));
  const missing = [...nodePortHosts]
    .filter((h) => !u.servers.some((s) => s.host === h))
    .sort(new Intl.Collator('en', { numeric: true }).compare);
  if (isNodePortUpstream && missing.length > 0) {
    add(
      DOCTOR_CHECKS.workerInEveryUpstream,
      `upstream ${u.name} (line ${u.line})`,
      `lacks worker(s) ${missing.join(', ')} that other upstreams of the file use`,
      'forward every port to every worker (with externalTrafficPolicy Cluster any worker reaches any broker)',
    );
  }
}

function brokerChain(
  c: ClusterFacts,
  l: NodePortListenerFacts,
  b: BrokerFacts,
  servers: readonly Server[],
  haveLb: boolean,
  add: AddFinding,
  where: (s: { config: NginxStreamFacts; server: NginxProxyServer }) => string,
): AddressChain {
  const subject = `broker ${b.nodeId}`;
  const advertised = `${b.advertisedHost ?? '<node address>'}:${b.advertisedPort ?? '<random NodePort>'}`;
  const links: ChainLink[] = [{ hop: 'advertised', value: advertised, ok: b.advertisedPort !== undefined }];
  if (b.nodePort === undefined) {
    add(
      DOCTOR_CHECKS.nodePortPinned,
      subject,
      `advertises ${advertised} but has no nodePort: the operator gives Service ${b.serviceName} a random ` +
        `NodePort, which no load balancer forwards to; clients see "Disconnected from node ${b.nodeId} due to timeout"`,
      `set configuration.brokers[broker=${b.nodeId}].nodePort (e.g. ` +
        `${defaultNodePortBase(l.bootstrapNodePort ?? 32100) + b.nodeId}) and ` +
        `forward advertised port ${b.advertisedPort ?? '?'} to it`,
    );
  }
  if (haveLb && b.advertisedPort !== undefined) {
    const at = servers.filter((s) => s.server.listen.some((x) => x.port === b.advertisedPort));
    if (at.length === 0) {
      add(
        DOCTOR_CHECKS.advertisedPortListened,
        subject,
        `advertises ${advertised}, but no load balancer listens on port ${b.advertisedPort}; clients get this ` +
          `address from the bootstrap metadata and fail there ("Disconnected from node ${b.nodeId} due to timeout")`,
        `add a stream server listening on ${b.advertisedPort} that forwards to the broker's NodePort on every worker`,
      );
      links.push({ hop: 'load balancer', value: `nothing listens on ${b.advertisedPort}`, ok: false });
    } else {
      for (const s of at) links.push(forwardLink(l, b, s, (chk, m, fix) => add(chk, subject, m, fix), where));
    }
  }
  links.push({
    hop: 'NodePort',
    value: b.nodePort !== undefined ? String(b.nodePort) : 'not pinned (random)',
    ok: b.nodePort !== undefined,
  });
  links.push({ hop: 'Service', value: b.serviceName, ok: true });
  links.push({ hop: 'pod', value: b.podName, ok: true });
  return { cluster: clusterLabel(c), listener: l.name, nodeId: b.nodeId, pool: b.pool, links };
}

/** The load-balancer link of a server listening on a broker's advertised port: it forwards to that broker only. */
function forwardLink(
  l: NodePortListenerFacts,
  b: BrokerFacts,
  s: Server,
  add: (chk: DoctorCheck, message: string, fix: string) => void,
  where: (s: { config: NginxStreamFacts; server: NginxProxyServer }) => string,
): ChainLink {
  const resolved = s.targets.map((t) => resolve(t, l));
  const others = [...new Set(resolved.map((r) => r.owner).filter((o) => o !== undefined && o !== b.nodeId))];
  const unknown = resolved.filter((r) => r.owner === undefined);
  const ok = others.length === 0 && unknown.length === 0 && resolved.length > 0;
  const link = {
    hop: 'load balancer',
    value: `:${b.advertisedPort} (${where(s)}) -> ${describeTargets(s.targets)}`,
    ok,
  };
  if (others.length > 0) {
    add(
      DOCTOR_CHECKS.forwardRightBroker,
      `advertised port ${b.advertisedPort} is forwarded (${where(s)}) to ` +
        `${others.map((o) => (o === 'bootstrap' ? 'the bootstrap' : `broker ${o}`)).join(' and ')}; ` +
        `clients asking broker ${b.nodeId} get another broker`,
      `forward port ${b.advertisedPort} to broker ${b.nodeId}'s ` +
        `${b.nodePort !== undefined ? `NodePort ${b.nodePort}` : 'NodePort'}`,
    );
  }
  if (unknown.length > 0 && b.nodePort !== undefined) {
    add(
      DOCTOR_CHECKS.forwardKnown,
      `advertised port ${b.advertisedPort} is forwarded (${where(s)}) to ` +
        `${unknown.map((r) => fmt(r.target)).join(', ')}, where no NodePort or Service of the cluster ` +
        `answers (broker ${b.nodeId} has NodePort ${b.nodePort})`,
      `forward port ${b.advertisedPort} to NodePort ${b.nodePort} on every worker`,
    );
  }
  return link;
}

function describeTargets(targets: readonly HostPort[]): string {
  if (targets.length === 0) return 'no server';
  const ports = [...new Set(targets.map((t) => t.port))];
  if (targets.length > 1 && ports.length === 1) return `port ${ports[0]} on ${targets.length} workers`;
  return targets.map(fmt).join(', ');
}

/** nginx configurations in ConfigMaps (`data` keys ending in `.conf` holding a `stream` block). */
function configMapNginx(objects: readonly ManifestObject[], file: string): NginxStreamFacts[] {
  return objects
    .filter((o) => o.kind === 'ConfigMap' && o.data)
    .flatMap((o) =>
      Object.entries(o.data!)
        .filter(([k, v]) => k.endsWith('.conf') && /\bstream\s*\{/.test(v))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => streamFacts(`${file}#ConfigMap/${o.metadata?.name}/${k}`, v)),
    );
}

/**
 * Runs the doctor on files and folders: `.yaml`/`.yml` manifests (their ConfigMaps may hold
 * nginx configurations) and nginx `.conf` files. A folder is read one level deep, sorted.
 */
export function diagnosePaths(paths: readonly string[]): DoctorReport {
  const { objects, nginx } = readDoctorInputs(paths);
  return diagnose(objects, nginx);
}

/** The manifests (`.yaml`, with nginx configurations in ConfigMaps) and nginx `.conf` files of files and folders. */
export function readDoctorInputs(paths: readonly string[]): { objects: ManifestObject[]; nginx: NginxStreamFacts[] } {
  const files = paths.flatMap((p) =>
    fs.statSync(p).isDirectory()
      ? fs
          .readdirSync(p)
          .sort()
          .map((f) => path.join(p, f))
          .filter((f) => fs.statSync(f).isFile())
      : [p],
  );
  const objects: ManifestObject[] = [];
  const nginx: NginxStreamFacts[] = [];
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf-8');
    if (/\.ya?ml$/.test(f)) {
      const docs = YAML.parseAllDocuments(text)
        .map((d) => d.toJSON())
        .filter((o) => o && typeof o === 'object');
      objects.push(...docs);
      nginx.push(...configMapNginx(docs, f));
    } else if (f.endsWith('.conf')) {
      try {
        nginx.push(streamFacts(f, text));
      } catch (e) {
        throw new Error(`${f}: ${(e as Error).message}`);
      }
    }
  }
  return { objects, nginx };
}

/** The report as text: every chain, then every finding with its fix, then a summary line. */
export function formatDoctorReport(report: DoctorReport): string {
  const lines: string[] = [];
  const nginx = report.nginxFiles.map((f) => (f.sameAs ? `${f.file} (same blocks as ${f.sameAs})` : f.file));
  lines.push(`Load balancer configurations: ${nginx.length ? nginx.join(', ') : 'none (chains stop at the NodePort)'}`);
  if (report.clusters.length === 0) lines.push('No Kafka resource found.');
  for (const c of report.clusters) {
    lines.push(
      '',
      `${clusterLabel(c)}: pools ` +
        c.pools
          .map((p) => `${p.name} [${p.roles.join(', ')}] nodes ${p.nodeIds.join(', ') || 'none'} (${p.idSource})`)
          .join('; '),
    );
    if (c.nodePortListeners.length + c.externalListeners.length === 0)
      lines.push('  no external listener: nothing to check outside the cluster');
    for (const chain of report.chains.filter((x) => x.cluster === clusterLabel(c))) {
      const who = chain.nodeId === undefined ? 'bootstrap' : `broker ${chain.nodeId} (pool ${chain.pool})`;
      const broken = chain.links.some((x) => !x.ok);
      lines.push(
        `  ${chain.listener} ${who}: ` +
          `${chain.links.map((x) => `${x.ok ? '' : '!! '}${x.hop} ${x.value}`).join(' -> ')}  ` +
          `${broken ? 'BROKEN' : 'OK'}`,
      );
    }
  }
  if ((report.clientChains ?? []).length > 0) lines.push('', 'Clients:');
  for (const chain of report.clientChains ?? []) {
    const broken = chain.links.some((x) => !x.ok);
    const links = chain.links.map((x) => `${x.ok ? '' : '!! '}${x.hop} ${x.value}`).join(' -> ');
    lines.push(`  ${chain.client}: ${links}  ${broken ? 'BROKEN' : 'OK'}`);
  }
  if (report.findings.length > 0) {
    lines.push('', 'Findings:');
    for (const f of report.findings)
      lines.push(`  ${f.where}: ${f.subject}: ${f.message}. Fix: ${f.fix} [${f.check.id}]`);
  }
  lines.push('', `${report.findings.length} finding(s)`);
  return `${lines.join('\n')}\n`;
}
