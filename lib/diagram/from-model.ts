/** Adapter: the plain-data cluster and load-balancer models -> the diagram's ArchitectureInput. */
import { RoutedListenerArchitecture } from './external';
import type { ExternalListenerModel } from '../model/external-listeners';
import { ClusterArchitecture, ExternalListenerArchitecture, MetricsArchitecture } from './architecture';
import type { PodMonitorModel } from '../model/metrics/monitoring';
import { METRICS_PORT_NAME } from '../model/metrics/metrics';
import { entityOperatorPorts } from '../model/metrics/monitoring';
import type { ClusterModel } from '../model/cluster';
import type { LoadBalancerModel } from '../model/load-balancer';

/**
 * The architecture of one cluster from its model and the models of its load balancers: the same
 * facts its YAML and nginx files are rendered from (nothing is computed twice).
 */
export function clusterArchitecture(
  model: ClusterModel,
  loadBalancers: readonly LoadBalancerModel[] = [],
  podMonitors: readonly PodMonitorModel[] = [],
): ClusterArchitecture {
  const { spec } = model;
  const externalListeners: ExternalListenerArchitecture[] = model.nodePortListeners.map((l) => {
    const lb = loadBalancers.find((x) => x.listener?.listener.name === l.listener.name);
    // a load balancer listens on listenPorts[0] for the bootstrap and listenPorts[1 + i] for broker i
    return {
      name: l.listener.name,
      port: l.listener.port,
      tls: l.listener.tls,
      bootstrap: {
        advertisedHost: l.bootstrapHost,
        port: lb ? lb.listenPorts[0] : l.listener.bootstrapPort,
        nodePort: l.listener.bootstrapNodePort,
        serviceName: l.bootstrapServiceName,
      },
      brokers: l.brokers.map((b, i) => ({
        nodeId: b.nodeId,
        pool: b.pool,
        advertisedHost: b.advertisedHost,
        advertisedPort: b.advertisedPort,
        loadBalancerPort: lb ? lb.listenPorts[1 + i] : undefined,
        nodePort: b.nodePort,
        serviceName: b.serviceName,
        podName: b.podName,
      })),
      loadBalancer: lb && {
        name: lb.baseName,
        shape: lb.spec.externalHost ? 'external-host' : 'in-cluster',
        workers: lb.spec.externalHost?.workers ?? [],
      },
    };
  });
  return {
    name: spec.clusterName,
    namespace: spec.namespace,
    description: `Strimzi ${spec.release.tag}, Kafka ${spec.kafkaVersion}, ${spec.apiVersion}`,
    pools: model.pools.map((p) => ({ name: p.pool.name, roles: [...p.pool.roles], nodeIds: p.nodeIds })),
    externalListeners,
    routedListeners: model.externalListeners.map((l) =>
      routedListener(
        l,
        loadBalancers.find((x) => x.listener?.listener.name === l.listener.name),
      ),
    ),
    metrics: metricsArchitecture(model, podMonitors),
  };
}

/** The hop of a broker of an external listener, by type. */
function hopOf(type: string, b: { host?: string; loadBalancerIP?: string }): string {
  if (type === 'ingress') return `Ingress ${b.host} (TLS passthrough, SNI)`;
  if (type === 'route') return `Route ${b.host ?? '<host assigned by OpenShift>'} (TLS passthrough, SNI)`;
  if (type === 'loadbalancer') return `LoadBalancer Service ${b.loadBalancerIP ?? '<IP assigned at apply>'}`;
  return 'your proxy or mesh';
}

/** A loadbalancer, ingress, route or cluster-ip listener for the diagram, from its model. */
function routedListener(m: ExternalListenerModel, lb: LoadBalancerModel | undefined): RoutedListenerArchitecture {
  const l = m.listener;
  // a cluster-ip listener behind an in-cluster nginx of this app: port i + 1 is broker i's
  const via = (i: number, fallback: string) =>
    lb ? `nginx Deployment ${lb.baseName} :${lb.listenPorts[i]}` : fallback;
  const at = (host: string | undefined, port: number) =>
    `${host === undefined ? '<assigned at apply>' : host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    name: l.name,
    type: l.type,
    port: l.port,
    tls: l.tls,
    bootstrap: {
      advertised: at(m.bootstrapHost, l.bootstrapPort),
      hop: via(0, hopOf(l.type, { host: l.bootstrap.host, loadBalancerIP: l.bootstrap.loadBalancerIP })),
      serviceName: m.bootstrapServiceName,
    },
    brokers: m.brokers.map((b, i) => ({
      nodeId: b.nodeId,
      pool: b.pool,
      advertised: at(b.advertisedHost, b.advertisedPort),
      hop: via(i + 1, hopOf(l.type, b)),
      serviceName: b.serviceName,
      podName: b.podName,
    })),
  };
}

const HOW = { jmxPrometheusExporter: 'JMX Prometheus Exporter', strimziMetricsReporter: 'Strimzi Metrics Reporter' };

/** What of the cluster serves metrics, and the PodMonitors (of the app) that select its pods. */
function metricsArchitecture(
  model: ClusterModel,
  podMonitors: readonly PodMonitorModel[],
): MetricsArchitecture | undefined {
  const { spec } = model;
  const m = spec.metrics;
  const eo = spec.topicOperator || spec.userOperator;
  const exporters: MetricsArchitecture['exporters'][number][] = [
    ...(m?.kafka ? [{ component: 'kafka' as const, how: HOW[m.kafka.type], ports: [METRICS_PORT_NAME] }] : []),
    ...(m?.cruiseControl
      ? [{ component: 'cruise-control' as const, how: HOW[m.cruiseControl.type], ports: [METRICS_PORT_NAME] }]
      : []),
    ...(m?.kafkaExporter
      ? [{ component: 'kafka-exporter' as const, how: 'built in', ports: [METRICS_PORT_NAME] }]
      : []),
  ];
  const mine = podMonitors.filter(
    (pm) =>
      pm.namespace === spec.namespace && pm.spec.selector?.matchLabels?.['strimzi.io/cluster'] === spec.clusterName,
  );
  const eoMonitor = mine.find((pm) => pm.spec.selector.matchLabels['app.kubernetes.io/name'] === 'entity-operator');
  if (eo && (m || eoMonitor)) {
    const ports = ((eoMonitor?.spec.podMetricsEndpoints ?? []) as { port: string }[]).map((e) => e.port);
    exporters.push({
      component: 'entity-operator',
      how: 'built in',
      // without a PodMonitor of the app: the release's own port names (one per operator from 1.1.0)
      ports: ports.length > 0 ? ports : entityOperatorPorts(spec.release.tag),
    });
  }
  if (exporters.length === 0) return undefined;
  return {
    exporters,
    podMonitors: mine.map((pm) => {
      const ports = (pm.spec.podMetricsEndpoints as { port: string }[]).map((e) => e.port);
      const components = exporters
        .filter((e) => (pm === eoMonitor) === (e.component === 'entity-operator'))
        .filter((e) => e.ports.some((p) => ports.includes(p)))
        .map((e) => e.component);
      return { name: pm.name, components, ports };
    }),
  };
}
