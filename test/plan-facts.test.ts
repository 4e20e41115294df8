import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { STRIMZI_RELEASES } from '../lib';
import { planChanges, readOutputFolder } from '../lib/plan';
import { outputFacts } from '../lib/plan/facts';
import { describeIf, strimziRefDir } from './support/reference';

// The facts behind the upgrade steps, derived per release from Strimzi's own files (not from the
// release table the plan uses): which Kafka versions each release supports (kafka-versions/<tag>.yaml),
// which kafka.strimzi.io versions its CRDs serve (<tag>/crds/), and the operator image its install
// bundle runs (<tag>/install/, how the plan tells the release of an output).
const ref = strimziRefDir('test/plan-facts.test.ts (upgrade steps vs upstream release data)');
const tags = STRIMZI_RELEASES.map((r) => r.tag);

/** Supported Kafka versions of a release, from upstream's kafka-versions file. */
function upstreamKafka(tag: string): string[] {
  const rows = YAML.parse(fs.readFileSync(path.join(ref!, 'kafka-versions', `${tag}.yaml`), 'utf-8'), {
    schema: 'failsafe',
  }) as Record<string, string>[];
  return rows.filter((r) => r.supported === 'true').map((r) => r.version);
}

/** The CRDs of the kinds the library writes: Kafka, KafkaTopic, KafkaUser, KafkaNodePool. */
const CRD_FILES = /^04.-Crd-(kafka|kafkatopic|kafkauser|kafkanodepool)\.yaml$/;

/** The kafka.strimzi.io versions every one of those CRDs of a release serves. */
function upstreamServed(tag: string): string[] {
  const dir = path.join(ref!, tag, 'crds');
  const files = fs.readdirSync(dir).filter((f) => CRD_FILES.test(f));
  if (files.length !== 4) throw new Error(`${dir}: expected the Kafka, KafkaTopic, KafkaUser and KafkaNodePool CRDs`);
  const served = files
    .map((f) => YAML.parse(fs.readFileSync(path.join(dir, f), 'utf-8')))
    .map((crd) => crd.spec.versions.filter((v: any) => v.served).map((v: any) => v.name));
  return ['v1', 'v1beta2'].filter((v) => served.every((s: string[]) => s.includes(v)));
}

/** Upstream facts of every release, read once. */
let facts: { kafka: Record<string, string[]>; served: Record<string, string[]> } | undefined;
const upstream = () =>
  (facts ??= {
    kafka: Object.fromEntries(tags.map((t) => [t, upstreamKafka(t)])),
    served: Object.fromEntries(tags.map((t) => [t, upstreamServed(t)])),
  });

/** A minimal output: the operator of a release and one Kafka. */
const output = (tag: string, kafka: string, api: string) => [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'strimzi-cluster-operator', namespace: 'strimzi' },
    spec: { template: { spec: { containers: [{ name: 'op', image: `quay.io/strimzi/operator:${tag}` }] } } },
  },
  {
    apiVersion: `kafka.strimzi.io/${api}`,
    kind: 'Kafka',
    metadata: { name: 'c', namespace: 'k' },
    spec: { kafka: { version: kafka } },
  },
];

describeIf(ref)('upgrade facts, derived from each release of ../shared/strimzi', () => {
  test.each(tags)("%s: the install bundle's operator image names the release (how the plan reads it)", (tag) => {
    const objects = readOutputFolder(path.join(ref!, tag, 'install')).objects;
    expect(outputFacts(objects).release).toBe(tag);
  });

  test.each(tags)('%s: every upgrade path from it keeps each running Kafka version supported', (from) => {
    const { kafka, served } = upstream();
    for (const to of tags.slice(tags.indexOf(from) + 1)) {
      for (const k1 of kafka[from]) {
        // GIVEN a cluster on `from` with Kafka k1, WHEN the app moves to `to` with its default Kafka
        const api = served[from].includes('v1') ? 'v1' : 'v1beta2';
        const k2 = kafka[to][kafka[to].length - 1];
        const plan = planChanges(output(from, k1, api), output(to, k2, served[to][0]));
        // THEN either the steps work with upstream's facts at every point, or the plan refuses
        if (plan.steps.length === 0) {
          expect(plan.refusals.map((r) => r.reason)).toContain(
            `no order of Strimzi releases from ${from} to ${to} keeps the running Kafka version supported`,
          );
          continue;
        }
        // AND resources stored as v1beta2 are converted exactly when the target no longer serves it
        const crossesRemoval = api === 'v1beta2' && !served[to].includes('v1beta2');
        expect(plan.steps.some((x) => x.kind === 'convert')).toBe(crossesRemoval);
        let [release, running, stored] = [from, k1, api];
        for (const s of plan.steps) {
          if (s.kind === 'operator') {
            expect([`${s.release} runs ${running}`, served[s.release!]]).toEqual([
              `${s.release} runs ${running}`,
              expect.arrayContaining([stored]),
            ]);
            expect(kafka[s.release!]).toContain(running);
            release = s.release!;
          } else if (s.kind === 'kafka') {
            expect(kafka[release]).toContain(s.version);
            running = s.version!;
          } else if (s.kind === 'convert') {
            expect(served[release]).toEqual(['v1', 'v1beta2']);
            stored = 'v1';
          }
        }
        expect([release, running]).toEqual([to, k2]);
      }
    }
  });
});
