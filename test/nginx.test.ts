import { ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdk8s';
import { APPS } from '../apps/registry';
import { LoadBalancer, LoadBalancerShape, Storage } from '../lib';
import { StubWorker, connectOnce, findNginx, nginxTest, startNginx, stopNginx } from './support/nginx';
import { clusterChart } from './support/synth';

const nginx = findNginx();
const withNginx = nginx ? describe : describe.skip;
const STREAM_MODULE = '/usr/lib/nginx/modules/ngx_stream_module.so';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kraft-nginx-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

withNginx('generated nginx configurations pass nginx -t', () => {
  const lbs = Object.keys(APPS)
    .sort()
    .flatMap((name) => {
      const app = new App({ outdir: path.join(tmp, name) });
      APPS[name](app);
      return app.node
        .findAll()
        .filter((c): c is LoadBalancer => c instanceof LoadBalancer)
        .map((lb) => ({ name, app, lb }));
    });

  test('the example apps have both shapes', () => {
    expect(lbs.filter((x) => x.lb.externalHost).length).toBeGreaterThanOrEqual(1);
    expect(lbs.filter((x) => x.lb.inCluster).length).toBeGreaterThanOrEqual(1);
  });

  test.each(lbs.filter((x) => x.lb.externalHost).map((x) => [x.name, x]))(
    '%s: complete nginx.conf and the stream snippet',
    (_, { app }) => {
      // GIVEN the files synth writes
      app.synth(); // writes the YAML and the files beside it
      const files = fs.readdirSync(app.outdir).map((f) => path.join(app.outdir, f));
      const conf = files.find((f) => f.endsWith('.nginx.conf'))!;
      const snippet = files.find((f) => f.endsWith('.stream.conf'))!;

      // THEN nginx accepts the complete config (pid and error log moved to a scratch folder)...
      const runnable = path.join(tmp, `${path.basename(conf)}.test`);
      fs.writeFileSync(
        runnable,
        fs
          .readFileSync(conf, 'utf-8')
          .replace(/^pid .*;$/m, `pid ${tmp}/t.pid;`)
          .replace(/^error_log .*;$/m, `error_log ${tmp}/t.log;`),
      );
      const full = nginxTest(nginx!, runnable);
      expect(full.output).toContain('test is successful');

      // ...and the snippet wrapped in a minimal main config
      const wrapper = path.join(tmp, `${path.basename(snippet)}.main`);
      fs.writeFileSync(
        wrapper,
        `load_module ${STREAM_MODULE};\npid ${tmp}/w.pid;\nevents {}\nstream {\n    include ${snippet};\n}\n`,
      );
      expect(nginxTest(nginx!, wrapper).output).toContain('test is successful');
    },
  );

  test.each(lbs.filter((x) => x.lb.inCluster).map((x) => [x.name, x]))(
    '%s: the in-cluster ConfigMap nginx.conf',
    (_, { app, lb }) => {
      // GIVEN the nginx.conf of the ConfigMap, and the cluster's Service names resolvable (as in the cluster)
      const configMap = Testing.synth(app.charts[0]).find(
        (o) => o.kind === 'ConfigMap' && o.metadata.name === lb.baseName,
      );
      const conf = path.join(tmp, `${lb.baseName}.incluster.conf`);
      fs.writeFileSync(conf, configMap.data['nginx.conf'].replace('pid /tmp/nginx.pid;', `pid ${tmp}/i.pid;`));
      const hosts = path.join(tmp, 'hosts');
      const names = lb.model.streamConfig!.blocks.flatMap((b) => b.servers.map((s) => s.host));
      fs.writeFileSync(hosts, `127.0.0.1 localhost\n${names.map((n, i) => `127.0.1.${i + 1} ${n}`).join('\n')}\n`);

      // THEN
      const result = nginxTest(nginx!, conf, hosts);
      expect(result.output).toContain('test is successful');
    },
  );
});

withNginx('end to end on loopback through a real nginx', () => {
  // GIVEN three stand-in worker nodes and a cluster whose load balancer forwards to them
  const WORKERS = ['127.0.0.2', '127.0.0.3', '127.0.0.4'];
  const storage = Storage.ephemeral();
  const { cluster } = clusterChart({
    nodePools: {
      broker: { roles: ['broker'], replicas: 3, storage },
      controller: { roles: ['controller'], replicas: 3, storage },
    },
    nodePortListeners: [
      { bootstrapNodePort: 32100, bootstrapPort: 19094, advertisedHost: 'localhost', advertisedPortBase: 18091 },
    ],
  });
  const lb = cluster.addLoadBalancer('lb', {
    shape: LoadBalancerShape.externalHost({
      workers: WORKERS,
      listenAddress: '127.0.0.1',
      pidFile: path.join(tmp, 'e2e.pid'),
      errorLog: path.join(tmp, 'e2e.log'),
    }),
  });
  const listener = cluster.model.nodePortListeners[0];
  // what each listen port must reach: the model's NodePorts
  const expected = new Map<number, number>([
    [listener.listener.bootstrapPort, listener.listener.bootstrapNodePort],
    ...listener.brokers.map((b) => [b.advertisedPort, b.nodePort] as [number, number]),
  ]);
  const workers = WORKERS.map((a) => new StubWorker(a));
  let proc: ChildProcess | undefined;

  beforeAll(async () => {
    const nodePorts = [...expected.values()];
    for (const w of workers) await w.listen(nodePorts);
    const conf = path.join(tmp, 'e2e.nginx.conf');
    fs.writeFileSync(conf, lb.files[`${lb.baseName}.nginx.conf`]);
    proc = await startNginx(nginx!, conf, '127.0.0.1', listener.listener.bootstrapPort);
  }, 20_000);

  afterAll(async () => {
    await stopNginx(proc);
    for (const w of workers) await w.stop();
  });

  test('each advertised broker port reaches exactly its NodePort, and bootstrap reaches the bootstrap NodePort', async () => {
    const seenWorkers = new Set<string>();
    for (const [listenPort, nodePort] of expected) {
      for (let i = 0; i < 6; i++) {
        const r = await connectOnce('127.0.0.1', listenPort);
        expect(r).toMatchObject({ ok: true });
        const [address, port] = r.data.trim().split(':');
        expect(Number(port)).toBe(nodePort);
        seenWorkers.add(address);
      }
    }
    // round-robin spreads connections over every worker
    expect([...seenWorkers].sort()).toEqual(WORKERS);
  });

  test('with one worker stopped mid-run every new connection still succeeds', async () => {
    const ports = [...expected.keys()];
    let tried = 0;
    let succeeded = 0;
    const afterStop = new Set<string>();
    for (let i = 0; i < 200; i++) {
      if (i === 50) await workers[1].stop();
      const listenPort = ports[i % ports.length];
      const r = await connectOnce('127.0.0.1', listenPort);
      tried++;
      if (r.ok && Number(r.data.trim().split(':')[1]) === expected.get(listenPort)) succeeded++;
      if (i >= 50 && r.ok) afterStop.add(r.data.split(':')[0]);
    }
    // eslint-disable-next-line no-console
    console.log(
      `failover: ${succeeded}/${tried} connections succeeded; worker ${WORKERS[1]} stopped after connection 50`,
    );
    expect({ tried, succeeded }).toEqual({ tried: 200, succeeded: 200 });
    expect(afterStop.has(WORKERS[1])).toBe(false);
  });

  test('with every worker stopped connections fail cleanly, and nginx stays up', async () => {
    for (const w of workers) await w.stop();
    const started = Date.now();
    const results = [];
    for (let i = 0; i < 20; i++)
      results.push(await connectOnce('127.0.0.1', [...expected.keys()][i % expected.size], 5000));
    // eslint-disable-next-line no-console
    console.log(
      `all workers down: ${results.filter((r) => !r.ok).length}/20 connections failed, in ${Date.now() - started} ms`,
    );
    expect(results.every((r) => !r.ok && r.data === '' && r.error !== 'timeout')).toBe(true);
    expect(proc!.exitCode).toBeNull();
  });
});
