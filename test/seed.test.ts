import * as path from 'path';
import { Testing } from 'cdk8s';
import { SeedChart } from '../apps/seed';
import { readManifests } from '../lib/tools';
import { diffJson } from './support/diff';
import { describeIf, seedDir } from './support/reference';

const seed = seedDir("test/seed.test.ts (the seed app vs the post's kafka.yaml)");

describeIf(seed)('the seed app vs the post', () => {
  // GIVEN the hand-written manifest of the post, and our app for the same cluster
  const reference = seed ? (readManifests([path.join(seed, 'kafka.yaml')]) as any[]) : [];
  const ours = Testing.synth(new SeedChart(Testing.app(), 'seed'));
  const key = (o: any) => `${o.kind}/${o.metadata.name}`;

  test('emits the same objects as the hand-written manifest', () => {
    expect(ours.map(key).sort()).toEqual(reference.map(key).sort());
  });

  test('differs from the hand-written manifest only by the documented fixes', () => {
    // WHEN each of our objects is compared with the reference object of the same kind and name
    const differences = Object.fromEntries(
      reference.map((r) => [
        key(r),
        diffJson(
          r,
          ours.find((o) => key(o) === key(r)),
        ),
      ]),
    );

    // THEN everything the post wrote is kept as it is, and these are the only additions:
    const external = 'spec.kafka.listeners[1].configuration';
    expect(differences).toEqual({
      'KafkaNodePool/controller': [
        // pins the IDs the operator gave the post's controllers, with room to scale
        { path: 'metadata.annotations', kind: 'added' },
        { path: 'metadata.namespace', kind: 'added' }, // the post applied with `kubectl -n kafka`
      ],
      'KafkaNodePool/broker': [
        { path: 'metadata.annotations', kind: 'added' },
        { path: 'metadata.namespace', kind: 'added' },
      ],
      'Kafka/my-cluster': [
        { path: 'metadata.namespace', kind: 'added' },
        // pins every broker's NodePort, the fault behind "Disconnected from node 1 due to timeout"
        { path: `${external}.brokers[0].nodePort`, kind: 'added' },
        { path: `${external}.brokers[1].nodePort`, kind: 'added' },
        { path: `${external}.brokers[2].nodePort`, kind: 'added' },
        // states that any worker forwards to every broker, which the nginx load balancer relies on
        { path: `${external}.externalTrafficPolicy`, kind: 'added' },
      ],
    });
  });

  test('the added values are the ones the operator and the load balancer need', () => {
    const pool = (name: string) => ours.find((o) => o.kind === 'KafkaNodePool' && o.metadata.name === name);
    expect(pool('broker').metadata.annotations).toEqual({ 'strimzi.io/next-node-ids': '[0-2,100-199]' });
    expect(pool('controller').metadata.annotations).toEqual({ 'strimzi.io/next-node-ids': '[3-5,200-299]' });
    const kafka = ours.find((o) => o.kind === 'Kafka');
    expect(ours.every((o) => o.metadata.namespace === 'kafka')).toBe(true);
    expect(
      kafka.spec.kafka.listeners[1].configuration.brokers.map((b: any) => [b.broker, b.advertisedPort, b.nodePort]),
    ).toEqual([
      [0, 8091, 32101],
      [1, 8092, 32102],
      [2, 8093, 32103],
    ]);
    expect(kafka.spec.kafka.listeners[1].configuration.externalTrafficPolicy).toBe('Cluster');
  });
});

describe('the seed app', () => {
  test('targets a Strimzi release that supports the Kafka 3.7.1 the post asks for', () => {
    const chart = new SeedChart(Testing.app(), 'seed');
    expect(chart.cluster.release.tag).toBe('0.43.0');
    expect(chart.cluster.release.kafkaVersions.map((k) => k.version)).toContain('3.7.1');
  });
});
