/**
 * `cdk8s-strimzi-kraft/doctor`: checks the address chain of every external broker, offline from
 * synthesized manifests and nginx configurations, and online against a running cluster (kafkajs).
 * Its own entry point (and the `strimzi-kraft doctor` command), so that apps which only build
 * clusters do not load the Kafka client.
 *
 * @module cdk8s-strimzi-kraft/doctor
 */
export { DOCTOR_CHECKS, diagnose, diagnosePaths, formatDoctorReport } from './offline';
export type { AddressChain, ChainLink, DoctorCheck, DoctorFinding, DoctorReport } from './offline';
export { CLIENT_DOCTOR_CHECKS, COPIED_SECRETS_ANNOTATION, clientChains } from './client-chain';
export type { ClientChain, ClientChainLink, ClientDoctorCheck, ClientDoctorFinding } from './client-chain';
export { assignNodeIds, clusterFacts, parseNodeIdList } from './manifest-facts';
export type { BrokerFacts, ClusterFacts, ManifestObject, NodePortListenerFacts, PoolFacts } from './manifest-facts';
export type { ExternalBrokerFacts, ExternalListenerFacts } from './external-facts';
export { parseHostPort, parseNginx, streamFacts } from './nginx-parse';
export type {
  HostPort,
  NginxDirective,
  NginxProxyServer,
  NginxStreamFacts,
  NginxUpstream,
  UpstreamServer,
} from './nginx-parse';
export { probeCluster, splitAddress } from './online';
export type { BrokerProbe, IdentifiedBy, OnlineDoctorOptions, OnlineReport } from './online';
export type { ConnectionOptions } from './connection';
export { classifyFailure } from './failure';
export type { Failure, FailureFacts } from './failure';
export { FAILURE_LABELS, failureLine } from './fixes';
export type { FixContext } from './fixes';
export { certificateIdentity } from './tls-identity';
export type { CertificateIdentity } from './tls-identity';
export { listenerFacts, readClientFile } from './app-facts';
export type { AppFacts, ClientFacts, ListenerFacts } from './app-facts';
export { explainBroker, formatOnlineReport, main, otherClusterLines } from './cli';
