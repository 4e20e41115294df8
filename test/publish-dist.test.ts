import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// scripts/publish-dist.js swaps .synth-staging/ into dist/; a kill at any step must leave a
// complete dist/ (or, in the fallback without an atomic exchange, one the next run puts back).
const script = path.resolve(__dirname, '..', 'scripts', 'publish-dist.js');

/** A project folder holding only the script, a complete dist/ ('old') and a staging folder ('new'). */
function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kraft-publish-'));
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.copyFileSync(script, path.join(dir, 'scripts', 'publish-dist.js'));
  writeTree(path.join(dir, 'dist'), 'old');
  writeTree(path.join(dir, '.synth-staging'), 'new');
  return dir;
}

/** A complete output: two apps of two files each, every file holding `tag`. */
function writeTree(dir: string, tag: string): void {
  for (const app of ['a', 'b']) {
    fs.mkdirSync(path.join(dir, app), { recursive: true });
    for (const f of ['x.yaml', 'y.conf']) fs.writeFileSync(path.join(dir, app, f), tag);
  }
}

/** 'old' or 'new' when `dir` is a complete output of one tag, else a description of what is there. */
function readTree(dir: string): string {
  if (!fs.existsSync(dir)) return 'missing';
  const tags = new Set<string>();
  let files = 0;
  for (const app of ['a', 'b']) {
    for (const f of ['x.yaml', 'y.conf']) {
      const file = path.join(dir, app, f);
      if (fs.existsSync(file)) {
        files++;
        tags.add(fs.readFileSync(file, 'utf-8'));
      }
    }
  }
  return files === 4 && tags.size === 1 ? [...tags][0] : `incomplete (${files} files, ${[...tags].join('/')})`;
}

const publish = (cwd: string, env: Record<string, string> = {}, args: string[] = []) =>
  spawnSync(process.execPath, ['scripts/publish-dist.js', ...args], {
    cwd,
    encoding: 'utf-8',
    env: { ...process.env, ...env },
  });

const leftovers = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((e) => e.startsWith('.'))
    .sort();

describe('publish-dist swaps dist/ without a moment lacking a complete dist/', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const d = project();
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  test.each([
    ['atomic exchange', '1'],
    ['fallback', '0'],
  ])('%s: publishes the staging folder and cleans up', (_, exchange) => {
    const dir = fresh();
    const r = publish(dir, { PUBLISH_DIST_EXCHANGE: exchange });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('dist/a/x.yaml\ndist/a/y.conf\ndist/b/x.yaml\ndist/b/y.conf\n');
    expect(readTree(path.join(dir, 'dist'))).toBe('new');
    expect(leftovers(dir)).toEqual([]);
  });

  test.each([
    // mode, step killed after, what dist/ holds right after the kill
    ['1', 'staged', 'old'],
    ['1', 'exchanged', 'new'],
    ['0', 'staged', 'old'],
    ['0', 'moved-old', 'missing'], // the fallback's one gap: the next run puts the old dist/ back
    ['0', 'moved-new', 'new'],
  ])(
    'exchange=%s, killed after %s: dist/ is %s, and the next run leaves a complete dist/',
    (exchange, step, afterKill) => {
      // GIVEN a complete dist/ and a staging folder
      const dir = fresh();

      // WHEN publishing is killed after the step
      const killed = publish(dir, { PUBLISH_DIST_EXCHANGE: exchange, PUBLISH_DIST_KILL_AFTER: step });

      // THEN
      expect(killed.signal).toBe('SIGKILL');
      expect(readTree(path.join(dir, 'dist'))).toBe(afterKill);
      // a complete output survives somewhere: in dist/ or, in the fallback's gap, in .dist-previous
      if (afterKill === 'missing') expect(readTree(path.join(dir, '.dist-previous'))).toBe('old');
      // and recovery (run first by every publish) restores a complete dist/ and removes the rest
      expect(publish(dir, {}, ['--recover']).status).toBe(0);
      expect(readTree(path.join(dir, 'dist'))).toBe(afterKill === 'missing' ? 'old' : afterKill);
      expect(leftovers(dir)).toEqual([]);
    },
  );

  test('a reader polling dist/ during 10 swaps never finds it or a file of it missing', async () => {
    // GIVEN a watcher process reading dist/ in a tight loop until told to stop (at most 20 s)
    const dir = fresh();
    const watcher = spawn(
      process.execPath,
      [
        '-e',
        `
      const fs = require('fs');
      const read = (dir) => { // readTree, in plain JavaScript
        if (!fs.existsSync(dir)) return 'missing';
        const tags = new Set(); let files = 0;
        for (const f of ['a/x.yaml', 'a/y.conf', 'b/x.yaml', 'b/y.conf']) {
          try { tags.add(fs.readFileSync(dir + '/' + f, 'utf-8')); files++; } catch { /* missing */ }
        }
        // a reader may straddle a swap (old and new files): allowed; a file missing is not
        return files < 4 ? 'incomplete' : tags.size === 1 ? [...tags][0] : 'straddled';
      };
      const seen = {}; const started = Date.now();
      while (!fs.existsSync('stop') && Date.now() - started < 20000) { const t = read('dist'); seen[t] = (seen[t] || 0) + 1; }
      process.stdout.write(JSON.stringify(seen));`,
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    watcher.stdout.on('data', (d) => {
      out += d;
    });
    const exited = new Promise((r) => watcher.once('exit', r));

    // WHEN dist/ is replaced 10 times, alternating old and new
    for (let i = 0; i < 10; i++) {
      writeTree(path.join(dir, '.synth-staging'), i % 2 === 0 ? 'new' : 'old');
      expect(publish(dir, { PUBLISH_DIST_EXCHANGE: process.env.PUBLISH_DIST_EXCHANGE ?? '1' }).status).toBe(0);
    }
    fs.writeFileSync(path.join(dir, 'stop'), '');
    await exited;

    // THEN dist/ was never missing and every file was always there
    const seen = JSON.parse(out) as Record<string, number>;
    // eslint-disable-next-line no-console
    console.log(`reader during 10 swaps: ${JSON.stringify(seen)}`);
    expect(Object.keys(seen).filter((k) => !['old', 'new', 'straddled'].includes(k))).toEqual([]);
    expect((seen.old ?? 0) + (seen.new ?? 0)).toBeGreaterThan(100);
    // and the reader really saw both versions: the swaps happened while it read
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);
    expect(readTree(path.join(dir, 'dist'))).toBe('old'); // the 10th swap published 'old'
  }, 30_000);
});
