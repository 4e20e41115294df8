import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..');

/**
 * A throw-away copy of the project (sharing node_modules) in which `npm run synth` can run, with the
 * committed dist/ as a clone has it: the apps' node-ID locks (a pool added to an app keeps the IDs
 * its output gave it, see apps/registry.ts).
 */
function projectCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kraft-synth-'));
  for (const entry of ['apps', 'imports', 'lib', 'scripts', 'package.json', 'cdk8s.yaml', '.swcrc', 'dist']) {
    fs.cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

const npmSynth = (cwd: string) => spawnSync('npm', ['run', 'synth', '--silent'], { cwd, encoding: 'utf-8' });

describe('npm run synth', () => {
  let dir: string;
  beforeAll(() => {
    dir = projectCopy();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes every app to dist/ and is byte-identical run to run', () => {
    // WHEN synth runs twice
    const first = npmSynth(dir);
    expect(first.stderr).not.toContain('Error');
    expect(first.status).toBe(0);
    const snapshot = execFileSync('sh', ['-c', 'find dist -type f | sort | xargs sha256sum'], {
      cwd: dir,
      encoding: 'utf-8',
    });
    expect(npmSynth(dir).status).toBe(0);

    // THEN the output is the same, and the same as the committed dist/
    expect(
      execFileSync('sh', ['-c', 'find dist -type f | sort | xargs sha256sum'], { cwd: dir, encoding: 'utf-8' }),
    ).toBe(snapshot);
    expect(
      execFileSync('sh', ['-c', `cd ${root} && find dist -type f | sort | xargs sha256sum`], { encoding: 'utf-8' }),
    ).toBe(snapshot);
  }, 60_000);

  test('bad input fails the synth, reports every problem, and leaves dist/ as it was', () => {
    // GIVEN an existing dist/ and an app with problems in two apps
    fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'dist', 'seed'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist', 'seed', 'seed.k8s.yaml'), 'previous: output\n');
    const seed = path.join(dir, 'apps', 'seed.ts');
    fs.writeFileSync(
      seed,
      fs
        .readFileSync(seed, 'utf-8')
        .replace(
          'replicas: 3, storage },\n      },',
          'replicas: 3, storage },\n      },\n      replication: { factor: 4 },',
        ),
    );
    const current = path.join(dir, 'apps', 'current.ts');
    fs.writeFileSync(
      current,
      fs
        .readFileSync(current, 'utf-8')
        .replace(
          'advertisedPortBase: 9100,',
          'advertisedPortBase: 9100,\n        brokers: { 7: { advertisedPort: 9000 } },',
        ),
    );

    // WHEN
    const result = npmSynth(dir);

    // THEN both apps' problems are named with path, field and fix, and dist/ is untouched
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('Synthesis failed; dist/ is left as it was.');
    // warnings are printed once, errors after them
    expect(
      result.stderr.split('\n').filter((l) => l.includes('[external-plaintext]') && l.includes("app 'seed'")),
    ).toHaveLength(1);
    expect(result.stderr).toContain(
      '[current/events/external-listener] brokers[7] = 7: no broker has this node ID (brokers: 0, 1, 2, 3, 4, 5); the operator would ignore the override. Fix: key overrides by a broker node ID, or remove the entry [broker-override-is-broker]',
    );
    expect(result.stderr).toContain(
      '[seed/my-cluster] replication.factor = 4: exceeds the 3 broker(s); topic creation would fail. Fix: add brokers or set replication.factor to at most 3 [replication-factor]',
    );
    expect(fs.readdirSync(path.join(dir, 'dist'))).toEqual(['seed']);
    expect(fs.readFileSync(path.join(dir, 'dist', 'seed', 'seed.k8s.yaml'), 'utf-8')).toBe('previous: output\n');
  }, 60_000);
});
