/** The ordered steps from one release and Kafka versions to others, through the release table. */
import { STRIMZI_RELEASES, StrimziRelease, compareVersions } from '../core/release';
import { UpgradeStep } from './types';

/** One cluster's versions before and after. */
export interface Versions {
  readonly object: string;
  readonly kafka: [string, string];
  readonly metadata: [string | undefined, string | undefined];
  readonly apiBefore: string;
}

const supports = (r: StrimziRelease, kafka: string) => r.kafkaVersions.some((k) => k.version === kafka);
const index = (r: StrimziRelease) => STRIMZI_RELEASES.indexOf(r);

/** The furthest release after `from`, up to `to`, that supports every running Kafka version (and its API). */
function furthest(from: StrimziRelease, to: StrimziRelease, kafkas: string[], v1beta2: boolean): StrimziRelease {
  let best = from;
  for (const r of STRIMZI_RELEASES.slice(index(from) + 1, index(to) + 1)) {
    if (v1beta2 && !r.apiVersions.includes('v1beta2')) break;
    if (kafkas.every((k) => supports(r, k))) best = r;
  }
  return best;
}

const minorOf = (v: string) => v.split('.').slice(0, 2).join('.');

/**
 * The Kafka version of `at` that a later release (up to `to`) supports furthest; the highest of
 * those. Never below the running version, except a patch release of the same minor (same metadata
 * version: Kafka can go back to it), which some releases need (0.45.2 runs 3.9.2, 0.46 and 0.47 only
 * 3.9.0 and 3.9.1).
 */
function bestKafka(at: StrimziRelease, to: StrimziRelease, current: string, target: string): string {
  let best = current;
  let reach = -1;
  for (const k of at.kafkaVersions.map((x) => x.version)) {
    const lower = compareVersions(k, current) < 0 && minorOf(k) !== minorOf(current);
    if (lower || compareVersions(k, target) > 0) continue;
    const later = STRIMZI_RELEASES.slice(index(at), index(to) + 1).filter((r) => supports(r, k));
    const r = index(later[later.length - 1] ?? at);
    if (r > reach || (r === reach && compareVersions(k, best) > 0)) [best, reach] = [k, r];
  }
  return best;
}

export const operatorStep = (r: StrimziRelease): UpgradeStep => ({
  kind: 'operator',
  action:
    `install Strimzi ${r.tag}: its CRDs first (kubectl apply --server-side), then its operator Deployment ` +
    `(supports Kafka ${r.kafkaVersions.map((k) => k.version).join(', ')})`,
  waitFor: 'the operator runs and every Kafka is Ready again (the operator restarts the nodes onto its images)',
  release: r.tag,
});

const kafkaStep = (clusters: string[], version: string, release?: string): UpgradeStep => ({
  kind: 'kafka',
  action:
    `set kafka.version ${version} on ${clusters.join(', ')}` +
    `${release ? ` (Strimzi ${release})` : ''}; keep metadataVersion`,
  waitFor: `the rolling restart ends: status.kafkaVersion is ${version}`,
  release,
  version,
});

const convertStep = (release: string): UpgradeStep => ({
  kind: 'convert',
  action:
    `convert every Strimzi resource to kafka.strimzi.io/v1 under Strimzi ${release} (apiVersion: 'v1' in the app, ` +
    "re-synth and apply; then Strimzi's v1 API conversion tool makes v1 the CRDs' stored version)",
  waitFor: 'status.storedVersions of every Strimzi CRD is [v1]',
  release,
});

/** Steps from release r1 to r2, upgrading Kafka on the way where the next release needs it. */
export function upgradeSteps(
  r1: StrimziRelease,
  r2: StrimziRelease,
  vs: Versions[],
): { steps: UpgradeStep[]; kafka: Map<string, string>; reached: boolean } {
  const steps: UpgradeStep[] = [];
  const kafka = new Map(vs.map((v) => [v.object, v.kafka[0]]));
  let v1beta2 = vs.some((v) => v.apiBefore === 'v1beta2') && !r2.apiVersions.includes('v1beta2');
  let at = r1;
  for (let guard = 0; at !== r2 && guard < 3 * STRIMZI_RELEASES.length; guard++) {
    if (v1beta2 && at.apiVersions.includes('v1')) {
      steps.push(convertStep(at.tag));
      v1beta2 = false;
    }
    const next = furthest(at, r2, [...kafka.values()], v1beta2);
    if (next !== at) {
      steps.push(operatorStep(next));
      at = next;
      continue;
    }
    const moved = vs.filter((v) => {
      const k = bestKafka(at, r2, kafka.get(v.object)!, v.kafka[1]);
      const changed = k !== kafka.get(v.object);
      if (changed) steps.push(kafkaStep([v.object], k, at.tag));
      kafka.set(v.object, k);
      return changed;
    });
    if (moved.length === 0) break;
  }
  return { steps, kafka, reached: at === r2 };
}

/** The last steps: Kafka to its target, then the metadata version. */
export function finalSteps(vs: Versions[], release?: string, done = new Map<string, string>()): UpgradeStep[] {
  const out: UpgradeStep[] = [];
  for (const v of vs) {
    if (v.kafka[1] !== (done.get(v.object) ?? v.kafka[0])) out.push(kafkaStep([v.object], v.kafka[1], release));
  }
  for (const v of vs.filter((x) => x.metadata[1] && x.metadata[1] !== x.metadata[0])) {
    out.push({
      kind: 'metadata',
      action:
        `set metadataVersion ${v.metadata[1]} on ${v.object} (Kafka ${v.kafka[1]} allows up to ` +
        `${v.kafka[1].split('.').slice(0, 2).join('.')})`,
      waitFor: `status.kafkaMetadataVersion is ${v.metadata[1]}; it cannot be lowered afterwards`,
      version: v.metadata[1],
    });
  }
  return out;
}
