#!/usr/bin/env node
'use strict';
// npm run import: regenerate imports/ offline from the CRDs recorded in cdk8s.yaml.
// Each `imports` entry is `<module>:=<release URL>`; the release tag in the URL selects
// $STRIMZI_REF_DIR/<tag>/crds/. Output is byte-identical run to run.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const YAML = require('yaml');
const { crdFiles } = require('./strimzi-ref');

const root = path.resolve(__dirname, '..');
const config = YAML.parse(fs.readFileSync(path.join(root, 'cdk8s.yaml'), 'utf-8'));
const cli = path.join(root, 'node_modules', '.bin', 'cdk8s');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'strimzi-crds-'));
try {
  for (const spec of config.imports) {
    const m = /^([a-z0-9-]+):=.*\/releases\/download\/([^/]+)\/strimzi-crds-\2\.yaml$/.exec(spec);
    if (!m) throw new Error(`cdk8s.yaml import '${spec}' is not '<module>:=<strimzi release URL>'`);
    const [, moduleName, tag] = m;
    const bundle = path.join(work, `${moduleName}.yaml`);
    fs.writeFileSync(
      bundle,
      crdFiles(tag)
        .map((f) => fs.readFileSync(f, 'utf-8'))
        .join('\n---\n'),
    );
    for (const old of fs.readdirSync(path.join(root, 'imports')).filter((f) => f.startsWith(`${moduleName}-`))) {
      fs.rmSync(path.join(root, 'imports', old));
    }
    execFileSync(
      cli,
      [
        'import',
        `${moduleName}:=${bundle}`,
        '--language',
        'typescript',
        '--output',
        'imports',
        '--no-save',
        '--no-check-upgrade',
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    console.log(`imports/${moduleName}-*.ts <- Strimzi ${tag} CRDs`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
