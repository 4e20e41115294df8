import { ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing, Yaml } from 'cdk8s';
import { Kafka, ConfigResourceTypes, logLevel } from 'kafkajs';
import { LoadBalancerShape, Storage } from '../lib';
import { diagnosePaths, formatOnlineReport, main, probeCluster } from '../lib/doctor';
import { StandInBroker } from './support/kafka-stand-in';
import { findNginx, startNginx, stopNginx } from './support/nginx';
import { clusterChart } from './support/synth';

// The generated nginx config (real nginx on 127.0.0.1) in front of stand-in worker nodes
// 127.0.0.2-4, whose NodePorts are served by stand-in Kafka brokers; the online doctor and
// kafkajs talk to them through nginx. Ports differ from test/nginx.test.ts (jest runs files in parallel).
const nginx = findNginx();
const withNginx = nginx ? describe : describe.skip;
const WORKERS = ['127.0.0.2', '127.0.0.3', '127.0.0.4'];
const LB = '127.0.0.1';
const TIMEOUT = 1500;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kraft-doctor-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

withNginx('online doctor end to end through a real nginx', () => {
  jest.setTimeout(20_000);
  const storage = Storage.ephemeral();
  const { chart, cluster } = clusterChart({
    nodePools: {
      broker: { roles: ['broker'], replicas: 3, storage },
      controller: { roles: ['controller'], replicas: 3, storage },
    },
    nodePortListeners: [
      { bootstrapNodePort: 31200, bootstrapPort: 29094, advertisedHost: LB, advertisedPortBase: 28091 },
    ],
  });
  const lb = cluster.addLoadBalancer('lb', {
    shape: LoadBalancerShape.externalHost({
      workers: WORKERS,
      listenAddress: LB,
      pidFile: path.join(tmp, 'nginx.pid'),
      errorLog: path.join(tmp, 'nginx.log'),
    }),
  });
  const listener = cluster.model.nodePortListeners[0];
  const bootstrap = `${LB}:${listener.listener.bootstrapPort}`;
  const metadata = {
    clusterId: 'stand-in',
    controllerId: 0,
    brokers: listener.brokers.map((b) => ({ nodeId: b.nodeId, host: b.advertisedHost, port: b.advertisedPort })),
  };
  let brokers: StandInBroker[] = [];
  let proc: ChildProcess | undefined;

  /** Writes a dist folder (YAML + nginx files, optionally edited) and starts nginx on its config. */
  async function setUp(
    name: string,
    options: {
      nodePorts?: Record<number, number>;
      nginxEdit?: (conf: string) => string;
      yamlEdit?: (objects: any[]) => void;
    } = {},
  ): Promise<string> {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir);
    const objects = Testing.synth(chart);
    options.yamlEdit?.(objects);
    fs.writeFileSync(path.join(dir, 'app.k8s.yaml'), Yaml.stringify(...objects));
    const conf = (options.nginxEdit ?? ((c) => c))(lb.files[`${lb.baseName}.nginx.conf`]);
    fs.writeFileSync(path.join(dir, `${lb.baseName}.nginx.conf`), conf);
    // kube-proxy stand-in: every worker serves the bootstrap NodePort (broker 0) and each broker's NodePort
    brokers = listener.brokers.map((b) => new StandInBroker(b.nodeId, metadata));
    for (const w of WORKERS) {
      await brokers[0].listen(w, listener.listener.bootstrapNodePort);
      for (const [i, b] of listener.brokers.entries())
        await brokers[i].listen(w, options.nodePorts?.[b.nodeId] ?? b.nodePort);
    }
    proc = await startNginx(
      nginx!,
      path.join(dir, `${lb.baseName}.nginx.conf`),
      LB,
      listener.listener.bootstrapPort,
      'connect',
    );
    return dir;
  }

  afterEach(async () => {
    await stopNginx(proc);
    for (const b of brokers) await b.stop();
  });

  async function run(args: string[]): Promise<{ code: number; out: string; ms: number }> {
    let out = '';
    const started = Date.now();
    const code = await main(args, (s) => {
      out += s;
    });
    return { code, out, ms: Date.now() - started };
  }

  test('correct setup: every broker OK, answering with its own node ID', async () => {
    const dir = await setUp('good');
    expect(diagnosePaths([dir]).findings).toEqual([]);

    const r = await run(['doctor', '--bootstrap', bootstrap, '--timeout', String(TIMEOUT), dir]);
    // eslint-disable-next-line no-console
    console.log(`online doctor, good setup (${r.ms} ms):\n${r.out}`);
    expect(r.code).toBe(0);
    for (const b of listener.brokers) {
      expect(r.out).toMatch(
        new RegExp(
          `node ${b.nodeId}  127\\.0\\.0\\.1:${b.advertisedPort}  reachable  [\\d.]+ ms  node ${b.nodeId} answers  OK`,
        ),
      );
    }
    expect(r.out).toContain(
      '3 broker(s): 3 OK, 0 unreachable, 0 wrong broker, 0 answering (identity unknown), 0 unidentified',
    );
  });

  test("the seed's fault: broker 1's NodePort is not the one the load balancer forwards to", async () => {
    // GIVEN broker 1 without a pinned NodePort, so its Service got another one (31777) from the operator
    const dir = await setUp('seed-fault', {
      nodePorts: { 1: 31777 },
      yamlEdit: (objects) => {
        const kafka = objects.find((o) => o.kind === 'Kafka');
        delete kafka.spec.kafka.listeners
          .find((l: any) => l.name === 'external')
          .configuration.brokers.find((b: any) => b.broker === 1).nodePort;
      },
    });

    // THEN the offline doctor already names it
    const offline = diagnosePaths([dir]);
    expect(offline.findings.map((f) => `${f.check.id} ${f.subject.replace(dir, '<dist>')}`)).toEqual([
      'doctor-node-port-pinned broker 1',
      `doctor-forward-known <dist>/${lb.baseName}.nginx.conf:36 listen 28092`,
    ]);

    // and the online doctor names the broker, its advertised address and the missing link
    const r = await run(['doctor', '--bootstrap', bootstrap, '--timeout', String(TIMEOUT), dir]);
    // eslint-disable-next-line no-console
    console.log(`online doctor, seed fault (${r.ms} ms):\n${r.out}`);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/node 1 {2}127\.0\.0\.1:28092 {2}unreachable/);
    // nginx closes the connection at once: kafkajs sees a close or a reset, depending on timing
    expect(r.out).toMatch(
      /unreachable: KafkaJSConnection(ClosedError: Closed connection|Error: Connection error: read ECONNRESET)/,
    );
    expect(r.out).toContain(`broken link: load balancer :28092 (${dir}/${lb.baseName}.nginx.conf:`);
    expect(r.out).toContain('accepts the connection and closes it: nothing answers at port 31202 on 3 workers');
    expect(r.out).toContain(
      "cause: broker 1's NodePort is not pinned, so Service my-cluster-broker-1 got a random one the load balancer does not forward to",
    );
    expect(r.out).toContain(
      '3 broker(s): 2 OK, 1 unreachable, 0 wrong broker, 0 answering (identity unknown), 0 unidentified',
    );
    expect(r.ms).toBeLessThan(5 * TIMEOUT);

    // and the client library's own error is the seed's symptom: it bootstraps, then loses node 1
    const kafka = new Kafka({
      brokers: [bootstrap],
      clientId: 'seed-client',
      connectionTimeout: TIMEOUT,
      requestTimeout: TIMEOUT,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    expect((await admin.describeCluster()).brokers.map((b) => b.nodeId)).toEqual([0, 1, 2]);
    const error = await admin
      .describeConfigs({ resources: [{ type: ConfigResourceTypes.BROKER, name: '1' }], includeSynonyms: false })
      .then(
        () => undefined,
        (e) => e,
      );
    await admin.disconnect();
    // eslint-disable-next-line no-console
    console.log(`kafkajs, seed fault: ${error?.name}: ${error?.message} (broker ${error?.broker})`);
    expect(error?.name).toMatch(/^KafkaJSConnection(Closed)?Error$/);
    expect(error?.broker).toBe('127.0.0.1:28092');
  });

  test('two swapped load-balancer ports: wrong broker for both', async () => {
    // GIVEN an nginx config whose listen ports of brokers 0 and 1 are swapped
    const dir = await setUp('swapped', {
      nginxEdit: (c) =>
        c
          .replace('listen 127.0.0.1:28091;', 'listen 127.0.0.1:PORT0;')
          .replace('listen 127.0.0.1:28092;', 'listen 127.0.0.1:28091;')
          .replace('listen 127.0.0.1:PORT0;', 'listen 127.0.0.1:28092;'),
    });

    // THEN offline: both forwards go to the wrong broker
    expect(diagnosePaths([dir]).findings.map((f) => `${f.check.id} ${f.subject}`)).toEqual([
      'doctor-forward-right-broker broker 0',
      'doctor-forward-right-broker broker 1',
    ]);

    // online: the broker answering on each port is the other one
    const report = await probeCluster({ bootstrap, timeoutMs: TIMEOUT });
    expect(report.brokers.map((b) => [b.nodeId, b.status, b.answeringNodeId])).toEqual([
      [0, 'wrong-broker', 1],
      [1, 'wrong-broker', 0],
      [2, 'ok', 2],
    ]);
    const text = formatOnlineReport(report, diagnosePaths([dir]));
    // eslint-disable-next-line no-console
    console.log(`online doctor, swapped ports:\n${text}`);
    expect(text).toContain('wrong broker: node 1 answers on 127.0.0.1:28091, which is advertised for node 0');
    expect(text).toContain('broken link: load balancer :28091 (');
    expect(text).toContain("forwards to node 1 (NodePort 31202); it must forward to node 0's NodePort 31201");
  });

  test('nothing at the bootstrap address: a bounded failure, exit 1', async () => {
    const started = Date.now();
    const r = await run(['doctor', '--bootstrap', '127.0.0.1:29099', '--timeout', String(TIMEOUT)]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      'bootstrap 127.0.0.1:29099: REFUSED: nothing listens on 127.0.0.1:29099; fix: check the address, and that the ' +
        'load balancer runs\n',
    );
    expect(Date.now() - started).toBeLessThan(3 * TIMEOUT);
  });
});
