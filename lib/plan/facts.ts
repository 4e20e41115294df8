/**
 * What the plan compares, read from the parsed objects of one output: Strimzi resources by key,
 * node IDs of every pool (as the operator assigns them), the operator release, anything else by
 * kind and name.
 */
import { LockedPool, lockKey, lockPoolsOf, poolNodeIds } from '../model/node-id-lock';

/** A parsed Kubernetes object: the fields the plan reads. */
export interface Obj {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: any };
  readonly spec?: any;
  /** Present when the output was exported from a running cluster (`kubectl get -o yaml`). */
  readonly status?: any;
  readonly [k: string]: unknown;
}

/** One output's facts. */
export interface OutputFacts {
  /** `Kafka` by `<namespace>/<name>`. */
  readonly kafkas: Map<string, Obj>;
  /** `KafkaNodePool` by `<namespace>/<cluster>/<pool>`. */
  readonly pools: Map<string, Obj>;
  readonly topics: Map<string, Obj>;
  readonly users: Map<string, Obj>;
  /** `KafkaNodePool`s by cluster key `<namespace>/<cluster>`. */
  readonly poolsByCluster: Map<string, Obj[]>;
  /** Node IDs per pool, by cluster key `<namespace>/<cluster>`. */
  readonly nodeIds: Map<string, Map<string, LockedPool>>;
  /** Strimzi release of the operator (Deployment image tag, else the CRD bundle URL); undefined when absent. */
  readonly release?: string;
  /** Every other object, by `<Kind> <namespace>/<name>`. */
  readonly others: Map<string, Obj>;
}

const isObj = (o: unknown): o is Obj => typeof o === 'object' && o !== null && !Array.isArray(o);
export const isStrimzi = (o: Obj, kind: string) =>
  o.kind === kind && String(o.apiVersion).startsWith('kafka.strimzi.io/');
const nsOf = (o: Obj) => o.metadata?.namespace ?? '';
const clusterOf = (o: Obj) => o.metadata?.labels?.['strimzi.io/cluster'] ?? '';

/** `<Kind> <namespace>/<name>`, how the plan names an object. */
export const objectName = (o: Obj) => `${o.kind} ${nsOf(o) ? `${nsOf(o)}/` : ''}${o.metadata?.name ?? '(unnamed)'}`;

const RELEASE_IN_IMAGE = /\/operator:(\d+\.\d+\.\d+)(?:@|$)/;
const RELEASE_IN_CRD_URL = /\/download\/(\d+\.\d+\.\d+)\/strimzi-crds-/;

/**
 * The operator release an object names: the cluster operator's image tag, the CRD bundle's URL, or
 * (exported from a running cluster) a Kafka's `status.operatorLastSuccessfulVersion`.
 */
function releaseOf(o: Obj): string | undefined {
  if (isStrimzi(o, 'Kafka') && typeof o.status?.operatorLastSuccessfulVersion === 'string') {
    return o.status.operatorLastSuccessfulVersion;
  }
  if (o.kind === 'Deployment' && o.metadata?.name === 'strimzi-cluster-operator') {
    const containers: any[] = o.spec?.template?.spec?.containers ?? [];
    for (const c of containers) {
      const m = RELEASE_IN_IMAGE.exec(String(c?.image ?? ''));
      if (m) return m[1];
    }
  }
  if (o.kind === 'Kustomization' && Array.isArray(o.resources)) {
    for (const r of o.resources) {
      const m = RELEASE_IN_CRD_URL.exec(String(r));
      if (m) return m[1];
    }
  }
  return undefined;
}

/** The facts of one output. */
export function outputFacts(objects: readonly unknown[]): OutputFacts {
  const facts: OutputFacts = {
    kafkas: new Map(),
    pools: new Map(),
    poolsByCluster: new Map(),
    topics: new Map(),
    users: new Map(),
    nodeIds: new Map(),
    others: new Map(),
  };
  let release: string | undefined;
  for (const o of objects.filter(isObj)) {
    const name = o.metadata?.name ?? '';
    if (isStrimzi(o, 'Kafka')) facts.kafkas.set(`${nsOf(o)}/${name}`, o);
    else if (isStrimzi(o, 'KafkaNodePool')) {
      facts.pools.set(`${nsOf(o)}/${clusterOf(o)}/${name}`, o);
      const key = `${nsOf(o)}/${clusterOf(o)}`;
      facts.poolsByCluster.set(key, [...(facts.poolsByCluster.get(key) ?? []), o]);
    } else if (isStrimzi(o, 'KafkaTopic')) facts.topics.set(`${nsOf(o)}/${name}`, o);
    else if (isStrimzi(o, 'KafkaUser')) facts.users.set(`${nsOf(o)}/${name}`, o);
    else facts.others.set(objectName(o), o);
    const r = releaseOf(o);
    if (r && (!release || o.kind === 'Deployment')) release = r;
  }
  const byCluster = new Map<string, ReturnType<typeof lockPoolsOf>>();
  for (const p of lockPoolsOf([...facts.pools.values()])) {
    const key = lockKey(p.namespace, p.cluster);
    byCluster.set(key, [...(byCluster.get(key) ?? []), p]);
  }
  for (const [key, pools] of byCluster) facts.nodeIds.set(key, poolNodeIds(pools));
  return { ...facts, release };
}
