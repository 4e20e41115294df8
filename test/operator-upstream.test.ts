import * as fs from 'fs';
import * as path from 'path';
import { Chart, Duration, Testing } from 'cdk8s';
import { STRIMZI_RELEASES, StrimziOperator, StrimziOperatorProps } from '../lib';
import { OPERATOR_RELEASES, operatorFacts } from '../lib/operator/release-facts';
import { readManifests, validateManifests } from '../lib/tools';

import { strimziRefDir } from './support/reference';

/** The ClusterRoleBindings Strimzi's docs create for watching every namespace (not the library's table). */
const WATCH_ANY_NAMES: Record<string, string> = {
  '020': 'strimzi-cluster-operator-namespaced',
  '023': 'strimzi-cluster-operator-watched',
  '031': 'strimzi-cluster-operator-entity-operator-delegation',
};

const refDir = strimziRefDir('the install-bundle comparisons of test/operator-upstream.test.ts') ?? '';
const upstreamTest = refDir ? test : test.skip;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const key = (o: any) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const byKey = (objects: any[]) => [...objects].sort((a, b) => (key(a) < key(b) ? -1 : 1));

/** The upstream install bundle of a release, parsed, with the upstream file prefix of each object. */
function upstream(tag: string): { file: string; object: any }[] {
  const dir = path.join(refDir, tag, 'install');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: f.slice(0, 3), object: readManifests([path.join(dir, f)])[0] }));
}

function synth(props: StrimziOperatorProps): any[] {
  const chart = new Chart(Testing.app(), 'operator');
  new StrimziOperator(chart, 'strimzi', props);
  return Testing.synth(chart);
}

/** kubernetes-models validation of core objects, as validateManifests runs it (without loading CRDs). */
function coreErrors(objects: any[]): string[] {
  return objects.flatMap((o) => {
    const Model = require(`kubernetes-models/${o.apiVersion}/${o.kind}`)[o.kind];
    try {
      new Model(o).validate();
      return [];
    } catch (e) {
      return [`${key(o)}: ${(e as Error).message.split('\n')[0]}`];
    }
  });
}

const WATCHED_FILES = ['020', '023', '031'];

/**
 * The declared changes to the upstream bundle, applied by hand here: the namespace of every
 * namespaced object, the RoleBinding subjects pointing at the operator namespace (upstream has
 * `myproject`), STRIMZI_NAMESPACE set to the watched list, and the 020/023/031 RoleBindings in each
 * watched namespace (or, for watch-any, as ClusterRoleBindings with the names Strimzi's docs use).
 */
function expected(tag: string, ns: string, watched: string[] | '*'): any[] {
  const out: any[] = [];
  for (const { file, object } of upstream(tag)) {
    const o = clone(object);
    for (const s of o.subjects ?? []) s.namespace = ns;
    if (['ServiceAccount', 'ConfigMap', 'Deployment'].includes(o.kind)) o.metadata.namespace = ns;
    if (o.kind === 'Deployment') {
      const env = o.spec.template.spec.containers[0].env;
      const i = env.findIndex((e: any) => e.name === 'STRIMZI_NAMESPACE');
      env[i] = { name: 'STRIMZI_NAMESPACE', value: watched === '*' ? '*' : watched.join(',') };
    }
    if (o.kind === 'RoleBinding' && WATCHED_FILES.includes(file)) {
      if (watched === '*') {
        out.push({
          ...o,
          kind: 'ClusterRoleBinding',
          metadata: { ...o.metadata, name: WATCH_ANY_NAMES[file] },
        });
      } else {
        watched.forEach((w) => out.push({ ...clone(o), metadata: { ...o.metadata, namespace: w } }));
      }
      continue;
    }
    if (o.kind === 'RoleBinding') o.metadata.namespace = ns;
    out.push(o);
  }
  return byKey(out);
}

describe('StrimziOperator reproduces the install bundle of every release', () => {
  test('facts were imported for every release of the release table', () => {
    expect(OPERATOR_RELEASES).toEqual(STRIMZI_RELEASES.map((r) => r.tag));
  });

  upstreamTest.each(OPERATOR_RELEASES)(
    '%s: watching two namespaces, equal to upstream after the declared changes',
    (tag) => {
      // GIVEN an operator in 'strimzi' watching 'kafka' and 'team-b' (given unsorted)
      const ours = synth({ strimziVersion: tag, namespace: 'strimzi', watchNamespaces: ['team-b', 'kafka'] });
      // THEN its objects are the bundle's with only the declared changes
      expect(byKey(ours)).toEqual(expected(tag, 'strimzi', ['kafka', 'team-b']));
    },
  );

  upstreamTest.each(OPERATOR_RELEASES)(
    '%s: watching every namespace, equal to upstream after the declared changes',
    (tag) => {
      const ours = synth({ strimziVersion: tag, namespace: 'ops', watchAnyNamespace: true });
      expect(byKey(ours)).toEqual(expected(tag, 'ops', '*'));
    },
  );

  upstreamTest('the upstream file names are the facts of each release', () => {
    for (const tag of OPERATOR_RELEASES) {
      expect(fs.readdirSync(path.join(refDir, tag, 'install')).sort()).toEqual(operatorFacts(tag)!.files);
    }
  });

  upstreamTest('overrides change exactly the fields they name', () => {
    // GIVEN 0.43.0 with every override the props offer
    const tag = '0.43.0';
    const ours = synth({
      strimziVersion: tag,
      namespace: 'strimzi',
      watchNamespaces: ['kafka'],
      replicas: 2,
      resources: { requests: { memory: '512Mi' }, limits: { memory: '768Mi' } },
      featureGates: ['+ContinueReconciliationOnManualRollingUpdateFailure'],
      image: { registry: 'registry.example.com', digest: `sha256:${'a'.repeat(64)}` },
      imagePullSecrets: ['pull'],
      logLevel: 'DEBUG',
      fullReconciliationInterval: Duration.minutes(5),
      operationTimeout: Duration.minutes(10),
      env: { HTTP_PROXY: 'http://proxy:3128' },
      nodeSelector: { role: 'infra' },
      tolerations: [{ key: 'infra', operator: 'Exists', effect: 'NoSchedule' }],
      podDisruptionBudget: { minAvailable: 1 },
      kubernetesVersion: '1.33',
    });
    const base = expected(tag, 'strimzi', ['kafka']);
    // THEN the Deployment differs only where asked, and a PodDisruptionBudget is added
    const d = ours.find((o) => o.kind === 'Deployment');
    const u = base.find((o) => o.kind === 'Deployment');
    const env = Object.fromEntries(
      d.spec.template.spec.containers[0].env.map((e: any) => [e.name, e.value ?? e.valueFrom]),
    );
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.template.spec.imagePullSecrets).toEqual([{ name: 'pull' }]);
    expect(d.spec.template.spec.nodeSelector).toEqual({ role: 'infra' });
    expect(d.spec.template.spec.containers[0].image).toBe(
      `registry.example.com/strimzi/operator:0.43.0@sha256:${'a'.repeat(64)}`,
    );
    expect(d.spec.template.spec.containers[0].resources).toEqual({
      limits: { cpu: '1000m', memory: '768Mi' },
      requests: { cpu: '200m', memory: '512Mi' },
    });
    expect(env).toMatchObject({
      STRIMZI_FULL_RECONCILIATION_INTERVAL_MS: '300000',
      STRIMZI_OPERATION_TIMEOUT_MS: '600000',
      STRIMZI_LOG_LEVEL: 'DEBUG',
      HTTP_PROXY: 'http://proxy:3128',
      STRIMZI_FEATURE_GATES: '+ContinueReconciliationOnManualRollingUpdateFailure',
      STRIMZI_KUBERNETES_VERSION: 'major=1\nminor=33\n',
      STRIMZI_DEFAULT_KAFKA_BRIDGE_IMAGE: 'registry.example.com/strimzi/kafka-bridge:0.30.0',
      STRIMZI_DEFAULT_USER_OPERATOR_IMAGE: `registry.example.com/strimzi/operator:0.43.0@sha256:${'a'.repeat(64)}`,
    });
    expect(env.STRIMZI_KAFKA_IMAGES).toContain('3.7.1=registry.example.com/strimzi/kafka:0.43.0-kafka-3.7.1\n');
    // the appended env vars come after the upstream ones, sorted
    expect(d.spec.template.spec.containers[0].env.map((e: any) => e.name).slice(-3)).toEqual([
      'HTTP_PROXY',
      'STRIMZI_KUBERNETES_VERSION',
      'STRIMZI_LOG_LEVEL',
    ]);
    expect(byKey(ours.filter((o) => o.kind !== 'Deployment' && o.kind !== 'PodDisruptionBudget'))).toEqual(
      base.filter((o) => o.kind !== 'Deployment'),
    );
    expect(ours.find((o) => o.kind === 'PodDisruptionBudget').spec).toEqual({
      minAvailable: 1,
      selector: { matchLabels: u.spec.selector.matchLabels },
    });
  });

  test('the objects of every release pass kubernetes-models validation', () => {
    for (const tag of OPERATOR_RELEASES) {
      const ours = synth({
        strimziVersion: tag,
        watchNamespaces: ['kafka'],
        podDisruptionBudget: { minAvailable: 0 },
        watchAnyNamespace: false,
      });
      expect(coreErrors(ours)).toEqual([]);
    }
    // and the check can fail: a wrongly typed field is reported
    const bad = clone(synth({ strimziVersion: '1.2.0' })).map((o: any) =>
      o.kind === 'Deployment' ? { ...o, spec: { ...o.spec, replicas: 'two' } } : o,
    );
    expect(coreErrors(bad)).toHaveLength(1);
  });

  test('validateManifests (the CLI check) accepts the objects of 1.2.0', () => {
    expect(
      validateManifests(synth({ strimziVersion: '1.2.0', watchNamespaces: ['kafka'] }), { strimziVersion: '1.2.0' })
        .errors,
    ).toEqual([]);
  });

  test('output is byte-identical run to run, whatever order the namespaces are given in', () => {
    const props = { strimziVersion: '1.2.0', watchNamespaces: ['b', 'a'] };
    expect(JSON.stringify(synth(props))).toBe(JSON.stringify(synth({ ...props, watchNamespaces: ['a', 'b'] })));
  });
});
