#!/usr/bin/env node
'use strict';
// npm run import (step): what each Strimzi release serves of KafkaConnect and KafkaConnector, read
// from the CRDs in $STRIMZI_REF_DIR/<tag>/crds/ (default ../shared/strimzi) into
// lib/connect/connect-releases.json. Per API version served: whether the spec has the storage fields
// (`groupId`, `*StorageTopic`), `externalConfiguration`, the connector's `pause`, `state` values and
// `version`; the fields it requires; the config keys Strimzi forbids (parsed from the `config`
// descriptions). Facts identical for consecutive releases are stored once with the first release
// that has them (`since`). No CRD text is kept. Output is byte-identical run to run.
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const { crdFiles, releaseTags } = require('./strimzi-ref');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'lib', 'connect', 'connect-releases.json');

function fail(tag, what) {
  throw new Error(`Strimzi ${tag} CRDs: ${what}. Update scripts/import-connect.js and lib/connect/ to the new layout.`);
}

/** The CRD of a kind in a release. */
function crdOf(tag, kind) {
  const file = crdFiles(tag).find((f) => YAML.parse(fs.readFileSync(f, 'utf-8')).spec.names.kind === kind);
  if (!file) fail(tag, `no ${kind} CRD`);
  return YAML.parse(fs.readFileSync(file, 'utf-8'));
}

/** `Properties with the following prefixes cannot be set: a, b (with the exception of: c, d).` */
function connectForbidden(tag, description) {
  const m = /following prefixes cannot be set: ([^(]*?)\s*\(with the exception of: ([^)]*)\)/.exec(description);
  if (!m) fail(tag, 'the KafkaConnect config description lists no forbidden prefixes');
  const list = (s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
      .sort();
  return { prefixes: list(m[1]), exceptions: list(m[2]) };
}

/** `The following properties cannot be set: a, b.` */
function connectorForbidden(tag, description) {
  const m = /following properties cannot be set: ([^\n]*?)\.?$/.exec(description.trim());
  if (!m) fail(tag, 'the KafkaConnector config description lists no forbidden keys');
  return m[1]
    .split(',')
    .map((x) => x.trim())
    .sort();
}

/** The facts of one API version of both CRDs. */
function versionFacts(tag, connect, connector) {
  const spec = connect.schema.openAPIV3Schema.properties.spec;
  const cspec = connector.schema.openAPIV3Schema.properties.spec;
  const p = spec.properties;
  const c = cspec.properties;
  if (!c.state || !Array.isArray(c.state.enum)) fail(tag, 'KafkaConnector spec.state has no enum');
  return {
    required: [...(spec.required ?? [])].sort(),
    storageFields: ['groupId', 'configStorageTopic', 'offsetStorageTopic', 'statusStorageTopic'].every((k) => k in p),
    externalConfiguration: 'externalConfiguration' in p,
    topLevelPlugins: 'plugins' in p,
    connectForbidden: connectForbidden(tag, p.config.description ?? ''),
    connectorPause: 'pause' in c,
    connectorStates: [...c.state.enum].sort(),
    connectorVersion: 'version' in c,
    connectorForbidden: connectorForbidden(tag, c.config.description ?? ''),
  };
}

/** The facts of one release: per served API version. */
function factsOf(tag) {
  const connect = crdOf(tag, 'KafkaConnect');
  const connector = crdOf(tag, 'KafkaConnector');
  const served = (crd) => crd.spec.versions.filter((v) => v.served).map((v) => v.name);
  const versions = served(connect).filter((v) => v === 'v1' || v === 'v1beta2');
  const apis = {};
  for (const v of versions.sort()) {
    const a = connect.spec.versions.find((x) => x.name === v);
    const b = connector.spec.versions.find((x) => x.name === v && x.served);
    if (!b) fail(tag, `KafkaConnect serves ${v} and KafkaConnector does not`);
    apis[v] = versionFacts(tag, a, b);
  }
  return apis;
}

/** Every release's facts, a change stored once with the first release that has it. */
function connectReleases() {
  const releases = [];
  let previous = '';
  for (const tag of releaseTags('crds')) {
    const facts = factsOf(tag);
    const text = JSON.stringify(facts);
    if (text !== previous) releases.push({ since: tag, apis: facts });
    previous = text;
  }
  return { releases };
}

/** The file's text: what lib/connect/connect-releases.json holds. */
const connectReleasesText = () => `${JSON.stringify(connectReleases(), null, 1)}\n`;
module.exports = { connectReleasesText };

if (require.main === module) {
  fs.writeFileSync(out, connectReleasesText());
  console.log(
    `${path.relative(root, out)} <- KafkaConnect/KafkaConnector CRDs of ${releaseTags('crds').length} releases`,
  );
}
