import * as path from 'path';
import { Testing } from 'cdk8s';
import { APPS } from '../apps/registry';
import { diagnosePaths } from '../lib/doctor';
import { readManifests, validateManifests } from '../lib/tools';

// The `platform` example app (apps/platform.ts): its values pinned, not only its snapshot.

function synthPlatform(): { get(kind: string, name: string, namespace?: string): any; all: any[] } {
  const app = Testing.app();
  APPS.platform(app);
  const all = app.charts.flatMap((c) => Testing.synth(c));
  return {
    all,
    get: (kind, name, namespace = 'platform') => {
      const hit = all.find(
        (o) => o.kind === kind && o.metadata.name === name && (o.metadata.namespace ?? namespace) === namespace,
      );
      if (!hit) throw new Error(`no ${kind} ${namespace}/${name}`);
      return hit;
    },
  };
}

const acl = (type: string, name: string, operations: string[], patternType = 'literal') => ({
  resource: { type, name, patternType },
  operations,
  host: '*',
});

describe('the platform app', () => {
  const out = synthPlatform();

  test('Kafka Connect: built with the file plugin, wired to the mTLS listener, its connector and user', () => {
    const connect = out.get('KafkaConnect', 'pipeline');
    expect(connect.metadata.annotations).toEqual({ 'strimzi.io/use-connector-resources': 'true' });
    expect(connect.spec).toMatchObject({
      replicas: 2,
      version: '4.3.1',
      bootstrapServers: 'events-kafka-bootstrap.platform.svc:9093',
      tls: { trustedCertificates: [{ secretName: 'events-cluster-ca-cert', pattern: '*.crt' }] },
      authentication: {
        type: 'tls',
        certificateAndKey: { secretName: 'pipeline', certificate: 'user.crt', key: 'user.key' },
      },
      groupId: 'pipeline-group',
      configStorageTopic: 'pipeline-configs',
      offsetStorageTopic: 'pipeline-offsets',
      statusStorageTopic: 'pipeline-status',
    });
    expect(connect.spec.build.plugins).toEqual([
      {
        name: 'file',
        artifacts: [{ type: 'maven', group: 'org.apache.kafka', artifact: 'connect-file', version: '4.3.1' }],
      },
    ]);
    const connector = out.get('KafkaConnector', 'lines');
    expect(connector.metadata.labels).toEqual({ 'strimzi.io/cluster': 'pipeline' });
    expect(connector.spec).toMatchObject({
      class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
      tasksMax: 1,
      config: { file: '/opt/kafka/LICENSE', topic: 'lines' },
    });
    const user = out.get('KafkaUser', 'pipeline');
    expect(user.spec.authentication).toEqual({ type: 'tls' });
    const rw = ['Create', 'Describe', 'Read', 'Write'];
    expect(user.spec.authorization.acls).toEqual(
      expect.arrayContaining([
        acl('group', 'pipeline-group', ['Read']),
        acl('topic', 'pipeline-configs', rw),
        acl('topic', 'pipeline-offsets', rw),
        acl('topic', 'pipeline-status', rw),
        acl('topic', 'lines', rw),
      ]),
    );
  });

  test('MirrorMaker 2: v1 target and source; the source in namespace legacy through copies of its Secrets', () => {
    const mm2 = out.get('KafkaMirrorMaker2', 'mirror');
    expect(mm2.spec.target).toMatchObject({
      alias: 'events',
      bootstrapServers: 'events-kafka-bootstrap.platform.svc:9093',
      authentication: { type: 'tls', certificateAndKey: { secretName: 'mirror-events' } },
    });
    expect(mm2.spec.mirrors).toHaveLength(1);
    expect(mm2.spec.mirrors[0].source).toMatchObject({
      alias: 'legacy',
      bootstrapServers: 'legacy-kafka-bootstrap.legacy.svc:9094',
      tls: { trustedCertificates: [{ secretName: 'legacy-cluster-ca-cert', pattern: '*.crt' }] },
      authentication: {
        type: 'scram-sha-512',
        username: 'mirror-legacy',
        passwordSecret: { secretName: 'legacy-mirror-user', password: 'password' },
      },
    });
    expect(mm2.spec.mirrors[0].topicsPattern).toBe('orders');
    // the users live where each cluster's User Operator watches
    expect(out.get('KafkaUser', 'mirror-events').metadata.namespace).toBe('platform');
    const source = out.get('KafkaUser', 'mirror-legacy', 'legacy');
    expect(source.metadata).toMatchObject({ namespace: 'legacy', labels: { 'strimzi.io/cluster': 'legacy' } });
    expect(source.spec.authentication).toEqual({ type: 'scram-sha-512' });
  });

  test('the Bridge: SCRAM over TLS, CORS, and a user for its topic and group prefix', () => {
    const bridge = out.get('KafkaBridge', 'http');
    expect(bridge.spec).toMatchObject({
      replicas: 2,
      bootstrapServers: 'events-kafka-bootstrap.platform.svc:9094',
      authentication: {
        type: 'scram-sha-512',
        username: 'http',
        passwordSecret: { secretName: 'http', password: 'password' },
      },
      http: { port: 8080, cors: { allowedOrigins: ['https://shop.example.com'], allowedMethods: ['GET', 'POST'] } },
    });
    expect(out.get('KafkaUser', 'http').spec.authorization.acls).toEqual([
      acl('group', 'http-', ['Read'], 'prefix'),
      acl('topic', 'orders', ['Create', 'Describe', 'Read', 'Write']),
    ]);
  });

  test('Cruise Control drains and spreads with one template; the new pool gets its rebalance', () => {
    const kafka = out.get('Kafka', 'events');
    expect(kafka.spec.cruiseControl.autoRebalance).toEqual([
      { mode: 'add-brokers', template: { name: 'events-spread' } },
      { mode: 'remove-brokers', template: { name: 'events-spread' } },
    ]);
    expect(out.get('KafkaRebalance', 'events-spread').metadata.annotations).toEqual({
      'strimzi.io/rebalance-template': 'true',
    });
    const pools = Object.fromEntries(
      out.all
        .filter((o) => o.kind === 'KafkaNodePool' && o.metadata.namespace === 'platform')
        .map((p) => [p.metadata.name, p]),
    );
    expect(pools['broker-b'].metadata.annotations['strimzi.io/next-node-ids']).toBe('[3-5,200-299]');
    expect(out.get('KafkaRebalance', 'events-broker-b').spec).toEqual({ mode: 'add-brokers', brokers: [3, 4, 5] });
    expect(kafka.spec.kafka.rack).toEqual({ topologyKey: 'topology.kubernetes.io/zone' });
  });

  test('metrics on every component: the exporter ConfigMaps and the PodMonitors that scrape them', () => {
    const configMaps = out.all
      .filter((o) => o.kind === 'ConfigMap' && o.metadata.namespace === 'platform')
      .map((o) => o.metadata.name);
    expect(configMaps.sort()).toEqual([
      'events-cruise-control-metrics',
      'events-kafka-metrics',
      'http-bridge-metrics',
      'mirror-mirror-maker-2-metrics',
      'pipeline-connect-metrics',
    ]);
    expect(out.get('KafkaConnect', 'pipeline').spec.metricsConfig).toEqual({
      type: 'jmxPrometheusExporter',
      valueFrom: { configMapKeyRef: { name: 'pipeline-connect-metrics', key: 'metrics-config.yml' } },
    });
    const monitors = out.all
      .filter((o) => o.kind === 'PodMonitor')
      .map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(monitors.sort()).toEqual([
      'platform/events-entity-operator-metrics',
      'platform/events-kafka-metrics',
      'platform/http-bridge-metrics',
      'platform/mirror-mirror-maker-2-metrics',
      'platform/pipeline-connect-metrics',
      'strimzi/strimzi-cluster-operator-metrics',
    ]);
  });

  test('the committed dist/platform is strictly valid for 1.2.0 and passes the offline doctor', () => {
    const dir = path.join(__dirname, '..', 'dist', 'platform');
    const { errors, checked } = validateManifests(readManifests([dir]), { strimziVersion: '1.2.0' });
    expect(errors).toEqual([]);
    expect(Object.values(checked).reduce((a, b) => a + b, 0)).toBeGreaterThan(40);
    const report = diagnosePaths([dir]);
    expect(report.findings).toEqual([]);
    expect(report.clientChains).toHaveLength(4);
  });
});
