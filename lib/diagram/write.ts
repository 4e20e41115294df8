import { IConstruct } from 'constructs';
import { Chart } from 'cdk8s';
import { ArchitectureInput, ClientArchitecture, OperatorArchitecture } from './architecture';
import { clientLinksIn } from '../clients/client-registry';
import type { ICluster } from '../common/cluster';
import { clusterArchitecture } from './from-model';
import { managedClustersIn, modelOf } from '../common/cluster';
import { LoadBalancer } from '../load-balancer/load-balancer';
import { StrimziOperator } from '../operator/operator';
import { StrimziMonitoring } from '../monitoring/strimzi-monitoring';
import { isMetricsClient, monitoredClient } from '../common/client-metrics';
import { PodMonitorModel, bridgeMetricsPorts } from '../model/metrics/monitoring';
import { METRICS_PORT_NAME } from '../model/metrics/metrics';

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
    clusters: managedClustersIn(scope).map((c) => ({
      ...clusterArchitecture(
        modelOf(c)!,
        lbs.filter((lb) => lb.cluster === c).map((lb) => lb.model),
        podMonitors,
      ),
      clients: clientsOf(scope, c, podMonitors),
    })),
    operator,
  };
}

/** The app's clients of a cluster (every construct owning a `ClientLink` to it), with the listener each uses. */
function clientsOf(
  scope: IConstruct,
  cluster: ICluster,
  podMonitors: readonly PodMonitorModel[],
): ClientArchitecture[] {
  return clientLinksIn(scope).flatMap(({ construct, kind, name, field, link }) => {
    const w = link.cluster === cluster ? link.wiring : undefined;
    const l = w && cluster.facts.listeners?.find((x) => x.name === w.listener);
    if (!w || !l) return [];
    return [
      {
        kind,
        name: field ? `${name} ${field.replace(/\.$/, '')}` : name,
        namespace: Chart.of(construct).namespace,
        listener: l.name,
        port: l.port,
        tls: l.tls,
        authentication: l.authentication,
        reach: l.reach,
        bootstrapServers: w.bootstrapServers,
        user: w.credentials?.userName,
        caSecret: w.caSecret,
        metrics: field === '' || field === 'target.' ? clientMetricsOf(construct, podMonitors) : undefined,
      },
    ];
  });
}

const HOW = {
  jmxPrometheusExporter: 'JMX Prometheus Exporter',
  strimziMetricsReporter: 'Strimzi Metrics Reporter',
  enableMetrics: 'enableMetrics (built-in rules)',
};

/** A client's metrics for the diagram: how, its ports, and the app's PodMonitors that select its pods. */
function clientMetricsOf(c: IConstruct, podMonitors: readonly PodMonitorModel[]): ClientArchitecture['metrics'] {
  const m = isMetricsClient(c) ? monitoredClient(c) : undefined;
  if (!m?.metrics) return undefined;
  const scrapedBy = podMonitors.filter((pm) => {
    const labels = pm.spec.selector?.matchLabels ?? {};
    return (
      pm.namespace === m.namespace && labels['strimzi.io/cluster'] === m.name && labels['strimzi.io/kind'] === m.kind
    );
  });
  const ports = m.kind === 'KafkaBridge' ? bridgeMetricsPorts(m.releaseTag) : [METRICS_PORT_NAME];
  return { how: HOW[m.metrics], ports, scrapedBy: scrapedBy.map((pm) => pm.name) };
}
