/**
 * Which Strimzi release the generated app targets: the one named with `--strimzi`, else the
 * operator image tag of an install bundle among the inputs, else the newest release that serves
 * the input's API version and supports its Kafka version. A Kafka version the release does not
 * support is reported with the library's rule and fixed by the nearest release that supports it.
 */
import { describeProblem } from '../core/problem';
import { STRIMZI_RELEASES, StrimziApiVersion, compareVersions, findStrimziRelease } from '../core/release';
import { RULES } from '../rules';
import { resolveVersions } from '../model/versions';
import type { InputObject } from './read';

/** The release of the operator Deployment among the inputs (`.../operator:<tag>`), if any. */
export function operatorRelease(objects: readonly InputObject[]): string | undefined {
  for (const { object: o } of objects) {
    if (o.kind !== 'Deployment' || o.metadata?.name !== 'strimzi-cluster-operator') continue;
    const containers: unknown[] = o.spec?.template?.spec?.containers ?? [];
    for (const c of containers as { image?: unknown }[]) {
      const m = /\/operator:(\d+\.\d+\.\d+)$/.exec(String(c?.image ?? ''));
      if (m && findStrimziRelease(m[1])) return m[1];
    }
  }
  return undefined;
}

/** The release chosen for one cluster, and the notes that explain a change. */
export interface ReleaseChoice {
  readonly tag: string;
  /** Findings of the library's rules on the input and what the app does about them. */
  readonly notes: string[];
}

/** The newest release serving the API version and supporting the Kafka version (any, when none given). */
function newestFitting(apiVersion: StrimziApiVersion, kafkaVersion: string | undefined): string {
  const fits = STRIMZI_RELEASES.filter(
    (r) =>
      r.apiVersions.includes(apiVersion) && (!kafkaVersion || r.kafkaVersions.some((k) => k.version === kafkaVersion)),
  );
  const pool = fits.length > 0 ? fits : STRIMZI_RELEASES.filter((r) => r.apiVersions.includes(apiVersion));
  return pool[pool.length - 1].tag;
}

/**
 * The release a cluster runs on (given, from the bundle, or the newest fitting), fixed when it
 * refuses the Kafka version.
 */
export function chooseRelease(
  given: string | undefined,
  apiVersion: StrimziApiVersion,
  kafkaVersion: string | undefined,
): ReleaseChoice {
  const tag = given ?? newestFitting(apiVersion, kafkaVersion);
  const bad = resolveVersions({ strimziVersion: tag, apiVersion, kafkaVersion }).findings.find(
    (f) => f.rule === RULES.kafkaVersionSupported,
  );
  if (!bad || !kafkaVersion) return { tag, notes: [] };
  const serving = STRIMZI_RELEASES.filter(
    (r) => r.apiVersions.includes(apiVersion) && r.kafkaVersions.some((k) => k.version === kafkaVersion),
  );
  const fix = serving.find((r) => compareVersions(r.tag, tag) > 0) ?? serving[serving.length - 1];
  if (!fix) return { tag, notes: [`kept: ${describeProblem(bad)}`] };
  return {
    tag: fix.tag,
    notes: [
      `input: ${describeProblem(bad)}`,
      `fixed: strimziVersion ${fix.tag}, the nearest release that supports Kafka ${kafkaVersion} ` +
        `(run that operator before you apply)`,
    ],
  };
}
