#!/usr/bin/env node
'use strict';
// npm run import (last step): the update mode of every Kafka broker config key (read-only,
// per-broker, cluster-wide), read from ../shared/kafka-config/<kafka minor>/kafka_config.html
// (override: KAFKA_CONFIG_DIR) into lib/plan/broker-config-modes.json. Only the key and its mode
// are kept (the newest Kafka version that documents a key decides); byte-identical run to run.
// The plan (`strimzi-kraft plan`) uses it: Strimzi updates dynamic keys without a restart and
// rolls the brokers for read-only ones.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const dir = process.env.KAFKA_CONFIG_DIR || path.resolve(root, '..', 'shared', 'kafka-config');
const out = path.join(root, 'lib', 'plan', 'broker-config-modes.json');
const MODES = new Set(['read-only', 'per-broker', 'cluster-wide']);

if (!fs.existsSync(dir)) throw new Error(`no Kafka config reference at ${dir}; set KAFKA_CONFIG_DIR`);
const versions = fs
  .readdirSync(dir)
  .filter((v) => /^\d+\.\d+$/.test(v) && fs.existsSync(path.join(dir, v, 'kafka_config.html')))
  .sort(
    (a, b) => Number(a.split('.')[0]) - Number(b.split('.')[0]) || Number(a.split('.')[1]) - Number(b.split('.')[1]),
  );

/** key -> mode of one kafka_config.html: each entry is one <li> with its anchor and its table. */
function modesOf(version) {
  const html = fs.readFileSync(path.join(dir, version, 'kafka_config.html'), 'utf-8');
  const modes = {};
  for (const item of html.split('<li>').slice(1)) {
    const key = /id="brokerconfigs_([A-Za-z0-9._-]+)"/.exec(item)?.[1];
    const mode = /Update Mode:<\/th><td>([a-z-]+)<\/td>/.exec(item)?.[1];
    if (!key || !mode) continue;
    if (!MODES.has(mode)) throw new Error(`Kafka ${version}: ${key} has unknown update mode '${mode}'`);
    modes[key] = mode;
  }
  if (Object.keys(modes).length < 100) throw new Error(`Kafka ${version}: too few keys; has the page changed?`);
  return modes;
}

const merged = {};
for (const v of versions) Object.assign(merged, modesOf(v));
const modes = Object.fromEntries(
  Object.keys(merged)
    .sort()
    .map((k) => [k, merged[k]]),
);
fs.writeFileSync(out, `${JSON.stringify({ kafkaVersions: versions, modes }, null, 1)}\n`);
process.stdout.write(`${out}: ${Object.keys(modes).length} keys from Kafka ${versions.join(', ')}\n`);
