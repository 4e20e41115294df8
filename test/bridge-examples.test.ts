import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { KafkaBridge, KafkaBridgeProps, KraftCluster, StrimziApiVersion, findProblems, formatProblem } from '../lib';
import { readManifests, validateManifests } from '../lib/tools';
import { diffJson } from './support/diff';
import { describeIf, strimziRefDir } from './support/reference';
import { pools } from './support/rule-cases';

// Upstream's bridge examples (packaging-examples/bridge/*.yaml) and the bridge of its security
// examples (packaging-examples/security/{tls-auth,scram-sha-512-auth}/bridge.yaml: a KafkaUser and a
// KafkaBridge), written with the library for 0.41.0, 0.46.0, 0.49.0 and 1.2.0: the same objects,
// equal after the differences listed in INTENDED, each pinned by value.
const ref = strimziRefDir('test/bridge-examples.test.ts (the bridge examples of 0.41.0, 0.46.0, 0.49.0, 1.2.0)') ?? '';

type Auth = 'tls' | 'scram-sha-512' | undefined;

/** The example's cluster `my-cluster` (no namespace) with one listener, and the bridge `my-bridge`. */
function build(tag: string, apiVersion: StrimziApiVersion, auth: Auth, bridge: Partial<KafkaBridgeProps> = {}) {
  const chart = Testing.chart();
  const listener = auth
    ? { name: 'tls', port: 9093, tls: true, authentication: { type: auth } }
    : { name: 'plain', port: 9092 };
  const cluster = new KraftCluster(chart, 'my-cluster', {
    strimziVersion: tag,
    apiVersion,
    nodePools: pools,
    listeners: [listener],
    authorization: auth ? { type: 'simple' } : undefined,
  });
  const topics = auth ? { topics: ['my-topic'], consumerGroups: ['my-group'] } : {};
  new KafkaBridge(chart, 'my-bridge', { cluster, ...topics, ...bridge });
  return chart;
}

const TAGS = ['0.41.0', '0.46.0', '0.49.0', '1.2.0'];
const example = (tag: string, file: string) => `${tag}/packaging-examples/${file}`;
// upstream's examples of 0.49.0 and later are v1, older ones v1beta2
const apiOf = (tag: string): StrimziApiVersion => (['0.49.0', '1.2.0'].includes(tag) ? 'v1' : 'v1beta2');

interface Example {
  readonly file: string;
  readonly chart: () => Chart;
}
const EXAMPLES: Record<string, Example> = Object.fromEntries(
  TAGS.flatMap((tag) => [
    [
      `${tag} bridge`,
      {
        file: example(tag, 'bridge/kafka-bridge.yaml'),
        chart: () => build(tag, apiOf(tag), undefined),
      },
    ],
    [
      `${tag} tls-auth`,
      { file: example(tag, 'security/tls-auth/bridge.yaml'), chart: () => build(tag, apiOf(tag), 'tls') },
    ],
    [
      `${tag} scram-sha-512-auth`,
      {
        file: example(tag, 'security/scram-sha-512-auth/bridge.yaml'),
        chart: () => build(tag, apiOf(tag), 'scram-sha-512'),
      },
    ],
  ]),
);
EXAMPLES['1.2.0 bridge-tls'] = {
  file: example('1.2.0', 'bridge/kafka-bridge-tls.yaml'),
  chart: () =>
    build('1.2.0', 'v1', undefined, {
      http: { tls: { secretName: 'my-bridge-cert-secret', certificate: 'cert.crt', key: 'key.key' } },
    }),
};

// The intended differences:
// - the user's ACLs state the CRD's defaults, `host: '*'` and `patternType: literal` (pinned by value below);
// - the user's ACL operations are emitted sorted (the same set, checked below): tls-auth lists the
//   topic's Read, Describe, Write, Create, so indexes 0, 2 and 3 of [Create, Describe, Read, Write] differ;
// - 0.41.0's scram-sha-512-auth/bridge.yaml nests the topic's `operations` inside `resource` (a
//   mistake upstream fixed later: the CRD has no such field, so the API server drops it and the
//   topic gets no operation); ours gives the operations where the CRD has them.
const defaults = [0, 1].flatMap((i) => [
  { path: `spec.authorization.acls[${i}].host`, kind: 'added' },
  { path: `spec.authorization.acls[${i}].resource.patternType`, kind: 'added' },
]);
const sortedTopicOps = [0, 2, 3].map((i) => ({ path: `spec.authorization.acls[1].operations[${i}]`, kind: 'changed' }));
const nestedOps = [
  { path: 'spec.authorization.acls[1].operations', kind: 'added' },
  { path: 'spec.authorization.acls[1].resource.operations', kind: 'removed' },
];
const byPath = (d: readonly { path: string }[]) =>
  [...d].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
const INTENDED: Record<string, Record<string, object[]>> = Object.fromEntries(
  Object.keys(EXAMPLES).map((name) => {
    const [tag, kind] = name.split(' ');
    if (kind === 'bridge' || kind === 'bridge-tls') return [name, { 'KafkaBridge/my-bridge': [] }];
    const extra = kind === 'tls-auth' ? sortedTopicOps : tag === '0.41.0' ? nestedOps : [];
    return [name, { 'KafkaBridge/my-bridge': [], 'KafkaUser/my-bridge': byPath([...defaults, ...extra]) }];
  }),
);

const key = (o: any) => `${o.kind}/${o.metadata.name}`;

describeIf(ref)('upstream bridge examples', () => {
  test.each(Object.keys(EXAMPLES).sort())('%s: same objects, only the listed differences, valid', (name) => {
    // GIVEN the upstream file and the library's rendering
    const { file, chart } = EXAMPLES[name];
    const upstream = readManifests([path.join(ref, file)]) as any[];
    const built = chart();
    const all = Testing.synth(built);
    const ours = all.filter((o) => o.kind === 'KafkaBridge' || o.kind === 'KafkaUser');

    // THEN the same objects, equal but for the intended differences
    expect(ours.map(key).sort()).toEqual(upstream.map(key).sort());
    const differences = Object.fromEntries(
      ours.map((o) => [
        key(o),
        diffJson(
          upstream.find((u) => key(u) === key(o)),
          o,
        ),
      ]),
    );
    expect(differences).toEqual(INTENDED[name]);
    // and by value: the user's operations are upstream's set (wherever upstream put them)
    for (const u of upstream.filter((o) => o.kind === 'KafkaUser')) {
      const o = ours.find((x) => key(x) === key(u));
      u.spec.authorization.acls.forEach((acl: any, i: number) =>
        expect(o.spec.authorization.acls[i].operations).toEqual(
          [...(acl.operations ?? acl.resource.operations)].sort(),
        ),
      );
    }
    // and the added defaults hold the CRD's default values
    for (const o of ours.filter((x) => x.kind === 'KafkaUser')) {
      expect(o.spec.authorization.acls.map((a: any) => [a.host, a.resource.patternType])).toEqual([
        ['*', 'literal'],
        ['*', 'literal'],
      ]);
    }
    // and the whole app is free of findings and valid for its release
    expect(findProblems(built).map(formatProblem)).toEqual([]);
    expect(validateManifests(all, { strimziVersion: name.split(' ')[0] }).errors).toEqual([]);
  });
});
