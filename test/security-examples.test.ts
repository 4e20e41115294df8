import * as path from 'path';
import { Testing } from 'cdk8s';
import {
  Acl,
  JbodVolume,
  KafkaTopic,
  KafkaUser,
  KraftCluster,
  Storage,
  UserAuthentication,
  findProblems,
  formatProblem,
} from '../lib';
import { CrdSchemaValidator, readManifests } from '../lib/tools';
import { Difference, addedValueProblems, diffJson } from './support/diff';
import { describeIf, strimziRefDir } from './support/reference';

// The security examples of Strimzi 1.2.0 and 0.41.0 (examples/security/{tls-auth,scram-sha-512-auth}
// plus examples/user and examples/topic), written with the library: the same objects, equal after
// the differences listed in INTENDED.
const ref =
  strimziRefDir('test/security-examples.test.ts (the security, user and topic examples of 1.2.0 and 0.41.0)') ?? '';

type Auth = 'tls' | 'scram-sha-512';
const consumeAndProduce: Acl[] = [
  { resource: { type: 'topic', name: 'my-topic', patternType: 'literal' }, operations: ['Describe', 'Read'] },
  { resource: { type: 'group', name: 'my-group', patternType: 'literal' }, operations: ['Read'] },
  {
    resource: { type: 'topic', name: 'my-topic', patternType: 'literal' },
    operations: ['Create', 'Describe', 'Write'],
  },
];
// tls-auth/user.yaml lists Read, Describe, Write, Create in one rule; we write them in that order too.
const oneRule: Acl[] = [
  {
    resource: { type: 'topic', name: 'my-topic', patternType: 'literal' },
    operations: ['Read', 'Describe', 'Write', 'Create'],
  },
  { resource: { type: 'group', name: 'my-group', patternType: 'literal' }, operations: ['Read'] },
];

/** The example's cluster (3 controllers, 3 brokers, one internal TLS listener), user and topic. */
function build(tag: string, auth: Auth, acls: Acl[], topic: { partitions: number; replicas: number }) {
  const chart = Testing.chart();
  const storage = Storage.jbod(
    JbodVolume.persistentClaim(0, {
      size: '100Gi',
      kraftMetadata: true,
      deleteClaim: tag === '0.41.0' ? false : undefined,
    }),
  );
  const cluster = new KraftCluster(chart, 'my-cluster', {
    strimziVersion: tag,
    nodePools: {
      controller: { roles: ['controller'], replicas: 3, storage },
      broker: { roles: ['broker'], replicas: 3, storage },
    },
    listeners: [{ name: 'tls', port: 9093, tls: true, authentication: { type: auth } }],
    authorization: { type: 'simple' },
  });
  const authentication: UserAuthentication = { type: auth };
  new KafkaUser(chart, 'my-user', { cluster, authentication, acls });
  new KafkaTopic(chart, 'my-topic', {
    cluster,
    ...topic,
    config: { 'retention.ms': 7200000, 'segment.bytes': 1073741824 },
  });
  return chart;
}

const security = (tag: string, dir: string) =>
  ['kafka', 'user', 'topic'].map((f) => `${tag}/examples/security/${dir}/${f}.yaml`);
const EXAMPLES: Record<string, { files: string[]; chart: () => ReturnType<typeof build> }> = Object.fromEntries(
  ['1.2.0', '0.41.0'].flatMap((tag) => [
    [
      `${tag} tls-auth`,
      { files: security(tag, 'tls-auth'), chart: () => build(tag, 'tls', oneRule, { partitions: 10, replicas: 3 }) },
    ],
    [
      `${tag} scram-sha-512-auth`,
      {
        files: security(tag, 'scram-sha-512-auth'),
        chart: () => build(tag, 'scram-sha-512', consumeAndProduce, { partitions: 10, replicas: 3 }),
      },
    ],
    [
      `${tag} user`,
      {
        files: [`${tag}/examples/user/kafka-user.yaml`],
        chart: () => build(tag, 'tls', consumeAndProduce, { partitions: 10, replicas: 3 }),
      },
    ],
    [
      `${tag} topic`,
      {
        files: [`${tag}/examples/topic/kafka-topic.yaml`],
        chart: () => build(tag, 'tls', consumeAndProduce, { partitions: 1, replicas: 1 }),
      },
    ],
  ]),
);

// The intended differences:
// - every pool pins its node IDs; 1.2.0's volumes state deleteClaim: false (as the KRaft examples);
// - ACL operations are emitted sorted (the same set: checked below);
// - 0.41.0's security examples run ZooKeeper; ours is KRaft: node pools instead of
//   spec.kafka.replicas/storage and spec.zookeeper, the KRaft annotations, a metadata version, and
//   no inter.broker.protocol.version (KRaft has none).
const pinned = { path: 'metadata.annotations', kind: 'added' };
const deleteClaim = { path: 'spec.storage.volumes[0].deleteClaim', kind: 'added' };
const sortedOps = (acl: number, ...ops: number[]) =>
  ops.map((i) => ({ path: `spec.authorization.acls[${acl}].operations[${i}]`, kind: 'changed' }));
const zookeeperToKraft = [
  pinned,
  { path: 'spec.kafka.config.inter.broker.protocol.version', kind: 'removed' },
  { path: 'spec.kafka.metadataVersion', kind: 'added' },
  { path: 'spec.kafka.replicas', kind: 'removed' },
  { path: 'spec.kafka.storage', kind: 'removed' },
  { path: 'spec.zookeeper', kind: 'removed' },
];
const pools = (extra: object[]) => ({
  'KafkaNodePool/broker': [pinned, ...extra],
  'KafkaNodePool/controller': [pinned, ...extra],
});
const INTENDED: Record<string, Record<string, object[]>> = {
  '1.2.0 tls-auth': {
    ...pools([deleteClaim]),
    'Kafka/my-cluster': [],
    'KafkaUser/my-user': sortedOps(0, 0, 2, 3),
    'KafkaTopic/my-topic': [],
  },
  '1.2.0 scram-sha-512-auth': {
    ...pools([deleteClaim]),
    'Kafka/my-cluster': [],
    'KafkaUser/my-user': [],
    'KafkaTopic/my-topic': [],
  },
  '1.2.0 user': { 'KafkaUser/my-user': [] },
  '1.2.0 topic': { 'KafkaTopic/my-topic': [] },
  '0.41.0 tls-auth': {
    'Kafka/my-cluster': zookeeperToKraft,
    'KafkaUser/my-user': sortedOps(0, 0, 2, 3),
    'KafkaTopic/my-topic': [],
  },
  '0.41.0 scram-sha-512-auth': {
    'Kafka/my-cluster': zookeeperToKraft,
    'KafkaUser/my-user': [],
    'KafkaTopic/my-topic': [],
  },
  '0.41.0 user': { 'KafkaUser/my-user': [] },
  '0.41.0 topic': { 'KafkaTopic/my-topic': [] },
};
// Objects only we emit: the 0.41.0 security examples have no KafkaNodePool (ZooKeeper).
const ONLY_OURS: Record<string, string[]> = {
  '0.41.0 tls-auth': ['KafkaNodePool/broker', 'KafkaNodePool/controller'],
  '0.41.0 scram-sha-512-auth': ['KafkaNodePool/broker', 'KafkaNodePool/controller'],
};

const key = (o: any) => `${o.kind}/${o.metadata.name}`;
const validators = new Map<string, CrdSchemaValidator>();
const validator = (tag: string) =>
  validators.get(tag) ?? validators.set(tag, CrdSchemaValidator.forRelease(tag)).get(tag)!;

describeIf(ref)('upstream security, user and topic examples', () => {
  test.each(Object.keys(EXAMPLES).sort())(
    '%s: same objects, only the listed differences, valid for the release',
    (name) => {
      // GIVEN the upstream files and the library's rendering
      const { files, chart } = EXAMPLES[name];
      const upstream = readManifests(files.map((f) => path.join(ref, f))) as any[];
      const built = chart();
      const all = Testing.synth(built);
      const kinds = new Set(upstream.map((u) => u.kind));
      const ours = all.filter((o) => kinds.has(o.kind) || (ONLY_OURS[name] ?? []).includes(key(o)));

      // THEN the same objects, equal but for the intended differences
      expect(ours.map(key).sort()).toEqual([...upstream.map(key), ...(ONLY_OURS[name] ?? [])].sort());
      const differences = Object.fromEntries(
        ours
          .map((o) => {
            const u = upstream.find((x) => key(x) === key(o));
            return [key(o), u ? diffJson(u, o) : []];
          })
          .filter(([k]) => !(ONLY_OURS[name] ?? []).includes(k as string)),
      );
      const expected = { ...INTENDED[name] };
      expect(Object.fromEntries(Object.entries(differences).sort())).toEqual(
        Object.fromEntries(Object.entries(expected).sort()),
      );
      // and every field we add holds what it must (deleteClaim false, pinned node-ID ranges, a metadata version)
      for (const [k, d] of Object.entries(differences)) {
        expect(
          addedValueProblems(
            ours.find((o) => key(o) === k),
            d as Difference[],
          ),
        ).toEqual([]);
      }
      for (const u of upstream.filter((o) => o.kind === 'KafkaUser')) {
        const o = ours.find((x) => key(x) === key(u));
        u.spec.authorization.acls.forEach((acl: any, i: number) =>
          expect(o.spec.authorization.acls[i].operations).toEqual([...acl.operations].sort()),
        );
      }
      // and the whole app is free of findings and valid for its release
      expect(findProblems(built).map(formatProblem)).toEqual([]);
      const tag = name.split(' ')[0];
      expect(all.flatMap((o) => validator(tag).validate(o))).toEqual([]);
    },
  );
});
