import { IConstruct } from 'constructs';
import { Chart, Testing } from 'cdk8s';
import { KraftCluster, LoadBalancerShape, Storage, findProblems, formatProblem } from '../lib';
import { RULES, RULE_LIST } from '../lib/rules';
import { isHostOrIp } from '../lib/core/syntax';
import { INPUT_EXPECTED } from './support/input-rule-cases';
import { RULE_CASES, broker, external, pools } from './support/rule-cases';
import { SECURITY_EXPECTED, SECURITY_RULE_CASES } from './support/security-rule-cases';
import { validationErrors } from './support/synth';
import { OPERATOR_EXPECTED } from './support/operator-rule-expected';
import { CONFIG_EXPECTED } from './support/config-rule-cases';
import { KIND_EXPECTED, KIND_RULE_CASES } from './support/kind-rule-cases';
import { LISTENER_EXPECTED } from './support/listener-rule-cases';
import { METRICS_EXPECTED } from './support/metrics-rule-cases';
import { CLIENT_METRICS_EXPECTED } from './support/client-metrics-rule-cases';
import { CRUISE_EXPECTED } from './support/cruise-rule-cases';

// What each bad input of test/support/rule-cases.ts must report: construct path, field, the
// offending value, what is wrong, the fix, and the rule.
const BASE_EXPECTED: Record<string, string[]> = {
  ...OPERATOR_EXPECTED,
  'releaseKnown | Strimzi 0.40.0': [
    '[test/c] strimziVersion = "0.40.0": not a Strimzi release this library knows. Fix: use one of 0.41.0, 0.42.0, 0.43.0, 0.44.0, 0.45.0, 0.45.1, 0.45.2, 0.46.0, 0.46.1, 0.47.0, 0.48.0, 0.49.0, 0.49.1, 0.50.0, 0.50.1, 0.51.0, 1.0.0, 1.0.1, 1.1.0, 1.2.0 [release-known]',
  ],
  'apiVersionServed | v1 on 0.48.0': [
    '[test/c] apiVersion = "v1": Strimzi 0.48.0 does not serve kafka.strimzi.io/v1. Fix: use v1beta2 [api-version-served]',
  ],
  'kafkaVersionSupported | Kafka 3.7.1 on 0.41.0 (the seed post)': [
    '[test/c] kafkaVersion = "3.7.1": Strimzi 0.41.0 supports 3.6.0, 3.6.1, 3.6.2, 3.7.0. Fix: use a supported version, or Strimzi 0.42.0, 0.43.0, 0.44.0 which support Kafka 3.7.1 [kafka-version-supported]',
  ],
  'kafkaVersionSupported | a Kafka version no release supports': [
    '[test/c] kafkaVersion = "2.8.0": Strimzi 1.2.0 supports 4.2.0, 4.2.1, 4.3.0, 4.3.1. Fix: use a supported version; no Strimzi release this library knows supports it [kafka-version-supported]',
  ],
  'metadataVersionSyntax | metadata version 3.7.1': [
    '[test/c] metadataVersion = "3.7.1": not <major>.<minor> or <major>.<minor>-IV<n>. Fix: use 3.7 [metadata-version-syntax]',
  ],
  'metadataVersionNotNewer | metadata 3.8 on Kafka 3.7.1': [
    '[test/c] metadataVersion = "3.8-IV0": newer than Kafka 3.7.1. Fix: use 3.7 or older [metadata-version-not-newer]',
  ],
  'metadataVersionJbod | two JBOD volumes on metadata 3.7-IV1': [
    '[test/c/broker] storage.volumes = 2: KRaft JBOD with several volumes needs metadata version 3.7-IV2 or newer; the cluster has 3.7-IV1. Fix: use one volume, or Kafka 3.7+ with metadataVersion 3.7-IV2 or newer [metadata-version-jbod]',
  ],
  'kafkaVersionOld | Kafka 4.2.0 on 1.2.0': [
    '[test/c] warning: kafkaVersion = "4.2.0": older than Strimzi 1.2.0\'s default 4.3.1. Fix: upgrade to Kafka 4.3.1 when you can [kafka-version-old]',
  ],
  'metadataVersionOld | metadata 4.2-IV1 on Kafka 4.3.1': [
    '[test/c] warning: metadataVersion = "4.2-IV1": older than Kafka 4.3.1\'s 4.3-IV0. Fix: raise it to 4.3-IV0 once every broker runs Kafka 4.3.1 [metadata-version-old]',
  ],
  'poolName | pool Broker_1': [
    "[test/c/Broker_1] name = \"Broker_1\": not a lower-case DNS label of at most 63 characters. Fix: use lower-case letters, digits and '-', e.g. 'broker' [pool-name]",
  ],
  'poolRolesPresent | no roles': [
    "[test/c/broker] roles = []: the pool has no role. Fix: give it ['broker'], ['controller'] or both [pool-roles-present]",
  ],
  "poolRolesValid | role 'zookeeper'": [
    "[test/c/broker] roles = \"zookeeper\": not a KRaft role. Fix: use 'broker' and/or 'controller' [pool-roles-valid]",
  ],
  'poolReplicas | replicas -1': [
    '[test/c/broker] replicas = -1: not an integer from 0 to 1000. Fix: give the number of nodes, 0 or more [pool-replicas]',
  ],
  'poolEmpty | replicas 0 next to another broker pool': [
    '[test/c/spare] warning: replicas = 0: the pool runs no node. Fix: remove the pool once its nodes are drained, or give it replicas [pool-empty]',
  ],
  'clusterHasBroker | controllers only': [
    "[test/c] nodePools = []: the cluster has no broker node. Fix: add a node pool with role 'broker' and replicas >= 1 [cluster-has-broker]",
  ],
  'clusterHasController | brokers only': [
    "[test/c] nodePools = []: the cluster has no controller node. Fix: add a node pool with role 'controller' and replicas >= 1 (3 for production) [cluster-has-controller]",
  ],
  'controllerQuorumEven | 4 controllers': [
    '[test/c] warning: nodePools = [3,4,5,6]: 4 controllers tolerate 1 failure(s), as 3 would. Fix: run 3 or 5 controllers [controller-quorum-even]',
  ],
  'controllerQuorumSingle | 1 controller': [
    '[test/c] warning: nodePools = [3]: one controller: the cluster stops when it does. Fix: run 3 controllers (5 for large clusters) [controller-quorum-single]',
  ],
  'nodeIdsValid | node IDs -1 and a repeat': [
    '[test/c/broker] nodeIds[0] = -1: not an integer from 0 to 2147483647. Fix: list each node ID of the pool once, as non-negative integers [node-ids-valid]',
    '[test/c/broker] nodeIds[2] = 1: listed twice. Fix: list each node ID of the pool once, as non-negative integers [node-ids-valid]',
  ],
  'nodeIdsUnique | ID 2 in two pools': [
    "[test/c/controller] nodeIds = 2: node ID 2 is declared by pool 'broker' too. Fix: give every node ID to one pool only [node-ids-unique]",
  ],
  "nodeIdsOutsideRanges | ID 150 in broker's range": [
    "[test/c/controller] nodeIds = 150: node ID 150 lies in pool 'broker''s scale-up range 100-199. Fix: set scaleUpNodeIds on pool 'broker' to a range that avoids 150 [node-ids-outside-ranges]",
    "[test/c/controller] nodeIds = 151: node ID 151 lies in pool 'broker''s scale-up range 100-199. Fix: set scaleUpNodeIds on pool 'broker' to a range that avoids 151 [node-ids-outside-ranges]",
    "[test/c/controller] nodeIds = 152: node ID 152 lies in pool 'broker''s scale-up range 100-199. Fix: set scaleUpNodeIds on pool 'broker' to a range that avoids 152 [node-ids-outside-ranges]",
  ],
  'scaleUpRangeValid | range 10-5': [
    '[test/c/broker] scaleUpNodeIds = {"from":10,"to":5}: not a range of integers with 0 <= from <= to <= 2147483647. Fix: give { from, to } with 0 <= from <= to <= 2147483647 [scale-up-range-valid]',
  ],
  'scaleUpRangesDisjoint | controller range overlapping broker range': [
    '[test/c/controller] scaleUpNodeIds = {"from":150,"to":160}: scale-up range 150-160 overlaps pool \'broker\'\'s 100-199. Fix: give each pool a scale-up range of its own [scale-up-ranges-disjoint]',
  ],
  'scaleUpRangeCapacity | 5 replicas, 3 IDs, a range of 1': [
    '[test/c/broker] replicas = 5: 5 replicas need more IDs than the 3 declared plus scale-up range 500-500 hold. Fix: declare more nodeIds or widen scaleUpNodeIds [scale-up-range-capacity]',
  ],
  'nodeIdsLocked | the lock has brokers 0-2; nodeIds declares 7-9': [
    '[test/c/broker] nodeIds = [7,8,9]: would move node ID(s) 0, 1, 2 (dist/app: [0-2]) to [7-9]: a moved ID is a node that loses its data and identity. Fix: keep nodeIds [0, 1, 2] (add IDs for new nodes; lower replicas to remove the highest) [node-ids-locked]',
  ],
  'podNameLength | a 60-character cluster name': [
    '[test/c/broker] name = "cxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-broker-199": pod name cxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-broker-199 is 71 characters, over the 63 of a host name. Fix: shorten the cluster or pool name [pod-name-length]',
    '[test/c/controller] name = "cxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-controller-299": pod name cxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-controller-299 is 75 characters, over the 63 of a host name. Fix: shorten the cluster or pool name [pod-name-length]',
  ],
  'storageVolumes | JBOD without volumes': [
    '[test/c/broker] storage.volumes = []: JBOD storage has no volumes. Fix: pass at least one JbodVolume to Storage.jbod() [storage-volumes]',
  ],
  'storageVolumeId | volume ID -1': [
    '[test/c/broker] storage.volumes[0].id = -1: not a non-negative integer. Fix: number JBOD volumes 0, 1, 2, ... [storage-volume-id]',
  ],
  'storageVolumeIdUnique | volume ID 0 twice': [
    '[test/c/broker] storage.volumes[1].id = 0: this volume ID is used twice. Fix: give every JBOD volume its own ID [storage-volume-id-unique]',
  ],
  "storageSize | size '100GB'": [
    '[test/c/broker] storage.size = "100GB": not a positive Kubernetes quantity. Fix: write a quantity such as \'100Gi\' [storage-size]',
  ],
  "storageSize | sizeLimit '1 Gi'": [
    '[test/c/broker] storage.sizeLimit = "1 Gi": not a positive Kubernetes quantity. Fix: write a quantity such as \'100Gi\' [storage-size]',
  ],
  'storageKraftMetadata | two metadata volumes': [
    '[test/c/broker] storage.volumes = [0,1]: more than one volume has kraftMetadata. Fix: mark exactly one volume with kraftMetadata: true [storage-kraft-metadata]',
  ],
  "storageClassName | class 'Fast_SSD'": [
    '[test/c/broker] storage.storageClass = "Fast_SSD": not a StorageClass name (a lower-case DNS subdomain). Fix: use the name `kubectl get storageclass` shows [storage-class-name]',
  ],
  'storageSelector | selector with a space': [
    '[test/c/broker] storage.selector[\'disk type\'] = "ssd": not a valid label key and value. Fix: use label keys like `example.com/disk` and values of at most 63 letters, digits, -, _ or . [storage-selector]',
  ],
  'storageEphemeral | ephemeral brokers': [
    '[test/c/broker] warning: storage = "ephemeral": ephemeral volumes are emptyDirs: a restarted pod starts empty. Fix: use persistent-claim volumes outside development [storage-ephemeral]',
  ],
  'storageDeleteClaim | deleteClaim true': [
    '[test/c/broker] warning: storage.deleteClaim = true: the PersistentVolumeClaim is deleted with the cluster or when the pool scales down. Fix: leave deleteClaim false unless the data is disposable [storage-delete-claim]',
  ],
  "resourceQuantity | memory '8 GB'": [
    '[test/c/broker] resources.limits.memory = "8 GB": not a positive Kubernetes quantity. Fix: write e.g. \'8Gi\' [resource-quantity]',
  ],
  'resourceRequestWithinLimit | request 4 CPUs, limit 2': [
    '[test/c/broker] resources.requests.cpu = "4": above the limit 2000m. Fix: lower the request or raise the limit [resource-request-within-limit]',
  ],
  "jvmHeapSyntax | xmx '4GB'": [
    "[test/c/broker] jvmOptions.xmx = \"4GB\": not a JVM heap size. Fix: write e.g. '4g' or '512m' [jvm-heap-syntax]",
  ],
  'jvmXmsWithinXmx | xms 4g, xmx 2g': [
    '[test/c/broker] jvmOptions.xms = "4g": above -Xmx 2g. Fix: make -Xms at most -Xmx (equal is common) [jvm-xms-within-xmx]',
  ],
  'jvmHeapWithinLimit | xmx 8g, limit 8Gi': [
    '[test/c/broker] jvmOptions.xmx = "8g": not below the memory limit 8Gi; the container is killed before the heap fills. Fix: keep -Xmx at about half to three quarters of the memory limit [jvm-heap-within-limit]',
  ],
  'listenerPresent | no listener': [
    "[test/c] listeners = []: the cluster has no listener. Fix: add one, e.g. { name: 'plain', port: 9092 } [listener-present]",
  ],
  "listenerName | name 'external-1'": [
    '[test/c] listeners[0].name = "external-1": not 1 to 11 lower-case letters or digits. Fix: rename the listener, e.g. \'external\' [listener-name]',
  ],
  'listenerName | a 13-character name': [
    '[test/c] listeners[0].name = "averylongname": not 1 to 11 lower-case letters or digits. Fix: rename the listener, e.g. \'external\' [listener-name]',
  ],
  "listenerNameUnique | two listeners named 'plain'": [
    '[test/c/plain-listener] name = "plain": another listener has this name. Fix: give every listener its own name [listener-name-unique]',
  ],
  'listenerPort | port 9091': [
    '[test/c] listeners[0].port = 9091: not an integer from 9092 to 65535. Fix: pick a free port such as 9092, 9093 or 9094 [listener-port]',
  ],
  'listenerPortReserved | port 9404': [
    '[test/c] listeners[0].port = 9404: Strimzi uses 9404 and 9999 for metrics and JMX. Fix: pick a free port such as 9092, 9093 or 9094 [listener-port-reserved]',
  ],
  'listenerPortReserved | port 9999': [
    '[test/c] listeners[0].port = 9999: Strimzi uses 9404 and 9999 for metrics and JMX. Fix: pick a free port such as 9092, 9093 or 9094 [listener-port-reserved]',
  ],
  'listenerPortUnique | port 9092 twice': [
    "[test/c] listeners[1].port = 9092: listener 'plain' uses this port already. Fix: give every listener its own port [listener-port-unique]",
  ],
  "listenerType | type 'nodeport' on an internal listener": [
    "[test/c] listeners[0].type = \"nodeport\": not an internal listener type. Fix: use 'internal' or 'cluster-ip' (external access: addNodePortListener) [listener-type]",
  ],
  "authenticationType | 'oauth' on v1": [
    '[test/c] listeners[0].authentication.type = "oauth": kafka.strimzi.io/v1 has no such authentication type. Fix: use one of tls, scram-sha-512, custom [authentication-type]',
  ],
  "authenticationType | 'kerberos'": [
    '[test/c] listeners[0].authentication.type = "kerberos": not a listener authentication type. Fix: use one of tls, scram-sha-512, oauth, custom [authentication-type]',
  ],
  'authenticationTlsNeedsTls | mTLS on a plain listener': [
    '[test/c] listeners[0].tls = false: TLS client authentication needs an encrypted listener. Fix: set tls: true on the listener [authentication-tls-needs-tls]',
  ],
  'authenticationOptionsKnown | an unknown option': [
    '[test/c] listeners[0].authentication.options.saslMechanism: kafka.strimzi.io/v1 has no such field (Strimzi 1.2.0). Fix: remove it, or target a Strimzi release whose API has it [authentication-options-known]',
  ],
  'externalPlaintext | external without TLS': [
    '[test/c/external-listener] warning: tls = false: clients outside the cluster connect without encryption. Fix: remove tls: false (TLS is the default; clients then trust the cluster CA) [external-plaintext]',
  ],
  'externalUnauthenticated | external without authentication': [
    "[test/c/external-listener] warning: authentication: anyone who reaches the load balancer can produce and consume. Fix: remove authentication: 'none' (the default is scram-sha-512) [external-unauthenticated]",
  ],
  'bootstrapNodePort | bootstrap NodePort 8080': [
    '[test/c/external-listener] bootstrapNodePort = 8080: not an integer from 30000 to 32767. Fix: pick a NodePort from 30000 to 32767 [bootstrap-node-port]',
  ],
  'nodePortBase | NodePort base 29999': [
    '[test/c/external-listener] nodePortBase = 29999: not an integer from 30000 to 32767. Fix: pick a NodePort from 30000 to 32767 [node-port-base]',
  ],
  'brokerNodePort | derived NodePorts above 32767': [
    "[test/c/external-listener] nodePortBase = 32768: the NodePort of listener 'external' broker 1 (nodePortBase + node ID) is outside 30000-32767. Fix: lower nodePortBase or give the broker a nodePort in range [broker-node-port]",
    "[test/c/external-listener] nodePortBase = 32769: the NodePort of listener 'external' broker 2 (nodePortBase + node ID) is outside 30000-32767. Fix: lower nodePortBase or give the broker a nodePort in range [broker-node-port]",
  ],
  'brokerNodePort | an override NodePort 80': [
    '[test/c/external-listener] brokers[0].nodePort = 80: not an integer from 30000 to 32767. Fix: pick a NodePort from 30000 to 32767 [broker-node-port]',
  ],
  "nodePortsUnique | broker 2 on the bootstrap's NodePort": [
    "[test/c/external-listener] brokers[2].nodePort = 32100: the NodePort of listener 'external' broker 2 is already taken by listener 'external' bootstrap. Fix: give every bootstrap and broker its own NodePort (change nodePortBase or the override) [node-ports-unique]",
  ],
  'nodePortsUniqueInApp | two clusters on one NodePort range': [
    '[test/b/external-listener] bootstrapNodePort = 32100: the NodePort of bootstrap is also used by cluster test/a. Fix: give each cluster its own NodePort range (bootstrapNodePort and nodePortBase) [node-ports-unique-in-app]',
    '[test/b/external-listener] nodePortBase = 32101: the NodePort of broker 0 is also used by cluster test/a. Fix: give each cluster its own NodePort range (bootstrapNodePort and nodePortBase) [node-ports-unique-in-app]',
    '[test/b/external-listener] nodePortBase = 32102: the NodePort of broker 1 is also used by cluster test/a. Fix: give each cluster its own NodePort range (bootstrapNodePort and nodePortBase) [node-ports-unique-in-app]',
    '[test/b/external-listener] nodePortBase = 32103: the NodePort of broker 2 is also used by cluster test/a. Fix: give each cluster its own NodePort range (bootstrapNodePort and nodePortBase) [node-ports-unique-in-app]',
  ],
  "advertisedHost | host 'kafka_example.com'": [
    '[test/c/external-listener] advertisedHost = "kafka_example.com": not a host name or IP address. Fix: give the DNS name or IP clients connect to, e.g. \'kafka.example.com\' [advertised-host]',
  ],
  'advertisedPort | advertised port 70000': [
    '[test/c/external-listener] brokers[1].advertisedPort = 70000: not an integer from 1 to 65535. Fix: use a TCP port from 1 to 65535 [advertised-port]',
  ],
  'advertisedAddressUnique | brokers 0 and 1 on one port': [
    '[test/c/external-listener] brokers[1] = "kafka.example.com:8091": broker 1 advertises the address of listener \'external\' broker 0; clients would reach the wrong broker. Fix: give every broker its own advertised host or port [advertised-address-unique]',
  ],
  "advertisedAddressUnique | broker 1 advertises the bootstrap's address": [
    '[test/c/external-listener] brokers[1] = "kafka.example.com:9094": broker 1 advertises the address of listener \'external\' bootstrap; clients would reach the wrong broker. Fix: give every broker its own advertised host or port [advertised-address-unique]',
  ],
  'advertisedAddressUnique | two clusters on one host and ports': [
    '[two/b/external-listener] brokers[0] = "kafka.example.com:8091": also advertised by cluster one/a. Fix: give each cluster its own advertised host or ports [advertised-address-unique]',
    '[two/b/external-listener] brokers[1] = "kafka.example.com:8092": also advertised by cluster one/a. Fix: give each cluster its own advertised host or ports [advertised-address-unique]',
    '[two/b/external-listener] brokers[2] = "kafka.example.com:8093": also advertised by cluster one/a. Fix: give each cluster its own advertised host or ports [advertised-address-unique]',
  ],
  'brokerOverrideIsBroker | an override for controller 3': [
    '[test/c/external-listener] brokers[3] = 3: no broker has this node ID (brokers: 0, 1, 2); the operator would ignore the override. Fix: key overrides by a broker node ID, or remove the entry [broker-override-is-broker]',
  ],
  "brokerOverrideIsBroker | keys '01' and '1' for the same broker": [
    '[test/c/external-listener] brokers[01] = "01": not a node ID. Fix: key per-broker overrides by the broker\'s node ID (0, 1, 2, ...) [broker-override-is-broker]',
  ],
  "externalTrafficPolicy | policy 'Any'": [
    "[test/c/external-listener] externalTrafficPolicy = \"Any\": neither 'Cluster' nor 'Local'. Fix: use 'Cluster' [external-traffic-policy]",
  ],
  "configForbidden | 'listeners' on 1.2.0": [
    "[test/c] config['listeners'] = \"PLAINTEXT://:9092\": Strimzi 1.2.0 manages 'listeners*' keys itself (in any case) and would drop this one silently. Fix: remove it; configure it through the typed props (listeners, authentication, storage) instead [config-forbidden]",
  ],
  "configForbidden | 'prometheus.metrics.reporter.enabled' on 0.48.0": [
    "[test/c] config['prometheus.metrics.reporter.enabled'] = true: Strimzi 0.48.0 manages 'prometheus.metrics.reporter.*' keys itself (in any case) and would drop this one silently. Fix: remove it; configure it through the typed props (listeners, authentication, storage) instead [config-forbidden]",
  ],
  "configForbidden | 'broker.session.timeout.ms' on 0.45.2 (allowed from 0.48.0)": [
    "[test/c] config['broker.session.timeout.ms'] = 9000: Strimzi 0.45.2 manages 'broker.*' keys itself (in any case) and would drop this one silently. Fix: remove it; configure it through the typed props (listeners, authentication, storage) instead [config-forbidden]",
  ],
  "configReplicationKeys | 'min.insync.replicas' in config": [
    "[test/c] config['min.insync.replicas'] = 1: replication settings are computed from the broker count. Fix: set replication.factor / replication.minInSyncReplicas instead [config-replication-keys]",
  ],
  'replicationFactor | factor 4 with 3 brokers': [
    '[test/c] replication.factor = 4: exceeds the 3 broker(s); topic creation would fail. Fix: add brokers or set replication.factor to at most 3 [replication-factor]',
  ],
  'replicationFactor | factor 0': [
    '[test/c] replication.factor = 0: not a positive integer. Fix: use 3 for production [replication-factor]',
  ],
  'minInSyncReplicas | min ISR 4 with factor 3': [
    '[test/c] replication.minInSyncReplicas = 4: not from 1 to the replication factor 3. Fix: use replication factor - 1 [min-insync-replicas]',
  ],
  'minInSyncEqualsFactor | min ISR 3 with factor 3': [
    '[test/c] warning: replication.minInSyncReplicas = 3: equal to the replication factor: acks=all producers fail while any replica is down. Fix: use replication factor - 1 [min-insync-equals-factor]',
  ],
  'replicationFactorLow | factor 2 with 3 brokers': [
    '[test/c] warning: replication.factor = 2: with 3 brokers, a replication factor below 3 loses data more easily than it needs to. Fix: use replication.factor 3 [replication-factor-low]',
  ],
  'cruiseControlBrokers | Cruise Control with 1 broker': [
    '[test/c] cruiseControl = true: Cruise Control cannot balance 1 broker(s). Fix: run 2 or more brokers, or set cruiseControl: false [cruise-control-brokers]',
  ],
  "clusterName | cluster '1st-cluster'": [
    '[test/c] clusterName = "1st-cluster": not a DNS-1035 label (lower-case letters, digits and -, starting with a letter). Fix: rename the cluster, e.g. \'my-cluster\' [cluster-name]',
  ],
  'serviceNameLength | a long cluster and listener name': [
    '[test/c/externalabc-listener] name = "kxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-kafka-externalabc-bootstrap": the operator would create Service kxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-kafka-externalabc-bootstrap, 74 characters (63 at most). Fix: shorten the cluster, pool or listener name [service-name-length]',
    '[test/c/externalabc-listener] name = "kxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-broker-externalabc-0": the operator would create Service kxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-broker-externalabc-0, 67 characters (63 at most). Fix: shorten the cluster, pool or listener name [service-name-length]',
    '[test/c/externalabc-listener] name = "kxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-broker-externalabc-1": the operator would create Service kxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-broker-externalabc-1, 67 characters (63 at most). Fix: shorten the cluster, pool or listener name [service-name-length]',
    '[test/c/externalabc-listener] name = "kxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-broker-externalabc-2": the operator would create Service kxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-broker-externalabc-2, 67 characters (63 at most). Fix: shorten the cluster, pool or listener name [service-name-length]',
  ],
  "namespaceName | namespace 'Kafka'": [
    '[ns/c] namespace = "Kafka": the chart\'s namespace is not a DNS label. Fix: use lower-case letters, digits and - [namespace-name]',
  ],
  'templateFieldsKnown | a field v1beta2 lacks': [
    '[test/c/broker] template.pod.bogusField: kafka.strimzi.io/v1beta2 has no such field (Strimzi 0.48.0). Fix: remove it, or target a Strimzi release whose API has it [template-fields-known]',
  ],
  'lbWorkers | no workers': [
    '[test/c/lb] shape.externalHost.workers = []: no worker nodes are given. Fix: list the address of every worker node that runs kube-proxy [lb-workers]',
  ],
  "lbWorkerAddress | worker '10.0.0.1:32100'": [
    '[test/c/lb] shape.externalHost.workers[0] = "10.0.0.1:32100": not an IP address or host name. Fix: give the worker\'s IP address or DNS name [lb-worker-address]',
  ],
  "lbWorkerAddress | listen address 'any'": [
    '[test/c/lb] shape.externalHost.listenAddress = "any address": not an address. Fix: give an IP address of the nginx host, or omit it [lb-worker-address]',
  ],
  'lbWorkerUnique | a worker listed twice': [
    '[test/c/lb] shape.externalHost.workers[2] = "10.0.0.1": listed twice (also at [0]). Fix: list every worker once [lb-worker-unique]',
  ],
  'lbListener | no nodeport listener': [
    '[test/c/lb] listener = []: the cluster has no external nodeport listener to balance. Fix: add one with addNodePortListener, or remove the load balancer [lb-listener]',
  ],
  'lbListener | an unknown listener name': [
    '[test/c/lb] listener = "nope": the cluster has no nodeport listener of this name. Fix: use one of: external [lb-listener]',
  ],
  'lbListener | two nodeport listeners, none named': [
    '[test/c/lb] listener = ["external","b"]: the cluster has 2 nodeport listeners. Fix: name the one to balance with the listener option [lb-listener]',
  ],
  "lbListenPortsUnique | bootstrap port = broker 1's port": [
    '[test/c/lb] listenPorts = 8092: the port of broker 1 is also the port of the bootstrap; nginx cannot listen twice on it. Fix: give the bootstrap (bootstrapPort) and every broker (advertisedPortBase or brokers[id].advertisedPort) its own port [lb-listen-ports-unique]',
  ],
  'lbListenPortsAcross | two load balancers on port 8093': [
    "[test/c/b] listenPorts = 8093: also a listen port of load balancer 'a'. Fix: give the listeners of each load balancer their own bootstrap and advertised ports, or different listenAddress values [lb-listen-ports-across]",
  ],
  "lbTrafficPolicy | policy 'Local' behind an external host": [
    "[test/c/lb] shape.externalHost.workers = [\"10.0.0.1\",\"10.0.0.2\"]: listener 'external' has externalTrafficPolicy 'Local': only the worker running a broker answers on its NodePort, so forwarding to every worker fails. Fix: set externalTrafficPolicy: 'Cluster' on the listener [lb-traffic-policy]",
  ],
  'lbUnprivilegedPorts | in-cluster bootstrap port 443': [
    '[test/c/lb] listenPorts = 443: below 1024; the non-root nginx cannot listen on it. Fix: use advertised and bootstrap ports of 1024 or above [lb-unprivileged-ports]',
  ],
  'lbNodePortService | a NodePort Service on port 8091': [
    "[test/c/lb] shape.inCluster.serviceType = 8091: a NodePort Service exposes this port as a NodePort, outside 30000-32767. Fix: use serviceType 'LoadBalancer', or advertised and bootstrap ports inside the NodePort range [lb-node-port-service]",
    "[test/c/lb] shape.inCluster.serviceType = 8092: a NodePort Service exposes this port as a NodePort, outside 30000-32767. Fix: use serviceType 'LoadBalancer', or advertised and bootstrap ports inside the NodePort range [lb-node-port-service]",
    "[test/c/lb] shape.inCluster.serviceType = 8093: a NodePort Service exposes this port as a NodePort, outside 30000-32767. Fix: use serviceType 'LoadBalancer', or advertised and bootstrap ports inside the NodePort range [lb-node-port-service]",
  ],
  "lbNodePortService | service type 'ClusterIP'": [
    "[test/c/lb] shape.inCluster.serviceType = \"ClusterIP\": neither 'LoadBalancer' nor 'NodePort'. Fix: use 'LoadBalancer' [lb-node-port-service]",
  ],
  'lbTuning | maxFails -1': [
    '[test/c/lb] maxFails = -1: not an integer from 0 to 1000. Fix: use 0 (never mark a server down) or a small count such as 3 [lb-tuning]',
  ],
  'lbTuning | proxyTimeout 500 ms': [
    '[test/c/lb] proxyTimeout = "500ms": not a whole number of seconds from 1 to 604800 (a week). Fix: use Duration.seconds(n) with 1 <= n <= 604800 [lb-tuning]',
  ],
  'lbTuning | 0 replicas': [
    '[test/c/lb] shape.inCluster.replicas = 0: not an integer from 1 to 100. Fix: run at least one nginx replica (two for availability) [lb-tuning]',
  ],
  'lbFileNamesUnique | two clusters named alike in two namespaces of one app': [
    '[one/c/lb] files = "c-external-lb.*.conf": load balancer two/c/lb writes files of these names too (every chart of an app writes into one folder). Fix: give the clusters (clusterName) or listeners (name) of these load balancers distinct names [lb-file-names-unique]',
    '[two/c/lb] files = "c-external-lb.*.conf": load balancer one/c/lb writes files of these names too (every chart of an app writes into one folder). Fix: give the clusters (clusterName) or listeners (name) of these load balancers distinct names [lb-file-names-unique]',
  ],
  'lbConnectTimeoutLong | proxyConnectTimeout 300 s (the seed)': [
    '[test/c/lb] warning: proxyConnectTimeout = "300s": a worker that silently drops packets holds each client this long before nginx tries the next one; Kafka clients give up after 10 s. Fix: leave the default (2 s) or use at most 5 s [lb-connect-timeout-long]',
  ],
  'lbSingleReplica | 1 replica': [
    '[test/c/lb] warning: shape.inCluster.replicas = 1: clients lose the cluster while the one nginx pod restarts. Fix: run 2 or more replicas [lb-single-replica]',
  ],
  'lbPodRestricted | a sidecar added through cdk8s-plus with its defaults': [
    '[test/c/lb] warning: deployment.spec.template.spec.containers[1].securityContext.capabilities.drop: breaks Pod ' +
      'Security "restricted" (capabilities); a namespace that enforces it refuses the nginx pods. Fix: drop ALL: ' +
      "capabilities: { drop: ['ALL'] } [lb-pod-restricted]",
  ],
};
const EXPECTED: Record<string, string[]> = {
  ...BASE_EXPECTED,
  ...INPUT_EXPECTED,
  ...CONFIG_EXPECTED,
  ...KIND_EXPECTED,
  ...LISTENER_EXPECTED,
  ...METRICS_EXPECTED,
  ...CLIENT_METRICS_EXPECTED,
  ...CRUISE_EXPECTED,
};

describe('rule catalogue', () => {
  test.each(
    [...RULE_CASES, ...SECURITY_RULE_CASES, ...KIND_RULE_CASES].map((c) => [`${c.rule} | ${c.name}`, c] as const),
  )('%s', (key, c) => {
    // GIVEN a bad input for the rule
    const root = c.build();
    const rule = RULES[c.rule];

    // WHEN the app's findings are collected
    const found = findProblems(root)
      .filter((p) => p.rule === rule)
      .map(formatProblem);

    // THEN they are exactly the expected messages
    expect(found).toEqual({ ...EXPECTED, ...SECURITY_EXPECTED }[key]);
    // and errors fail cdk8s validation (synth), while warnings do not
    const errors = validationErrors(root);
    for (const message of found) {
      expect(
        errors.some(
          (e) => message.endsWith(e.slice(e.indexOf('] ') + 2)) && message.startsWith(e.slice(0, e.indexOf('] ') + 1)),
        ),
      ).toBe(rule.severity === 'error');
    }
  });

  test('every rule has at least one bad input', () => {
    const tested = new Set([...RULE_CASES, ...SECURITY_RULE_CASES, ...KIND_RULE_CASES].map((c) => RULES[c.rule].id));
    expect(RULE_LIST.filter((r) => !tested.has(r.id)).map((r) => r.id)).toEqual([]);
    expect(RULE_LIST.length).toBeGreaterThanOrEqual(60);
  });

  test('rule IDs are unique', () => {
    expect(new Set(RULE_LIST.map((r) => r.id)).size).toBe(RULE_LIST.length);
  });

  test('a valid, secure cluster has no findings at all', () => {
    const chart = Testing.chart();
    new KraftCluster(chart, 'c', {
      nodePools: pools,
      listeners: [{ name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } }],
      nodePortListeners: [
        {
          bootstrapNodePort: 32100,
          advertisedHost: 'kafka.example.com',
          tls: true,
          authentication: { type: 'scram-sha-512' },
        },
      ],
    });
    expect(findProblems(chart).map(formatProblem)).toEqual([]);
  });

  test('all problems of a synth are reported together, and synth fails', () => {
    // GIVEN a cluster with problems in the cluster, a pool and a listener
    const app = Testing.app();
    const chart = new Chart(app, 'app');
    new KraftCluster(chart, 'c', {
      nodePools: { broker: { ...broker, replicas: -1 } },
      replication: { factor: 5 },
      nodePortListeners: [
        { bootstrapNodePort: 8080, advertisedHost: 'kafka.example.com', tls: true, authentication: { type: 'tls' } },
      ],
    });

    // WHEN / THEN every error is in the one failure
    expect(() => app.synth()).toThrow(
      [
        'Validation failed with the following errors:',
        // (not also "no broker node": the broker pool's replicas are the one mistake there)
        "  [app/c] nodePools = []: the cluster has no controller node. Fix: add a node pool with role 'controller' and replicas >= 1 (3 for production) [cluster-has-controller]",
        '  [app/c/broker] replicas = -1: not an integer from 0 to 1000. Fix: give the number of nodes, 0 or more [pool-replicas]',
        '  [app/c/external-listener] bootstrapNodePort = 8080: not an integer from 30000 to 32767. Fix: pick a NodePort from 30000 to 32767 [bootstrap-node-port]',
      ].join('\n'),
    );
  });

  test('duplicate construct names cannot be built and throw at once', () => {
    const chart = Testing.chart();
    const cluster = new KraftCluster(chart, 'c', { nodePools: pools });
    expect(() => cluster.addNodePool('broker', broker)).toThrow(
      '[test/c] nodePools[\'broker\'] = "broker": a node pool or other child has this name already. Fix: give every node pool its own name [pool-name]',
    );
  });
});

describe('one mistake, one finding: no follow-on errors for fields the user did not set', () => {
  const errorsOf = (root: IConstruct) =>
    findProblems(root)
      .filter((p) => p.rule.severity === 'error')
      .map((p) => `${p.rule.id} ${p.field}`);

  test('a bootstrap NodePort out of range does not also blame the derived nodePortBase', () => {
    // GIVEN a nodeport listener whose only mistake is its bootstrap NodePort
    const chart = Testing.chart();
    new KraftCluster(chart, 'c', {
      nodePools: pools,
      nodePortListeners: [{ bootstrapNodePort: 80, advertisedHost: 'kafka.example.com', advertisedPortBase: 8091 }],
    });

    // THEN that is the one error
    expect(errorsOf(chart)).toEqual(['bootstrap-node-port bootstrapNodePort']);
  });

  test.each([
    ['null', null, ['prop-type props']],
    ['{}', {}, ['prop-type bootstrapNodePort', 'prop-type advertisedHost']],
    [
      "a bootstrap NodePort '32100'",
      { bootstrapNodePort: '32100', advertisedHost: 'a.example.com' },
      ['prop-type bootstrapNodePort'],
    ],
  ])(
    'a nodeport listener given %s is reported once, not again through the ports derived from it',
    (_, options, expected) => {
      // GIVEN a JavaScript caller passing a broken listener
      const chart = Testing.chart();
      const c = new KraftCluster(chart, 'c', { nodePools: pools });
      c.addNodePortListener(options as any);

      // THEN only the type findings, no derived port, address or syntax findings
      expect(errorsOf(chart)).toEqual(expected);
    },
  );

  test('a pool whose replicas are not a number does not also make the cluster brokerless', () => {
    // GIVEN replicas given as a string, as a JSON config might
    const chart = Testing.chart();
    new KraftCluster(chart, 'c', { nodePools: { ...pools, broker: { ...broker, replicas: '3' as any } } });

    // THEN the pool's replicas are reported, and nothing else
    expect(errorsOf(chart)).toEqual(['prop-type replicas']);
  });

  test.each([
    ["roles 'broker' (a string)", { roles: 'broker' }, ['prop-type roles']],
    ['roles [5]', { roles: [5] }, ['prop-type roles[0]']],
    ["roles ['brokr']", { roles: ['brokr'] }, ['pool-roles-valid roles']],
    ['replicas -1', { replicas: -1 }, ['pool-replicas replicas']],
  ])('a pool of both roles given %s is that one error, not also a brokerless and controllerless cluster', (_, p, e) => {
    // GIVEN the only pool of the cluster, with one mistake
    const chart = Testing.chart();
    new KraftCluster(chart, 'c', {
      nodePools: { dual: { ...broker, roles: ['broker', 'controller'], ...(p as any) } },
    });

    // THEN
    expect(errorsOf(chart)).toEqual(e);
  });

  test.each([
    ['port -1', { port: -1 }, ['listener-port port']],
    ['nodePortBase -1', { nodePortBase: -1 }, ['node-port-base nodePortBase']],
    ['advertisedPortBase -1', { advertisedPortBase: -1 }, ['advertised-port advertisedPortBase']],
    [
      'advertisedPortBase 65535',
      { advertisedPortBase: 65535 },
      ['advertised-port advertisedPortBase', 'advertised-port advertisedPortBase'],
    ],
  ])('a nodeport listener with %s: the base is reported, not again each port derived from it', (_, o, expected) => {
    // GIVEN a nodeport listener with one wrong port or base
    const chart = Testing.chart();
    const ok = { bootstrapNodePort: 32100, advertisedHost: 'kafka.example.com', advertisedPortBase: 8091 };
    new KraftCluster(chart, 'c', { nodePools: pools, nodePortListeners: [{ ...ok, ...o }] });

    // THEN (a valid base whose sum with a node ID is no port is reported per broker, brokers 1 and 2)
    expect(errorsOf(chart)).toEqual(expected);
  });

  test.each([
    [
      'a worker 5',
      () => LoadBalancerShape.externalHost({ workers: [5 as any] }),
      ['prop-type shape.externalHost.workers[0]'],
    ],
    ['a JBOD volume 5', undefined, ['prop-type storage.volumes[0]']],
  ])('a list given %s: the entry is reported, not also the list as empty', (name, shape, expected) => {
    // GIVEN
    const chart = Testing.chart();
    if (shape) {
      const c = new KraftCluster(chart, 'c', { nodePools: pools, nodePortListeners: [external] });
      c.addLoadBalancer('lb', { shape: shape() });
    } else {
      const storage = Storage.jbod(5 as any);
      new KraftCluster(chart, 'c', { nodePools: { ...pools, broker: { ...broker, storage } } });
    }

    // THEN
    expect([name, errorsOf(chart)]).toEqual([name, expected]);
  });

  test("a range whose 'from' is no integer is that finding, not also a range that is not one", () => {
    // GIVEN
    const chart = Testing.chart();
    const scaleUpNodeIds = { from: '100' as any, to: 110 };
    new KraftCluster(chart, 'c', { nodePools: { ...pools, broker: { ...broker, scaleUpNodeIds } } });

    // THEN
    expect(errorsOf(chart)).toEqual(['prop-type scaleUpNodeIds.from']);
  });

  test('a replication factor that is no count is not also blamed on a valid minInSyncReplicas', () => {
    // GIVEN
    const chart = Testing.chart();
    new KraftCluster(chart, 'c', { nodePools: pools, replication: { factor: -1, minInSyncReplicas: 2 } });

    // THEN
    expect(errorsOf(chart)).toEqual(['replication-factor replication.factor']);
  });

  test('controllers whose replicas are a string do not also make the cluster controllerless', () => {
    const chart = Testing.chart();
    new KraftCluster(chart, 'c', {
      nodePools: { ...pools, controller: { ...pools.controller, replicas: '3' as any } },
    });
    expect(errorsOf(chart)).toEqual(['prop-type replicas']);
  });
});

describe('host and address syntax (one helper for advertised hosts and workers)', () => {
  test.each([
    ['kafka.example.com', {}, true],
    ['10.0.0.1', {}, true],
    ['b0.kafka.example.com', {}, true],
    ['kafka_example.com', {}, false],
    ['a..b', {}, false],
    ['-a.com', {}, false],
    [`${'a'.repeat(64)}.com`, {}, false],
    ['fd00::1', {}, false],
    ['fd00::1', { ipv6: true }, true],
    ['10.0.0.1:32100', { ipv6: true }, false],
  ])('%s %j -> %s', (value, options, ok) => {
    expect(isHostOrIp(value, options)).toBe(ok);
  });
});
