/**
 * The findings and derived facts of KafkaConnect and KafkaConnector: pure functions of their checked
 * props, the facts of their cluster (`ICluster.facts`) and the release's Connect facts
 * (connect-releases.json, from the CRDs).
 */
import { Finding, collector } from '../core/problem';
import { RULES } from '../rules';
import { isDnsLabel, isDnsSubdomain } from '../core/syntax';
import { compareVersions, findStrimziRelease } from '../core/release';
import { Acl } from '../model/acl';
import { groupAcl, namePattern, topicAcl } from '../model/client-acls';
import { ClusterFacts } from '../model/cluster-facts';
import { ConnectApiFacts, connectApiFacts } from './connect-facts';
import { connectConfigValueFindings } from './connect-config-model';

/** A Connect cluster's group and its three storage topics. */
export interface ConnectStorage {
  readonly groupId: string;
  readonly configStorageTopic: string;
  readonly offsetStorageTopic: string;
  readonly statusStorageTopic: string;
}

/** The Kafka Connect worker keys of the storage fields. */
export const STORAGE_KEYS: Readonly<Record<keyof ConnectStorage, string>> = {
  groupId: 'group.id',
  configStorageTopic: 'config.storage.topic',
  offsetStorageTopic: 'offset.storage.topic',
  statusStorageTopic: 'status.storage.topic',
};

/** The worker keys of the storage topics' replication factors. */
export const REPLICATION_KEYS = [
  'config.storage.replication.factor',
  'offset.storage.replication.factor',
  'status.storage.replication.factor',
] as const;

/**
 * The storage defaults of a Connect, unique per Connect name as upstream's v1 examples name them
 * (`packaging/examples/security/*\/connect.yaml`: `my-connect-group`, `my-connect-configs`, ...).
 */
export function connectStorageDefaults(connectName: string): ConnectStorage {
  return {
    groupId: `${connectName}-group`,
    configStorageTopic: `${connectName}-configs`,
    offsetStorageTopic: `${connectName}-offsets`,
    statusStorageTopic: `${connectName}-status`,
  };
}

/**
 * The replication factor of the storage topics: the given one, else the cluster's (at most its
 * broker count), else -1 (the brokers' `default.replication.factor`).
 */
export function storageReplicationFactor(given: number | undefined, facts: ClusterFacts | undefined): number {
  if (given !== undefined) return given;
  const rf = facts?.replicationFactor;
  const brokers = facts?.brokerNodeIds?.length;
  if (rf === undefined) return -1;
  return brokers === undefined ? rf : Math.max(1, Math.min(rf, brokers));
}

/** The Connect's user's ACLs, as upstream's security examples grant them: its group and storage topics. */
export function connectAcls(s: ConnectStorage): Acl[] {
  const rw = ['Create', 'Describe', 'Read', 'Write'] as const;
  return [
    groupAcl(s.groupId, ['Read']),
    topicAcl(s.configStorageTopic, rw),
    topicAcl(s.statusStorageTopic, rw),
    topicAcl(s.offsetStorageTopic, rw),
  ];
}

/**
 * A connector's part of its Connect's ACLs: Create, Describe, Read and Write on each topic it
 * declares (upstream's security examples, "topics used by your connectors"), and Read on the
 * consumer group `connect-<name>` a sink connector (one with `topics` or `topics.regex` in its config,
 * Kafka's SinkConnectorConfig) consumes in.
 */
export function connectorAcls(name: string, topics: readonly string[], config: ConnectorConfig | undefined): Acl[] {
  const valid = topics.filter(isTopicPattern);
  const sink = config !== undefined && ('topics' in config || 'topics.regex' in config);
  return [
    ...valid.map((t) => topicAcl(t, ['Create', 'Describe', 'Read', 'Write'])),
    ...(sink ? [groupAcl(`connect-${name}`, ['Read'])] : []),
  ];
}

/** A connector config value. */
export type ConnectorConfig = Readonly<Record<string, string | number | boolean>>;

/** A topic name, or a prefix ending in `*`, or `*`. */
export function isTopicPattern(t: string): boolean {
  const { name, patternType } = namePattern(t);
  if (name === '*') return true;
  return /^[a-zA-Z0-9._-]{1,249}$/.test(name) && (patternType === 'prefix' || (name !== '.' && name !== '..'));
}

/** Strimzi's Connect names: `<name>-connect-api` is the longest name of a Service (RFC 1035 label, 63). */
const MAX_CONNECT_NAME = 63 - '-connect-api'.length;

/** A Connect's checked props and place. */
export interface ConnectInput {
  readonly connectName: string;
  readonly release: string;
  readonly apiVersion: string;
  /** The Connect's Kafka version (its `version`). */
  readonly kafkaVersion?: string;
  readonly config?: Readonly<Record<string, unknown>>;
  readonly storageReplication: number;
  readonly build?: ConnectBuildInput;
  readonly cluster?: { readonly clusterName: string; readonly facts: ClusterFacts };
}

/** A build artifact, as far as the checks go. */
export interface ArtifactInput {
  readonly type: string;
  readonly url?: string;
  readonly sha512sum?: string;
  readonly group?: string;
  readonly artifact?: string;
  readonly version?: string;
}

/** The build of a Connect image, as far as the checks go. */
export interface ConnectBuildInput {
  readonly output: { readonly type: string; readonly pushSecret?: string };
  readonly plugins: readonly {
    readonly name: string;
    readonly artifacts: readonly ArtifactInput[];
  }[];
}

/** Every finding about a Connect on its own. */
export function connectFindings(c: ConnectInput): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  if (!(isDnsLabel(c.connectName) && /^[a-z]/.test(c.connectName) && c.connectName.length <= MAX_CONNECT_NAME)) {
    flag(RULES.connectName, 'connectName', c.connectName).says(
      `not a lower-case RFC 1035 label of at most ${MAX_CONNECT_NAME} characters (Strimzi names its Service ` +
        `'<name>-connect-api', at most 63). Fix: use e.g. 'my-connect'`,
    );
  }
  const supported = findStrimziRelease(c.release)?.kafkaVersions.map((k) => k.version) ?? [];
  if (c.kafkaVersion !== undefined && supported.length > 0 && !supported.includes(c.kafkaVersion)) {
    flag(RULES.kafkaVersionSupported, 'version', c.kafkaVersion).says(
      `Strimzi ${c.release} supports ${supported.join(', ')}. ` +
        "Fix: leave version out (the cluster's) or use one of them",
    );
  }
  const facts = connectApiFacts(c.release, c.apiVersion);
  if (facts) out.push(...connectConfigFindings(c.config, facts, c.release));
  const skip = (k: string) =>
    (REPLICATION_KEYS as readonly string[]).includes(k) ||
    Object.values(STORAGE_KEYS).includes(k) ||
    (facts !== undefined && forbidden(k, facts.connectForbidden));
  if (c.kafkaVersion) out.push(...connectConfigValueFindings(c.config, c.kafkaVersion, skip));
  out.push(...replicationFindings(c));
  if (c.build) out.push(...buildFindings(c.build));
  return out;
}

/** Whether Strimzi forbids a key under a prefix list with exceptions. */
function forbidden(key: string, f: ConnectApiFacts['connectForbidden']): boolean {
  return !f.exceptions.includes(key) && f.prefixes.some((p) => key.startsWith(p));
}

function connectConfigFindings(
  config: Readonly<Record<string, unknown>> | undefined,
  facts: ConnectApiFacts,
  release: string,
): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  const props = Object.fromEntries(Object.entries(STORAGE_KEYS).map(([k, v]) => [v, k]));
  for (const key of Object.keys(config ?? {}).sort()) {
    if (props[key]) {
      flag(RULES.connectConfigForbidden, `config['${key}']`, config![key]).says(
        `set by the prop ${props[key]}. Fix: give ${props[key]} instead`,
      );
    } else if (forbidden(key, facts.connectForbidden)) {
      flag(RULES.connectConfigForbidden, `config['${key}']`, config![key]).says(
        `Strimzi ${release} forbids it in a KafkaConnect and drops it (it sets the key itself). ` +
          'Fix: remove it; the listener, TLS and authentication follow the cluster and user',
      );
    }
  }
  return out;
}

function replicationFindings(c: ConnectInput): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  // a cluster without brokers is reported by cluster-has-broker: its count bounds nothing here
  const brokers = c.cluster?.facts.brokerNodeIds?.length || undefined;
  const keys = ['', ...REPLICATION_KEYS];
  for (const key of keys) {
    const v = key === '' ? c.storageReplication : c.config?.[key];
    if (v === undefined || (key !== '' && c.config?.[key] === undefined)) continue;
    const n = Number(v);
    const ok = Number.isInteger(n) && (n === -1 || (n >= 1 && (brokers === undefined || n <= brokers)));
    if (ok) continue;
    const field = key === '' ? 'storageReplicationFactor' : `config['${key}']`;
    const most = brokers === undefined ? '' : ` to the ${brokers} broker(s) of '${c.cluster!.clusterName}'`;
    flag(RULES.connectStorageReplication, field, v).says(
      `neither -1 nor an integer from 1${most}; Kafka Connect could not create its storage topics. ` +
        `Fix: use ${brokers === undefined ? -1 : Math.min(3, brokers)}, or add brokers`,
    );
  }
  return out;
}

const PLUGIN_NAME = /^[a-z0-9][-_a-z0-9]*[a-z0-9]$/;
const ARTIFACT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  jar: ['url'],
  tgz: ['url'],
  zip: ['url'],
  other: ['url'],
  maven: ['group', 'artifact', 'version'],
};

function buildFindings(b: ConnectBuildInput): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  const seen = new Map<string, number>();
  b.plugins.forEach((p, i) => {
    if (!PLUGIN_NAME.test(p.name)) {
      flag(RULES.connectBuild, `build.plugins[${i}].name`, p.name).says(
        'not a plugin name (lower-case letters, digits, - and _, starting and ending alphanumeric). ' +
          "Fix: use e.g. 'debezium-postgres'",
      );
    } else if (seen.has(p.name)) {
      flag(RULES.connectBuild, `build.plugins[${i}].name`, p.name).says(
        `also the name of build.plugins[${seen.get(p.name)}]; each plugin gets a folder of its name. ` +
          'Fix: name every plugin once',
      );
    }
    if (!seen.has(p.name)) seen.set(p.name, i);
    p.artifacts.forEach((a, j) => out.push(...artifactFindings(a, `build.plugins[${i}].artifacts[${j}]`)));
  });
  return out;
}

function artifactFindings(a: ArtifactInput, at: string): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  const missing = (ARTIFACT_FIELDS[a.type] ?? []).filter((f) => a[f as keyof ArtifactInput] === undefined);
  if (missing.length > 0) {
    flag(RULES.connectBuild, `${at}.${missing[0]}`, undefined).says(
      `a ${a.type} artifact needs ${missing.join(', ')}. Fix: give ${missing.join(' and ')}`,
    );
  }
  const sum = a.sha512sum;
  if (sum !== undefined && !/^[0-9a-f]{128}$/.test(String(sum))) {
    flag(RULES.connectBuild, `${at}.sha512sum`, sum).says(
      'not a SHA-512 checksum (128 lower-case hex digits). Fix: use the output of `sha512sum <file>`',
    );
  }
  return out;
}

/** A Connect as the app-wide checks see it. */
export interface ConnectEntry {
  /** The Kafka cluster's construct path (its identity in the app). */
  readonly cluster: string;
  readonly clusterName: string;
  readonly path: string;
  readonly storage: ConnectStorage;
}

/**
 * No two Connects on one Kafka cluster share a group or a storage topic (as names: the group and
 * topics are separate namespaces in Kafka); the later Connect in the tree is reported.
 */
export function connectStorageUniqueFindings(entries: readonly ConnectEntry[]): { index: number; finding: Finding }[] {
  const out: { index: number; finding: Finding }[] = [];
  const first = new Map<string, { path: string; field: string }>();
  entries.forEach((e, index) => {
    const found: Finding[] = [];
    const flag = collector(found);
    for (const [field, value] of Object.entries(e.storage) as [keyof ConnectStorage, string][]) {
      const key = `${e.cluster}\u0000${field === 'groupId' ? 'group' : 'topic'}\u0000${value}`;
      const o = first.get(key);
      if (!o) {
        first.set(key, { path: e.path, field });
        continue;
      }
      if (found.length > 0) continue; // one finding per Connect: the first clash names the fix
      flag(RULES.connectStorageUnique, field, value).says(
        `${o.path} uses it too (its ${o.field}) on cluster '${e.clusterName}'; two Connect clusters sharing a group ` +
          'or storage topic join into one. Fix: leave groupId and the storage topics out (derived from its ' +
          'name) or give each Connect its own',
      );
    }
    found.forEach((finding) => out.push({ index, finding }));
  });
  return out;
}

/** A connector's checked props and place. */
export interface ConnectorInput {
  readonly name: string;
  readonly namespace?: string;
  readonly tasksMax?: number;
  readonly state?: string;
  readonly config?: ConnectorConfig;
  readonly topics?: readonly string[];
  readonly version?: string;
  readonly release?: string;
  readonly apiVersion?: string;
  /** Its Connect; undefined when none (or garbage) was given: that is reported as prop-type. */
  readonly connect?: {
    readonly connectName: string;
    readonly kafkaVersion?: string;
    readonly namespace?: string;
    readonly sameApp: boolean;
    readonly connectorResources: boolean;
  };
}

/** Every finding about a connector. */
export function connectorFindings(c: ConnectorInput): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  if (c.tasksMax !== undefined && !(Number.isInteger(c.tasksMax) && c.tasksMax >= 1)) {
    flag(RULES.connectorTasksMax, 'tasksMax', c.tasksMax).says('below 1. Fix: give at least 1 task, e.g. 1');
  }
  if (!isDnsSubdomain(c.name)) {
    flag(RULES.connectorName, 'connectorName', c.name).says(
      "not a lower-case DNS subdomain. Fix: use lower-case letters, digits, - and ., e.g. 'orders-source'",
    );
  }
  (c.topics ?? []).forEach((t, i) => {
    if (!isTopicPattern(t)) {
      flag(RULES.connectorTopic, `topics[${i}]`, t).says(
        "not a topic name (1-249 of a-z A-Z 0-9 . _ -) or a prefix ending in '*'. Fix: name the topic, e.g. 'orders'",
      );
    }
  });
  out.push(...connectorReleaseFindings(c));
  if (c.connect) out.push(...connectorConnectFindings(c, c.connect));
  return out;
}

function connectorReleaseFindings(c: ConnectorInput): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  const facts = c.release && c.apiVersion ? connectApiFacts(c.release, c.apiVersion) : undefined;
  if (!facts) return out;
  if (c.state !== undefined && !facts.connectorStates.includes(c.state)) {
    flag(RULES.connectorState, 'state', c.state).says(
      `not a connector state Strimzi ${c.release} serves (${facts.connectorStates.join(', ')}). ` +
        `Fix: use one of ${facts.connectorStates.join(', ')}`,
    );
  }
  if (c.version !== undefined && !facts.connectorVersion) {
    flag(RULES.connectorVersion, 'version', c.version).says(
      `Strimzi ${c.release}'s KafkaConnector has no version (0.49.0 and later). ` +
        "Fix: set 'connector.plugin.version' in config, or upgrade Strimzi",
    );
  } else if (
    c.version !== undefined &&
    c.connect?.kafkaVersion &&
    compareVersions(c.connect.kafkaVersion, '4.1.0') < 0
  ) {
    flag(RULES.connectorVersion, 'version', c.version).says(
      `Kafka Connect ${c.connect.kafkaVersion} cannot choose a plugin version (4.1.0 and later). ` +
        'Fix: remove version, or run the Connect on Kafka 4.1.0 or later',
    );
  }
  const props: Record<string, string> = { 'connector.class': 'class', 'tasks.max': 'tasksMax', 'name': 'the name' };
  for (const key of Object.keys(c.config ?? {}).sort()) {
    if (!facts.connectorForbidden.includes(key) && !props[key]) continue;
    flag(RULES.connectConfigForbidden, `config['${key}']`, c.config![key]).says(
      props[key]
        ? `set by ${props[key]} of the KafkaConnector. Fix: remove it from config`
        : key === 'connector.plugin.version'
          ? `Strimzi ${c.release} forbids it in a KafkaConnector. Fix: give it as version`
          : `Strimzi ${c.release} forbids it in a KafkaConnector. Fix: remove it`,
    );
  }
  return out;
}

function connectorConnectFindings(c: ConnectorInput, k: NonNullable<ConnectorInput['connect']>): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  const name = k.connectName;
  if (!k.sameApp) {
    flag(RULES.connectorConnect, 'connect', name).says(
      `KafkaConnect '${name}' belongs to another app, whose output this one does not write. ` +
        'Fix: create the connector in the app of its KafkaConnect',
    );
  } else if (k.namespace !== c.namespace) {
    flag(RULES.connectorConnect, 'connect', name).says(
      `KafkaConnect '${name}' is in namespace ${k.namespace ?? '(none)'}, the connector in ` +
        `${c.namespace ?? '(none)'}; Strimzi looks for connectors in the Connect's namespace only. ` +
        "Fix: create it with connect.addConnector(...) or in a chart of the Connect's namespace",
    );
  } else if (!k.connectorResources) {
    flag(RULES.connectorConnect, 'connect', name).says(
      `KafkaConnect '${name}' has connectorResources: false, so Strimzi ignores its KafkaConnectors. ` +
        'Fix: leave connectorResources out (on by default with connectors)',
    );
  }
  return out;
}

/** The first release whose MirrorMaker 2 RoleBinding clashes with a Connect's of the same name. */
const MM2_ROLE_BINDING_CLASH_FROM = '0.48.0';

/** A named resource of a namespace, for the Connect and MirrorMaker 2 name check. */
export interface NamedInNamespace {
  readonly name: string;
  readonly namespace?: string;
  readonly path: string;
}

/**
 * A Connect and a MirrorMaker 2 of one name and namespace (from 0.48.0): the Connect is reported,
 * naming the MirrorMaker 2.
 */
export function connectMirrorMakerFindings(
  connect: NamedInNamespace & { readonly release: string },
  mirrorMakers: readonly NamedInNamespace[],
): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  if (compareVersions(connect.release, MM2_ROLE_BINDING_CLASH_FROM) < 0) return out;
  const clash = mirrorMakers.find((m) => m.name === connect.name && m.namespace === connect.namespace);
  if (clash) {
    flag(RULES.connectMirrorMakerName, 'connectName', connect.name).says(
      `${clash.path} is a KafkaMirrorMaker2 of this name in namespace ${connect.namespace ?? '(default)'}; ` +
        'their RoleBindings would overwrite each other. Fix: give the KafkaConnect another connectName',
    );
  }
  return out;
}

/** A KafkaConnect or KafkaConnector as the per-namespace name check sees it. */
export interface NamedResource extends NamedInNamespace {
  readonly kind: 'KafkaConnect' | 'KafkaConnector';
}

/** Each KafkaConnect and KafkaConnector name once per namespace; the later one in the tree is reported. */
export function connectNamesUniqueFindings(entries: readonly NamedResource[]): { index: number; finding: Finding }[] {
  const out: { index: number; finding: Finding }[] = [];
  const first = new Map<string, NamedResource>();
  entries.forEach((e, index) => {
    const key = `${e.kind}\u0000${e.namespace ?? ''}\u0000${e.name}`;
    const o = first.get(key);
    if (!o) {
      first.set(key, e);
      return;
    }
    const found: Finding[] = [];
    collector(found)(
      RULES.connectNamesUnique,
      e.kind === 'KafkaConnect' ? 'connectName' : 'connectorName',
      e.name,
    ).says(
      `${o.path} is a ${e.kind} of this name in namespace ${e.namespace ?? '(default)'} too; one would replace the ` +
        `other. Fix: give each ${e.kind} its own name`,
    );
    out.push({ index, finding: found[0] });
  });
  return out;
}
