import { App, Chart, Testing } from 'cdk8s';
import {
  KafkaConnect,
  KafkaMirrorMaker2,
  KafkaMirrorMaker2Props,
  KraftCluster,
  KraftClusterProps,
  findProblems,
  formatProblem,
} from '../lib';
import { literalNames, mm2Served, patternProblem, sourceUserAcls, targetUserAcls } from '../lib/mirror-maker/mm2-model';
import DATA from '../lib/mirror-maker/mm2-releases.json';
import { CrdSchemaValidator } from '../lib/tools';
import { pools } from './support/rule-cases';
import { validationErrors } from './support/synth';

const secure = (auth: 'scram-sha-512' | 'tls' = 'scram-sha-512'): KraftClusterProps => ({
  nodePools: pools,
  listeners: [{ name: 'secure', port: 9093, tls: true, authentication: { type: auth } }],
  authorization: { type: 'simple' },
});

/** Source `east` in namespace east, target `west` and the mirror in namespace west. */
function setup(props: Partial<KafkaMirrorMaker2Props> = {}, cluster: Partial<KraftClusterProps> = {}) {
  const app: App = Testing.app();
  const east = new Chart(app, 'east', { namespace: 'east' });
  const west = new Chart(app, 'west', { namespace: 'west' });
  const source = new KraftCluster(east, 'east', { ...secure(), ...cluster });
  const target = new KraftCluster(west, 'west', { ...secure(), ...cluster });
  const mm2 = new KafkaMirrorMaker2(west, 'mirror', {
    target: { cluster: target },
    sources: [{ cluster: source, copiedSecrets: { user: 'mirror-east-copy', clusterCa: 'east-ca-copy' } }],
    ...props,
  });
  const objects = () => Testing.synth(west);
  const of = (kind: string, name?: string) =>
    objects().find((o) => o.kind === kind && (!name || o.metadata.name === name));
  return { app, east, west, source, target, mm2, objects, of };
}

describe('KafkaMirrorMaker2 across namespaces', () => {
  test('a source in another namespace is refused until the mirror names its copies of the Secrets', () => {
    // GIVEN a mirror in west of a source in east, without copies
    const app = Testing.app();
    const east = new KraftCluster(new Chart(app, 'east', { namespace: 'east' }), 'east', secure());
    const west = new Chart(app, 'west', { namespace: 'west' });
    const target = new KraftCluster(west, 'west', secure());
    new KafkaMirrorMaker2(west, 'mirror', { target: { cluster: target }, sources: [{ cluster: east }] });
    // THEN one finding names the copies the source side needs, under sources[0]
    expect(validationErrors(app)).toEqual([
      '[west/mirror] sources[0].copiedSecrets: the client is in namespace west, and a pod mounts Secrets of its own ' +
        'namespace only. Fix: put it in the namespace of its cluster, or keep copies there (a Secret replicator keeps them in sync) and ' +
        "name them: copiedSecrets: { clusterCa: the copy of 'east-cluster-ca-cert' (namespace east), user: the copy " +
        "of 'mirror-east' (namespace east) } [client-secrets-namespace]",
    ]);
  });

  test('with copies: the source block mounts them, the source user lives with its cluster', () => {
    // GIVEN the mirror of setup() (copies named)
    const { app, mm2, of } = setup();
    const spec = of('KafkaMirrorMaker2').spec;
    // THEN no finding; the source connects across namespaces with the copies, the target with the originals
    expect(findProblems(app).map(formatProblem)).toEqual([]);
    expect(spec.mirrors[0].source).toEqual({
      alias: 'east',
      bootstrapServers: 'east-kafka-bootstrap.east.svc:9093',
      tls: { trustedCertificates: [{ secretName: 'east-ca-copy', pattern: '*.crt' }] },
      authentication: {
        type: 'scram-sha-512',
        username: 'mirror-east',
        passwordSecret: { secretName: 'mirror-east-copy', password: 'password' },
      },
    });
    expect(spec.target.bootstrapServers).toBe('west-kafka-bootstrap.west.svc:9093');
    expect(spec.target.authentication.passwordSecret).toEqual({ secretName: 'mirror-west', password: 'password' });
    expect(mm2.sourceUsers.map((u) => [u?.userName, u?.namespace])).toEqual([['mirror-east', 'east']]);
    expect(mm2.targetUser?.namespace).toBe('west');
  });
});

describe('KafkaMirrorMaker2 in a namespace of its own', () => {
  test('copies of both sides: each block mounts its copies, each user lives with its cluster', () => {
    // GIVEN a mirror in namespace mirrors, its source in east and its target in west
    const app = Testing.app();
    const east = new KraftCluster(new Chart(app, 'east', { namespace: 'east' }), 'east', secure('tls'));
    const west = new KraftCluster(new Chart(app, 'west', { namespace: 'west' }), 'west', secure('tls'));
    const mirrors = new Chart(app, 'mirrors', { namespace: 'mirrors' });
    const mm2 = new KafkaMirrorMaker2(mirrors, 'm', {
      target: { cluster: west, copiedSecrets: { user: 'west-user', clusterCa: 'west-ca' } },
      sources: [{ cluster: east, copiedSecrets: { user: 'east-user', clusterCa: 'east-ca' } }],
    });
    // WHEN synthesized
    const spec = Testing.synth(mirrors).find((o) => o.kind === 'KafkaMirrorMaker2').spec;
    // THEN no finding; both sides are mTLS with the copies; the users stay where their User Operators watch
    expect(findProblems(app).map(formatProblem)).toEqual([]);
    expect([spec.target.tls, spec.target.authentication]).toEqual([
      { trustedCertificates: [{ secretName: 'west-ca', pattern: '*.crt' }] },
      { type: 'tls', certificateAndKey: { secretName: 'west-user', certificate: 'user.crt', key: 'user.key' } },
    ]);
    expect(spec.mirrors[0].source.authentication.certificateAndKey.secretName).toBe('east-user');
    expect([mm2.targetUser?.namespace, mm2.sourceUsers[0]?.namespace]).toEqual(['west', 'east']);
  });
});

describe('KafkaMirrorMaker2 users and ACLs', () => {
  const aclsOf = (u: any) =>
    u.spec.authorization.acls.map((a: any) =>
      [a.resource.type, a.resource.name ?? '', a.resource.patternType ?? '', a.operations.join(',')].join(' '),
    );

  test('a literal topic list gives exact names on both sides (remote names under the default policy)', () => {
    // GIVEN a mirror of two named topics and one group
    const { of } = setup({ topicsPattern: 'orders|payments\\.v1', groupsPattern: 'billing' });
    // THEN the source user reads exactly those topics; the target user writes their remote names
    expect(aclsOf(of('KafkaUser', 'mirror-east'))).toEqual([
      'topic mm2-offset-syncs.west.internal literal Create,DescribeConfigs,Read,Write',
      'topic orders literal DescribeConfigs,Read',
      'topic payments.v1 literal DescribeConfigs,Read',
      'cluster   Describe',
      'group billing literal Describe',
    ]);
    expect(aclsOf(of('KafkaUser', 'mirror-west'))).toEqual([
      'group mirror-group literal Read',
      'topic mirror-config literal Create,Describe,DescribeConfigs,Read,Write',
      'topic mirror-status literal Create,Describe,DescribeConfigs,Read,Write',
      'topic mirror-offset literal Create,Describe,DescribeConfigs,Read,Write',
      'topic east.orders literal Alter,AlterConfigs,Create,Write',
      'topic east.payments.v1 literal Alter,AlterConfigs,Create,Write',
      'cluster   Describe',
      'topic east.checkpoints.internal literal Create,Describe,Write',
      'group billing literal Describe,Read',
      'topic east.orders literal Read',
      'topic east.payments.v1 literal Read',
    ]);
  });

  test('a pattern gives `*`; the identity policy keeps names; offset-syncs on the target move its ACL there', () => {
    const flow = {
      name: 'm',
      targetAlias: 'b',
      sourceAliases: ['a'],
      groupId: 'm-group',
      storageTopics: ['c', 's', 'o'],
      topicsPattern: 'orders\\..*',
      identityPolicy: true,
      offsetSyncsLocation: 'target' as const,
    };
    const names = (acls: any[]) => acls.map((a) => `${a.resource.type}:${a.resource.name ?? ''}`);
    expect(names(sourceUserAcls(flow))).toEqual(['topic:*', 'cluster:', 'group:*']);
    expect(names(targetUserAcls(flow))).toEqual([
      'group:m-group',
      'topic:c',
      'topic:s',
      'topic:o',
      'topic:*',
      'cluster:',
      'topic:a.checkpoints.internal',
      'group:*',
      'topic:*',
      'topic:mm2-offset-syncs.a.internal',
    ]);
    // and with the heartbeat connector (v1beta2) the target user may write `heartbeats`
    expect(names(targetUserAcls({ ...flow, heartbeats: true })).slice(-1)).toEqual(['topic:heartbeats']);
  });
});

describe('KafkaMirrorMaker2 patterns', () => {
  test('JavaScript-invalid patterns are refused unless they use Java-only syntax', () => {
    expect(patternProblem('orders|payments')).toBeUndefined();
    expect(patternProblem('orders,[abc')).toBe("'[abc' is not a regular expression (Unterminated character class)");
    expect(patternProblem('(orders')).toBe("'(orders' is not a regular expression (Unterminated group)");
    // Java-only: inline flags, possessive quantifiers, atomic groups, \Q..\E are left to Java
    for (const p of ['(?i)orders', 'a*+', '(?>a|b)c', '\\Qa.b\\E']) expect(patternProblem(p)).toBeUndefined();
  });

  test('literal names are read from a plain alternation or list only', () => {
    expect(literalNames('b|a,a')).toEqual(['a', 'b']);
    expect(literalNames('orders\\.v1')).toEqual(['orders.v1']);
    expect(literalNames('orders.v1')).toBeUndefined(); // `.` matches any character
    expect(literalNames('.*')).toBeUndefined();
  });
});

describe('KafkaMirrorMaker2 rendering', () => {
  test('v1: target with the Connect group and storage topics, mirrors holding their source', () => {
    const { of } = setup({
      externalSources: [
        {
          alias: 'dc2',
          bootstrapServers: 'kafka.dc2.example.com:9094',
          trustedCertificateSecret: 'dc2-ca',
          authentication: { type: 'tls', secretName: 'dc2-user' },
        },
      ],
      offsetSyncsTopicLocation: 'target',
      syncGroupOffsets: true,
      emitCheckpointsIntervalSeconds: 30,
      replicationFactor: 3,
      resources: { requests: { memory: '2Gi', cpu: '1' } },
    });
    const spec = of('KafkaMirrorMaker2').spec;
    expect(Object.keys(spec.target).sort()).toEqual([
      'alias',
      'authentication',
      'bootstrapServers',
      'config',
      'configStorageTopic',
      'groupId',
      'offsetStorageTopic',
      'statusStorageTopic',
      'tls',
    ]);
    expect(spec.target.config).toEqual({
      'config.storage.replication.factor': 3,
      'offset.storage.replication.factor': 3,
      'status.storage.replication.factor': 3,
    });
    expect(spec.resources).toEqual({ requests: { cpu: '1', memory: '2Gi' } });
    expect(spec.mirrors.map((m: any) => m.source.alias)).toEqual(['east', 'dc2']);
    expect(spec.mirrors[1].source).toEqual({
      alias: 'dc2',
      bootstrapServers: 'kafka.dc2.example.com:9094',
      tls: { trustedCertificates: [{ secretName: 'dc2-ca', pattern: '*.crt' }] },
      authentication: {
        type: 'tls',
        certificateAndKey: { secretName: 'dc2-user', certificate: 'user.crt', key: 'user.key' },
      },
    });
    expect(spec.mirrors[0].checkpointConnector).toEqual({
      tasksMax: 1,
      config: {
        'checkpoints.topic.replication.factor': 3,
        'emit.checkpoints.interval.seconds': 30,
        'offset-syncs.topic.location': 'target',
        'refresh.groups.interval.seconds': 600,
        'sync.group.offsets.enabled': 'true',
      },
    });
  });

  test('v1beta2: clusters (sources, then the target with the Connect settings) and mirrors by alias', () => {
    const { of } = setup({ heartbeats: true }, { strimziVersion: '0.45.0' });
    const spec = of('KafkaMirrorMaker2').spec;
    expect(spec.connectCluster).toBe('west');
    expect(spec.clusters.map((c: any) => c.alias)).toEqual(['east', 'west']);
    expect(spec.clusters[1].config).toEqual({
      'config.storage.replication.factor': -1,
      'config.storage.topic': 'mirror-config',
      'group.id': 'mirror-group',
      'offset.storage.replication.factor': -1,
      'offset.storage.topic': 'mirror-offset',
      'status.storage.replication.factor': -1,
      'status.storage.topic': 'mirror-status',
    });
    expect(spec.mirrors[0].sourceCluster).toBe('east');
    expect(spec.mirrors[0].targetCluster).toBe('west');
    expect(spec.mirrors[0].heartbeatConnector).toEqual({
      tasksMax: 1,
      config: { 'heartbeats.topic.replication.factor': -1 },
    });
  });
});

describe('KafkaMirrorMaker2 strict validity', () => {
  // every release and API version that serves the kind (the CRDs, via mm2-releases.json), as a cluster renders it
  const cases = Object.entries(DATA.releases as Record<string, Record<string, unknown>>).flatMap(([tag, versions]) =>
    Object.keys(versions).map((v) => [tag, v] as const),
  );
  const validators = new Map<string, CrdSchemaValidator>();
  const validator = (tag: string) =>
    validators.get(tag) ?? validators.set(tag, CrdSchemaValidator.forRelease(tag)).get(tag)!;

  test('the generated facts: every release serves the kind; v1 from 0.49.0 without a heartbeat connector', () => {
    expect(cases).toHaveLength(25);
    expect(cases.filter(([, v]) => v === 'v1').map(([t]) => t)[0]).toBe('0.49.0');
    expect(mm2Served('1.2.0', 'v1')?.heartbeatConnector).toBe(false);
    expect(mm2Served('0.51.0', 'v1beta2')?.heartbeatConnector).toBe(true);
    expect(mm2Served('1.0.0', 'v1beta2')).toBeUndefined();
  });

  test.each(cases)('Strimzi %s, %s: every option rendered validates strictly', (tag, apiVersion) => {
    // GIVEN a mirror with an app source (SCRAM) and an external source (mTLS), every setting given
    const { objects, app } = setup(
      {
        externalSources: [
          {
            alias: 'dc2',
            bootstrapServers: 'kafka.dc2.example.com:9094',
            trustedCertificateSecret: 'dc2-ca',
            authentication: { type: 'scram-sha-512', secretName: 'dc2-user', username: 'mm2' },
          },
        ],
        topicsPattern: 'orders|payments',
        topicsExcludePattern: 'orders\\.internal',
        groupsPattern: '.*',
        groupsExcludePattern: 'console-.*',
        replicas: 2,
        resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } },
        replicationFactor: 3,
        replicationPolicy: 'identity',
        offsetSyncsTopicLocation: 'target',
        syncGroupOffsets: true,
        syncGroupOffsetsIntervalSeconds: 30,
        emitCheckpointsIntervalSeconds: 30,
        heartbeats: apiVersion === 'v1beta2',
        tasksMax: 2,
        connectConfig: { 'plugin.discovery': 'service_load' },
        sourceConnectorConfig: { 'offset.lag.max': 100 },
      },
      { strimziVersion: tag, apiVersion: apiVersion as 'v1' | 'v1beta2' },
    );
    // WHEN synthesized
    const strimzi = objects().filter((o) => String(o.apiVersion).startsWith('kafka.strimzi.io/'));
    // THEN no finding, and every Strimzi object (the mirror, its users) is valid for the release
    expect(findProblems(app).map(formatProblem)).toEqual([]);
    expect(strimzi.find((o) => o.kind === 'KafkaMirrorMaker2')?.apiVersion).toBe(`kafka.strimzi.io/${apiVersion}`);
    expect(strimzi.flatMap((o) => validator(tag).validate(o))).toEqual([]);
  });
});

describe('the strict CRD validator and oneOf branches', () => {
  test('a trusted certificate with `pattern` is valid; an unknown field or neither `certificate` nor `pattern` is not', () => {
    // GIVEN Strimzi 0.45.0's trustedCertificates (an object with a oneOf of `certificate` and `pattern`)
    const mm2 = (cert: Record<string, string>) => ({
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaMirrorMaker2',
      metadata: { name: 'm' },
      spec: {
        connectCluster: 'b',
        clusters: [{ alias: 'b', bootstrapServers: 'b:9093', tls: { trustedCertificates: [cert] } }],
      },
    });
    const v = CrdSchemaValidator.forRelease('0.45.0');
    const at = '/spec/clusters/0/tls/trustedCertificates/0';
    // THEN the branch does not close the object, while the object itself stays closed
    expect(v.validate(mm2({ secretName: 'ca', pattern: '*.crt' }))).toEqual([]);
    expect(v.validate(mm2({ secretName: 'ca', pattern: '*.crt', typo: 'x' }))).toEqual([
      `KafkaMirrorMaker2/m (kafka.strimzi.io/v1beta2): ${at} must NOT have additional properties 'typo'`,
    ]);
    expect(v.validate(mm2({ secretName: 'ca' })).length).toBeGreaterThan(0);
  });
});

describe('a source on another release than the mirror', () => {
  test("its TLS trust is written for the mirror's release (0.41.0's CRD has no pattern)", () => {
    // GIVEN a 0.41.0 target and a 1.2.0 source in one namespace, both with TLS listeners
    const app = Testing.app();
    const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
    const listeners = [{ name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' as const } }];
    const target = new KraftCluster(chart, 'old', { nodePools: pools, strimziVersion: '0.41.0', listeners });
    const source = new KraftCluster(chart, 'new', { nodePools: pools, strimziVersion: '1.2.0', listeners });
    // WHEN a mirror copies from the new one into the old one
    const mirror = new KafkaMirrorMaker2(chart, 'm', { target: { cluster: target }, sources: [{ cluster: source }] });
    // THEN both clusters (by alias) trust their CA by certificate, as 0.41.0's CRD requires
    const clusters = (mirror.apiObject.toJson() as any).spec.clusters;
    expect(clusters.map((c: any) => c.tls.trustedCertificates)).toEqual([
      [{ secretName: 'new-cluster-ca-cert', certificate: 'ca.crt' }],
      [{ secretName: 'old-cluster-ca-cert', certificate: 'ca.crt' }],
    ]);
  });
});

describe('a KafkaConnect and a KafkaMirrorMaker2 of one name in one namespace', () => {
  test('one finding, at the mirror (not a second one at the Connect)', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
    const cluster = new KraftCluster(chart, 'c', { nodePools: pools, strimziVersion: '1.2.0' });
    new KafkaConnect(chart, 'x', { cluster });
    new KafkaMirrorMaker2(chart, 'x-mm', {
      name: 'x',
      target: { cluster },
      externalSources: [{ alias: 'dc2', bootstrapServers: 'dc2:9092' }],
    });
    const clash = validationErrors(app).filter((m) => m.includes('name-clash') || m.includes('connect-mm2-name'));
    expect(clash).toEqual([
      '[kafka/x-mm] name = "x": a KafkaConnect of namespace kafka has this name too, and from Strimzi 0.48.0 their ' +
        'RoleBindings clash. Fix: give the mirror or the Connect another name [mm2-connect-name-clash]',
    ]);
  });
});

describe('the mirror name: its Service <name>-mirrormaker2-api is an RFC 1035 label of at most 63 characters', () => {
  test.each([
    ['m'.repeat(46), []],
    ['m'.repeat(47), ['mm2-name']],
    ['east.to.west', ['mm2-name']],
    ['2east', ['mm2-name']],
  ])('%s', (name, rules) => {
    const app = Testing.app();
    const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
    const cluster = new KraftCluster(chart, 'c', { nodePools: pools, strimziVersion: '1.2.0' });
    new KafkaMirrorMaker2(chart, 'm', {
      name,
      target: { cluster },
      externalSources: [{ alias: 'dc2', bootstrapServers: 'dc2:9092' }],
    });
    expect(
      findProblems(app)
        .filter((p) => p.rule.id === 'mm2-name')
        .map((p) => p.rule.id),
    ).toEqual(rules);
  });
});

describe('a KafkaConnect and a KafkaMirrorMaker2 on one cluster share a group or storage topic', () => {
  test('one finding at the later one (both run Connect workers: they would join into one)', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
    const cluster = new KraftCluster(chart, 'c', { nodePools: pools, strimziVersion: '1.2.0' });
    new KafkaMirrorMaker2(chart, 'mirror', {
      target: { cluster },
      externalSources: [{ alias: 'dc2', bootstrapServers: 'dc2:9092' }],
    });
    new KafkaConnect(chart, 'pipeline', { cluster, groupId: 'mirror-group' });
    expect(
      findProblems(app)
        .filter((p) => p.rule.id === 'connect-storage-unique')
        .map(formatProblem),
    ).toEqual([
      '[kafka/pipeline] groupId = "mirror-group": kafka/mirror uses it too (its groupId) on cluster \'c\'; two Connect ' +
        'clusters sharing a group or storage topic join into one. Fix: leave groupId and the storage topics out ' +
        '(derived from its name) or give each Connect its own [connect-storage-unique]',
    ]);
  });
});
