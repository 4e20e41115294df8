import { JbodVolume, Storage } from '../lib';
import { compareMetadataVersions, nodeIdLockOf, planChanges } from '../lib/plan';
import { Plan } from '../lib/plan/types';
import { planApp } from './support/plan-apps';

// Each consequence class by value: a base output (the seed-like app of plan-apps.ts) and the same
// output with one field changed as a user's change would change it.
const base = planApp();
const rows = (plan: Plan) => plan.changes.map((c) => [c.consequence, c.object, c.field, c.before, c.after]);

/** The base output with the object of `kind` and `name` changed by `fn` (on a copy). */
function edit(kind: string, name: string, fn: (o: any) => void, objects: any[] = base): any[] {
  const copy = JSON.parse(JSON.stringify(objects));
  const o = copy.find((x: any) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind} ${name}`);
  fn(o);
  return copy;
}
const volume = (o: any) => o.spec.storage.volumes[0];
const listener = (o: any, name: string) => o.spec.kafka.listeners.find((l: any) => l.name === name);

describe('storage', () => {
  test('deleteClaim false -> true: destructive; true -> false: safe', () => {
    const flipped = edit('KafkaNodePool', 'broker', (o) => (volume(o).deleteClaim = true));
    expect(rows(planChanges(base, flipped))).toEqual([
      ['destructive', 'KafkaNodePool kafka/broker', 'spec.storage.volumes[id=0].deleteClaim', false, true],
    ]);
    expect(rows(planChanges(flipped, base))).toEqual([
      ['safe', 'KafkaNodePool kafka/broker', 'spec.storage.volumes[id=0].deleteClaim', true, false],
    ]);
  });

  test('storage class changed: destructive (bound volumes keep theirs)', () => {
    const plan = planChanges(
      base,
      edit('KafkaNodePool', 'broker', (o) => (volume(o).class = 'fast')),
    );
    expect(rows(plan)).toEqual([
      ['destructive', 'KafkaNodePool kafka/broker', 'spec.storage.volumes[id=0].class', 'standard', 'fast'],
    ]);
  });

  test('a JBOD volume added: rolling restart; removed: destructive; kraftMetadata moved: rolling restart', () => {
    const second = { id: 1, type: 'persistent-claim', size: '100Gi', class: 'standard', deleteClaim: false };
    const two = edit('KafkaNodePool', 'broker', (o) => o.spec.storage.volumes.push(second));
    expect(rows(planChanges(base, two)).map((r) => r.slice(0, 3))).toEqual([
      ['restart', 'KafkaNodePool kafka/broker', 'spec.storage.volumes[id=1]'],
    ]);
    expect(rows(planChanges(two, base)).map((r) => r.slice(0, 3))).toEqual([
      ['destructive', 'KafkaNodePool kafka/broker', 'spec.storage.volumes[id=1]'],
    ]);
    const moved = edit(
      'KafkaNodePool',
      'broker',
      (o) => {
        delete o.spec.storage.volumes[0].kraftMetadata;
        o.spec.storage.volumes[1].kraftMetadata = 'shared';
      },
      two,
    );
    expect(rows(planChanges(two, moved))).toEqual([
      ['restart', 'KafkaNodePool kafka/broker', 'spec.storage.volumes[].kraftMetadata', '0', '1'],
    ]);
  });
});

describe('pools and quorum', () => {
  test('controllers 3 -> 1: the quorum is lost (destructive); 3 -> 5: rolling restart', () => {
    const one = edit('KafkaNodePool', 'controller', (o) => (o.spec.replicas = 1));
    expect(rows(planChanges(base, one))).toEqual([
      ['destructive', 'Kafka kafka/my-cluster', 'controllers', [3, 4, 5], [3]],
      ['restart', 'KafkaNodePool kafka/controller', 'spec.replicas', 3, 1],
    ]);
    const five = edit('KafkaNodePool', 'controller', (o) => (o.spec.replicas = 5));
    expect(rows(planChanges(base, five))[0]).toEqual([
      'restart',
      'Kafka kafka/my-cluster',
      'controllers',
      [3, 4, 5],
      [3, 4, 5, 200, 201],
    ]);
  });

  test('a broker scale-down: destructive, with the brokers named', () => {
    const plan = planChanges(
      base,
      edit('KafkaNodePool', 'broker', (o) => (o.spec.replicas = 2)),
    );
    expect(rows(plan)).toEqual([['destructive', 'KafkaNodePool kafka/broker', 'spec.replicas', 3, 2]]);
    expect(plan.changes[0].effect).toBe('broker(s) 2 are removed with the replicas they hold');
  });

  test('pod resources: rolling restart of the pool', () => {
    const plan = planChanges(
      base,
      edit('KafkaNodePool', 'broker', (o) => (o.spec.resources = { requests: { cpu: '1' } })),
    );
    expect(rows(plan)).toEqual([
      ['restart', 'KafkaNodePool kafka/broker', 'spec.resources', '(none)', '{"requests":{"cpu":"1"}}'],
    ]);
  });
});

describe('listeners', () => {
  test('renamed (same port and type): breaking; TLS switched: breaking; added: rolling restart', () => {
    const renamed = edit('Kafka', 'my-cluster', (o) => (listener(o, 'plain').name = 'internal'));
    expect(rows(planChanges(base, renamed))).toEqual([
      ['breaking', 'Kafka kafka/my-cluster', 'spec.kafka.listeners[plain]', 'plain', 'internal'],
    ]);
    const tls = edit('Kafka', 'my-cluster', (o) => (listener(o, 'plain').tls = true));
    expect(rows(planChanges(base, tls))).toEqual([
      ['breaking', 'Kafka kafka/my-cluster', 'spec.kafka.listeners[plain].tls', false, true],
    ]);
    const added = edit('Kafka', 'my-cluster', (o) =>
      o.spec.kafka.listeners.push({ name: 'extra', port: 9099, type: 'internal', tls: false }),
    );
    expect(rows(planChanges(base, added)).map((r) => r.slice(0, 3))).toEqual([
      ['restart', 'Kafka kafka/my-cluster', 'spec.kafka.listeners[extra]'],
    ]);
    expect(rows(planChanges(added, base)).map((r) => r.slice(0, 3))).toEqual([
      ['breaking', 'Kafka kafka/my-cluster', 'spec.kafka.listeners[extra]'],
    ]);
  });

  test("a broker's advertised host changed: breaking", () => {
    const external = {
      name: 'external',
      port: 9094,
      type: 'nodeport',
      tls: true,
      configuration: {
        bootstrap: { nodePort: 32100 },
        brokers: [{ broker: 0, advertisedHost: 'a.example.com', nodePort: 32101 }],
      },
    };
    const b = edit('Kafka', 'my-cluster', (o) => o.spec.kafka.listeners.push(external));
    const a = edit(
      'Kafka',
      'my-cluster',
      (o) => (listener(o, 'external').configuration.brokers[0].advertisedHost = 'b.example.com'),
      b,
    );
    expect(rows(planChanges(b, a))).toEqual([
      [
        'breaking',
        'Kafka kafka/my-cluster',
        'spec.kafka.listeners[external].configuration.brokers',
        ['{"advertisedHost":"a.example.com","nodePort":32101}'],
        ['{"advertisedHost":"b.example.com","nodePort":32101}'],
      ],
    ]);
  });
});

describe('Kafka config, authorization, versions', () => {
  test('a read-only key rolls the brokers, a dynamic one does not, a lowered retention is destructive', () => {
    const after = edit('Kafka', 'my-cluster', (o) => {
      o.spec.kafka.config['num.io.threads'] = 16;
      o.spec.kafka.config['log.cleaner.threads'] = 2;
      o.spec.kafka.config['log.retention.hours'] = 24;
    });
    const before = edit('Kafka', 'my-cluster', (o) => (o.spec.kafka.config['log.retention.hours'] = 168));
    expect(rows(planChanges(before, after))).toEqual([
      ['destructive', 'Kafka kafka/my-cluster', 'spec.kafka.config.log.retention.hours', 168, 24],
      ['safe', 'Kafka kafka/my-cluster', 'spec.kafka.config.log.cleaner.threads', undefined, '2'],
      ['safe', 'Kafka kafka/my-cluster', 'spec.kafka.config.num.io.threads', undefined, '16'],
    ]);
    const readOnly = edit('Kafka', 'my-cluster', (o) => (o.spec.kafka.config['num.partitions'] = 6));
    expect(planChanges(base, readOnly).changes[0].effect).toBe(
      'every broker restarts, one at a time (a read-only key)',
    );
  });

  test('authorization switched on: breaking for clients without ACLs', () => {
    const plan = planChanges(
      base,
      edit('Kafka', 'my-cluster', (o) => (o.spec.kafka.authorization = { type: 'simple' })),
    );
    expect(rows(plan)).toEqual([
      ['breaking', 'Kafka kafka/my-cluster', 'spec.kafka.authorization', '(none)', '{"type":"simple"}'],
    ]);
    expect(plan.changes[0].instead).toBe('create the KafkaUsers with their ACLs first, then switch authorization on');
  });

  test('a metadata version lowered, or Kafka below it: refused', () => {
    const b = edit('Kafka', 'my-cluster', (o) => (o.spec.kafka.metadataVersion = '3.7-IV4'));
    const lowered = edit('Kafka', 'my-cluster', (o) => (o.spec.kafka.metadataVersion = '3.7-IV2'), b);
    expect(planChanges(b, lowered).refusals).toEqual([
      {
        object: 'Kafka kafka/my-cluster',
        reason: 'metadataVersion 3.7-IV4 -> 3.7-IV2: KRaft metadata versions cannot be lowered',
        fix: 'keep metadataVersion 3.7-IV4',
      },
    ]);
    const older = edit('Kafka', 'my-cluster', (o) => (o.spec.kafka.version = '3.6.2'), b);
    expect(planChanges(b, older).refusals.map((r) => r.reason)).toEqual([
      'kafka.version 3.7.1 -> 3.6.2 goes below the metadata version 3.7-IV4 the cluster runs',
    ]);
  });

  test('the operator and a Kafka version it does not support yet in one commit: refused', () => {
    // GIVEN 0.43.0 with Kafka 3.8.0 WHEN one commit installs 0.45.2 and sets 3.9.0 (0.43.0 does not support it)
    const before = planApp({ operator: true, kafkaVersion: '3.8.0' });
    const after = planApp({ operator: true, strimziVersion: '0.45.2', kafkaVersion: '3.9.0' });
    const plan = planChanges(before, after);
    // THEN refused, with the steps: operator first, then Kafka, then the metadata version
    expect(plan.refusals.map((r) => r.reason)).toEqual([
      'kafka.version 3.9.0 is not supported by the running operator (Strimzi 0.43.0); it changes in the same commit as the operator',
    ]);
    expect(plan.steps.map((s) => [s.kind, s.release, s.version])).toEqual([
      ['operator', '0.45.2', undefined],
      ['kafka', '0.45.2', '3.9.0'],
      ['metadata', undefined, '3.9'],
    ]);
  });
});

describe('topics, users, clusters', () => {
  test('a topic removed or its retention lowered: destructive; partitions raised: safe', () => {
    const removed = base.filter((o) => o.kind !== 'KafkaTopic');
    expect(rows(planChanges(base, removed))).toEqual([
      ['destructive', 'KafkaTopic kafka/orders', '(object)', 'orders', undefined],
    ]);
    const raised = edit('KafkaTopic', 'orders', (o) => (o.spec.partitions = 24));
    expect(rows(planChanges(base, raised))).toEqual([['safe', 'KafkaTopic kafka/orders', 'spec.partitions', 12, 24]]);
    const b = edit('KafkaTopic', 'orders', (o) => (o.spec.config = { 'retention.ms': 604800000 }));
    const a = edit('KafkaTopic', 'orders', (o) => (o.spec.config = { 'retention.ms': 3600000 }));
    expect(rows(planChanges(b, a))).toEqual([
      ['destructive', 'KafkaTopic kafka/orders', 'spec.config.retention.ms', 604800000, 3600000],
    ]);
  });

  test('a user removed: breaking; an ACL removed: breaking, added: safe', () => {
    expect(
      rows(
        planChanges(
          base,
          base.filter((o) => o.kind !== 'KafkaUser'),
        ),
      ),
    ).toEqual([['breaking', 'KafkaUser kafka/orders-producer', '(object)', 'scram-sha-512', undefined]]);
    const acl = {
      resource: { type: 'topic', name: 'orders', patternType: 'literal' },
      operations: ['Write'],
      host: '*',
    };
    const withAcl = edit(
      'KafkaUser',
      'orders-producer',
      (o) => (o.spec.authorization = { type: 'simple', acls: [acl] }),
    );
    expect(rows(planChanges(withAcl, base)).map((r) => r.slice(0, 3))).toEqual([
      ['breaking', 'KafkaUser kafka/orders-producer', 'spec.authorization.acls'],
    ]);
    expect(rows(planChanges(base, withAcl)).map((r) => r.slice(0, 3))).toEqual([
      ['safe', 'KafkaUser kafka/orders-producer', 'spec.authorization.acls'],
    ]);
  });

  test('a cluster removed: destructive', () => {
    const plan = planChanges(
      base,
      base.filter((o) => o.kind !== 'Kafka'),
    );
    expect(rows(plan)).toEqual([['destructive', 'Kafka kafka/my-cluster', '(object)', '3.7.1', undefined]]);
  });
});

describe('a pool replaced by another in one change', () => {
  test('without the lock the new pool reuses the removed IDs (destructive); with it, fresh IDs', () => {
    // GIVEN broker-a (0-2), broker-b (3-5) and controllers (6-8)
    const storage = Storage.jbod(
      JbodVolume.persistentClaim(0, { size: '100Gi', storageClass: 'standard', kraftMetadata: true }),
    );
    const pool = { roles: ['broker' as const], replicas: 3, storage };
    const before = planApp({ pools: { 'broker-b': pool } });
    // WHEN broker-b is replaced by broker-c
    const unlocked = planChanges(before, planApp({ pools: { 'broker-c': pool } }));
    const locked = planChanges(before, planApp({ pools: { 'broker-c': pool }, nodeIdLock: nodeIdLockOf(before) }));
    // THEN without the lock broker-c takes 3-5 again; with it 9-11
    expect(rows(unlocked).map((r) => r.slice(0, 5))).toEqual([
      ['destructive', 'KafkaNodePool kafka/broker-b', '(object)', { roles: ['broker'], nodeIds: [3, 4, 5] }, undefined],
      ['destructive', 'KafkaNodePool kafka/broker-c', 'nodeIds', undefined, '[3-5]'],
    ]);
    expect(rows(locked).map((r) => r.slice(0, 5))).toEqual([
      ['destructive', 'KafkaNodePool kafka/broker-b', '(object)', { roles: ['broker'], nodeIds: [3, 4, 5] }, undefined],
      ['safe', 'KafkaNodePool kafka/broker-c', '(object)', undefined, { roles: ['broker'], nodeIds: [9, 10, 11] }],
    ]);
  });
});

describe('bootstrap certificate names', () => {
  test('a name added to bootstrap.alternativeNames: rolling restart, not a break', () => {
    const external = {
      name: 'external',
      port: 9094,
      type: 'nodeport',
      tls: true,
      configuration: { bootstrap: { nodePort: 32100, alternativeNames: ['a.example.com'] } },
    };
    const b = edit('Kafka', 'my-cluster', (o) => o.spec.kafka.listeners.push(external));
    const a = edit(
      'Kafka',
      'my-cluster',
      (o) => listener(o, 'external').configuration.bootstrap.alternativeNames.push('b.example.com'),
      b,
    );
    expect(rows(planChanges(b, a))).toEqual([
      [
        'restart',
        'Kafka kafka/my-cluster',
        'spec.kafka.listeners[external].configuration.bootstrap.alternativeNames',
        ['a.example.com'],
        ['a.example.com', 'b.example.com'],
      ],
    ]);
  });
});

describe('metadata versions', () => {
  test('compareMetadataVersions: IVs ordered, a bare minor equal to its IVs, garbage compares with nothing', () => {
    expect(compareMetadataVersions('3.7-IV2', '3.7-IV4')).toBe(-1);
    expect(compareMetadataVersions('3.7-IV4', '3.8')).toBe(-1);
    expect(compareMetadataVersions('4.0-IV0', '3.9')).toBe(1);
    expect(compareMetadataVersions('3.7', '3.7-IV4')).toBe(0);
    expect(compareMetadataVersions('x', '3.7')).toBeNaN();
  });
});
