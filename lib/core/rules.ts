/**
 * The rule type, its declaration helper, and the rules of the core and of the Kafka cluster. Every
 * other kind declares its rules in its own folder's rules.ts; lib/rules.ts collects them into the
 * catalogue, which `docs/rules.md` lists (regenerate with `npm run docs`).
 */

/** Errors fail the synth; warnings flag risky but legal choices. */
export type Severity = 'error' | 'warning';

/** Where a rule comes from. */
export type RuleGroup =
  | 'Releases and versions'
  | 'Node pools and node IDs'
  | 'Storage'
  | 'Resources and JVM'
  | 'Listeners'
  | 'External addresses'
  | 'Kafka config and replication'
  | 'Zones'
  | 'Cruise Control and rebalancing'
  | 'Kubernetes API server'
  | 'Load balancer'
  | 'Authorization'
  | 'Users and ACLs'
  | 'Topics'
  | 'Clients'
  | 'MirrorMaker 2'
  | 'Bridge'
  | 'Kafka Connect'
  | 'Cluster operator'
  | 'Metrics and monitoring'
  | 'Props and syntax';

/** The groups in the order the catalogue lists them. */
export const GROUP_ORDER: readonly RuleGroup[] = [
  'Releases and versions',
  'Node pools and node IDs',
  'Storage',
  'Resources and JVM',
  'Listeners',
  'External addresses',
  'Kafka config and replication',
  'Zones',
  'Cruise Control and rebalancing',
  'Kubernetes API server',
  'Load balancer',
  'Authorization',
  'Users and ACLs',
  'Topics',
  'Clients',
  'MirrorMaker 2',
  'Bridge',
  'Kafka Connect',
  'Cluster operator',
  'Metrics and monitoring',
  'Props and syntax',
];

/** One rule of the catalogue. */
export interface Rule {
  /** Stable identifier, shown with every finding. */
  readonly id: string;
  readonly group: RuleGroup;
  readonly severity: Severity;
  /** What the rule requires. */
  readonly summary: string;
  /** Strimzi releases the rule applies to. */
  readonly releases: string;
  /** Who would otherwise catch the mistake, and when. */
  readonly otherwise: string;
}

export const ALL = '0.41.0-1.2.0';
export const OPERATOR = 'operator, in the Kafka status after apply';
export const SILENT = 'nobody: the operator ignores it silently';
export const RUNTIME = 'nobody until clients or pods fail';
export const APISERVER = 'API server, at apply';
export const USER_OPERATOR = 'User Operator, in the KafkaUser status after apply';
export const TOPIC_OPERATOR = 'Topic Operator, in the KafkaTopic status after apply';
export const NEVER = 'nobody: the resource is never reconciled';

/** Declares a rule. */
export const rule = (
  id: string,
  group: RuleGroup,
  severity: Severity,
  summary: string,
  otherwise: string,
  releases = ALL,
): Rule => ({ id, group, severity, summary, releases, otherwise });

/** The rules of the core and of the Kafka cluster kind, by a short key (other kinds declare theirs in their folder). */
export const CORE_RULES = {
  // Releases and versions
  releaseKnown: rule(
    'release-known',
    'Releases and versions',
    'error',
    'The Strimzi release is one of 0.41.0-1.2.0',
    RUNTIME,
  ),
  apiVersionServed: rule(
    'api-version-served',
    'Releases and versions',
    'error',
    'The API version is served by the release (v1beta2 up to 0.51, v1 from 0.49)',
    APISERVER,
  ),
  kafkaVersionSupported: rule(
    'kafka-version-supported',
    'Releases and versions',
    'error',
    'The Kafka version is supported by the release; the error names the releases that support it',
    OPERATOR,
  ),
  metadataVersionSyntax: rule(
    'metadata-version-syntax',
    'Releases and versions',
    'error',
    'The metadata version is `<major>.<minor>` or `<major>.<minor>-IV<n>`',
    OPERATOR,
  ),
  metadataVersionNotNewer: rule(
    'metadata-version-not-newer',
    'Releases and versions',
    'error',
    'The metadata version is not newer than the Kafka version',
    OPERATOR,
  ),
  metadataVersionJbod: rule(
    'metadata-version-jbod',
    'Releases and versions',
    'error',
    'JBOD with more than one volume needs metadata version 3.7-IV2 or newer',
    OPERATOR,
  ),
  kafkaVersionOld: rule(
    'kafka-version-old',
    'Releases and versions',
    'warning',
    'The Kafka version is older than the release default (plan the upgrade)',
    'nobody',
  ),
  metadataVersionOld: rule(
    'metadata-version-old',
    'Releases and versions',
    'warning',
    "The metadata version is older than the Kafka version's default (new features stay off)",
    'nobody',
  ),

  // Node pools and node IDs
  poolName: rule('pool-name', 'Node pools and node IDs', 'error', 'A pool name is a lower-case DNS label', APISERVER),
  poolRolesPresent: rule(
    'pool-roles-present',
    'Node pools and node IDs',
    'error',
    'A pool has at least one role',
    OPERATOR,
  ),
  poolRolesValid: rule(
    'pool-roles-valid',
    'Node pools and node IDs',
    'error',
    "Roles are 'broker' and/or 'controller'",
    APISERVER,
  ),
  poolReplicas: rule(
    'pool-replicas',
    'Node pools and node IDs',
    'error',
    'Replicas is an integer from 0 to 1000',
    APISERVER,
  ),
  poolEmpty: rule('pool-empty', 'Node pools and node IDs', 'warning', 'A pool with 0 replicas runs no node', 'nobody'),
  clusterHasBroker: rule(
    'cluster-has-broker',
    'Node pools and node IDs',
    'error',
    'The cluster has at least one broker node',
    OPERATOR,
  ),
  clusterHasController: rule(
    'cluster-has-controller',
    'Node pools and node IDs',
    'error',
    'The cluster has at least one controller node (a quorum of 0 is refused)',
    OPERATOR,
  ),
  controllerQuorumEven: rule(
    'controller-quorum-even',
    'Node pools and node IDs',
    'warning',
    'An even controller count tolerates no more failures than one fewer',
    'nobody',
  ),
  controllerQuorumSingle: rule(
    'controller-quorum-single',
    'Node pools and node IDs',
    'warning',
    'A single controller is a single point of failure',
    'nobody',
  ),
  nodeIdsValid: rule(
    'node-ids-valid',
    'Node pools and node IDs',
    'error',
    'Declared node IDs are non-negative integers, each listed once',
    OPERATOR,
  ),
  nodeIdsUnique: rule(
    'node-ids-unique',
    'Node pools and node IDs',
    'error',
    'No node ID is declared by two pools',
    OPERATOR,
  ),
  nodeIdsOutsideRanges: rule(
    'node-ids-outside-ranges',
    'Node pools and node IDs',
    'error',
    "No declared node ID lies in another pool's scale-up range",
    RUNTIME,
  ),
  scaleUpRangeValid: rule(
    'scale-up-range-valid',
    'Node pools and node IDs',
    'error',
    'A scale-up range is `from <= to`, both integers from 0 to 2147483647 (Kafka node IDs are 32-bit)',
    OPERATOR,
  ),
  scaleUpRangesDisjoint: rule(
    'scale-up-ranges-disjoint',
    'Node pools and node IDs',
    'error',
    'Scale-up ranges of different pools do not overlap',
    RUNTIME,
  ),
  scaleUpRangeCapacity: rule(
    'scale-up-range-capacity',
    'Node pools and node IDs',
    'error',
    'Declared IDs plus the scale-up range hold every replica',
    RUNTIME,
  ),
  nodeIdsLocked: rule(
    'node-ids-locked',
    'Node pools and node IDs',
    'error',
    'With a node-ID lock (the previous output), no pool loses a node ID it has while it gains another, and no ' +
      "pool takes another pool's ID (Strimzi gives a new ID a new, empty broker)",
    RUNTIME,
  ),
  podNameLength: rule(
    'pod-name-length',
    'Node pools and node IDs',
    'error',
    'Pod names `<cluster>-<pool>-<node ID>` fit in 63 characters (they are host names)',
    'StatefulSet/pod creation',
  ),

  // Storage
  storageVolumes: rule('storage-volumes', 'Storage', 'error', 'JBOD storage has at least one volume', APISERVER),
  storageVolumeId: rule(
    'storage-volume-id',
    'Storage',
    'error',
    'JBOD volume IDs are non-negative integers',
    APISERVER,
  ),
  storageVolumeIdUnique: rule(
    'storage-volume-id-unique',
    'Storage',
    'error',
    'JBOD volume IDs are unique within a pool',
    OPERATOR,
  ),
  storageSize: rule(
    'storage-size',
    'Storage',
    'error',
    'Persistent-claim volumes have a `size`; `size` and `sizeLimit` are positive Kubernetes quantities',
    APISERVER,
  ),
  storageKraftMetadata: rule(
    'storage-kraft-metadata',
    'Storage',
    'error',
    'At most one volume of a pool holds the KRaft metadata log',
    OPERATOR,
  ),
  storageClassName: rule('storage-class-name', 'Storage', 'error', 'A StorageClass name is a DNS subdomain', APISERVER),
  storageSelector: rule(
    'storage-selector',
    'Storage',
    'error',
    'PV selector keys and values are valid Kubernetes labels',
    APISERVER,
  ),
  storageEphemeral: rule(
    'storage-ephemeral',
    'Storage',
    'warning',
    'Ephemeral storage loses data (and controller metadata) when a pod restarts',
    'nobody',
  ),
  storageDeleteClaim: rule(
    'storage-delete-claim',
    'Storage',
    'warning',
    '`deleteClaim: true` deletes data when the cluster or a node is removed',
    'nobody',
  ),

  // Resources and JVM
  resourceQuantity: rule(
    'resource-quantity',
    'Resources and JVM',
    'error',
    'CPU and memory requests and limits are positive Kubernetes quantities',
    APISERVER,
  ),
  resourceRequestWithinLimit: rule(
    'resource-request-within-limit',
    'Resources and JVM',
    'error',
    'A request is not above its limit',
    APISERVER,
  ),
  jvmHeapSyntax: rule(
    'jvm-heap-syntax',
    'Resources and JVM',
    'error',
    '`-Xms`/`-Xmx` are a number with an optional k, m or g unit',
    APISERVER,
  ),
  jvmXmsWithinXmx: rule(
    'jvm-xms-within-xmx',
    'Resources and JVM',
    'error',
    '`-Xms` is not above `-Xmx`',
    'JVM start-up',
  ),
  jvmHeapWithinLimit: rule(
    'jvm-heap-within-limit',
    'Resources and JVM',
    'error',
    '`-Xmx` is below the memory limit (the container needs memory beyond the heap)',
    'the OOM killer',
  ),

  // Listeners
  listenerPresent: rule('listener-present', 'Listeners', 'error', 'The cluster has at least one listener', APISERVER),
  listenerName: rule(
    'listener-name',
    'Listeners',
    'error',
    'A listener name is 1 to 11 lower-case letters or digits',
    APISERVER,
  ),
  listenerNameUnique: rule('listener-name-unique', 'Listeners', 'error', 'Listener names are unique', OPERATOR),
  listenerPort: rule(
    'listener-port',
    'Listeners',
    'error',
    'A listener port is an integer from 9092 to 65535',
    APISERVER,
  ),
  listenerPortReserved: rule(
    'listener-port-reserved',
    'Listeners',
    'error',
    'A listener port is not 9404 (metrics) or 9999 (JMX)',
    OPERATOR,
  ),
  listenerPortUnique: rule('listener-port-unique', 'Listeners', 'error', 'Listener ports are unique', OPERATOR),
  listenerType: rule(
    'listener-type',
    'Listeners',
    'error',
    "An internal listener's type is 'internal' or 'cluster-ip'",
    APISERVER,
  ),
  authenticationType: rule(
    'authentication-type',
    'Listeners',
    'error',
    "The authentication type exists in the target API ('oauth' only in v1beta2)",
    APISERVER,
  ),
  authenticationTlsNeedsTls: rule(
    'authentication-tls-needs-tls',
    'Listeners',
    'error',
    '`authentication: tls` needs `tls: true` on the listener',
    OPERATOR,
  ),
  authenticationOptionsKnown: rule(
    'authentication-options-known',
    'Listeners',
    'error',
    'Authentication options are fields the target API has',
    SILENT,
  ),
  externalPlaintext: rule(
    'external-plaintext',
    'Listeners',
    'warning',
    'An external listener without TLS sends data in clear text',
    'nobody',
  ),
  externalUnauthenticated: rule(
    'external-unauthenticated',
    'Listeners',
    'warning',
    'An external listener without authentication lets anyone who reaches it in',
    'nobody',
  ),

  // External addresses
  bootstrapNodePort: rule(
    'bootstrap-node-port',
    'External addresses',
    'error',
    'The bootstrap NodePort is in 30000-32767',
    APISERVER,
  ),
  nodePortBase: rule(
    'node-port-base',
    'External addresses',
    'error',
    'The broker NodePort base is in 30000-32767',
    APISERVER,
  ),
  brokerNodePort: rule(
    'broker-node-port',
    'External addresses',
    'error',
    'Every broker NodePort (base + node ID, or its override) is in 30000-32767',
    APISERVER,
  ),
  nodePortsUnique: rule(
    'node-ports-unique',
    'External addresses',
    'error',
    'Bootstrap and broker NodePorts are unique within the cluster',
    APISERVER,
  ),
  nodePortsUniqueInApp: rule(
    'node-ports-unique-in-app',
    'External addresses',
    'error',
    'NodePorts are unique across every cluster in the app',
    APISERVER,
  ),
  advertisedHost: rule(
    'advertised-host',
    'External addresses',
    'error',
    'An advertised host is a host name or IP address (`{nodeId}` allowed)',
    RUNTIME,
  ),
  advertisedPort: rule(
    'advertised-port',
    'External addresses',
    'error',
    "Advertised ports (every broker's, base + node ID) and the bootstrap port are integers from 1 to 65535",
    APISERVER,
  ),
  advertisedAddressUnique: rule(
    'advertised-address-unique',
    'External addresses',
    'error',
    'No two brokers advertise the same host:port, in any cluster of the app',
    RUNTIME,
  ),
  brokerOverrideIsBroker: rule(
    'broker-override-is-broker',
    'External addresses',
    'error',
    'Per-broker overrides name broker node IDs only',
    SILENT,
  ),
  externalTrafficPolicy: rule(
    'external-traffic-policy',
    'External addresses',
    'error',
    "externalTrafficPolicy is 'Cluster' or 'Local'",
    APISERVER,
  ),

  // Kafka config and replication
  configForbidden: rule(
    'config-forbidden',
    'Kafka config and replication',
    'error',
    "No `config` key the release's operator manages itself (per-release prefix list and exceptions, matched " +
      'case-insensitively as the operator does)',
    SILENT,
  ),
  configReplicationKeys: rule(
    'config-replication-keys',
    'Kafka config and replication',
    'error',
    'Replication keys are set through `replication`, computed from the broker count',
    'nobody',
  ),
  replicationFactor: rule(
    'replication-factor',
    'Kafka config and replication',
    'error',
    'The replication factor is a positive integer, at most the broker count',
    RUNTIME,
  ),
  minInSyncReplicas: rule(
    'min-insync-replicas',
    'Kafka config and replication',
    'error',
    '`min.insync.replicas` is from 1 to the replication factor',
    RUNTIME,
  ),
  minInSyncEqualsFactor: rule(
    'min-insync-equals-factor',
    'Kafka config and replication',
    'warning',
    '`min.insync.replicas` equal to the replication factor stops `acks=all` producers when one broker is down',
    'nobody',
  ),
  replicationFactorLow: rule(
    'replication-factor-low',
    'Kafka config and replication',
    'warning',
    'A replication factor below 3 with 3 or more brokers risks data loss',
    'nobody',
  ),
  cruiseControlBrokers: rule(
    'cruise-control-brokers',
    'Kafka config and replication',
    'error',
    'Cruise Control needs at least 2 brokers',
    OPERATOR,
  ),

  // Kubernetes API server
  clusterName: rule(
    'cluster-name',
    'Kubernetes API server',
    'error',
    'The cluster name is a DNS-1035 label (starts with a letter)',
    APISERVER,
  ),
  serviceNameLength: rule(
    'service-name-length',
    'Kubernetes API server',
    'error',
    'Every Service the operator creates (`<cluster>-kafka-bootstrap`, `<cluster>-kafka-brokers`, per listener ' +
      'and per broker) fits in 63 characters',
    'operator, when it creates the Service',
  ),
  namespaceName: rule(
    'namespace-name',
    'Kubernetes API server',
    'error',
    "The chart's namespace is a DNS label",
    APISERVER,
  ),
  templateFieldsKnown: rule(
    'template-fields-known',
    'Kubernetes API server',
    'error',
    'Pool template fields exist in the target API',
    SILENT,
  ),

  // Load balancer

  // Authorization
  authorizationType: rule(
    'authorization-type',
    'Authorization',
    'error',
    "Authorization is 'simple' (KRaft StandardAuthorizer) or 'custom' with a Java `authorizerClass`",
    APISERVER,
  ),
  superUserForm: rule(
    'super-user-form',
    'Authorization',
    'error',
    'Super users are listed once, in the form the user authenticates with: `CN=<name>` for TLS users, `<name>` ' +
      'for SCRAM users',
    RUNTIME,
  ),

  // Users and ACLs

  // Topics
  topicConfig: rule(
    'topic-config',
    'Topics',
    'error',
    "Topic config values are strings, numbers or booleans with the type, range or enumeration that Kafka's topic " +
      "configuration reference (`topic_config.html`, `ConfigDef` validators) gives for the cluster's Kafka version",
    TOPIC_OPERATOR,
  ),
  // Cluster operator
  // Props and syntax (run-time checks at the boundary, for JavaScript and JSON users)
  propUnknown: rule(
    'prop-unknown',
    'Props and syntax',
    'error',
    'Every prop is one the construct has (a misspelt prop would otherwise be ignored silently)',
    'nobody: the prop is ignored silently',
  ),
  propType: rule(
    'prop-type',
    'Props and syntax',
    'error',
    'Every prop has its documented type (string, finite integer, boolean, object, array, value class) and a ' +
      'bounded size; nothing is coerced',
    'a TypeError, or garbage in the output',
  ),
  configEntry: rule(
    'config-entry',
    'Props and syntax',
    'error',
    '`config` keys are Kafka property names (letters, digits, `.`, `_`, `-`) and values are strings, finite ' +
      'numbers or booleans',
    OPERATOR,
  ),
  kafkaNameUnique: rule(
    'kafka-name-unique',
    'Props and syntax',
    'error',
    'Kafka names are unique per namespace across the app',
    'kubectl apply: the second overwrites the first',
  ),
  poolNameUniqueInNamespace: rule(
    'pool-name-unique-in-namespace',
    'Props and syntax',
    'error',
    'KafkaNodePool names are unique per namespace across the app (two clusters in one namespace need distinct ' +
      'pool names)',
    'kubectl apply: the second overwrites the first',
  ),
  lbPathSyntax: rule(
    'lb-path-syntax',
    'Props and syntax',
    'error',
    '`pidFile`, `errorLog` and `modulePath` are absolute paths of letters, digits, `.`, `_`, `-` and `/` ' +
      '(`errorLog` may be `stderr`): nothing can be injected into nginx.conf',
    'nobody: nginx -t accepts an injected directive',
  ),
  lbClusterDomain: rule(
    'lb-cluster-domain',
    'Props and syntax',
    'error',
    '`clusterDomain` is a DNS subdomain',
    'nobody: nginx -t accepts an injected directive',
  ),
  lbImage: rule(
    'lb-image',
    'Props and syntax',
    'error',
    'The in-cluster nginx image is an image reference and `imageDigest` is `sha256:` and 64 hex digits',
    'kubelet, when it pulls the image',
  ),
  // Kafka's own config definitions (lib/model/kafka-config/, data from Kafka's configuration reference)
  kafkaConfigUnknown: rule(
    'kafka-config-unknown',
    'Kafka config and replication',
    'warning',
    "A cluster `config` key is a broker config of the cluster's Kafka version (Kafka's broker configuration " +
      'reference, `kafka_config.html`); Kafka ignores any other key with a log line, so a typo is lost',
    'nobody: Kafka ignores it silently',
  ),
  kafkaConfigValue: rule(
    'kafka-config-value',
    'Kafka config and replication',
    'error',
    "A cluster `config` value has the type, range or enumeration of Kafka's broker configuration reference for " +
      "the cluster's Kafka version (`ConfigDef` validators; the broker refuses to start otherwise)",
    OPERATOR,
  ),
  // Strimzi and Kafka semantics (lib/model/semantics/)
  javaIntRange: rule(
    'java-int-range',
    'Props and syntax',
    'error',
    'Fields the operator reads into Java `Integer`s are at most 2147483647: quotas `producerByteRate`, ' +
      '`consumerByteRate`, `requestPercentage` (KafkaUser CRD `type: integer`, Strimzi `KafkaUserQuotas`) and JBOD ' +
      'volume IDs (Strimzi `SingleVolumeStorage.id`)',
    USER_OPERATOR,
  ),
  authenticationFields: rule(
    'authentication-fields',
    'Listeners',
    'error',
    "A listener's authentication options are fields of its type: none for `tls` and `scram-sha-512`, `sasl`, " +
      "`listenerConfig`, `secrets` for `custom` (Strimzi's `KafkaListenerAuthentication*` classes; the CRD " +
      "schema merges every type's fields)",
    'nobody: the operator ignores it silently',
  ),
  secretReference: rule(
    'secret-reference',
    'Props and syntax',
    'error',
    "A Secret reference (a SCRAM user's password, the operator's `imagePullSecrets`) names a Secret by a " +
      'lower-case DNS subdomain of at most 253 characters and a key of `[-._a-zA-Z0-9]` (Kubernetes object name ' +
      'and Secret key rules)',
    'nobody until clients or pods fail',
  ),
  superUserSyntax: rule(
    'super-user-syntax',
    'Authorization',
    'error',
    'A super user is a user name or `CN=<name>`, not a principal: Strimzi writes each as `User:<entry>` into ' +
      '`super.users`, a `;`-separated list, so `User:` or `;` in an entry matches nobody',
    RUNTIME,
  ),
  resourceNameUniqueInNamespace: rule(
    'resource-name-unique-in-namespace',
    'Props and syntax',
    'error',
    "KafkaUser and KafkaTopic resource names (and the users' Secrets) are unique per namespace across the app, " +
      'also between two clusters in one namespace (Kubernetes names are unique per kind and namespace)',
    'kubectl apply: the second overwrites the first',
  ),
} as const satisfies Record<string, Rule>;
