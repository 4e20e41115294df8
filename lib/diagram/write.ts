import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ArchitectureInput, OperatorArchitecture, renderArchitecture } from './architecture';
import { clusterArchitecture } from './from-model';
import { managedClustersIn, modelOf } from '../common/cluster';
import { LoadBalancer } from '../load-balancer/load-balancer';
import { StrimziOperator } from '../operator/operator';

/** The app's cluster operator (the first by construct path when there are several), for the diagram. */
function operatorOf(scope: IConstruct): OperatorArchitecture | undefined {
  const op = scope.node
    .findAll()
    .filter((c): c is StrimziOperator => c instanceof StrimziOperator)
    .sort((a, b) => (a.node.path < b.node.path ? -1 : 1))[0];
  return op && { namespace: op.namespace, watchedNamespaces: op.watchAnyNamespace ? ['*'] : [...op.watchNamespaces] };
}

/**
 * The architecture of every cluster under `scope`, from the clusters' and load balancers' models,
 * with the app's cluster operator unless one is given.
 */
export function architectureOf(
  scope: IConstruct,
  title: string,
  operator: OperatorArchitecture | undefined = operatorOf(scope),
): ArchitectureInput {
  const lbs = scope.node.findAll().filter((c): c is LoadBalancer => c instanceof LoadBalancer);
  return {
    title,
    clusters: managedClustersIn(scope).map((c) =>
      clusterArchitecture(
        modelOf(c)!,
        lbs.filter((lb) => lb.cluster === c).map((lb) => lb.model),
      ),
    ),
    operator,
  };
}

/**
 * Writes `ARCHITECTURE.md` (per cluster a Mermaid diagram and a table of every broker's path) into
 * `app.outdir`. Call it after `app.synth()`, which validates the app first. Returns the path.
 */
export function writeArchitecture(app: App, title: string = path.basename(app.outdir)): string {
  const file = path.join(app.outdir, 'ARCHITECTURE.md');
  fs.mkdirSync(app.outdir, { recursive: true });
  fs.writeFileSync(file, renderArchitecture(architectureOf(app, title)));
  return file;
}
