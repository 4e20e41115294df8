import { App, Chart } from 'cdk8s';
import { StrimziCrds, StrimziOperator, StrimziOperatorProps } from '../lib';

/**
 * The first two stages of an app's output, named to sort before the Kafka chart:
 * `00-crds/kustomization.yaml` (the release's published CRD bundle, by exact URL; applied first and
 * server-side) and `10-strimzi-operator.k8s.yaml` (the operator in namespace `strimzi`).
 */
export function addOperator(
  app: App,
  props: StrimziOperatorProps & { readonly strimziVersion: string },
): StrimziOperator {
  const chart = new Chart(app, '10-strimzi-operator');
  new StrimziCrds(chart, 'crds', { strimziVersion: props.strimziVersion, referenceFolder: '00-crds' });
  return new StrimziOperator(chart, 'operator', {
    namespace: 'strimzi',
    resources: { requests: { memory: '512Mi' }, limits: { memory: '512Mi' } },
    ...props,
  });
}
