import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { APPS } from '../apps/registry';
import { ManifestCheckError, readManifests, validateManifests } from '../lib/tools';
import { main } from '../lib/tools/validate-cli';

describe('validateManifests (the reusable check)', () => {
  test('accepts the in-cluster app: Strimzi objects by CRD, core objects by kubernetes-models', () => {
    const objects = Testing.synth(APPS['in-cluster'](Testing.app()));
    const result = validateManifests(objects, { strimziVersion: '1.2.0' });
    expect(result.errors).toEqual([]);
    expect(result.checked).toEqual({
      'apps/v1/Deployment': 2,
      'kafka.strimzi.io/v1/Kafka': 1,
      'kafka.strimzi.io/v1/KafkaNodePool': 2,
      'v1/ConfigMap': 2,
      'v1/Service': 2,
    });
  });

  test('rejects an invalid core object, an unknown kind, an unknown Strimzi field and an unserved API version', () => {
    const objects = [
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 'http' }] } },
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } },
      {
        apiVersion: 'kafka.strimzi.io/v1',
        kind: 'KafkaNodePool',
        metadata: { name: 'p' },
        spec: { replicas: 1, roles: ['broker'], storage: { type: 'ephemeral' }, bogus: 1 },
      },
      { apiVersion: 'kafka.strimzi.io/v1beta2', kind: 'Kafka', metadata: { name: 'k' } },
    ];
    expect(validateManifests(objects, { strimziVersion: '1.2.0' }).errors).toEqual([
      'Service/s (v1): data/spec/ports/0/port must be integer',
      'Widget/w (example.com/v1): no schema for this kind',
      "KafkaNodePool/p (kafka.strimzi.io/v1): /spec must NOT have additional properties 'bogus'",
      'Kafka/k (kafka.strimzi.io/v1beta2): Strimzi 1.2.0 does not serve kafka.strimzi.io/v1beta2 Kafka',
    ]);
  });

  test('the CLI checks files and folders against the shipped schemas and exits 1 on problems', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-'));
    const seed = path.resolve(__dirname, '..', 'dist', 'seed');
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(main(['--strimzi', '0.43.0', seed])).toBe(0);
      expect(log).toHaveBeenLastCalledWith(
        'Strimzi 0.43.0: 20 objects checked (1 apps/v1/Deployment, 1 kafka.strimzi.io/v1beta2/Kafka, 2 kafka.strimzi.io/v1beta2/KafkaNodePool, ' +
          '7 rbac.authorization.k8s.io/v1/ClusterRole, 3 rbac.authorization.k8s.io/v1/ClusterRoleBinding, 4 rbac.authorization.k8s.io/v1/RoleBinding, ' +
          '1 v1/ConfigMap, 1 v1/ServiceAccount); 0 problem(s)',
      );
      // the seed's v1beta2 objects are not valid for 1.2.0, which serves only v1: reported on the same
      // stream as the summary, naming the file
      expect(main(['--strimzi', '1.2.0', seed])).toBe(1);
      expect(log).toHaveBeenCalledWith(
        `${seed}/seed.k8s.yaml: Kafka/my-cluster (kafka.strimzi.io/v1beta2): Strimzi 1.2.0 does not serve ` +
          'kafka.strimzi.io/v1beta2 Kafka',
      );
      expect(error).not.toHaveBeenCalled();
      expect(main([])).toBe(2);
      expect(error).toHaveBeenCalledTimes(1);
      expect(main(['--help'])).toBe(0);
      fs.writeFileSync(
        path.join(dir, 'x.yaml'),
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "1"\n',
      );
      expect(readManifests([dir])).toHaveLength(1);
    } finally {
      log.mockRestore();
      error.mockRestore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the CLI reports a usage or input problem in one line and exits 2', () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const seed = path.resolve(__dirname, '..', 'dist', 'seed');
    try {
      expect(main(['--strimzi', '9.9.9', seed])).toBe(2);
      const unknown = new RegExp(
        '^strimzi-kraft-validate: Strimzi 9\\.9\\.9 is not a release this package has CRD schemas ' +
          'for \\(0\\.41\\.0 to 1\\.2\\.0: [^\\n]*$',
      );
      expect(error).toHaveBeenLastCalledWith(expect.stringMatching(unknown));
      expect(main(['--strimzi', '1.2.0', '/nonexistent/x.yaml'])).toBe(2);
      expect(error).toHaveBeenLastCalledWith('strimzi-kraft-validate: /nonexistent/x.yaml does not exist');
      expect(main(['--strimzi', '1.2.0', '--crds', '/nonexistent', seed])).toBe(2);
      expect(error).toHaveBeenLastCalledWith('strimzi-kraft-validate: CRD location /nonexistent does not exist');
      expect(main(['--strimzi', seed])).toBe(2);
      expect(error).toHaveBeenLastCalledWith(expect.stringMatching(/^usage: strimzi-kraft-validate/));
    } finally {
      error.mockRestore();
    }
  });
});

/** A CRD of KafkaNodePool (kafka.strimzi.io/v1) that declares only spec.replicas. */
const TINY_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: kafkanodepools.kafka.strimzi.io
spec:
  group: kafka.strimzi.io
  names: { kind: KafkaNodePool, plural: kafkanodepools }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            apiVersion: { type: string }
            kind: { type: string }
            metadata: { type: object }
            spec: { type: object, properties: { replicas: { type: integer } } }
`;

describe('validateManifests with CRDs given instead of the shipped schemas', () => {
  const pool = (spec: object) => ({
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaNodePool',
    metadata: { name: 'p' },
    spec,
  });
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crds-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a folder holding <tag>/crds/ (Strimzi repository layout) and a folder of CRD files', () => {
    // GIVEN the tiny CRD in <dir>/1.2.0/crds/
    fs.mkdirSync(path.join(dir, '1.2.0', 'crds'), { recursive: true });
    fs.writeFileSync(path.join(dir, '1.2.0', 'crds', '045-Crd-kafkanodepool.yaml'), TINY_CRD);
    // THEN its schema applies, not the shipped one (which requires roles and storage)
    for (const crds of [dir, path.join(dir, '1.2.0', 'crds')]) {
      expect(validateManifests([pool({ replicas: 1 })], { strimziVersion: '1.2.0', crds }).errors).toEqual([]);
      expect(
        validateManifests([pool({ replicas: 1, roles: ['broker'] })], { strimziVersion: '1.2.0', crds }).errors,
      ).toEqual(["KafkaNodePool/p (kafka.strimzi.io/v1): /spec must NOT have additional properties 'roles'"]);
    }
    expect(validateManifests([pool({ replicas: 1 })], { strimziVersion: '1.2.0' }).errors.length).toBeGreaterThan(0);
  });

  test("Strimzi's single-file bundle strimzi-crds-<tag>.yaml (several documents)", () => {
    const bundle = path.join(dir, 'strimzi-crds-1.2.0.yaml');
    fs.writeFileSync(
      bundle,
      `${TINY_CRD}---\n${TINY_CRD.replace(/KafkaNodePool/g, 'KafkaTopic').replace(/kafkanodepools/g, 'kafkatopics')}`,
    );
    const objects = [pool({ replicas: 'x' }), { ...pool({}), kind: 'KafkaTopic' }, { ...pool({}), kind: 'Kafka' }];
    expect(validateManifests(objects, { strimziVersion: '1.2.0', crds: bundle }).errors).toEqual([
      'KafkaNodePool/p (kafka.strimzi.io/v1): /spec/replicas must be integer',
      'Kafka/p (kafka.strimzi.io/v1): Strimzi 1.2.0 does not serve kafka.strimzi.io/v1 Kafka',
    ]);
  });

  test('an empty folder, a folder without CRDs and a file that is not YAML are one-line errors', () => {
    const check = (crds: string) => () => validateManifests([pool({})], { strimziVersion: '1.2.0', crds });
    expect(check(dir)).toThrow(
      new ManifestCheckError(
        `no CustomResourceDefinition in ${dir} (give a folder holding 1.2.0/crds/, ` +
          "a folder of CRD files, or Strimzi's strimzi-crds-1.2.0.yaml)",
      ),
    );
    fs.writeFileSync(path.join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
    expect(check(dir)).toThrow(/^no CustomResourceDefinition in /);
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'a: [\n');
    expect(check(path.join(dir, 'bad.yaml'))).toThrow(
      new RegExp(`^${path.join(dir, 'bad.yaml')}: not readable as YAML: [^\\n]+$`),
    );
    expect(() => validateManifests([], { strimziVersion: '' })).toThrow(
      "no Strimzi release given (strimziVersion, e.g. '1.2.0')",
    );
  });
});

describe('strimzi-kraft-validate reads the release from the manifests', () => {
  const dist = path.resolve(__dirname, '..', 'dist');
  let log: jest.SpyInstance;
  let error: jest.SpyInstance;
  beforeEach(() => {
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    log.mockRestore();
    error.mockRestore();
  });
  const printed = () => log.mock.calls.map((c) => String(c[0]));

  test('a folder with several releases: each file against its own, one report on stdout', () => {
    // GIVEN dist/: apps of Strimzi 0.43.0 (seed) and 1.2.0 (current, in-cluster, platform, secure), no --strimzi
    // WHEN validated THEN every file passes against the release it names or implies
    expect(main([dist])).toBe(0);
    const lines = printed();
    expect(lines[0]).toMatch(
      new RegExp(
        `^Strimzi 0\\.43\\.0 \\(CRD reference in ${dist}/seed/00-crds/kustomization\\.yaml; operator image in ` +
          `${dist}/seed/10-strimzi-operator\\.k8s\\.yaml\\): 20 objects checked .*; 0 problem\\(s\\)$`,
      ),
    );
    expect(lines[1]).toMatch(
      /^Strimzi 1\.2\.0 \(.*operator image in .*current\/10-strimzi-operator\.k8s\.yaml.*\): \d+ objects/,
    );
    expect(lines[2]).toBe('9 file(s), 2 releases; 0 problem(s)');
    expect(error).not.toHaveBeenCalled();
  });

  test('one file alone: the operator beside it decides', () => {
    // GIVEN the seed's Kafka file (v1beta2, Kafka 3.7.1: served by 0.42.0-0.44.0), its operator of 0.43.0 beside it
    // WHEN validated alone THEN it is checked against 0.43.0 (not 0.44.0, the newest that would fit)
    expect(main([path.join(dist, 'seed', 'seed.k8s.yaml')])).toBe(0);
    expect(printed()[0]).toMatch(
      /^Strimzi 0\.43\.0 \(CRD reference in .*seed\/00-crds\/kustomization\.yaml\): 3 objects/,
    );
  });

  test('a file with nothing beside it: the newest release serving its API and Kafka versions', () => {
    // GIVEN a lone copy of the seed's Kafka file in an empty folder
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-alone-'));
    try {
      fs.copyFileSync(path.join(dist, 'seed', 'seed.k8s.yaml'), path.join(dir, 'seed.k8s.yaml'));
      // WHEN validated THEN against 0.44.0, saying why and how to pin
      expect(main([dir])).toBe(0);
      expect(printed()[0]).toBe(
        'Strimzi 0.44.0 (newest release serving kafka.strimzi.io/v1beta2 with Kafka 3.7.1 (pass --strimzi to pin)): ' +
          '3 objects checked (1 kafka.strimzi.io/v1beta2/Kafka, 2 kafka.strimzi.io/v1beta2/KafkaNodePool); 0 problem(s)',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
