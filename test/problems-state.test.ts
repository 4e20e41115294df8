import { ApiObject, App, Chart, Testing } from 'cdk8s';
import {
  KafkaUser,
  KraftCluster,
  LoadBalancer,
  LoadBalancerShape,
  NodePoolOptions,
  Storage,
  StrimziOperator,
  findProblems,
} from '../lib';
import { addAppCheck } from '../lib/common/problems';

const storage = Storage.persistentClaim({ size: '10Gi' });
const controller: NodePoolOptions = { roles: ['controller'], replicas: 3, storage };
const broker: NodePoolOptions = { roles: ['broker'], replicas: 3, storage };
const external = { bootstrapNodePort: 32100, advertisedHost: 'kafka.example.com', advertisedPortBase: 8091 };

function app(): { app: App; chart: Chart; cluster: KraftCluster } {
  const a = Testing.app();
  const chart = new Chart(a, 'kafka', { namespace: 'kafka' });
  const cluster = new KraftCluster(chart, 'my-cluster', { nodePools: { controller, broker } });
  return { app: a, chart, cluster };
}

describe('findings are scoped to an app and computed per validation pass', () => {
  test('two apps in one process do not see each other', () => {
    // GIVEN two apps, each with a cluster using NodePort 32100
    const one = app();
    const two = app();
    one.cluster.addNodePortListener(external);
    two.cluster.addNodePortListener(external);

    // WHEN both are checked
    const rules = (a: App) => findProblems(a).map((p) => p.rule.id);

    // THEN neither reports the other's NodePort as a clash, and both synthesize
    expect(rules(one.app)).not.toContain('node-port-unique');
    expect(rules(two.app)).not.toContain('node-port-unique');
    expect(() => one.app.synthYaml()).not.toThrow();
    expect(() => two.app.synthYaml()).not.toThrow();
  });

  test('an app check registered by one app never runs for another', () => {
    // GIVEN two apps, an app check registered in the first only
    const one = app();
    const two = app();
    const ran: string[] = [];
    addAppCheck(one.app, 'test/which-app', (root) => (ran.push(root === one.app ? 'one' : 'other'), []));

    // WHEN both are checked
    findProblems(two.app);
    findProblems(one.app);

    // THEN it ran for its own app only
    expect(ran).toEqual(['one']);
  });

  test('a change after a synth is seen by the next synth, with no call to announce it', () => {
    // GIVEN an app that synthesized once
    const { app: a, cluster } = app();
    a.synthYaml();

    // WHEN a second listener takes the first one's port
    cluster.addNodePortListener(external);
    cluster.addNodePortListener({ ...external, name: 'other', port: 9095 });

    // THEN the next synth fails on it, and the Kafka spec shows both listeners
    expect(() => a.synthYaml()).toThrow(/32100/);
    expect(cluster.model.spec.listeners.map((l) => l.name)).toEqual(['plain', 'external', 'other']);
  });
});

describe('one pass per synth', () => {
  test('cdk8s validates the app once per chart; the findings are computed once', () => {
    // GIVEN an app of 20 charts, a cluster each, and an app check that counts its runs
    const a = Testing.app();
    let runs = 0;
    for (let i = 0; i < 20; i++) {
      const chart = new Chart(a, `c${i}`, { namespace: `ns${i}` });
      new KraftCluster(chart, `k${i}`, {
        nodePools: { [`b${i}`]: broker, [`c${i}`]: controller },
      });
    }
    addAppCheck(a, 'test/count', () => (runs++, []));

    // WHEN the app synthesizes (each chart's toJson validates the whole app)
    a.synthYaml();

    // THEN the app checks ran once
    expect(runs).toBe(1);
  });
});

describe('a pass never hides a change', () => {
  test('an object added by plain cdk8s code after a look at the findings is checked by the synth', () => {
    // GIVEN an app whose findings were read once
    const { app: a, chart } = app();
    new StrimziOperator(new Chart(a, 'ops'), 'op', { strimziVersion: '1.2.0', watchNamespaces: ['kafka'] });
    expect(findProblems(a).filter((p) => p.rule.severity === 'error')).toEqual([]);

    // WHEN a KafkaTopic of an API version no release serves is added with plain cdk8s
    new ApiObject(chart, 'old', { apiVersion: 'kafka.strimzi.io/v1alpha1', kind: 'KafkaTopic' });

    // THEN the synth refuses it
    expect(() => a.synthYaml()).toThrow(/resource-served/);
  });
});

describe('one mistake, one finding', () => {
  test.each([
    [
      'a user with authentication {}',
      (c: Chart, k: KraftCluster) => new KafkaUser(c, 'u', { cluster: k, authentication: {} as any }),
    ],
    [
      'an operator with podDisruptionBudget {}',
      (c: Chart) => new StrimziOperator(c, 'o', { podDisruptionBudget: {} as any }),
    ],
    [
      'a load balancer without a shape',
      (_c: Chart, k: KraftCluster) => {
        k.addNodePortListener(external);
        k.addLoadBalancer('lb', {} as any);
      },
    ],
    [
      'a load balancer given a cluster name instead of a cluster',
      (c: Chart) =>
        new LoadBalancer(c, 'lb', {
          cluster: 'my-cluster' as any,
          shape: LoadBalancerShape.externalHost({ workers: ['10.0.0.1'] }),
        }),
    ],
    ['a pool without roles', (_c: Chart, k: KraftCluster) => k.addNodePool('p', { replicas: 1, storage } as any)],
  ])('%s: the missing field is reported, nothing derived from its stand-in', (_name, build) => {
    // GIVEN a cluster and one construct with a required field left out
    const { app: a, chart, cluster } = app();
    build(chart, cluster);

    // WHEN / THEN every error of the construct is the prop-type finding of that field
    const errors = findProblems(a).filter((p) => p.rule.severity === 'error' && !p.path.endsWith('my-cluster'));
    expect(errors.map((p) => p.rule.id)).toEqual(['prop-type']);
  });
});
