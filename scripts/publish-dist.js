#!/usr/bin/env node
'use strict';
// Replace dist/ with what `cdk8s synth` wrote to the staging directory. Runs only after every
// app synthesized (npm run synth chains it with &&), so a failed synth leaves dist/ as it was.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const staging = path.join(root, '.synth-staging');
const dist = path.join(root, 'dist');
if (!fs.existsSync(staging) || fs.readdirSync(staging).length === 0) {
  console.error('publish-dist: nothing synthesized in .synth-staging; dist/ left as it was');
  process.exit(1);
}
fs.rmSync(dist, { recursive: true, force: true });
fs.renameSync(staging, dist);
for (const app of fs.readdirSync(dist).sort()) {
  for (const file of fs.readdirSync(path.join(dist, app)).sort()) console.log(`dist/${app}/${file}`);
}
