import { App, Chart, Testing } from 'cdk8s';
import {
  KafkaBridge,
  KafkaClient,
  KafkaConnect,
  KafkaMirrorMaker2,
  KafkaTopic,
  KafkaUser,
  KraftCluster,
  KraftClusterProps,
  findProblems,
  formatProblem,
} from '../lib';
import { defaultListener } from '../lib/model/client';
import { strimziClientBlock } from '../lib/render/strimzi/client';
import { pools } from './support/rule-cases';
import { validationErrors } from './support/synth';

const secure: KraftClusterProps = {
  nodePools: pools,
  listeners: [
    { name: 'plain', port: 9092 },
    { name: 'scram', port: 9094, tls: true, authentication: { type: 'scram-sha-512' } },
    { name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } },
  ],
  authorization: { type: 'simple' },
};

function setup(props: Partial<KraftClusterProps> = {}, app: App = Testing.app()) {
  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const cluster = new KraftCluster(kafka, 'events', { ...secure, ...props });
  return { app, kafka, cluster };
}

describe('the default listener of a client', () => {
  test('is the internal listener with authentication and TLS, the lowest port on a tie', () => {
    // GIVEN a plain, a SCRAM-on-TLS (9094) and an mTLS (9093) internal listener
    const { cluster } = setup();
    // WHEN the default is chosen
    const l = defaultListener(cluster.facts.listeners ?? []);
    // THEN both authenticated TLS listeners tie and the lower port wins
    expect(l?.name).toBe('tls');
  });

  test('prefers authentication without TLS over TLS without authentication', () => {
    const { cluster } = setup({
      listeners: [
        { name: 'tlsonly', port: 9093, tls: true },
        { name: 'scram', port: 9095, authentication: { type: 'scram-sha-512' } },
      ],
    });
    expect(defaultListener(cluster.facts.listeners ?? [])?.name).toBe('scram');
  });
});

describe('KafkaClient', () => {
  test('in the cluster namespace: env vars and volumes of a SCRAM client, its user with exactly its ACLs', () => {
    // GIVEN a client on the SCRAM listener that produces to orders, consumes payments.* in group billing
    const { app, kafka, cluster } = setup();
    const client = new KafkaClient(kafka, 'billing', {
      cluster,
      listener: 'scram',
      produces: ['orders'],
      consumes: ['payments.*'],
      consumerGroup: 'billing',
    });

    // WHEN its wiring is read and the app synthesized
    const env = Object.fromEntries(client.env.map((e) => [e.name, e.value ?? e.valueFrom]));
    const user = Testing.synth(kafka).find((o) => o.kind === 'KafkaUser' && o.metadata.name === 'billing');

    // THEN the pod connects to the in-namespace bootstrap Service with SCRAM over TLS
    expect(validationErrors(app)).toEqual([]);
    expect(client.bootstrapServers).toBe('events-kafka-bootstrap.kafka.svc:9094');
    expect(env).toEqual({
      KAFKA_BOOTSTRAP_SERVERS: 'events-kafka-bootstrap.kafka.svc:9094',
      KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
      KAFKA_SSL_TRUSTSTORE_TYPE: 'PEM',
      KAFKA_SSL_TRUSTSTORE_LOCATION: '/etc/kafka/cluster-ca/ca.crt',
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'billing',
      KAFKA_SASL_PASSWORD: { secretKeyRef: { name: 'billing', key: 'password' } },
      KAFKA_SASL_JAAS_CONFIG:
        'org.apache.kafka.common.security.scram.ScramLoginModule required username="billing" ' +
        'password="$(KAFKA_SASL_PASSWORD)";',
    });
    expect(client.volumes).toEqual([
      {
        name: 'kafka-cluster-ca',
        secret: { secretName: 'events-cluster-ca-cert', items: [{ key: 'ca.crt', path: 'ca.crt' }] },
      },
    ]);
    expect(client.volumeMounts).toEqual([
      { name: 'kafka-cluster-ca', mountPath: '/etc/kafka/cluster-ca', readOnly: true },
    ]);
    // AND its user is SCRAM, in the cluster's namespace, with Write/Describe, Read/Describe and group Read
    expect(user.metadata.namespace).toBe('kafka');
    expect(user.spec.authentication).toEqual({ type: 'scram-sha-512' });
    expect(user.spec.authorization.acls).toEqual([
      {
        resource: { type: 'topic', name: 'orders', patternType: 'literal' },
        operations: ['Describe', 'Write'],
        host: '*',
      },
      {
        resource: { type: 'topic', name: 'payments.', patternType: 'prefix' },
        operations: ['Describe', 'Read'],
        host: '*',
      },
      { resource: { type: 'group', name: 'billing', patternType: 'literal' }, operations: ['Read'], host: '*' },
    ]);
  });

  test('on the default mTLS listener: a tls user and its PKCS12 keystore mounted', () => {
    const { kafka, cluster } = setup();
    const client = new KafkaClient(kafka, 'reporter', { cluster, consumes: ['*'], consumerGroup: 'reports-*' });
    const env = Object.fromEntries(client.env.map((e) => [e.name, e.value ?? e.valueFrom]));
    expect(client.wiring.listener).toBe('tls');
    expect(client.user?.authentication).toEqual({ type: 'tls' });
    expect(env.KAFKA_SECURITY_PROTOCOL).toBe('SSL');
    expect(env.KAFKA_SSL_KEYSTORE_LOCATION).toBe('/etc/kafka/user/user.p12');
    expect(env.KAFKA_SSL_KEYSTORE_PASSWORD).toEqual({ secretKeyRef: { name: 'reporter', key: 'user.password' } });
    expect(client.volumes.map((v) => v.secret?.secretName)).toEqual(['events-cluster-ca-cert', 'reporter']);
    expect(client.user?.acls.map((a) => [a.resource.name, a.resource.patternType])).toEqual([
      ['*', 'literal'],
      ['reports-', 'prefix'],
    ]);
  });

  test('in another namespace: refused with the copies it needs; with copies, mounts them', () => {
    // GIVEN a client in namespace apps of a cluster in namespace kafka
    const { app, cluster } = setup();
    const apps = new Chart(app, 'apps', { namespace: 'apps' });
    new KafkaClient(apps, 'billing', { cluster, listener: 'scram' });
    // THEN one finding names both Secrets and where they live
    expect(validationErrors(apps)).toEqual([
      '[apps/billing] copiedSecrets: the client is in namespace apps, and a pod mounts Secrets of its own ' +
        'namespace only. Fix: put it in the namespace of its cluster, or keep copies there (a Secret replicator keeps ' +
        'them in sync) ' +
        "and name them: copiedSecrets: { clusterCa: the copy of 'events-cluster-ca-cert' (namespace kafka), " +
        "user: the copy of 'billing' (namespace kafka) } [client-secrets-namespace]",
    ]);
    // WHEN the copies are named
    const copied = new KafkaClient(apps, 'billing2', {
      cluster,
      listener: 'scram',
      copiedSecrets: { user: 'billing2-copy', clusterCa: 'events-ca-copy' },
    });
    // THEN the pod mounts the copies, and the user still lives where the User Operator watches
    expect(copied.volumes[0].secret?.secretName).toBe('events-ca-copy');
    expect(copied.env.find((e) => e.name === 'KAFKA_SASL_PASSWORD')?.valueFrom?.secretKeyRef?.name).toBe(
      'billing2-copy',
    );
    expect(copied.user?.namespace).toBe('kafka');
  });

  test('a listener that does not exist, a user of the wrong type or cluster: one finding each', () => {
    const { app, kafka, cluster } = setup();
    const other = new KraftCluster(kafka, 'other', secure);
    const mtls = new KafkaUser(kafka, 'app-tls', { cluster, authentication: { type: 'tls' } });
    const foreign = new KafkaUser(kafka, 'foreign', { cluster: other, authentication: { type: 'scram-sha-512' } });
    new KafkaClient(kafka, 'a', { cluster, listener: 'nope' });
    new KafkaClient(kafka, 'b', { cluster, listener: 'scram', user: mtls });
    new KafkaClient(kafka, 'c', { cluster, listener: 'scram', user: foreign });
    expect(validationErrors(app).filter((m) => m.includes('[client-'))).toEqual([
      "[kafka/a] listener = \"nope\": cluster 'events' has no listener 'nope'. Fix: name one of 'plain', 'tls', " +
        "'scram' [client-listener-known]",
      "[kafka/b] user = \"app-tls\": user 'app-tls' cannot authenticate on listener 'scram', which wants " +
        'scram-sha-512: it is tls. Fix: pass a scram-sha-512 user, or choose a listener of type tls [client-user-type]',
      "[kafka/c] user = \"foreign\": user 'foreign' belongs to another cluster than 'events'. Fix: pass a " +
        "KafkaUser of 'events', or leave user out to have one created [client-user-cluster]",
    ]);
  });

  test('on a plain listener under simple authorization: refused (ANONYMOUS is denied)', () => {
    const { app, kafka, cluster } = setup();
    new KafkaClient(kafka, 'anon', { cluster, listener: 'plain' });
    expect(validationErrors(app)).toEqual([
      "[kafka/anon] listener = \"plain\": listener 'plain' of 'events' has no authentication, and under simple " +
        'authorization its clients are ANONYMOUS and denied. Fix: choose a listener with scram-sha-512 or tls ' +
        'authentication [client-listener-authentication]',
    ]);
  });

  test('without authorization on a plain listener: no user, no Secrets, PLAINTEXT', () => {
    const { kafka, cluster } = setup({ authorization: undefined, listeners: [{ name: 'plain', port: 9092 }] });
    const client = new KafkaClient(kafka, 'anon', { cluster });
    expect(client.user).toBeUndefined();
    expect(client.env).toEqual([
      { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'events-kafka-bootstrap.kafka.svc:9092' },
      { name: 'KAFKA_SECURITY_PROTOCOL', value: 'PLAINTEXT' },
    ]);
    expect(client.volumes).toEqual([]);
  });
});

describe('the Strimzi client block', () => {
  test('trusts the CA by pattern from 0.42.0 and by certificate before; SCRAM password from the user Secret', () => {
    const w = {
      clusterName: 'events',
      listener: 'scram',
      reach: 'internal' as const,
      bootstrapServers: 'events-kafka-bootstrap.kafka.svc:9094',
      caSecret: 'events-cluster-ca-cert',
      credentials: { type: 'scram-sha-512' as const, userName: 'c', secretName: 'c', passwordKey: 'password' },
    };
    expect(strimziClientBlock(w, '0.42.0').tls).toEqual({
      trustedCertificates: [{ secretName: 'events-cluster-ca-cert', pattern: '*.crt' }],
    });
    expect(strimziClientBlock(w, '0.41.0')).toEqual({
      bootstrapServers: 'events-kafka-bootstrap.kafka.svc:9094',
      tls: { trustedCertificates: [{ secretName: 'events-cluster-ca-cert', certificate: 'ca.crt' }] },
      authentication: {
        type: 'scram-sha-512',
        username: 'c',
        passwordSecret: { secretName: 'c', password: 'password' },
      },
    });
  });
});

describe('client.rack of Connect and MirrorMaker 2', () => {
  const zoned: Partial<KraftClusterProps> = {
    rack: { zones: ['a', 'b', 'c'] },
    config: { 'replica.selector.class': 'org.apache.kafka.common.replica.RackAwareReplicaSelector' },
  };

  test('rack: true takes the topology key the brokers take broker.rack from; no finding', () => {
    // GIVEN a rack-aware cluster whose brokers serve the closest replica
    const { app, kafka, cluster } = setup(zoned);
    // WHEN a Connect and a mirror into it ask for a rack
    const connect = new KafkaConnect(kafka, 'pipeline', { cluster, rack: true });
    const mirror = new KafkaMirrorMaker2(kafka, 'mirror', {
      target: { cluster },
      externalSources: [{ alias: 'dc2', bootstrapServers: 'kafka.dc2.example.com:9092' }],
      rack: true,
    });
    // THEN both pods take the zone label
    expect(validationErrors(app)).toEqual([]);
    expect(Testing.synth(kafka).find((o) => o.kind === 'KafkaConnect').spec.rack).toEqual({
      topologyKey: 'topology.kubernetes.io/zone',
    });
    expect(mirror.apiObject.toJson().spec.rack).toEqual({ topologyKey: 'topology.kubernetes.io/zone' });
    expect(connect.apiObject.toJson().spec.rack).toEqual({ topologyKey: 'topology.kubernetes.io/zone' });
  });

  test('on a cluster without rack awareness: refused; without the replica selector: a warning', () => {
    const { app, kafka, cluster } = setup();
    new KafkaConnect(kafka, 'pipeline', { cluster, rack: true });
    expect(validationErrors(app)).toEqual([
      "[kafka/pipeline] rack = true: cluster 'events' has no rack awareness, so the pods have no rack to take. " +
        'Fix: give the cluster rack: { zones: [...] } (or declare its rack in KraftCluster.fromAttributes), or ' +
        'leave rack out [client-rack-cluster]',
    ]);
    const zonedOnly = setup({ rack: { zones: ['a', 'b', 'c'] } });
    new KafkaConnect(zonedOnly.kafka, 'pipeline', { cluster: zonedOnly.cluster, rack: true });
    expect(
      findProblems(zonedOnly.app)
        .filter((p) => p.rule.id === 'client-rack-selector')
        .map(formatProblem),
    ).toEqual([
      "[kafka/pipeline] warning: rack = true: the brokers of 'events' serve reads from leaders only " +
        "(replica.selector.class is unset), so client.rack changes nothing. Fix: set config['replica.selector.class'] " +
        "= 'org.apache.kafka.common.replica.RackAwareReplicaSelector' on the cluster [client-rack-selector]",
    ]);
  });
});

describe('a client on a listener whose bootstrap address is assigned at apply', () => {
  test('is refused, naming the listener and the fix (no placeholder reaches bootstrapServers)', () => {
    // GIVEN a cloud load balancer listener without a bootstrap host
    const { app, kafka, cluster } = setup({ externalListeners: [{ type: 'loadbalancer', name: 'lb', port: 9096 }] });
    // WHEN a Connect uses it
    new KafkaConnect(kafka, 'pipeline', { cluster, listener: 'lb' });
    // THEN the synth fails with one finding of the client
    expect(validationErrors(app).filter((m) => m.startsWith('[kafka/pipeline]'))).toEqual([
      "[kafka/pipeline] listener = \"lb\": listener 'lb' of 'events' has no bootstrap address before apply " +
        '(<address of Service events-kafka-lb-bootstrap, assigned at apply>:9096). Fix: give the listener ' +
        'bootstrap.host, or choose an internal listener [client-listener-reachable]',
    ]);
  });
});

describe('topics a client names against the KafkaTopics of the app', () => {
  test('a connector topic no KafkaTopic declares: a warning at the connector; none where the app declares no topic', () => {
    // GIVEN a cluster whose topics the app declares (lines), and a Connect with a connector writing 'linez'
    const { app, kafka, cluster } = setup();
    new KafkaTopic(kafka, 'lines', { cluster });
    const connect = new KafkaConnect(kafka, 'pipeline', { cluster });
    connect.addConnector('source', { class: 'org.example.Source', topics: ['linez', 'lines'] });
    // THEN one warning names the misspelt topic, at the connector
    expect(
      findProblems(app)
        .filter((p) => p.rule.id === 'client-topic-declared')
        .map(formatProblem),
    ).toEqual([
      '[kafka/pipeline/source] warning: topics[0] = "linez": no KafkaTopic of this app declares \'linez\' on ' +
        "cluster 'events' (it declares lines). Fix: declare it with a KafkaTopic, or correct the name " +
        '[client-topic-declared]',
    ]);
    // AND a cluster whose topics are made elsewhere (no KafkaTopic in the app) gets no warning
    const other = setup();
    new KafkaBridge(other.kafka, 'http', { cluster: other.cluster, topics: ['anything'] });
    expect(findProblems(other.app).filter((p) => p.rule.id === 'client-topic-declared')).toEqual([]);
  });
});
