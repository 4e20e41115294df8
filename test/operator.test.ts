import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing, YamlOutputType } from 'cdk8s';
import { StrimziCrds, StrimziOperator } from '../lib';
import { crdBundleUrl, crdReferenceFiles } from '../lib/operator/crds';
import { featureGatesOf } from '../lib/operator/feature-gates';
import { readManifests } from '../lib/tools';

import { strimziRefDir } from './support/reference';

const refDir = strimziRefDir('StrimziCrds from the 0.43.0 CRD folder in test/operator.test.ts') ?? '';
const enough = { requests: { memory: '512Mi' }, limits: { memory: '512Mi' } };

describe('StrimziOperator output', () => {
  test('FILE_PER_CHART keeps the RoleBindings of every watched namespace; FILE_PER_RESOURCE is refused, writing nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'operator-'));
    try {
      // GIVEN an operator watching two namespaces, synthesized with the default output type
      const good = new App({ outdir: path.join(dir, 'chart') });
      new StrimziOperator(new Chart(good, 'operator'), 'strimzi', { watchNamespaces: ['a', 'b'], resources: enough });
      good.synth();
      // THEN the file holds the three watched RoleBindings in each namespace
      const objects = readManifests([path.join(dir, 'chart')]) as any[];
      const bindings = objects
        .filter((o) => o.kind === 'RoleBinding')
        .map((o) => `${o.metadata.namespace}/${o.metadata.name}`)
        .sort();
      expect(bindings).toEqual([
        'a/strimzi-cluster-operator',
        'a/strimzi-cluster-operator-entity-operator-delegation',
        'a/strimzi-cluster-operator-watched',
        'b/strimzi-cluster-operator',
        'b/strimzi-cluster-operator-entity-operator-delegation',
        'b/strimzi-cluster-operator-watched',
        'strimzi/strimzi-cluster-operator-leader-election',
      ]);

      // GIVEN the same with one file per resource, WHEN synthesized, THEN it fails and writes nothing
      const bad = new App({ outdir: path.join(dir, 'resource'), yamlOutputType: YamlOutputType.FILE_PER_RESOURCE });
      new StrimziOperator(new Chart(bad, 'operator'), 'strimzi', { watchNamespaces: ['a', 'b'], resources: enough });
      expect(() => bad.synth()).toThrow(/output-files-unique/);
      expect(fs.existsSync(path.join(dir, 'resource')) ? fs.readdirSync(path.join(dir, 'resource')) : []).toEqual([]);

      // and with one watched namespace nothing collides, so it is allowed
      const one = new App({ outdir: path.join(dir, 'one'), yamlOutputType: YamlOutputType.FILE_PER_RESOURCE });
      new StrimziOperator(new Chart(one, 'operator'), 'strimzi', { watchNamespaces: ['a'], resources: enough });
      one.synth();
      expect(fs.readdirSync(path.join(dir, 'one'))).toContain('RoleBinding.strimzi-cluster-operator.k8s.yaml');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('cluster-scoped objects carry no namespace even in a chart that has one', () => {
    const chart = new Chart(Testing.app(), 'ops', { namespace: 'strimzi' });
    new StrimziOperator(chart, 'strimzi', { resources: enough });
    const objects = Testing.synth(chart);
    expect(objects.filter((o) => o.kind.startsWith('Cluster')).every((o) => o.metadata.namespace === undefined)).toBe(
      true,
    );
    expect(objects.filter((o) => !o.kind.startsWith('Cluster')).every((o) => o.metadata.namespace === 'strimzi')).toBe(
      true,
    );
  });

  test('the Kubernetes-version workaround is set only for 0.41.0-0.45.0 on Kubernetes 1.33+', () => {
    const env = (strimziVersion: string, kubernetesVersion: string) => {
      const chart = new Chart(Testing.app(), 'ops');
      new StrimziOperator(chart, 'strimzi', { strimziVersion, kubernetesVersion, resources: enough });
      return Testing.synth(chart)
        .find((o) => o.kind === 'Deployment')
        .spec.template.spec.containers[0].env.map((e: any) => e.name);
    };
    expect(env('0.45.0', '1.33')).toContain('STRIMZI_KUBERNETES_VERSION');
    expect(env('0.41.0', '1.34')).toContain('STRIMZI_KUBERNETES_VERSION');
    expect(env('0.45.0', '1.32')).not.toContain('STRIMZI_KUBERNETES_VERSION');
    expect(env('0.45.1', '1.33')).not.toContain('STRIMZI_KUBERNETES_VERSION');
  });

  test('feature gates per release', () => {
    expect(featureGatesOf('0.41.0').map((g) => g.name)).toEqual([
      'ContinueReconciliationOnManualRollingUpdateFailure',
      'UseKRaft',
    ]);
    expect(featureGatesOf('0.46.0').map((g) => g.name)).toEqual(['DummyFeatureGate']);
    expect(featureGatesOf('1.2.0')).toEqual([
      { name: 'UseBackgroundPodDeletion', enabledByDefault: false },
      { name: 'UseConnectBuildWithBuildah', enabledByDefault: true },
    ]);
  });
});

describe('StrimziCrds', () => {
  (refDir ? test : test.skip)(
    'included from the release folder: every CRD, annotated for a first, server-side apply',
    () => {
      const chart = new Chart(Testing.app(), 'crds');
      new StrimziCrds(chart, 'crds', { strimziVersion: '0.43.0', from: path.join(refDir, '0.43.0', 'crds') });
      const objects = Testing.synth(chart);
      expect(objects.length).toBe(
        fs.readdirSync(path.join(refDir, '0.43.0', 'crds')).filter((f) => f.endsWith('.yaml')).length,
      );
      expect(objects.every((o) => o.kind === 'CustomResourceDefinition')).toBe(true);
      expect(
        objects.every((o) => o.metadata.annotations['argocd.argoproj.io/sync-options'] === 'ServerSideApply=true'),
      ).toBe(true);
      expect(objects.map((o) => o.metadata.name)).toContain('kafkas.kafka.strimzi.io');
    },
  );

  test('by reference: a kustomization naming the exact release asset, written beside the YAML', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'crds-')) });
    const crds = new StrimziCrds(new Chart(app, 'crds'), 'crds', { strimziVersion: '0.43.0' });
    expect(crds.apiObjects).toEqual([]);
    app.synth(); // writes the YAML and the reference beside it
    const text = fs.readFileSync(path.join(app.outdir, '00-crds', 'kustomization.yaml'), 'utf-8');
    expect(text).toContain(`  - ${crdBundleUrl('0.43.0')}\n`);
    expect(crdBundleUrl('0.43.0')).toBe(
      'https://github.com/strimzi/strimzi-kafka-operator/releases/download/0.43.0/strimzi-crds-0.43.0.yaml',
    );
    expect(text).toContain('  argocd.argoproj.io/sync-wave: "-1"\n');
    expect(text).toContain('  argocd.argoproj.io/sync-options: "ServerSideApply=true"\n');
    fs.rmSync(app.outdir, { recursive: true, force: true });
  });

  test('two references to one folder: refused before anything is written, naming both', () => {
    // GIVEN two StrimziCrds that would both write 00-crds/kustomization.yaml
    const app = new App({ outdir: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crds-')), 'out') });
    new StrimziCrds(new Chart(app, 'a'), 'crds', { strimziVersion: '1.2.0' });
    new StrimziCrds(new Chart(app, 'b'), 'crds', { strimziVersion: '1.2.0' });

    // THEN rendering them throws with both paths and the fix (synth reports crds-single first), and the
    // output folder is never made
    expect(() => app.synth()).toThrow('[crds-single]');
    expect(() => crdReferenceFiles(app)).toThrow(
      '[b/crds] file 00-crds/kustomization.yaml: CRDs a/crds writes a file of this name too. ' +
        'Fix: give the StrimziCrds of the app distinct referenceFolder values, or keep one',
    );
    expect(fs.existsSync(app.outdir)).toBe(false);
  });
});

describe('example apps with an operator', () => {
  test('seed: operator 0.43.0 in strimzi watching kafka; current: 1.2.0 watching streaming', () => {
    const { APPS } = require('../apps/registry');
    for (const [name, tag, watched] of [
      ['seed', '0.43.0', 'kafka'],
      ['current', '1.2.0', 'streaming'],
    ]) {
      const app = Testing.app();
      APPS[name](app);
      const op = app.node.findAll().find((c): c is StrimziOperator => c instanceof StrimziOperator)!;
      expect([op.strimziVersion, op.namespace, op.strimziNamespace]).toEqual([tag, 'strimzi', watched]);
      expect(op.problems.filter((p) => p.rule.severity === 'error')).toEqual([]);
    }
  });
});
