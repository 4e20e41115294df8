import { ApiObject, App, Chart, YamlOutputType } from 'cdk8s';
import { IConstruct } from 'constructs';
import { at } from '../common/problems';
import { Finding, Problem } from '../core/problem';
import { RULES } from '../rules';
import { isCluster } from '../common/cluster';
import { ClusterRef, clustersOf } from './clusters';
import {
  AppRelease,
  ReleaseHolder,
  clusterScopedProblems,
  isCrds,
  servedProblems,
  singleReleaseProblems,
} from './one-release';
import { clusterReleaseFix } from '../model/semantics/upgrade-path';

/** Marks a StrimziOperator, so the app check finds operators without importing their class. */
export const OPERATOR_MARK = Symbol.for('cdk8s-strimzi-kraft.StrimziOperator');

/** What the app check reads of an operator. */
interface OperatorView extends IConstruct {
  readonly strimziVersion: string;
  readonly watchNamespaces: readonly string[];
  readonly watchAnyNamespace: boolean;
  readonly apiObjects: readonly ApiObject[];
}

const isOperator = (c: IConstruct): c is OperatorView =>
  (c as unknown as Record<symbol, unknown>)[OPERATOR_MARK] === true;

/** How to get a cluster watched by the app's one operator (and onto its release when it differs). */
function watchFix(c: ClusterRef, op: ReleaseHolder): string {
  const ns = c.namespace ?? '<namespace>';
  const add = `add '${ns}' to the watchNamespaces of ${op.node.path}`;
  if (op.strimziVersion === c.strimziVersion) {
    return (
      `add '${ns}' to the watchNamespaces of an operator of Strimzi ${c.strimziVersion}, or give the chart a ` +
      'namespace'
    );
  }
  return `${add} and set strimziVersion: '${op.strimziVersion}' on the cluster, or give the chart a namespace`;
}

/**
 * The findings that need every operator and cluster of an app (registered with `addAppCheck`, so
 * they run once per synth): more than one operator or CRD set (one-release.ts), clusters not
 * watched by an operator of their release, CRDs of another release, output files that would hold
 * two objects, resources the app's release does not serve, cluster-scoped objects emitted twice.
 */
export function operatorAppProblems(root: IConstruct): Problem[] {
  const all = root.node.findAll();
  const operators = all.filter(isOperator);
  const crdSets = all.filter(isCrds);
  const clusters = clustersOf(root);
  const watchedBy = (op: OperatorView) =>
    clusters.filter(
      (c) => op.watchAnyNamespace || (c.namespace !== undefined && op.watchNamespaces.includes(c.namespace)),
    );
  // One operator and one CRD set per app (one Kubernetes cluster); the others are findings.
  const single = singleReleaseProblems(operators, crdSets, (op) => watchedBy(op as OperatorView));
  const problems: Problem[] = [...single.problems];
  const push: Push = (scope, f) => problems.push(at(scope, f));
  if (operators.length > 0) {
    checkClustersWatched(clusters, operators, watchedBy, single.release.operator! as OperatorView, push);
    checkCrdReleases(crdSets, single.release, push);
    checkOutputFiles(root, all, operators, push);
  }
  const reported = new Set(problems.map((p) => p.path));
  problems.push(...servedProblems(root, single.release, isCluster, reported));
  problems.push(...clusterScopedProblems(root, [...operators, ...crdSets], single.release));
  return problems;
}

/** Places a finding at a construct. */
type Push = (scope: IConstruct, f: Finding) => void;

/** Every cluster lives in a namespace an operator of its release watches. */
function checkClustersWatched(
  clusters: readonly ClusterRef[],
  operators: readonly OperatorView[],
  watchedBy: (op: OperatorView) => readonly ClusterRef[],
  kept: OperatorView,
  push: Push,
): void {
  for (const c of clusters) {
    const watching = operators.filter((op) => watchedBy(op).includes(c));
    if (watching.some((op) => op.strimziVersion === c.strimziVersion)) continue;
    if (watching.length > 0) {
      const op = watching[0];
      push(c.scope, {
        rule: RULES.clusterOperatorRelease,
        field: 'strimziVersion',
        value: c.strimziVersion,
        message: `the operator watching namespace '${c.namespace}' (${op.node.path}) runs Strimzi ${op.strimziVersion}`,
        fix: clusterReleaseFix(c, op.strimziVersion),
      });
      continue;
    }
    const where = c.namespace === undefined ? 'the cluster (its chart has no namespace)' : `namespace '${c.namespace}'`;
    push(c.scope, {
      rule: RULES.clusterWatched,
      field: 'namespace',
      value: c.namespace ?? null,
      message: `no StrimziOperator of the app watches ${where}; nobody would create the cluster`,
      fix: watchFix(c, kept),
    });
  }
}

/** CRDs of another release than the operator's: the API server rejects or prunes what it writes. */
function checkCrdReleases(crdSets: readonly IConstruct[], release: AppRelease, push: Push): void {
  const releases = [release.operator!.strimziVersion];
  for (const crds of crdSets.filter((c) => c === release.crds) as ReleaseHolder[]) {
    if (releases.includes(crds.strimziVersion)) continue;
    push(crds, {
      rule: RULES.crdsOperatorRelease,
      field: 'strimziVersion',
      value: crds.strimziVersion,
      message: `the app's operator runs Strimzi ${releases.join(', ')}; these CRDs are ${crds.strimziVersion}'s`,
      fix: `set strimziVersion: '${releases[releases.length - 1]}' on the CRDs`,
    });
  }
}

function checkOutputFiles(
  root: IConstruct,
  all: readonly IConstruct[],
  operators: readonly OperatorView[],
  push: Push,
): void {
  // One-file-per-resource output types name files <kind>.<name>: same-named objects overwrite each other.
  const app = root instanceof App ? root : undefined;
  if (
    app &&
    (app.yamlOutputType === YamlOutputType.FILE_PER_RESOURCE ||
      app.yamlOutputType === YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE)
  ) {
    const files = new Map<string, ApiObject>();
    for (const o of all.filter((c): c is ApiObject => c instanceof ApiObject)) {
      const folder = app.yamlOutputType === YamlOutputType.FILE_PER_RESOURCE ? '' : `${Chart.of(o).node.path}/`;
      const file = `${folder}${`${o.kind}.${o.name}`.replace(/[^0-9a-zA-Z-_.]/g, '')}${app.outputFileExtension}`;
      const other = files.get(file);
      const op = operators.find((x) => x.apiObjects.includes(o) || (other && x.apiObjects.includes(other)));
      if (other && op) {
        push(op, {
          rule: RULES.outputFilesUnique,
          field: 'watchNamespaces',
          value: file,
          message:
            `YamlOutputType.${YamlOutputType[app.yamlOutputType]} writes ` +
            `${other.metadata.namespace ?? '(cluster)'}/${other.name} and ` +
            `${o.metadata.namespace ?? '(cluster)'}/${o.name} to one file; only the last would survive`,
          fix: 'use YamlOutputType.FILE_PER_CHART (the default) or FILE_PER_APP',
        });
      }
      files.set(file, o);
    }
  }
}
