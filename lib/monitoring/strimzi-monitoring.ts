import { placed } from '../common/arguments';
import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { CLUSTER_INSTANCE, ICluster } from '../common/cluster';
import { IMetricsClient, METRICS_CLIENT_INSTANCE, isMetricsClient, monitoredClient } from '../common/client-metrics';
import { addAppCheck, at, problemsUnder } from '../common/problems';
import { checkedProps, placeFindings, validateAtSynth } from '../common/resource';
import { Problem } from '../core/problem';
import { DEFAULT_STRIMZI_RELEASE } from '../core/release';
import { sortedRecord } from '../core/syntax';
import {
  MonitoredCluster,
  PodMonitorModel,
  alertRuleGroups,
  clientPodMonitor,
  clusterPodMonitors,
  grafanaDashboards,
  operatorPodMonitor,
} from '../model/metrics/monitoring';
import { monitoringKind, podMonitorSpec, prometheusRuleSpec } from '../render/monitoring';
import { monitoredComponents, monitoringFindings, monitoringNamesFindings } from './monitoring-model';

/** Grafana dashboards as ConfigMaps for the Grafana sidecar. */
export interface GrafanaDashboardOptions {
  /**
   * Namespace of the dashboard ConfigMaps (the sidecar's `NAMESPACE`).
   * @default - the chart's
   * @maxLength 63
   * @checkedBy StrimziMonitoring
   */
  readonly namespace?: string;
  /**
   * Name of the Prometheus datasource in Grafana, put where the dashboards say `${DS_PROMETHEUS}`.
   * @default 'Prometheus'
   * @maxLength 253
   */
  readonly datasource?: string;
}

/** Props of {@link StrimziMonitoring}. */
export interface StrimziMonitoringProps {
  /**
   * Clusters to scrape: a PodMonitor each for its Kafka pods (brokers, controllers, Cruise Control,
   * Kafka Exporter) and one for its entity operator.
   * @default - none
   * @maxItems 600
   */
  readonly clusters?: readonly ICluster[];
  /**
   * KafkaConnects, KafkaMirrorMaker2s and KafkaBridges of this app to scrape: a PodMonitor each
   * (`<name>-connect-metrics`, `<name>-mirror-maker-2-metrics`, `<name>-bridge-metrics`), and their
   * alert rules and dashboards.
   * @default - none
   * @maxItems 600
   */
  readonly clients?: readonly IMetricsClient[];
  /**
   * Namespace of a cluster operator to scrape (`StrimziOperator.namespace`).
   * @default - the cluster operator is not scraped
   * @maxLength 63
   * @checkedBy StrimziMonitoring
   */
  readonly operatorNamespace?: string;
  /**
   * Strimzi release whose alert rules, dashboards and port names are used.
   * @default - the clusters' release (else 1.2.0)
   */
  readonly strimziVersion?: string;
  /**
   * Emit the release's alert rules as PrometheusRules (one per component).
   * @default true
   */
  readonly prometheusRules?: boolean;
  /**
   * Emit the release's Grafana dashboards as ConfigMaps labelled `grafana_dashboard: "1"`.
   * @default false
   */
  readonly grafanaDashboards?: boolean | GrafanaDashboardOptions;
  /**
   * Labels of every PodMonitor and PrometheusRule, e.g. the `release: <name>` your Prometheus selects by.
   * @default - none
   * @maxItems 20
   * @keys labelKey
   * @maxLength 63
   */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * Monitoring for prometheus-operator users: PodMonitors whose selector, ports and namespace are
 * those of the pods the operator runs for the given clusters (and the cluster operator), the
 * release's alert rules as PrometheusRules, and its Grafana dashboards as ConfigMaps for the sidecar.
 */
export class StrimziMonitoring extends Construct {
  /** The Strimzi release of the rules, dashboards and port names. */
  public readonly strimziVersion: string;
  /** The PodMonitors, as plain data. */
  public readonly podMonitors: readonly PodMonitorModel[];
  /** The generated objects. */
  public readonly apiObjects: ApiObject[] = [];

  constructor(scope: Construct, id: string, rawProps: StrimziMonitoringProps = {}) {
    super(scope, placed(scope, id));
    const checked = checkedProps<StrimziMonitoringProps>(this, rawProps, 'StrimziMonitoringProps', {
      cluster: CLUSTER_INSTANCE,
      metricsClient: METRICS_CLIENT_INSTANCE,
    });
    const props = checked.props;
    const clusters: MonitoredCluster[] = (props.clusters ?? []).filter((c) => c?.release).map(monitored);
    // garbage of JavaScript callers is reported by the props check and left out here
    const clients = (props.clients ?? []).filter((c) => c && isMetricsClient(c)).map(monitoredClient);
    this.strimziVersion =
      props.strimziVersion ?? clusters[0]?.releaseTag ?? clients[0]?.releaseTag ?? DEFAULT_STRIMZI_RELEASE;
    placeFindings(this, () => monitoringFindings(this.strimziVersion, clusters, clients));
    const labels = sortedRecord(props.labels);
    this.podMonitors = [
      ...clusters.flatMap(clusterPodMonitors),
      ...clients.map(clientPodMonitor),
      ...(props.operatorNamespace ? [operatorPodMonitor(this.strimziVersion, props.operatorNamespace)] : []),
    ];
    const PodMonitor = monitoringKind('PodMonitor');
    for (const pm of this.podMonitors) {
      const metadata = { name: pm.name, namespace: pm.namespace, labels };
      this.apiObjects.push(new PodMonitor(this, `PodMonitor-${pm.name}`, { metadata, spec: podMonitorSpec(pm.spec) }));
    }
    const components = monitoredComponents(clusters, props.operatorNamespace !== undefined, clients);
    if (props.prometheusRules ?? true) this.addRules(components, labels);
    if (props.grafanaDashboards) this.addDashboards(components, props.grafanaDashboards);
    addAppCheck(this, 'monitoring/names-unique', monitoringNamesProblems);
    validateAtSynth(this);
  }

  /** Every finding about this monitoring. */
  public get problems(): Problem[] {
    return problemsUnder(this);
  }

  private addRules(components: ReturnType<typeof monitoredComponents>, labels?: Record<string, string>): void {
    const PrometheusRule = monitoringKind('PrometheusRule');
    for (const [component, groups] of alertRuleGroups(this.strimziVersion, components)) {
      const name = `strimzi-${component}-rules`;
      const metadata = { name, labels: { ...labels, app: 'strimzi', role: 'alert-rules' } };
      this.apiObjects.push(
        new PrometheusRule(this, `PrometheusRule-${component}`, { metadata, spec: prometheusRuleSpec(groups) }),
      );
    }
  }

  private addDashboards(
    components: ReturnType<typeof monitoredComponents>,
    options: true | GrafanaDashboardOptions,
  ): void {
    const o = options === true ? {} : options;
    const namespace = o.namespace ?? (Chart.of(this).namespace as string | undefined);
    for (const [file, text] of grafanaDashboards(this.strimziVersion, components, o.datasource ?? 'Prometheus')) {
      const name = `grafana-dashboard-${file.replace(/\.json$/, '')}`;
      this.apiObjects.push(
        new ApiObject(this, `Dashboard-${name}`, {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name, namespace, labels: { grafana_dashboard: '1' } },
          data: { [file]: text },
        }),
      );
    }
  }
}

/** A cluster as the monitoring sees it: its name, namespace, release and facts. */
function monitored(c: ICluster): MonitoredCluster {
  const facts = c.facts;
  return {
    name: c.clusterName,
    namespace: c.namespace,
    releaseTag: c.release.tag,
    metrics: facts.metrics,
    topicOperator: facts.topicOperator,
    userOperator: facts.userOperator,
  };
}

/** Monitoring objects unique by kind, namespace and name across the app. */
function monitoringNamesProblems(root: IConstruct) {
  const monitorings = root.node.findAll().filter((c): c is StrimziMonitoring => c instanceof StrimziMonitoring);
  const objects = monitorings.flatMap((m, owner) =>
    m.apiObjects.map((o) => ({
      kind: o.kind,
      namespace: o.metadata.namespace ?? (Chart.of(o).namespace as string | undefined),
      name: o.name,
      owner,
    })),
  );
  const paths = monitorings.map((m) => m.node.path);
  return monitoringNamesFindings(objects, paths).map(({ owner, finding }) => at(monitorings[owner], finding));
}
