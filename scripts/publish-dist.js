#!/usr/bin/env node
'use strict';
// Replaces dist/ with what `cdk8s synth` wrote to .synth-staging/. Runs only after every app
// synthesized (npm run synth chains it with &&), so a failed synth leaves dist/ as it was.
//
// The swap never leaves a moment without a complete dist/:
//   1. rename .synth-staging -> .dist-swap
//   2. exchange .dist-swap and dist atomically (Linux renameat2 RENAME_EXCHANGE, called through
//      perl's syscall(), which Debian always installs: node has no binding for it)
//   3. delete .dist-swap (now the previous dist/)
// A kill at any point leaves dist/ complete (old before step 2, new after it); the next run
// deletes a left-over .dist-swap. Where the exchange is unavailable (no perl, another OS or CPU)
// it falls back to: rename dist -> .dist-previous, rename .dist-swap -> dist, delete
// .dist-previous; a kill between the two renames leaves dist/ missing for that moment, and the
// next run (or `node scripts/publish-dist.js --recover`) renames .dist-previous back first.
//
// Test hooks: PUBLISH_DIST_KILL_AFTER=<step> kills the process with SIGKILL after that step;
// PUBLISH_DIST_EXCHANGE=0 forces the fallback.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const staging = path.join(root, '.synth-staging');
const swap = path.join(root, '.dist-swap');
const previous = path.join(root, '.dist-previous');
const dist = path.join(root, 'dist');

/** renameat2 syscall numbers by node's process.arch (Linux). */
const RENAMEAT2 = { x64: 316, arm64: 276, riscv64: 276, loong64: 276, ia32: 353, arm: 382, ppc64: 357, s390x: 347 };
const AT_FDCWD = -100;
const RENAME_EXCHANGE = 2;

/** Atomically exchanges two existing paths; false when the platform cannot. */
function exchange(a, b) {
  const nr = RENAMEAT2[process.arch];
  if (process.env.PUBLISH_DIST_EXCHANGE === '0' || process.platform !== 'linux' || nr === undefined) return false;
  const script =
    `my ($a, $b) = @ARGV; exit(syscall(${nr}, ${AT_FDCWD}, $a, ${AT_FDCWD}, $b, ` + `${RENAME_EXCHANGE}) == 0 ? 0 : 1)`;
  const r = spawnSync('perl', ['-e', script, a, b], { stdio: 'ignore' });
  return r.status === 0;
}

function step(name) {
  if (process.env.PUBLISH_DIST_KILL_AFTER === name) process.kill(process.pid, 'SIGKILL');
}

/** Puts back a dist/ a killed run left in .dist-previous, and deletes what else it left. */
function recover() {
  if (fs.existsSync(previous)) {
    if (fs.existsSync(dist)) fs.rmSync(previous, { recursive: true, force: true });
    else fs.renameSync(previous, dist);
  }
  fs.rmSync(swap, { recursive: true, force: true });
}

recover();
if (process.argv.includes('--recover')) process.exit(0);
if (!fs.existsSync(staging) || fs.readdirSync(staging).length === 0) {
  console.error('publish-dist: nothing synthesized in .synth-staging; dist/ left as it was');
  process.exit(1);
}
fs.renameSync(staging, swap);
step('staged');
if (!fs.existsSync(dist)) {
  fs.renameSync(swap, dist);
} else if (exchange(swap, dist)) {
  step('exchanged');
  fs.rmSync(swap, { recursive: true, force: true });
} else {
  fs.renameSync(dist, previous);
  step('moved-old');
  fs.renameSync(swap, dist);
  step('moved-new');
  fs.rmSync(previous, { recursive: true, force: true });
}
for (const app of fs.readdirSync(dist).sort()) {
  for (const file of fs.readdirSync(path.join(dist, app)).sort()) console.log(`dist/${app}/${file}`);
}
