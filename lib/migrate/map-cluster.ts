/**
 * A `Kafka` and its `KafkaNodePool`s -> the plan of one `KraftCluster`: versions, pools,
 * listeners, replication, config, authorization, rack, Cruise Control and the entity operator switches.
 * What no prop expresses is left out here and restored by a patch (see diff.ts).
 */
import { StrimziApiVersion, findStrimziRelease } from '../core/release';
import { REPLICATION_CONFIG_KEYS, configPolicy } from '../model/config';
import { cruiseControlProps, rackProps } from './map-cruise-control';
import { listenerProps } from './map-listeners';
import { nodeIdListReadable, poolNodeIds, poolOptions } from './map-pools';
import { ClusterPlan, defined, isRecord, recordAt } from './plan';
import type { InputObject } from './read';
import { chooseRelease } from './release';

/** The API version of a Strimzi object (`kafka.strimzi.io/v1` -> `v1`). */
export const apiVersionOf = (o: InputObject): StrimziApiVersion =>
  o.object.apiVersion === 'kafka.strimzi.io/v1' ? 'v1' : 'v1beta2';

/** `replication` props from the replication keys of `config`, when they differ from the library's defaults. */
function replicationProps(config: Record<string, unknown>, brokers: number): Record<string, unknown> | undefined {
  const num = (k: string) => (typeof config[k] === 'number' ? (config[k] as number) : undefined);
  const factor = num('default.replication.factor') ?? num('offsets.topic.replication.factor');
  const defaultFactor = Math.min(3, Math.max(brokers, 1));
  const effective = factor ?? defaultFactor;
  const minIsr = num('min.insync.replicas') ?? num('transaction.state.log.min.isr');
  const r = defined({
    factor: factor !== undefined && factor !== defaultFactor ? factor : undefined,
    minInSyncReplicas: minIsr !== undefined && minIsr !== Math.max(effective - 1, 1) ? minIsr : undefined,
  });
  return Object.keys(r).length > 0 ? r : undefined;
}

/** Kafka config without the replication keys and without keys the library refuses (patched back). */
function configProps(tag: string, config: Record<string, unknown>): Record<string, unknown> | undefined {
  const rest = Object.fromEntries(Object.entries(config).filter(([k]) => !REPLICATION_CONFIG_KEYS.includes(k)));
  const policy = configPolicy(tag, rest);
  const refused = new Set(policy.findings.map((f) => f.field));
  const kept = Object.fromEntries(Object.entries(policy.config).filter(([k]) => !refused.has(`config['${k}']`)));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function authorizationProps(a: unknown): Record<string, unknown> | undefined {
  if (!isRecord(a)) return undefined;
  const superUsers = Array.isArray(a.superUsers) && a.superUsers.length > 0 ? a.superUsers : undefined;
  if (a.type === 'simple') return defined({ type: 'simple', superUsers });
  if (a.type !== 'custom' || typeof a.authorizerClass !== 'string') return undefined;
  return defined({
    type: 'custom',
    authorizerClass: a.authorizerClass,
    superUsers,
    supportsAdminApi: a.supportsAdminApi,
  });
}

/** The cluster plan, or a one-line reason it cannot be migrated. */
export function clusterPlan(
  kafka: InputObject,
  pools: readonly InputObject[],
  givenRelease: string | undefined,
): ClusterPlan | string {
  const name = kafka.object.metadata?.name ?? '';
  const spec = recordAt(kafka.object, 'spec');
  const k = recordAt(spec, 'kafka');
  if (isRecord(spec.zookeeper)) return 'it uses ZooKeeper; the library builds KRaft clusters only';
  if (pools.length === 0) return 'no KafkaNodePool of it is among the inputs (KRaft needs node pools)';
  const apiVersion = apiVersionOf(kafka);
  const kafkaVersion = typeof k.version === 'string' ? k.version : undefined;
  const release = chooseRelease(givenRelease, apiVersion, kafkaVersion);
  const badIds = pools.find((p) => !nodeIdListReadable(p));
  if (badIds) {
    const value = JSON.stringify(badIds.object.metadata?.annotations?.['strimzi.io/next-node-ids']);
    return `KafkaNodePool ${badIds.object.metadata?.name}: strimzi.io/next-node-ids ${value} is not a node ID list`;
  }
  const ids = poolNodeIds(pools);
  const poolPlans = [];
  for (const p of pools) {
    const poolName = p.object.metadata?.name ?? '';
    const options = poolOptions(p, ids.get(poolName));
    if (typeof options === 'string') return `KafkaNodePool ${poolName} of Kafka ${name}: ${options}`;
    poolPlans.push({ id: poolName, name: poolName, props: options, source: p, patches: [] });
  }
  const brokers = pools
    .filter((p) => (p.object.spec?.roles ?? []).includes('broker'))
    .reduce((n, p) => n + Number(p.object.spec?.replicas ?? 0), 0);
  const config = recordAt(k, 'config');
  const entity = isRecord(spec.entityOperator) ? spec.entityOperator : {};
  const preferred = findStrimziRelease(release.tag)?.apiVersions[0];
  const props = defined({
    strimziVersion: release.tag,
    apiVersion: apiVersion !== preferred ? apiVersion : undefined,
    kafkaVersion,
    metadataVersion: k.metadataVersion,
    ...listenerProps(k.listeners),
    replication: replicationProps(config, brokers),
    config: configProps(release.tag, config),
    authorization: authorizationProps(k.authorization),
    rack: rackProps(k.rack),
    cruiseControl: cruiseControlProps(spec.cruiseControl),
    topicOperator: isRecord(entity.topicOperator) ? undefined : false,
    userOperator: isRecord(entity.userOperator) ? undefined : false,
  });
  poolPlans.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { id: name, name, props, source: kafka, patches: [], pools: poolPlans, notes: release.notes };
}
