/**
 * cdk8s-strimzi-kraft: a production Strimzi KRaft Kafka cluster from a few typed lines.
 *
 * The public API, curated: what a user writes in an app. The constructs, their props and the value
 * classes and types those props take; the types of the construct members a user reads back (where a
 * member returns internal model data, its type is reachable through the shipped declarations but
 * not named here); problem reporting; `synthApp`/`checkApp` and the writers of the side files; the
 * release table. Everything else (models, renderers, operator facts, rule catalogue, diagram data)
 * is internal: import it from its module inside this repository. `test/public-api.test.ts` lists
 * every name, so an addition is a decision, and checks each has a doc comment. Manifest validation
 * and the doctor have their own entry points, `cdk8s-strimzi-kraft/validate` and
 * `cdk8s-strimzi-kraft/doctor`.
 *
 * @module cdk8s-strimzi-kraft
 */

// Kafka clusters: constructs, props and the types the props take
export { KraftCluster } from './kafka/cluster';
export type { KraftClusterProps } from './kafka/cluster';
export { NodePool } from './kafka/node-pool';
export type { NodePoolOptions, NodePoolTemplate } from './kafka/node-pool';
export { ExternalNodePortListener } from './kafka/node-port-listener';
export { ExternalListener } from './kafka/external-listener';
export type { ICluster } from './common/cluster';
export type { ClusterAttributes, ClusterFacts, ClusterListener, ListenerAttributes } from './kafka/imported-cluster';
export type { ReplicationOptions } from './model/cluster';
export type { ConfigValue } from './model/config';
export type {
  BrokerEndpoint,
  BrokerExternalAddress,
  ExternalBootstrapOptions,
  ExternalBrokerOptions,
  ExternalListenerOptions,
  ExternalNodePortListenerOptions,
  InternalListenerOptions,
  ListenerAuthentication,
} from './model/listeners';
export type { NodeIdRange } from './model/node-ids';
export type { JvmOptions, ResourceRequirements } from './model/pod';
export type { NodeRole } from './model/pool';
export type { NodeIdLock } from './model/node-id-lock';
export { JbodVolume, Storage } from './model/storage';
export type { EphemeralOptions, PersistentClaimOptions } from './model/storage';
export type { ClusterAuthorization, CustomAuthorization, SimpleAuthorization } from './model/authorization';
export type {
  AutoRebalanceOptions,
  BrokerCapacity,
  BrokerCapacityOverride,
  CruiseControlApiUsers,
  CruiseControlOptions,
} from './model/cruise-control';
export type { RackOptions } from './model/zones';

// Load balancer
export { LoadBalancer, LoadBalancerShape } from './load-balancer/load-balancer';
export type { LoadBalancerOptions, LoadBalancerProps } from './load-balancer/load-balancer';
export type { ExternalHostOptions, InClusterOptions } from './model/load-balancer';

// Users, ACLs and topics
export { KafkaUser } from './users/kafka-user';
export type { KafkaUserProps, UserAuthentication, UserQuotas } from './users/kafka-user';
export type { Acl, AclOperation, AclPatternType, AclResourceType } from './model/acl';
export { DoctorUser } from './users/doctor-user';
export type { DoctorUserProps } from './users/doctor-user';
export { clientConnectionOf } from './users/client-config';
export type { ClientConnection, ListenerConnection, SecretReference } from './users/client-config';
export { KafkaTopic } from './topics/kafka-topic';
export type { KafkaTopicProps } from './topics/kafka-topic';

// Clients of a cluster: one wiring for KafkaConnect, KafkaMirrorMaker2, KafkaBridge and your own pods
export { KafkaClient } from './clients/kafka-client';
export type { KafkaClientProps } from './clients/kafka-client';
export { KafkaMirrorMaker2 } from './mirror-maker/kafka-mirror-maker-2';
export type {
  ExternalAuthentication,
  ExternalMirrorSource,
  KafkaMirrorMaker2Props,
  MirrorClusterOptions,
} from './mirror-maker/kafka-mirror-maker-2';
export type { ClientOptions, CopiedSecrets } from './clients/client-link';
export { KafkaBridge } from './bridge/kafka-bridge';
export type {
  BridgeConsumerOptions,
  BridgeCors,
  BridgeHttpOptions,
  BridgeHttpTls,
  BridgeProducerOptions,
  KafkaBridgeProps,
} from './bridge/kafka-bridge';
export { KafkaConnect } from './connect/kafka-connect';
export type {
  ConnectBuild,
  ConnectBuildOutput,
  ConnectPlugin,
  ConnectPluginArtifact,
  KafkaConnectProps,
} from './connect/kafka-connect';
export { KafkaConnector } from './connect/kafka-connector';
export type { ConnectorAutoRestart, KafkaConnectorOptions, KafkaConnectorProps } from './connect/kafka-connector';
export type { IKafkaConnect } from './connect/connect-instance';
// Rebalancing with Cruise Control
export { KafkaRebalance } from './rebalance/kafka-rebalance';
export type { KafkaRebalanceProps, RebalanceBrokers, RebalanceVolumes } from './rebalance/kafka-rebalance';
export type { RebalanceMode } from './rebalance/rebalance-model';

// Cluster operator and CRDs
export { StrimziOperator } from './operator/operator';
export type {
  OperatorImageOptions,
  OperatorLogLevel,
  OperatorResources,
  StrimziOperatorProps,
} from './operator/operator';
export { StrimziMonitoring } from './monitoring/strimzi-monitoring';
export type { GrafanaDashboardOptions, StrimziMonitoringProps } from './monitoring/strimzi-monitoring';
export type { IMetricsClient } from './common/client-metrics';
export type { MetricsConfigMapRef, MetricsDetail, MetricsOptions, MetricsType } from './model/metrics/metrics';
export type { ClusterMetricsOptions, KafkaExporterOptions } from './model/metrics/cluster-metrics';
export { StrimziCrds } from './operator/crds';
export type { StrimziCrdsProps } from './operator/crds';

// Synthesizing: a plain `app.synth()` writes the YAML and every file beside it, or nothing
export { checkApp, synthApp } from './app/synth-app';
export type { SynthAppOptions } from './app/synth-app';

// Problems
export { KraftConfigError, formatProblem } from './core/problem';
export type { Problem } from './core/problem';
export type { Rule, Severity } from './core/rules';
export { findProblems, printWarnings } from './common/problems';

// Releases
export { DEFAULT_STRIMZI_RELEASE, STRIMZI_RELEASES, findStrimziRelease, releasesSupportingKafka } from './core/release';
export type { KafkaVersionInfo, StrimziApiVersion, StrimziRelease } from './core/release';
