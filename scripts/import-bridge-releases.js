#!/usr/bin/env node
'use strict';
// npm run import (step): what each Strimzi release serves of the KafkaBridge, read from
// $STRIMZI_REF_DIR/<tag>/crds/046-Crd-kafkabridge.yaml into lib/bridge/bridge-releases.json:
// - `versions`: the API versions the release serves the kind in;
// - `fields`: for each field the construct renders (FIELDS), per API version the first and last release
//   serving it (the script fails when a field is served, dropped and served again: a range would lie);
// - `forbidden`: per config section (producer, consumer), the prefixes and exceptions the CRD's
//   description lists ("Properties with the following prefixes cannot be set: ... (with the exception
//   of: ...)"), with the first release stating each list.
// Byte-identical run to run.
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const { releaseTags, strimziRefDir } = require('./strimzi-ref');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'lib', 'bridge', 'bridge-releases.json');
/** Paths under `spec` the construct renders. */
const FIELDS = [
  'replicas',
  'http.port',
  'http.cors',
  'http.tls',
  'producer.config',
  'producer.enabled',
  'consumer.config',
  'consumer.enabled',
  'consumer.timeoutSeconds',
  'resources',
  'metricsConfig',
  'enableMetrics',
];
const SECTIONS = ['producer', 'consumer'];

function specOf(version) {
  return version.schema.openAPIV3Schema.properties.spec;
}

function served(spec, field) {
  let s = spec;
  for (const part of field.split('.')) {
    s = s && s.properties && s.properties[part];
    if (!s) return false;
  }
  return true;
}

/** The lists of a `config` description: prefixes and exceptions, in the order the CRD gives them. */
function forbiddenOf(description, where) {
  const m = /cannot be set: (.*?)(?: \(with the exception of: (.*?)\))?\.\s*$/.exec(description || '');
  if (!m) throw new Error(`${where}: no list of forbidden prefixes in its description`);
  const list = (s) => (s ? s.split(', ').map((x) => x.trim()) : []);
  return { prefixes: list(m[1]).map((p) => p.replace(/\.$/, '.')), exceptions: list(m[2]) };
}

const tags = releaseTags('crds');
const versions = {};
const ranges = {};
const forbidden = Object.fromEntries(SECTIONS.map((s) => [s, []]));
for (const tag of tags) {
  const file = path.join(strimziRefDir(), tag, 'crds', '046-Crd-kafkabridge.yaml');
  if (!fs.existsSync(file)) continue;
  const crd = YAML.parse(fs.readFileSync(file, 'utf-8'));
  const vs = crd.spec.versions.filter((v) => v.served).sort((a, b) => (a.name < b.name ? -1 : 1));
  versions[tag] = vs.map((v) => v.name);
  for (const v of vs) {
    for (const f of FIELDS.filter((x) => served(specOf(v), x))) {
      const r = ((ranges[f] ??= {})[v.name] ??= { from: tag, to: tag, tags: [] });
      r.to = tag;
      r.tags.push(tag);
    }
  }
  const newest = vs[vs.length - 1];
  for (const s of SECTIONS) {
    const list = forbiddenOf(specOf(newest).properties[s].properties.config.description, `${tag} ${s}.config`);
    const last = forbidden[s][forbidden[s].length - 1];
    if (!last || JSON.stringify([last.prefixes, last.exceptions]) !== JSON.stringify([list.prefixes, list.exceptions]))
      forbidden[s].push({ since: tag, ...list });
  }
}
// every range is contiguous among the releases serving that API version
for (const [f, byVersion] of Object.entries(ranges)) {
  for (const [v, r] of Object.entries(byVersion)) {
    const between = Object.keys(versions).filter((t) => versions[t].includes(v));
    const expected = between.slice(between.indexOf(r.from), between.indexOf(r.to) + 1);
    if (JSON.stringify(expected) !== JSON.stringify(r.tags)) throw new Error(`${f} (${v}) is not served contiguously`);
    delete r.tags;
  }
}
const json = {
  versions,
  fields: Object.fromEntries(FIELDS.filter((f) => ranges[f]).map((f) => [f, ranges[f]])),
  forbidden,
};
const lines = Object.entries(json).map(
  ([k, v]) =>
    `  ${JSON.stringify(k)}: {\n${Object.entries(v)
      .map(([k2, v2]) => `    ${JSON.stringify(k2)}: ${JSON.stringify(v2)}`)
      .join(',\n')}\n  }`,
);
fs.writeFileSync(out, `{\n${lines.join(',\n')}\n}\n`);
console.log(`${path.relative(root, out)}: ${Object.keys(versions).length} releases`);
