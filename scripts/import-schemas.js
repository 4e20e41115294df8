#!/usr/bin/env node
'use strict';
// npm run import (second step): regenerate schemas/strimzi-crd-schemas.json, the CRD schemas
// validateManifests needs, for every release in $STRIMZI_REF_DIR (default ../shared/strimzi).
// Per release: `group/version/kind` of every served CRD version -> the hash of its openAPIV3Schema.
// Schemas are stripped of descriptions and stored content-addressed: every sub-schema of 100+
// characters that occurs more than once (within or across releases) is stored once as a node and
// referenced as {"$ref": "<hash>"} (a JSON Schema reference: validators can compile it once).
// Output is byte-identical run to run.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const { crdFiles, strimziRefDir } = require('./strimzi-ref');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'schemas', 'strimzi-crd-schemas.json');
const MIN_SHARED = 100; // smaller repeated subtrees are cheaper inline than as a reference

/** The schema without `description` keywords (property names and values such as enum are kept). */
function strip(schema) {
  if (Array.isArray(schema)) return schema.map(strip);
  if (schema === null || typeof schema !== 'object') return schema;
  const o = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$ref') throw new Error('a CRD schema uses $ref, which the node format reserves');
    if (k === 'description') continue;
    if (k === 'properties') o[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, strip(s)]));
    else if (k === 'enum' || k === 'default' || k === 'example' || k === 'required') o[k] = v;
    else o[k] = strip(v);
  }
  return o;
}

const hashOf = (json) => crypto.createHash('sha256').update(json).digest('hex').slice(0, 12);

const tags = fs
  .readdirSync(strimziRefDir())
  .filter((t) => /^\d+\.\d+\.\d+$/.test(t))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
const releases = {};
const roots = new Map(); // json -> schema
const parsed = new Map(); // file text -> CRD (releases share many identical files; parsing is the slow part)
for (const tag of tags) {
  const index = {};
  for (const file of crdFiles(tag)) {
    const text = fs.readFileSync(file, 'utf-8');
    if (!parsed.has(text)) parsed.set(text, YAML.parse(text));
    const crd = parsed.get(text);
    for (const v of crd.spec.versions.filter((x) => x.served)) {
      const schema = strip(v.schema.openAPIV3Schema);
      const json = JSON.stringify(schema);
      roots.set(json, schema);
      index[`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`] = hashOf(json);
    }
  }
  if (Object.keys(index).length === 0) throw new Error(`no CRDs for Strimzi ${tag}`);
  releases[tag] = Object.fromEntries(Object.entries(index).sort(([a], [b]) => a.localeCompare(b)));
}

// The sub-schemas of a schema: values of properties, items, additionalProperties, not, and the
// members of allOf/anyOf/oneOf. Only these are shared, so a {"$ref"} always stands for a schema.
function children(s) {
  const out = [];
  for (const [k, v] of Object.entries(s)) {
    if (k === 'properties') out.push(...Object.values(v));
    else if (['items', 'additionalProperties', 'not'].includes(k) && v !== null && typeof v === 'object') out.push(v);
    else if (['allOf', 'anyOf', 'oneOf'].includes(k)) out.push(...v);
  }
  return out;
}

// Count every sub-schema of every distinct schema; those seen twice or more become shared nodes.
const seen = new Map();
(function count(list) {
  for (const s of list) {
    const json = JSON.stringify(s);
    if (json.length >= MIN_SHARED) seen.set(json, (seen.get(json) ?? 0) + 1);
    count(children(s));
  }
})([...roots.values()]);

const nodes = new Map(); // hash -> encoded JSON
function encode(s, isRoot) {
  const json = JSON.stringify(s);
  const sub = (v) => encode(v, false);
  const inner = Object.fromEntries(
    Object.entries(s).map(([k, v]) => {
      if (k === 'properties') return [k, Object.fromEntries(Object.entries(v).map(([name, p]) => [name, sub(p)]))];
      if (['items', 'additionalProperties', 'not'].includes(k) && v !== null && typeof v === 'object')
        return [k, sub(v)];
      if (['allOf', 'anyOf', 'oneOf'].includes(k)) return [k, v.map(sub)];
      return [k, v];
    }),
  );
  if (!isRoot && !(seen.get(json) > 1)) return inner;
  const hash = hashOf(json);
  const encoded = JSON.stringify(inner);
  if (nodes.has(hash) && nodes.get(hash) !== encoded) throw new Error(`hash collision on ${hash}`);
  nodes.set(hash, encoded);
  return { $ref: hash };
}
for (const s of roots.values()) encode(s, true);

const lines = ['{', '"releases": {'];
const comma = (i, list) => (i < list.length - 1 ? ',' : '');
tags.forEach((t, i) => lines.push(`${JSON.stringify(t)}: ${JSON.stringify(releases[t])}${comma(i, tags)}`));
lines.push('},', '"nodes": {');
const hashes = [...nodes.keys()].sort();
hashes.forEach((h, i) => lines.push(`${JSON.stringify(h)}: ${nodes.get(h)}${comma(i, hashes)}`));
lines.push('}', '}', '');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, lines.join('\n'));
console.log(
  `schemas/strimzi-crd-schemas.json <- CRDs of ${tags.length} Strimzi releases ` +
    `(${roots.size} distinct schemas, ${nodes.size} nodes)`,
);
