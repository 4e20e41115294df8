/**
 * What every resource with a `metricsConfig` shares: the ConfigMap of its JMX Prometheus Exporter
 * config, written beside it with the release's own rules (unless the user names their own), and
 * the app check that a user's ConfigMap exists in the app with its key. A kind computes its
 * `metricsModel` (model/metrics/metrics.ts) and then, in one line, calls `addMetrics`.
 */
import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { addAppCheck, at } from './problems';
import { Problem } from '../core/problem';
import {
  AppConfigMap,
  MetricsModel,
  MetricsReference,
  generatedMetricsConfigMap,
  metricsReferenceFindings,
} from '../model/metrics/metrics';

const references = new WeakMap<IConstruct, MetricsReference[]>();

/**
 * The metrics of a resource: writes the generated exporter ConfigMap of each model (none for the
 * user's own ConfigMap or the Metrics Reporter) and checks, across the app, that a user's ConfigMap
 * is in the app with its key. `fields` names each model's option in the props (e.g. `metrics.kafka`).
 */
export function addMetrics(
  scope: Construct,
  models: readonly { readonly field: string; readonly model?: MetricsModel }[],
  releaseTag: string,
  namespace: string | undefined,
): ApiObject[] {
  const own = models.filter((m) => m.model?.configMap && !m.model.configMap.generated);
  if (own.length > 0) {
    references.set(
      scope,
      own.map((m) => ({ field: m.field, namespace, configMap: m.model!.configMap! })),
    );
    addAppCheck(scope, 'metrics/config-maps', metricsConfigMapProblems);
  }
  return models.flatMap(({ model: m }) => {
    const cm = generatedMetricsConfigMap(m, releaseTag);
    if (!cm || !m) return [];
    return [
      new ApiObject(scope, `MetricsConfig-${m.component}`, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: cm.name, labels: { app: 'strimzi' } },
        data: cm.data,
      }),
    ];
  });
}

/** The ConfigMaps an app writes. */
function appConfigMaps(root: IConstruct): AppConfigMap[] {
  return root.node
    .findAll()
    .filter((c): c is ApiObject => c instanceof ApiObject && c.kind === 'ConfigMap' && c.apiVersion === 'v1')
    .map((c) => ({ name: c.name, namespace: c.metadata.namespace, keys: keysOf(c) }));
}

/** The keys of a ConfigMap; undefined when its data cannot be rendered (its construct's findings say why). */
function keysOf(c: ApiObject): string[] | undefined {
  try {
    const json = c.toJson() as { data?: object; binaryData?: object };
    return [...Object.keys(json.data ?? {}), ...Object.keys(json.binaryData ?? {})].sort();
  } catch {
    return undefined;
  }
}

function metricsConfigMapProblems(root: IConstruct): Problem[] {
  const configMaps = appConfigMaps(root);
  return root.node
    .findAll()
    .flatMap((c) => metricsReferenceFindings(references.get(c) ?? [], configMaps).map((f) => at(c, f)));
}
