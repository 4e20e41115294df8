import { IConstruct } from 'constructs';
import { ArchitectureInput, OperatorArchitecture } from './architecture';
import { clusterArchitecture } from './from-model';
import { managedClustersIn, modelOf } from '../common/cluster';
import { LoadBalancer } from '../load-balancer/load-balancer';
import { StrimziOperator } from '../operator/operator';
import { StrimziMonitoring } from '../monitoring/strimzi-monitoring';

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
  const podMonitors = scope.node
    .findAll()
    .filter((c): c is StrimziMonitoring => c instanceof StrimziMonitoring)
    .flatMap((m) => m.podMonitors);
  return {
    title,
    clusters: managedClustersIn(scope).map((c) =>
      clusterArchitecture(
        modelOf(c)!,
        lbs.filter((lb) => lb.cluster === c).map((lb) => lb.model),
        podMonitors,
      ),
    ),
    operator,
  };
}
