import { ApiObject, App, Chart, YamlOutputType } from 'cdk8s';
import { IConstruct } from 'constructs';
import { at } from '../common/problems';
import { Finding, Problem } from '../core/problem';
import { RULES } from '../core/rules';
import { clusterReleaseFix } from '../model/semantics/upgrade-path';
import { clustersOf } from './clusters';
import { StrimziCrds } from './crds';

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

/**
 * The findings that need every operator and cluster of an app (registered with `addAppCheck`, so
 * they run once per synth): clusters not watched by an operator of their release, namespaces
 * watched twice, and output files that would hold two objects.
 */
export function operatorAppProblems(root: IConstruct): Problem[] {
  const all = root.node.findAll();
  const operators = all.filter(isOperator);
  if (operators.length === 0) return [];
  const problems: Problem[] = [];
  const push = (scope: IConstruct, f: Finding) => problems.push(at(scope, f));

  // Two operators watching one namespace fight over its resources.
  const watchers = new Map<string, OperatorView>();
  for (const op of operators) {
    for (const ns of op.watchAnyNamespace ? ['*'] : op.watchNamespaces) {
      const clash = [...watchers.entries()].find(([other]) => other === ns || other === '*' || ns === '*');
      if (clash) {
        push(op, {
          rule: RULES.operatorWatchOverlap,
          field: op.watchAnyNamespace ? 'watchAnyNamespace' : 'watchNamespaces',
          value: ns,
          message:
            `namespace ${ns === '*' ? 'every namespace' : `'${ns}'`} is also watched by operator ` +
            `${clash[1].node.path}; both would reconcile its resources`,
          fix: 'run one operator per Kubernetes cluster, or give each operator its own namespaces',
        });
      }
      watchers.set(ns, op);
    }
  }

  // Every cluster lives in a namespace an operator of its release watches.
  for (const c of clustersOf(root)) {
    const watching = operators.filter(
      (op) => op.watchAnyNamespace || (c.namespace !== undefined && op.watchNamespaces.includes(c.namespace)),
    );
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
    } else {
      push(c.scope, {
        rule: RULES.clusterWatched,
        field: 'namespace',
        value: c.namespace ?? null,
        message:
          'no StrimziOperator of the app watches ' +
          (c.namespace === undefined ? 'the cluster (its chart has no namespace)' : `namespace '${c.namespace}'`) +
          '; nobody would create the cluster',
        fix:
          `add '${c.namespace ?? '<namespace>'}' to the watchNamespaces of an operator of Strimzi ` +
          `${c.strimziVersion}, or give the chart a namespace`,
      });
    }
  }

  // CRDs of another release than the operator's: the API server rejects or prunes what it writes.
  const releases = [...new Set(operators.map((op) => op.strimziVersion))].sort();
  for (const crds of all.filter((c): c is StrimziCrds => c instanceof StrimziCrds)) {
    if (releases.includes(crds.strimziVersion)) continue;
    push(crds, {
      rule: RULES.crdsOperatorRelease,
      field: 'strimziVersion',
      value: crds.strimziVersion,
      message: `the app's operator runs Strimzi ${releases.join(', ')}; these CRDs are ${crds.strimziVersion}'s`,
      fix: `set strimziVersion: '${releases[releases.length - 1]}' on the CRDs`,
    });
  }

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
  return problems;
}
