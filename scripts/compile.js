#!/usr/bin/env node
'use strict';
// Transpile imports/, lib/ and apps/ to build/ with swc (no type check: `npm test` runs tsc --noEmit).
// Used by `npm run synth` so a synth does not pay for type-checking the 5 MB of generated imports.
const fs = require('fs');
const path = require('path');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'build');
const options = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf-8'));

function walk(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

fs.rmSync(out, { recursive: true, force: true });
for (const src of ['imports', 'lib', 'apps'].flatMap((d) => walk(path.join(root, d)))) {
  if (src.endsWith('.json')) {
    // data modules (lib/operator/operator-releases.json) are copied as they are
    fs.mkdirSync(path.dirname(path.join(out, path.relative(root, src))), { recursive: true });
    fs.copyFileSync(src, path.join(out, path.relative(root, src)));
    continue;
  }
  if (!src.endsWith('.ts') || src.endsWith('.d.ts')) continue;
  const rel = path.relative(root, src).replace(/\.ts$/, '.js');
  const { code } = swc.transformFileSync(src, { ...options, filename: src, swcrc: false });
  fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
  fs.writeFileSync(path.join(out, rel), code);
}
