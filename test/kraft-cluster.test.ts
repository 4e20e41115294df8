import { JbodVolume, NodePoolOptions, Storage } from '../lib';
import { clusterChart, externalBrokers, synthObjects, validationErrors } from './support/synth';

const storage = Storage.persistentClaim({ size: '10Gi' });
const controller: NodePoolOptions = { roles: ['controller'], replicas: 3, storage };
const broker = (replicas: number, extra: Partial<NodePoolOptions> = {}): NodePoolOptions => ({
  roles: ['broker'],
  replicas,
  storage,
  ...extra,
});
const external = { bootstrapNodePort: 32100, advertisedHost: 'kafka.example.com', advertisedPortBase: 8091 };

describe('KraftCluster', () => {
  test('every broker node ID, and no other, gets a pinned nodePort, host and port', () => {
    // GIVEN pools named so that the brokers sort second
    const { chart } = clusterChart({ nodePools: { controller, kafka: broker(3) }, nodePortListeners: [external] });

    // WHEN
    const out = synthObjects(chart);

    // THEN the brokers are 3-5, and the overrides follow them
    expect(externalBrokers(out.get('Kafka', 'my-cluster'))).toEqual([
      { broker: 3, advertisedHost: 'kafka.example.com', advertisedPort: 8094, nodePort: 32104 },
      { broker: 4, advertisedHost: 'kafka.example.com', advertisedPort: 8095, nodePort: 32105 },
      { broker: 5, advertisedHost: 'kafka.example.com', advertisedPort: 8096, nodePort: 32106 },
    ]);
    expect(out.get('KafkaNodePool', 'kafka').metadata.annotations['strimzi.io/next-node-ids']).toBe('[3-5,200-299]');
  });

  test('scaling the broker pool up adds entries; nothing is left to the operator', () => {
    // GIVEN the seed's cluster adopted with its IDs, then scaled to 5 brokers
    const { chart } = clusterChart({
      nodePools: { controller: { ...controller, nodeIds: [3, 4, 5] }, broker: broker(5, { nodeIds: [0, 1, 2] }) },
      nodePortListeners: [external],
    });

    // WHEN
    const brokers = externalBrokers(synthObjects(chart).get('Kafka', 'my-cluster'));

    // THEN brokers 100 and 101 appear, with ports derived from their IDs
    expect(brokers.map((b: any) => [b.broker, b.nodePort, b.advertisedPort])).toEqual([
      [0, 32101, 8091],
      [1, 32102, 8092],
      [2, 32103, 8093],
      [100, 32201, 8191],
      [101, 32202, 8192],
    ]);
  });

  test('per-broker overrides and a host template', () => {
    const { chart } = clusterChart({
      nodePools: { controller, broker: broker(3) },
      nodePortListeners: [
        {
          bootstrapNodePort: 31000,
          advertisedHost: 'b{nodeId}.kafka.example.com',
          brokers: { 1: { nodePort: 31500, advertisedPort: 443 } },
        },
      ],
    });
    expect(externalBrokers(synthObjects(chart).get('Kafka', 'my-cluster'))).toEqual([
      { broker: 0, advertisedHost: 'b0.kafka.example.com', advertisedPort: 31001, nodePort: 31001 },
      { broker: 1, advertisedHost: 'b1.kafka.example.com', advertisedPort: 443, nodePort: 31500 },
      { broker: 2, advertisedHost: 'b2.kafka.example.com', advertisedPort: 31003, nodePort: 31003 },
    ]);
  });

  test('with TLS, the bootstrap host is in the certificates even when every broker advertises its own host', () => {
    // GIVEN clients bootstrap from kafka.example.com, brokers advertise b0-b2.example.com
    const hosts = {
      0: { advertisedHost: 'b0.example.com' },
      1: { advertisedHost: 'b1.example.com' },
      2: { advertisedHost: 'b2.example.com' },
    };
    const { chart, cluster } = clusterChart({
      nodePools: { controller, broker: broker(3) },
      nodePortListeners: [{ ...external, brokers: hosts }],
    });

    // THEN the bootstrap certificate names cover the bootstrap host and every broker host
    const kafka = synthObjects(chart).get('Kafka', 'my-cluster');
    const listener = kafka.spec.kafka.listeners.find((l: any) => l.type === 'nodeport');
    expect(listener.configuration.bootstrap.alternativeNames).toEqual([
      'b0.example.com',
      'b1.example.com',
      'b2.example.com',
      'kafka.example.com',
    ]);
    expect(cluster.model.nodePortListeners[0].bootstrapHost).toBe('kafka.example.com');
  });

  test('the model exposes each fact once for other renderers (the load balancer)', () => {
    const { cluster } = clusterChart({ nodePools: { controller, broker: broker(3) }, nodePortListeners: [external] });
    const model = cluster.model;
    expect(model.brokerIds).toEqual([0, 1, 2]);
    expect(model.controllerIds).toEqual([3, 4, 5]);
    expect(model.nodePortListeners[0].listener.bootstrapPort).toBe(9094);
    expect(model.nodePortListeners[0].brokers.map((b) => b.nodePort)).toEqual([32101, 32102, 32103]);
  });

  test('dual-role pools are brokers and controllers', () => {
    const { chart, cluster } = clusterChart({
      nodePools: { dual: { roles: ['controller', 'broker'], replicas: 3, storage } },
      nodePortListeners: [external],
    });
    const out = synthObjects(chart);
    expect(out.get('KafkaNodePool', 'dual').spec.roles).toEqual(['broker', 'controller']);
    expect(cluster.model.controllerIds).toEqual([0, 1, 2]);
    expect(externalBrokers(out.get('Kafka', 'my-cluster')).map((b: any) => b.broker)).toEqual([0, 1, 2]);
  });

  test('several broker pools: IDs disjoint, every broker exposed', () => {
    const { chart, cluster } = clusterChart({
      nodePools: { 'broker-a': broker(2), 'broker-b': broker(2), controller },
      nodePortListeners: [external],
    });
    expect(cluster.model.pools.map((p) => [p.pool.name, p.nodeIds, p.nextNodeIds])).toEqual([
      ['broker-a', [0, 1], '[0-1,100-199]'],
      ['broker-b', [2, 3], '[2-3,200-299]'],
      ['controller', [4, 5, 6], '[4-6,300-399]'],
    ]);
    expect(externalBrokers(synthObjects(chart).get('Kafka', 'my-cluster')).map((b: any) => b.broker)).toEqual([
      0, 1, 2, 3,
    ]);
  });

  test.each([
    [1, 1, 1],
    [2, 2, 1],
    [3, 3, 2],
    [5, 3, 2],
  ])('with %i broker(s) the replication factor is %i and min ISR %i', (brokers, factor, minIsr) => {
    const { chart } = clusterChart({ nodePools: { controller, broker: broker(brokers) } });
    expect(synthObjects(chart).get('Kafka', 'my-cluster').spec.kafka.config).toEqual({
      'default.replication.factor': factor,
      'min.insync.replicas': minIsr,
      'offsets.topic.replication.factor': factor,
      'transaction.state.log.min.isr': minIsr,
      'transaction.state.log.replication.factor': factor,
    });
  });

  test('replication can be overridden and other config passes through sorted', () => {
    const { chart } = clusterChart({
      nodePools: { controller, broker: broker(5) },
      replication: { factor: 5, minInSyncReplicas: 3 },
      config: { 'log.retention.hours': 48, 'auto.create.topics.enable': false },
    });
    const config = synthObjects(chart).get('Kafka', 'my-cluster').spec.kafka.config;
    expect(Object.keys(config)).toEqual([...Object.keys(config)].sort());
    expect(config).toMatchObject({
      'default.replication.factor': 5,
      'min.insync.replicas': 3,
      'log.retention.hours': 48,
      'auto.create.topics.enable': false,
    });
  });

  test('release 1.2.0 renders v1 without KRaft annotations; 0.45.2 renders v1beta2 with them', () => {
    const current = synthObjects(clusterChart({ nodePools: { controller, broker: broker(3) } }).chart).get(
      'Kafka',
      'my-cluster',
    );
    expect(current.apiVersion).toBe('kafka.strimzi.io/v1');
    expect(current.metadata.annotations).toBeUndefined();
    expect(current.spec.kafka.version).toBe('4.3.1');
    expect(current.spec.kafka.metadataVersion).toBe('4.3-IV0');

    const old = synthObjects(
      clusterChart({ strimziVersion: '0.45.2', nodePools: { controller, broker: broker(3) } }).chart,
    ).get('Kafka', 'my-cluster');
    expect(old.apiVersion).toBe('kafka.strimzi.io/v1beta2');
    expect(old.metadata.annotations).toEqual({ 'strimzi.io/kraft': 'enabled', 'strimzi.io/node-pools': 'enabled' });
    expect(old.spec.kafka.version).toBe('3.9.2');
    expect(old.spec.kafka.metadataVersion).toBe('3.9');
  });

  test('0.50.0 serves both APIs: v1 by default, v1beta2 on request', () => {
    const v1 = synthObjects(
      clusterChart({ strimziVersion: '0.50.0', nodePools: { controller, broker: broker(3) } }).chart,
    );
    expect(v1.get('Kafka', 'my-cluster').apiVersion).toBe('kafka.strimzi.io/v1');
    const beta = synthObjects(
      clusterChart({ strimziVersion: '0.50.0', apiVersion: 'v1beta2', nodePools: { controller, broker: broker(3) } })
        .chart,
    );
    expect(beta.all.map((o) => o.apiVersion)).toEqual([
      'kafka.strimzi.io/v1beta2',
      'kafka.strimzi.io/v1beta2',
      'kafka.strimzi.io/v1beta2',
    ]);
  });

  test('entity operator is on by default and can be turned off', () => {
    const on = synthObjects(clusterChart({ nodePools: { controller, broker: broker(3) } }).chart).get(
      'Kafka',
      'my-cluster',
    );
    expect(on.spec.entityOperator).toEqual({ topicOperator: {}, userOperator: {} });
    const partial = synthObjects(
      clusterChart({ nodePools: { controller, broker: broker(3) }, userOperator: false }).chart,
    ).get('Kafka', 'my-cluster');
    expect(partial.spec.entityOperator).toEqual({ topicOperator: {} });
    const off = synthObjects(
      clusterChart({ nodePools: { controller, broker: broker(3) }, userOperator: false, topicOperator: false }).chart,
    ).get('Kafka', 'my-cluster');
    expect(off.spec.entityOperator).toBeUndefined();
  });

  test('storage, resources, JVM options and template are rendered', () => {
    const { chart } = clusterChart({
      nodePools: {
        controller: { ...controller, storage: Storage.ephemeral({ sizeLimit: '1Gi', kraftMetadata: true }) },
        broker: broker(3, {
          storage: Storage.jbod(
            JbodVolume.persistentClaim(1, { size: '1Ti' }),
            JbodVolume.persistentClaim(0, {
              size: '10Gi',
              storageClass: 'ssd',
              kraftMetadata: true,
              deleteClaim: true,
            }),
          ),
          resources: { requests: { memory: '8Gi', cpu: '2' }, limits: { memory: '8Gi' } },
          jvmOptions: {
            xms: '4g',
            xmx: '4g',
            xx: { UseG1GC: 'true' },
            javaSystemProperties: { 'b.prop': '2', 'a.prop': '1' },
          },
          template: { pod: { terminationGracePeriodSeconds: 120 } },
        }),
      },
    });
    const out = synthObjects(chart);
    expect(out.get('KafkaNodePool', 'controller').spec.storage).toEqual({
      type: 'ephemeral',
      sizeLimit: '1Gi',
      kraftMetadata: 'shared',
    });
    expect(out.get('KafkaNodePool', 'broker').spec).toMatchObject({
      storage: {
        type: 'jbod',
        volumes: [
          { id: 0, type: 'persistent-claim', size: '10Gi', class: 'ssd', deleteClaim: true, kraftMetadata: 'shared' },
          { id: 1, type: 'persistent-claim', size: '1Ti', deleteClaim: false },
        ],
      },
      resources: { requests: { cpu: '2', memory: '8Gi' }, limits: { memory: '8Gi' } },
      jvmOptions: {
        '-Xms': '4g',
        '-Xmx': '4g',
        '-XX': { UseG1GC: 'true' },
        'javaSystemProperties': [
          { name: 'a.prop', value: '1' },
          { name: 'b.prop', value: '2' },
        ],
      },
      template: { pod: { terminationGracePeriodSeconds: 120 } },
    });
  });

  test('listeners are emitted by port; tls and authentication pass through', () => {
    const { chart } = clusterChart({
      nodePools: { controller, broker: broker(3) },
      listeners: [
        { name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } },
        { name: 'plain', port: 9092, type: 'cluster-ip' },
      ],
      nodePortListeners: [{ ...external, tls: true, authentication: { type: 'scram-sha-512' } }],
    });
    const listeners = synthObjects(chart).get('Kafka', 'my-cluster').spec.kafka.listeners;
    expect(listeners.map((l: any) => [l.name, l.port, l.type, l.tls, l.authentication?.type])).toEqual([
      ['plain', 9092, 'cluster-ip', false, undefined],
      ['tls', 9093, 'internal', true, 'tls'],
      ['external', 9094, 'nodeport', true, 'scram-sha-512'],
    ]);
    // TLS clients dial the advertised host for bootstrap: it must be in the certificate
    expect(listeners[2].configuration.bootstrap).toEqual({ nodePort: 32100, alternativeNames: ['kafka.example.com'] });
  });

  test('a template field the target API lacks is reported, not dropped silently', () => {
    // GIVEN a v1-only field (1.2.0) on a v1beta2 cluster (0.48.0)
    const { chart } = clusterChart({
      strimziVersion: '0.48.0',
      nodePools: { controller, broker: broker(3, { template: { pod: { bogusField: 1 } } as any }) },
    });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/broker] template.pod.bogusField: kafka.strimzi.io/v1beta2 has no such field (Strimzi 0.48.0). Fix: remove it, or target a Strimzi release whose API has it [template-fields-known]',
    ]);
  });

  test('synth twice gives identical output', () => {
    const build = () =>
      synthObjects(clusterChart({ nodePools: { controller, broker: broker(3) }, nodePortListeners: [external] }).chart)
        .all;
    expect(JSON.stringify(build())).toBe(JSON.stringify(build()));
  });

  test('addNodePool after construction is part of the model', () => {
    const { chart, cluster } = clusterChart({ nodePools: { controller } });
    cluster.addNodePool('broker', broker(3));
    expect(synthObjects(chart).all.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Kafka/my-cluster',
      'KafkaNodePool/controller',
      'KafkaNodePool/broker',
    ]);
    expect(cluster.model.brokerIds).toEqual([0, 1, 2]);
  });
});
