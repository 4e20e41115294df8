import { Chart, Testing } from 'cdk8s';
import {
  KafkaTopic,
  KafkaUser,
  KraftCluster,
  LoadBalancer,
  LoadBalancerShape,
  StrimziOperator,
  clientConnectionOf,
  findProblems,
  formatProblem,
} from '../lib';

/** The topics team's app: no Kafka of its own, only the facts the platform team publishes. */
function topicsApp(facts: Partial<Parameters<typeof KraftCluster.fromAttributes>[2]> = {}) {
  const app = Testing.app();
  const chart = new Chart(app, 'team', { namespace: 'kafka' });
  const cluster = KraftCluster.fromAttributes(chart, 'platform', {
    clusterName: 'my-cluster',
    strimziVersion: '1.2.0',
    kafkaVersion: '4.2.0',
    listeners: [
      { name: 'plain', port: 9092 },
      { name: 'tls', port: 9093, tls: true, authentication: 'scram-sha-512' },
    ],
    brokerNodeIds: [2, 0, 1],
    replicationFactor: 3,
    authorization: { type: 'simple', superUsers: ['CN=admin'] },
    userOperator: true,
    topicOperator: true,
    ...facts,
  });
  return { app, chart, cluster };
}

const lines = (scope: Parameters<typeof findProblems>[0]) => findProblems(scope).map(formatProblem);

describe('KraftCluster.fromAttributes: a cluster managed elsewhere', () => {
  test('users and topics are emitted against it, and the cluster itself emits nothing', () => {
    // GIVEN a topic and a SCRAM user of the platform team's cluster
    const { app, chart, cluster } = topicsApp();
    new KafkaTopic(chart, 'orders', { cluster, partitions: 6, replicas: 3 });
    const user = new KafkaUser(chart, 'producer', {
      cluster,
      authentication: { type: 'scram-sha-512' },
      acls: [{ resource: { type: 'topic', name: 'orders' }, operations: ['Write'] }],
    });

    // WHEN
    const objects = Testing.synth(chart);

    // THEN exactly the topic and the user, labelled with the cluster's name, and no finding
    expect(lines(app)).toEqual([]);
    expect(
      objects.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.name} ${o.metadata.labels['strimzi.io/cluster']}`),
    ).toEqual([
      'kafka.strimzi.io/v1 KafkaTopic orders my-cluster',
      'kafka.strimzi.io/v1 KafkaUser producer my-cluster',
    ]);
    // and the client file's bootstrap is derived as for a cluster of this app
    expect(clientConnectionOf(user).listeners).toEqual([
      expect.objectContaining({
        listener: 'tls',
        reach: 'internal',
        bootstrapServers: 'my-cluster-kafka-bootstrap.kafka.svc:9093',
        securityProtocol: 'SASL_SSL',
      }),
    ]);
  });

  test('the facts given are checked like those of a cluster of this app', () => {
    // GIVEN a topic with more replicas than the 3 brokers, and a TLS user no listener authenticates
    const { app, chart, cluster } = topicsApp();
    new KafkaTopic(chart, 'orders', { cluster, replicas: 4 });
    new KafkaUser(chart, 'consumer', { cluster, authentication: { type: 'tls' } });

    // WHEN / THEN one finding each
    expect(lines(app)).toEqual([
      "[team/orders] replicas = 4: not an integer from 1 to the 3 broker(s) of 'my-cluster'. Fix: use at most 3 replicas, or add brokers [topic-replicas]",
      '[team/consumer] authentication.type = "tls": no listener of cluster \'my-cluster\' authenticates with tls (plain: none, tls: scram-sha-512). Fix: add tls authentication to a listener, or give the user the authentication a listener has [user-authentication-listener]',
    ]);
  });

  test('facts of the right type but no meaning are one finding each, not checks turned on with garbage', () => {
    // GIVEN a replication factor, a broker node ID and a watched namespace that cannot be
    const { app } = topicsApp({ replicationFactor: -1, brokerNodeIds: [0, -5], watchedNamespace: '' });

    // WHEN / THEN
    expect(lines(app)).toEqual([
      '[team/platform] replicationFactor = -1: not a positive integer. Fix: give the replication factor its new ' +
        'topics get, e.g. 3, or leave it out [replication-factor]',
      '[team/platform] brokerNodeIds[1] = -5: not a node ID (an integer from 0 to 2147483647). Fix: give the node ' +
        'IDs of its brokers [node-ids-valid]',
      '[team/platform] watchedNamespace = "": not a namespace (a DNS label). Fix: give the namespace its operators ' +
        'watch, or leave it out (its own) [namespace-name]',
    ]);
  });

  test('a fact left out turns its checks off instead of guessing', () => {
    // GIVEN only the name and release
    const app = Testing.app();
    const chart = new Chart(app, 'team', { namespace: 'kafka' });
    const cluster = KraftCluster.fromAttributes(chart, 'platform', {
      clusterName: 'my-cluster',
      strimziVersion: '0.48.0',
      kafkaVersion: '4.0.0',
    });
    const orders = new KafkaTopic(chart, 'orders', { cluster, replicas: 5, config: { 'remote.storage.enable': true } });
    new KafkaUser(chart, 'consumer', {
      cluster,
      authentication: { type: 'tls' },
      acls: [{ resource: { type: 'topic', name: 'orders' }, operations: ['Read'] }],
    });

    // WHEN / THEN nothing is reported, and no operator is demanded for a cluster this app does not run
    new StrimziOperator(chart, 'operator', { strimziVersion: '1.2.0', watchNamespaces: ['other'] });
    expect(lines(app).filter((l) => !l.includes('team/operator'))).toEqual([]);
    // and the objects are of the release given (0.48.0 serves v1beta2 only)
    expect(orders.apiObject.apiVersion).toBe('kafka.strimzi.io/v1beta2');
  });

  test('an external listener needs its bootstrap address; a load balancer needs a cluster of this app', () => {
    // GIVEN
    const { app, chart, cluster } = topicsApp({ listeners: [{ name: 'external', port: 9094, type: 'nodeport' }] });
    new LoadBalancer(chart, 'lb', { cluster, shape: LoadBalancerShape.externalHost({ workers: ['10.0.0.1'] }) });

    // WHEN / THEN
    expect(lines(app)).toEqual([
      "[team/platform] listeners[0].bootstrapServers: a nodeport listener is reached through addresses only its owners know. Fix: give bootstrapServers, e.g. 'kafka.example.com:9094' [prop-type]",
      '[team/lb] cluster = "my-cluster": the cluster is managed elsewhere; a load balancer needs the node IDs and NodePorts this app pins. Fix: create the load balancer in the app that defines the cluster [prop-type]',
    ]);
  });

  test('users and topics may live where its operators watch (watchedNamespace)', () => {
    // GIVEN a cluster in kafka-infra whose entity operator watches the team's namespace 'kafka'
    const { app, chart, cluster } = topicsApp({ namespace: 'kafka-infra', watchedNamespace: 'kafka' });
    const elsewhere = KraftCluster.fromAttributes(chart, 'other', {
      clusterName: 'other',
      namespace: 'kafka-infra',
      strimziVersion: '1.2.0',
      kafkaVersion: '4.3.1',
    });

    // WHEN a topic of each is created in the team's chart (namespace kafka)
    new KafkaTopic(chart, 'orders', { cluster });
    new KafkaTopic(chart, 'audit', { cluster: elsewhere });

    // THEN only the topic of the cluster that does not watch 'kafka' is reported
    expect(lines(app)).toEqual([
      '[team/audit] namespace = "kafka": the Topic Operator of \'other\' watches namespace kafka-infra only. Fix: create the topic in a chart with namespace kafka-infra [topic-namespace]',
    ]);
  });
});
