import { Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { KafkaTopic, KafkaUser, KraftCluster, KraftClusterProps, findProblems, formatProblem } from '../lib';
import { catalogueFor, catalogueVersion } from '../lib/model/kafka-config/catalogue';
import { brokerConfigChanges, configUpdateMode } from '../lib/model/kafka-config/update-mode';
import { valueProblem } from '../lib/model/kafka-config/values';
import { nearestName } from '../lib/model/kafka-config/names';
import { pools } from './support/rule-cases';

const VERSIONS = ['3.6', '3.7', '3.8', '3.9', '4.0', '4.1', '4.2'];

/** Every finding of a chart with cluster `c` and, when `topic` is given, a KafkaTopic `t` with it. */
function findings(cluster: Partial<KraftClusterProps>, topic?: object): string[] {
  const chart = Testing.chart();
  const c = new KraftCluster(chart, 'c', { nodePools: pools, ...cluster });
  if (topic) new KafkaTopic(chart, 't', { cluster: c, ...topic });
  return findProblems(chart).map(formatProblem);
}

describe('the catalogue generated from Kafka 3.6-4.2', () => {
  test.each([
    ['topic', [31, 31, 34, 36, 33, 33, 34]],
    ['broker', [270, 285, 299, 314, 289, 316, 320]],
  ] as const)('%s configs per version are the counts the reference README gives', (map, counts) => {
    // GIVEN the config counts the reference's README lists per version
    // WHEN the catalogue of each version is loaded
    // THEN it holds exactly that many configs
    expect(VERSIONS.map((v) => catalogueFor(map, v).configs.size)).toEqual(counts);
  });

  test('a definition is read as Kafka prints it: type, default, range, update mode, server default', () => {
    expect(catalogueFor('broker', '4.2.0').configs.get('log.retention.hours')).toEqual({
      name: 'log.retention.hours',
      type: 'int',
      default: '168',
      valid: undefined,
      mode: 'read-only',
    });
    expect(catalogueFor('topic', '4.2').configs.get('cleanup.policy')).toMatchObject({
      type: 'list',
      default: 'delete',
      valid: { in: ['compact', 'delete'] },
      serverDefault: 'log.cleanup.policy',
    });
    expect(catalogueFor('topic', '4.2').configs.get('compression.gzip.level')?.valid).toEqual({
      min: 1,
      max: 9,
      or: [-1],
    });
  });

  test('segment.bytes: at least 14 bytes up to 3.9, 1 MiB from 4.0 (KIP-1030; the 4.0 page is corrected)', () => {
    expect(VERSIONS.map((v) => catalogueFor('topic', v).configs.get('segment.bytes')?.valid?.min)).toEqual([
      14, 14, 14, 14, 1048576, 1048576, 1048576,
    ]);
  });

  test.each([
    ['4.3.1', '4.2'],
    ['4.2.0', '4.2'],
    ['3.9.1', '3.9'],
    ['3.5.0', '3.6'],
  ])('Kafka %s is checked against catalogue %s', (kafka, catalogue) => {
    expect(catalogueVersion(VERSIONS, kafka)).toBe(catalogue);
  });

  test('connect has no 4.0 and 4.1 pages: those versions use 3.9', () => {
    expect(catalogueFor('connect', '4.1.0').version).toBe('3.9');
    expect(catalogueFor('connect', '4.2.0').version).toBe('4.2');
  });

  test('the data is not loaded with the library: only when a config is checked', () => {
    // GIVEN a fresh module registry that notes when the topic catalogue file is loaded
    const loaded: string[] = [];
    jest.isolateModules(() => {
      const real = jest.requireActual('../lib/model/kafka-config/catalogue/topic.json');
      jest.doMock('../lib/model/kafka-config/catalogue/topic.json', () => {
        loaded.push('topic');
        return real;
      });
      // WHEN the library is loaded, THEN the file is not
      const lib = require('../lib') as typeof import('../lib');
      expect(loaded).toEqual([]);
      // WHEN a topic config is checked, THEN it is, once
      const chart = Testing.chart();
      const c = new lib.KraftCluster(chart, 'c', { nodePools: pools });
      new lib.KafkaTopic(chart, 't', { cluster: c, config: { 'retention.ms': 1 } });
      lib.findProblems(chart);
      expect(loaded).toEqual(['topic']);
    });
  });
});

describe('values as Kafka parses them', () => {
  const topic = catalogueFor('topic', '4.2');
  const def = (name: string) => topic.configs.get(name)!;
  test.each([
    ['retention.ms', 604800000, undefined],
    ['retention.ms', '604800000', undefined],
    ['retention.ms', ' -1 ', undefined],
    ['retention.ms', '7d', 'not a whole number'],
    ['retention.ms', 1.5, 'not a whole number'],
    ['retention.ms', '9223372036854775807', undefined],
    ['retention.ms', '9223372036854775808', 'outside the long range -9223372036854775808 to 9223372036854775807'],
    ['max.message.bytes', '2147483648', 'outside the int range -2147483648 to 2147483647'],
    ['min.cleanable.dirty.ratio', '0.5', undefined],
    ['min.cleanable.dirty.ratio', 1.5, 'above the maximum 1'],
    ['preallocate', 'TRUE', undefined],
    ['preallocate', 1, 'not true or false'],
    ['cleanup.policy', 'compact, delete', undefined],
    ['cleanup.policy', 'compact,archive', "'archive' is not allowed"],
    ['compression.type', 'gzip', undefined],
    ['compression.gzip.level', -1, undefined],
    ['compression.gzip.level', 0, 'below the minimum 1'],
  ])('%s = %j: %s', (name, value, problem) => {
    expect(valueProblem(def(name), value)).toBe(problem);
  });

  test.each([
    ['3.7', undefined],
    ['3.7.1', undefined],
    ['3.7-IV4', undefined],
    ['0.10.2', undefined],
    ['3.9', "'3.9' is not allowed"],
    ['3.7-IV9', "'3.7-IV9' is not allowed"],
  ])('inter.broker.protocol.version %s on Kafka 3.7: %s (MetadataVersion accepts short forms)', (value, problem) => {
    const d = catalogueFor('broker', '3.7').configs.get('inter.broker.protocol.version')!;
    expect(valueProblem(d, value)).toBe(problem);
  });

  test('the nearest name of a typo, and none for a name far from every key', () => {
    expect(nearestName('cleanup.polciy', topic.configs.keys())).toBe('cleanup.policy');
    expect(nearestName('retension.ms', topic.configs.keys())).toBe('retention.ms');
    expect(nearestName('foo.bar', topic.configs.keys())).toBeUndefined();
  });
});

describe('cluster and topic configs', () => {
  test('every example of issue 17 fails with one finding naming key, value, allowed values and fix', () => {
    const cases: [object, Partial<KraftClusterProps>, string][] = [
      [{ 'cleanup.polciy': 'compact' }, {}, "use 'cleanup.policy' (a comma-separated list of compact, delete)"],
      [{ 'log.retention.hours': 168 }, {}, "set 'retention.ms' (a long from -1) instead, here 604800000"],
      [{ 'segment.bytes': 524288 }, { strimziVersion: '0.47.0', kafkaVersion: '4.0.0' }, 'give an int from 1048576'],
      [
        { 'min.compaction.lag.ms': 7200000, 'max.compaction.lag.ms': 3600000 },
        {},
        'set min.compaction.lag.ms to at most 3600000',
      ],
      [{ 'remote.storage.enable': true }, {}, 'enable tiered storage on the cluster'],
    ];
    for (const [config, cluster, fix] of cases) {
      const found = findings(cluster, { config });
      expect(found).toHaveLength(1);
      expect(found[0]).toContain(`config['${Object.keys(config)[0]}'] = `);
      expect(found[0]).toContain(fix);
    }
  });

  test('values may be numbers or strings, as Kafka accepts both', () => {
    expect(
      findings(
        { config: { 'log.retention.hours': '72', 'num.partitions': 6, 'auto.create.topics.enable': 'false' } },
        { config: { 'retention.ms': '86400000', 'min.insync.replicas': 2, 'cleanup.policy': 'compact,delete' } },
      ),
    ).toEqual([]);
  });

  test('a relation over the broker default: a topic min.compaction.lag.ms above the cluster max', () => {
    expect(
      findings(
        { config: { 'log.cleaner.max.compaction.lag.ms': 1000 } },
        { config: { 'min.compaction.lag.ms': 5000 } },
      ),
    ).toEqual([
      "[test/t] config['min.compaction.lag.ms'] = 5000: min.compaction.lag.ms 5000 is above max.compaction.lag.ms 1000 (the broker default); Kafka refuses the topic (conflicting settings). Fix: set min.compaction.lag.ms to at most 1000, or raise max.compaction.lag.ms [topic-config-relation]",
    ]);
  });

  test('tiered storage: total retention from log.retention.hours, a local retention within it passes', () => {
    const cluster = { config: { 'remote.log.storage.system.enable': true, 'log.retention.hours': 1 } };
    expect(findings(cluster, { config: { 'remote.storage.enable': true, 'local.retention.ms': 3_600_000 } })).toEqual(
      [],
    );
    expect(findings(cluster, { config: { 'remote.storage.enable': true, 'local.retention.ms': 3_600_001 } })).toEqual([
      "[test/t] config['local.retention.ms'] = 3600001: local.retention.ms 3600001 keeps more on local disk than retention.ms 3600000 keeps in total; Kafka refuses the topic. Fix: set local.retention.ms to at most 3600000 (or -2 to follow retention.ms) [topic-config-relation]",
    ]);
  });

  test('keys Strimzi forbids stay under config-forbidden only; replication keys under config-replication-keys', () => {
    const found = findings({
      config: { 'listeners': 'PLAINTEXT://:9092', 'ssl.foo.bar': 'x', 'min.insync.replicas': 1 },
    });
    expect(found.map((f) => f.slice(f.lastIndexOf('['))).sort()).toEqual([
      '[config-forbidden]',
      '[config-forbidden]',
      '[config-replication-keys]',
    ]);
  });

  test('uncheckedConfig silences a key a newer Kafka knows and records the reason in the output', () => {
    // GIVEN a Kafka 3.8 topic with a key Kafka 3.9 introduced, listed with its reason
    const chart = Testing.chart();
    const c = new KraftCluster(chart, 'c', { nodePools: pools, strimziVersion: '0.43.0', kafkaVersion: '3.8.0' });
    new KafkaTopic(chart, 't', {
      cluster: c,
      config: { 'remote.log.copy.disable': false },
      uncheckedConfig: { 'remote.log.copy.disable': 'KIP-950, Kafka 3.9; brokers are upgraded first' },
    });

    // THEN there is no finding, and the reason is an annotation of the KafkaTopic
    expect(findProblems(chart).map(formatProblem)).toEqual([]);
    const topic = Testing.synth(chart).find((o) => o.kind === 'KafkaTopic');
    expect(topic.metadata.annotations).toEqual({
      'cdk8s-strimzi-kraft/unchecked-config':
        '{"remote.log.copy.disable":"KIP-950, Kafka 3.9; brokers are upgraded first"}',
    });
  });

  test('uncheckedConfig on the cluster: the key is not checked and the Kafka carries the reason', () => {
    const chart = Testing.chart();
    new KraftCluster(chart, 'c', {
      nodePools: pools,
      config: { 'rlmm.config.remote.log.metadata.topic.replication.factor': 3 },
      uncheckedConfig: { 'rlmm.config.remote.log.metadata.topic.replication.factor': 'remote log metadata manager' },
    });
    expect(findProblems(chart).map(formatProblem)).toEqual([]);
    const kafka = Testing.synth(chart).find((o) => o.kind === 'Kafka');
    expect(kafka.metadata.annotations['cdk8s-strimzi-kraft/unchecked-config']).toBe(
      '{"rlmm.config.remote.log.metadata.topic.replication.factor":"remote log metadata manager"}',
    );
  });

  test('an empty reason is refused', () => {
    expect(findings({ config: { a: 1 }, uncheckedConfig: { a: ' ' } })).toContain(
      "[test/c] uncheckedConfig['a'] = \" \": not the reason the key is not checked. Fix: say why, e.g. 'Kafka 4.3 key (KIP-1150); the catalogue ends at 4.2' [prop-type]",
    );
  });
});

describe('update modes: which config change rolls the brokers', () => {
  test('per key, from the catalogue of the Kafka version', () => {
    expect(configUpdateMode('4.2.0', 'log.retention.hours')).toBe('read-only');
    expect(configUpdateMode('4.2.0', 'log.retention.ms')).toBe('cluster-wide');
    expect(configUpdateMode('4.2.0', 'num.io.threads')).toBe('cluster-wide');
    expect(configUpdateMode('4.2.0', 'no.such.key')).toBeUndefined();
  });

  test('a change plan: dynamic keys are applied in place, read-only and unknown keys roll the brokers', () => {
    // GIVEN two cluster configs; WHEN compared for Kafka 4.2; THEN each changed key with its update mode
    expect(
      brokerConfigChanges(
        '4.2.0',
        { 'log.retention.ms': 1000, 'num.partitions': 3, 'unchanged.key': 'x' },
        { 'log.retention.ms': '2000', 'auto.create.topics.enable': false, 'unchanged.key': 'x', 'my.plugin.key': 1 },
      ),
    ).toEqual([
      { key: 'auto.create.topics.enable', after: false, before: undefined, mode: 'read-only', rollsBrokers: true },
      { key: 'log.retention.ms', before: 1000, after: '2000', mode: 'cluster-wide', rollsBrokers: false },
      { key: 'my.plugin.key', before: undefined, after: 1, mode: undefined, rollsBrokers: true },
      { key: 'num.partitions', before: 3, after: undefined, mode: 'read-only', rollsBrokers: true },
    ]);
  });
});

describe('Strimzi semantics', () => {
  test('requestPercentage 200 passes: Kafka measures it per thread', () => {
    const chart = Testing.chart();
    const c = new KraftCluster(chart, 'c', {
      nodePools: pools,
      listeners: [{ name: 'scram', port: 9094, tls: true, authentication: { type: 'scram-sha-512' } }],
    });
    new KafkaUser(chart, 'u', {
      cluster: c,
      authentication: { type: 'scram-sha-512' },
      quotas: { requestPercentage: 200 },
    });
    expect(findProblems(chart).map(formatProblem)).toEqual([]);
  });
});

describe('the checks against their own data', () => {
  test.each(['broker', 'topic', 'producer', 'consumer', 'connect'] as const)(
    "every default of every %s config in every version passes the config's own check",
    (map) => {
      // GIVEN every definition with a default, in every catalogue version
      const failing: string[] = [];
      for (const v of VERSIONS) {
        for (const d of catalogueFor(map, v).configs.values()) {
          if (d.default === null || d.default === '') continue;
          // WHEN Kafka's own default is checked; THEN it passes
          const problem = valueProblem(d, d.default);
          if (problem) failing.push(`${v} ${d.name} = ${JSON.stringify(d.default)}: ${problem}`);
        }
      }
      expect(failing).toEqual([]);
    },
  );

  test('random keys and scalar values: no throw, findings only about keys given, well-formed', () => {
    const keys = [...catalogueFor('topic', '4.2').configs.keys(), 'cleanup.polciy', 'log.retention.hours', 'x'];
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...keys),
          fc.oneof(
            fc.integer(),
            fc.double(),
            fc.boolean(),
            fc.string({ maxLength: 8 }),
            fc.constantFrom('-1', '1e3', ' 5 '),
          ),
        ),
        (config) => {
          const found = findings({}, { config });
          for (const f of found)
            expect(f).toMatch(/^\[test\/t\] (warning: )?config\['([^']+)'\] = .*\. Fix: .+ \[[a-z-]+\]$/);
          const named = found.map((f) => /config\['([^']+)'\]/.exec(f)![1]);
          expect(named.every((k) => k in config)).toBe(true);
        },
      ),
      { seed: 1717, numRuns: 150 },
    );
  });
});
