/**
 * The feature gates each Strimzi release's cluster operator accepts in `STRIMZI_FEATURE_GATES`
 * (`FeatureGates.java` of each release tag and CHANGELOG.md). The operator refuses to start on a
 * gate it does not know, on a gate listed twice, and on a value that is not a comma-separated list
 * of `+Name` / `-Name`. A gate that moved to GA is removed from the parser and becomes unknown.
 */
import { compareVersions } from '../core/release';

/** A feature gate of one release. */
export interface FeatureGateInfo {
  readonly name: string;
  /** Whether it is on when not listed. */
  readonly enabledByDefault: boolean;
}

// [gate, default, first release accepting it with that default, last release accepting it with that default]
const GATES: [string, boolean, string, string][] = [
  ['UseKRaft', true, '0.41.0', '0.41.0'], // beta in 0.40-0.41, GA (and removed) in 0.42.0
  ['ContinueReconciliationOnManualRollingUpdateFailure', false, '0.41.0', '0.43.0'],
  ['ContinueReconciliationOnManualRollingUpdateFailure', true, '0.44.0', '0.45.2'], // GA in 0.46.0
  ['DummyFeatureGate', false, '0.46.0', '0.47.0'], // a placeholder the parser accepts; it changes nothing
  ['ServerSideApplyPhase1', false, '0.48.0', '0.50.1'],
  ['ServerSideApplyPhase1', true, '0.51.0', '1.1.0'], // removed in 1.2.0
  ['UseConnectBuildWithBuildah', false, '0.49.0', '0.51.0'],
  ['UseConnectBuildWithBuildah', true, '1.0.0', '1.2.0'],
  ['UseBackgroundPodDeletion', false, '1.1.0', '1.2.0'],
];

/** The feature gates a release accepts, sorted by name. */
export function featureGatesOf(tag: string): FeatureGateInfo[] {
  return GATES.filter(([, , from, to]) => compareVersions(tag, from) >= 0 && compareVersions(tag, to) <= 0)
    .map(([name, enabledByDefault]) => ({ name, enabledByDefault }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The releases that accept a gate name, oldest first. */
export function releasesAcceptingGate(name: string, releases: readonly string[]): string[] {
  return releases.filter((tag) => featureGatesOf(tag).some((g) => g.name === name));
}
