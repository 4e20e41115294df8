import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { INSTALL_SCRIPTS, restore, strip } = require('../scripts/pack-manifest');

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf-8'));

describe('package hygiene', () => {
  test('LICENSE is the Apache License 2.0 with the project as copyright holder, and is packed', () => {
    // GIVEN the LICENSE file and what npm would pack
    const license = fs.readFileSync(path.join(root, 'LICENSE'), 'utf-8');
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf-8',
    });
    const files: string[] = JSON.parse(packed.stdout)[0].files.map((f: { path: string }) => f.path);

    // THEN it is the full Apache-2.0 text, the appendix's copyright line filled in, and npm ships it
    expect(pkg.license).toBe('Apache-2.0');
    expect(
      license
        .split('\n')
        .slice(1, 3)
        .map((l) => l.trim()),
    ).toEqual(['Apache License', 'Version 2.0, January 2004']);
    expect(license).toContain('END OF TERMS AND CONDITIONS');
    expect(license).toContain('   Copyright 2026 The cdk8s-strimzi-kraft authors\n');
    expect(license).not.toContain('[yyyy]');
    expect(license.trimEnd().split('\n')).toHaveLength(202);
    expect(files).toContain('LICENSE');
    expect(files.some((f) => f.startsWith('scripts/'))).toBe(false);
  });

  test('the packed package.json has no install-time script; the clone keeps prepare, so git installs build', () => {
    // GIVEN this repository's package.json, copied into a scratch folder
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-manifest-'));
    const original = fs.readFileSync(path.join(root, 'package.json'), 'utf-8');
    fs.writeFileSync(path.join(dir, 'package.json'), original);
    try {
      // WHEN prepack strips it
      strip(dir);
      const packed = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8'));

      // THEN no script npm runs on install is left (npm warns about each for a tarball), the rest is kept
      expect(Object.keys(packed.scripts).filter((k) => INSTALL_SCRIPTS.includes(k))).toEqual([]);
      expect(packed.scripts.build).toBe('node scripts/build.js');
      expect({ ...packed, scripts: undefined }).toEqual({ ...pkg, scripts: undefined });
      // and postpack restores it byte for byte, even after a pack killed in between (strip twice)
      strip(dir);
      restore(dir);
      expect(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8')).toBe(original);
      expect(fs.readdirSync(dir)).toEqual(['package.json']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // the clone: prepare builds (npm ci, git installs), prepack builds and strips, postpack restores
    expect(pkg.scripts.prepare).toBe('node scripts/build.js');
    expect(pkg.scripts.prepack).toBe('node scripts/build.js && node scripts/pack-manifest.js strip');
    expect(pkg.scripts.postpack).toBe('node scripts/pack-manifest.js restore');
  });

  test('peer dependencies: cdk8s and constructs required; prettier and cdk8s-plus-27 optional, each tested', () => {
    // GIVEN package.json
    const optional = Object.keys(pkg.peerDependenciesMeta ?? {}).filter((k) => pkg.peerDependenciesMeta[k].optional);
    const required = Object.keys(pkg.peerDependencies).filter((k) => !optional.includes(k));

    // THEN the main entry's peers are required, the two a feature loads on use are optional
    expect(required.sort()).toEqual(['cdk8s', 'constructs']);
    expect(optional.sort()).toEqual(['cdk8s-plus-27', 'prettier']);
    // and every peer is a devDependency at the version the tests run, inside the range users get
    const minimum = (range: string) => /^\^(\d+\.\d+\.\d+)$/.exec(range)![1].split('.').map(Number);
    for (const name of Object.keys(pkg.peerDependencies)) {
      const dev = pkg.devDependencies[name].split('.').map(Number);
      const min = minimum(pkg.peerDependencies[name]);
      expect([name, dev[0]]).toEqual([name, min[0]]);
      expect([name, dev[1] * 1e6 + dev[2] >= min[1] * 1e6 + min[2]]).toEqual([name, true]);
    }
    expect(pkg.peerDependencies['cdk8s-plus-27']).toBe('^2.9.5');
  });

  test('the generated classes are those of the kinds the library renders, nothing more', () => {
    // GIVEN imports/ (npm run import: only the CRDs of rendered kinds)
    const files = fs.readdirSync(path.join(root, 'imports')).sort();
    const classes = (f: string) =>
      [...fs.readFileSync(path.join(root, 'imports', f), 'utf-8').matchAll(/^export class (\w+) extends ApiObject/gm)]
        .map((m) => m[1])
        .sort();

    // THEN one module per Strimzi API version, each with the kinds of RENDERED_KINDS (scripts/import-crds.js), and
    // prometheus-operator's monitoring kinds (scripts/import-monitoring-crds.js)
    expect(files).toEqual([
      'monitoring.coreos.com.ts',
      'strimzi-v1-kafka.strimzi.io.ts',
      'strimzi-v1beta2-kafka.strimzi.io.ts',
    ]);
    for (const f of files.filter((x) => x.startsWith('strimzi-'))) {
      expect(classes(f)).toEqual([
        'Kafka',
        'KafkaBridge',
        'KafkaConnect',
        'KafkaConnector',
        'KafkaMirrorMaker2',
        'KafkaNodePool',
        'KafkaRebalance',
        'KafkaTopic',
        'KafkaUser',
      ]);
    }
    expect(classes('monitoring.coreos.com.ts')).toEqual(['PodMonitor', 'PrometheusRule', 'ServiceMonitor']);
  });
});
