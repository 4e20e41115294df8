#!/usr/bin/env node
'use strict';
// npm run import (this step): the metrics and monitoring data of every Strimzi release, derived offline
// and byte-identically from $STRIMZI_REF_DIR/<tag>/packaging-examples/metrics/:
// - lib/model/metrics/exporter-configs.json: per release and component (kafka, cruise-control, connect,
//   mirror-maker-2, bridge), the key and the JMX Prometheus Exporter config text of the ConfigMap the
//   release's `*-metrics.yaml` refers to from its `metricsConfig`;
// - lib/model/metrics/monitoring-data.json: per release, what its PodMonitors select and scrape (labels and
//   port names per component), its PrometheusRule groups per component, and its Grafana dashboards (JMX
//   exporter ones and, where served, the Strimzi Metrics Reporter ones). Texts and JSON nodes shared by
//   releases are stored once (`{ "$ref": "<hash>" }`), so 20 releases cost little more than one.
// Nothing is hand-copied: every value comes from the release's files.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const { crdFiles, strimziRefDir } = require('./strimzi-ref');

const root = path.resolve(__dirname, '..');
// METRICS_OUT_DIR: write elsewhere (the test that compares the committed files with a fresh run)
const OUT = process.env.METRICS_OUT_DIR || path.join(root, 'lib', 'model', 'metrics');

/** Component of a `metricsConfig` by the resource kind and where it sits. */
function metricsRefs(obj) {
  const s = obj.spec ?? {};
  const refs = [];
  const add = (component, mc) => {
    const ref = mc?.valueFrom?.configMapKeyRef;
    if (ref) refs.push({ component, name: ref.name, key: ref.key });
  };
  if (obj.kind === 'Kafka') {
    add('kafka', s.kafka?.metricsConfig);
    add('cruise-control', s.cruiseControl?.metricsConfig);
  }
  if (obj.kind === 'KafkaConnect') add('connect', s.metricsConfig);
  if (obj.kind === 'KafkaMirrorMaker2') add('mirror-maker-2', s.metricsConfig);
  if (obj.kind === 'KafkaBridge') add('bridge', s.metricsConfig);
  return refs;
}

/** Compares release tags `x.y.z` numerically. */
function compareTags(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

const hashOf = (text) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Stores a value once: objects and arrays over 256 characters become `{ $ref }` to a shared node. */
function intern(value, nodes) {
  if (value === null || typeof value !== 'object') return value;
  const inner = Array.isArray(value)
    ? value.map((v) => intern(v, nodes))
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, intern(v, nodes)]));
  const text = JSON.stringify(inner);
  if (text.length < 256) return inner;
  const h = hashOf(text);
  nodes[h] = inner;
  return { $ref: h };
}

const docsOf = (file) =>
  YAML.parseAllDocuments(fs.readFileSync(file, 'utf-8'))
    .map((d) => d.toJSON())
    .filter((d) => d);

/** The exporter config of every component whose `metricsConfig` one of the release's files refers to. */
function exporterConfigs(dir, texts) {
  const out = {};
  for (const f of fs
    .readdirSync(dir)
    .filter((f) => /-metrics\.yaml$/.test(f) && f !== 'oauth-metrics.yaml')
    .sort()) {
    const docs = docsOf(path.join(dir, f));
    for (const ref of docs.flatMap(metricsRefs)) {
      const cm = docs.find((d) => d.kind === 'ConfigMap' && d.metadata?.name === ref.name);
      const text = cm?.data?.[ref.key];
      if (typeof text !== 'string') throw new Error(`${dir}/${f}: ConfigMap ${ref.name} has no key ${ref.key}`);
      texts[hashOf(text)] = text;
      out[ref.component] = { configMap: ref.name, key: ref.key, text: hashOf(text) };
    }
  }
  return out;
}

/** Rule group names of every release, and the component each belongs to (zookeeper: not KRaft, left out). */
const GROUP_COMPONENT = {
  'kafka': 'kafka',
  'entityOperator': 'entity-operator',
  'strimzi-entity-operator': 'entity-operator',
  'connect': 'connect',
  'kafka-connect': 'connect',
  'bridge': 'bridge',
  'kafka-bridge': 'bridge',
  'mirrorMaker': 'mirror-maker',
  'mirrorMaker2': 'mirror-maker-2',
  'mirrormaker2': 'mirror-maker-2',
  'kafkaExporter': 'kafka-exporter',
  'kafka-exporter-topic': 'kafka-exporter',
  'certificates': 'certificates',
  'kafka-certificates': 'certificates',
  'cluster-operator': 'cluster-operator',
  'zookeeper': undefined,
};

/** The files of prometheus-install/ (one file up to 0.47, a folder per object kind from 0.48). */
function installFiles(dir, single, folder) {
  const inst = path.join(dir, 'prometheus-install');
  if (fs.existsSync(path.join(inst, single))) return [path.join(inst, single)];
  const sub = path.join(inst, folder);
  return fs
    .readdirSync(sub)
    .sort()
    .map((f) => path.join(sub, f));
}

function ruleGroups(dir, nodes) {
  const out = {};
  const files = installFiles(dir, 'prometheus-rules.yaml', 'prometheus-rules');
  for (const rule of files.flatMap(docsOf).filter((d) => d.kind === 'PrometheusRule')) {
    for (const group of rule.spec.groups) {
      if (!(group.name in GROUP_COMPONENT)) throw new Error(`${dir}: rule group ${group.name} has no component`);
      const component = GROUP_COMPONENT[group.name];
      if (component) (out[component] ??= []).push(intern(group, nodes));
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** PodMonitor name -> what it selects and its endpoints (port names, path, relabelings). */
function podMonitors(dir) {
  const files = installFiles(dir, 'strimzi-pod-monitor.yaml', 'pod-monitors');
  const out = {};
  for (const pm of files.flatMap(docsOf).filter((d) => d.kind === 'PodMonitor')) {
    out[pm.metadata.name] = { selector: pm.spec.selector, endpoints: pm.spec.podMetricsEndpoints };
  }
  return out;
}

function dashboards(dir, nodes) {
  if (!fs.existsSync(dir)) return undefined;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return Object.fromEntries(
    files.map((f) => [f.replace(/\.json$/, ''), intern(JSON.parse(fs.readFileSync(path.join(dir, f))), nodes)]),
  );
}

/** Where each component's `metricsConfig` sits in its CRD. */
const METRICS_CONFIG_PATHS = {
  'kafka': ['Kafka', 'kafka', 'metricsConfig'],
  'cruise-control': ['Kafka', 'cruiseControl', 'metricsConfig'],
  'connect': ['KafkaConnect', 'metricsConfig'],
  'mirror-maker-2': ['KafkaMirrorMaker2', 'metricsConfig'],
  'bridge': ['KafkaBridge', 'metricsConfig'],
};

/**
 * The `metricsConfig.type` values each component's CRD accepts: its enum less a type a CEL rule of the
 * form `self.type != '<type>'` refuses (Cruise Control's `strimziMetricsReporter` in 1.1.0+).
 */
function metricsTypes(tag) {
  const schemas = {};
  for (const file of crdFiles(tag)) {
    const crd = YAML.parse(fs.readFileSync(file, 'utf-8'));
    const served = crd.spec.versions.filter((v) => v.served);
    schemas[crd.spec.names.kind] = served[served.length - 1].schema.openAPIV3Schema.properties.spec;
  }
  const out = {};
  for (const [component, [kind, ...fields]] of Object.entries(METRICS_CONFIG_PATHS)) {
    let s = schemas[kind];
    for (const f of fields) s = s?.properties?.[f];
    if (!s) continue;
    const refused = (s['x-kubernetes-validations'] ?? [])
      .map((v) => /^self\.type != '([A-Za-z]+)'$/.exec(v.rule)?.[1])
      .filter((t) => t !== undefined);
    out[component] = s.properties.type.enum.filter((t) => !refused.includes(t));
  }
  return out;
}

function main() {
  const ref = strimziRefDir();
  const tags = fs
    .readdirSync(ref)
    .filter((t) => fs.existsSync(path.join(ref, t, 'packaging-examples', 'metrics')))
    .sort(compareTags);
  const texts = {};
  const nodes = {};
  const exporters = {};
  const monitoring = {};
  for (const tag of tags) {
    const dir = path.join(ref, tag, 'packaging-examples', 'metrics');
    exporters[tag] = { configs: exporterConfigs(dir, texts), types: metricsTypes(tag) };
    monitoring[tag] = {
      podMonitors: podMonitors(dir),
      rules: ruleGroups(dir, nodes),
      dashboards: dashboards(path.join(dir, 'grafana-dashboards'), nodes),
      reporterDashboards: dashboards(path.join(dir, 'strimzi-metrics-reporter', 'grafana-dashboards'), nodes),
    };
  }
  const sorted = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(
    path.join(OUT, 'exporter-configs.json'),
    JSON.stringify({ releases: exporters, texts: sorted(texts) }) + '\n',
  );
  fs.writeFileSync(
    path.join(OUT, 'monitoring-data.json'),
    JSON.stringify({ releases: monitoring, nodes: sorted(nodes) }) + '\n',
  );
  console.log(
    `lib/model/metrics/{exporter-configs,monitoring-data}.json <- Strimzi ${tags[0]} to ${tags[tags.length - 1]}`,
  );
}

main();
