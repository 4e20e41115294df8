// What each bad input of operator-rule-cases.ts must report (path, field, value, message, fix, rule).
export const OPERATOR_EXPECTED: Record<string, string[]> = {
  "operatorNamespaces | watching 'Kafka_1' and 'kafka' twice": [
    '[ops/strimzi] watchNamespaces[0] = "Kafka_1": not a DNS label. Fix: use lower-case letters, digits and \'-\' [operator-namespaces]',
    '[ops/strimzi] watchNamespaces[2] = "kafka": listed twice. Fix: list each namespace once [operator-namespaces]',
  ],
  "operatorNamespaces | namespace 'Strimzi'": [
    "[ops/strimzi] namespace = \"Strimzi\": not a DNS label. Fix: use lower-case letters, digits and '-', e.g. 'strimzi' [operator-namespaces]",
  ],
  'operatorWatchAnyWithList | watch-any and a list': [
    '[ops/strimzi] watchNamespaces = ["kafka"]: given together with watchAnyNamespace: true. Fix: drop watchNamespaces to watch every namespace, or drop watchAnyNamespace to watch only the list [operator-watch-any-with-list]',
  ],
  'operatorReplicas | replicas 0': [
    '[ops/strimzi] replicas = 0: not an integer from 1 to 10. Fix: run 1 to 10 operator pods (2 with leader election for a fast fail-over) [operator-replicas]',
  ],
  'operatorLeaderElection | 2 replicas without leader election': [
    '[ops/strimzi] leaderElection = false: 2 replicas without leader election reconcile the same resources at once. Fix: keep leaderElection: true (the default), or run 1 replica [operator-leader-election]',
  ],
  'operatorPdb | minAvailable 1 of 1 replica': [
    '[ops/strimzi] podDisruptionBudget.minAvailable = 1: with 1 replica(s) no operator pod could ever be evicted (node drains hang). Fix: set minAvailable to at most 0, or add replicas [operator-pdb]',
  ],
  "operatorFeatureGate | '+UseKRaft' on 0.43.0 (GA and removed in 0.42.0)": [
    '[ops/strimzi] featureGates[0] = "+UseKRaft": Strimzi 0.43.0 has no feature gate UseKRaft (only 0.41.0); the operator refuses to start. Fix: remove it; Strimzi 0.43.0 accepts ContinueReconciliationOnManualRollingUpdateFailure [operator-feature-gate]',
  ],
  "operatorFeatureGate | '+KafkaNodePools' on 1.2.0": [
    '[ops/strimzi] featureGates[0] = "+KafkaNodePools": Strimzi 1.2.0 has no feature gate KafkaNodePools (no release has it, or it went GA and was removed); the operator refuses to start. Fix: remove it; Strimzi 1.2.0 accepts UseBackgroundPodDeletion, UseConnectBuildWithBuildah [operator-feature-gate]',
  ],
  "operatorFeatureGate | 'UseBackgroundPodDeletion' without a sign": [
    '[ops/strimzi] featureGates[0] = "UseBackgroundPodDeletion": not +Name or -Name; the operator refuses to start. Fix: use +UseBackgroundPodDeletion or -UseBackgroundPodDeletion, +UseConnectBuildWithBuildah or -UseConnectBuildWithBuildah on Strimzi 1.2.0 [operator-feature-gate]',
  ],
  'operatorFeatureGateRepeated | Buildah gate twice': [
    '[ops/strimzi] featureGates[1] = "-UseConnectBuildWithBuildah": UseConnectBuildWithBuildah is listed twice; the operator refuses to start. Fix: list each gate once [operator-feature-gate-repeated]',
  ],
  "operatorLogLevel | log level 'VERBOSE'": [
    '[ops/strimzi] logLevel = "VERBOSE": not a log level. Fix: use one of ERROR, WARN, INFO, DEBUG, TRACE [operator-log-level]',
  ],
  'operatorDurations | operation timeout 10 ms': [
    '[ops/strimzi] operationTimeout = 10: not whole milliseconds of at least a second. Fix: use e.g. Duration.minutes(2) [operator-durations]',
  ],
  "operatorImage | digest 'sha256:abc'": [
    '[ops/strimzi] image.digest = "sha256:abc": not sha256:<64 hex digits>. Fix: copy the digest from `docker buildx imagetools inspect` [operator-image]',
  ],
  "operatorMemory | upstream's 384Mi": [
    "[ops/strimzi] warning: resources.limits.memory = \"384Mi\": below the 512Mi the operator needs with several clusters (upstream's 384Mi is a frequent OOM kill). Fix: set resources: { requests: { memory: '512Mi' }, limits: { memory: '512Mi' } } or more [operator-memory]",
  ],
  'operatorKubernetesVersion | 0.43.0 without kubernetesVersion': [
    "[ops/strimzi] warning: kubernetesVersion: Strimzi 0.43.0 crash-loops on Kubernetes 1.33 and newer unless STRIMZI_KUBERNETES_VERSION is set; the version is not given. Fix: set kubernetesVersion to your cluster's '<major>.<minor>' (e.g. '1.33'), or upgrade to Strimzi 0.45.1 once your clusters run Kafka 3.8.0 (0.45.1 does not run 3.7.0, 3.7.1) [operator-kubernetes-version]",
  ],
  'operatorSingle | operators of 1.2.0 and 0.43.0 in one app': [
    '[legacy-ops/strimzi] strimziVersion = "0.43.0": the app already has StrimziOperator ops/strimzi (Strimzi 1.2.0); a Kubernetes cluster runs one cluster operator and one set of Strimzi CRDs, and both would write the same ClusterRoles and ClusterRoleBindings (clusters of this operator: legacy/orders). Fix: remove this operator: set strimziVersion: \'1.2.0\' on its clusters and add their namespaces to the watchNamespaces of ops/strimzi, or move this operator and its clusters to another App for another Kubernetes cluster [operator-single]',
  ],
  'crdsSingle | two CRD sets of 1.2.0': [
    '[crds2/b] strimziVersion = "1.2.0": the app already has StrimziCrds crds/a (Strimzi 1.2.0); CRDs are cluster-scoped, one release per Kubernetes cluster. Fix: remove these CRDs, or move them with their operator and clusters to another App for another Kubernetes cluster [crds-single]',
  ],
  'resourceServed | CRDs of 1.2.0 and a cluster of 0.43.0 (v1beta2), no operator': [
    "[kafka/c] strimziVersion = \"0.43.0\": Strimzi 1.2.0, the release of the app's CRDs (crds/crds), does not serve its kafka.strimzi.io/v1beta2 Kafka, kafka.strimzi.io/v1beta2 KafkaNodePool; the API server would reject them. Fix: set strimziVersion: '1.2.0' on the cluster, or move it to another App for another Kubernetes cluster [resource-served]",
  ],
  'resourceServed | a KafkaMirrorMaker of your own on 0.48.0': [
    '[ops/strimzi] strimziVersion = "0.48.0": Strimzi 0.48.0, the release of the app\'s operator (ops/strimzi), does not serve KafkaMirrorMaker mm/mm (kafka.strimzi.io/v1beta2): no such kind. Fix: remove mm/mm, or use a release that has KafkaMirrorMaker [resource-served]',
  ],
  "clusterScopedUnique | createNamespaces and your own Namespace 'kafka'": [
    '[ops/strimzi] createNamespaces = "kafka": Namespace kafka is emitted by ops/strimzi and again by mine/ns; a cluster-scoped object exists once per Kubernetes cluster. Fix: emit it once: remove mine/ns, or drop createNamespaces [cluster-scoped-unique]',
  ],
  "clusterWatched | cluster in 'kafka', operator watching 'other'": [
    "[kafka/c] namespace = \"kafka\": no StrimziOperator of the app watches namespace 'kafka'; nobody would create the cluster. Fix: add 'kafka' to the watchNamespaces of an operator of Strimzi 1.2.0, or give the chart a namespace [cluster-watched]",
  ],
  'clusterOperatorRelease | cluster on 1.2.0, operator 0.43.0': [
    '[kafka/c] strimziVersion = "1.2.0": the operator watching namespace \'kafka\' (ops/strimzi) runs Strimzi 0.43.0. Fix: upgrade the operator to 1.2.0 (Strimzi 0.43.0 does not run Kafka 4.3.1; it runs 3.7.0, 3.7.1, 3.8.0) [cluster-operator-release]',
  ],
  'clusterOperatorRelease | cluster on 0.44.0 with Kafka 3.8.0, operator 0.43.0 (which runs 3.8.0)': [
    "[kafka/c] strimziVersion = \"0.44.0\": the operator watching namespace 'kafka' (ops/strimzi) runs Strimzi 0.43.0. Fix: set strimziVersion: '0.43.0' on the cluster, or upgrade the operator to 0.44.0 [cluster-operator-release]",
  ],
  'crdsOperatorRelease | CRDs of 0.43.0 beside an operator of 1.2.0': [
    "[crds/crds] strimziVersion = \"0.43.0\": the app's operator runs Strimzi 1.2.0; these CRDs are 0.43.0's. Fix: set strimziVersion: '1.2.0' on the CRDs [crds-operator-release]",
  ],
  'outputFilesUnique | FILE_PER_RESOURCE with two watched namespaces': [
    '[ops/strimzi] watchNamespaces = "RoleBinding.strimzi-cluster-operator.k8s.yaml": YamlOutputType.FILE_PER_RESOURCE writes a/strimzi-cluster-operator and b/strimzi-cluster-operator to one file; only the last would survive. Fix: use YamlOutputType.FILE_PER_CHART (the default) or FILE_PER_APP [output-files-unique]',
    '[ops/strimzi] watchNamespaces = "RoleBinding.strimzi-cluster-operator-watched.k8s.yaml": YamlOutputType.FILE_PER_RESOURCE writes a/strimzi-cluster-operator-watched and b/strimzi-cluster-operator-watched to one file; only the last would survive. Fix: use YamlOutputType.FILE_PER_CHART (the default) or FILE_PER_APP [output-files-unique]',
    '[ops/strimzi] watchNamespaces = "RoleBinding.strimzi-cluster-operator-entity-operator-delegation.k8s.yaml": YamlOutputType.FILE_PER_RESOURCE writes a/strimzi-cluster-operator-entity-operator-delegation and b/strimzi-cluster-operator-entity-operator-delegation to one file; only the last would survive. Fix: use YamlOutputType.FILE_PER_CHART (the default) or FILE_PER_APP [output-files-unique]',
  ],
};
