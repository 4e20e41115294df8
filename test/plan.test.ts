import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Yaml } from 'cdk8s';
import * as YAML from 'yaml';
import { JbodVolume, Storage } from '../lib';
import {
  formatPlan,
  formatPlanMarkdown,
  nodeIdLockOf,
  parseYamlDocuments,
  planChanges,
  planFails,
  planMain,
} from '../lib/plan';
import { Plan } from '../lib/plan/types';
import { planApp } from './support/plan-apps';

/** The changes of a plan as [consequence, object, field, before, after] rows. */
const rows = (plan: Plan) => plan.changes.map((c) => [c.consequence, c.object, c.field, c.before, c.after]);
const storage = Storage.jbod(
  JbodVolume.persistentClaim(0, { size: '100Gi', storageClass: 'standard', kraftMetadata: true }),
);

describe('plan scenarios (before/after apps synthesized in memory)', () => {
  test('the seed grown from 3 to 5 brokers without declared IDs moves the controllers: destructive', () => {
    // GIVEN the seed-like cluster (brokers 0-2, controllers 3-5, IDs not declared)
    const before = planApp();
    // WHEN the broker pool grows to 5
    const plan = planChanges(before, planApp({ brokers: 5 }));
    // THEN the brokers take 3 and 4 from the controllers, which move to 5-7: the quorum is lost
    expect(rows(plan)).toEqual([
      ['destructive', 'Kafka kafka/my-cluster', 'controllers', [3, 4, 5], [5, 6, 7]],
      ['destructive', 'KafkaNodePool kafka/broker', 'nodeIds', '[0-2]', '[0-4]'],
      ['destructive', 'KafkaNodePool kafka/controller', 'nodeIds', '[3-5]', '[5-7]'],
      ['safe', 'KafkaNodePool kafka/broker', 'spec.replicas', 3, 5],
    ]);
    expect(plan.changes[2].effect).toBe(
      'node ID(s) 3, 4 go away and 6, 7 come: a moved ID is a node that loses its data and identity (its pod and ' +
        'volume are deleted, a new empty one starts)',
    );
    expect(plan.changes[2].instead).toBe(
      "declare every pool's current nodeIds before changing replicas (pool controller: nodeIds [3, 4, 5]), or pass " +
        'the committed output as nodeIdLock',
    );
    expect(planFails(plan)).toBe(true);
    expect(planFails(plan, true)).toBe(false);
  });

  test.each([
    ['declared IDs', { declareIds: true }, { declareIds: true }],
    ['the previous output as the lock', {}, 'lock'],
  ] as const)('the seed grown from 3 to 5 brokers with %s: safe, new IDs from the pool range', (_, b, a) => {
    // GIVEN the seed-like cluster
    const before = planApp(b);
    // WHEN the broker pool grows to 5, with declared IDs or the lock of the previous output
    const after = planApp(a === 'lock' ? { brokers: 5, nodeIdLock: nodeIdLockOf(before) } : { ...a, brokers: 5 });
    const plan = planChanges(before, after);
    // THEN one safe change: brokers 100 and 101 are added
    expect(rows(plan)).toEqual([['safe', 'KafkaNodePool kafka/broker', 'spec.replicas', 3, 5]]);
    expect(plan.changes[0].effect).toBe(
      'node(s) 100, 101 are added; they hold no partition until a rebalance (KafkaRebalance mode add-brokers)',
    );
    expect(planFails(plan)).toBe(false);
  });

  test('a broker pool removed: destructive, and with the lock nothing else moves', () => {
    // GIVEN two broker pools (broker 0-2, broker-b 3-5) and controllers 6-8
    const before = planApp({ pools: { 'broker-b': { roles: ['broker'], replicas: 3, storage } } });
    // WHEN broker-b is removed, with the previous output as the lock
    const plan = planChanges(before, planApp({ nodeIdLock: nodeIdLockOf(before) }));
    // THEN its brokers go, and the plan says to move their replicas first
    expect(rows(plan)).toEqual([
      ['destructive', 'KafkaNodePool kafka/broker-b', '(object)', { roles: ['broker'], nodeIds: [3, 4, 5] }, undefined],
    ]);
    expect(plan.changes[0].instead).toBe(
      'move every partition replica off broker(s) 3, 4, 5 first (KafkaRebalance mode remove-brokers with brokers ' +
        '[3, 4, 5], or kafka-reassign-partitions), then apply; Strimzi refuses to remove brokers that still hold ' +
        'replicas; then delete the pool',
    );
    // AND without the lock the controllers move down to 3-5 as well
    expect(rows(planChanges(before, planApp())).map((r) => r.slice(0, 3))).toEqual([
      ['destructive', 'Kafka kafka/my-cluster', 'controllers'],
      ['destructive', 'KafkaNodePool kafka/broker-b', '(object)'],
      ['destructive', 'KafkaNodePool kafka/controller', 'nodeIds'],
    ]);
  });

  test('storage shrunk: destructive on every pool, grown: safe', () => {
    // GIVEN 100Gi volumes WHEN they shrink to 50Gi, or grow to 200Gi
    const shrunk = planChanges(planApp(), planApp({ size: '50Gi' }));
    const grown = planChanges(planApp(), planApp({ size: '200Gi' }));
    // THEN shrinking is destructive (Kubernetes cannot shrink a volume) and growing is safe
    expect(rows(shrunk)).toEqual([
      ['destructive', 'KafkaNodePool kafka/broker', 'spec.storage.volumes[id=0].size', '100Gi', '50Gi'],
      ['destructive', 'KafkaNodePool kafka/controller', 'spec.storage.volumes[id=0].size', '100Gi', '50Gi'],
    ]);
    expect(shrunk.changes[0].instead).toBe(
      'keep 100Gi; to use smaller disks, add a pool (or JBOD volume) with the new storage, move the partitions to ' +
        'it (KafkaRebalance), then remove the old one',
    );
    expect(grown.counts).toEqual({ destructive: 0, breaking: 0, restart: 0, safe: 2 });
  });

  test("a topic's partitions lowered: destructive (Kafka refuses)", () => {
    const plan = planChanges(planApp(), planApp({ topicPartitions: 6 }));
    expect(rows(plan)).toEqual([['destructive', 'KafkaTopic kafka/orders', 'spec.partitions', 12, 6]]);
    expect(plan.changes[0].effect).toBe(
      'Kafka cannot lower the partitions of a topic: the Topic Operator refuses the change (NotReady)',
    );
  });

  test("a user's authentication changed: breaking for clients", () => {
    const plan = planChanges(planApp(), planApp({ userAuthentication: 'tls' }));
    expect(rows(plan)).toEqual([
      ['breaking', 'KafkaUser kafka/orders-producer', 'spec.authentication.type', 'scram-sha-512', 'tls'],
    ]);
    expect(plan.changes[0].effect).toBe(
      "the user's Secret is regenerated for tls: every client using its scram-sha-512 credentials is refused",
    );
    expect(planFails(plan)).toBe(false);
  });

  test('a listener port changed: breaking for clients', () => {
    const plan = planChanges(planApp(), planApp({ plainPort: 9096 }));
    expect(rows(plan)).toEqual([
      ['breaking', 'Kafka kafka/my-cluster', 'spec.kafka.listeners[plain].port', 9092, 9096],
    ]);
    expect(plan.changes[0].instead).toBe(
      'keep the old listener and add the new one next to it; move clients; remove the old one later',
    );
  });

  test('0.43.0 -> 1.2.0 with Kafka 3.7.1 -> 4.3.1: refused in one commit, the steps it takes instead', () => {
    // GIVEN the operator 0.43.0 and Kafka 3.7.1 (v1beta2)
    const before = planApp({ operator: true });
    // WHEN one commit moves to Strimzi 1.2.0 and Kafka 4.3.1
    const plan = planChanges(before, planApp({ operator: true, strimziVersion: '1.2.0', kafkaVersion: '4.3.1' }));
    // THEN the order is refused: 1.2.0 cannot manage 3.7.1, and v1beta2 must be converted first
    expect(plan.refusals.map((r) => r.reason)).toEqual([
      'Strimzi 1.2.0 does not support Kafka 3.7.1, which runs now: the new operator cannot manage it',
      'Strimzi 1.2.0 no longer serves kafka.strimzi.io/v1beta2, and the resources are stored as v1beta2',
    ]);
    expect(planFails(plan, true)).toBe(true);
    // AND the steps go through the releases that support each running Kafka version
    const step = (s: Plan['steps'][number]) =>
      `${s.kind} ${/Strimzi (\S+):|kafka\.version (\S+)|metadataVersion (\S+)|under Strimzi (\S+)/
        .exec(s.action)!
        .slice(1)
        .find((x) => x)}`;
    expect(plan.steps.map(step)).toEqual([
      'operator 0.44.0',
      'kafka 3.8.0',
      'operator 0.45.2',
      'kafka 3.9.1',
      'operator 0.47.0',
      'kafka 4.0.0',
      'operator 0.50.1',
      'convert 0.50.1',
      'kafka 4.1.1',
      'operator 1.0.1',
      'kafka 4.2.0',
      'operator 1.2.0',
      'kafka 4.3.1',
      'metadata 4.3-IV0',
    ]);
    expect(plan.steps[0].action).toBe(
      'install Strimzi 0.44.0: its CRDs first (kubectl apply --server-side), then its operator Deployment ' +
        '(supports Kafka 3.7.0, 3.7.1, 3.8.0)',
    );
  });

  test('a no-op change: empty plan, byte-identical output', () => {
    // GIVEN the same app synthesized twice
    const [a, b] = [planApp({ operator: true }), planApp({ operator: true })];
    // THEN the outputs are byte-identical and the plan is empty
    expect(Yaml.stringify(...a)).toBe(Yaml.stringify(...b));
    const plan = planChanges(a, b);
    expect(plan).toEqual({
      changes: [],
      refusals: [],
      steps: [],
      counts: { destructive: 0, breaking: 0, restart: 0, safe: 0 },
    });
    expect(formatPlanMarkdown(plan, 'Plan')).toBe('### Plan\n\n**no change**\n');
  });
});

describe('docs/gitops.md', () => {
  test('the plan example is the output of the seed grown from 3 to 5 brokers without declared IDs', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'gitops.md'), 'utf-8');
    const block = /<!-- plan-example:start -->\n```\n\$ npx strimzi-kraft plan (\S+) (\S+)\n([\s\S]*?)```/.exec(doc)!;
    const plan = planChanges(planApp(), planApp({ brokers: 5 }));
    expect(block[3]).toBe(formatPlan(plan, `Plan ${block[1]} -> ${block[2]}`));
  });
});

describe('docs/gitops.md CI examples', () => {
  test('the GitHub Actions and GitLab CI jobs are YAML and run the plan of the target branch against dist/', () => {
    // GIVEN the two YAML blocks of the CI section
    const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'gitops.md'), 'utf-8');
    const section = doc.slice(doc.indexOf('## CI job examples'));
    const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => YAML.parse(m[1]));
    // THEN each parses and its commands call the package CLI on <target>:dist and dist
    const github = blocks[0].jobs.plan.steps.map((x: any) => x.run ?? '').join('\n');
    const gitlab = blocks[1]['kafka-plan'].script.join('\n');
    expect(github).toContain('npx strimzi-kraft plan "origin/${{ github.base_ref }}:dist" dist --format markdown');
    expect(gitlab).toContain('npx strimzi-kraft plan "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME:dist" dist');
  });
});

describe('strimzi-kraft plan (CLI)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-cli-'));
  const write = (name: string, objects: unknown[]) => {
    fs.mkdirSync(path.join(tmp, name), { recursive: true });
    fs.writeFileSync(path.join(tmp, name, 'app.k8s.yaml'), Yaml.stringify(...objects));
    return path.join(tmp, name);
  };
  const run = (args: string[]) => {
    let out = '';
    let err = '';
    const code = planMain(
      args,
      (s) => (out += s),
      (s) => (err += s),
    );
    return { code, out, err };
  };

  test('exit 1 on destructive, 0 with --allow-destructive, 2 on bad usage; Markdown on request', () => {
    // GIVEN two folders: a topic's partitions lowered
    const [b, a] = [write('before', planApp()), write('after', planApp({ topicPartitions: 6 }))];
    // THEN
    expect(run([b, a]).code).toBe(1);
    expect(run([b, a, '--allow-destructive']).code).toBe(0);
    expect(run([b]).code).toBe(2);
    expect(run([b, a, '--format', 'yaml']).code).toBe(2);
    expect(JSON.parse(run([b, a, '--format', 'json']).out)).toEqual(
      planChanges(planApp(), planApp({ topicPartitions: 6 })),
    );
    expect(run([b, path.join(tmp, 'missing')]).err).toContain('no such file or folder');
    const md = run([b, a, '--format', 'markdown']).out.split('\n');
    expect(md.slice(0, 6)).toEqual([
      `### Plan ${b} -> ${a}`,
      '',
      '**1 destructive, 0 breaking for clients, 0 rolling restart, 0 safe**',
      '',
      '| Consequence | Object | Field | Change | Effect | Instead |',
      '|---|---|---|---|---|---|',
    ]);
    expect(md[6]).toBe(
      '| destructive | KafkaTopic kafka/orders | spec.partitions | 12 -> 6 | Kafka cannot lower the partitions of a topic: the Topic Operator refuses the change (NotReady) | keep 12 partitions; for fewer, create a new topic and move producers and consumers to it |',
    );
  });

  test('<ref>:<folder> reads the folder as committed at a git ref', () => {
    // GIVEN a repository whose first commit holds the seed-like output
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-git-'));
    const git = (...args: string[]) =>
      require('child_process').execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        cwd: repo,
      });
    git('init', '-q');
    fs.mkdirSync(path.join(repo, 'dist'));
    fs.writeFileSync(path.join(repo, 'dist', 'app.k8s.yaml'), Yaml.stringify(...planApp()));
    git('add', '.');
    git('commit', '-qm', 'first');
    // WHEN the working copy lowers the partitions and the plan compares HEAD:dist with dist
    fs.writeFileSync(path.join(repo, 'dist', 'app.k8s.yaml'), Yaml.stringify(...planApp({ topicPartitions: 6 })));
    const cwd = process.cwd();
    process.chdir(repo);
    try {
      const { code, out } = run(['HEAD:dist', 'dist']);
      // THEN it sees the change
      expect(code).toBe(1);
      expect(out.split('\n')[1]).toBe('DESTRUCTIVE  KafkaTopic kafka/orders  spec.partitions: 12 -> 6');
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('releases the outputs do not hold', () => {
  test('--release-before/--release-after plan the upgrade of an operator installed another way', () => {
    // GIVEN outputs without an operator (Kafka 3.8.0 -> 3.9.0) and the releases given on the side
    const [b, a] = [planApp({ kafkaVersion: '3.8.0' }), planApp({ strimziVersion: '0.45.2', kafkaVersion: '3.9.0' })];
    // THEN without them only the Kafka and metadata steps; with them the operator comes first
    expect(planChanges(b, a).steps.map((s) => s.kind)).toEqual(['kafka', 'metadata']);
    const plan = planChanges(b, a, { releases: { before: '0.43.0', after: '0.45.2' } });
    expect(plan.steps.map((s) => [s.kind, s.release ?? s.version])).toEqual([
      ['operator', '0.45.2'],
      ['kafka', '0.45.2'],
      ['metadata', '3.9'],
    ]);
    expect(plan.refusals.map((r) => r.reason)).toEqual([
      'kafka.version 3.9.0 is not supported by the running operator (Strimzi 0.43.0); it changes in the same commit as the operator',
    ]);
  });
});

describe('an export of a running cluster', () => {
  test('kubectl get -o yaml (a List, with status): planned from the node IDs, versions and release that run', () => {
    // GIVEN the live objects: broker 2 was replaced by hand (status nodeIds 0, 1, 6), Kafka 3.7.1 under 0.43.0
    const live = planApp().map((o) => {
      if (o.kind === 'KafkaNodePool' && o.metadata.name === 'broker') return { ...o, status: { nodeIds: [0, 1, 6] } };
      if (o.kind !== 'Kafka') return o;
      const status = {
        kafkaVersion: '3.7.1',
        kafkaMetadataVersion: '3.7-IV4',
        operatorLastSuccessfulVersion: '0.43.0',
      };
      return { ...o, metadata: { ...o.metadata, resourceVersion: '4711', uid: 'u' }, status };
    });
    const exported = parseYamlDocuments(Yaml.stringify({ apiVersion: 'v1', kind: 'List', items: live }), 'live.yaml');
    // WHEN it is planned against the app moved to 0.44.0 and Kafka 3.8.0
    const plan = planChanges(exported, planApp({ strimziVersion: '0.44.0', kafkaVersion: '3.8.0' }), {
      releases: { after: '0.44.0' },
    });
    // THEN the broker's live ID 6 would go, and the steps start from what runs
    expect(rows(plan).filter((r) => r[0] === 'destructive')).toEqual([
      ['destructive', 'KafkaNodePool kafka/broker', 'nodeIds', '[0-1,6]', '[0-2]'],
    ]);
    expect(plan.steps.map((s) => [s.kind, s.release ?? s.version])).toEqual([
      ['operator', '0.44.0'],
      ['kafka', '0.44.0'],
      ['metadata', '3.8'],
    ]);
  });
});
