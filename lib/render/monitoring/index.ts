/**
 * prometheus-operator objects rendered with the classes `cdk8s import` generated from its CRDs
 * (`imports/monitoring.coreos.com.ts`, `scripts/import-monitoring-crds.js`), loaded on first use: an
 * app without monitoring objects never loads them. Upstream alert rules use the Prometheus file
 * keys (`keep_firing_for`); they are mapped to the generated props, and a field the generated class
 * would drop is an error here, not a silent loss.
 */
import type * as Monitoring from '../../../imports/monitoring.coreos.com';
import { GeneratedKind, droppedPaths } from '../strimzi/renderer';

type MonitoringModule = typeof Monitoring;

function generated(): MonitoringModule {
  return require('../../../imports/monitoring.coreos.com') as MonitoringModule;
}

/** The generated class of a `monitoring.coreos.com/v1` kind. */
export function monitoringKind(kind: 'PodMonitor' | 'PrometheusRule'): GeneratedKind {
  return generated()[kind] as unknown as GeneratedKind;
}

/** Throws when the generated class would drop part of `spec` (a field this API version lacks). */
function checked<T>(what: string, spec: T, toJson: (s: T) => unknown, plain: unknown): T {
  const dropped = droppedPaths(plain, toJson(spec));
  if (dropped.length > 0) throw new Error(`${what}: monitoring.coreos.com/v1 has no field ${dropped.join(', ')}`);
  return spec;
}

/** A PodMonitor spec, as the generated class takes it. */
export function podMonitorSpec(spec: Record<string, unknown>): Monitoring.PodMonitorSpec {
  const m = generated();
  return checked('PodMonitor', spec as unknown as Monitoring.PodMonitorSpec, m.toJson_PodMonitorSpec, spec);
}

type Json = Record<string, any>;

/** A PrometheusRule spec from groups in Prometheus's rule file form. */
export function prometheusRuleSpec(groups: readonly Json[]): Monitoring.PrometheusRuleSpec {
  const m = generated();
  const spec: Monitoring.PrometheusRuleSpec = {
    groups: groups.map((g) => ({
      name: g.name,
      interval: g.interval,
      labels: g.labels,
      limit: g.limit,
      partialResponseStrategy: g.partial_response_strategy,
      queryOffset: g.query_offset,
      rules: (g.rules as Json[] | undefined)?.map((r) => ({
        alert: r.alert,
        record: r.record,
        expr: m.PrometheusRuleSpecGroupsRulesExpr.fromString(String(r.expr)),
        for: r.for,
        keepFiringFor: r.keep_firing_for,
        labels: r.labels,
        annotations: r.annotations,
      })),
    })),
  };
  return checked('PrometheusRule', spec, m.toJson_PrometheusRuleSpec, { groups });
}
