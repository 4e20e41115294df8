import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

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

  test('prepare does nothing, silently, where scripts/build.js is not shipped (a tarball install)', () => {
    // GIVEN an installed package's folder: no scripts/
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepare-'));
    try {
      // WHEN npm would run the prepare script there
      const run = spawnSync('sh', ['-c', pkg.scripts.prepare], { cwd: dir, encoding: 'utf-8' });
      // THEN it succeeds without a word
      expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // and in a clone it is the build
    expect(pkg.scripts.prepare).toContain("require('./scripts/build.js')");
  });

  test('the generated classes are those of the kinds the library renders, nothing more', () => {
    // GIVEN imports/ (npm run import: only the CRDs of rendered kinds)
    const files = fs.readdirSync(path.join(root, 'imports')).sort();
    const classes = (f: string) =>
      [...fs.readFileSync(path.join(root, 'imports', f), 'utf-8').matchAll(/^export class (\w+) extends ApiObject/gm)]
        .map((m) => m[1])
        .sort();

    // THEN one module per API version, each with Kafka, KafkaNodePool, KafkaTopic and KafkaUser
    expect(files).toEqual(['strimzi-v1-kafka.strimzi.io.ts', 'strimzi-v1beta2-kafka.strimzi.io.ts']);
    for (const f of files) expect(classes(f)).toEqual(['Kafka', 'KafkaNodePool', 'KafkaTopic', 'KafkaUser']);
  });
});
