import { Chart, Testing } from 'cdk8s';
import {
  DoctorUser,
  KafkaBridge,
  KafkaClient,
  KafkaConnect,
  KafkaMirrorMaker2,
  KafkaRebalance,
  KafkaTopic,
  KafkaUser,
  KraftCluster,
  KraftConfigError,
  LoadBalancer,
  LoadBalancerShape,
  NodePool,
  StrimziCrds,
  StrimziMonitoring,
  StrimziOperator,
  checkApp,
  clientConnectionOf,
  findProblems,
  formatProblem,
  printWarnings,
  synthApp,
} from '../lib';
import { external, pools } from './support/rule-cases';

/** A chart in a fresh app with one cluster `c` that has a nodeport listener. */
function setUp(): { chart: Chart; cluster: KraftCluster } {
  const chart = Testing.chart();
  const cluster = new KraftCluster(chart, 'c', { nodePools: pools, nodePortListeners: [external] });
  return { chart, cluster };
}

const lb = () => ({ shape: LoadBalancerShape.externalHost({ workers: ['10.0.0.1'] }) });
const notString = (v: string, what: string) =>
  `[test] id = ${v}: ${what}, not a non-empty string. Fix: pass a non-empty string [prop-type]`;
const empty = (path: string) =>
  `[${path}] id = "": not a non-empty string. Fix: give it a name, e.g. 'kafka' (only an app has an empty id) [prop-type]`;
const noScope = (v: string, what: string) =>
  `[(no construct)] scope${v}: ${what}. Fix: pass a Chart or a construct inside one [prop-type]`;

describe('every argument of a public constructor or method is checked like props: one line, nothing built', () => {
  test.each<[string, (s: { chart: Chart; cluster: KraftCluster }) => unknown, string]>([
    [
      'addLoadBalancer(10n, ...)',
      ({ cluster }) => cluster.addLoadBalancer(10n as any, lb()),
      '[test/c] id = "10n": a BigInt, not a non-empty string. Fix: pass a non-empty string [prop-type]',
    ],
    ["addLoadBalancer('', ...)", ({ cluster }) => cluster.addLoadBalancer('', lb()), empty('test/c')],
    [
      'new KraftCluster(chart, 5)',
      ({ chart }) => new KraftCluster(chart, 5 as any, { nodePools: pools }),
      notString('5', 'a number'),
    ],
    [
      'new KraftCluster(undefined, id)',
      () => new KraftCluster(undefined as any, 'x', { nodePools: pools }),
      noScope('', 'missing; it is required'),
    ],
    [
      'new KraftCluster(app, id): an App is no Chart',
      ({ chart }) => new KraftCluster(chart.node.root as any, 'x', { nodePools: pools }),
      '[(the app)] scope = <root>: a App, not a Chart or a construct inside one. Fix: pass a Chart or a construct inside one [prop-type]',
    ],
    [
      'KraftCluster.fromAttributes(chart, 5, ...)',
      ({ chart }) => KraftCluster.fromAttributes(chart, 5 as any, { clusterName: 'x' } as any),
      notString('5', 'a number'),
    ],
    [
      'new KafkaUser(chart, 7, ...)',
      ({ chart, cluster }) => new KafkaUser(chart, 7 as any, { cluster, authentication: { type: 'scram-sha-512' } }),
      notString('7', 'a number'),
    ],
    [
      'new DoctorUser(chart, [], ...)',
      ({ chart, cluster }) => new DoctorUser(chart, [] as any, { cluster }),
      notString('[]', 'an array'),
    ],
    ["new KafkaTopic(chart, '', ...)", ({ chart, cluster }) => new KafkaTopic(chart, '', { cluster }), empty('test')],
    [
      'new StrimziOperator(chart, null)',
      ({ chart }) => new StrimziOperator(chart, null as any),
      notString('null', 'null'),
    ],
    [
      "new StrimziCrds(5, 'crds')",
      () => new StrimziCrds(5 as any, 'crds'),
      noScope(' = 5', 'a number, not a Chart or a construct inside one'),
    ],
    [
      'new LoadBalancer(chart, 3, ...)',
      ({ chart, cluster }) => new LoadBalancer(chart, 3 as any, { cluster, ...lb() }),
      notString('3', 'a number'),
    ],
    [
      "endpointFor('1')",
      ({ cluster }) => cluster.nodePortListeners[0].endpointFor('1' as any),
      '[test/c/external-listener] nodeId = "1": a string, not an integer. Fix: pass an integer [prop-type]',
    ],
    [
      "clientConnectionOf('alice')",
      () => clientConnectionOf('alice' as any),
      '[(no construct)] user = "alice": a string, not a KafkaUser. Fix: pass a KafkaUser [prop-type]',
    ],
    [
      "checkApp('app')",
      () => checkApp('app' as any),
      '[(no construct)] app = "app": a string, not a cdk8s App. Fix: pass a cdk8s App [prop-type]',
    ],
    [
      "synthApp(app, 'title')",
      ({ chart }) => synthApp(chart.node.root as any, 'title' as any),
      '[(the app)] options = "title": a string, not an object { architectureTitle }. Fix: pass an object ' +
        '{ architectureTitle } [prop-type]',
    ],
    [
      'findProblems(undefined)',
      () => findProblems(undefined as any),
      '[(no construct)] root: missing; it is required. Fix: pass a construct (an App, a Chart or a construct inside ' +
        'one) [prop-type]',
    ],
    [
      "new NodePool(chart, 'p', ...)",
      ({ chart }) => new NodePool(chart as any, 'p', pools.broker),
      '[test] cluster = test: a Chart, not a KraftCluster. Fix: pass a KraftCluster [prop-type]',
    ],
    [
      'new NodePool(cluster, 5, ...)',
      ({ cluster }) => new NodePool(cluster, 5 as any, pools.broker),
      '[test/c] name = 5: a number, not a non-empty string. Fix: pass a non-empty string [prop-type]',
    ],
    [
      'new KafkaClient(chart, 7n)',
      ({ chart, cluster }) => new KafkaClient(chart, 7n as any, { cluster }),
      notString('"7n"', 'a BigInt'),
    ],
    [
      'new KafkaConnect(chart, 5)',
      ({ chart, cluster }) => new KafkaConnect(chart, 5 as any, { cluster }),
      notString('5', 'a number'),
    ],
    [
      'new KafkaMirrorMaker2(undefined, id)',
      ({ cluster }) => new KafkaMirrorMaker2(undefined as any, 'mm2', { target: { cluster } }),
      noScope('', 'missing; it is required'),
    ],
    ["new KafkaBridge(chart, '')", ({ chart, cluster }) => new KafkaBridge(chart, '', { cluster }), empty('test')],
    [
      'new KafkaRebalance(chart, 5)',
      ({ chart, cluster }) => new KafkaRebalance(chart, 5 as any, { cluster }),
      notString('5', 'a number'),
    ],
    [
      'new StrimziMonitoring(chart, 5)',
      ({ chart, cluster }) => new StrimziMonitoring(chart, 5 as any, { clusters: [cluster] }),
      notString('5', 'a number'),
    ],
    [
      'printWarnings(chart, 5)',
      ({ chart }) => printWarnings(chart, 5 as any),
      '[test] write = 5: a number, not a function. Fix: pass (line) => ... [prop-type]',
    ],
  ])('%s', (_name, call, line) => {
    // GIVEN an app with a valid cluster
    const s = setUp();
    const before = s.chart.node.findAll().length;

    // WHEN the call gets a bad argument, THEN it throws that one line, and no construct was added
    let thrown: unknown;
    try {
      call(s);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(KraftConfigError);
    expect((thrown as Error).message).toBe(line);
    expect(s.chart.node.findAll().length).toBe(before);
  });

  test("connect.addConnector('', ...): one line, no connector added", () => {
    const { chart, cluster } = setUp();
    const connect = new KafkaConnect(chart, 'connect', { cluster });
    const before = chart.node.findAll().length;
    expect(() => connect.addConnector('', { class: 'org.example.Source' })).toThrow(KraftConfigError);
    expect(() => connect.addConnector('', { class: 'org.example.Source' })).toThrow(empty('test/connect'));
    expect(chart.node.findAll().length).toBe(before);
  });

  test('the load balancer an id was checked for is made as before', () => {
    const { cluster } = setUp();
    expect(cluster.addLoadBalancer('lb', lb()).node.path).toBe('test/c/lb');
    expect(cluster.nodePortListeners[0].endpointFor(1).advertisedPort).toBe(8092);
  });
});

describe('options that are no object are one finding at the construct they make', () => {
  test.each<[string, (c: KraftCluster) => unknown, string]>([
    [
      "addLoadBalancer('lb', 'x')",
      (c) => c.addLoadBalancer('lb', 'x' as any),
      '[test/c/lb] props = "x": a string, not an object { cluster, shape, listener, maxFails, failTimeout, ' +
        'proxyConnectTimeout, proxyTimeout }. Fix: pass an object { cluster, shape, listener, maxFails, failTimeout, ' +
        'proxyConnectTimeout, proxyTimeout } [prop-type]',
    ],
    [
      // the stand-in's default name 'external' is not also "another external listener has this name"
      'addNodePortListener(5) next to the listener named external',
      (c) => c.addNodePortListener(5 as any),
      '[test/c/listener-4] props = 5: a number, not an object { name, port, tls, authentication, bootstrapNodePort, ' +
        'bootstrapPort, advertisedHost, nodePortBase, advertisedPortBase, brokers, externalTrafficPolicy }. Fix: pass ' +
        'an object { name, port, tls, authentication, bootstrapNodePort, bootstrapPort, advertisedHost, nodePortBase, ' +
        'advertisedPortBase, brokers, externalTrafficPolicy } [prop-type]',
    ],
  ])('%s', (_name, call, line) => {
    // GIVEN
    const { chart, cluster } = setUp();

    // WHEN
    call(cluster);

    // THEN the one error of the app
    const errors = findProblems(chart.node.root).filter((p) => p.rule.severity === 'error');
    expect(errors.map(formatProblem)).toEqual([line]);
  });

  test("connect.addConnector('a', null): one prop-type finding at the connector", () => {
    const { chart, cluster } = setUp();
    new KafkaConnect(chart, 'connect', { cluster }).addConnector('a', null as any);
    const errors = findProblems(chart.node.root).filter((p) => p.rule.severity === 'error');
    expect(errors.map((p) => `${p.path} ${p.field} ${p.rule.id}`)).toEqual(['test/connect/a props prop-type']);
  });

  test('addExternalListener(null) twice: one finding each, no name clash of their stand-ins', () => {
    const { chart, cluster } = setUp();
    cluster.addExternalListener(null as any);
    cluster.addExternalListener(null as any);
    const errors = findProblems(chart.node.root).filter((p) => p.rule.severity === 'error');
    expect(errors.map((p) => `${p.path} ${p.field} ${p.rule.id}`)).toEqual([
      'test/c/listener-4 props prop-type',
      'test/c/listener-5 props prop-type',
    ]);
  });

  test('an external listener named like another one: one line naming externalListeners', () => {
    const { cluster } = setUp();
    cluster.addExternalListener({ type: 'cluster-ip', name: 'proxied', port: 9097 });
    expect(() => cluster.addExternalListener({ type: 'cluster-ip', name: 'proxied', port: 9098 })).toThrow(
      '[test/c] externalListeners = "proxied": another external listener of the cluster has this name. Fix: give ' +
        'every listener its own name [listener-name-unique]',
    );
  });
});
