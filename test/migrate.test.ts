import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as library from '../lib';
import { main } from '../lib/doctor/cli';
import { NORMALIZATIONS, migrate, normalizePair, readInputs, readText, sameJson } from '../lib/migrate';
import { diffJson } from './support/diff';
import { runApp } from './support/migrate-run';
import { describeIf, seedDir } from './support/reference';

const seed = seedDir('test/migrate.test.ts (the seed manifest migrated)');

/** Runs a generated main.ts in a temporary folder and returns the objects it writes, by kind/name. */
function run(mainTs: string): Map<string, any> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-'));
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return new Map(runApp(mainTs, dir, library).map((o) => [`${o.kind}/${o.metadata.name}`, o]));
  } finally {
    quiet.mockRestore();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const mainOf = (r: { files: { name: string; text: string }[] }) => r.files.find((f) => f.name === 'main.ts')!.text;
const ruleIds = (lines: readonly string[]) => lines.map((l) => /\[([a-z-]+)\]$/.exec(l)?.[1] ?? l);

describeIf(seed)("migrate: the seed post's manifest", () => {
  const files = seed ? [path.join(seed, 'kafka.yaml'), path.join(seed, 'nginx-bootstrap.conf')] : [];
  // GIVEN the post's manifest and nginx file, on the operator the post downloads, applied with -n kafka
  const migration = () => migrate(readInputs(files), { strimziVersion: '0.41.0', namespace: 'kafka' });

  test("reports the post's faults with the library's rules", async () => {
    const r = await migration();
    expect(ruleIds(r.findings).sort()).toEqual([
      'Kafka kafka/my-cluster: fixed: strimziVersion 0.42.0, the nearest release that supports Kafka 3.7.1 ' +
        '(run that operator before you apply)',
      'Kafka kafka/my-cluster: fixed: the load balancer of listener external (nginx-bootstrap.conf) is rendered from the ' +
        "cluster: the bootstrap and every broker's advertised port, each forwarded to its NodePort on " +
        '172.20.37.42 (each worker once; add the others of your cluster)',
      'doctor-advertised-port-listened',
      'doctor-advertised-port-listened',
      'doctor-advertised-port-listened',
      'doctor-node-port-pinned',
      'doctor-node-port-pinned',
      'doctor-node-port-pinned',
      'doctor-node-port-pinned', // fixed by the app (below)
      'doctor-server-once',
      'external-plaintext', // kept by the app (below)
      'external-unauthenticated',
      'kafka-version-supported',
    ]);
    expect(r.findings.slice(-5, -2)).toEqual([
      'Kafka kafka/my-cluster: fixed: strimziVersion 0.42.0, the nearest release that supports Kafka 3.7.1 ' +
        '(run that operator before you apply)',
      'Kafka kafka/my-cluster: fixed: listener external: the input leaves broker NodePorts random; pinned ' +
        '(broker 0 -> 32101, broker 1 -> 32102, broker 2 -> 32103): forward each advertised port to its NodePort ' +
        '[doctor-node-port-pinned]',
      'Kafka kafka/my-cluster: kept (as the input has it): [kafka/my-cluster/external-listener] warning: tls = ' +
        'false: clients outside the cluster connect without encryption. Fix: remove tls: false (TLS is the ' +
        'default; clients then trust the cluster CA) [external-plaintext]',
    ]);
    expect(r.findings).toContain(
      'Kafka kafka/my-cluster: input: kafkaVersion = "3.7.1": Strimzi 0.41.0 supports 3.6.0, 3.6.1, 3.6.2, 3.7.0. ' +
        'Fix: use a supported version, or Strimzi 0.42.0, 0.43.0, 0.44.0 which support Kafka 3.7.1 ' +
        '[kafka-version-supported]',
    );
    expect(ruleIds(r.warnings)).toEqual(['external-plaintext', 'external-unauthenticated']);
    expect(r.notMigrated).toEqual([]);
    expect(r.migrated.map((m) => [m.object, m.patches])).toEqual([
      ['Kafka kafka/my-cluster', 0],
      ['KafkaNodePool kafka/broker', 0],
      ['KafkaNodePool kafka/controller', 0],
    ]);
  });

  test('writes props, not patches, with the values that run, and says what it fixed and kept', async () => {
    const code = mainOf(await migration());
    for (const line of [
      "super(scope, id, { namespace: 'kafka', ...props });",
      "new KraftCluster(this, 'my-cluster', {",
      "strimziVersion: '0.42.0',",
      "kafkaVersion: '3.7.1',",
      "metadataVersion: '3.7-IV4',",
      "listeners: [{ name: 'plain', port: 9092 }],",
      'bootstrapNodePort: 32100,',
      "advertisedHost: 'kafka.sdsp-dev.com',",
      'advertisedPortBase: 8091,',
      "JbodVolume.persistentClaim(0, { size: '100Gi', storageClass: 'ceph-csi-rbd-hdd', kraftMetadata: true }),",
      '// fixed: listener external: the input leaves broker NodePorts random; pinned (broker 0 -> 32101,',
      'app.synth();',
    ]) {
      expect(code).toContain(line);
    }
    expect(code).not.toContain('JsonPatch');
    expect(code).toContain('// kept (as the input has it): [kafka/my-cluster/external-listener] warning: tls =');
  });

  test('the generated app writes the input back, but for the declared normalizations', async () => {
    // WHEN the generated main.ts runs
    const written = run(mainOf(await migration()));
    const input = new Map(
      readInputs(files).objects.map((o) => [`${o.object.kind}/${o.object.metadata!.name}`, o.object]),
    );
    // THEN the same objects, each differing only as declared
    expect([...written.keys()].sort()).toEqual([...input.keys()].sort());
    const external = 'spec.kafka.listeners[1].configuration';
    const differences = Object.fromEntries([...input].map(([k, o]) => [k, diffJson(o, written.get(k))]));
    expect(differences).toEqual({
      'KafkaNodePool/controller': [
        { path: 'metadata.annotations', kind: 'added' }, // next-node-ids
        { path: 'metadata.namespace', kind: 'added' }, // --namespace kafka
      ],
      'KafkaNodePool/broker': [
        { path: 'metadata.annotations', kind: 'added' },
        { path: 'metadata.namespace', kind: 'added' },
      ],
      'Kafka/my-cluster': [
        { path: 'metadata.namespace', kind: 'added' },
        { path: `${external}.brokers[0].nodePort`, kind: 'added' }, // node-ports-pinned
        { path: `${external}.brokers[1].nodePort`, kind: 'added' },
        { path: `${external}.brokers[2].nodePort`, kind: 'added' },
        { path: `${external}.externalTrafficPolicy`, kind: 'added' }, // explicit-defaults
      ],
    });
    expect(written.get('KafkaNodePool/broker').metadata.annotations).toEqual({
      'strimzi.io/next-node-ids': '[0-2,100-199]',
    });
    expect(written.get('KafkaNodePool/controller').metadata.annotations).toEqual({
      'strimzi.io/next-node-ids': '[3-5,200-299]',
    });
    const brokers = written.get('Kafka/my-cluster').spec.kafka.listeners[1].configuration.brokers;
    expect(brokers.map((b: any) => [b.broker, b.advertisedPort, b.nodePort])).toEqual([
      [0, 8091, 32101],
      [1, 8092, 32102],
      [2, 8093, 32103],
    ]);
  });

  test("docs/migrate.md's worked example is the generated code", async () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'migrate.md'), 'utf-8');
    const block = doc.split('<!-- migrate-seed -->\n```ts\n')[1].split('\n```')[0];
    const code = mainOf(await migration())
      .split(seed!)
      .join('../shared/seed');
    expect(code.slice(code.indexOf('import {'))).toBe(`${block}\n`);
  });

  test('strimzi-kraft migrate writes main.ts and cdk8s.yaml and prints the findings', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-cli-'));
    let printed = '';
    const code = await main(
      ['migrate', ...files, '--out', out, '--strimzi', '0.41.0', '--namespace', 'kafka'],
      (s) => (printed += s),
    );
    expect(code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['cdk8s.yaml', 'main.ts']);
    expect(fs.readFileSync(path.join(out, 'cdk8s.yaml'), 'utf-8')).toBe(
      'language: typescript\napp: npx ts-node main.ts\n',
    );
    expect(fs.readFileSync(path.join(out, 'main.ts'), 'utf-8')).toBe(mainOf(await migration()));
    expect(printed).toContain('[doctor-server-once]');
    // a second run does not overwrite the app unless told to
    const again = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['migrate', ...files, '--out', out], () => undefined)).toBe(2);
    expect(again.mock.calls[0][0]).toBe(
      `strimzi-kraft migrate: ${out} already has main.ts, cdk8s.yaml (--force overwrites)\n` +
        'usage: strimzi-kraft migrate <files or folders...> --out <folder> [--strimzi <release>] [--namespace ' +
        '<namespace>] [--force]\n',
    );
    again.mockRestore();
    expect(await main(['migrate', ...files, '--out', out, '--force'], () => undefined)).toBe(0);
    expect(printed).toContain(`Wrote ${path.join(out, 'main.ts')}, ${path.join(out, 'cdk8s.yaml')}`);
    fs.rmSync(out, { recursive: true, force: true });
  });
});

describe('migrate: kubectl get -o yaml output', () => {
  // GIVEN a List as kubectl prints it: status with node IDs, managedFields, server metadata
  const LIST = `
apiVersion: v1
kind: List
items:
- apiVersion: kafka.strimzi.io/v1
  kind: KafkaNodePool
  metadata:
    name: dual
    namespace: events
    labels: { strimzi.io/cluster: events }
    annotations:
      kubectl.kubernetes.io/last-applied-configuration: '{"kind":"KafkaNodePool"}'
    uid: 0a1b
    resourceVersion: "4711"
    generation: 3
    creationTimestamp: "2026-01-01T00:00:00Z"
    managedFields: [{ manager: kubectl, operation: Update }]
  spec:
    replicas: 3
    roles: [controller, broker]
    storage: { type: persistent-claim, size: 20Gi, deleteClaim: true }
    resources: { requests: { cpu: 1, memory: 4Gi } }
  status:
    nodeIds: [10, 11, 12]
- apiVersion: kafka.strimzi.io/v1
  kind: Kafka
  metadata: { name: events, namespace: events }
  spec:
    kafka:
      version: 4.3.1
      listeners: [{ name: tls, port: 9093, type: internal, tls: true, authentication: { type: tls } }]
      authorization: { type: simple, superUsers: [CN=ops] }
      rack: { topologyKey: topology.kubernetes.io/zone }
      config: { default.replication.factor: 3, min.insync.replicas: 2, auto.create.topics.enable: false }
    entityOperator: { topicOperator: {}, userOperator: {} }
  status:
    conditions: [{ type: Ready, status: "True" }]
- apiVersion: kafka.strimzi.io/v1
  kind: KafkaUser
  metadata: { name: orders, namespace: events, labels: { strimzi.io/cluster: events } }
  spec:
    authentication: { type: tls }
    authorization:
      type: simple
      acls: [{ resource: { type: topic, name: orders }, operations: [Write, Describe] }]
- apiVersion: kafka.strimzi.io/v1
  kind: KafkaTopic
  metadata: { name: orders, namespace: events, labels: { strimzi.io/cluster: events } }
  spec: { partitions: 6, replicas: 3, config: { retention.ms: 604800000 } }
- apiVersion: kafka.strimzi.io/v1
  kind: KafkaConnect
  metadata: { name: sink, namespace: events }
  spec: { replicas: 1 }
`;

  test('takes the node IDs from status, drops server fields, keeps rack as a prop (no pod spread added)', async () => {
    const r = await migrate(readText(LIST, 'events.yaml'), { strimziVersion: '1.2.0' });
    const code = mainOf(r);
    expect(code).toContain('nodeIds: [10, 11, 12],');
    expect(code).toContain("storage: Storage.persistentClaim({ size: '20Gi', deleteClaim: true }),");
    expect(code).toContain("resources: { requests: { cpu: '1', memory: '4Gi' } },");
    expect(code).toContain("authorization: { type: 'simple', superUsers: ['CN=ops'] },");
    expect(code).toContain("config: { 'auto.create.topics.enable': false },");
    expect(code).toContain(
      "acls: [{ resource: { type: 'topic', name: 'orders' }, operations: ['Write', 'Describe'] }],",
    );
    // a user named like a topic gets its own construct id, and its name as a prop
    expect(code).toContain("new KafkaUser(this, 'orders-user', {\n      cluster,\n      userName: 'orders',");
    expect(code).toContain("rack: { topologyKey: 'topology.kubernetes.io/zone', spreadPods: false },");
    expect(code).not.toMatch(/managedFields|resourceVersion|last-applied|status/);
    expect(r.notMigrated).toEqual([
      'KafkaConnect sink (events.yaml): the library has no construct for KafkaConnect yet; keep applying it',
    ]);
    // WHEN it runs, THEN the pool keeps its node IDs, pinned, and the rack is there
    const written = run(code);
    expect(written.get('KafkaNodePool/dual').metadata.annotations).toEqual({
      'strimzi.io/next-node-ids': '[10-12,100-199]',
    });
    expect(written.get('Kafka/events').spec.kafka.rack).toEqual({ topologyKey: 'topology.kubernetes.io/zone' });
    expect(written.get('Kafka/events').metadata).toEqual({ name: 'events', namespace: 'events' });
  });

  test('takes the release from the operator image of an install bundle among the inputs', async () => {
    const bundle = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: strimzi-cluster-operator, namespace: strimzi }
spec:
  template:
    spec:
      containers: [{ name: strimzi-cluster-operator, image: quay.io/strimzi/operator:0.45.0 }]
`;
    const kraft = LIST.replace(/kafka\.strimzi\.io\/v1\b/g, 'kafka.strimzi.io/v1beta2').replace('4.3.1', '3.9.0');
    const input = readText(`${bundle}---\n${kraft}`, 'cluster.yaml');
    const r = await migrate(input);
    expect(mainOf(r)).toContain("strimziVersion: '0.45.0',");
    expect(r.notMigrated).toContain(
      '1 Deployment object(s): not Strimzi resources; keep applying them (operator bundles: use StrimziOperator)',
    );
  });

  test('the app does not depend on the order of the objects', async () => {
    const docs = LIST.split('\n- apiVersion')
      .slice(1)
      .map((d) => `- apiVersion${d}`);
    const reversed = `apiVersion: v1\nkind: List\nitems:\n${[...docs].reverse().join('\n')}\n`;
    const [a, b] = await Promise.all(
      [LIST, reversed].map((t) => migrate(readText(t, 'events.yaml'), { strimziVersion: '1.2.0' })),
    );
    expect(mainOf(b)).toBe(mainOf(a));
  });

  test('a user whose cluster is not among the inputs, and a ZooKeeper cluster, get one line each', async () => {
    const zk = readText(
      'apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata: { name: old }\nspec: { kafka: {}, zookeeper: { replicas: 3 } }\n' +
        '---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaUser\nmetadata: { name: u, labels: { strimzi.io/cluster: other } }\n' +
        'spec: { authentication: { type: tls } }\n',
      'old.yaml',
    );
    const r = await migrate(zk, { strimziVersion: '0.45.0' });
    expect(r.files).toEqual([]);
    expect(r.notMigrated).toEqual([
      'Kafka old (old.yaml): it uses ZooKeeper; the library builds KRaft clusters only',
      'KafkaUser u (old.yaml): its cluster other is not migrated with it; give its Kafka and KafkaNodePool files too',
    ]);
  });
});

describe('migrate: what the library refuses or cannot express', () => {
  // GIVEN a route listener, a nodeport listener with per-broker hosts on one port (the library refuses it:
  // the bootstrap address would be broker 5's), one advertising node addresses, a forbidden config key,
  // a label on the Kafka; and a cluster whose replication factor exceeds its brokers, with a user
  const ODD = `apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: a
  labels: { strimzi.io/cluster: odd }
  annotations: { strimzi.io/next-node-ids: "[5-7,1000-1999]" }
spec:
  replicas: 3
  roles: [controller, broker]
  storage: { type: ephemeral }
  template: { pod: { terminationGracePeriodSeconds: 60 } }
  jvmOptions: { -Xms: 1g, -Xmx: 1g, javaSystemProperties: [{ name: a.b, value: c }] }
---
apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata: { name: odd, labels: { team: x } }
spec:
  kafka:
    listeners:
      - { name: plain, port: 9092, type: internal, tls: false }
      - { name: cip, port: 9096, type: cluster-ip, tls: true, authentication: { type: scram-sha-512 } }
      - { name: route, port: 9095, type: route, tls: true }
      - name: ext
        port: 9094
        type: nodeport
        tls: true
        authentication: { type: tls }
        configuration:
          bootstrap: { nodePort: 31000 }
          brokers:
            - { broker: 5, nodePort: 31015, advertisedHost: b5.example.com, advertisedPort: 9094 }
            - { broker: 6, nodePort: 31016, advertisedHost: b6.example.com, advertisedPort: 9094 }
            - { broker: 7, nodePort: 31020, advertisedHost: b7.example.com, advertisedPort: 9094 }
      - name: ext2
        port: 9097
        type: nodeport
        tls: false
    config: { default.replication.factor: 3, min.insync.replicas: 1, listeners: bad }
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata: { name: b, labels: { strimzi.io/cluster: big } }
spec: { replicas: 1, roles: [controller, broker], storage: { type: ephemeral } }
---
apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata: { name: big }
spec:
  kafka:
    listeners: [{ name: plain, port: 9092, type: internal, tls: false }]
    config: { default.replication.factor: 5 }
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaUser
metadata: { name: u1, labels: { strimzi.io/cluster: big } }
spec: { authentication: { type: scram-sha-512 } }
`;

  test('a refused listener is kept through a patch, a refused cluster is left out with its error line', async () => {
    const r = await migrate(readText(ODD, 'odd.yaml'), { strimziVersion: '1.2.0' });
    expect(r.notMigrated).toEqual([
      'KafkaUser u1 (odd.yaml): the library refuses it: [kafka/u1] authentication.type = "scram-sha-512": no ' +
        "listener of cluster 'big' authenticates with scram-sha-512 (plain: none). Fix: add scram-sha-512 " +
        'authentication to a listener, or give the user the authentication a listener has [user-authentication-listener]',
      'Kafka big (odd.yaml): the library refuses it: [kafka/big] replication.factor = 5: exceeds the 1 broker(s); ' +
        'topic creation would fail. Fix: add brokers or set replication.factor to at most 1 [replication-factor]',
      'KafkaNodePool b (odd.yaml): its Kafka big is not migrated',
    ]);
    const code = mainOf(r);
    for (const line of [
      '// kept through a patch: listener ext: the library refuses it as a prop: [kafka/odd/ext-listener]',
      '// listener route: migrate maps no route listener yet; kept as the input has it',
      "JsonPatch.add('/spec/kafka/listeners/-', { name: 'route', port: 9095, type: 'route', tls: true }),",
      "JsonPatch.add('/spec/kafka/listeners/-', { name: 'ext2', port: 9097, type: 'nodeport', tls: false }),",
      "JsonPatch.add('/spec/kafka/config/listeners', 'bad'),",
      "JsonPatch.add('/metadata/labels', { team: 'x' }),",
      "JsonPatch.remove('/spec/kafka/config/offsets.topic.replication.factor'),",
      'nodeIds: [5, 6, 7],',
      'scaleUpNodeIds: { from: 1000, to: 1999 },',
      "jvmOptions: { xms: '1g', xmx: '1g', javaSystemProperties: { 'a.b': 'c' } },",
      "{ name: 'cip', port: 9096, tls: true, type: 'cluster-ip', authentication: { type: 'scram-sha-512' } },",
    ]) {
      expect(code).toContain(line);
    }
    // WHEN it runs, THEN the Kafka is the input's (the library's version and explicit defaults aside)
    const kafka = run(code).get('Kafka/odd');
    const input = readText(ODD).objects.find((o) => o.object.metadata!.name === 'odd')!.object as any;
    expect(kafka.metadata.labels).toEqual({ team: 'x' });
    expect(kafka.spec.kafka.config).toEqual(input.spec.kafka.config);
    const byName = (ls: any[]) => Object.fromEntries(ls.map((l) => [l.name, l]));
    expect(byName(kafka.spec.kafka.listeners)).toEqual(byName(input.spec.kafka.listeners));
  });
});

describe('migrate: a v1beta2 user with every kind of ACL', () => {
  // GIVEN Strimzi 0.45 resources without the KRaft annotations and without config, and a user with the
  // deprecated single `operation`, a deny ACL on the cluster from one host, a prefixed transactional ID, a quota
  const USER = `apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaNodePool
metadata: { name: p, labels: { strimzi.io/cluster: c } }
spec: { replicas: 3, roles: [controller, broker], storage: { type: persistent-claim, size: 1Gi } }
---
apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata: { name: c }
spec:
  kafka:
    version: 3.9.0
    listeners: [{ name: tls, port: 9093, type: internal, tls: true, authentication: { type: tls } }]
    authorization: { type: simple }
  entityOperator: { userOperator: {} }
---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaUser
metadata: { name: old, labels: { strimzi.io/cluster: c } }
spec:
  authentication: { type: tls }
  authorization:
    type: simple
    acls:
      - { resource: { type: topic, name: t }, operation: Write }
      - { resource: { type: cluster }, operations: [Describe], type: deny, host: 10.0.0.1 }
      - { resource: { type: transactionalId, name: tx-, patternType: prefix }, operations: [Write, Describe] }
  quotas: { producerByteRate: 1024 }
`;

  test('the user is written with props; the app adds the annotations 0.45 needs and nothing else', async () => {
    const r = await migrate(readText(USER, 'user.yaml'), { strimziVersion: '0.45.0' });
    const code = mainOf(r);
    expect(code).toContain(
      "        { resource: { type: 'cluster' }, operations: ['Describe'], type: 'deny', host: '10.0.0.1' },\n",
    );
    expect(code).toContain("{ resource: { type: 'topic', name: 't' }, operations: ['Write'] },");
    expect(code).toContain('quotas: { producerByteRate: 1024 },');
    expect(r.migrated.map((m) => [m.object, m.patches])).toEqual([
      ['Kafka c', 1], // the replication keys removed: the input leaves them at Kafka's defaults
      ['KafkaNodePool p', 0],
      ['KafkaUser old', 0],
    ]);
    const written = run(code);
    expect(written.get('Kafka/c').metadata.annotations).toEqual({
      'strimzi.io/kraft': 'enabled',
      'strimzi.io/node-pools': 'enabled',
    });
    expect(written.get('Kafka/c').spec.kafka.config).toBeUndefined();
    expect(written.get('KafkaUser/old').spec.authorization.acls).toEqual([
      { resource: { type: 'topic', name: 't', patternType: 'literal' }, operations: ['Write'], host: '*' },
      { resource: { type: 'cluster' }, operations: ['Describe'], type: 'deny', host: '10.0.0.1' },
      {
        resource: { type: 'transactionalId', name: 'tx-', patternType: 'prefix' },
        operations: ['Describe', 'Write'],
        host: '*',
      },
    ]);
  });
});

describe('migrate: broken input', () => {
  const pool = (spec: string, extra = '') =>
    `apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata: { name: p, labels: { strimzi.io/cluster: c }${extra} }\n` +
    `spec: ${spec}\n---\n`;
  const kafka = (spec: string) =>
    `apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata: { name: c }\nspec: ${spec}\n`;
  const okPool = pool('{ replicas: 3, roles: [controller, broker], storage: { type: ephemeral } }');
  const okKafka = kafka('{ kafka: { listeners: [{ name: plain, port: 9092, type: internal, tls: false }] } }');

  test.each([
    [
      'replicas of the wrong type',
      pool('{ replicas: three, roles: [broker, controller], storage: { type: ephemeral } }') + okKafka,
      'Kafka c (x.yaml): the library refuses it: [kafka/c/p] replicas = "three": a string, not an integer. Fix: ' +
        'pass an integer [prop-type]',
    ],
    ['a pool without spec', pool('null') + okKafka, 'Kafka c (x.yaml): KafkaNodePool p of Kafka c: no spec.storage'],
    [
      'an unreadable next-node-ids',
      pool(
        '{ replicas: 1, roles: [controller, broker], storage: { type: ephemeral } }',
        ', annotations: { strimzi.io/next-node-ids: "[a-b]" }',
      ) + okKafka,
      'Kafka c (x.yaml): KafkaNodePool p: strimzi.io/next-node-ids "[a-b]" is not a node ID list',
    ],
    [
      'a listener name the operator refuses',
      okPool + kafka('{ kafka: { listeners: [{ name: Plain_Listener, port: 9092, type: internal, tls: false }] } }'),
      'Kafka c (x.yaml): the library refuses it: [kafka/c] listeners[0].name = "Plain_Listener": not 1 to 11 ' +
        "lower-case letters or digits. Fix: rename the listener, e.g. 'external' [listener-name]",
    ],
    ['a scalar document', '42\n', undefined],
    [
      'no YAML',
      'a: [\n',
      'x.yaml: not YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
  ])('%s: one line, no crash', async (_what, text, line) => {
    const r = await migrate(readText(text, 'x.yaml'), { strimziVersion: '1.2.0' });
    expect(r.notMigrated[0]?.split(' at line')[0]).toBe(line);
    expect(r.notMigrated.every((l) => !l.includes('\n'))).toBe(true);
  });
});

describe('strimzi-kraft migrate: arguments and exit codes', () => {
  test('a usage error is one line and exit code 2; nothing to migrate is exit code 1 and no file', async () => {
    const errors: string[] = [];
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (errors.push(String(s)), true));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-cli-'));
    const none = path.join(out, 'none.yaml');
    const missing = path.join(out, 'missing.yaml');
    fs.writeFileSync(none, 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n');
    try {
      expect(await main(['migrate', none], () => undefined)).toBe(2);
      expect(await main(['migrate', none, '--out', out, '--strimzi', '9.9.9'], () => undefined)).toBe(2);
      expect(await main(['migrate', missing, '--out', out], () => undefined)).toBe(2);
      let printed = '';
      expect(await main(['migrate', none, '--out', path.join(out, 'app')], (s) => (printed += s))).toBe(1);
      expect(printed).toBe(
        'Not migrated:\n  1 ConfigMap object(s): not Strimzi resources; keep applying them (operator bundles: ' +
          'use StrimziOperator)\n\nNothing to migrate: no file written\n',
      );
      expect(fs.existsSync(path.join(out, 'app'))).toBe(false);
    } finally {
      stderr.mockRestore();
      fs.rmSync(out, { recursive: true, force: true });
    }
    expect(errors.map((e) => e.split('\n')[0])).toEqual([
      'strimzi-kraft migrate: give the files or folders to read and --out <folder>',
      'strimzi-kraft migrate: --strimzi 9.9.9: not a release the library knows',
      `strimzi-kraft migrate: no such file or folder: ${missing}`,
    ]);
  });
});

describe('migrate: the declared normalizations', () => {
  const pool = (spec: object, annotations?: object) => ({
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaNodePool',
    metadata: { name: 'p', ...(annotations ? { annotations } : {}) },
    spec,
  });

  test('each hides only the difference it declares', () => {
    const storage = (extra: object) => ({ type: 'persistent-claim', size: '1Gi', ...extra });
    // explicit-defaults: deleteClaim false added by the library is equal; deleteClaim true is not
    const same = normalizePair(pool({ storage: storage({}) }), pool({ storage: storage({ deleteClaim: false }) }));
    expect(sameJson(same.input, same.output)).toBe(true);
    const other = normalizePair(pool({ storage: storage({}) }), pool({ storage: storage({ deleteClaim: true }) }));
    expect(sameJson(other.input, other.output)).toBe(false);
    // next-node-ids: the annotation's value is not compared (the node IDs are, separately)
    const ids = normalizePair(
      pool({}, { 'strimzi.io/next-node-ids': '[0-2]' }),
      pool({}, { 'strimzi.io/next-node-ids': '[0-2,100-199]' }),
    );
    expect(sameJson(ids.input, ids.output)).toBe(true);
    // quantities: cpu 1 and '1' are one quantity
    const q = normalizePair(pool({ resources: { limits: { cpu: 1 } } }), pool({ resources: { limits: { cpu: '1' } } }));
    expect(sameJson(q.input, q.output)).toBe(true);
    // acl-operation: the deprecated single operation is the list of one
    const user = (acl: object) => ({ kind: 'KafkaUser', spec: { authorization: { acls: [acl] } } });
    const r = { resource: { type: 'topic', name: 't' } };
    const op = normalizePair(user({ ...r, operation: 'Write' }), user({ ...r, operations: ['Write'] }));
    expect(sameJson(op.input, op.output)).toBe(true);
    const other2 = normalizePair(user({ ...r, operation: 'Write' }), user({ ...r, operations: ['Read'] }));
    expect(sameJson(other2.input, other2.output)).toBe(false);
    // order: list order is not compared, values are
    expect(sameJson({ roles: ['broker', 'controller'] }, { roles: ['controller', 'broker'] })).toBe(true);
    expect(sameJson({ roles: ['broker'] }, { roles: ['controller'] })).toBe(false);
  });

  test('are listed with an id and a description', () => {
    expect(Object.values(NORMALIZATIONS).map((n) => n.id)).toEqual([
      'server-fields',
      'order',
      'next-node-ids',
      'explicit-defaults',
      'node-ports-pinned',
      'schema-pruned',
      'acl-operation',
      'quantities',
    ]);
  });
});
