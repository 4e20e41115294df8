import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import {
  KafkaConnect,
  KafkaConnector,
  KafkaUser,
  KraftCluster,
  KraftClusterProps,
  STRIMZI_RELEASES,
  findProblems,
  formatProblem,
} from '../lib';
import { connectApiFacts } from '../lib/connect/connect-facts';
import { compareVersions } from '../lib/core/release';
import { CrdSchemaValidator, readManifests } from '../lib/tools';
import { diffJson, valueAt } from './support/diff';
import { describeIf, strimziRefDir } from './support/reference';
import { pools } from './support/rule-cases';
import { validationErrors } from './support/synth';

const FILE_SOURCE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
const secure: KraftClusterProps = {
  nodePools: pools,
  listeners: [
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

const objectsOf = (chart: Chart, kind: string) => Testing.synth(chart).filter((o) => o.kind === kind);

describe('KafkaConnect', () => {
  test('on 1.2.0: v1 storage fields derived from its name, the client block, and a user with its ACLs', () => {
    // GIVEN a Connect on the SCRAM listener with a source connector writing to orders
    const { app, kafka, cluster } = setup();
    const connect = new KafkaConnect(kafka, 'pipeline', { cluster, listener: 'scram', replicas: 2 });
    connect.addConnector('orders-source', {
      class: FILE_SOURCE,
      tasksMax: 2,
      config: { topic: 'orders', file: '/opt/kafka/LICENSE' },
      topics: ['orders'],
    });

    // WHEN synthesized
    const [k] = objectsOf(kafka, 'KafkaConnect');
    const [c] = objectsOf(kafka, 'KafkaConnector');
    const [u] = objectsOf(kafka, 'KafkaUser');

    // THEN no findings, and the Connect has every field v1 requires, derived once
    expect(validationErrors(app)).toEqual([]);
    expect(k.apiVersion).toBe('kafka.strimzi.io/v1');
    expect(k.metadata).toEqual({
      name: 'pipeline',
      namespace: 'kafka',
      annotations: { 'strimzi.io/use-connector-resources': 'true' },
    });
    expect(k.spec).toEqual({
      version: cluster.kafkaVersion,
      replicas: 2,
      bootstrapServers: 'events-kafka-bootstrap.kafka.svc:9094',
      groupId: 'pipeline-group',
      configStorageTopic: 'pipeline-configs',
      offsetStorageTopic: 'pipeline-offsets',
      statusStorageTopic: 'pipeline-status',
      tls: { trustedCertificates: [{ secretName: 'events-cluster-ca-cert', pattern: '*.crt' }] },
      authentication: {
        type: 'scram-sha-512',
        username: 'pipeline',
        passwordSecret: { secretName: 'pipeline', password: 'password' },
      },
      config: {
        'config.storage.replication.factor': 3,
        'offset.storage.replication.factor': 3,
        'status.storage.replication.factor': 3,
      },
    });
    // AND the connector is labelled with the Connect, in its namespace
    expect(c.metadata).toEqual({
      name: 'orders-source',
      namespace: 'kafka',
      labels: { 'strimzi.io/cluster': 'pipeline' },
    });
    expect(c.spec).toEqual({
      class: FILE_SOURCE,
      tasksMax: 2,
      config: { file: '/opt/kafka/LICENSE', topic: 'orders' },
    });
    // AND the user holds the group, the storage topics and the connector's topic
    expect(u.spec.authentication).toEqual({ type: 'scram-sha-512' });
    expect(
      u.spec.authorization.acls.map((a: any) => [a.resource.type, a.resource.name, a.operations.join(',')]),
    ).toEqual([
      ['group', 'pipeline-group', 'Read'],
      ['topic', 'pipeline-configs', 'Create,Describe,Read,Write'],
      ['topic', 'pipeline-status', 'Create,Describe,Read,Write'],
      ['topic', 'pipeline-offsets', 'Create,Describe,Read,Write'],
      ['topic', 'orders', 'Create,Describe,Read,Write'],
    ]);
  });

  test('on 0.48.0 (v1beta2): group and storage topics as config keys, trust by certificate pattern', () => {
    const { kafka, cluster } = setup({ strimziVersion: '0.48.0' });
    new KafkaConnect(kafka, 'pipeline', {
      cluster,
      config: { 'key.converter': 'org.apache.kafka.connect.json.JsonConverter' },
    });
    const [k] = objectsOf(kafka, 'KafkaConnect');
    expect(k.apiVersion).toBe('kafka.strimzi.io/v1beta2');
    expect(k.spec.groupId).toBeUndefined();
    expect(k.spec.replicas).toBe(3);
    expect(k.spec.config).toEqual({
      'config.storage.replication.factor': 3,
      'config.storage.topic': 'pipeline-configs',
      'group.id': 'pipeline-group',
      'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'offset.storage.replication.factor': 3,
      'offset.storage.topic': 'pipeline-offsets',
      'status.storage.replication.factor': 3,
      'status.storage.topic': 'pipeline-status',
    });
    expect(k.metadata.annotations).toBeUndefined(); // no connectors: REST-managed connectors are left alone
  });

  test('storage replication: the cluster factor capped at its brokers; -1 for a cluster of unknown replication', () => {
    const { kafka, cluster } = setup({ nodePools: { ...pools, broker: { ...pools.broker, replicas: 1 } } });
    const small = new KafkaConnect(kafka, 'small', { cluster, listener: 'tls' });
    const other = KraftCluster.fromAttributes(kafka, 'ext', {
      clusterName: 'ext',
      strimziVersion: '1.2.0',
      kafkaVersion: '4.3.1',
      listeners: [{ name: 'plain', port: 9092 }],
    });
    const remote = new KafkaConnect(kafka, 'remote', { cluster: other });
    expect([small.storageReplicationFactor, remote.storageReplicationFactor]).toEqual([1, -1]);
  });

  test('a build to a registry with checksummed plugins, resources and JVM options render as given, sorted', () => {
    const { app, kafka, cluster } = setup();
    new KafkaConnect(kafka, 'built', {
      cluster,
      resources: { requests: { memory: '2Gi', cpu: '500m' }, limits: { memory: '2Gi' } },
      jvmOptions: { xmx: '1g', javaSystemProperties: { 'b.y': '2', 'a.x': '1' } },
      build: {
        output: { type: 'docker', image: 'registry.example.com/connect:1', pushSecret: 'registry-push' },
        plugins: [
          {
            name: 'camel-timer',
            artifacts: [{ type: 'tgz', url: 'https://example.com/camel.tgz', sha512sum: 'a'.repeat(128) }],
          },
        ],
      },
    });
    const [k] = objectsOf(kafka, 'KafkaConnect');
    expect(validationErrors(app)).toEqual([]);
    expect(k.spec.resources).toEqual({ requests: { cpu: '500m', memory: '2Gi' }, limits: { memory: '2Gi' } });
    expect(Object.keys(k.spec.resources.requests)).toEqual(['cpu', 'memory']);
    expect(k.spec.jvmOptions).toEqual({
      '-Xmx': '1g',
      'javaSystemProperties': [
        { name: 'a.x', value: '1' },
        { name: 'b.y', value: '2' },
      ],
    });
    expect(k.spec.build.output).toEqual({
      type: 'docker',
      image: 'registry.example.com/connect:1',
      pushSecret: 'registry-push',
    });
    expect(k.spec.build.plugins[0].artifacts[0].sha512sum).toHaveLength(128);
  });

  test('connectorResources true without connectors annotates; a sink connector gets its consumer group', () => {
    const { kafka, cluster } = setup();
    new KafkaConnect(kafka, 'managed', { cluster, connectorResources: true });
    const sinkConnect = new KafkaConnect(kafka, 'sinks', { cluster });
    const sink = sinkConnect.addConnector('s3', {
      class: 'io.example.S3Sink',
      config: { topics: 'orders' },
      topics: ['orders'],
      state: 'paused',
      autoRestart: { enabled: true, maxRestarts: 5 },
    });
    const connects = objectsOf(kafka, 'KafkaConnect');
    expect(connects.map((o) => o.metadata.annotations?.['strimzi.io/use-connector-resources'])).toEqual([
      'true',
      'true',
    ]);
    expect(sink).toBeInstanceOf(KafkaConnector);
    const user = sinkConnect.user as KafkaUser;
    expect(user.acls.map((a) => `${a.resource.type}:${'name' in a.resource ? a.resource.name : ''}`)).toEqual([
      'group:sinks-group',
      'topic:sinks-configs',
      'topic:sinks-status',
      'topic:sinks-offsets',
      'topic:orders',
      'group:connect-s3',
    ]);
    const [c] = objectsOf(kafka, 'KafkaConnector');
    expect(c.spec.state).toBe('paused');
    expect(c.spec.autoRestart).toEqual({ enabled: true, maxRestarts: 5 });
  });

  test('in another namespace: refused naming the Secret copies; with copies, the spec mounts them', () => {
    // GIVEN a Connect in namespace apps of the cluster in namespace kafka
    const { app, cluster } = setup();
    const apps = new Chart(app, 'apps', { namespace: 'apps' });
    new KafkaConnect(apps, 'c1', { cluster, listener: 'scram' });
    // THEN one finding names both copies
    expect(validationErrors(apps)).toEqual([
      '[apps/c1] copiedSecrets: the client is in namespace apps, and a pod mounts Secrets of its own namespace only. ' +
        'Fix: put it in the namespace of its cluster, or keep copies there (a Secret replicator keeps them in sync) and name them: ' +
        "copiedSecrets: { clusterCa: the copy of 'events-cluster-ca-cert' (namespace kafka), user: the copy of 'c1' " +
        '(namespace kafka) } [client-secrets-namespace]',
    ]);
    // WHEN copies are named, THEN the Connect trusts and authenticates with them, its user stays in kafka
    const again = setup();
    const apps2 = new Chart(again.app, 'apps', { namespace: 'apps' });
    const copied = new KafkaConnect(apps2, 'c2', {
      cluster: again.cluster,
      listener: 'scram',
      copiedSecrets: { user: 'c2-copy', clusterCa: 'ca-copy' },
    });
    const [k] = objectsOf(apps2, 'KafkaConnect');
    expect(k.spec.tls.trustedCertificates[0].secretName).toBe('ca-copy');
    expect(k.spec.authentication.passwordSecret.secretName).toBe('c2-copy');
    expect(copied.user?.namespace).toBe('kafka');
  });

  test('a version the release does not support is refused; by default the cluster version is used', () => {
    const { app, kafka, cluster } = setup({ strimziVersion: '0.41.0' });
    new KafkaConnect(kafka, 'c1', { cluster, version: '4.3.1' });
    const c2 = new KafkaConnect(kafka, 'c2', { cluster });
    expect(findProblems(app).map(formatProblem)).toEqual([
      '[kafka/c1] version = "4.3.1": Strimzi 0.41.0 supports 3.6.0, 3.6.1, 3.6.2, 3.7.0. Fix: leave version out ' +
        "(the cluster's) or use one of them [kafka-version-supported]",
    ]);
    expect(c2.apiObject.toJson().spec.version).toBe(cluster.kafkaVersion);
  });

  test('a passed user keeps the ACLs its owner gave it', () => {
    const { app, kafka, cluster } = setup();
    const own = new KafkaUser(kafka, 'own', { cluster, authentication: { type: 'tls' } });
    const connect = new KafkaConnect(kafka, 'c1', { cluster, user: own });
    connect.addConnector('src', { class: FILE_SOURCE, topics: ['orders'] });
    expect(validationErrors(app)).toEqual([]);
    expect(own.acls).toEqual([]);
    expect(objectsOf(kafka, 'KafkaUser').map((u) => u.metadata.name)).toEqual(['own']);
  });

  test('one mistake, one finding: a bad connector topic is reported at the connector only', () => {
    const { app, kafka, cluster } = setup();
    new KafkaConnect(kafka, 'c1', { cluster }).addConnector('src', { class: FILE_SOURCE, topics: ['bad topic', 'ok'] });
    expect(findProblems(app).map(formatProblem)).toEqual([
      "[kafka/c1/src] topics[0] = \"bad topic\": not a topic name (1-249 of a-z A-Z 0-9 . _ -) or a prefix ending in '*'. Fix: name the topic, e.g. 'orders' [connector-topic]",
    ]);
  });
});

describe('release facts from the CRDs', () => {
  const crds = strimziRefDir('test/connect.test.ts (connect-releases.json against the CRDs)');
  (crds ? test : test.skip)('connect-releases.json is what scripts/import-connect.js derives from the CRDs', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { connectReleasesText } = require('../scripts/import-connect.js');
    const committed = fs.readFileSync(path.join(__dirname, '..', 'lib', 'connect', 'connect-releases.json'), 'utf-8');
    expect(connectReleasesText()).toBe(committed);
  });

  test('v1 requires replicas, group and the storage topics and drops externalConfiguration (0.49.0); connector.plugin.version forbidden from 0.50.0', () => {
    expect(connectApiFacts('0.48.0', 'v1')).toBeUndefined();
    expect(connectApiFacts('0.49.0', 'v1')?.required).toEqual([
      'bootstrapServers',
      'configStorageTopic',
      'groupId',
      'offsetStorageTopic',
      'replicas',
      'statusStorageTopic',
    ]);
    expect(connectApiFacts('0.49.0', 'v1')?.externalConfiguration).toBe(false);
    expect(connectApiFacts('0.49.0', 'v1beta2')?.externalConfiguration).toBe(true);
    expect(connectApiFacts('0.49.1', 'v1')?.connectorForbidden).not.toContain('connector.plugin.version');
    expect(connectApiFacts('0.50.0', 'v1')?.connectorForbidden).toContain('connector.plugin.version');
    expect(connectApiFacts('0.41.0', 'v1beta2')?.connectorForbidden).toEqual(['connector.class', 'tasks.max']);
    expect(connectApiFacts('1.2.0', 'v1')?.connectForbidden.prefixes).toContain('group.id');
    expect(connectApiFacts('0.51.0', 'v1')?.connectForbidden.prefixes).not.toContain('group.id');
    expect(connectApiFacts('1.2.0', 'v1')?.connectorStates).toEqual(['paused', 'running', 'stopped']);
    expect(connectApiFacts('1.2.0', 'v1')?.connectorPause).toBe(false);
    expect(connectApiFacts('0.41.0', 'v1beta2')?.connectorPause).toBe(true);
  });
});

const validators = new Map<string, CrdSchemaValidator>();
const validator = (tag: string) =>
  validators.get(tag) ?? validators.set(tag, CrdSchemaValidator.forRelease(tag)).get(tag)!;

describe('strict validity', () => {
  const cases = STRIMZI_RELEASES.flatMap((r) => r.apiVersions.map((v) => [r.tag, v] as const));
  test.each(cases)(
    'Strimzi %s %s: a full-featured Connect and connector validate against the CRDs',
    (tag, apiVersion) => {
      // GIVEN every field the Connect kind renders
      const { app, kafka, cluster } = setup({ strimziVersion: tag, apiVersion });
      const connect = new KafkaConnect(kafka, 'full', {
        cluster,
        listener: 'tls',
        replicas: 2,
        config: { 'key.converter': 'org.apache.kafka.connect.json.JsonConverter' },
        resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { memory: '2Gi' } },
        jvmOptions: { xms: '1g', xmx: '1g', gcLoggingEnabled: false, xx: { UseG1GC: 'true' } },
        build: {
          output: { type: 'docker', image: 'registry.example.com/connect:1', pushSecret: 'push' },
          plugins: [
            {
              name: 'file',
              artifacts: [{ type: 'maven', group: 'org.apache.kafka', artifact: 'connect-file', version: '4.0.0' }],
            },
            {
              name: 'other',
              artifacts: [
                { type: 'other', url: 'https://example.com/x.bin', fileName: 'x.bin', sha512sum: 'b'.repeat(128) },
              ],
            },
          ],
        },
      });
      // the plugin version where the release serves it and the Connect's Kafka chooses one (4.1.0)
      const versioned =
        connectApiFacts(tag, apiVersion)?.connectorVersion === true &&
        compareVersions(cluster.kafkaVersion, '4.1.0') >= 0;
      connect.addConnector('src', {
        class: FILE_SOURCE,
        version: versioned ? '[4.1.0,)' : undefined,
        tasksMax: 1,
        state: 'stopped',
        autoRestart: { enabled: true, maxRestarts: 3 },
        config: { topic: 'orders' },
        topics: ['orders'],
      });
      // WHEN validated strictly against the release's CRDs
      expect(validationErrors(app)).toEqual([]);
      const objects = Testing.synth(kafka).filter((o) => /^Kafka(Connect|Connector|User)$/.test(o.kind));
      // THEN every object is valid
      expect(objects.map((o) => `${o.apiVersion}/${o.kind}`).sort()).toEqual(
        [`KafkaConnect`, `KafkaConnector`, `KafkaUser`].map((k) => `kafka.strimzi.io/${apiVersion}/${k}`),
      );
      expect(objects.flatMap((o) => validator(tag).validate(o))).toEqual([]);
      expect(objects.find((o) => o.kind === 'KafkaConnector').spec.version).toBe(versioned ? '[4.1.0,)' : undefined);
    },
  );

  test('the strict check closes an object whose oneOf requires one of its fields (trustedCertificates)', () => {
    // GIVEN a Connect whose trusted certificate has a field the CRD does not declare, and one with neither choice
    const { kafka, cluster } = setup();
    new KafkaConnect(kafka, 'c1', { cluster });
    const [k] = objectsOf(kafka, 'KafkaConnect');
    const cert = k.spec.tls.trustedCertificates[0];
    const withExtra = { ...k, spec: { ...k.spec, tls: { trustedCertificates: [{ ...cert, extra: 1 }] } } };
    const withNeither = { ...k, spec: { ...k.spec, tls: { trustedCertificates: [{ secretName: 'x' }] } } };
    // THEN the first is refused for the extra field, the second for the oneOf, ours passes
    expect(validator('1.2.0').validate(withExtra)).toEqual([
      "KafkaConnect/c1 (kafka.strimzi.io/v1): /spec/tls/trustedCertificates/0 must NOT have additional properties 'extra'",
    ]);
    expect(validator('1.2.0').validate(withNeither).join('\n')).toContain('must match exactly one schema in oneOf');
    expect(validator('1.2.0').validate(k)).toEqual([]);
  });
});

// Upstream's packaging-examples/connect/* and security/*/connect.yaml, written with the library.
const ref = strimziRefDir('test/connect.test.ts (the Connect examples of 0.41.0, 0.46.0, 0.49.0 and 1.2.0)') ?? '';
const TAGS = ['0.41.0', '0.46.0', '0.49.0', '1.2.0'];
const isV1 = (tag: string) => tag >= '0.49.0' || tag.startsWith('1.');

/** The examples' my-cluster: a TLS listener on 9093; with authentication and simple authorization for security/. */
function exampleCluster(tag: string, auth?: 'tls' | 'scram-sha-512') {
  const chart = Testing.chart();
  const cluster = new KraftCluster(chart, 'my-cluster', {
    strimziVersion: tag,
    apiVersion: isV1(tag) ? 'v1' : 'v1beta2',
    nodePools: pools,
    listeners: [{ name: 'tls', port: 9093, tls: true, authentication: auth && { type: auth } }],
    authorization: auth && { type: 'simple' },
  });
  return { chart, cluster };
}

/** v1beta2 examples name the group connect-cluster; v1 examples name it my-connect-*. */
const storageOf = (tag: string) =>
  isV1(tag)
    ? {
        groupId: 'my-connect-group',
        configStorageTopic: 'my-connect-configs',
        offsetStorageTopic: 'my-connect-offsets',
        statusStorageTopic: 'my-connect-status',
      }
    : {
        groupId: 'connect-cluster',
        configStorageTopic: 'connect-cluster-configs',
        offsetStorageTopic: 'connect-cluster-offsets',
        statusStorageTopic: 'connect-cluster-status',
      };

const upstream = (tag: string, file: string) =>
  readManifests([path.join(ref, tag, 'packaging-examples', file)]) as any[];
const ours = (chart: Chart, kind: string, name: string) =>
  Testing.synth(chart).find((o) => o.kind === kind && o.metadata.name === name);

describeIf(ref)('upstream Connect examples', () => {
  test.each(TAGS)('%s connect/kafka-connect.yaml and kafka-connect-build.yaml: equal', (tag) => {
    for (const [file, build] of [
      ['connect/kafka-connect.yaml', false],
      ['connect/kafka-connect-build.yaml', true],
    ] as const) {
      // GIVEN upstream's Connect on my-cluster's TLS listener (no authentication)
      const [u] = upstream(tag, file);
      const { chart, cluster } = exampleCluster(tag);
      new KafkaConnect(chart, 'my-connect-cluster', {
        cluster,
        replicas: 1,
        version: u.spec.version,
        ...storageOf(tag),
        storageReplicationFactor: -1,
        build: build ? u.spec.build : undefined,
      });
      // THEN the same object, no difference
      const o = ours(chart, 'KafkaConnect', 'my-connect-cluster');
      expect(diffJson(u, o)).toEqual([]);
      expect(validator(tag).validate(o)).toEqual([]);
    }
  });

  test.each(TAGS)('%s connect/source-connector.yaml: equal', (tag) => {
    const [u] = upstream(tag, 'connect/source-connector.yaml');
    const { chart, cluster } = exampleCluster(tag);
    const connect = new KafkaConnect(chart, 'my-connect-cluster', { cluster, ...storageOf(tag) });
    connect.addConnector('my-source-connector', { class: u.spec.class, tasksMax: 2, config: u.spec.config });
    const o = ours(chart, 'KafkaConnector', 'my-source-connector');
    expect(diffJson(u, o)).toEqual([]);
    expect(validator(tag).validate(o)).toEqual([]);
  });

  // The intended differences of security/*/connect.yaml (a user and a Connect; the user's ACLs name
  // my-topic, "the topics used by your connectors": written as upstream's source connector on my-topic):
  // - the Connect gets the annotation upstream leaves commented out, as it has a KafkaConnector;
  // - releases before v1 list no storage replication factors: we state the cluster's (3);
  // - upstream lists the group ACL twice: we emit it once (the ACL set is compared below);
  // - ACL operations are emitted sorted, with host '*'.
  const DECLARED: Record<string, [string, unknown][]> = {
    v1beta2: [
      ['metadata.annotations', { 'strimzi.io/use-connector-resources': 'true' }],
      ['spec.config.config.storage.replication.factor', 3],
      ['spec.config.offset.storage.replication.factor', 3],
      ['spec.config.status.storage.replication.factor', 3],
    ],
    v1: [['metadata.annotations', { 'strimzi.io/use-connector-resources': 'true' }]],
  };
  const aclSet = (acls: any[]) =>
    [
      ...new Set(
        acls.map(
          (a) =>
            `${a.resource.type}:${a.resource.name}:${a.resource.patternType ?? 'literal'}:${[...a.operations].sort()}`,
        ),
      ),
    ].sort();

  test.each(TAGS.flatMap((t) => (['tls-auth', 'scram-sha-512-auth'] as const).map((d) => [t, d] as const)))(
    '%s security/%s/connect.yaml: the declared differences only',
    (tag, dir) => {
      // GIVEN upstream's user and Connect
      const docs = upstream(tag, `security/${dir}/connect.yaml`);
      const uUser = docs.find((d) => d.kind === 'KafkaUser');
      const uConnect = docs.find((d) => d.kind === 'KafkaConnect');
      const { chart, cluster } = exampleCluster(tag, dir === 'tls-auth' ? 'tls' : 'scram-sha-512');
      // WHEN written with the library: defaults on v1 (my-connect-*), upstream's names before
      const connect = new KafkaConnect(chart, 'my-connect', {
        cluster,
        replicas: 1,
        version: uConnect.spec.version,
        ...(isV1(tag) ? { storageReplicationFactor: -1 } : storageOf(tag)),
      });
      connect.addConnector('my-source-connector', {
        class: FILE_SOURCE,
        tasksMax: 2,
        config: { file: '/opt/kafka/LICENSE', topic: 'my-topic' },
        topics: ['my-topic'],
      });
      const oConnect = ours(chart, 'KafkaConnect', 'my-connect');
      const oUser = ours(chart, 'KafkaUser', 'my-connect');

      // THEN the Connect differs by the declared additions only, each with its value
      const declared = DECLARED[isV1(tag) ? 'v1' : 'v1beta2'];
      expect(diffJson(uConnect, oConnect)).toEqual(
        declared.map(([p]) => ({ path: p, kind: 'added' })).sort((a, b) => (a.path < b.path ? -1 : 1)),
      );
      for (const [p, v] of declared)
        expect(p.startsWith('spec.config.') ? oConnect.spec.config[p.slice(12)] : valueAt(oConnect, p)).toEqual(v);
      // AND the user equals upstream's but for its ACL list, which holds the same set
      const { authorization: uAuth, ...uRest } = uUser.spec;
      const { authorization: oAuth, ...oRest } = oUser.spec;
      expect(diffJson({ ...uUser, spec: uRest }, { ...oUser, spec: oRest })).toEqual([]);
      expect(oAuth.type).toBe(uAuth.type);
      expect(aclSet(oAuth.acls)).toEqual(aclSet(uAuth.acls));
      expect(oAuth.acls.every((a: any) => a.host === '*')).toBe(true);
      expect([oConnect, oUser].flatMap((o) => validator(tag).validate(o))).toEqual([]);
    },
  );
});

describe('Connect config from JavaScript', () => {
  test('a value that is no string, number or boolean is one prop-type finding, and is not emitted', () => {
    const chart = Testing.chart();
    const cluster = new KraftCluster(chart, 'c', { nodePools: pools });
    const connect = new KafkaConnect(chart, 'k', { cluster, config: { 'a.b': { x: 1 } as any, 'c.d': 'e' } });
    expect(findProblems(chart).map((p) => `${p.field} ${p.rule.id}`)).toEqual(["config['a.b'] prop-type"]);
    expect((connect.apiObject.toJson() as any).spec.config).toEqual(
      expect.not.objectContaining({ 'a.b': expect.anything() }),
    );
  });
});
