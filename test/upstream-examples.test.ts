import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { JbodVolume, KraftClusterProps, Storage } from '../lib';
import { readManifests } from '../lib/tools';
import { addedValueProblems, diffJson } from './support/diff';
import { describeIf, strimziRefDir } from './support/reference';
import { clusterChart } from './support/synth';

const plainAndTls: KraftClusterProps['listeners'] = [
  { name: 'plain', port: 9092 },
  { name: 'tls', port: 9093, tls: true },
];
const persistent = (deleteClaim?: boolean) =>
  JbodVolume.persistentClaim(0, { size: '100Gi', kraftMetadata: true, deleteClaim });
const three = (storage: Storage) => ({
  controller: { roles: ['controller' as const], replicas: 3, storage },
  broker: { roles: ['broker' as const], replicas: 3, storage },
});

/** How the library expresses each KRaft example of Strimzi 1.2.0 and 0.41.0. */
const EXAMPLES: Record<string, KraftClusterProps> = {
  '1.2.0/examples/kafka-ephemeral.yaml': {
    strimziVersion: '1.2.0',
    listeners: plainAndTls,
    nodePools: three(Storage.jbod(JbodVolume.ephemeral(0, { kraftMetadata: true }))),
  },
  '1.2.0/examples/kafka-persistent.yaml': {
    strimziVersion: '1.2.0',
    listeners: plainAndTls,
    nodePools: three(Storage.jbod(persistent())),
  },
  '1.2.0/examples/kafka-jbod.yaml': {
    strimziVersion: '1.2.0',
    listeners: plainAndTls,
    nodePools: {
      ...three(Storage.jbod(persistent())),
      broker: {
        roles: ['broker'],
        replicas: 3,
        storage: Storage.jbod(persistent(), JbodVolume.persistentClaim(1, { size: '100Gi' })),
      },
    },
  },
  '1.2.0/examples/kafka-single-node.yaml': {
    strimziVersion: '1.2.0',
    listeners: plainAndTls,
    nodePools: { 'dual-role': { roles: ['controller', 'broker'], replicas: 1, storage: Storage.jbod(persistent()) } },
  },
  '1.2.0/examples/kafka-with-dual-role-nodes.yaml': {
    strimziVersion: '1.2.0',
    listeners: plainAndTls,
    nodePools: { 'dual-role': { roles: ['controller', 'broker'], replicas: 3, storage: Storage.jbod(persistent()) } },
  },
  '0.41.0/examples/kraft/kafka-ephemeral.yaml': {
    strimziVersion: '0.41.0',
    metadataVersion: '3.7-IV4',
    listeners: plainAndTls,
    nodePools: three(Storage.jbod(JbodVolume.ephemeral(0, { kraftMetadata: true }))),
  },
  '0.41.0/examples/kraft/kafka.yaml': {
    strimziVersion: '0.41.0',
    metadataVersion: '3.7-IV4',
    listeners: plainAndTls,
    nodePools: three(Storage.jbod(persistent(false))),
  },
  '0.41.0/examples/kraft/kafka-jbod.yaml': {
    strimziVersion: '0.41.0',
    metadataVersion: '3.7-IV4',
    listeners: plainAndTls,
    nodePools: {
      ...three(Storage.jbod(persistent(false))),
      broker: {
        roles: ['broker'],
        replicas: 3,
        storage: Storage.jbod(persistent(false), JbodVolume.persistentClaim(1, { size: '100Gi', deleteClaim: false })),
      },
    },
  },
  '0.41.0/examples/kraft/kafka-single-node.yaml': {
    strimziVersion: '0.41.0',
    metadataVersion: '3.7-IV4',
    listeners: plainAndTls,
    nodePools: {
      'dual-role': { roles: ['controller', 'broker'], replicas: 1, storage: Storage.jbod(persistent(false)) },
    },
  },
  '0.41.0/examples/kraft/kafka-with-dual-role-nodes.yaml': {
    strimziVersion: '0.41.0',
    metadataVersion: '3.7-IV4',
    listeners: plainAndTls,
    nodePools: {
      'dual-role': { roles: ['controller', 'broker'], replicas: 3, storage: Storage.jbod(persistent(false)) },
    },
  },
};

// The intended differences: every pool pins its node IDs (strimzi.io/next-node-ids); persistent
// volumes state deleteClaim: false where the 1.2.0 examples leave it to the default; and roles are
// emitted sorted (the same set: checked below).
const pinned = { path: 'metadata.annotations', kind: 'added' };
const rolesSorted = [
  { path: 'spec.roles[0]', kind: 'changed' },
  { path: 'spec.roles[1]', kind: 'changed' },
];
const deleteClaim = (i: number) => ({ path: `spec.storage.volumes[${i}].deleteClaim`, kind: 'added' });
const INTENDED: Record<string, Record<string, object[]>> = {
  '1.2.0/examples/kafka-ephemeral.yaml': {
    'KafkaNodePool/controller': [pinned],
    'KafkaNodePool/broker': [pinned],
    'Kafka/my-cluster': [],
  },
  '1.2.0/examples/kafka-persistent.yaml': {
    'KafkaNodePool/controller': [pinned, deleteClaim(0)],
    'KafkaNodePool/broker': [pinned, deleteClaim(0)],
    'Kafka/my-cluster': [],
  },
  '1.2.0/examples/kafka-jbod.yaml': {
    'KafkaNodePool/controller': [pinned, deleteClaim(0)],
    'KafkaNodePool/broker': [pinned, deleteClaim(0), deleteClaim(1)],
    'Kafka/my-cluster': [],
  },
  '1.2.0/examples/kafka-single-node.yaml': {
    'KafkaNodePool/dual-role': [pinned, ...rolesSorted, deleteClaim(0)],
    'Kafka/my-cluster': [],
  },
  '1.2.0/examples/kafka-with-dual-role-nodes.yaml': {
    'KafkaNodePool/dual-role': [pinned, ...rolesSorted, deleteClaim(0)],
    'Kafka/my-cluster': [],
  },
  '0.41.0/examples/kraft/kafka-ephemeral.yaml': {
    'KafkaNodePool/controller': [pinned],
    'KafkaNodePool/broker': [pinned],
    'Kafka/my-cluster': [],
  },
  '0.41.0/examples/kraft/kafka.yaml': {
    'KafkaNodePool/controller': [pinned],
    'KafkaNodePool/broker': [pinned],
    'Kafka/my-cluster': [],
  },
  '0.41.0/examples/kraft/kafka-jbod.yaml': {
    'KafkaNodePool/controller': [pinned],
    'KafkaNodePool/broker': [pinned],
    'Kafka/my-cluster': [],
  },
  '0.41.0/examples/kraft/kafka-single-node.yaml': {
    'KafkaNodePool/dual-role': [pinned, ...rolesSorted],
    'Kafka/my-cluster': [],
  },
  '0.41.0/examples/kraft/kafka-with-dual-role-nodes.yaml': {
    'KafkaNodePool/dual-role': [pinned, ...rolesSorted],
    'Kafka/my-cluster': [],
  },
};

const ref = strimziRefDir('test/upstream-examples.test.ts (the KRaft examples of Strimzi 1.2.0 and 0.41.0)');

describeIf(ref)('upstream KRaft examples', () => {
  test('every KRaft example of 1.2.0 and 0.41.0 is covered', () => {
    const files = [
      ...fs
        .readdirSync(path.join(ref!, '1.2.0', 'examples'))
        .filter((f) => /^kafka-.*\.yaml$/.test(f) && f !== 'kafka-versions.yaml')
        .map((f) => `1.2.0/examples/${f}`),
      ...fs
        .readdirSync(path.join(ref!, '0.41.0', 'examples', 'kraft'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => `0.41.0/examples/kraft/${f}`),
    ];
    expect(Object.keys(EXAMPLES).sort()).toEqual(files.sort());
  });

  test.each(Object.keys(EXAMPLES).sort())('%s: same objects, only the listed differences', (file) => {
    // GIVEN the upstream example and the library's rendering of it
    const upstream = readManifests([path.join(ref!, file)]) as any[];
    const ours = Testing.synth(clusterChart(EXAMPLES[file]).chart);
    const key = (o: any) => `${o.kind}/${o.metadata.name}`;

    // THEN the same objects, equal but for the intended differences
    expect(ours.map(key).sort()).toEqual(upstream.map(key).sort());
    const differences = Object.fromEntries(
      upstream.map((u) => [
        key(u),
        diffJson(
          u,
          ours.find((o) => key(o) === key(u)),
        ),
      ]),
    );
    expect(differences).toEqual(INTENDED[file]);
    // and every field we add holds what it must (deleteClaim false, pinned node-ID ranges)
    for (const [k, d] of Object.entries(differences)) {
      expect(
        addedValueProblems(
          ours.find((o) => key(o) === k),
          d,
        ),
      ).toEqual([]);
    }
    for (const u of upstream.filter((o) => o.kind === 'KafkaNodePool')) {
      expect(ours.find((o) => key(o) === key(u)).spec.roles).toEqual([...u.spec.roles].sort());
    }
  });
});
