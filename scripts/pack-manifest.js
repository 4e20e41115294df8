#!/usr/bin/env node
'use strict';
// npm pack / npm publish (prepack, postpack): the packed package.json carries no install-time script.
// `prepare` builds build/ in a clone (npm ci, git installs); in a tarball it would name a file that
// is not shipped, and npm warns about every install script of a tarball it installs. So prepack
// removes the install-time scripts from package.json (keeping the original beside it) and postpack
// puts the original back byte for byte. `node scripts/pack-manifest.js restore` also repairs a pack
// that was killed in between.
const fs = require('fs');
const path = require('path');

/** Scripts npm runs when it installs a package (a tarball or git dependency). */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

/** The manifest as packed: without install-time scripts. */
function packedManifest(pkg) {
  const scripts = Object.fromEntries(Object.entries(pkg.scripts ?? {}).filter(([k]) => !INSTALL_SCRIPTS.includes(k)));
  return { ...pkg, scripts };
}

function strip(dir) {
  const file = path.join(dir, 'package.json');
  const backup = path.join(dir, '.package.json.prepack');
  if (fs.existsSync(backup)) restore(dir); // a pack killed before postpack
  const text = fs.readFileSync(file, 'utf-8');
  fs.writeFileSync(backup, text);
  fs.writeFileSync(file, `${JSON.stringify(packedManifest(JSON.parse(text)), null, 2)}\n`);
}

function restore(dir) {
  const backup = path.join(dir, '.package.json.prepack');
  if (fs.existsSync(backup)) fs.renameSync(backup, path.join(dir, 'package.json'));
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const [command] = process.argv.slice(2);
  if (command === 'strip') strip(root);
  else if (command === 'restore') restore(root);
  else {
    console.error('usage: node scripts/pack-manifest.js strip|restore');
    process.exit(2);
  }
}

module.exports = { INSTALL_SCRIPTS, packedManifest, strip, restore };
