/**
 * The classes `cdk8s import` generated from prometheus-operator's CRDs (`imports/monitoring.coreos.com.ts`,
 * `scripts/import-monitoring-crds.js`), loaded on first use: an app without monitoring objects never loads them.
 */
import type { GeneratedKind } from '../strimzi/renderer';

/** The generated class of a `monitoring.coreos.com/v1` kind. */
export function monitoringKind(kind: 'PodMonitor' | 'PrometheusRule' | 'ServiceMonitor'): GeneratedKind {
  const mod =
    require('../../../imports/monitoring.coreos.com') as typeof import('../../../imports/monitoring.coreos.com');
  return mod[kind] as unknown as GeneratedKind;
}
