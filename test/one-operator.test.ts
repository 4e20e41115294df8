import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { KraftCluster, Storage, StrimziCrds, StrimziOperator, findProblems } from '../lib';
import { twoReleases } from './support/operator-rule-cases';
import { validationErrors } from './support/synth';

const errorsOf = (app: App) =>
  findProblems(app)
    .filter((p) => p.rule.severity === 'error')
    .map((p) => `${p.path} [${p.rule.id}]`);

const storage = Storage.persistentClaim({ size: '10Gi' });
const pools = {
  broker: { roles: ['broker' as const], replicas: 3, storage },
  controller: { roles: ['controller' as const], replicas: 3, storage },
};
const enough = { requests: { memory: '512Mi' }, limits: { memory: '512Mi' } };

describe('one operator per Kubernetes cluster', () => {
  test('the two-release app (0.43.0 and 1.2.0) fails with one finding per problem', () => {
    // GIVEN operators and CRDs of 1.2.0 and 0.43.0, each with its cluster
    const app = twoReleases();

    // WHEN its objects are rendered (each object alone: the chart would fail validation) and checked
    const operators = app.node.findAll().filter((c): c is StrimziOperator => c instanceof StrimziOperator);
    const objects = operators.flatMap((op) => op.apiObjects.map((o) => o.toJson()));
    const clusterWide = objects
      .filter((o) => ['ClusterRole', 'ClusterRoleBinding'].includes(o.kind))
      .map((o) => `${o.kind} ${o.metadata.name}`);

    // THEN the ten cluster-wide objects are there twice under one name (what the rules prevent)
    expect(clusterWide.length - new Set(clusterWide).size).toBe(10);
    expect(clusterWide.filter((x) => x === 'ClusterRole strimzi-cluster-operator-namespaced')).toHaveLength(2);
    // and the synth fails with exactly three findings: the second operator, the second CRD set, and the
    // cluster the app's release (1.2.0) cannot serve; the duplicates are not reported again one by one
    expect(errorsOf(app)).toEqual([
      'legacy-ops/strimzi [operator-single]',
      'legacy-ops/crds [crds-single]',
      'legacy/orders [resource-served]',
    ]);
    expect(validationErrors(app)).toHaveLength(3);
  });

  test('the old crds-operator-release fix (1.2.0 CRDs only) no longer passes', () => {
    // GIVEN the two-release app with one CRD set of 1.2.0 (what "set strimziVersion: '1.2.0' on the CRDs" led to)
    const app = Testing.app();
    const ops = new Chart(app, 'ops');
    new StrimziCrds(ops, 'crds', { strimziVersion: '1.2.0' });
    new StrimziOperator(ops, 'strimzi', { watchNamespaces: ['kafka'], resources: enough });
    new StrimziOperator(new Chart(app, 'legacy-ops'), 'strimzi', {
      strimziVersion: '0.43.0',
      namespace: 'strimzi-legacy',
      watchNamespaces: ['legacy'],
      resources: enough,
      kubernetesVersion: '1.30',
    });
    new KraftCluster(new Chart(app, 'legacy', { namespace: 'legacy' }), 'orders', {
      strimziVersion: '0.43.0',
      nodePools: pools,
    });

    // WHEN it is checked THEN the second operator and the unservable v1beta2 cluster are errors
    expect(errorsOf(app)).toEqual(['legacy-ops/strimzi [operator-single]', 'legacy/orders [resource-served]']);
  });

  test('following the fixes gives a working app', () => {
    // GIVEN the fixes applied: the 0.43.0 operator and CRDs removed, its cluster on 1.2.0, its
    // namespace watched by the one operator
    const app = Testing.app();
    const ops = new Chart(app, 'ops');
    new StrimziCrds(ops, 'crds', { strimziVersion: '1.2.0' });
    new StrimziOperator(ops, 'strimzi', { watchNamespaces: ['kafka', 'legacy'], resources: enough });
    new KraftCluster(new Chart(app, 'kafka', { namespace: 'kafka' }), 'events', { nodePools: pools });
    new KraftCluster(new Chart(app, 'legacy', { namespace: 'legacy' }), 'orders', {
      strimziVersion: '1.2.0',
      nodePools: pools,
    });

    // WHEN it is checked THEN nothing is wrong and every cluster-scoped object is emitted once
    expect(errorsOf(app)).toEqual([]);
    const objects = app.charts.flatMap((c) => c.toJson()) as { kind: string; metadata: { name: string } }[];
    const clusterWide = objects.filter((o) => o.kind.startsWith('Cluster')).map((o) => `${o.kind} ${o.metadata.name}`);
    expect(new Set(clusterWide).size).toBe(clusterWide.length);
  });

  test('a cluster in a namespace the one operator does not watch: the fix names that operator and its release', () => {
    // GIVEN one 1.2.0 operator watching 'kafka' and a 0.43.0 cluster in 'legacy'
    const app = Testing.app();
    new StrimziOperator(new Chart(app, 'ops'), 'strimzi', { watchNamespaces: ['kafka'], resources: enough });
    new KraftCluster(new Chart(app, 'legacy', { namespace: 'legacy' }), 'orders', {
      strimziVersion: '0.43.0',
      nodePools: pools,
    });

    // WHEN it is checked THEN one finding, whose fix leads to the one operator
    const found = findProblems(app).filter((p) => p.rule.severity === 'error');
    expect(found.map((p) => `${p.path} [${p.rule.id}] ${p.fix}`)).toEqual([
      "legacy/orders [cluster-watched] add 'legacy' to the watchNamespaces of ops/strimzi and set strimziVersion: " +
        "'1.2.0' on the cluster, or give the chart a namespace",
    ]);
  });
});

describe('Namespace objects (createNamespaces)', () => {
  const kindsAndNames = (chart: Chart) =>
    (chart.toJson() as { kind: string; metadata: { name: string; namespace?: string } }[]).map(
      (o) => `${o.kind} ${o.metadata.namespace ?? '-'}/${o.metadata.name}`,
    );

  test('off by default: no Namespace is emitted', () => {
    // GIVEN an operator without createNamespaces
    const chart = new Chart(Testing.app(), 'ops');
    new StrimziOperator(chart, 'strimzi', { watchNamespaces: ['kafka'], resources: enough });
    // WHEN rendered THEN no Namespace object
    expect(kindsAndNames(chart).filter((x) => x.startsWith('Namespace'))).toEqual([]);
  });

  test('on: the operator and watched namespaces, sorted, first, without a namespace of their own', () => {
    // GIVEN an operator in 'strimzi' watching 'payments' and 'kafka', in a chart with a namespace
    const chart = new Chart(Testing.app(), 'ops', { namespace: 'strimzi' });
    new StrimziOperator(chart, 'strimzi', {
      watchNamespaces: ['payments', 'kafka'],
      resources: enough,
      createNamespaces: true,
    });
    // WHEN rendered THEN the three Namespaces come first
    expect(kindsAndNames(chart).slice(0, 4)).toEqual([
      'Namespace -/kafka',
      'Namespace -/payments',
      'Namespace -/strimzi',
      'ServiceAccount strimzi/strimzi-cluster-operator',
    ]);
  });

  test('with watchAnyNamespace only the operator namespace', () => {
    // GIVEN an operator watching every namespace
    const chart = new Chart(Testing.app(), 'ops');
    new StrimziOperator(chart, 'strimzi', { watchAnyNamespace: true, resources: enough, createNamespaces: true });
    // WHEN rendered THEN one Namespace, the operator's
    expect(kindsAndNames(chart).filter((x) => x.startsWith('Namespace'))).toEqual(['Namespace -/strimzi']);
  });
});

describe('two operators of one release', () => {
  test('the fix only moves the namespaces: the release is already the same', () => {
    // GIVEN two 1.2.0 operators watching 'a' and 'b', a cluster in each
    const app = Testing.app();
    new StrimziOperator(new Chart(app, 'one'), 'op', { watchNamespaces: ['a'], resources: enough });
    new StrimziOperator(new Chart(app, 'two'), 'op', {
      namespace: 'strimzi-2',
      watchNamespaces: ['b'],
      resources: enough,
    });
    for (const ns of ['a', 'b']) new KraftCluster(new Chart(app, ns, { namespace: ns }), 'c', { nodePools: pools });

    // WHEN checked THEN one finding, on the second operator, naming its cluster and the move
    const found = findProblems(app).filter((p) => p.rule.severity === 'error');
    expect(found.map((p) => `${p.path} [${p.rule.id}] ${p.fix}`)).toEqual([
      'two/op [operator-single] remove this operator: add their namespaces to the watchNamespaces of one/op, or ' +
        'move this operator and its clusters to another App for another Kubernetes cluster',
    ]);
    expect(found[0].message).toContain('(clusters of this operator: b/c)');
  });
});

describe('cluster-scoped objects of your own', () => {
  const namespace = (chart: Chart, id: string) =>
    new ApiObject(chart, id, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kafka' } });

  test('twice in an app with an operator: reported on the operator, so the synth fails', () => {
    // GIVEN an operator and two Namespace objects 'kafka' of yours
    const app = Testing.app();
    new StrimziOperator(new Chart(app, 'ops'), 'strimzi', { watchNamespaces: ['kafka'], resources: enough });
    const mine = new Chart(app, 'mine');
    namespace(mine, 'a');
    namespace(mine, 'b');
    // WHEN checked THEN one error, on the operator, naming both objects
    expect(errorsOf(app)).toEqual(['ops/strimzi [cluster-scoped-unique]']);
    expect(findProblems(app)[0].message).toBe(
      'Namespace kafka is emitted by mine/a and again by mine/b; a cluster-scoped object exists once per Kubernetes cluster',
    );
  });

  test('twice in an app with neither operator nor CRDs: no finding and no crash', () => {
    // GIVEN a cluster and two Namespace objects 'kafka' of yours, no operator or CRDs
    const app = Testing.app();
    new KraftCluster(new Chart(app, 'kafka', { namespace: 'kafka' }), 'c', { nodePools: pools });
    const mine = new Chart(app, 'mine');
    namespace(mine, 'a');
    namespace(mine, 'b');
    // WHEN checked THEN nothing of ours to report
    expect(errorsOf(app)).toEqual([]);
  });
});
