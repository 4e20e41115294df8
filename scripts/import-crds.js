#!/usr/bin/env node
'use strict';
// npm run import: regenerate imports/ offline from the CRDs recorded in cdk8s.yaml.
// Each `imports` entry is `<module>:=<release URL>`; the release tag in the URL selects
// $STRIMZI_REF_DIR/<tag>/crds/. Output is byte-identical run to run. Only the CRDs of the kinds the
// library renders are imported (RENDERED_KINDS), each with only the module's API version: the other
// kinds' and versions' classes would only grow the
// package and the declarations every user's ts-node type-checks on each `cdk8s synth`.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const YAML = require('yaml');
const { crdFiles } = require('./strimzi-ref');

const root = path.resolve(__dirname, '..');
/** The kinds lib/render/strimzi renders (all of group kafka.strimzi.io). */
const RENDERED_KINDS = [
  'Kafka',
  'KafkaNodePool',
  'KafkaTopic',
  'KafkaUser',
  'KafkaMirrorMaker2',
  'KafkaBridge',
  'KafkaRebalance',
  'KafkaConnect',
  'KafkaConnector',
];
/** The CRD of a rendered kind with only the module's API version (`strimzi-v1beta2` -> v1beta2), else undefined. */
function renderedCrd(file, version) {
  const crd = YAML.parse(fs.readFileSync(file, 'utf-8'));
  if (!RENDERED_KINDS.includes(crd.spec.names.kind)) return undefined;
  crd.spec.versions = crd.spec.versions.filter((v) => v.name === version);
  if (crd.spec.versions.length !== 1) throw new Error(`${file} does not serve ${version}`);
  return YAML.stringify(crd);
}
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
        .map((f) => renderedCrd(f, moduleName.replace(/^strimzi-/, '')))
        .filter((text) => text !== undefined)
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
