import { Chart, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import {
  Acl,
  KafkaTopic,
  KafkaTopicProps,
  KafkaUser,
  KafkaUserProps,
  KraftCluster,
  KraftClusterProps,
} from '../../lib';
import type { RuleCase } from './rule-cases';
import { pools } from './rule-cases';

// Bad inputs for the rules of users, topics and authorization (test/rules.test.ts runs them).

const tlsListener = { name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' as const } };
const scramListener = { name: 'scram', port: 9094, tls: true, authentication: { type: 'scram-sha-512' as const } };
const secureCluster: KraftClusterProps = {
  nodePools: pools,
  listeners: [tlsListener, scramListener],
  authorization: { type: 'simple' },
};
const readTopic: Acl = { resource: { type: 'topic', name: 'orders' }, operations: ['Read'] };

/** A chart with a secure cluster `c` plus `then` (users and topics). */
function withCluster(props: Partial<KraftClusterProps>, then: (chart: Chart, c: KraftCluster) => void): IConstruct {
  const chart = Testing.chart();
  then(chart, new KraftCluster(chart, 'c', { ...secureCluster, ...props }));
  return chart;
}
const user = (props: Partial<KafkaUserProps>, cluster: Partial<KraftClusterProps> = {}) =>
  withCluster(
    cluster,
    (chart, c) => new KafkaUser(chart, 'u', { cluster: c, authentication: { type: 'scram-sha-512' }, ...props }),
  );
const topic = (props: Partial<KafkaTopicProps>, cluster: Partial<KraftClusterProps> = {}) =>
  withCluster(cluster, (chart, c) => new KafkaTopic(chart, 'orders', { cluster: c, ...props }));

export const SECURITY_RULE_CASES: RuleCase[] = [
  // Authorization
  { rule: 'authorizationType', name: "type 'opa'", build: () => user({}, { authorization: { type: 'opa' } as any }) },
  {
    rule: 'authorizationType',
    name: "custom with class 'my authorizer'",
    build: () => user({}, { authorization: { type: 'custom', authorizerClass: 'my authorizer' } }),
  },
  {
    rule: 'superUserForm',
    name: "a TLS user listed as 'admin'",
    build: () =>
      user(
        { userName: 'admin', authentication: { type: 'tls' } },
        { authorization: { type: 'simple', superUsers: ['admin'] } },
      ),
  },
  {
    rule: 'superUserForm',
    name: "a SCRAM user listed as 'CN=admin'",
    build: () => user({ userName: 'admin' }, { authorization: { type: 'simple', superUsers: ['CN=admin'] } }),
  },
  {
    rule: 'superUserForm',
    name: 'a super user listed twice',
    build: () => user({}, { authorization: { type: 'simple', superUsers: ['CN=a', 'CN=a'] } }),
  },

  // Users and ACLs
  { rule: 'userName', name: "user 'Orders_Producer'", build: () => user({ userName: 'Orders_Producer' }) },
  {
    rule: 'userNameUnique',
    name: "two users 'app'",
    build: () =>
      withCluster({}, (chart, c) => {
        new KafkaUser(chart, 'a', { cluster: c, userName: 'app', authentication: { type: 'scram-sha-512' } });
        new KafkaUser(chart, 'b', { cluster: c, userName: 'app', authentication: { type: 'tls' } });
      }),
  },
  {
    rule: 'userTlsNameLength',
    name: 'a 65-character TLS user',
    build: () => user({ userName: 'u'.repeat(65), authentication: { type: 'tls' } }),
  },
  {
    rule: 'userAuthenticationType',
    name: "authentication 'plain'",
    build: () => user({ authentication: { type: 'plain' } as any }),
  },
  {
    rule: 'userOperatorPresent',
    name: 'a cluster without User Operator',
    build: () => user({}, { userOperator: false }),
  },
  {
    rule: 'userNamespace',
    name: 'a user in another namespace',
    build: () => {
      const app = Testing.app();
      const c = new KraftCluster(new Chart(app, 'kafka', { namespace: 'kafka' }), 'c', secureCluster);
      new KafkaUser(new Chart(app, 'apps', { namespace: 'apps' }), 'u', {
        cluster: c,
        authentication: { type: 'scram-sha-512' },
      });
      return app;
    },
  },
  {
    rule: 'userAuthenticationListener',
    name: 'a SCRAM user, mTLS listeners only',
    build: () => user({}, { listeners: [tlsListener] }),
  },
  {
    rule: 'userAuthenticationListener',
    name: 'a tls-external user, SCRAM listeners only',
    build: () => user({ authentication: { type: 'tls-external' } }, { listeners: [scramListener] }),
  },
  {
    rule: 'aclNeedsAuthorization',
    name: 'ACLs on a cluster without authorization',
    build: () => user({ acls: [readTopic] }, { authorization: undefined }),
  },
  {
    rule: 'aclNeedsAuthorization',
    name: 'ACLs with custom authorization, no admin API',
    build: () =>
      user({ acls: [readTopic] }, { authorization: { type: 'custom', authorizerClass: 'com.example.Authz' } }),
  },
  {
    rule: 'aclResource',
    name: "resource type 'table'",
    build: () => user({ acls: [{ resource: { type: 'table', name: 'x' }, operations: ['Read'] } as any] }),
  },
  {
    rule: 'aclResource',
    name: "pattern 'wildcard'",
    build: () =>
      user({
        acls: [{ resource: { type: 'topic', name: 'x', patternType: 'wildcard' }, operations: ['Read'] } as any],
      }),
  },
  {
    rule: 'aclHost',
    name: "host 'app.example.com'",
    build: () =>
      user({ acls: [{ resource: { type: 'topic', name: 'x' }, operations: ['Read'], host: 'app.example.com' }] }),
  },
  {
    rule: 'aclResourceName',
    name: 'a topic without name',
    build: () => user({ acls: [{ resource: { type: 'topic' }, operations: ['Read'] } as any] }),
  },
  {
    rule: 'aclResourceName',
    name: 'a named cluster',
    build: () => user({ acls: [{ resource: { type: 'cluster', name: 'c' }, operations: ['Describe'] } as any] }),
  },
  {
    rule: 'aclOperations',
    name: 'Write on a group, IdempotentWrite on a topic',
    build: () =>
      user({
        acls: [
          { resource: { type: 'group', name: 'g' }, operations: ['Write'] } as any,
          { resource: { type: 'topic', name: 't' }, operations: ['IdempotentWrite'] } as any,
        ],
      }),
  },
  {
    rule: 'aclOperations',
    name: 'no operations',
    build: () => user({ acls: [{ resource: { type: 'transactionalId', name: 'tx' }, operations: [] }] }),
  },
  {
    rule: 'userQuotas',
    name: 'byte rate 1.5 (requestPercentage 150 passes: Kafka counts it per thread)',
    build: () => user({ quotas: { requestPercentage: 150, producerByteRate: 1.5 } }),
  },

  // Topics
  { rule: 'topicName', name: "topic 'orders/v1'", build: () => topic({ topicName: 'orders/v1' }) },
  { rule: 'topicName', name: "topic '..'", build: () => topic({ topicName: '..' }) },
  { rule: 'topicName', name: "resource name 'Orders'", build: () => topic({ resourceName: 'Orders' }) },
  {
    rule: 'topicNameUnique',
    name: "topic 'orders' twice",
    build: () =>
      withCluster({}, (chart, c) => {
        new KafkaTopic(chart, 'a', { cluster: c, topicName: 'orders' });
        new KafkaTopic(chart, 'b', { cluster: c, topicName: 'orders', resourceName: 'orders-again' });
      }),
  },
  {
    rule: 'topicNameUnique',
    name: "topics 'orders.v1' and 'orders_v1'",
    build: () =>
      withCluster({}, (chart, c) => {
        new KafkaTopic(chart, 'a', { cluster: c, topicName: 'orders.v1' });
        new KafkaTopic(chart, 'b', { cluster: c, topicName: 'orders_v1' });
      }),
  },
  {
    rule: 'topicOperatorPresent',
    name: 'a cluster without Topic Operator',
    build: () => topic({}, { topicOperator: false }),
  },
  {
    rule: 'topicNamespace',
    name: 'a topic in another namespace',
    build: () => {
      const app = Testing.app();
      const c = new KraftCluster(new Chart(app, 'kafka', { namespace: 'kafka' }), 'c', secureCluster);
      new KafkaTopic(new Chart(app, 'apps', { namespace: 'apps' }), 'orders', { cluster: c });
      return app;
    },
  },
  { rule: 'topicPartitions', name: 'partitions 0', build: () => topic({ partitions: 0 }) },
  { rule: 'topicReplicas', name: 'replicas 4 with 3 brokers', build: () => topic({ replicas: 4 }) },
  {
    rule: 'topicMinInsync',
    name: 'min.insync.replicas 3 with 2 replicas',
    build: () => topic({ replicas: 2, config: { 'min.insync.replicas': 3 } }),
  },
  {
    rule: 'topicConfig',
    name: "cleanup.policy 'archive', retention.ms '7d'",
    build: () => topic({ config: { 'cleanup.policy': 'archive', 'retention.ms': '7d' } }),
  },
];

// What each bad input above must report (construct path, field, value, message, fix, rule).
export const SECURITY_EXPECTED: Record<string, string[]> = {
  "authorizationType | type 'opa'": [
    "[test/c] authorization.type = \"opa\": not an authorization type this library offers. Fix: use 'simple' (Kafka ACLs) or 'custom' [authorization-type]",
  ],
  "authorizationType | custom with class 'my authorizer'": [
    "[test/c] authorization.authorizerClass = \"my authorizer\": not a Java class name. Fix: give the authorizer's fully qualified class name, e.g. 'com.example.MyAuthorizer' [authorization-type]",
  ],
  "superUserForm | a TLS user listed as 'admin'": [
    "[test/u] cluster.authorization.superUsers[0] = \"admin\": 'admin' is a TLS user; its principal is 'CN=admin', so 'admin' matches nobody. Fix: list 'CN=admin' [super-user-form]",
  ],
  "superUserForm | a SCRAM user listed as 'CN=admin'": [
    "[test/u] cluster.authorization.superUsers[0] = \"CN=admin\": 'admin' is a SCRAM user; its principal is 'admin', so 'CN=admin' matches nobody. Fix: list 'admin' [super-user-form]",
  ],
  'superUserForm | a super user listed twice': [
    '[test/c] authorization.superUsers[1] = "CN=a": listed twice. Fix: list every super user once [super-user-form]',
  ],
  "userName | user 'Orders_Producer'": [
    "[test/u] userName = \"Orders_Producer\": not a lower-case DNS subdomain (it names the KafkaUser and its Secret). Fix: use lower-case letters, digits, '-' and '.', e.g. 'orders-producer' [user-name]",
  ],
  "userNameUnique | two users 'app'": [
    '[test/b] userName = "app": user test/a of cluster \'c\' has this name too. Fix: give every user of a cluster its own name [user-name-unique]',
  ],
  'userTlsNameLength | a 65-character TLS user': [
    '[test/u] userName = "uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu": 65 characters; the certificate\'s CN holds at most 64. Fix: shorten the user name to 64 characters or fewer [user-tls-name-length]',
  ],
  "userAuthenticationType | authentication 'plain'": [
    '[test/u] authentication.type = "plain": not a user authentication type. Fix: use one of scram-sha-512, tls, tls-external [user-authentication-type]',
  ],
  'userOperatorPresent | a cluster without User Operator': [
    '[test/u] cluster = "c": cluster \'c\' runs no User Operator; nothing would create the user. Fix: set userOperator: true on the cluster (the default) [user-operator-present]',
  ],
  'userNamespace | a user in another namespace': [
    '[apps/u] namespace = "apps": the User Operator of \'c\' watches namespace kafka only. Fix: create the user in a chart with namespace kafka [user-namespace]',
  ],
  'userAuthenticationListener | a SCRAM user, mTLS listeners only': [
    '[test/u] authentication.type = "scram-sha-512": no listener of cluster \'c\' authenticates with scram-sha-512 (tls: tls). Fix: add scram-sha-512 authentication to a listener, or give the user the authentication a listener has [user-authentication-listener]',
  ],
  'userAuthenticationListener | a tls-external user, SCRAM listeners only': [
    '[test/u] authentication.type = "tls-external": no listener of cluster \'c\' authenticates with tls (scram: scram-sha-512). Fix: add tls authentication to a listener, or give the user the authentication a listener has [user-authentication-listener]',
  ],
  'aclNeedsAuthorization | ACLs on a cluster without authorization': [
    "[test/u] acls = 1: cluster 'c' has no authorization; the User Operator refuses users with ACLs. Fix: set authorization: { type: 'simple' } on the cluster, or remove the ACLs [acl-needs-authorization]",
  ],
  'aclNeedsAuthorization | ACLs with custom authorization, no admin API': [
    "[test/u] acls = 1: cluster 'c' has custom authorization without admin API support; the User Operator cannot write ACLs. Fix: set authorization: { type: 'simple' } on the cluster, or remove the ACLs [acl-needs-authorization]",
  ],
  "aclResource | resource type 'table'": [
    '[test/u] acls[0].resource.type = "table": not an ACL resource type. Fix: use one of topic, group, cluster, transactionalId [acl-resource]',
  ],
  "aclResource | pattern 'wildcard'": [
    "[test/u] acls[0].resource.patternType = \"wildcard\": neither 'literal' nor 'prefix'. Fix: use 'literal' (the exact name) or 'prefix' [acl-resource]",
  ],
  "aclHost | host 'app.example.com'": [
    "[test/u] acls[0].host = \"app.example.com\": not '*' or an IP address: Kafka compares it with the client's IP, so the ACL would never match. Fix: use '*' (any host) or the client's IP address [acl-host]",
  ],
  'aclResourceName | a topic without name': [
    "[test/u] acls[0].resource.name: a topic ACL needs the topic name (or a prefix). Fix: name the topic, or use '*' with patternType 'literal' for every topic [acl-resource-name]",
  ],
  'aclResourceName | a named cluster': [
    '[test/u] acls[0].resource.name = "c": the cluster resource has no name; it would be ignored. Fix: remove the name [acl-resource-name]',
  ],
  'aclOperations | Write on a group, IdempotentWrite on a topic': [
    '[test/u] acls[0].operations[0] = "Write": Kafka defines no Write operation on a group. Fix: use one of All, Delete, Describe, Read [acl-operations]',
    '[test/u] acls[1].operations[0] = "IdempotentWrite": Kafka defines no IdempotentWrite operation on a topic. Fix: use one of All, Alter, AlterConfigs, Create, Delete, Describe, DescribeConfigs, Read, Write [acl-operations]',
  ],
  'aclOperations | no operations': [
    '[test/u] acls[0].operations = []: no operations. Fix: list operations from All, Describe, Write [acl-operations]',
  ],
  'userQuotas | byte rate 1.5 (requestPercentage 150 passes: Kafka counts it per thread)': [
    '[test/u] quotas.producerByteRate = 1.5: not an integer of 0 or more. Fix: give a non-negative rate [user-quotas]',
  ],
  "topicName | topic 'orders/v1'": [
    "[test/orders] topicName = \"orders/v1\": not a Kafka topic name (1-249 of a-z A-Z 0-9 . _ -, not '.' or '..'). Fix: rename the topic, e.g. 'orders.v1' [topic-name]",
  ],
  "topicName | topic '..'": [
    "[test/orders] topicName = \"..\": not a Kafka topic name (1-249 of a-z A-Z 0-9 . _ -, not '.' or '..'). Fix: rename the topic, e.g. 'orders.v1' [topic-name]",
  ],
  "topicName | resource name 'Orders'": [
    '[test/orders] resourceName = "Orders": not a lower-case DNS subdomain. Fix: omit resourceName (it is derived from the topic name) or use lower-case letters, digits, - and . [topic-name]',
  ],
  "topicNameUnique | topic 'orders' twice": [
    '[test/b] topicName = "orders": topic test/a of cluster \'c\' has this topicName too. Fix: declare every topic of a cluster once, and do not mix . and _ in otherwise equal names [topic-name-unique]',
  ],
  "topicNameUnique | topics 'orders.v1' and 'orders_v1'": [
    "[test/b] topicName = \"orders_v1\": collides with topic test/a ('orders.v1'): Kafka treats '.' and '_' in topic names alike and refuses the second. Fix: declare every topic of a cluster once, and do not mix . and _ in otherwise equal names [topic-name-unique]",
  ],
  'topicOperatorPresent | a cluster without Topic Operator': [
    '[test/orders] cluster = "c": cluster \'c\' runs no Topic Operator; nothing would create the topic. Fix: set topicOperator: true on the cluster (the default) [topic-operator-present]',
  ],
  'topicNamespace | a topic in another namespace': [
    '[apps/orders] namespace = "apps": the Topic Operator of \'c\' watches namespace kafka only. Fix: create the topic in a chart with namespace kafka [topic-namespace]',
  ],
  'topicPartitions | partitions 0': [
    '[test/orders] partitions = 0: not an integer from 1 to 2147483647. Fix: give the number of partitions, e.g. 6 [topic-partitions]',
  ],
  'topicReplicas | replicas 4 with 3 brokers': [
    "[test/orders] replicas = 4: not an integer from 1 to the 3 broker(s) of 'c'. Fix: use at most 3 replicas, or add brokers [topic-replicas]",
  ],
  'topicMinInsync | min.insync.replicas 3 with 2 replicas': [
    "[test/orders] config['min.insync.replicas'] = 3: above the topic's 2 replica(s); acks=all producers would always fail. Fix: use at most 2 (replicas - 1 tolerates a broker down) [topic-min-insync]",
  ],
  "topicConfig | cleanup.policy 'archive', retention.ms '7d'": [
    "[test/orders] config['cleanup.policy'] = \"archive\": 'archive' is not allowed; Kafka 4.3 (catalogue 4.2) allows a comma-separated list of compact, delete for cleanup.policy. Fix: give a comma-separated list of compact, delete (Kafka's default: delete) [topic-config]",
    "[test/orders] config['retention.ms'] = \"7d\": not a whole number; Kafka 4.3 (catalogue 4.2) allows a long from -1 for retention.ms. Fix: give a long from -1 (Kafka's default: 604800000) [topic-config]",
  ],
};
