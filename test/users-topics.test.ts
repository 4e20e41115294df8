import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { KafkaTopic, KafkaUser, KraftCluster, KraftClusterProps, clientConnectionOf } from '../lib';
import { renderClientFile } from '../lib/users/client-config';
import { topicResourceName } from '../lib/topics/kafka-topic';
import { pools } from './support/rule-cases';

const secure: KraftClusterProps = {
  nodePools: pools,
  listeners: [
    { name: 'plain', port: 9092 },
    { name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } },
  ],
  nodePortListeners: [
    {
      bootstrapNodePort: 32100,
      advertisedHost: 'kafka.example.com',
      advertisedPortBase: 8091,
      tls: true,
      authentication: { type: 'scram-sha-512' },
    },
  ],
  authorization: { type: 'simple', superUsers: ['CN=admin', 'ops'] },
};

function cluster(props: Partial<KraftClusterProps> = {}, app = Testing.app()) {
  const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
  return { app, chart, cluster: new KraftCluster(chart, 'events', { ...secure, ...props }) };
}

describe('KafkaUser', () => {
  test('renders the version of its cluster, labelled with the cluster, ACL operations sorted and each once', () => {
    // GIVEN a 0.45.2 cluster (kafka.strimzi.io/v1beta2) and a SCRAM user with ACLs and quotas
    const { chart, cluster: c } = cluster({ strimziVersion: '0.45.2' });
    new KafkaUser(chart, 'orders-producer', {
      cluster: c,
      authentication: { type: 'scram-sha-512' },
      acls: [
        {
          resource: { type: 'topic', name: 'orders.', patternType: 'prefix' },
          operations: ['Write', 'Describe', 'Write'],
        },
        { resource: { type: 'cluster' }, operations: ['IdempotentWrite'], type: 'allow' },
      ],
      quotas: { producerByteRate: 1048576, consumerByteRate: 2097152 },
    });

    // WHEN synthesized
    const user = Testing.synth(chart).find((o) => o.kind === 'KafkaUser');

    // THEN
    expect(user).toEqual({
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaUser',
      metadata: { name: 'orders-producer', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'events' } },
      spec: {
        authentication: { type: 'scram-sha-512' },
        authorization: {
          type: 'simple',
          acls: [
            {
              resource: { type: 'topic', name: 'orders.', patternType: 'prefix' },
              operations: ['Describe', 'Write'],
              host: '*',
            },
            { type: 'allow', resource: { type: 'cluster' }, operations: ['IdempotentWrite'], host: '*' },
          ],
        },
        quotas: { consumerByteRate: 2097152, producerByteRate: 1048576 },
      },
    });
  });

  test('a user without ACLs has no authorization section; a SCRAM password from your Secret is referenced', () => {
    const { chart, cluster: c } = cluster();
    new KafkaUser(chart, 'reader', {
      cluster: c,
      authentication: { type: 'scram-sha-512', password: { secretName: 'reader-pw', key: 'pw' } },
    });
    const user = Testing.synth(chart).find((o) => o.kind === 'KafkaUser');
    expect(user.apiVersion).toBe('kafka.strimzi.io/v1');
    expect(user.spec).toEqual({
      authentication: {
        type: 'scram-sha-512',
        password: { valueFrom: { secretKeyRef: { name: 'reader-pw', key: 'pw' } } },
      },
    });
  });

  test('the cluster renders simple authorization with sorted super users', () => {
    const { chart } = cluster({ authorization: { type: 'simple', superUsers: ['ops', 'CN=admin'] } });
    const kafka = Testing.synth(chart).find((o) => o.kind === 'Kafka');
    expect(kafka.spec.kafka.authorization).toEqual({ type: 'simple', superUsers: ['CN=admin', 'ops'] });
  });
});

describe('KafkaTopic', () => {
  test('a topic name Kubernetes cannot hold goes to spec.topicName; config sorted', () => {
    // GIVEN a topic named with upper case and '_'
    const { chart, cluster: c } = cluster();
    new KafkaTopic(chart, 'orders', {
      cluster: c,
      topicName: 'Orders_V1',
      partitions: 6,
      replicas: 3,
      config: { 'retention.ms': 604800000, 'cleanup.policy': 'delete' },
    });

    // WHEN synthesized
    const topic = Testing.synth(chart).find((o) => o.kind === 'KafkaTopic');

    // THEN the resource name is derived, stable and valid, and the Kafka name is kept
    // (a renamed resource would make Strimzi delete and recreate the topic: the name is pinned)
    expect(topic.metadata.name).toBe('orders-v1-ea46dd05'); // 8 hex digits of sha1('Orders_V1')
    expect(topicResourceName('Orders_V1')).toBe('orders-v1-ea46dd05');
    expect(topic.spec).toEqual({
      topicName: 'Orders_V1',
      partitions: 6,
      replicas: 3,
      config: { 'cleanup.policy': 'delete', 'retention.ms': 604800000 },
    });
    expect(Object.keys(topic.spec.config)).toEqual(['cleanup.policy', 'retention.ms']);
  });

  test('two names differing only in case get different resource names', () => {
    expect(topicResourceName('Orders')).not.toBe(topicResourceName('ORDERS'));
    expect(topicResourceName('orders')).toBe('orders');
  });
});

describe('client connection files', () => {
  test('a SCRAM user: the external listener through its advertised bootstrap, SASL_SSL, Secret names only', () => {
    // GIVEN a SCRAM user of a cluster with an mTLS internal and a SCRAM external listener
    const { chart, cluster: c } = cluster();
    const user = new KafkaUser(chart, 'app', { cluster: c, authentication: { type: 'scram-sha-512' } });

    // WHEN its connection is computed
    const conn = clientConnectionOf(user);

    // THEN only the SCRAM listener is listed, with what a client needs
    expect(conn).toEqual({
      cluster: 'events',
      namespace: 'kafka',
      user: 'app',
      principal: 'app',
      authentication: 'scram-sha-512',
      listeners: [
        {
          listener: 'external',
          reach: 'external',
          bootstrapServers: 'kafka.example.com:9094',
          securityProtocol: 'SASL_SSL',
          saslMechanism: 'SCRAM-SHA-512',
          userSecret: { name: 'app', keys: ['password', 'sasl.jaas.config'] },
          clusterCaSecret: { name: 'events-cluster-ca-cert', keys: ['ca.crt', 'ca.p12', 'ca.password'] },
        },
      ],
    });
  });

  test('SCRAM without TLS is SASL_PLAINTEXT with no CA; mTLS is SSL through the internal bootstrap Service', () => {
    const { chart, cluster: c } = cluster({
      listeners: [
        { name: 'scram', port: 9092, authentication: { type: 'scram-sha-512' } },
        { name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' }, type: 'cluster-ip' },
      ],
    });
    const scram = clientConnectionOf(
      new KafkaUser(chart, 's', { cluster: c, authentication: { type: 'scram-sha-512' } }),
    );
    const tls = clientConnectionOf(new KafkaUser(chart, 't', { cluster: c, authentication: { type: 'tls' } }));
    expect(scram.listeners.map((l) => [l.listener, l.bootstrapServers, l.securityProtocol, l.clusterCaSecret])).toEqual(
      [
        ['scram', 'events-kafka-bootstrap.kafka.svc:9092', 'SASL_PLAINTEXT', undefined],
        [
          'external',
          'kafka.example.com:9094',
          'SASL_SSL',
          { name: 'events-cluster-ca-cert', keys: ['ca.crt', 'ca.p12', 'ca.password'] },
        ],
      ],
    );
    expect(tls.principal).toBe('CN=t');
    expect(tls.listeners).toEqual([
      {
        listener: 'tls',
        reach: 'internal',
        bootstrapServers: 'events-kafka-tls-bootstrap.kafka.svc:9093',
        securityProtocol: 'SSL',
        userSecret: { name: 't', keys: ['ca.crt', 'user.crt', 'user.key', 'user.p12', 'user.password'] },
        clusterCaSecret: { name: 'events-cluster-ca-cert', keys: ['ca.crt', 'ca.p12', 'ca.password'] },
      },
    ]);
  });

  test('per-broker host names: bootstrap.servers lists every broker', () => {
    const { chart, cluster: c } = cluster({
      nodePortListeners: [{ ...secure.nodePortListeners![0], advertisedHost: 'b{nodeId}.kafka.example.com' }],
    });
    const conn = clientConnectionOf(
      new KafkaUser(chart, 'app', { cluster: c, authentication: { type: 'scram-sha-512' } }),
    );
    expect(conn.listeners[0].bootstrapServers).toBe(
      'b0.kafka.example.com:8091,b1.kafka.example.com:8092,b2.kafka.example.com:8093',
    );
  });

  test('synth writes one file per user, and nothing when two users would share a file', () => {
    // GIVEN two apps: one with two users, one whose two clusters in two charts each have a user 'app'
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-files-'));
    try {
      const good = new App({ outdir: path.join(dir, 'good') });
      const { chart, cluster: c } = cluster({}, good);
      new KafkaUser(chart, 'b-user', { cluster: c, authentication: { type: 'scram-sha-512' } });
      new KafkaUser(chart, 'a-user', { cluster: c, authentication: { type: 'tls' } });
      good.synth();
      expect(fs.readdirSync(path.join(dir, 'good')).filter((f) => f.endsWith('.client.json'))).toEqual([
        'events-a-user.client.json',
        'events-b-user.client.json',
      ]);
      const text = fs.readFileSync(path.join(dir, 'good', 'events-b-user.client.json'), 'utf-8');
      expect(JSON.parse(text)).toEqual(
        JSON.parse(
          renderClientFile(
            good.node.findAll().find((x): x is KafkaUser => x instanceof KafkaUser && x.userName === 'b-user')!,
          ),
        ),
      );

      const bad = new App({ outdir: path.join(dir, 'bad') });
      for (const ns of ['one', 'two']) {
        const ch = new Chart(bad, ns, { namespace: ns });
        const cl = new KraftCluster(ch, 'events', { ...secure, nodePortListeners: [] });
        new KafkaUser(ch, 'app', { cluster: cl, authentication: { type: 'tls' } });
      }
      // WHEN / THEN the clash is named and no file is written
      expect(() => bad.synth()).toThrow(
        '[two/app] file events-app.client.json: user one/app writes a file of this name too',
      );
      expect(fs.existsSync(path.join(dir, 'bad'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
