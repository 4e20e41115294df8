/**
 * One operator per Kubernetes cluster: an app is what one Kubernetes cluster runs, so it holds at
 * most one StrimziOperator and one StrimziCrds, every Strimzi resource of the app is served by
 * that release, and no cluster-scoped object is emitted twice. Checked once per synth, as part of
 * the operator's app check (see app-checks.ts).
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { at } from '../common/problems';
import { Finding, Problem } from '../core/problem';
import { compareVersions, findStrimziRelease } from '../core/release';
import { RULES } from '../rules';
import { ClusterRef } from './clusters';
import { operatorFacts } from './release-facts';

/** What these checks read of an operator or a CRD set: its release and the objects it emits. */
export interface ReleaseHolder extends IConstruct {
  readonly strimziVersion: string;
  readonly apiObjects: readonly ApiObject[];
}

/** Marks a StrimziCrds, so the app check finds CRD sets without importing their class. */
export const CRDS_MARK = Symbol.for('cdk8s-strimzi-kraft.StrimziCrds');

/** True for a construct marked as a StrimziCrds. */
export const isCrds = (c: IConstruct): c is ReleaseHolder =>
  (c as unknown as Record<symbol, unknown>)[CRDS_MARK] === true;

/** The app's release: the operator (or CRD set) that stays; the others are findings. */
export interface AppRelease {
  readonly operator?: ReleaseHolder;
  readonly crds?: ReleaseHolder;
  /** The release every Strimzi resource must be served by (the operator's, else the CRDs'). */
  readonly tag?: string;
}

const byPath = (a: IConstruct, b: IConstruct) => (a.node.path < b.node.path ? -1 : a.node.path > b.node.path ? 1 : 0);

/** The one that stays: the newest release, then the first by construct path. */
function keeper<T extends ReleaseHolder>(all: readonly T[], prefer?: string): T | undefined {
  const sorted = [...all].sort(byPath);
  const preferred = sorted.find((x) => x.strimziVersion === prefer);
  return preferred ?? sorted.sort((a, b) => -compareVersions(a.strimziVersion, b.strimziVersion))[0];
}

const list = (xs: readonly string[]) => (xs.length === 0 ? 'none' : xs.join(', '));

/** The operator and CRD set that stay, and a finding on every other one. */
export function singleReleaseProblems(
  operators: readonly ReleaseHolder[],
  crdSets: readonly ReleaseHolder[],
  clustersWatchedBy: (op: ReleaseHolder) => readonly ClusterRef[],
): { release: AppRelease; problems: Problem[] } {
  const operator = keeper(operators);
  const crds = keeper(crdSets, operator?.strimziVersion);
  const problems: Problem[] = [];
  for (const op of [...operators].sort(byPath).filter((x) => x !== operator)) {
    const clusters = clustersWatchedBy(op).map((c) => c.scope.node.path);
    const v = operator!.strimziVersion;
    const finding: Finding = {
      rule: RULES.operatorSingle,
      field: 'strimziVersion',
      value: op.strimziVersion,
      message:
        `the app already has StrimziOperator ${operator!.node.path} (Strimzi ${v}); a Kubernetes cluster runs one ` +
        `cluster operator and one set of Strimzi CRDs, and both would write the same ClusterRoles and ` +
        `ClusterRoleBindings (clusters of this operator: ${list(clusters)})`,
      fix:
        `remove this operator: ${op.strimziVersion === v ? '' : `set strimziVersion: '${v}' on its clusters and `}` +
        `add their namespaces to the ` +
        `watchNamespaces of ${operator!.node.path}, or move this operator and its clusters to another App for ` +
        `another Kubernetes cluster`,
    };
    problems.push(at(op, finding));
  }
  for (const c of [...crdSets].sort(byPath).filter((x) => x !== crds)) {
    problems.push(
      at(c, {
        rule: RULES.crdsSingle,
        field: 'strimziVersion',
        value: c.strimziVersion,
        message:
          `the app already has StrimziCrds ${crds!.node.path} (Strimzi ${crds!.strimziVersion}); CRDs are ` +
          `cluster-scoped, one release per Kubernetes cluster`,
        fix:
          'remove these CRDs, or move them with their operator and clusters to another App for another ' +
          'Kubernetes cluster',
      }),
    );
  }
  return { release: { operator, crds, tag: operator?.strimziVersion ?? crds?.strimziVersion }, problems };
}

/** `kafka.strimzi.io/v1beta2` -> `v1beta2`, for Strimzi API groups only. */
const strimziVersionOf = (apiVersion: string): string | undefined =>
  /^([a-z0-9-]+\.)*strimzi\.io\/(v[0-9a-z]+)$/.exec(apiVersion)?.[2];

/** The resources (`kafkas`, `kafkanodepools`, ...) of the release's Strimzi API groups, from its install bundle. */
function servedResources(tag: string): Set<string> {
  const rules = operatorFacts(tag)?.clusterRoles.flatMap((r) => r.rules) ?? [];
  return new Set(rules.filter((r) => r.apiGroups.some((g) => g.endsWith('strimzi.io'))).flatMap((r) => r.resources));
}

/** The cluster an object belongs to: its ancestor, or the `cluster` of its user or topic. */
function clusterOf(o: ApiObject, isCluster: (c: IConstruct) => boolean): IConstruct | undefined {
  const scopes = o.node.scopes.slice(0, -1).reverse();
  const referred = (scopes[0] as unknown as { cluster?: IConstruct }).cluster;
  return scopes.find(isCluster) ?? (referred && isCluster(referred) ? referred : undefined);
}

/**
 * A finding on each cluster whose Strimzi objects the app's release does not serve (API version or
 * kind), except clusters already reported (`reported` paths: their fix is the same), and one on the
 * app's operator (or CRDs) for each other such object.
 */
export function servedProblems(
  root: IConstruct,
  release: AppRelease,
  isCluster: (c: IConstruct) => boolean,
  reported: ReadonlySet<string>,
): Problem[] {
  const tag = release.tag;
  const info = tag === undefined ? undefined : findStrimziRelease(tag);
  if (!tag || !info) return [];
  const resources = servedResources(tag);
  const source = release.operator ?? release.crds!;
  const of = `Strimzi ${tag}, the release of the app's ${release.operator ? 'operator' : 'CRDs'} (${source.node.path})`;
  const apis = info.apiVersions.map((v) => `kafka.strimzi.io/${v}`).join(' or ');
  const byCluster = new Map<IConstruct, Set<string>>();
  const problems: Problem[] = [];
  for (const o of root.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject)) {
    const version = strimziVersionOf(o.apiVersion);
    const served = version !== undefined && (info.apiVersions as readonly string[]).includes(version);
    if (version === undefined || (served && resources.has(`${o.kind.toLowerCase()}s`))) continue;
    const cluster = clusterOf(o, isCluster);
    if (cluster && reported.has(cluster.node.path)) continue;
    if (cluster) byCluster.set(cluster, (byCluster.get(cluster) ?? new Set()).add(`${o.apiVersion} ${o.kind}`));
    else {
      problems.push(
        at(source, {
          rule: RULES.resourceServed,
          field: 'strimziVersion',
          value: tag,
          message:
            `${of}, does not serve ${o.kind} ${o.node.path} (${o.apiVersion}): ` +
            `no such ${served ? 'kind' : 'API version'}`,
          fix: served ? `remove ${o.node.path}, or use a release that has ${o.kind}` : `use ${apis} for ${o.node.path}`,
        }),
      );
    }
  }
  for (const [cluster, what] of byCluster) {
    problems.push(
      at(cluster, {
        rule: RULES.resourceServed,
        field: 'strimziVersion',
        value: (cluster as unknown as { release?: { tag: string } }).release?.tag,
        message: `${of}, does not serve its ${[...what].sort().join(', ')}; the API server would reject them`,
        fix: `set strimziVersion: '${tag}' on the cluster, or move it to another App for another Kubernetes cluster`,
      }),
    );
  }
  return problems;
}

/** Kinds the Kubernetes API keeps without a namespace (the ones an app may plausibly emit). */
const CLUSTER_SCOPED = new Set([
  'APIService',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'PersistentVolume',
  'PriorityClass',
  'RuntimeClass',
  'StorageClass',
  'ValidatingWebhookConfiguration',
]);

/**
 * A finding on every cluster-scoped object emitted a second time under one kind and name, unless
 * both come from two operators or two CRD sets (operator-single and crds-single name those).
 */
export function clusterScopedProblems(
  root: IConstruct,
  holders: readonly ReleaseHolder[],
  release: AppRelease,
): Problem[] {
  const holderOf = (o: ApiObject) => holders.find((h) => h.apiObjects.includes(o));
  const seen = new Map<string, ApiObject>();
  const problems: Problem[] = [];
  const objects = root.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
  for (const o of objects.filter((x) => CLUSTER_SCOPED.has(x.kind))) {
    const key = `${o.kind} ${o.name}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, o);
      continue;
    }
    const [a, b] = [holderOf(first), holderOf(o)];
    if (a && b && a !== b) continue;
    // reported on the library construct that emits one of the two, else on the app's operator or CRDs
    // (only those fail the synth); two objects of yours in an app without either are not ours to judge
    const fallback = release.operator ?? release.crds;
    if (!a && !b && !fallback) continue;
    const [scope, other] = b ? [b, first] : a ? [a, o] : [fallback!, o];
    problems.push(
      at(scope, {
        rule: RULES.clusterScopedUnique,
        field: o.kind === 'Namespace' && (a || b) ? 'createNamespaces' : 'metadata.name',
        value: o.name,
        message:
          `${key} is emitted by ${(a ?? first).node.path} and again by ${(b ?? o).node.path}` +
          `; a cluster-scoped object exists once per Kubernetes cluster`,
        fix: `emit it once: remove ${other.node.path}${o.kind === 'Namespace' ? ', or drop createNamespaces' : ''}`,
      }),
    );
  }
  return problems;
}
