#!/usr/bin/env node
'use strict';
// npm run build (also `prepare`, so git and folder installs and `npm pack` build): the package's
// build/lib/ and build/imports/: JavaScript by swc (with source maps for lib/; none for the generated
// imports/), declarations by tsc (--noCheck: `npm test` type-checks). Skipped when build/ was made
// from the same sources (a hash of them is kept in build/.build-hash); --force rebuilds.
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'build');
const stamp = path.join(out, '.build-hash');

function walk(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const files = ['imports', 'lib'].flatMap((d) => walk(path.join(root, d)));
const sources = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
const data = files.filter((f) => f.endsWith('.json')); // data modules (lib/operator/operator-releases.json), copied
const config = ['package-lock.json', 'tsconfig.json', 'tsconfig.build.json', '.swcrc', 'scripts/build.js'];
const inputs = [...sources, ...data, ...config.map((f) => path.join(root, f))];
const hash = crypto.createHash('sha256');
for (const f of inputs)
  hash
    .update(`${path.relative(root, f)}\0`)
    .update(fs.readFileSync(f))
    .update('\0');
const digest = hash.digest('hex');
if (!process.argv.includes('--force') && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf-8') === digest) {
  console.error('build/ is up to date');
  process.exit(0);
}

fs.rmSync(out, { recursive: true, force: true });
const options = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf-8'));
for (const src of sources) {
  const rel = path.relative(root, src).replace(/\.ts$/, '.js');
  const target = path.join(out, rel);
  const maps = rel.startsWith('lib');
  const { code, map } = swc.transformFileSync(src, {
    ...options,
    filename: src,
    swcrc: false,
    sourceMaps: maps,
    sourceFileName: path.relative(path.dirname(target), src), // sources resolve to the .ts; sourcesContent embeds it
  });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (maps) {
    fs.writeFileSync(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
    fs.writeFileSync(`${target}.map`, map);
  } else {
    fs.writeFileSync(target, code);
  }
}
for (const src of data) {
  fs.mkdirSync(path.dirname(path.join(out, path.relative(root, src))), { recursive: true });
  fs.copyFileSync(src, path.join(out, path.relative(root, src)));
}
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--noCheck'], {
  cwd: root,
  stdio: 'inherit',
});
fs.chmodSync(path.join(out, 'lib', 'tools', 'validate-cli.js'), 0o755);
fs.writeFileSync(stamp, digest);
console.error(`build/: ${sources.length} modules compiled, declarations written`);
