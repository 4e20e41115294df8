/**
 * Upgrade steps and refused orders, from the release table (`core/release.ts`): operator first
 * (CRDs, then its Deployment), then `kafka.version`, then `metadataVersion`; never an operator that
 * does not support the Kafka version running; intermediate releases where a jump is not
 * supported; every resource converted to `v1` before an operator that no longer serves `v1beta2`.
 */
import { StrimziRelease, compareVersions, findStrimziRelease } from '../core/release';
import { Obj, OutputFacts, objectName } from './facts';
import { Versions, finalSteps, operatorStep, upgradeSteps } from './steps';
import { Refusal, UpgradeStep } from './types';

/**
 * Orders metadata versions (`3.7-IV2` < `3.7-IV4` < `3.8`). A bare `3.7` is Kafka's newest 3.7-IVn,
 * which only Kafka's own table knows: it compares equal to every 3.7-IVn. NaN when either is no
 * metadata version, so that no comparison with it holds.
 */
export function compareMetadataVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const m = /^(\d+)\.(\d+)(?:-IV(\d+))?$/.exec(String(v));
    return m ? [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])] : undefined;
  };
  const [x, y] = [parse(a), parse(b)];
  if (!x || !y) return NaN;
  for (let i = 0; i < 3; i++) {
    if (x[i] === undefined || y[i] === undefined) return 0;
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return 0;
}

/** `major.minor` of a Kafka version, as a metadata version (`3.7.1` -> `3.7`). */
const minorOf = (kafka: string) => kafka.split('.').slice(0, 2).join('.');
const supports = (r: StrimziRelease, kafka: string) => r.kafkaVersions.some((k) => k.version === kafka);
const kafkaOf = (k: Obj) => k.spec?.kafka ?? {};

export function clusterVersions(before: OutputFacts, after: OutputFacts): Versions[] {
  return [...after.kafkas]
    .filter(([key]) => before.kafkas.has(key))
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([key, a]) => {
      const b = before.kafkas.get(key)!;
      return {
        object: objectName(a),
        kafka: [String(b.status?.kafkaVersion ?? kafkaOf(b).version ?? ''), String(kafkaOf(a).version ?? '')],
        metadata: [b.status?.kafkaMetadataVersion ?? kafkaOf(b).metadataVersion, kafkaOf(a).metadataVersion],
        apiBefore: String(b.apiVersion ?? '').replace('kafka.strimzi.io/', ''),
      };
    });
}

/** Orders that cannot work whatever the release: metadata lowered, Kafka below the metadata version. */
function versionRefusals(v: Versions): Refusal[] {
  const out: Refusal[] = [];
  const [mb, ma] = v.metadata;
  if (mb && ma && compareMetadataVersions(ma, mb) < 0) {
    out.push({
      object: v.object,
      reason: `metadataVersion ${mb} -> ${ma}: KRaft metadata versions cannot be lowered`,
      fix: `keep metadataVersion ${mb}`,
    });
  }
  const [kb, ka] = v.kafka;
  if (kb !== ka && mb && compareMetadataVersions(minorOf(ka), mb) < 0) {
    out.push({
      object: v.object,
      reason: `kafka.version ${kb} -> ${ka} goes below the metadata version ${mb} the cluster runs`,
      fix: `keep Kafka ${String(mb).split('-')[0]} or newer`,
    });
  }
  const changed = kb !== ka || mb !== ma;
  // one mistake, one refusal: Kafka below the running metadata version is reported above
  if (changed && out.length === 0 && ma && compareMetadataVersions(ma, minorOf(ka)) > 0) {
    out.push({
      object: v.object,
      reason: `metadataVersion ${ma} is above what Kafka ${ka} allows`,
      fix: `set metadataVersion to ${minorOf(ka)} or lower, or upgrade kafka.version first`,
    });
  }
  return out;
}

/** Refusals of a release change: Kafka versions the operators do not support, v1beta2 past its removal. */
function releaseRefusals(r1: StrimziRelease, r2: StrimziRelease, vs: Versions[]): Refusal[] {
  const out: Refusal[] = [];
  for (const v of vs) {
    const [kb, ka] = v.kafka;
    if (!supports(r2, kb)) {
      out.push({
        object: v.object,
        reason: `Strimzi ${r2.tag} does not support Kafka ${kb}, which runs now: the new operator cannot manage it`,
        fix: 'upgrade in the steps below, one commit each',
      });
    } else if (kb !== ka && !supports(r1, ka)) {
      out.push({
        object: v.object,
        reason:
          `kafka.version ${ka} is not supported by the running operator (Strimzi ${r1.tag}); it changes in the ` +
          'same commit as the operator',
        fix: `commit the operator upgrade to ${r2.tag} first; change kafka.version once it runs`,
      });
    }
    if (v.apiBefore === 'v1beta2' && !r2.apiVersions.includes('v1beta2')) {
      out.push({
        object: v.object,
        reason: `Strimzi ${r2.tag} no longer serves kafka.strimzi.io/v1beta2, and the resources are stored as v1beta2`,
        fix: 'convert every resource to v1 under a release serving both (0.49.0-0.51.0) before installing it',
      });
    }
  }
  return out;
}

/** Steps from one release to another; a refusal when the table has no path. */
function releaseSteps(
  r1: StrimziRelease,
  r2: StrimziRelease,
  vs: Versions[],
): { steps: UpgradeStep[]; refusals: Refusal[] } {
  if (compareVersions(r2.tag, r1.tag) < 0) {
    return { steps: [operatorStep(r2), ...finalSteps(vs, r2.tag)], refusals: [] };
  }
  const path = upgradeSteps(r1, r2, vs);
  if (!path.reached) {
    const reason = `no order of Strimzi releases from ${r1.tag} to ${r2.tag} keeps the running Kafka version supported`;
    const fix = 'upgrade Kafka within the current release first, or choose another target release';
    return { steps: [], refusals: [{ object: 'Strimzi operator', reason, fix }] };
  }
  return { steps: [...path.steps, ...finalSteps(vs, r2.tag, path.kafka)], refusals: [] };
}

/**
 * The upgrade of a change: ordered steps (operator, API conversion, Kafka, metadata version)
 * and the orders that cannot work. Without an operator in the outputs only Kafka and metadata
 * versions are planned.
 */
export function upgradePlan(before: OutputFacts, after: OutputFacts): { steps: UpgradeStep[]; refusals: Refusal[] } {
  const vs = clusterVersions(before, after);
  const refusals = vs.flatMap(versionRefusals);
  const [r1, r2] = [findStrimziRelease(before.release ?? ''), findStrimziRelease(after.release ?? '')];
  if (r1 && r2 && r1 !== r2) {
    const planned = releaseSteps(r1, r2, vs);
    return { steps: planned.steps, refusals: [...refusals, ...releaseRefusals(r1, r2, vs), ...planned.refusals] };
  }
  return { steps: finalSteps(vs, (r2 ?? r1)?.tag), refusals };
}
