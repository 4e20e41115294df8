#!/usr/bin/env node
/**
 * strimzi-kraft plan <before> <after>: see lib/plan/cli.ts.
 * strimzi-kraft doctor <dist/app or files...>
 *   Offline: explains the address chain of every external broker in synthesized manifests and
 *   nginx configurations, and names each break. Exit 1 on any finding.
 * strimzi-kraft doctor --bootstrap host:port [--tls [--ca FILE]] [--sasl-scram USER --password-file FILE]
 *                      [--timeout MS] [dist/app or files...]
 *   Online: fetches metadata from the bootstrap, connects to every advertised broker and checks
 *   that the broker answering is the one advertised. With a dist folder, says which link of the
 *   chain is broken. Exit 1 on any failure.
 */
import * as fs from 'fs';
import { AddressChain, DoctorReport, diagnosePaths, formatDoctorReport } from './offline';
import { BrokerProbe, OnlineReport, probeCluster } from './online';
import { planMain } from '../plan/cli';

const USAGE = [
  'usage: strimzi-kraft doctor <dist/app or files...>',
  '       strimzi-kraft doctor --bootstrap host:port [--tls [--ca FILE]] [--sasl-scram USER --password-file ' +
    'FILE] [--timeout MS] [dist/app or files...]',
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
): string[] {
  if (b.status === 'ok') return [];
  const lines: string[] = [];
  const link = (hop: string) => chain?.links.find((l) => l.hop === hop);
  const lb = link('load balancer');
  const nodePort = link('NodePort');
  const service = link('Service')?.value;
  if (chain && chain.links[0].value !== `${b.host}:${b.port}`) {
    lines.push(
      `the cluster advertises ${b.host}:${b.port} for node ${b.nodeId}, but the manifests say ` +
        `${chain.links[0].value}: the running cluster is not what they describe`,
    );
  }
  if (b.status === 'wrong-broker') {
    const other = offline?.chains.find((c) => c.nodeId === b.answeringNodeId && c.listener === chain?.listener);
    lines.push(
      `wrong broker: node ${b.answeringNodeId} answers on ${b.host}:${b.port}, which is advertised for node ` +
        `${b.nodeId}`,
    );
    if (lb) {
      const via = other ? ` (NodePort ${other.links.find((l) => l.hop === 'NodePort')?.value})` : '';
      lines.push(
        `broken link: load balancer ${lb.value.split(' -> ')[0]} forwards to node ${b.answeringNodeId}${via}; ` +
          `it must forward to node ${b.nodeId}'s NodePort ${nodePort?.value ?? '?'}`,
      );
    }
    return lines;
  }
  if (b.status === 'unidentified') {
    lines.push(`reachable, but who answers is unknown: ${b.error}`);
    return lines;
  }
  lines.push(`unreachable: ${b.error}`);
  if (!chain) {
    lines.push(
      `(give the dist folder of the app to name the broken link; clients report this as "Disconnected from node ` +
        `${b.nodeId} due to timeout")`,
    );
    return lines;
  }
  if (b.failure === 'refused') {
    lines.push(
      `broken link: nothing listens on ${b.host}:${b.port}; ` +
        (lb
          ? `the load balancer should (${lb.value.split(' -> ')[0]}): is it running with this configuration?`
          : 'no load balancer configuration listens on this port'),
    );
  } else if (b.failure === 'closed') {
    const [lbPort, lbTargets] = (lb?.value ?? '').split(' -> ');
    lines.push(
      lb
        ? `broken link: load balancer ${lbPort} accepts the connection and closes it: nothing answers at ${lbTargets}`
        : 'broken link: the connection is accepted and closed',
    );
    lines.push(
      nodePort && !nodePort.ok
        ? `cause: broker ${b.nodeId}'s NodePort is not pinned, so Service ${service} got a random one the load ` +
            `balancer does not forward to`
        : `check that Service ${service} has NodePort ${nodePort?.value ?? '?'} and the workers forward it ` +
            `(kubectl get svc ${service})`,
    );
  } else if (b.failure === 'timeout') {
    lines.push(
      `broken link: no answer from ${b.host}:${b.port} in time: a firewall drops the packets, or ` +
        (lb
          ? `the load balancer (${lb.value.split(' -> ')[0]}) cannot reach NodePort ${nodePort?.value ?? '?'}`
          : 'the address is not the load balancer'),
    );
  } else {
    lines.push(
      'broken link: ' +
        (b.failure === 'tls'
          ? 'TLS handshake (check --ca and the advertised host names in the certificate)'
          : b.failure === 'auth'
            ? 'authentication (check the SCRAM user and password)'
            : 'see the error above'),
    );
  }
  const broken = chain.links.filter((l) => !l.ok);
  if (broken.length) lines.push(`the manifests already show: ${broken.map((l) => `${l.hop} ${l.value}`).join('; ')}`);
  return lines;
}

/** The online report as text. */
export function formatOnlineReport(report: OnlineReport, offline?: DoctorReport): string {
  const lines: string[] = [];
  if (!report.bootstrapOk) {
    lines.push(`bootstrap ${report.bootstrap}: UNREACHABLE: ${report.bootstrapError}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `bootstrap ${report.bootstrap}: OK in ${ms(report.bootstrapLatencyMs)}; ${report.brokers.length} broker(s) ` +
      `advertised, controller ${report.controllerId ?? '-'}${report.clusterId ? `, cluster ${report.clusterId}` : ''}`,
  );
  for (const b of report.brokers) {
    const state =
      b.status === 'ok'
        ? 'OK'
        : b.status === 'wrong-broker'
          ? 'WRONG BROKER'
          : b.status === 'unidentified'
            ? 'UNIDENTIFIED'
            : 'UNREACHABLE';
    const answer = b.answeringNodeId !== undefined ? `node ${b.answeringNodeId} answers` : 'no answer';
    lines.push(
      `  node ${b.nodeId}  ${b.host}:${b.port}  ${b.latencyMs !== undefined ? 'reachable' : 'unreachable'}  ` +
        `${ms(b.latencyMs)}  ${answer}  ${state}`,
    );
    for (const l of explainBroker(b, chainFor(offline, b), offline)) lines.push(`      ${l}`);
  }
  const count = (s: BrokerProbe['status']) => report.brokers.filter((b) => b.status === s).length;
  lines.push(
    `${report.brokers.length} broker(s): ${count('ok')} OK, ${count('unreachable')} unreachable, ` +
      `${count('wrong-broker')} wrong broker, ${count('unidentified')} unidentified; ${report.elapsedMs} ms`,
  );
  return `${lines.join('\n')}\n`;
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  if (argv[0] === 'plan') return planMain(argv.slice(1), out); // strimzi-kraft plan: lib/plan/cli.ts
  const args = argv[0] === 'doctor' ? argv.slice(1) : argv;
  let bootstrap: string | undefined;
  let tls = false;
  let caFile: string | undefined;
  let user: string | undefined;
  let passwordFile: string | undefined;
  let timeoutMs = 3000;
  const paths: string[] = [];
  if (args.includes('--help') || args.includes('-h')) {
    out(`${USAGE}\n`);
    return 0;
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--bootstrap') bootstrap = args[++i];
    else if (a === '--tls') tls = true;
    else if (a === '--ca') caFile = args[++i];
    else if (a === '--sasl-scram') user = args[++i];
    else if (a === '--password-file') passwordFile = args[++i];
    else if (a === '--timeout') timeoutMs = Number(args[++i]);
    else if (a.startsWith('-')) {
      process.stderr.write(`unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else paths.push(a);
  }
  if ((!bootstrap && paths.length === 0) || (user && !passwordFile) || !(timeoutMs > 0)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const missing = [...paths, ...(caFile ? [caFile] : []), ...(passwordFile ? [passwordFile] : [])].filter(
    (p) => !fs.existsSync(p),
  );
  if (missing.length > 0) {
    process.stderr.write(`strimzi-kraft doctor: no such file or folder: ${missing.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  const offline = paths.length > 0 ? diagnosePaths(paths) : undefined;
  if (!bootstrap) {
    out(formatDoctorReport(offline!));
    return offline!.findings.length > 0 ? 1 : 0;
  }
  const report = await probeCluster({
    bootstrap,
    tls: tls || caFile !== undefined,
    ca: caFile ? fs.readFileSync(caFile, 'utf-8') : undefined,
    scram: user ? { username: user, password: fs.readFileSync(passwordFile!, 'utf-8').trim() } : undefined,
    timeoutMs,
  });
  out(formatOnlineReport(report, offline));
  return report.ok ? 0 : 1;
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
