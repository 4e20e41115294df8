import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Lazy } from 'cdk8s';
import { KraftCluster, LoadBalancerShape, Storage, synthApp } from '../lib';
import { external, pools } from './support/rule-cases';

const workers = ['10.0.0.1', '10.0.0.2'];

/** A chart with a cluster and an external-host load balancer. */
const clusterWithLb = (app: App, chartId: string, namespace: string) =>
  new KraftCluster(new Chart(app, chartId, { namespace }), 'c', {
    nodePools: pools,
    nodePortListeners: [external],
  }).addLoadBalancer('lb', { shape: LoadBalancerShape.externalHost({ workers }) });

describe('synthApp: every file of an app is checked before any is written', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kraft-synth-app-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('a valid app: YAML of every chart and the nginx files', () => {
    const app = new App({ outdir: path.join(tmp, 'out') });
    clusterWithLb(app, 'kafka', 'kafka');
    expect(synthApp(app).map((f) => path.basename(f))).toEqual([
      'c-external-lb.nginx.conf',
      'c-external-lb.stream.conf',
    ]);
    expect(fs.readdirSync(path.join(tmp, 'out')).sort()).toEqual([
      'c-external-lb.nginx.conf',
      'c-external-lb.stream.conf',
      'kafka.k8s.yaml',
    ]);
  });

  test('nginx files that would clash fail the synth before the YAML is written (not after, as before)', () => {
    // GIVEN one cluster name in two namespaces: both load balancers would write c-external-lb.*.conf
    const app = new App({ outdir: path.join(tmp, 'out') });
    clusterWithLb(app, 'one', 'one');
    clusterWithLb(app, 'two', 'two');

    // WHEN / THEN
    expect(() => synthApp(app)).toThrow(
      '[one/c/lb] files = "c-external-lb.*.conf": load balancer two/c/lb writes files of these names too',
    );
    expect(fs.existsSync(path.join(tmp, 'out'))).toBe(false);
    // cdk8s's own synth now fails at validation too, before writing YAML
    expect(() => app.synth()).toThrow('[lb-file-names-unique]');
  });

  test('an object that cannot be rendered in a later chart leaves nothing behind', () => {
    // GIVEN a valid first chart and a second chart whose object throws while it is rendered
    const app = new App({ outdir: path.join(tmp, 'out') });
    clusterWithLb(app, 'a', 'a');
    const broken = new Chart(app, 'b');
    new ApiObject(broken, 'x', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      data: Lazy.any({
        produce: () => {
          throw new Error('cannot render');
        },
      }),
    });

    // WHEN / THEN synthApp renders everything before writing, so no YAML of chart a is left...
    expect(() => synthApp(app)).toThrow('cannot render');
    expect(fs.existsSync(path.join(tmp, 'out'))).toBe(false);
    // ...and so does plain app.synth(), which the library took over (cdk8s's own would write chart a, then fail)
    expect(() => app.synth()).toThrow('cannot render');
    expect(fs.existsSync(path.join(tmp, 'out'))).toBe(false);
  });
});

describe('app.synth() once a construct of the library joined the app', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kraft-app-synth-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('writes the YAML and every file beside it, like synthApp with ARCHITECTURE.md', () => {
    // GIVEN an app with a cluster and an external-host load balancer, synthesized both ways
    const viaSynth = new App({ outdir: path.join(tmp, 'via-synth') });
    clusterWithLb(viaSynth, 'kafka', 'kafka');
    const viaSynthApp = new App({ outdir: path.join(tmp, 'via-synth-app') });
    clusterWithLb(viaSynthApp, 'kafka', 'kafka');

    // WHEN one calls plain app.synth() and the other synthApp with the same title
    viaSynth.synth();
    synthApp(viaSynthApp, { architectureTitle: 'kafka' });

    // THEN both wrote the same files with the same bytes
    const files = fs.readdirSync(path.join(tmp, 'via-synth')).sort();
    expect(files).toEqual([
      'ARCHITECTURE.md',
      'c-external-lb.nginx.conf',
      'c-external-lb.stream.conf',
      'kafka.k8s.yaml',
    ]);
    for (const f of files) {
      expect(fs.readFileSync(path.join(tmp, 'via-synth', f), 'utf-8')).toBe(
        fs.readFileSync(path.join(tmp, 'via-synth-app', f), 'utf-8'),
      );
    }
  });

  test('only the instance is taken over: an App without a construct of the library synthesizes as cdk8s does', () => {
    // GIVEN an app holding only a plain ApiObject
    const app = new App({ outdir: path.join(tmp, 'plain') });
    new ApiObject(new Chart(app, 'plain'), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });

    // WHEN it is synthesized THEN synth is cdk8s's own (the prototype's) and writes the YAML
    expect(Object.prototype.hasOwnProperty.call(app, 'synth')).toBe(false);
    app.synth();
    expect(fs.readdirSync(path.join(tmp, 'plain'))).toEqual(['plain.k8s.yaml']);
  });

  test('a successful synth prints each warning once, one line each, and writes', () => {
    // GIVEN an app whose external listener is plaintext and unauthenticated (two warnings)
    const app = new App({ outdir: path.join(tmp, 'warned') });
    new KraftCluster(new Chart(app, 'kafka'), 'c', {
      nodePools: pools,
      nodePortListeners: [{ ...external, tls: false, authentication: 'none' }],
    });
    const printed: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((line: string) => {
      printed.push(line);
    });

    // WHEN it is synthesized
    try {
      app.synth();
    } finally {
      spy.mockRestore();
    }

    // THEN the two warnings, one line each, and the output is written
    expect(printed).toEqual([
      '[kafka/c/external-listener] warning: tls = false: clients outside the cluster connect without encryption. Fix: remove tls: false (TLS is the default; clients then trust the cluster CA) [external-plaintext]',
      "[kafka/c/external-listener] warning: authentication: anyone who reaches the load balancer can produce and consume. Fix: remove authentication: 'none' (the default is scram-sha-512) [external-unauthenticated]",
    ]);
    expect(printed.every((l) => !l.includes('\n'))).toBe(true);
    expect(fs.readdirSync(path.join(tmp, 'warned')).sort()).toEqual(['ARCHITECTURE.md', 'kafka.k8s.yaml']);
  });

  test('a failing app throws the errors in code (tests) and prints nothing', () => {
    // GIVEN an app with an error (a NodePort outside 30000-32767) and a warning (plaintext listener)
    const app = new App({ outdir: path.join(tmp, 'failing') });
    new KraftCluster(new Chart(app, 'kafka'), 'c', {
      nodePools: { dual: { roles: ['broker', 'controller'], replicas: 3, storage: Storage.ephemeral() } },
      nodePortListeners: [{ bootstrapNodePort: 80, advertisedHost: 'k.example.com', tls: false }],
    });
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    // WHEN it is synthesized THEN it throws the error line, prints nothing and writes nothing
    try {
      const line = /\n {2}\[kafka\/c\/external-listener\] bootstrapNodePort = 80: .*\[bootstrap-node-port\]/;
      expect(() => app.synth()).toThrow(/^Validation failed with the following errors:/);
      expect(() => app.synth()).toThrow(line);
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
    expect(fs.existsSync(path.join(tmp, 'failing'))).toBe(false);
  });
});
