import * as path from 'path';
import { Testing } from 'cdk8s';
import {
  JbodVolume,
  KafkaMirrorMaker2,
  KafkaMirrorMaker2Props,
  KraftCluster,
  KraftClusterProps,
  Storage,
} from '../lib';
import { findProblems, formatProblem } from '../lib';
import { CrdSchemaValidator, readManifests } from '../lib/tools';
import { diffJson } from './support/diff';
import { describeIf, strimziRefDir } from './support/reference';

// Upstream's MirrorMaker 2 examples (packaging-examples/mirror-maker/kafka-mirror-maker-2*.yaml and
// security/{scram-sha-512-auth,tls-auth}/mirror-maker-2.yaml) of 0.41.0, 0.46.0, 0.49.0 and 1.2.0,
// written with the library. Compared: the KafkaMirrorMaker2 object field by field, every difference
// declared below with our value; the KafkaUsers by their spec and by the set of grants their ACLs
// give (upstream splits and orders them differently between its own examples). The Kafka and
// KafkaNodePool objects of these files are the clusters' business (test/upstream-examples.test.ts).
const ref = strimziRefDir('test/mirror-maker-2-examples.test.ts (the MirrorMaker 2 examples of 0.41.0-1.2.0)') ?? '';

type Tag = '0.41.0' | '0.46.0' | '0.49.0' | '1.2.0';
type Example = 'plain' | 'tls' | 'sync-groups' | 'custom-replication-policy' | 'scram-sha-512-auth' | 'tls-auth';
const TAGS: readonly Tag[] = ['0.41.0', '0.46.0', '0.49.0', '1.2.0'];
const KAFKA: Record<Tag, { kafkaVersion: string; metadataVersion: string }> = {
  '0.41.0': { kafkaVersion: '3.7.0', metadataVersion: '3.7-IV4' },
  '0.46.0': { kafkaVersion: '4.0.0', metadataVersion: '4.0-IV3' },
  '0.49.0': { kafkaVersion: '4.1.1', metadataVersion: '4.1-IV1' },
  '1.2.0': { kafkaVersion: '4.3.1', metadataVersion: '4.3-IV0' },
};
const v1beta2 = (tag: Tag) => tag === '0.41.0' || tag === '0.46.0';

const file = (tag: Tag, e: Example) =>
  e === 'scram-sha-512-auth' || e === 'tls-auth'
    ? `${tag}/packaging-examples/security/${e}/mirror-maker-2.yaml`
    : `${tag}/packaging-examples/mirror-maker/kafka-mirror-maker-2${e === 'plain' ? '' : `-${e}`}.yaml`;

/** The Connect group and storage topics the example uses: Strimzi's v1beta2 defaults, or v1's named ones. */
function storage(tag: Tag, e: Example): Partial<KafkaMirrorMaker2Props> {
  if (v1beta2(tag)) {
    const base = 'mirrormaker2-cluster';
    return {
      groupId: base,
      configStorageTopic: `${base}-configs`,
      offsetStorageTopic: `${base}-offsets`,
      statusStorageTopic: `${base}-status`,
    };
  }
  const prefix = tag === '1.2.0' && e === 'plain' ? '__my-mirror-maker-2' : 'my-mirror-maker-2';
  return {
    groupId: 'my-mirror-maker-2-group',
    configStorageTopic: `${prefix}-config`,
    offsetStorageTopic: `${prefix}-offset`,
    statusStorageTopic: `${prefix}-status`,
  };
}

const syncGroups: Partial<KafkaMirrorMaker2Props> = {
  syncGroupOffsets: true,
  emitCheckpointsIntervalSeconds: 60,
  syncGroupOffsetsIntervalSeconds: 60,
  sourceConnectorConfig: { 'offset.lag.max': 100 },
};

/** What each example says in the library's terms. */
function options(tag: Tag, e: Example): Partial<KafkaMirrorMaker2Props> {
  if (e === 'sync-groups' || e === 'scram-sha-512-auth' || e === 'tls-auth') return syncGroups;
  if (e === 'custom-replication-policy') return { replicationPolicy: 'identity' };
  if (e === 'plain' && tag === '1.2.0') {
    return { offsetSyncsTopicLocation: 'target', connectConfig: { 'plugin.discovery': 'service_load' } };
  }
  return {};
}

function build(tag: Tag, e: Example) {
  const chart = Testing.chart();
  const security = e === 'scram-sha-512-auth' || e === 'tls-auth';
  const cluster = (name: string): KraftCluster => {
    const props: KraftClusterProps = {
      strimziVersion: tag,
      ...KAFKA[tag],
      nodePools: {
        [name === 'cluster-a' ? 'source' : 'target']: {
          roles: ['controller', 'broker'],
          replicas: 1,
          storage: Storage.jbod(JbodVolume.persistentClaim(0, { size: '100Gi', kraftMetadata: true })),
        },
      },
      listeners: security
        ? [{ name: 'tls', port: 9093, tls: true, authentication: { type: e === 'tls-auth' ? 'tls' : 'scram-sha-512' } }]
        : [
            { name: 'plain', port: 9092 },
            { name: 'tls', port: 9093, tls: true },
          ],
      authorization: security ? { type: 'simple' } : undefined,
    };
    return new KraftCluster(chart, name, props);
  };
  const listener = security || e === 'tls' ? 'tls' : 'plain';
  const [a, b] = [cluster('cluster-a'), cluster('cluster-b')];
  new KafkaMirrorMaker2(chart, 'mm2', {
    name: 'my-mirror-maker-2',
    target: { cluster: b, listener, userName: 'cluster-b-user' },
    sources: [{ cluster: a, listener, userName: 'cluster-a-user' }],
    ...storage(tag, e),
    ...options(tag, e),
  });
  return chart;
}

// ---- the declared differences, with our value at each path ----
const sourceConnector = {
  tasksMax: 1,
  config: {
    'offset-syncs.topic.replication.factor': -1,
    'offset.lag.max': 100,
    'refresh.topics.interval.seconds': 600,
    'replication.factor': -1,
    'sync.topic.acls.enabled': 'false',
  },
};
/** v1beta2: we name the Connect group and storage topics (Strimzi's defaults, which the ACLs of 0.41.0 name). */
const namedStorage = {
  'spec.clusters[1].config.group.id': { kind: 'added', value: 'mirrormaker2-cluster' },
  'spec.clusters[1].config.config.storage.topic': { kind: 'added', value: 'mirrormaker2-cluster-configs' },
  'spec.clusters[1].config.offset.storage.topic': { kind: 'added', value: 'mirrormaker2-cluster-offsets' },
  'spec.clusters[1].config.status.storage.topic': { kind: 'added', value: 'mirrormaker2-cluster-status' },
};
/** 0.49.0's tls examples put the source's trustedCertificates outside `tls` (invalid: checked below). */
const sourceTls = (trusted: object) => ({
  'spec.mirrors[0].source.trustedCertificates': { kind: 'removed' },
  'spec.mirrors[0].source.tls': { kind: 'added', value: { trustedCertificates: [trusted] } },
});
/** 1.2.0's plain example relies on Kafka's default refresh interval; we state it (600, Kafka's default). */
const statedRefresh = {
  'spec.mirrors[0].sourceConnector.config.refresh.topics.interval.seconds': { kind: 'added', value: 600 },
};
/** The tls-auth mirrors of 0.49.0 and 1.2.0 have no source connector (so mirror no topic); ours has one. */
const addedSourceConnector = { 'spec.mirrors[0].sourceConnector': { kind: 'added', value: sourceConnector } };

const INTENDED: Record<string, Record<string, { kind: string; value?: unknown }>> = {
  '0.41.0 plain': namedStorage,
  '0.41.0 tls': namedStorage,
  '0.41.0 sync-groups': namedStorage,
  '0.41.0 custom-replication-policy': namedStorage,
  '0.41.0 scram-sha-512-auth': namedStorage,
  '0.41.0 tls-auth': namedStorage,
  '0.46.0 plain': namedStorage,
  '0.46.0 tls': namedStorage,
  '0.46.0 sync-groups': namedStorage,
  '0.46.0 custom-replication-policy': namedStorage,
  '0.46.0 scram-sha-512-auth': namedStorage,
  '0.46.0 tls-auth': namedStorage,
  '0.49.0 plain': {},
  '0.49.0 tls': sourceTls({ secretName: 'cluster-a-cluster-ca-cert', pattern: '*.crt' }),
  '0.49.0 sync-groups': {},
  '0.49.0 custom-replication-policy': {},
  '0.49.0 scram-sha-512-auth': sourceTls({ secretName: 'cluster-a-cluster-ca-cert', pattern: '*.crt' }),
  '0.49.0 tls-auth': {
    ...sourceTls({ secretName: 'cluster-a-cluster-ca-cert', pattern: '*.crt' }),
    ...addedSourceConnector,
  },
  '1.2.0 plain': statedRefresh,
  '1.2.0 tls': {},
  '1.2.0 sync-groups': {},
  '1.2.0 custom-replication-policy': {},
  '1.2.0 scram-sha-512-auth': {},
  '1.2.0 tls-auth': addedSourceConnector,
};

/** The grants an ACL list gives: `type:name:patternType:operation`, sorted and unique. */
const grants = (acls: any[]) =>
  [
    ...new Set(
      acls.flatMap((a) =>
        a.operations.map(
          (op: string) => `${a.resource.type}:${a.resource.name ?? ''}:${a.resource.patternType ?? 'literal'}:${op}`,
        ),
      ),
    ),
  ].sort();

/** Structural differences (as diffJson's paths) with our value at each added or changed one. */
function differencesWithValues(
  reference: unknown,
  ours: unknown,
  at = '',
): [string, { kind: string; value?: unknown }][] {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  if (!isObject(reference) || !isObject(ours) || Array.isArray(reference) !== Array.isArray(ours)) {
    return reference === ours ? [] : [[at, { kind: 'changed', value: ours }]];
  }
  const child = (k: string) => (Array.isArray(reference) ? `${at}[${k}]` : at ? `${at}.${k}` : k);
  return [...new Set([...Object.keys(reference), ...Object.keys(ours)])].sort().flatMap((k) => {
    if (!(k in ours)) return [[child(k), { kind: 'removed' }]];
    if (!(k in reference)) return [[child(k), { kind: 'added', value: ours[k] }]];
    return differencesWithValues(reference[k], ours[k], child(k));
  });
}

const EXAMPLES: readonly (readonly [Tag, Example])[] = TAGS.flatMap((t) =>
  (['plain', 'tls', 'sync-groups', 'custom-replication-policy', 'scram-sha-512-auth', 'tls-auth'] as const).map(
    (e) => [t, e] as const,
  ),
);

describeIf(ref)('upstream MirrorMaker 2 examples', () => {
  const validators = new Map<string, CrdSchemaValidator>();
  const validator = (tag: string) =>
    validators.get(tag) ?? validators.set(tag, CrdSchemaValidator.forRelease(tag)).get(tag)!;

  test.each(EXAMPLES)('%s %s: the same mirror and users, only the declared differences', (tag, e) => {
    // GIVEN upstream's objects and ours
    const upstream = readManifests([path.join(ref, file(tag, e))]) as any[];
    const chart = build(tag, e);
    const ours = Testing.synth(chart);
    const find = (objs: any[], kind: string, name?: string) =>
      objs.find((o) => o.kind === kind && (name === undefined || o.metadata.name === name));

    // THEN the mirror differs from upstream's exactly as declared, each added or changed field holding our value
    const u = find(upstream, 'KafkaMirrorMaker2');
    const o = find(ours, 'KafkaMirrorMaker2');
    const differences = Object.fromEntries(differencesWithValues(u, o));
    expect(differences).toEqual(INTENDED[`${tag} ${e}`]);

    // AND the users are upstream's: the same spec but for the ACLs' order and split, which give the same grants
    for (const user of upstream.filter((x) => x.kind === 'KafkaUser')) {
      const mine = find(ours, 'KafkaUser', user.metadata.name);
      const { acls: theirs, ...rest } = user.spec.authorization;
      expect(
        diffJson(
          { ...user, spec: { ...user.spec, authorization: rest } },
          {
            ...mine,
            spec: { ...mine.spec, authorization: { ...mine.spec.authorization, acls: undefined } },
          },
        ).filter((d) => d.path !== 'spec.authorization.acls'),
      ).toEqual([]);
      expect(grants(mine.spec.authorization.acls)).toEqual(grants(theirs));
    }
    expect(ours.filter((x) => x.kind === 'KafkaUser').length).toBe(
      upstream.filter((x) => x.kind === 'KafkaUser').length,
    );

    // AND the app has no other finding, and every Strimzi object is valid for the release
    // (upstream's clusters run one dual-role node: the warning about a single controller is theirs)
    const problems = findProblems(chart).filter((p) => p.rule.id !== 'controller-quorum-single');
    expect(problems.map(formatProblem)).toEqual([]);
    expect(ours.flatMap((x) => validator(tag).validate(x))).toEqual([]);
  });

  test("0.49.0's tls examples are themselves invalid where ours differ (trustedCertificates outside tls)", () => {
    const u = readManifests([path.join(ref, file('0.49.0', 'tls'))]) as any[];
    expect(validator('0.49.0').validate(u.find((o) => o.kind === 'KafkaMirrorMaker2'))).toEqual([
      "KafkaMirrorMaker2/my-mirror-maker-2 (kafka.strimzi.io/v1): /spec/mirrors/0/source must NOT have additional properties 'trustedCertificates'",
    ]);
  });
});
