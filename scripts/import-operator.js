#!/usr/bin/env node
'use strict';
// npm run import (second step): facts of the Strimzi cluster operator of every release, read from
// $STRIMZI_REF_DIR/<tag>/install/*.yaml (default ../shared/strimzi) into
// lib/operator/operator-releases.json. Nothing of the YAML text is kept: each release's objects
// are parsed into facts (RBAC rules, bindings, ConfigMap data, Deployment details, images and
// env), and a fact identical for consecutive releases is stored once with the first release that
// has it (`since`). Output is byte-identical run to run.
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const { strimziRefDir, releaseTags } = require('./strimzi-ref');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'lib', 'operator', 'operator-releases.json');
const ref = strimziRefDir();
const tags = releaseTags('install');
const IMAGE = /^[a-z0-9.-]+(:[0-9]+)?\/[a-z0-9._/-]+(:[A-Za-z0-9._-]+)?(@sha256:[a-f0-9]{64})?$/;

function fail(tag, what) {
  throw new Error(
    `Strimzi ${tag} install bundle: ${what}. Update scripts/import-operator.js and lib/operator/ to the new layout.`,
  );
}

/** The facts of one release, keyed by fact name. */
function factsOf(tag) {
  const dir = path.join(ref, tag, 'install');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const facts = { files };
  const bindings = [];
  for (const file of files) {
    const docs = YAML.parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf-8'))
      .map((d) => d.toJSON())
      .filter(Boolean);
    if (docs.length !== 1) fail(tag, `${file} holds ${docs.length} objects`);
    const o = docs[0];
    const known = new Set(['apiVersion', 'kind', 'metadata', 'rules', 'subjects', 'roleRef', 'data', 'spec']);
    Object.keys(o).forEach((k) => known.has(k) || fail(tag, `${file} has a top-level '${k}'`));
    Object.keys(o.metadata).forEach((k) => ['name', 'labels'].includes(k) || fail(tag, `${file} has metadata.${k}`));
    const meta = { name: o.metadata.name, labels: o.metadata.labels };
    const prefix = file.slice(0, 3);
    switch (o.kind) {
      case 'ServiceAccount':
        facts.serviceAccount = meta;
        break;
      case 'ClusterRole':
        facts[`clusterRole:${o.metadata.name}`] = { file: prefix, ...meta, rules: o.rules };
        break;
      case 'RoleBinding':
      case 'ClusterRoleBinding': {
        if (o.subjects.length !== 1 || o.subjects[0].kind !== 'ServiceAccount')
          fail(tag, `${file} binds other than one ServiceAccount`);
        if (o.roleRef.kind !== 'ClusterRole' || o.roleRef.apiGroup !== 'rbac.authorization.k8s.io')
          fail(tag, `${file} refers to a ${o.roleRef.kind}`);
        bindings.push({
          file: prefix,
          kind: o.kind,
          ...meta,
          serviceAccount: o.subjects[0].name,
          clusterRole: o.roleRef.name,
        });
        break;
      }
      case 'ConfigMap':
        // Each data value as its lines (joined with '\n' when rendered).
        facts.configMap = {
          ...meta,
          data: Object.fromEntries(Object.entries(o.data).map(([k, v]) => [k, v.split('\n')])),
        };
        break;
      case 'Deployment': {
        const spec = o.spec;
        const pod = spec.template.spec;
        if (pod.containers.length !== 1) fail(tag, 'the Deployment has several containers');
        const { image, env, ...container } = pod.containers[0];
        const podRest = Object.fromEntries(Object.entries(pod).filter(([k]) => k !== 'containers'));
        facts.deployment = {
          ...meta,
          replicas: spec.replicas,
          selector: spec.selector.matchLabels,
          podLabels: spec.template.metadata.labels,
          pod: podRest,
          container,
        };
        facts.operatorImage = image;
        // Env values: a field reference, an image, a `<kafka version>=<image>` list (kept once per
        // release when every such list is the same), or a literal.
        let kafkaImages;
        const images = {};
        facts.env = env.map((e) => {
          if (e.valueFrom) {
            if (!e.valueFrom.fieldRef || Object.keys(e.valueFrom.fieldRef).length !== 1)
              fail(tag, `env ${e.name} is not a plain fieldRef`);
            return { name: e.name, fieldRef: e.valueFrom.fieldRef.fieldPath };
          }
          const v = e.value;
          if (/^(\S+=\S+\n)+$/.test(v)) {
            const map = Object.fromEntries(
              v
                .trim()
                .split('\n')
                .map((l) => l.split('=')),
            );
            Object.values(map).forEach((i) => IMAGE.test(i) || fail(tag, `env ${e.name} maps to '${i}'`));
            if (kafkaImages && JSON.stringify(kafkaImages) !== JSON.stringify(map))
              fail(tag, `env ${e.name} lists other images than the other lists`);
            kafkaImages = map;
            return { name: e.name, kafkaImages: true };
          }
          if (IMAGE.test(v) && v.includes(':')) {
            images[e.name] = v;
            return { name: e.name, image: true };
          }
          return { name: e.name, value: v };
        });
        facts.kafkaImages = kafkaImages;
        facts.images = images;
        break;
      }
      default:
        fail(tag, `${file} is a ${o.kind}`);
    }
  }
  facts.bindings = bindings;
  return facts;
}

const perRelease = tags.map((tag) => [tag, factsOf(tag)]);
const keys = [...new Set(perRelease.flatMap(([, f]) => Object.keys(f)))].sort();
const facts = {};
for (const key of keys) {
  const list = [];
  for (const [tag, f] of perRelease) {
    const value = f[key] === undefined ? null : f[key];
    const last = list[list.length - 1];
    if (!last || JSON.stringify(last.value) !== JSON.stringify(value)) list.push({ since: tag, value });
  }
  facts[key] = list;
}
const data = {
  comment: 'Generated by scripts/import-operator.js (npm run import) from Strimzi install bundles; do not edit.',
  releases: tags,
  facts,
};
/** JSON with every value that fits in 110 characters on one line (small diffs, lines <= 120). */
function compact(value, indent = '') {
  const flat = JSON.stringify(value);
  if (flat.length + indent.length <= 110 || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + compact(v, inner)).join(',\n')}\n${indent}]`;
  return `{\n${Object.entries(value)
    .map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compact(v, inner)}`)
    .join(',\n')}\n${indent}}`;
}
fs.writeFileSync(out, `${compact(data)}\n`);
console.log(
  `${path.relative(root, out)} <- Strimzi ${tags[0]}..${tags[tags.length - 1]} install bundles (${tags.length} ` +
    `releases, ${keys.length} facts)`,
);
