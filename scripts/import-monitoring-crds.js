#!/usr/bin/env node
'use strict';
// npm run import (this step): the prometheus-operator kinds this library renders (PodMonitor,
// PrometheusRule; ServiceMonitor for users' own), offline and byte-identically from
// $PROMETHEUS_OPERATOR_REF_DIR (default ../shared/prometheus-operator)/<tag>/crds/:
// - imports/monitoring.coreos.com.ts: `cdk8s import` of the CRDs (used only from lib/render/);
// - schemas/monitoring-crd-schemas.json: `monitoring.coreos.com/v1/<Kind>` -> openAPIV3Schema, which the
//   validator (`cdk8s-strimzi-kraft/validate`) checks these objects against, strictly.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const YAML = require('yaml');

const root = path.resolve(__dirname, '..');
const TAG = 'v0.93.0';
const KINDS = ['PodMonitor', 'PrometheusRule', 'ServiceMonitor'];

function refDir() {
  const dir = process.env.PROMETHEUS_OPERATOR_REF_DIR || path.resolve(root, '..', 'shared', 'prometheus-operator');
  const crds = path.join(dir, TAG, 'crds');
  if (!fs.existsSync(crds)) throw new Error(`prometheus-operator ${TAG} CRDs not found at ${crds}`);
  return crds;
}

function main() {
  const dir = refDir();
  const crds = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => YAML.parse(fs.readFileSync(path.join(dir, f), 'utf-8')))
    .filter((c) => KINDS.includes(c.spec.names.kind));
  const schemas = {};
  for (const crd of crds) {
    for (const v of crd.spec.versions.filter((v) => v.served)) {
      schemas[`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`] = v.schema.openAPIV3Schema;
    }
  }
  const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1)));
  fs.writeFileSync(
    path.join(root, 'schemas', 'monitoring-crd-schemas.json'),
    JSON.stringify({ source: `prometheus-operator ${TAG}`, schemas: sorted }) + '\n',
  );
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'monitoring-crds-'));
  try {
    const bundle = path.join(work, 'monitoring.yaml');
    fs.writeFileSync(bundle, crds.map((c) => YAML.stringify(c)).join('\n---\n'));
    const cli = path.join(root, 'node_modules', '.bin', 'cdk8s');
    const args = ['import', `${bundle}`, '--language', 'typescript', '--output', 'imports'];
    execFileSync(cli, [...args, '--no-save', '--no-check-upgrade'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(`imports/monitoring.coreos.com.ts, schemas/monitoring-crd-schemas.json <- prometheus-operator ${TAG}`);
}

main();
