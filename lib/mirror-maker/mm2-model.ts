/**
 * The findings and the derived settings of a KafkaMirrorMaker2: pure functions of its checked props
 * and of the facts of the clusters it connects (`ICluster.facts`), no cdk8s. The users' ACLs follow
 * upstream's `packaging/examples/security/{scram-sha-512-auth,tls-auth}/mirror-maker-2.yaml`.
 */
import { Finding, collector } from '../core/problem';
import { Acl } from '../model/acl';
import { ClientWiring } from '../model/client';
import { groupAcl, topicAcl } from '../model/client-acls';
import { ResourceRequirements, podFindings } from '../model/pod';
import { compareVersions } from '../core/release';
import { isDnsLabel } from '../core/syntax';
import { RULES } from '../rules';
import DATA from './mm2-releases.json';

/** What a release serves of KafkaMirrorMaker2 in one API version (from its CRD, scripts/import-mirror-maker-2.js). */
export interface Mm2VersionFacts {
  readonly aliasPattern: string;
  readonly heartbeatConnector: boolean;
  readonly layout: 'clusters' | 'target';
  readonly required: readonly string[];
}

const RELEASES = DATA.releases as unknown as Readonly<Record<string, Readonly<Record<string, Mm2VersionFacts>>>>;

/** What a release serves of KafkaMirrorMaker2 in an API version; undefined when it does not serve it. */
export function mm2Served(release: string, apiVersion: string): Mm2VersionFacts | undefined {
  return RELEASES[release]?.[apiVersion];
}

/** Where MirrorMaker keeps its offset-syncs topic (Kafka's `offset-syncs.topic.location`). */
export type OffsetSyncsLocation = 'source' | 'target';

/** A cluster of a mirror: its alias, where it stands in the props and what identifies it. */
export interface Mm2Cluster {
  readonly alias: string;
  /** Where its options stand in the props (`target.`, `sources[0].`, `externalSources[0].`). */
  readonly field: string;
  /** The cluster's identity: its construct path, or the bootstrap address of an external cluster. */
  readonly identity: string;
  /** The cluster's name (of this app or of `fromAttributes`); undefined for an external cluster. */
  readonly clusterName?: string;
  /** The cluster's broker count, when known. */
  readonly brokers?: number;
  /** An external cluster with tls authentication and no trusted certificate. */
  readonly tlsAuthWithoutTls?: boolean;
}

/** What the findings of a mirror are computed from. */
export interface Mm2Input {
  readonly name: string;
  readonly replicas?: number;
  readonly tasksMax?: number;
  readonly release: string;
  readonly apiVersion: string;
  readonly target: Mm2Cluster;
  readonly sources: readonly Mm2Cluster[];
  readonly patterns: Readonly<Record<PatternField, string | undefined>>;
  readonly replicationFactor?: number;
  readonly offsetSyncsLocation?: OffsetSyncsLocation;
  readonly heartbeats?: boolean;
  /** CPU and memory of each pod. */
  readonly resources?: ResourceRequirements;
  /** How many sources the props give (of this app and external). */
  readonly sourceCount: number;
}

/** The pattern props, as Strimzi names them. */
export type PatternField = 'topicsPattern' | 'topicsExcludePattern' | 'groupsPattern' | 'groupsExcludePattern';
const PATTERN_FIELDS: readonly PatternField[] = [
  'topicsPattern',
  'topicsExcludePattern',
  'groupsPattern',
  'groupsExcludePattern',
];

/**
 * Java-only regular-expression syntax (java.util.regex.Pattern) that JavaScript refuses or reads
 * otherwise: possessive quantifiers, atomic groups, inline flags, quoting, Java classes, anchors and
 * class escapes. A pattern using one is not judged here.
 */
const JAVA_ONLY = /[*+?}]\+|\(\?>|\(\?[a-zA-Z-]+[):]|\\[QEAZzGhHRvV]|\\p\{(java|Is|In)|\[[^\]]*&&/;

/** Why a pattern list cannot be compiled, or undefined when it can (or uses Java-only syntax). */
export function patternProblem(pattern: string): string | undefined {
  for (const element of pattern.split(',').map((e) => e.trim())) {
    if (JAVA_ONLY.test(element)) continue;
    try {
      new RegExp(element);
    } catch (e) {
      const why = (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
      return `'${element}' is not a regular expression (${why})`;
    }
  }
  return undefined;
}

const LITERAL = /^(?:[a-zA-Z0-9_-]|\\\.)+$/;

/**
 * The names a pattern list matches when it is a plain alternation of literal names (`orders|payments`,
 * `orders,payments`, `orders\.v1`); undefined when it matches by pattern (then ACLs name `*`).
 */
export function literalNames(pattern: string | undefined): string[] | undefined {
  if (pattern === undefined) return undefined;
  const names = pattern.split(/[,|]/).map((e) => e.trim());
  if (!names.every((n) => LITERAL.test(n))) return undefined;
  return [...new Set(names.map((n) => n.replace(/\\\./g, '.')))].sort();
}

function aliasFindings(input: Mm2Input, served: Mm2VersionFacts, out: Finding[]): void {
  const flag = collector(out);
  const syntax = new RegExp(served.aliasPattern);
  const all = [input.target, ...input.sources];
  const firstByAlias = new Map<string, Mm2Cluster>();
  for (const c of all) {
    if (!syntax.test(c.alias)) {
      flag(RULES.mm2AliasSyntax, `${c.field}alias`, c.alias).says(
        `not a cluster alias of Strimzi ${input.release} (1-100 of a-z A-Z 0-9 . _ -). ` +
          `Fix: set ${c.field}alias, e.g. '${(c.clusterName ?? 'cluster-a').replace(/[^a-zA-Z0-9._-]/g, '-')}'`,
      );
    }
    const first = firstByAlias.get(c.alias);
    if (first) {
      flag(RULES.mm2AliasUnique, `${c.field}alias`, c.alias).says(
        `also the alias of ${first.field.slice(0, -1)}. Fix: give each cluster its own alias in ${c.field}alias`,
      );
    } else firstByAlias.set(c.alias, c);
  }
  for (const s of input.sources.filter((x) => x.tlsAuthWithoutTls)) {
    flag(RULES.mm2ExternalTls, `${s.field}trustedCertificateSecret`, undefined).says(
      `cluster '${s.alias}' authenticates with a TLS certificate but is reached without TLS. ` +
        `Fix: name the Secret of its CA certificate in ${s.field}trustedCertificateSecret`,
    );
  }
  for (const s of input.sources.filter((x) => x.identity === input.target.identity)) {
    flag(RULES.mm2SourceIsTarget, `${s.field.slice(0, -1)}`, s.alias).says(
      `the source is the target cluster${s.clusterName ? ` '${s.clusterName}'` : ''}, ` +
        'and MirrorMaker would copy its own copies forever. Fix: mirror from another cluster',
    );
  }
}

function replicationFindings(input: Mm2Input, out: Finding[]): void {
  const rf = input.replicationFactor;
  if (rf === undefined || rf === -1) return;
  const flag = collector(out);
  // the target holds the mirrored, checkpoint, heartbeat and storage topics; the source the offset-syncs by default
  const holders = [input.target, ...((input.offsetSyncsLocation ?? 'source') === 'source' ? input.sources : [])];
  const tooFew = holders.find((c) => c.brokers !== undefined && rf > c.brokers);
  if (!(Number.isInteger(rf) && rf >= 1)) {
    flag(RULES.mm2ReplicationFactor, 'replicationFactor', rf).says(
      "not -1 (the broker's default) or a positive integer. Fix: leave it out, or give e.g. 3",
    );
  } else if (tooFew) {
    const what = tooFew === input.target ? 'target' : `source '${tooFew.alias}' (its offset-syncs topic)`;
    flag(RULES.mm2ReplicationFactor, 'replicationFactor', rf).says(
      `exceeds the ${tooFew.brokers} broker(s) of the ${what}; MirrorMaker could not create its topics. ` +
        `Fix: use at most ${tooFew.brokers}, or leave it out (-1: the broker's default)`,
    );
  }
}

/** Every finding about a mirror, but its clients' wiring (ClientLink) and the app-wide name clash. */
export function mm2Findings(input: Mm2Input): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  const served = mm2Served(input.release, input.apiVersion);
  if (!served) {
    flag(RULES.mm2ReleaseServes, 'target.cluster', input.target.clusterName).says(
      `Strimzi ${input.release} serves no KafkaMirrorMaker2 in ${input.apiVersion}. ` +
        'Fix: mirror into a cluster of a release that serves it (0.41.0 and later)',
    );
    return out;
  }
  if (!(isDnsLabel(input.name) && /^[a-z]/.test(input.name) && input.name.length <= MAX_MM2_NAME)) {
    flag(RULES.mm2Name, 'name', input.name).says(
      `not a lower-case RFC 1035 label of at most ${MAX_MM2_NAME} characters (Strimzi names its Service ` +
        `'<name>-mirrormaker2-api'). Fix: name the mirror with a-z, 0-9 and '-', starting with a letter, ` +
        "e.g. 'east-to-west'",
    );
  }
  for (const [field, v, min] of [
    ['replicas', input.replicas, 0],
    ['tasksMax', input.tasksMax, 1],
  ] as const) {
    if (v !== undefined && !(v >= min)) {
      flag(RULES.mm2Counts, field, v).says(`below ${min}. Fix: give ${min} or more, or leave it out (1)`);
    }
  }
  if (input.sourceCount === 0) {
    flag(RULES.mm2Sources, 'sources', undefined).says(
      'the mirror has no source cluster. Fix: give sources (clusters of this app) or externalSources',
    );
  }
  if (input.heartbeats && !served.heartbeatConnector) {
    flag(RULES.mm2ReleaseServes, 'heartbeats', true).says(
      `KafkaMirrorMaker2 ${input.apiVersion} of Strimzi ${input.release} has no heartbeat connector. ` +
        'Fix: leave heartbeats out (or mirror into a cluster rendered as v1beta2, up to 0.51.0)',
    );
  }
  for (const field of PATTERN_FIELDS) {
    const p = input.patterns[field];
    const why = p === undefined ? undefined : patternProblem(p);
    if (why) {
      flag(RULES.mm2Pattern, field, p).says(
        `${why}, and MirrorMaker's connectors would not start. ` +
          "Fix: give a Java regular expression, e.g. 'orders|payments'",
      );
    }
  }
  aliasFindings(input, served, out);
  replicationFindings(input, out);
  return [...out, ...podFindings(input.resources, undefined)];
}

/** A mirror as the app-wide name check sees it: its name and namespace, and whether it is a KafkaConnect. */
export interface NamedConnectLike {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly release?: string;
}

/** Strimzi names a mirror's REST API Service `<name>-mirrormaker2-api`: an RFC 1035 label of at most 63 characters. */
const MAX_MM2_NAME = 63 - '-mirrormaker2-api'.length;

/** The release from which a mirror and a Connect of one name and namespace clash (issue 18). */
const CLASH_FROM = '0.48.0';

/** The mirrors named like a KafkaConnect of their namespace (releases 0.48.0 and later), by index. */
export function connectNameClashFindings(objects: readonly NamedConnectLike[]): { index: number; finding: Finding }[] {
  const connects = new Set(
    objects.filter((o) => o.kind === 'KafkaConnect').map((o) => `${o.namespace ?? ''}/${o.name}`),
  );
  const out: { index: number; finding: Finding }[] = [];
  objects.forEach((o, index) => {
    if (o.kind !== 'KafkaMirrorMaker2' || !connects.has(`${o.namespace ?? ''}/${o.name}`)) return;
    if (o.release === undefined || compareVersions(o.release, CLASH_FROM) < 0) return;
    collector((finding) => out.push({ index, finding }))(RULES.mm2ConnectNameClash, 'name', o.name).says(
      `a KafkaConnect of namespace ${o.namespace ?? '(none)'} has this name too, and from Strimzi 0.48.0 their ` +
        'RoleBindings clash. Fix: give the mirror or the Connect another name',
    );
  });
  return out;
}

/** What the ACLs and connector settings of a mirror are derived from. */
export interface Mm2Flow {
  readonly name: string;
  readonly targetAlias: string;
  readonly sourceAliases: readonly string[];
  readonly groupId: string;
  readonly storageTopics: readonly string[];
  readonly topicsPattern?: string;
  readonly groupsPattern?: string;
  readonly identityPolicy?: boolean;
  readonly offsetSyncsLocation?: OffsetSyncsLocation;
  readonly heartbeats?: boolean;
}

/** The topics a flow mirrors, as ACL names: the literal names of a plain alternation, else `*`. */
function mirroredTopics(f: Mm2Flow): string[] {
  return literalNames(f.topicsPattern ?? '.*') ?? ['*'];
}

function mirroredGroups(f: Mm2Flow): string[] {
  return literalNames(f.groupsPattern ?? '.*') ?? ['*'];
}

/** A topic's name on the target: `<source alias>.<name>` (DefaultReplicationPolicy) or the name itself (identity). */
function remoteName(f: Mm2Flow, sourceAlias: string, topic: string): string {
  return topic === '*' || f.identityPolicy ? topic : `${sourceAlias}.${topic}`;
}

const offsetSyncs = (alias: string) => `mm2-offset-syncs.${alias}.internal`;
const SYNCS_OPS = ['Create', 'DescribeConfigs', 'Read', 'Write'] as const;

/**
 * The source user's ACLs (upstream's `cluster-a-user`): the offset-syncs topic when it lives on the
 * source, Read and DescribeConfigs on the mirrored topics, cluster Describe, Describe on the groups
 * whose offsets are synced.
 */
export function sourceUserAcls(f: Mm2Flow): Acl[] {
  return dedupe([
    ...((f.offsetSyncsLocation ?? 'source') === 'source' ? [topicAcl(offsetSyncs(f.targetAlias), SYNCS_OPS)] : []),
    ...mirroredTopics(f).map((t) => topicAcl(t, ['Read', 'DescribeConfigs'])),
    { resource: { type: 'cluster' }, operations: ['Describe'] },
    ...mirroredGroups(f).map((g) => groupAcl(g, ['Describe'])),
  ]);
}

/**
 * The target user's ACLs (upstream's `cluster-b-user`): its group and storage topics, Create, Alter,
 * AlterConfigs and Write on the mirrored topics, cluster Describe, each source's checkpoints topic,
 * Read and Describe on the synced groups, Read on the mirrored topics; the offset-syncs topics when
 * they live on the target and the heartbeats topic when the heartbeat connector runs.
 */
export function targetUserAcls(f: Mm2Flow): Acl[] {
  const remote = (alias: string) => mirroredTopics(f).map((t) => remoteName(f, alias, t));
  const storageOps = ['Create', 'Describe', 'DescribeConfigs', 'Read', 'Write'] as const;
  return dedupe([
    groupAcl(f.groupId, ['Read']),
    ...f.storageTopics.map((t) => topicAcl(t, storageOps)),
    ...f.sourceAliases.flatMap((a) => remote(a).map((t) => topicAcl(t, ['Create', 'Alter', 'AlterConfigs', 'Write']))),
    { resource: { type: 'cluster' }, operations: ['Describe'] },
    ...f.sourceAliases.flatMap((a) => [
      topicAcl(`${a}.checkpoints.internal`, ['Create', 'Describe', 'Write']),
      ...mirroredGroups(f).map((g) => groupAcl(g, ['Read', 'Describe'])),
      ...remote(a).map((t) => topicAcl(t, ['Read'])),
      ...(f.offsetSyncsLocation === 'target' ? [topicAcl(offsetSyncs(a), SYNCS_OPS)] : []),
    ]),
    ...(f.heartbeats ? [topicAcl('heartbeats', ['Create', 'Describe', 'Read', 'Write'])] : []),
  ]);
}

/** The ACLs without repeats (two sources both syncing every group), first occurrence kept. */
function dedupe(acls: readonly Acl[]): Acl[] {
  const seen = new Set<string>();
  return acls.filter((a) => {
    const k = JSON.stringify(a);
    return !seen.has(k) && !!seen.add(k);
  });
}

/** How an external cluster is reached, as the Strimzi client block renders it. */
export interface ExternalClusterInput {
  readonly alias: string;
  readonly bootstrapServers: string;
  readonly trustedCertificateSecret?: string;
  readonly authentication?: {
    readonly type: 'scram-sha-512' | 'tls';
    readonly secretName: string;
    readonly username?: string;
    readonly passwordKey?: string;
  };
}

/**
 * The wiring of an external cluster, given by address and Secrets (nothing to derive: the Secrets
 * are the user's, in the mirror's namespace); rendered by the same client block as every client.
 */
export function externalWiring(e: ExternalClusterInput): ClientWiring {
  const a = e.authentication;
  return {
    clusterName: e.alias,
    listener: 'external',
    reach: 'external',
    bootstrapServers: e.bootstrapServers,
    caSecret: e.trustedCertificateSecret,
    credentials: a && {
      type: a.type,
      userName: a.username ?? a.secretName,
      secretName: a.secretName,
      passwordKey: a.type === 'scram-sha-512' ? (a.passwordKey ?? 'password') : undefined,
    },
  };
}

/** The connector settings a mirror renders, from its props. */
export interface Mm2ConnectorOptions {
  readonly tasksMax: number;
  readonly replicationFactor: number;
  readonly identityPolicy?: boolean;
  readonly offsetSyncsLocation?: OffsetSyncsLocation;
  readonly syncGroupOffsets?: boolean;
  readonly syncGroupOffsetsIntervalSeconds?: number;
  readonly emitCheckpointsIntervalSeconds?: number;
  readonly refreshTopicsIntervalSeconds?: number;
  readonly refreshGroupsIntervalSeconds?: number;
  readonly heartbeats?: boolean;
  readonly sourceConnectorConfig?: Readonly<Record<string, string | number | boolean>>;
  readonly checkpointConnectorConfig?: Readonly<Record<string, string | number | boolean>>;
}

/** A connector of a mirror as Strimzi reads it. */
export interface Mm2Connector {
  readonly tasksMax: number;
  readonly config: Record<string, string | number | boolean>;
}

const IDENTITY_POLICY = 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy';

/**
 * The source, checkpoint and (when asked) heartbeat connectors of each mirror. Replication factors
 * -1 are the broker's `default.replication.factor`; topic ACL sync is off (the derived users may not
 * read or write ACLs); the refresh intervals are Kafka's defaults (600 s), stated as upstream does.
 */
export function mm2Connectors(o: Mm2ConnectorOptions): {
  sourceConnector: Mm2Connector;
  checkpointConnector: Mm2Connector;
  heartbeatConnector?: Mm2Connector;
} {
  type Config = Record<string, string | number | boolean>;
  const policy: Config = o.identityPolicy ? { 'replication.policy.class': IDENTITY_POLICY } : {};
  const location: Config = o.offsetSyncsLocation ? { 'offset-syncs.topic.location': o.offsetSyncsLocation } : {};
  const seconds = (key: string, v: number | undefined): Config => (v === undefined ? {} : { [key]: v });
  return {
    sourceConnector: {
      tasksMax: o.tasksMax,
      config: {
        'replication.factor': o.replicationFactor,
        'offset-syncs.topic.replication.factor': o.replicationFactor,
        'sync.topic.acls.enabled': 'false',
        'refresh.topics.interval.seconds': o.refreshTopicsIntervalSeconds ?? 600,
        ...policy,
        ...location,
        ...o.sourceConnectorConfig,
      },
    },
    checkpointConnector: {
      tasksMax: o.tasksMax,
      config: {
        'checkpoints.topic.replication.factor': o.replicationFactor,
        'sync.group.offsets.enabled': String(o.syncGroupOffsets ?? false),
        'refresh.groups.interval.seconds': o.refreshGroupsIntervalSeconds ?? 600,
        ...seconds('emit.checkpoints.interval.seconds', o.emitCheckpointsIntervalSeconds),
        ...seconds('sync.group.offsets.interval.seconds', o.syncGroupOffsetsIntervalSeconds),
        ...policy,
        ...location,
        ...o.checkpointConnectorConfig,
      },
    },
    heartbeatConnector: o.heartbeats
      ? { tasksMax: 1, config: { 'heartbeats.topic.replication.factor': o.replicationFactor, ...policy } }
      : undefined,
  };
}

/** A mirror as the per-namespace name check sees it. */
export interface NamedMirror {
  readonly name: string;
  readonly namespace?: string;
  readonly path: string;
}

/** The mirrors named like an earlier one of their namespace, by index (the later one is reported). */
export function mirrorNamesUniqueFindings(entries: readonly NamedMirror[]): { index: number; finding: Finding }[] {
  const out: { index: number; finding: Finding }[] = [];
  const first = new Map<string, NamedMirror>();
  entries.forEach((e, index) => {
    const key = `${e.namespace ?? ''}\u0000${e.name}`;
    const o = first.get(key);
    if (!o) return void first.set(key, e);
    collector((finding) => out.push({ index, finding }))(RULES.mm2NamesUnique, 'name', e.name).says(
      `${o.path} is a KafkaMirrorMaker2 of this name in namespace ${e.namespace ?? '(default)'} too; one would ` +
        'replace the other. Fix: give each mirror its own name',
    );
  });
  return out;
}
