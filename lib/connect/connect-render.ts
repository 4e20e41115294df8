/**
 * The specs of KafkaConnect and KafkaConnector, from the checked props, the client block
 * (model/client.ts via ClientLink) and the release's Connect facts: plain data for the generated
 * classes of the cluster's API version. Sorted where we emit maps.
 */
import { sortedRecord } from '../core/syntax';
import { JvmOptions, ResourceRequirements } from '../model/pod';
import { connectApiFacts } from './connect-facts';
import { ConnectStorage, REPLICATION_KEYS, STORAGE_KEYS } from './connect-model';

/** A Connect build as the props give it. */
export interface ConnectBuildSpec {
  readonly output: object;
  readonly plugins: readonly {
    readonly name: string;
    readonly artifacts: readonly { readonly sha512sum?: string }[];
  }[];
}

/** What a KafkaConnect spec is rendered from. */
export interface ConnectSpecInput {
  readonly release: string;
  readonly apiVersion: string;
  readonly version: string;
  readonly replicas: number;
  readonly client?: Readonly<Record<string, unknown>>;
  readonly storage: ConnectStorage;
  readonly storageReplication: number;
  readonly config?: Readonly<Record<string, string | number | boolean>>;
  readonly resources?: ResourceRequirements;
  readonly jvmOptions?: JvmOptions;
  readonly image?: string;
  readonly build?: ConnectBuildSpec;
}

/**
 * The KafkaConnect spec. The group and storage topics are the spec's fields where the API version
 * requires them (v1), else `config` keys (v1beta2, which 1.0.0 and later no longer serve); the
 * replication factors of the storage topics are always `config` keys.
 */
export function connectSpec(s: ConnectSpecInput): Record<string, unknown> {
  const fields = connectApiFacts(s.release, s.apiVersion)?.required.includes('groupId') ?? s.apiVersion === 'v1';
  const storageConfig = fields
    ? {}
    : Object.fromEntries(Object.entries(STORAGE_KEYS).map(([k, key]) => [key, s.storage[k as keyof ConnectStorage]]));
  const replication = Object.fromEntries(REPLICATION_KEYS.map((k) => [k, s.storageReplication]));
  return {
    version: s.version,
    replicas: s.replicas,
    ...s.client,
    ...(fields ? s.storage : {}),
    config: sortedRecord({ ...replication, ...s.config, ...storageConfig }),
    resources: s.resources && {
      requests: generatedQuantities(s.resources.requests),
      limits: generatedQuantities(s.resources.limits),
    },
    jvmOptions: s.jvmOptions && jvmOptionsSpec(s.jvmOptions),
    image: s.image,
    // `cdk8s import` names the field `build_` (its classes reserve `build`); their toJson writes `build`
    build_: s.build && buildSpec(s.build),
  };
}

/** A build in the generated classes' field names (`sha512Sum`; their toJson writes `sha512sum`). */
function buildSpec(b: ConnectBuildSpec): Record<string, unknown> {
  return {
    output: b.output,
    plugins: b.plugins.map((p) => ({
      name: p.name,
      artifacts: p.artifacts.map(({ sha512sum, ...rest }) => ({ ...rest, sha512Sum: sha512sum })),
    })),
  };
}

/**
 * Quantities as the generated classes hold them (their `toJson` reads `.value`, as
 * `<Kind>SpecResourcesRequests.fromString(v)` makes them), sorted by resource name.
 */
function generatedQuantities(q: Readonly<Record<string, string | undefined>> | undefined) {
  if (q === undefined) return undefined;
  const defined = Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined);
  return sortedRecord(Object.fromEntries(defined.map(([k, v]) => [k, { value: v }])));
}

function jvmOptionsSpec(j: JvmOptions): Record<string, unknown> {
  return {
    xms: j.xms,
    xmx: j.xmx,
    gcLoggingEnabled: j.gcLoggingEnabled,
    xx: sortedRecord(j.xx),
    javaSystemProperties:
      j.javaSystemProperties &&
      Object.entries(j.javaSystemProperties)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, value]) => ({ name, value })),
  };
}

/** What a KafkaConnector spec is rendered from. */
export interface ConnectorSpecInput {
  readonly class: string;
  readonly tasksMax?: number;
  readonly config?: Readonly<Record<string, string | number | boolean>>;
  readonly state?: string;
  readonly version?: string;
  readonly autoRestart?: { readonly enabled?: boolean; readonly maxRestarts?: number };
}

/** The KafkaConnector spec. */
export function connectorSpec(c: ConnectorSpecInput): Record<string, unknown> {
  return {
    class: c.class,
    tasksMax: c.tasksMax,
    config: sortedRecord(c.config as Record<string, string | number | boolean> | undefined),
    state: c.state,
    autoRestart: c.autoRestart,
    version: c.version,
  };
}
