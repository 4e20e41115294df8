#!/usr/bin/env node
'use strict';
// npm run import (step): a fingerprint of every CRD of every Strimzi release, read from
// $STRIMZI_REF_DIR/<tag>/crds/ into lib/model/semantics/crd-fingerprints.json, so `StrimziCrds` can tell
// by content which release a folder of CRDs belongs to. Each CRD is parsed with the `yaml` package, as
// lib/operator/crd-files.ts reads an app's files, and its `spec` hashed by
// lib/model/semantics/crd-fingerprint.ts (sorted keys, SHA-256, 16 hex digits). Byte-identical run to run.
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const { strimziRefDir, crdFiles, releaseTags } = require('./strimzi-ref');
require('ts-node').register({ swc: true, transpileOnly: true });
const { crdFingerprint } = require('../lib/model/semantics/crd-fingerprint');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'lib', 'model', 'semantics', 'crd-fingerprints.json');
const tags = releaseTags('crds');

const lines = tags.map((tag) => {
  const crds = crdFiles(tag)
    .flatMap((file) => YAML.parseAllDocuments(fs.readFileSync(file, 'utf-8')).map((d) => d.toJSON()))
    .filter((o) => o && o.kind === 'CustomResourceDefinition');
  if (crds.length === 0) throw new Error(`Strimzi ${tag}: no CRDs in ${path.join(strimziRefDir(), tag, 'crds')}`);
  const prints = Object.fromEntries(
    crds.map((o) => [o.metadata.name, crdFingerprint(o)]).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return `  ${JSON.stringify(tag)}: ${JSON.stringify(prints)}`;
});
fs.writeFileSync(out, `{\n${lines.join(',\n')}\n}\n`);
console.log(`${path.relative(root, out)}: ${tags.length} releases`);
