#!/usr/bin/env node
/**
 * strimzi-kraft plan <before> <after>: see lib/plan/cli.ts.
 * strimzi-kraft doctor <dist/app or files...>
 *   Offline: explains the address chain of every external broker in synthesized manifests and
 *   nginx configurations, and names each break. Exit 1 on any finding.
 * strimzi-kraft doctor --bootstrap host:port [--tls [--ca FILE] [--cert FILE --key FILE]]
 *                      [--sasl-scram USER --password-file FILE] [--resolve HOST:ADDRESS] [--timeout MS]
 *                      [dist/app or files...]
 * strimzi-kraft doctor --client USER.client.json [--listener NAME] [--ca FILE] [--password-file FILE] ...
 *   (bootstrap address, TLS, SASL mechanism and user from the client connection file)
 *   Online: fetches metadata from the bootstrap, connects to every advertised broker and checks
 *   that the broker answering is the one advertised. With a dist folder, says which link of the
 *   chain is broken. Exit 1 on any failure.
 * strimzi-kraft migrate <files or folders...> --out <folder>: see lib/migrate/cli.ts.
 */
import * as fs from 'fs';
import {
  AppFacts,
  ClientFacts,
  ListenerFacts,
  clientFiles,
  listenerFacts,
  listenerOf,
  readClientFile,
} from './app-facts';
import { FAILURE_LABELS, FixContext, failureLine } from './fixes';
import { planMain } from '../plan/cli';
import { AddressChain, DoctorReport, diagnose, formatDoctorReport, readDoctorInputs } from './offline';
import { BrokerProbe, OnlineReport, probeCluster, splitAddress } from './online';

const USAGE = [
  'usage: strimzi-kraft doctor <dist/app or files...>',
  '       strimzi-kraft doctor --bootstrap host:port [--tls [--ca FILE] [--cert FILE --key FILE]] [--sasl-scram USER ' +
    '--password-file FILE] [--resolve HOST:ADDRESS] [--timeout MS] [dist/app or files...]',
  '       strimzi-kraft doctor --client USER.client.json [--listener NAME] [--ca FILE] [--password-file FILE] ' +
    '[--resolve HOST:ADDRESS] [--timeout MS] [dist/app or files...]',
  '       strimzi-kraft migrate <files or folders...> --out <folder> [--strimzi <release>] [--namespace <ns>] ' +
    '[--force]',
  '       strimzi-kraft plan <before> <after> [--format text|markdown] [--allow-destructive]',
].join('\n');

const ms = (v: number | undefined) => (v === undefined ? '-' : `${v.toFixed(1)} ms`);

/** What the dist says about the chain of a broker the metadata advertises. */
function chainFor(offline: DoctorReport | undefined, b: BrokerProbe): AddressChain | undefined {
  const chains = offline?.chains.filter((c) => c.nodeId === b.nodeId) ?? [];
  return chains.find((c) => c.links[0]?.value === `${b.host}:${b.port}`) ?? chains[0];
}

/** Which link is broken, from the failure and the chain dist describes. */
export function explainBroker(
  b: BrokerProbe,
  chain: AddressChain | undefined,
  offline: DoctorReport | undefined,
  context: FixContext = { tls: false, ca: false, timeoutMs: 3000 },
): string[] {
  if (b.status === 'ok') return [];
  // TLS, SASL and authorization: one line with the fix (the address chain is not what failed)
  if (b.failureFacts && !['refused', 'closed', 'timeout', 'other'].includes(b.failureFacts.failure)) {
    return [failureLine({ address: `${b.host}:${b.port}`, host: b.host, nodeId: b.nodeId }, b.failureFacts, context)];
  }
  const lines: string[] = [];
  if (chain && chain.links[0].value !== `${b.host}:${b.port}`) {
    lines.push(
      `the cluster advertises ${b.host}:${b.port} for node ${b.nodeId}, but the manifests say ` +
        `${chain.links[0].value}: the running cluster is not what they describe`,
    );
  }
  if (b.status === 'wrong-broker') return [...lines, ...wrongBrokerLines(b, chain, offline)];
  if (b.status === 'unidentified') return [...lines, `reachable, but who answers is unknown: ${b.error}`];
  lines.push(`unreachable: ${b.error}`);
  if (!chain) {
    lines.push(
      `(give the dist folder of the app to name the broken link; clients report this as "Disconnected from node ` +
        `${b.nodeId} due to timeout")`,
    );
    return lines;
  }
  lines.push(...brokenLinkLines(b, chain));
  const broken = chain.links.filter((l) => !l.ok);
  if (broken.length) lines.push(`the manifests already show: ${broken.map((l) => `${l.hop} ${l.value}`).join('; ')}`);
  return lines;
}

/** The hops of a broker's address chain, by name. */
function hopsOf(chain: AddressChain | undefined) {
  const link = (hop: string) => chain?.links.find((l) => l.hop === hop);
  return { lb: link('load balancer'), nodePort: link('NodePort'), service: link('Service')?.value };
}

/** Another broker answers on this broker's address: which load-balancer line forwards where. */
function wrongBrokerLines(
  b: BrokerProbe,
  chain: AddressChain | undefined,
  offline: DoctorReport | undefined,
): string[] {
  const { lb, nodePort } = hopsOf(chain);
  const other = offline?.chains.find((c) => c.nodeId === b.answeringNodeId && c.listener === chain?.listener);
  const lines = [
    `wrong broker: node ${b.answeringNodeId} answers on ${b.host}:${b.port}, which is advertised for node ` +
      `${b.nodeId}`,
  ];
  if (lb) {
    const via = other ? ` (NodePort ${other.links.find((l) => l.hop === 'NodePort')?.value})` : '';
    lines.push(
      `broken link: load balancer ${lb.value.split(' -> ')[0]} forwards to node ${b.answeringNodeId}${via}; ` +
        `it must forward to node ${b.nodeId}'s NodePort ${nodePort?.value ?? '?'}`,
    );
  }
  return lines;
}

/** The link that fails, by how the connection failed (refused, closed, timeout). */
function brokenLinkLines(b: BrokerProbe, chain: AddressChain): string[] {
  const { lb, nodePort, service } = hopsOf(chain);
  if (b.failure === 'refused') {
    return [
      `broken link: nothing listens on ${b.host}:${b.port}; ` +
        (lb
          ? `the load balancer should (${lb.value.split(' -> ')[0]}): is it running with this configuration?`
          : 'no load balancer configuration listens on this port'),
    ];
  }
  if (b.failure === 'closed') {
    const [lbPort, lbTargets] = (lb?.value ?? '').split(' -> ');
    return [
      lb
        ? `broken link: load balancer ${lbPort} accepts the connection and closes it: nothing answers at ${lbTargets}`
        : 'broken link: the connection is accepted and closed',
      nodePort && !nodePort.ok
        ? `cause: broker ${b.nodeId}'s NodePort is not pinned, so Service ${service} got a random one the load ` +
          `balancer does not forward to`
        : `check that Service ${service} has NodePort ${nodePort?.value ?? '?'} and the workers forward it ` +
          `(kubectl get svc ${service})`,
    ];
  }
  if (b.failure === 'timeout') {
    return [
      `broken link: no answer from ${b.host}:${b.port} in time: a firewall drops the packets, or ` +
        (lb
          ? `the load balancer (${lb.value.split(' -> ')[0]}) cannot reach NodePort ${nodePort?.value ?? '?'}`
          : 'the address is not the load balancer'),
    ];
  }
  return ['broken link: see the error above'];
}

const stateOf = (b: BrokerProbe) =>
  b.status === 'ok'
    ? 'OK'
    : b.status === 'wrong-broker'
      ? 'WRONG BROKER'
      : b.status === 'unidentified'
        ? 'UNIDENTIFIED'
        : b.status === 'answers'
          ? 'ANSWERS'
          : b.failure && b.failure !== 'other'
            ? `UNREACHABLE (${FAILURE_LABELS[b.failure]})`
            : 'UNREACHABLE';

/** The bootstrap's line: OK with what it said, or the failure with its fix. */
function bootstrapLine(report: OnlineReport, context: FixContext): string {
  const hop = { address: report.bootstrap, host: splitAddress(report.bootstrap).host };
  if (!report.bootstrapOk) {
    return `bootstrap ${report.bootstrap}: ${failureLine(hop, report.bootstrapFailure!, context)}`;
  }
  const who =
    report.bootstrapNodeId !== undefined
      ? `; answered by node ${report.bootstrapNodeId} (${report.bootstrapIdentifiedBy})`
      : report.bootstrapFailure
        ? `; ${failureLine(hop, report.bootstrapFailure, context)}`
        : '';
  return (
    `bootstrap ${report.bootstrap}: OK in ${ms(report.bootstrapLatencyMs)}; ${report.brokers.length} broker(s) ` +
    `advertised, controller ${report.controllerId ?? '-'}` +
    `${report.clusterId ? `, cluster ${report.clusterId}` : ''}${who}`
  );
}

/**
 * Where a TLS certificate names another cluster than the app folder's listener: the address
 * reaches another Kafka (DNS or the load balancer points elsewhere). One line per hop.
 */
export function otherClusterLines(report: OnlineReport, listener: ListenerFacts | undefined): string[] {
  if (!listener) return [];
  const want = `${listener.namespace ?? '?'}/${listener.cluster}`;
  const hops = [
    { name: `bootstrap ${report.bootstrap}`, cert: report.bootstrapCertificate },
    ...report.brokers.map((b) => ({ name: `node ${b.nodeId} ${b.host}:${b.port}`, cert: b.certificate })),
  ];
  return hops
    .filter((h) => h.cert && `${h.cert.namespace}/${h.cert.cluster}` !== want)
    .map(
      (h) =>
        `OTHER CLUSTER: ${h.name} presents the certificate of pod ${h.cert!.podName} of Kafka ` +
        `${h.cert!.namespace}/${h.cert!.cluster}, not of Kafka ${want}; fix: point the address (DNS, --resolve) ` +
        `and the load balancer at ${want}'s workers`,
    );
}

/** The online report as text. */
export function formatOnlineReport(report: OnlineReport, offline?: DoctorReport, context?: FixContext): string {
  const ctx = context ?? { tls: false, ca: false, timeoutMs: 3000 };
  const lines: string[] = [bootstrapLine(report, ctx)];
  if (!report.bootstrapOk) return `${lines.join('\n')}\n`;
  for (const b of report.brokers) {
    const by = b.identifiedBy === 'certificate' ? ' (certificate)' : '';
    const answer = b.answeringNodeId !== undefined ? `node ${b.answeringNodeId} answers${by}` : 'no answer';
    lines.push(
      `  node ${b.nodeId}  ${b.host}:${b.port}  ${b.latencyMs !== undefined ? 'reachable' : 'unreachable'}  ` +
        `${ms(b.latencyMs)}  ${answer}  ${stateOf(b)}`,
    );
    for (const l of explainBroker(b, chainFor(offline, b), offline, ctx)) lines.push(`      ${l}`);
  }
  const count = (s: BrokerProbe['status']) => report.brokers.filter((b) => b.status === s).length;
  lines.push(
    `${report.brokers.length} broker(s): ${count('ok')} OK, ${count('unreachable')} unreachable, ` +
      `${count('wrong-broker')} wrong broker, ${count('answers')} answering (identity unknown), ` +
      `${count('unidentified')} unidentified; ${report.elapsedMs} ms`,
  );
  return `${lines.join('\n')}\n`;
}

/** The command line, parsed. */
interface Args {
  bootstrap?: string;
  tls: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  user?: string;
  passwordFile?: string;
  clientFile?: string;
  listener?: string;
  resolve: Record<string, string>;
  timeoutMs: number;
  paths: string[];
}

const VALUE_OPTIONS: Record<string, keyof Args> = {
  '--bootstrap': 'bootstrap',
  '--ca': 'caFile',
  '--cert': 'certFile',
  '--key': 'keyFile',
  '--sasl-scram': 'user',
  '--password-file': 'passwordFile',
  '--client': 'clientFile',
  '--listener': 'listener',
};

/** The arguments, or the problem with them. */
function parseArgs(args: string[]): Args | string {
  const a: Args = { tls: false, resolve: {}, timeoutMs: 3000, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const key = VALUE_OPTIONS[arg];
    if (key) (a as any)[key] = args[++i];
    else if (arg === '--tls') a.tls = true;
    else if (arg === '--timeout') a.timeoutMs = Number(args[++i]);
    else if (arg === '--resolve') {
      const m = /^([^:]+):(.+)$/.exec(args[++i] ?? '');
      if (!m) return `--resolve wants HOST:ADDRESS, got '${args[i]}'`;
      a.resolve[m[1].toLowerCase()] = m[2].replace(/^\[|\]$/g, '');
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else a.paths.push(arg);
  }
  const files = [a.caFile, a.certFile, a.keyFile, a.passwordFile, a.clientFile, ...a.paths].filter(
    (f) => f !== undefined,
  );
  const missing = files.filter((p) => !fs.existsSync(p!));
  if (missing.length > 0) return `no such file or folder: ${missing.join(', ')}`;
  if (a.user && !a.passwordFile) return '--sasl-scram needs --password-file';
  if (!!a.certFile !== !!a.keyFile) return '--cert and --key go together';
  if (!(a.timeoutMs > 0)) return '--timeout wants a positive number of ms';
  return a;
}

/** The connection of a client file: the listener asked for, else the first external one, else the first. */
function clientConnection(a: Args): ClientFacts | string {
  const all = readClientFile(a.clientFile!);
  const c = a.listener
    ? all.find((x) => x.listener === a.listener)
    : (all.find((x) => /external|nodeport/.test(x.listener)) ?? all[0]);
  if (!c) return `${a.clientFile}: no listener${a.listener ? ` '${a.listener}'` : ''} in this client file`;
  if (c.saslMechanism && c.saslMechanism !== 'SCRAM-SHA-512')
    return `${a.clientFile}: SASL mechanism ${c.saslMechanism} is not supported`;
  if (c.securityProtocol === 'SSL' && !a.certFile) {
    return (
      `${a.clientFile}: user ${c.user} signs in with a client certificate: give --cert FILE --key FILE (user.crt ` +
      `and user.key of Secret ${c.userSecret ?? c.user}${c.namespace ? ` in namespace ${c.namespace}` : ''})`
    );
  }
  if (c.saslMechanism && !a.passwordFile) {
    return (
      `${a.clientFile}: user ${c.user} signs in with SCRAM: give --password-file FILE (kubectl get secret ` +
      `${c.userSecret ?? c.user}${c.namespace ? ` -n ${c.namespace}` : ''} ` +
      `-o jsonpath='{.data.password}' | base64 -d > FILE)`
    );
  }
  return c;
}

/** The app folder's facts, when paths are given. */
function appFactsOf(paths: string[]): { offline?: DoctorReport; facts?: AppFacts } {
  if (paths.length === 0) return {};
  const { objects, nginx } = readDoctorInputs(paths);
  const offline = diagnose(objects, nginx);
  return {
    offline,
    facts: { listeners: listenerFacts(objects, offline), clients: clientFiles(paths).flatMap(readClientFile) },
  };
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  if (argv[0] === 'plan') return planMain(argv.slice(1), out); // strimzi-kraft plan: lib/plan/cli.ts
  if (argv[0] === 'migrate')
    return (require('../migrate/cli') as typeof import('../migrate/cli')).migrateMain(argv.slice(1), out);
  if (argv.length === 0) {
    process.stderr.write(`strimzi-kraft: give a command: doctor, plan or migrate\n${USAGE}\n`);
    return 2;
  }
  const args = argv[0] === 'doctor' ? argv.slice(1) : argv;
  if (args.includes('--help') || args.includes('-h')) {
    out(`${USAGE}\n`);
    return 0;
  }
  const a = parseArgs(args);
  const client = typeof a !== 'string' && a.clientFile ? clientConnection(a) : undefined;
  const problem = typeof a === 'string' ? a : typeof client === 'string' ? client : undefined;
  if (problem !== undefined || (typeof a !== 'string' && !a.bootstrap && !client && a.paths.length === 0)) {
    process.stderr.write(
      `strimzi-kraft doctor: ${problem ?? 'give --bootstrap, --client or a dist folder'}\n${USAGE}\n`,
    );
    return 2;
  }
  const o = a as Args;
  const c = client as ClientFacts | undefined;
  const { offline, facts } = appFactsOf(o.paths);
  const bootstrap = o.bootstrap ?? c?.bootstrapServers.split(',')[0];
  if (!bootstrap) {
    out(formatDoctorReport(offline!));
    return offline!.findings.length > 0 ? 1 : 0;
  }
  const read = (f: string | undefined) => (f ? fs.readFileSync(f, 'utf-8') : undefined);
  const user = o.user ?? (c?.saslMechanism ? c.user : undefined);
  const tls = o.tls || o.caFile !== undefined || o.certFile !== undefined || /SSL/.test(c?.securityProtocol ?? '');
  const report = await probeCluster({
    bootstrap,
    tls,
    ca: read(o.caFile),
    clientCertificate: o.certFile ? { cert: read(o.certFile)!, key: read(o.keyFile)! } : undefined,
    scram: user ? { username: user, password: read(o.passwordFile)!.trim() } : undefined,
    resolve: o.resolve,
    timeoutMs: o.timeoutMs,
  });
  const listener = facts ? listenerOf(facts, bootstrap, c) : undefined;
  const context: FixContext = {
    listener,
    client: c,
    user,
    tls,
    ca: o.caFile !== undefined,
    clientCertificate: o.certFile !== undefined,
    timeoutMs: o.timeoutMs,
  };
  const other = otherClusterLines(report, listener);
  out(formatOnlineReport(report, offline, context) + other.map((l) => `${l}\n`).join(''));
  return report.ok && other.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`strimzi-kraft doctor: ${(e as Error).message}\n`);
      process.exit(2);
    },
  );
}
