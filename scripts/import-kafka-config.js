#!/usr/bin/env node
'use strict';
// npm run import (last step): Kafka's configuration catalogue, read from the generated configuration
// reference pages in $KAFKA_CONFIG_REF_DIR/<major>.<minor>/*.html (default ../shared/kafka-config;
// `ConfigDef.toHtml` output published in apache/kafka-site, Apache-2.0) into one compact JSON file
// per config map in lib/model/kafka-config/catalogue/. No description text is kept: per config the
// name, type, default, valid values (parsed into a range, an enumeration or a non-empty check),
// update mode (broker) and server default property (topic). A definition identical in several
// versions is stored once with the list of those versions. Output is byte-identical run to run.
const fs = require('fs');
const path = require('path');
const { parseDocument, DomUtils } = (() => {
  try {
    return require('htmlparser2');
  } catch (e) {
    throw new Error(`scripts/import-kafka-config.js needs the devDependency htmlparser2 (${e.code ?? e.message})`);
  }
})();

const root = path.resolve(__dirname, '..');
const ref = path.resolve(process.env.KAFKA_CONFIG_REF_DIR ?? path.join(root, '..', 'shared', 'kafka-config'));
const out = path.join(root, 'lib', 'model', 'kafka-config', 'catalogue');

/** Config map name -> page file name. */
const MAPS = {
  'broker': 'kafka_config',
  'topic': 'topic_config',
  'producer': 'producer_config',
  'consumer': 'consumer_config',
  'connect': 'connect_config',
  'mirror-connector': 'mirror_connector_config',
  'mirror-source': 'mirror_source_config',
  'mirror-checkpoint': 'mirror_checkpoint_config',
};
const TYPES = ['boolean', 'string', 'int', 'short', 'long', 'double', 'list', 'class', 'password'];
const MODES = ['read-only', 'per-broker', 'cluster-wide'];
const NUMERIC = ['int', 'short', 'long', 'double'];

/**
 * Where a page is known to be wrong, the fact and its source. The 4.0 topic page comes from an older
 * docs build than the 4.0 broker page (see the reference README): it still prints segment.bytes
 * [14,...], while Kafka 4.0 raised the minimum to 1 MiB (KIP-1030, 4.0 upgrade notes), as the 4.0
 * broker page prints for log.segment.bytes, the topic key's server default property.
 */
const CORRECTIONS = [{ map: 'topic', version: '4.0', name: 'segment.bytes', valid: { min: 1048576 } }];

const byVersion = (a, b) => {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
};
const versions = fs
  .readdirSync(ref)
  .filter((v) => /^\d+\.\d+$/.test(v))
  .sort(byVersion);
if (versions.length === 0) throw new Error(`no <major>.<minor> folders in ${ref}`);

function fail(file, what) {
  throw new Error(`${file}: ${what}. Update scripts/import-kafka-config.js to the new layout.`);
}

/** A number of a range bound, exactly representable. */
function bound(file, text) {
  const n = Number(text);
  if (!Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n))) fail(file, `range bound '${text}'`);
  return n;
}

/** `Valid Values:` text -> a check the library can make, or undefined (described in words only). */
function parseValid(file, text) {
  const t = text.trim();
  if (t === '') return undefined;
  const range = /^\[(-?[\d.]+),\.\.\.(?:,(-?[\d.]+))?\](?: or (-?[\d.]+))?$/.exec(t);
  if (range) {
    const v = { min: bound(file, range[1]) };
    if (range[2] !== undefined) v.max = bound(file, range[2]);
    if (range[3] !== undefined) v.or = [bound(file, range[3])];
    return v;
  }
  const upTo = /^\[\.\.\.,(-?[\d.]+)\]$/.exec(t);
  if (upTo) return { max: bound(file, upTo[1]) };
  const ci = t.startsWith('(case insensitive) ');
  const list = /^\[([^\][]*)\]$/.exec(ci ? t.slice('(case insensitive) '.length) : t);
  if (list && !list[1].includes('...')) {
    const values = list[1].split(',').map((s) => s.trim());
    if (values.some((s) => s === '')) fail(file, `enumeration '${t}'`);
    // Kafka versions (inter.broker.protocol.version, log.message.format.version): MetadataVersion also
    // accepts the short forms (3.7, 3.7.1), which the page does not print
    if (values.every((s) => /^\d+\.\d+(\.\d+)?(-IV\d+)?$/.test(s))) return { in: values, versions: true };
    return ci ? { in: values, ci: true } : { in: values };
  }
  if (/^non-empty (string|list)/.test(t)) return { nonEmpty: true };
  return undefined;
}

/** The default as Kafka prints it, without the readable suffix of numbers (`1000 (1 second)`). */
function parseDefault(type, text) {
  const t = text.trim();
  if (t === 'null') return null;
  if (t === '""') return ''; // Kafka prints an empty string default as
  if (NUMERIC.includes(type)) return t.replace(/ \([^)]*\)$/, '');
  return t;
}

/** The configs of one page: name -> definition. */
function readPage(file) {
  const doc = parseDocument(fs.readFileSync(file, 'utf-8'));
  const lists = DomUtils.findAll((e) => e.name === 'ul' && e.attribs.class === 'config-list', doc.children);
  if (lists.length !== 1) fail(file, `${lists.length} <ul class="config-list">`);
  const configs = {};
  for (const li of lists[0].children.filter((c) => c.name === 'li')) {
    const h4 = DomUtils.findOne((e) => e.name === 'h4', li.children);
    if (!h4) fail(file, 'an <li> without <h4>');
    const name = DomUtils.textContent(h4).trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) fail(file, `config name '${name}'`);
    const fields = {};
    for (const tr of DomUtils.findAll((e) => e.name === 'tr', li.children)) {
      const th = DomUtils.findOne((e) => e.name === 'th', tr.children);
      const td = DomUtils.findOne((e) => e.name === 'td', tr.children);
      if (th && td) fields[DomUtils.textContent(th).trim().replace(/:$/, '')] = DomUtils.textContent(td);
    }
    const type = (fields.Type ?? '').trim();
    if (!TYPES.includes(type)) fail(file, `${name} has type '${type}'`);
    const def = { type, default: parseDefault(type, fields.Default ?? '') };
    const valid = parseValid(file, fields['Valid Values'] ?? '');
    // a validator that ignores case without saying so: its own default differs from its values in case only
    const d = typeof def.default === 'string' ? def.default.toUpperCase() : undefined;
    if (valid?.in && !valid.ci && d && !valid.in.includes(def.default) && valid.in.some((x) => x.toUpperCase() === d))
      valid.ci = true;
    if (valid) def.valid = valid;
    if (fields['Update Mode'] !== undefined) {
      const mode = fields['Update Mode'].trim();
      if (!MODES.includes(mode)) fail(file, `${name} has update mode '${mode}'`);
      def.mode = mode;
    }
    const serverDefault = (fields['Server Default Property'] ?? 'null').trim();
    if (serverDefault !== 'null') def.serverDefault = serverDefault;
    if (configs[name]) fail(file, `${name} is listed twice`);
    configs[name] = def;
  }
  if (Object.keys(configs).length === 0) fail(file, 'no configs');
  return configs;
}

/** One map over every version: each distinct definition once, with the versions that have it. */
function catalogueOf(map) {
  const present = versions.filter((v) => fs.existsSync(path.join(ref, v, `${MAPS[map]}.html`)));
  const configs = new Map();
  for (const v of present) {
    for (const [name, def] of Object.entries(readPage(path.join(ref, v, `${MAPS[map]}.html`)))) {
      const fix = CORRECTIONS.find((c) => c.map === map && c.version === v && c.name === name);
      if (fix) def.valid = fix.valid;
      const variants = configs.get(name) ?? [];
      const json = JSON.stringify(def);
      const same = variants.find((x) => x.json === json);
      if (same) same.v.push(v);
      else variants.push({ json, v: [v], def });
      configs.set(name, variants);
    }
  }
  return { present, configs };
}

/** The file text: one line per config, names sorted, so a diff shows what a Kafka version changed. */
function render(map) {
  const { present, configs } = catalogueOf(map);
  const lines = [...configs.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      (name) => `  ${JSON.stringify(name)}: ${JSON.stringify(configs.get(name).map((x) => ({ v: x.v, ...x.def })))}`,
    );
  return [
    '{',
    `  "map": ${JSON.stringify(map)},`,
    `  "page": ${JSON.stringify(`${MAPS[map]}.html`)},`,
    `  "versions": ${JSON.stringify(present)},`,
    '  "configs": {',
    lines.map((l) => `  ${l}`).join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}

fs.mkdirSync(out, { recursive: true });
for (const map of Object.keys(MAPS)) {
  const file = path.join(out, `${map}.json`);
  fs.writeFileSync(file, render(map));
  console.log(`${path.relative(root, file)}: ${fs.statSync(file).size} bytes`);
}
