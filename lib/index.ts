/**
 * cdk8s-strimzi-kraft: a production Strimzi KRaft Kafka cluster from a few typed lines.
 *
 * The public API, curated: constructs and their props, the value classes they take, the types of
 * their public members, and the problem reporting. The building blocks live in domains: `core`
 * (release table, rules, problem format), `model` (plain data, pure functions), `render`
 * (model -> Strimzi specs and nginx text), and one folder per resource. Manifest validation has
 * its own entry point, `cdk8s-strimzi-kraft/validate`.
 */

// Kafka clusters
export { KraftCluster } from './kafka/cluster';
export type { KraftClusterProps } from './kafka/cluster';
export { NodePool } from './kafka/node-pool';
export type { NodePoolOptions, NodePoolTemplate } from './kafka/node-pool';
export { ExternalNodePortListener } from './kafka/node-port-listener';
export type { ICluster } from './common/cluster';
export type {
  ClusterModel,
  ClusterSpec,
  ExternalBroker,
  InternalListenerModel,
  ListenerModel,
  NodePortListenerModel,
  Owner,
  OwnedFinding,
  PoolModel,
  ReplicationOptions,
} from './model/cluster';
export type { ConfigValue } from './model/config';
export type {
  BrokerEndpoint,
  BrokerExternalAddress,
  ExternalNodePortListenerOptions,
  InternalListenerOptions,
  InternalListenerSpec,
  ListenerAuthentication,
  ListenerAuthenticationType,
  ListenerBaseOptions,
  ListenerSpec,
  NodePortListenerSpec,
} from './model/listeners';
export type { NodeIdRange } from './model/node-ids';
export type { LockedPool, NodeIdLock } from './model/node-id-lock';
export type { JvmOptions, ResourceQuantities, ResourceRequirements } from './model/pod';
export type { NodeRole, PoolSpec } from './model/pool';
export { JbodVolume, Storage } from './model/storage';
export type { EphemeralOptions, PersistentClaimOptions, StorageSpec, VolumeSpec } from './model/storage';
export type { PassthroughKind, StrimziRenderer } from './render/strimzi';

// Load balancer
export { LoadBalancer, LoadBalancerShape } from './load-balancer/load-balancer';
export type { LoadBalancerOptions, LoadBalancerProps } from './load-balancer/load-balancer';
export { writeLoadBalancerConfigs } from './load-balancer/files';

// Synthesizing an app all or nothing
export { checkApp, synthApp } from './app/synth-app';
export type { SynthAppOptions } from './app/synth-app';
export type {
  ExternalHostOptions,
  InClusterOptions,
  LoadBalancerModel,
  LoadBalancerSpec,
  NginxServer,
  NginxStreamBlock,
  NginxStreamConfig,
} from './model/load-balancer';

// Users, ACLs, topics and authorization
export { KafkaUser, listenerAuthenticationFor, principalOf } from './users/kafka-user';
export type { KafkaUserProps, UserAuthentication, UserQuotas } from './users/kafka-user';
export { clientConnectionOf, clientFileName, renderClientFile, writeClientConfigs } from './users/client-config';
export type { ClientConnection, ListenerConnection, SecretReference } from './users/client-config';
export { ACL_OPERATIONS } from './model/acl';
export type {
  Acl,
  AclOperation,
  AclPatternType,
  AclResourceType,
  AclSpec,
  ClusterAcl,
  ClusterOperation,
  GroupOperation,
  KafkaUserSpecModel,
  TopicOperation,
  TransactionalIdOperation,
} from './model/acl';
export type { ClusterAuthorization, CustomAuthorization, SimpleAuthorization } from './model/authorization';
export { KafkaTopic, isTopicName, topicResourceName } from './topics/kafka-topic';
export type { KafkaTopicProps } from './topics/kafka-topic';
export type { KafkaTopicSpecModel } from './model/topic-config';

// Releases, rules and problems
export { DEFAULT_STRIMZI_RELEASE, STRIMZI_RELEASES, findStrimziRelease, releasesSupportingKafka } from './core/release';
export type { KafkaVersionInfo, StrimziApiVersion, StrimziRelease } from './core/release';
export { RULES, RULE_LIST } from './core/rules';
export type { Rule, RuleGroup, Severity } from './core/rules';
export { KraftConfigError, describeProblem, formatProblem } from './core/problem';
export type { Finding, Problem } from './core/problem';
export { findProblems, printWarnings } from './common/problems';

// Architecture diagram (ARCHITECTURE.md); the doctor has its own entry point, `cdk8s-strimzi-kraft/doctor`
export { renderArchitecture, renderClusterDiagram, renderPathTable } from './diagram/architecture';
export type {
  ArchitectureInput,
  BrokerPathArchitecture,
  ClusterArchitecture,
  ExternalListenerArchitecture,
  LoadBalancerArchitecture,
  OperatorArchitecture,
  PoolArchitecture,
} from './diagram/architecture';
export { clusterArchitecture } from './diagram/from-model';
export { architectureOf, writeArchitecture } from './diagram/write';
// Cluster operator and CRDs
export {
  StrimziOperator,
  KUBERNETES_VERSION_WORKAROUND,
  OPERATOR_MIN_MEMORY,
  WATCHED_BINDING_FILES,
  WATCH_ANY_BINDING_NAMES,
  featureGateValue,
  kubernetesVersionInfo,
} from './operator/operator';
export type {
  OperatorImageOptions,
  OperatorLogLevel,
  OperatorResources,
  StrimziOperatorProps,
} from './operator/operator';
export { CRD_ANNOTATIONS, StrimziCrds, crdBundleUrl, writeCrdReferences } from './operator/crds';
export type { StrimziCrdsProps } from './operator/crds';
export { featureGatesOf } from './operator/feature-gates';
export type { FeatureGateInfo } from './operator/feature-gates';
export { OPERATOR_RELEASES, operatorFacts } from './operator/release-facts';
export type {
  BindingFact,
  ClusterRoleFact,
  DeploymentFact,
  EnvFact,
  OperatorReleaseFacts,
  PolicyRuleFact,
} from './operator/release-facts';
