import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Lazy } from 'cdk8s';
import { KraftCluster, LoadBalancerShape, synthApp } from '../lib';
import { external, pools } from './support/rule-cases';

const workers = ['10.0.0.1', '10.0.0.2'];

describe('synthApp: every file of an app is checked before any is written', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kraft-synth-app-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const clusterWithLb = (app: App, chartId: string, namespace: string) =>
    new KraftCluster(new Chart(app, chartId, { namespace }), 'c', {
      nodePools: pools,
      nodePortListeners: [external],
    }).addLoadBalancer('lb', { shape: LoadBalancerShape.externalHost({ workers }) });

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
    // ...where plain app.synth() writes chart a and then fails
    expect(() => app.synth()).toThrow('cannot render');
    expect(fs.readdirSync(path.join(tmp, 'out'))).toEqual(['a.k8s.yaml']);
  });
});
