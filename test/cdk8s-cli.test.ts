import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The README quick start as a user's main.ts, synthesized by the cdk8s CLI (`cdk8s synth`), the way a
// user runs it. The app is laid out as scripts/consumer-test.js does, but without npm: its
// node_modules link this checkout's cdk8s and constructs, and `cdk8s-strimzi-kraft` is lib/ run
// by ts-node (transpile only; `npm run test:consumer` covers the packed tarball and tsc).
const root = path.resolve(__dirname, '..');
const quickStart = fs.readFileSync(path.join(root, 'examples', 'quick-start.ts'), 'utf-8');
const cli = path.join(root, 'node_modules', '.bin', 'cdk8s');
const FINDING = /^\[[^\]]+\] (warning: )?\S.*\. Fix: .* \[[a-z0-9-]+\]$/;

/** A temporary cdk8s app whose main.ts is `main`; returns its folder. */
function userApp(main: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-cli-'));
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(path.join(modules, 'cdk8s-strimzi-kraft'), { recursive: true });
  for (const m of ['cdk8s', 'constructs']) fs.symlinkSync(path.join(root, 'node_modules', m), path.join(modules, m));
  fs.writeFileSync(
    path.join(modules, 'cdk8s-strimzi-kraft', 'package.json'),
    JSON.stringify({ name: 'cdk8s-strimzi-kraft', main: 'index.js' }),
  );
  fs.writeFileSync(
    path.join(modules, 'cdk8s-strimzi-kraft', 'index.js'),
    `module.exports = require(${JSON.stringify(path.join(root, 'lib', 'index.ts'))});\n`,
  );
  const register = path.join(root, 'node_modules', 'ts-node', 'register', 'transpile-only');
  fs.writeFileSync(
    path.join(dir, 'cdk8s.yaml'),
    `language: typescript\napp: ${JSON.stringify(`${process.execPath} -r ${register} main.ts`)}\n`,
  );
  fs.writeFileSync(path.join(dir, 'main.ts'), main);
  return dir;
}

/** `cdk8s synth` in the app folder. */
function synth(dir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') };
  delete env.CDK8S_OUTDIR;
  return spawnSync(cli, ['synth', '--no-check-upgrade'], { cwd: dir, env, encoding: 'utf-8', timeout: 120_000 });
}

/** Every file under a folder, relative, sorted. */
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir)
    ? (fs.readdirSync(dir, { recursive: true }) as string[])
        .filter((f) => fs.statSync(path.join(dir, f)).isFile())
        .sort()
    : [];

describe('cdk8s synth of the README quick start, as a user runs it', () => {
  test('writes the YAML and every file beside it', () => {
    // GIVEN the quick start as main.ts of a cdk8s app
    const dir = userApp(quickStart);
    try {
      // WHEN the cdk8s CLI synthesizes it
      const run = synth(dir);

      // THEN it succeeds, prints no warning, and every file is there
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      expect(filesUnder(path.join(dir, 'dist'))).toEqual([
        'ARCHITECTURE.md',
        'kafka.k8s.yaml',
        'my-cluster-external-lb.nginx.conf',
        'my-cluster-external-lb.stream.conf',
      ]);
      expect(fs.readFileSync(path.join(dir, 'dist', 'my-cluster-external-lb.nginx.conf'), 'utf-8')).toContain(
        'server 10.0.0.13:32103',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a failing app writes nothing and prints only finding lines, errors first', () => {
    // GIVEN the quick start with a bootstrap NodePort outside 30000-32767 and a plaintext listener (a warning)
    const broken = quickStart.replace('bootstrapNodePort: 32100,', 'bootstrapNodePort: 80, tls: false,');
    expect(broken).not.toBe(quickStart);
    const dir = userApp(broken);
    try {
      // WHEN the cdk8s CLI synthesizes it
      const run = synth(dir);

      // THEN it fails, writes no file, and what our app printed is finding lines only: errors, then
      // warnings, before the cdk8s CLI's own one-line report of the exit code (and its stack)
      expect(run.status).not.toBe(0);
      expect(filesUnder(path.join(dir, 'dist'))).toEqual([]);
      const lines = run.stderr.split('\n');
      const ours = lines.slice(
        0,
        lines.findIndex((l) => l.startsWith('Error: command ')),
      );
      expect(ours.length).toBeGreaterThan(1);
      expect(ours.filter((l) => !FINDING.test(l))).toEqual([]);
      const firstWarning = ours.findIndex((l) => l.includes('] warning: '));
      expect(ours.slice(0, firstWarning).some((l) => l.endsWith('[bootstrap-node-port]'))).toBe(true);
      expect(ours.slice(firstWarning).every((l) => l.includes('] warning: '))).toBe(true);
      expect(ours.slice(firstWarning).some((l) => l.endsWith('[external-plaintext]'))).toBe(true);
      expect(run.stdout).not.toContain('broker 0'); // nothing after synth ran, and no partial output
      expect(run.stderr).not.toMatch(/lib[\\/](app|common)[\\/]|cdk8s[\\/]src[\\/]app/); // no stack of ours or cdk8s
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
