/** The rules of the cluster operator and CRDs, collected into the catalogue (lib/rules.ts). */
import { APISERVER, RUNTIME, Rule, SILENT, rule } from '../core/rules';

/** The cluster operator and CRDs rules, by a short key used in the code. */
export const OPERATOR_RULES = {
  operatorNamespaces: rule(
    'operator-namespaces',
    'Cluster operator',
    'error',
    'The operator namespace and the watched namespaces are DNS labels, each listed once',
    APISERVER,
  ),
  operatorWatchAnyWithList: rule(
    'operator-watch-any-with-list',
    'Cluster operator',
    'error',
    '`watchAnyNamespace` is not combined with a `watchNamespaces` list',
    'nobody',
  ),
  operatorReplicas: rule(
    'operator-replicas',
    'Cluster operator',
    'error',
    'Operator replicas is an integer from 1 to 10',
    APISERVER,
  ),
  operatorLeaderElection: rule(
    'operator-leader-election',
    'Cluster operator',
    'error',
    'More than one operator replica needs leader election',
    RUNTIME,
  ),
  operatorPdb: rule(
    'operator-pdb',
    'Cluster operator',
    'error',
    'The PodDisruptionBudget `minAvailable` is below the operator replicas',
    'nobody until a node drain hangs',
  ),
  operatorFeatureGate: rule(
    'operator-feature-gate',
    'Cluster operator',
    'error',
    'Feature gates are `+Name`/`-Name` of gates the release has',
    'operator, at start (crash loop)',
  ),
  operatorFeatureGateRepeated: rule(
    'operator-feature-gate-repeated',
    'Cluster operator',
    'error',
    'No feature gate is listed twice',
    'operator, at start (crash loop)',
  ),
  operatorLogLevel: rule(
    'operator-log-level',
    'Cluster operator',
    'error',
    'The log level is ERROR, WARN, INFO, DEBUG or TRACE',
    SILENT,
  ),
  operatorDurations: rule(
    'operator-durations',
    'Cluster operator',
    'error',
    'The full-reconciliation interval and operation timeout are whole milliseconds, at least 1 second',
    'operator, at start (crash loop)',
  ),
  operatorImage: rule(
    'operator-image',
    'Cluster operator',
    'error',
    'Image overrides are a registry host, repository, tag and `sha256:` digest',
    'kubelet, at image pull',
  ),
  operatorMemory: rule(
    'operator-memory',
    'Cluster operator',
    'warning',
    'The operator memory limit is at least 512Mi (upstream 384Mi is a frequent OOM kill)',
    'the OOM killer',
  ),
  operatorKubernetesVersion: rule(
    'operator-kubernetes-version',
    'Cluster operator',
    'warning',
    'Strimzi 0.41.0-0.45.0 is told the Kubernetes version (`kubernetesVersion`): on 1.33+ it crash-loops ' +
      'without `STRIMZI_KUBERNETES_VERSION`',
    'operator, at start (crash loop)',
    '0.41.0-0.45.0',
  ),
  operatorSingle: rule(
    'operator-single',
    'Cluster operator',
    'error',
    'An app (one Kubernetes cluster) holds at most one StrimziOperator: its ClusterRoles and ClusterRoleBindings are ' +
      "cluster-wide, and Strimzi's docs deploy one Cluster Operator per Kubernetes cluster",
    'kubectl apply: the second overwrites the first',
  ),
  crdsSingle: rule(
    'crds-single',
    'Cluster operator',
    'error',
    'An app holds at most one StrimziCrds: CustomResourceDefinitions are cluster-scoped, one release per Kubernetes ' +
      'cluster',
    'kubectl apply: the second overwrites the first',
  ),
  resourceServed: rule(
    'resource-served',
    'Cluster operator',
    'error',
    "Every Strimzi resource of the app has an API version and kind that the app's release (its operator's, else " +
      "its CRDs') serves: v1beta2 up to 0.51, v1 from 0.49; kinds from the release's install bundle",
    APISERVER,
  ),
  clusterScopedUnique: rule(
    'cluster-scoped-unique',
    'Cluster operator',
    'error',
    'No cluster-scoped object (Namespace, ClusterRole, ClusterRoleBinding, CustomResourceDefinition, ...) is ' +
      'emitted twice under one name (Kubernetes API: they have no namespace)',
    'kubectl apply: the second overwrites the first',
  ),
  clusterWatched: rule(
    'cluster-watched',
    'Cluster operator',
    'error',
    'When the app has an operator, every cluster lives in a namespace an operator watches',
    RUNTIME,
  ),
  crdsOperatorRelease: rule(
    'crds-operator-release',
    'Cluster operator',
    'error',
    "The CRDs of the app are the release of the app's operator (older CRDs lack the API versions it serves)",
    APISERVER,
  ),
  clusterOperatorRelease: rule(
    'cluster-operator-release',
    'Cluster operator',
    'error',
    "A cluster's strimziVersion is the release of the operator watching its namespace",
    'operator, in the Kafka status after apply',
  ),
  outputFilesUnique: rule(
    'output-files-unique',
    'Cluster operator',
    'error',
    'The YAML output type writes no two objects to one file (one-file-per-resource types drop same-named RoleBindings)',
    'nobody: the file holds only the last object',
  ),
  operatorEnvManaged: rule(
    'operator-env-managed',
    'Cluster operator',
    'error',
    '`env` does not set a variable a prop manages and checks (`STRIMZI_NAMESPACE`, `STRIMZI_FEATURE_GATES`, ' +
      '`STRIMZI_LOG_LEVEL`, `STRIMZI_LEADER_ELECTION_ENABLED`, `STRIMZI_FULL_RECONCILIATION_INTERVAL_MS`, ' +
      '`STRIMZI_OPERATION_TIMEOUT_MS`, `STRIMZI_KUBERNETES_VERSION`)',
    'nobody: the checks of the prop are bypassed',
  ),
  operatorWatchEmpty: rule(
    'operator-watch-empty',
    'Cluster operator',
    'error',
    '`watchNamespaces` is not empty (an empty `STRIMZI_NAMESPACE` stops the operator at start)',
    'operator, at start (crash loop)',
  ),
  crdsContent: rule(
    'crds-content',
    'Cluster operator',
    'error',
    '`StrimziCrds` `from` holds only CustomResourceDefinitions, and they are the CRDs of its `strimziVersion` ' +
      "(compared with a fingerprint of each release's CRDs), not the operator bundle or another release's",
    APISERVER,
  ),
} as const satisfies Record<string, Rule>;
