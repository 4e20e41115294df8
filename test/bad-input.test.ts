import { Chart, Testing } from 'cdk8s';
import { JbodVolume, KraftCluster, KraftClusterProps, NodePoolOptions, Storage } from '../lib';
import { clusterChart, validationErrors } from './support/synth';

const storage = Storage.persistentClaim({ size: '10Gi' });
const controller: NodePoolOptions = { roles: ['controller'], replicas: 3, storage };
const broker: NodePoolOptions = { roles: ['broker'], replicas: 3, storage };
const pools = { broker, controller };
const external = { bootstrapNodePort: 32100, advertisedHost: 'kafka.example.com', advertisedPortBase: 8091 };

/** Expects building the cluster to throw at once with exactly this message. */
const rejects = (props: KraftClusterProps, message: string) => expect(() => clusterChart(props)).toThrow(message);
/** Expects synth validation to report exactly these messages. */
const reports = (props: KraftClusterProps, messages: string[]) => expect(validationErrors(clusterChart(props).chart)).toEqual(messages);

describe('bad input fails with construct path, field and fix', () => {
  test('Kafka version the release does not support names the releases that do', () => {
    rejects({ strimziVersion: '0.41.0', kafkaVersion: '3.7.1', nodePools: pools },
      '[test/my-cluster] kafkaVersion: Kafka 3.7.1 is not supported by Strimzi 0.41.0 (it supports 3.6.0, 3.6.1, 3.6.2, 3.7.0). Fix: use a supported version, or Strimzi 0.42.0, 0.43.0, 0.44.0 which support Kafka 3.7.1');
  });

  test('Kafka version no release supports', () => {
    rejects({ kafkaVersion: '2.8.0' }, 'Fix: use a supported version; no Strimzi release this library knows supports it');
  });

  test('unknown Strimzi release', () => {
    rejects({ strimziVersion: '0.40.0' }, '[test/my-cluster] strimziVersion: Strimzi 0.40.0 is not a release this library knows. Fix: use one of 0.41.0,');
  });

  test('API version the release does not serve', () => {
    rejects({ strimziVersion: '0.48.0', apiVersion: 'v1' }, '[test/my-cluster] apiVersion: Strimzi 0.48.0 does not serve kafka.strimzi.io/v1. Fix: use v1beta2');
  });

  test('metadata version newer than the Kafka version', () => {
    rejects({ strimziVersion: '0.43.0', kafkaVersion: '3.7.1', metadataVersion: '3.8-IV0' },
      "[test/my-cluster] metadataVersion: '3.8-IV0' is not a metadata version for Kafka 3.7.1. Fix: use 3.7 or an older <major>.<minor>-IV<n>");
  });

  test('no broker role', () => {
    reports({ nodePools: { controller } }, [
      "[test/my-cluster] nodePools: the cluster has no broker node. Fix: add a node pool with role 'broker' and replicas >= 1",
    ]);
  });

  test('no controller role', () => {
    reports({ nodePools: { broker } }, [
      "[test/my-cluster] nodePools: the cluster has no controller node. Fix: add a node pool with role 'controller' and replicas >= 1",
    ]);
  });

  test('a pool with no role', () => {
    rejects({ nodePools: { broker: { ...broker, roles: [] } } }, "[test/my-cluster/broker] roles: the pool has no role. Fix: give it ['broker'], ['controller'] or both");
  });

  test('replicas < 0', () => {
    rejects({ nodePools: { broker: { ...broker, replicas: -1 }, controller } },
      '[test/my-cluster/broker] replicas: -1 is not an integer from 0 to 1000. Fix: give the number of nodes, 0 or more');
  });

  test('duplicate pool names', () => {
    const { cluster } = clusterChart({ nodePools: pools });
    expect(() => cluster.addNodePool('broker', broker)).toThrow(
      "[test/my-cluster] nodePools['broker']: a node pool named 'broker' exists already. Fix: give every node pool its own name");
  });

  test('pool name that is not a DNS label', () => {
    rejects({ nodePools: { Broker_1: broker } }, "[test/my-cluster/Broker_1] name: 'Broker_1' is not a lower-case DNS label of at most 63 characters.");
  });

  test.each([
    ['external-1', "[test/my-cluster] listeners[0].name: 'external-1' is not 1 to 11 lower-case letters or digits. Fix: rename the listener, e.g. 'external'"],
    ['averylongname', "[test/my-cluster] listeners[0].name: 'averylongname' is not 1 to 11 lower-case letters or digits."],
  ])('listener name %s', (name, message) => {
    rejects({ listeners: [{ name, port: 9092 }] }, message);
  });

  test.each([9091, 9404, 9999])('listener port %i', (port) => {
    rejects({ listeners: [{ name: 'plain', port }] },
      `[test/my-cluster] listeners[0].port: ${port} is not an allowed listener port (9092-65535, except 9404 and 9999 which Strimzi uses). Fix: pick a free port such as 9092, 9093 or 9094`);
  });

  test('duplicate listener port and name', () => {
    rejects({ listeners: [{ name: 'plain', port: 9092 }, { name: 'tls', port: 9092 }] },
      "[test/my-cluster] listeners[1].port: port 9092 is already used by listener 'plain'. Fix: give every listener its own port");
    rejects({ listeners: [{ name: 'plain', port: 9092 }], nodePortListeners: [{ ...external, name: 'plain' }] },
      "[test/my-cluster/plain-listener] name: listener name 'plain' is used twice. Fix: give every listener its own name");
  });

  test('bootstrap NodePort outside 30000-32767', () => {
    rejects({ nodePools: pools, nodePortListeners: [{ ...external, bootstrapNodePort: 8080 }] },
      '[test/my-cluster/external-listener] bootstrapNodePort: 8080 is not an integer from 30000 to 32767. Fix: pick a NodePort from 30000 to 32767');
  });

  test('derived broker NodePort outside the range', () => {
    reports({ nodePools: pools, nodePortListeners: [{ ...external, bootstrapNodePort: 32766 }] }, [
      "[test/my-cluster/external-listener] nodePortBase: listener 'external' broker 1 NodePort 32768 is outside 30000-32767. Fix: lower nodePortBase or give the broker a nodePort in range",
      "[test/my-cluster/external-listener] nodePortBase: listener 'external' broker 2 NodePort 32769 is outside 30000-32767. Fix: lower nodePortBase or give the broker a nodePort in range",
    ]);
  });

  test('NodePort used twice', () => {
    reports({ nodePools: pools, nodePortListeners: [{ ...external, brokers: { 2: { nodePort: 32100 } } }] }, [
      "[test/my-cluster/external-listener] brokers[2].nodePort: NodePort 32100 of listener 'external' broker 2 is already taken by listener 'external' bootstrap. Fix: give every bootstrap and broker its own NodePort (change nodePortBase or the override)",
    ]);
  });

  test('two brokers advertising the same host:port', () => {
    reports({ nodePools: pools, nodePortListeners: [{ ...external, brokers: { 1: { advertisedPort: 8091 } } }] }, [
      '[test/my-cluster/external-listener] brokers[1]: broker 1 advertises kafka.example.com:8091, as listener \'external\' broker 0 does; clients would reach the wrong broker. Fix: give every broker its own advertised host or port',
    ]);
  });

  test('an override for a node ID that is not a broker', () => {
    reports({ nodePools: pools, nodePortListeners: [{ ...external, brokers: { 3: { advertisedPort: 9000 } } }] }, [
      '[test/my-cluster/external-listener] brokers[3]: no broker has node ID 3 (brokers: 0, 1, 2); the operator would ignore this override. Fix: key overrides by a broker node ID, or remove the entry',
    ]);
  });

  test('replication factor above the broker count', () => {
    reports({ nodePools: pools, replication: { factor: 4 } }, [
      '[test/my-cluster] replication.factor: replication factor 4 exceeds the 3 broker(s); topic creation would fail. Fix: add brokers or set replication.factor to at most 3',
    ]);
  });

  test('min ISR above the replication factor', () => {
    reports({ nodePools: pools, replication: { minInSyncReplicas: 4 } }, [
      '[test/my-cluster] replication.minInSyncReplicas: 4 is not from 1 to the replication factor 3. Fix: use replication factor - 1',
    ]);
  });

  test('replication keys in config are refused', () => {
    rejects({ config: { 'min.insync.replicas': 1 } },
      "[test/my-cluster] config['min.insync.replicas']: replication settings are computed from the broker count. Fix: set replication.factor / replication.minInSyncReplicas instead");
  });

  test('storage: bad quantity, duplicate volume IDs, two metadata volumes', () => {
    rejects({ nodePools: { broker: { ...broker, storage: Storage.persistentClaim({ size: '100GB' }) } } },
      "[test/my-cluster/broker] storage.size: '100GB' is not a Kubernetes quantity. Fix: write a quantity such as '100Gi'");
    rejects({ nodePools: { broker: { ...broker, storage: Storage.jbod(JbodVolume.persistentClaim(0, { size: '1Gi' }), JbodVolume.persistentClaim(0, { size: '1Gi' })) } } },
      '[test/my-cluster/broker] storage.volumes[1].id: volume ID 0 is used twice. Fix: give every JBOD volume its own ID');
    rejects({ nodePools: { broker: { ...broker, storage: Storage.jbod(JbodVolume.persistentClaim(0, { size: '1Gi', kraftMetadata: true }), JbodVolume.persistentClaim(1, { size: '1Gi', kraftMetadata: true })) } } },
      '[test/my-cluster/broker] storage.volumes: more than one volume has kraftMetadata. Fix: mark exactly one volume with kraftMetadata: true');
  });

  test('node ID conflicts between pools are reported on the pool', () => {
    reports({ nodePools: { broker: { ...broker, nodeIds: [0, 1, 2] }, controller: { ...controller, nodeIds: [2, 3, 4] } } }, [
      "[test/my-cluster/controller] nodeIds: node ID 2 is declared by pool 'broker' too. Fix: give every node ID to one pool only",
    ]);
  });

  test('all problems of a synth are reported together, and synth fails', () => {
    // GIVEN a cluster with three independent problems
    const app = Testing.app();
    const chart = new Chart(app, 'app');
    new KraftCluster(chart, 'c', { nodePools: { broker }, replication: { factor: 5 }, nodePortListeners: [{ ...external, brokers: { 9: {} } }] });

    // WHEN / THEN
    expect(() => app.synth()).toThrow([
      'Validation failed with the following errors:',
      "  [app/c] nodePools: the cluster has no controller node. Fix: add a node pool with role 'controller' and replicas >= 1",
      '  [app/c] replication.factor: replication factor 5 exceeds the 3 broker(s); topic creation would fail. Fix: add brokers or set replication.factor to at most 3',
      '  [app/c/external-listener] brokers[9]: no broker has node ID 9 (brokers: 0, 1, 2); the operator would ignore this override. Fix: key overrides by a broker node ID, or remove the entry',
    ].join('\n'));
  });
});
