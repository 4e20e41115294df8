import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import {
  KafkaTopic,
  KafkaTopicProps,
  KafkaUser,
  KafkaUserProps,
  KraftCluster,
  KraftClusterProps,
  JbodVolume,
  Storage,
  StrimziCrds,
  StrimziOperator,
} from '../../lib';
import type { RuleCase } from './rule-cases';

// Bad inputs for the rules of issue 17: Kafka's config definitions and the Strimzi semantics users and
// topics missed (test/rules.test.ts runs them against CONFIG_EXPECTED).

const storage = Storage.persistentClaim({ size: '10Gi' });
const pools = {
  broker: { roles: ['broker' as const], replicas: 3, storage },
  controller: { roles: ['controller' as const], replicas: 3, storage },
};
const secure: KraftClusterProps = {
  nodePools: pools,
  listeners: [
    { name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } },
    { name: 'scram', port: 9094, tls: true, authentication: { type: 'scram-sha-512' } },
  ],
  authorization: { type: 'simple' },
};

const cluster = (props: KraftClusterProps) => {
  const chart = Testing.chart();
  new KraftCluster(chart, 'c', { ...secure, ...props });
  return chart;
};
const topic = (props: Partial<KafkaTopicProps>, clusterProps: KraftClusterProps = {}) => {
  const chart = Testing.chart();
  const c = new KraftCluster(chart, 'c', { ...secure, ...clusterProps });
  new KafkaTopic(chart, 'orders', { cluster: c, ...props });
  return chart;
};
const user = (props: Partial<KafkaUserProps>) => {
  const chart = Testing.chart();
  const c = new KraftCluster(chart, 'c', secure);
  new KafkaUser(chart, 'u', { cluster: c, authentication: { type: 'scram-sha-512' }, ...props });
  return chart;
};
const operator = (props: object) => {
  const app = Testing.app();
  new StrimziOperator(new Chart(app, 'ops'), 'strimzi', {
    resources: { limits: { memory: '512Mi' } },
    watchNamespaces: ['kafka'],
    ...props,
  });
  return app;
};
/** Two clusters in namespace `kafka`, each with a user `app` and a topic `orders`. */
const twoClusters = () => {
  const chart = new Chart(Testing.app(), 'kafka', { namespace: 'kafka' });
  for (const name of ['a', 'b']) {
    const c = new KraftCluster(chart, name, {
      ...secure,
      nodePools: { [`${name}-broker`]: pools.broker, [`${name}-controller`]: pools.controller },
    });
    new KafkaUser(chart, `${name}-app`, { cluster: c, userName: 'app', authentication: { type: 'scram-sha-512' } });
    new KafkaTopic(chart, `${name}-orders`, { cluster: c, topicName: 'orders' });
  }
  return chart;
};
/** StrimziCrds of 1.2.0 over a temporary file holding `yaml`. */
const crdsFrom = (name: string, yaml: string): App => {
  const dir = CRD_DIR(name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'crds.yaml'), yaml);
  const app: App = Testing.app();
  new StrimziCrds(new Chart(app, 'crds'), 'crds', { strimziVersion: '1.2.0', from: dir });
  return app;
};
const BUNDLE = [
  'apiVersion: v1',
  'kind: ServiceAccount',
  'metadata: { name: strimzi-cluster-operator }',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: { name: strimzi-cluster-operator }',
  'spec: {}',
].join('\n');
const ODD_CRD = [
  'apiVersion: apiextensions.k8s.io/v1',
  'kind: CustomResourceDefinition',
  'metadata: { name: kafkas.kafka.strimzi.io }',
  'spec: { group: kafka.strimzi.io, names: { kind: Kafka, plural: kafkas }, scope: Namespaced, versions: [] }',
].join('\n');
/** The temporary folder of a CRD case (the expected messages name it). */
export const CRD_DIR = (name: string) => path.join(os.tmpdir(), `cdk8s-strimzi-kraft-test-crds-${name}`);

export const CONFIG_RULE_CASES: RuleCase[] = [
  // Kafka's config catalogue: the examples of issue 17
  {
    rule: 'topicConfigUnknown',
    name: "a typo 'cleanup.polciy'",
    build: () => topic({ config: { 'cleanup.polciy': 'compact' } }),
  },
  {
    rule: 'topicConfigUnknown',
    name: "the broker key 'log.retention.hours' on a topic",
    build: () => topic({ config: { 'log.retention.hours': 168 } }),
  },
  {
    rule: 'topicConfigUnknown',
    name: "'remote.log.copy.disable' on Kafka 3.8 (a 3.9 key)",
    build: () =>
      topic({ config: { 'remote.log.copy.disable': true } }, { strimziVersion: '0.43.0', kafkaVersion: '3.8.0' }),
  },
  {
    rule: 'topicConfig',
    name: 'segment.bytes 524288 on Kafka 4.0 (minimum 1 MiB since 4.0, KIP-1030)',
    build: () => topic({ config: { 'segment.bytes': 524288 } }, { strimziVersion: '0.46.0', kafkaVersion: '4.0.0' }),
  },
  {
    rule: 'topicConfigRelation',
    name: 'min.compaction.lag.ms above max.compaction.lag.ms',
    build: () => topic({ config: { 'min.compaction.lag.ms': 7_200_000, 'max.compaction.lag.ms': '3600000' } }),
  },
  {
    rule: 'topicConfigRelation',
    name: 'remote.storage.enable on a cluster without tiered storage',
    build: () => topic({ config: { 'remote.storage.enable': true } }),
  },
  {
    rule: 'topicConfigRelation',
    name: 'local.retention.ms above retention.ms on a tiered, compacted topic',
    build: () =>
      topic(
        {
          config: {
            'remote.storage.enable': 'true',
            'retention.ms': 3_600_000,
            'local.retention.ms': 7_200_000,
            'cleanup.policy': 'delete,compact',
          },
        },
        { config: { 'remote.log.storage.system.enable': true } },
      ),
  },
  {
    rule: 'kafkaConfigUnknown',
    name: "a typo 'num.partitons' and the topic key 'retention.ms' in the cluster config",
    build: () => cluster({ config: { 'num.partitons': 6, 'retention.ms': 604_800_000 } }),
  },
  {
    rule: 'kafkaConfigValue',
    name: "log.retention.hours 'a week', compression.type 'GZIP', a long beyond 2^53",
    build: () =>
      cluster({
        config: { 'log.retention.hours': 'a week', 'compression.type': 'GZIP', 'log.retention.ms': 2 ** 60 },
      }),
  },
  // Strimzi semantics
  {
    rule: 'javaIntRange',
    name: 'producerByteRate 3000000000',
    build: () => user({ quotas: { producerByteRate: 3_000_000_000, requestPercentage: 200 } }),
  },
  {
    rule: 'javaIntRange',
    name: 'JBOD volume ID 3000000000',
    build: () =>
      cluster({
        nodePools: {
          ...pools,
          broker: {
            ...pools.broker,
            storage: Storage.jbod(JbodVolume.persistentClaim(3_000_000_000, { size: '1Gi' })),
          },
        },
      }),
  },
  {
    rule: 'userAuthenticationFields',
    name: 'a password on a TLS user',
    build: () => user({ authentication: { type: 'tls', password: { secretName: 'pw', key: 'password' } } as any }),
  },
  {
    rule: 'secretReference',
    name: "password Secret 'My_Secret', key 'pass word'",
    build: () =>
      user({ authentication: { type: 'scram-sha-512', password: { secretName: 'My_Secret', key: 'pass word' } } }),
  },
  {
    rule: 'secretReference',
    name: "imagePullSecrets 'Registry_Creds'",
    build: () => operator({ imagePullSecrets: ['Registry_Creds'] }),
  },
  {
    rule: 'authenticationFields',
    name: "'sasl' on a scram-sha-512 listener, OAuth's 'enablePlain' on a custom one (v1beta2)",
    build: () =>
      cluster({
        strimziVersion: '0.48.0',
        listeners: [
          { name: 'scram', port: 9094, tls: true, authentication: { type: 'scram-sha-512', options: { sasl: true } } },
          {
            name: 'custom',
            port: 9095,
            tls: true,
            authentication: { type: 'custom', options: { sasl: true, listenerConfig: {}, enablePlain: true } },
          },
        ],
      }),
  },
  {
    rule: 'aclResourceWildcard',
    name: "topic ACL 'orders-*'",
    build: () => user({ acls: [{ resource: { type: 'topic', name: 'orders-*' }, operations: ['Read'] }] }),
  },
  {
    rule: 'aclResourceWildcardLiteral',
    name: "group ACL 'app-*'",
    build: () => user({ acls: [{ resource: { type: 'group', name: 'app-*' }, operations: ['Read'] }] }),
  },
  {
    rule: 'superUserSyntax',
    name: "'User:admin' and 'alice;bob'",
    build: () => cluster({ authorization: { type: 'simple', superUsers: ['User:admin', 'alice;bob'] } }),
  },
  {
    rule: 'resourceNameUniqueInNamespace',
    name: "two clusters in namespace kafka, each with user 'app' and topic 'orders'",
    build: twoClusters,
  },
  {
    rule: 'operatorEnvManaged',
    name: 'env STRIMZI_NAMESPACE and STRIMZI_FEATURE_GATES',
    build: () => operator({ env: { STRIMZI_NAMESPACE: '*', STRIMZI_FEATURE_GATES: '+UseKRaft', MY_SETTING: 'x' } }),
  },
  { rule: 'operatorWatchEmpty', name: 'an empty watch list', build: () => operator({ watchNamespaces: [] }) },
  {
    rule: 'crdsContent',
    name: 'a folder holding the operator bundle',
    build: () => crdsFrom('bundle', BUNDLE),
  },
  {
    rule: 'crdsContent',
    name: 'a Kafka CRD that is no release of Strimzi',
    build: () => crdsFrom('odd', ODD_CRD),
  },
];

// What each bad input above must report (construct path, field, value, message, fix, rule).
export const CONFIG_EXPECTED: Record<string, string[]> = {
  "topicConfigUnknown | a typo 'cleanup.polciy'": [
    "[test/orders] config['cleanup.polciy'] = \"compact\": not a topic config of Kafka 4.3 (catalogue 4.2); the broker refuses the topic (unknown topic config). Fix: use 'cleanup.policy' (a comma-separated list of compact, delete) [topic-config-unknown]",
  ],
  "topicConfigUnknown | the broker key 'log.retention.hours' on a topic": [
    "[test/orders] config['log.retention.hours'] = 168: a broker config, not a topic config of Kafka 4.3 (catalogue 4.2); the broker refuses the topic (unknown topic config). Fix: set 'retention.ms' (a long from -1) instead, here 604800000, or set 'log.retention.hours' in the cluster's config for every topic [topic-config-unknown]",
  ],
  "topicConfigUnknown | 'remote.log.copy.disable' on Kafka 3.8 (a 3.9 key)": [
    "[test/orders] config['remote.log.copy.disable'] = true: not a topic config of Kafka 3.8 (Kafka 3.9 and later have it); the broker refuses the topic (unknown topic config). Fix: use a topic config of Kafka 3.8, or list 'remote.log.copy.disable' in uncheckedConfig with the reason (a newer Kafka's key) [topic-config-unknown]",
  ],
  'topicConfig | segment.bytes 524288 on Kafka 4.0 (minimum 1 MiB since 4.0, KIP-1030)': [
    "[test/orders] config['segment.bytes'] = 524288: below the minimum 1048576; Kafka 4.0 allows an int from 1048576 for segment.bytes. Fix: give an int from 1048576 (Kafka's default: 1073741824) [topic-config]",
  ],
  'topicConfigRelation | min.compaction.lag.ms above max.compaction.lag.ms': [
    "[test/orders] config['min.compaction.lag.ms'] = 7200000: min.compaction.lag.ms 7200000 is above max.compaction.lag.ms 3600000; Kafka refuses the topic (conflicting settings). Fix: set min.compaction.lag.ms to at most 3600000, or raise max.compaction.lag.ms [topic-config-relation]",
  ],
  'topicConfigRelation | remote.storage.enable on a cluster without tiered storage': [
    "[test/orders] config['remote.storage.enable'] = true: cluster 'c' has no tiered storage (its config does not set remote.log.storage.system.enable: true); Kafka refuses the topic. Fix: remove remote.storage.enable, or enable tiered storage on the cluster (remote.log.storage.system.enable and a remote storage manager) [topic-config-relation]",
  ],
  'topicConfigRelation | local.retention.ms above retention.ms on a tiered, compacted topic': [
    '[test/orders] config[\'remote.storage.enable\'] = "true": cleanup.policy "delete,compact" compacts; Kafka refuses remote storage for compacted topics. Fix: use cleanup.policy \'delete\' for a tiered topic, or remove remote.storage.enable [topic-config-relation]',
    "[test/orders] config['local.retention.ms'] = 7200000: local.retention.ms 7200000 keeps more on local disk than retention.ms 3600000 keeps in total; Kafka refuses the topic. Fix: set local.retention.ms to at most 3600000 (or -2 to follow retention.ms) [topic-config-relation]",
  ],
  "kafkaConfigUnknown | a typo 'num.partitons' and the topic key 'retention.ms' in the cluster config": [
    "[test/c] warning: config['num.partitons'] = 6: not a broker config of Kafka 4.3 (catalogue 4.2); the broker ignores it. Fix: use 'num.partitions' (an int from 1) [kafka-config-unknown]",
    "[test/c] warning: config['retention.ms'] = 604800000: a topic config, not a broker config of Kafka 4.3 (catalogue 4.2); the broker ignores it. Fix: set the broker default 'log.retention.ms' here, or 'retention.ms' on each KafkaTopic [kafka-config-unknown]",
  ],
  "kafkaConfigValue | log.retention.hours 'a week', compression.type 'GZIP', a long beyond 2^53": [
    "[test/c] config['compression.type'] = \"GZIP\": 'GZIP' is not allowed; Kafka 4.3 (catalogue 4.2) allows one of uncompressed, zstd, lz4, snappy, gzip, producer for compression.type. Fix: give one of uncompressed, zstd, lz4, snappy, gzip, producer (Kafka's default: producer) [kafka-config-value]",
    "[test/c] config['log.retention.hours'] = \"a week\": not a whole number; Kafka 4.3 (catalogue 4.2) allows an int for log.retention.hours. Fix: give an int (Kafka's default: 168) [kafka-config-value]",
    "[test/c] config['log.retention.ms'] = 1152921504606847000: a number beyond 9007199254740991 loses digits in YAML; write it as a string; Kafka 4.3 (catalogue 4.2) allows a long for log.retention.ms. Fix: give a long [kafka-config-value]",
  ],
  'javaIntRange | producerByteRate 3000000000': [
    '[test/u] quotas.producerByteRate = 3000000000: above 2147483647, the largest Java int; the User Operator cannot read the KafkaUser. Fix: give at most 2147483647 bytes per second (2 GiB/s) [java-int-range]',
  ],
  'javaIntRange | JBOD volume ID 3000000000': [
    '[test/c/broker] storage.volumes = 3000000000: volume ID 3000000000 is above 2147483647, the largest Java int; the operator cannot read the KafkaNodePool. Fix: number JBOD volumes 0, 1, 2, ... [java-int-range]',
  ],
  "secretReference | imagePullSecrets 'Registry_Creds'": [
    "[ops/strimzi] imagePullSecrets[0] = \"Registry_Creds\": not a Secret name (a lower-case DNS subdomain); the kubelet cannot use it to pull images. Fix: use the name of the docker-registry Secret in the operator's namespace, e.g. 'registry-credentials' [secret-reference]",
  ],
  "authenticationFields | 'sasl' on a scram-sha-512 listener, OAuth's 'enablePlain' on a custom one (v1beta2)": [
    '[test/c] listeners[0].authentication.options.sasl = true: scram-sha-512 authentication has no field sasl; the operator ignores it. Fix: remove it (scram-sha-512 takes no options), or use the authentication type that has sasl [authentication-fields]',
    '[test/c] listeners[1].authentication.options.enablePlain = true: custom authentication has no field enablePlain; the operator ignores it. Fix: use listenerConfig, sasl, secrets, or the authentication type that has enablePlain [authentication-fields]',
  ],
  'userAuthenticationFields | a password on a TLS user': [
    '[test/u] authentication.password = {"secretName":"pw","key":"password"}: tls users have no password (only scram-sha-512 has one); the User Operator ignores it. Fix: remove password, or use type \'scram-sha-512\' [user-authentication-fields]',
  ],
  "secretReference | password Secret 'My_Secret', key 'pass word'": [
    "[test/u] authentication.password.secretName = \"My_Secret\": not a Secret name (a lower-case DNS subdomain); the User Operator cannot read the password. Fix: name the Secret in lower-case letters, digits, '-' and '.', e.g. 'orders-producer-password' [secret-reference]",
    '[test/u] authentication.password.key = "pass word": not a Secret key (letters, digits, -, _ and .). Fix: use the key the Secret holds the password under, e.g. \'password\' [secret-reference]',
  ],
  "aclResourceWildcard | topic ACL 'orders-*'": [
    "[test/u] acls[0].resource.name = \"orders-*\": Kafka reads '*' as a wildcard only alone, and no topic name holds '*': the ACL matches no topic. Fix: use name 'orders-' with patternType 'prefix' [acl-resource-wildcard]",
  ],
  "aclResourceWildcardLiteral | group ACL 'app-*'": [
    "[test/u] warning: acls[0].resource.name = \"app-*\": Kafka reads '*' as a wildcard only alone: this ACL matches only the group named 'app-*'. Fix: use name 'app-' with patternType 'prefix' [acl-resource-wildcard-literal]",
  ],
  "superUserSyntax | 'User:admin' and 'alice;bob'": [
    "[test/c] authorization.superUsers[0] = \"User:admin\": Strimzi adds 'User:' itself, so Kafka would look for the principal 'User:User:admin', which nobody has. Fix: list 'admin' [super-user-syntax]",
    "[test/c] authorization.superUsers[1] = \"alice;bob\": ';' separates super.users entries, so Kafka would read several users from this one. Fix: list each user as an entry of its own: 'alice', 'bob' [super-user-syntax]",
  ],
  "resourceNameUniqueInNamespace | two clusters in namespace kafka, each with user 'app' and topic 'orders'": [
    '[kafka/b-orders] resourceName = "orders": kafka/a-orders of cluster \'a\' is a KafkaTopic of this name in namespace kafka too; one KafkaTopic would overwrite the other. Fix: give the topics distinct resourceName values, e.g. prefixed with the cluster name, or put the clusters in different namespaces [resource-name-unique-in-namespace]',
    '[kafka/b-app] userName = "app": kafka/a-app of cluster \'a\' is a KafkaUser of this name in namespace kafka too; one KafkaUser and Secret would overwrite the other. Fix: give the users distinct userName values, e.g. prefixed with the cluster name, or put the clusters in different namespaces [resource-name-unique-in-namespace]',
  ],
  'operatorEnvManaged | env STRIMZI_NAMESPACE and STRIMZI_FEATURE_GATES': [
    '[ops/strimzi] env.STRIMZI_FEATURE_GATES = "+UseKRaft": the construct sets STRIMZI_FEATURE_GATES from featureGates, with its checks; env would override it unchecked. Fix: remove it from env and set featureGates [operator-env-managed]',
    '[ops/strimzi] env.STRIMZI_NAMESPACE = "*": the construct sets STRIMZI_NAMESPACE from watchNamespaces (or watchAnyNamespace), with its checks; env would override it unchecked. Fix: remove it from env and set watchNamespaces (or watchAnyNamespace) [operator-env-managed]',
  ],
  'operatorWatchEmpty | an empty watch list': [
    "[ops/strimzi] watchNamespaces = []: an empty list sets STRIMZI_NAMESPACE to nothing; the operator refuses to start. Fix: list the namespaces of your clusters, omit it (the operator's own namespace), or set watchAnyNamespace: true [operator-watch-empty]",
  ],
  'crdsContent | a folder holding the operator bundle': [
    `[crds/crds] from = "${CRD_DIR('bundle')}": holds the cluster operator's install bundle: ServiceAccount strimzi-cluster-operator, Deployment strimzi-cluster-operator. Fix: point from at the release's crds/ folder or strimzi-crds-1.2.0.yaml; StrimziOperator renders the operator itself [crds-content]`,
  ],
  'crdsContent | a Kafka CRD that is no release of Strimzi': [
    `[crds/crds] from = "${CRD_DIR('odd')}": kafkas.kafka.strimzi.io differ from Strimzi 1.2.0's; 9 of its 10 CRDs are missing (kafkabridges.kafka.strimzi.io, kafkaconnectors.kafka.strimzi.io, kafkaconnects.kafka.strimzi.io, kafkamirrormaker2s.kafka.strimzi.io, kafkanodepools.kafka.strimzi.io, kafkarebalances.kafka.strimzi.io, kafkatopics.kafka.strimzi.io, kafkausers.kafka.strimzi.io, strimzipodsets.core.strimzi.io). Fix: point from at the CRDs of Strimzi 1.2.0 (its crds/ folder or strimzi-crds-1.2.0.yaml), or set strimziVersion to the release of these files [crds-content]`,
  ],
};
