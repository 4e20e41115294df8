import { ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LoadBalancerShape, Storage } from '../lib';
import { BlackholeWorker } from './support/blackhole';
import { StubWorker, connectOnce, findNginx, startNginx, stopNginx } from './support/nginx';
import { clusterChart } from './support/synth';

const nginx = findNginx();
const withNginx = nginx ? describe : describe.skip;

// Kafka clients give up on a connection after 10 s (Java socket.connection.setup.timeout.ms).
const CLIENT_DEADLINE_MS = 10_000;
const CLIENTS = 120;

withNginx('a worker that never accepts (blackhole) behind the default load balancer', () => {
  // GIVEN six stand-in workers on loopback, one of which drops every SYN, and a load balancer
  // with the default timeouts forwarding to all six (addresses and ports of their own, so this
  // file can run next to test/nginx.test.ts)
  const WORKERS = ['127.0.2.1', '127.0.2.2', '127.0.2.3', '127.0.2.4', '127.0.2.5', '127.0.2.6'];
  const DEAD = WORKERS[3];
  const LISTEN = '127.0.2.100';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kraft-blackhole-'));
  const storage = Storage.ephemeral();
  const { cluster } = clusterChart({
    nodePools: {
      broker: { roles: ['broker'], replicas: 3, storage },
      controller: { roles: ['controller'], replicas: 3, storage },
    },
    nodePortListeners: [
      { bootstrapNodePort: 32200, bootstrapPort: 29094, advertisedHost: 'localhost', advertisedPortBase: 28091 },
    ],
  });
  const lb = cluster.addLoadBalancer('lb', {
    shape: LoadBalancerShape.externalHost({
      workers: WORKERS,
      listenAddress: LISTEN,
      pidFile: path.join(tmp, 'nginx.pid'),
      errorLog: path.join(tmp, 'error.log'),
    }),
  });
  const listener = cluster.model.nodePortListeners[0];
  const nodePortOf = new Map<number, number>([
    [listener.listener.bootstrapPort, listener.listener.bootstrapNodePort],
    ...listener.brokers.map((b) => [b.advertisedPort, b.nodePort] as [number, number]),
  ]);
  const live = WORKERS.filter((w) => w !== DEAD).map((a) => new StubWorker(a));
  const dead = new BlackholeWorker(DEAD);
  let proc: ChildProcess | undefined;

  beforeAll(async () => {
    const nodePorts = [...nodePortOf.values()];
    for (const w of live) await w.listen(nodePorts);
    await dead.listen(nodePorts);
    const conf = path.join(tmp, 'nginx.conf');
    fs.writeFileSync(conf, lb.files[`${lb.baseName}.nginx.conf`]);
    proc = await startNginx(nginx!, conf, LISTEN, listener.listener.bootstrapPort);
  }, 20_000);

  afterAll(async () => {
    await stopNginx(proc);
    for (const w of live) await w.stop();
    await dead.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('the blackhole neither accepts nor refuses', async () => {
    const r = await connectOnce(DEAD, listener.listener.bootstrapNodePort, 1000);
    expect(r).toEqual({ ok: false, data: '', error: 'timeout' });
  });

  test(`${CLIENTS} concurrent clients all reach a live worker within ${CLIENT_DEADLINE_MS / 1000} s`, async () => {
    // WHEN clients connect to every listen port at once, each with the Kafka client's deadline
    const ports = [...nodePortOf.keys()];
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const port = ports[i % ports.length];
        const t0 = Date.now();
        const r = await connectOnce(LISTEN, port, CLIENT_DEADLINE_MS);
        const [worker, nodePort] = r.data.trim().split(':');
        return { ok: r.ok && Number(nodePort) === nodePortOf.get(port), worker, ms: Date.now() - t0 };
      }),
    );
    const failed = results.filter((r) => !r.ok).length;
    const slowest = Math.max(...results.map((r) => r.ms));
    const delayed = results.filter((r) => r.ms >= 1900).length;
    const timedOut = (fs.readFileSync(path.join(tmp, 'error.log'), 'utf-8').match(/upstream timed out/g) ?? []).length;
    // eslint-disable-next-line no-console
    console.log(
      `blackhole: ${failed}/${CLIENTS} clients failed; slowest ${slowest} ms; ${delayed} waited for the dead worker ` +
        `(nginx logged ${timedOut} upstream connect timeouts); all done in ${Date.now() - started} ms`,
    );

    // THEN no client fails, every one is served within its deadline by a live worker...
    expect(failed).toBe(0);
    expect(slowest).toBeLessThan(CLIENT_DEADLINE_MS);
    expect(results.some((r) => r.worker === DEAD)).toBe(false);
    // ...and the dead worker was really tried: nginx timed out connecting to it and moved on
    expect(timedOut).toBeGreaterThan(0);
    expect(delayed).toBeGreaterThan(0);
  }, 30_000);
});
