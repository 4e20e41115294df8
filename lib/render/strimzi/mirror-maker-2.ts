/**
 * The KafkaMirrorMaker2 spec of a release's API version, from a version-neutral mirror: v1beta2
 * lists every cluster in `clusters` and names the Connect cluster (`connectCluster`, the target),
 * each mirror naming its clusters by alias; v1 (Strimzi 0.49.0 and later) has one `target`, with the
 * Connect group and storage topics as fields, and each mirror holds its `source`.
 */
import { sortedRecord } from '../../core/syntax';
import type { StrimziClientBlock } from './client';

type Config = Record<string, string | number | boolean>;

/** A connector of a mirror. */
export interface MirrorConnectorSpec {
  readonly tasksMax: number;
  readonly config: Config;
}

/** A mirror, version-neutral. */
export interface MirrorSpecInput {
  readonly version: string;
  readonly replicas: number;
  readonly resources?: unknown;
  readonly target: {
    readonly alias: string;
    readonly block: StrimziClientBlock;
    readonly groupId: string;
    readonly configStorageTopic: string;
    readonly offsetStorageTopic: string;
    readonly statusStorageTopic: string;
    /** The Connect cluster's config (replication factors of its storage topics, your keys). */
    readonly config: Config;
  };
  readonly mirrors: readonly {
    readonly source: { readonly alias: string; readonly block: StrimziClientBlock };
    readonly sourceConnector: MirrorConnectorSpec;
    readonly checkpointConnector: MirrorConnectorSpec;
    readonly heartbeatConnector?: MirrorConnectorSpec;
    readonly topicsPattern?: string;
    readonly topicsExcludePattern?: string;
    readonly groupsPattern?: string;
    readonly groupsExcludePattern?: string;
  }[];
}

const connector = (c: MirrorConnectorSpec | undefined) => c && { tasksMax: c.tasksMax, config: sortedRecord(c.config) };

const patterns = (m: MirrorSpecInput['mirrors'][number]) => ({
  topicsPattern: m.topicsPattern,
  topicsExcludePattern: m.topicsExcludePattern,
  groupsPattern: m.groupsPattern,
  groupsExcludePattern: m.groupsExcludePattern,
});

/** `spec` of a v1 KafkaMirrorMaker2. */
export function mirrorMaker2SpecV1(m: MirrorSpecInput): Record<string, unknown> {
  const t = m.target;
  return {
    version: m.version,
    replicas: m.replicas,
    target: {
      alias: t.alias,
      ...t.block,
      groupId: t.groupId,
      configStorageTopic: t.configStorageTopic,
      offsetStorageTopic: t.offsetStorageTopic,
      statusStorageTopic: t.statusStorageTopic,
      config: sortedRecord(t.config),
    },
    mirrors: m.mirrors.map((x) => ({
      source: { alias: x.source.alias, ...x.source.block },
      sourceConnector: connector(x.sourceConnector),
      checkpointConnector: connector(x.checkpointConnector),
      ...patterns(x),
    })),
    resources: m.resources,
  };
}

/** `spec` of a v1beta2 KafkaMirrorMaker2: the Connect group and storage topics in the target's config. */
export function mirrorMaker2SpecV1beta2(m: MirrorSpecInput): Record<string, unknown> {
  const t = m.target;
  const connect: Config = {
    'group.id': t.groupId,
    'config.storage.topic': t.configStorageTopic,
    'offset.storage.topic': t.offsetStorageTopic,
    'status.storage.topic': t.statusStorageTopic,
  };
  return {
    version: m.version,
    replicas: m.replicas,
    connectCluster: t.alias,
    clusters: [
      ...m.mirrors.map((x) => ({ alias: x.source.alias, ...x.source.block })),
      { alias: t.alias, ...t.block, config: sortedRecord({ ...connect, ...t.config }) },
    ],
    mirrors: m.mirrors.map((x) => ({
      sourceCluster: x.source.alias,
      targetCluster: t.alias,
      sourceConnector: connector(x.sourceConnector),
      checkpointConnector: connector(x.checkpointConnector),
      heartbeatConnector: connector(x.heartbeatConnector),
      ...patterns(x),
    })),
    resources: m.resources,
  };
}

/** Quantities as the generated classes read them (`{ value }`, what `fromString` makes). */
export function mirrorResources(
  r:
    | {
        readonly requests?: Readonly<Record<string, string | undefined>>;
        readonly limits?: Readonly<Record<string, string | undefined>>;
      }
    | undefined,
): unknown {
  if (!r) return undefined;
  const q = (m: Readonly<Record<string, string | undefined>> | undefined) =>
    m &&
    Object.fromEntries(
      Object.entries(m)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, { value: v }]),
    );
  return { requests: q(r.requests), limits: q(r.limits) };
}
