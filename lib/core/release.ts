/**
 * Facts about Strimzi releases 0.41.0 to 1.2.0, from each release's `kafka-versions.yaml` and
 * release notes. `test/release.test.ts` checks every row against the upstream files.
 */

/** A Strimzi custom resource API version. */
export type StrimziApiVersion = 'v1' | 'v1beta2';

/** One Kafka version a Strimzi release supports. */
export interface KafkaVersionInfo {
  /** Apache Kafka version, e.g. `3.7.1`. */
  readonly version: string;
  /** The metadata version Strimzi uses for it by default, e.g. `3.7` or `4.3-IV0`. */
  readonly metadataVersion: string;
}

/** What one Strimzi release supports. */
export interface StrimziRelease {
  /** Release tag, e.g. `0.43.0`. */
  readonly tag: string;
  /** API versions of `kafka.strimzi.io` this release serves, preferred first. */
  readonly apiVersions: readonly StrimziApiVersion[];
  /**
   * Whether a KRaft `Kafka` needs the `strimzi.io/node-pools: enabled` and
   * `strimzi.io/kraft: enabled` annotations (true up to 0.47; 0.48 ignores them).
   */
  readonly kraftAnnotationsRequired: boolean;
  /** Supported Kafka versions, oldest first. */
  readonly kafkaVersions: readonly KafkaVersionInfo[];
  /** The Kafka version the operator uses when none is given. */
  readonly defaultKafkaVersion: string;
}

type Row = [tag: string, defaultKafka: string, kafka: Record<string, string>];

// [tag, default Kafka version, { supported Kafka version: default metadata version }]
const ROWS: Row[] = [
  ['0.41.0', '3.7.0', { '3.6.0': '3.6', '3.6.1': '3.6', '3.6.2': '3.6', '3.7.0': '3.7' }],
  ['0.42.0', '3.7.1', { '3.6.0': '3.6', '3.6.1': '3.6', '3.6.2': '3.6', '3.7.0': '3.7', '3.7.1': '3.7' }],
  ['0.43.0', '3.8.0', { '3.7.0': '3.7', '3.7.1': '3.7', '3.8.0': '3.8' }],
  ['0.44.0', '3.8.0', { '3.7.0': '3.7', '3.7.1': '3.7', '3.8.0': '3.8' }],
  ['0.45.0', '3.9.0', { '3.8.0': '3.8', '3.8.1': '3.8', '3.9.0': '3.9' }],
  ['0.45.1', '3.9.1', { '3.8.0': '3.8', '3.8.1': '3.8', '3.9.0': '3.9', '3.9.1': '3.9' }],
  ['0.45.2', '3.9.2', { '3.8.0': '3.8', '3.8.1': '3.8', '3.9.0': '3.9', '3.9.1': '3.9', '3.9.2': '3.9' }],
  ['0.46.0', '4.0.0', { '3.9.0': '3.9', '4.0.0': '4.0' }],
  ['0.46.1', '4.0.0', { '3.9.0': '3.9', '4.0.0': '4.0' }],
  ['0.47.0', '4.0.0', { '3.9.0': '3.9', '3.9.1': '3.9', '4.0.0': '4.0' }],
  ['0.48.0', '4.1.0', { '4.0.0': '4.0', '4.1.0': '4.1' }],
  ['0.49.0', '4.1.1', { '4.0.0': '4.0', '4.0.1': '4.0', '4.1.0': '4.1', '4.1.1': '4.1' }],
  ['0.49.1', '4.1.1', { '4.0.0': '4.0', '4.0.1': '4.0', '4.1.0': '4.1', '4.1.1': '4.1' }],
  ['0.50.0', '4.1.1', { '4.0.0': '4.0', '4.0.1': '4.0', '4.1.0': '4.1', '4.1.1': '4.1' }],
  ['0.50.1', '4.1.1', { '4.0.0': '4.0', '4.0.1': '4.0', '4.1.0': '4.1', '4.1.1': '4.1' }],
  ['0.51.0', '4.2.0', { '4.1.0': '4.1', '4.1.1': '4.1', '4.2.0': '4.2' }],
  ['1.0.0', '4.2.0', { '4.1.0': '4.1', '4.1.1': '4.1', '4.1.2': '4.1', '4.2.0': '4.2' }],
  ['1.0.1', '4.2.0', { '4.1.0': '4.1', '4.1.1': '4.1', '4.1.2': '4.1', '4.2.0': '4.2' }],
  ['1.1.0', '4.3.0', { '4.2.0': '4.2-IV1', '4.2.1': '4.2-IV1', '4.3.0': '4.3-IV0' }],
  ['1.2.0', '4.3.1', { '4.2.0': '4.2-IV1', '4.2.1': '4.2-IV1', '4.3.0': '4.3-IV0', '4.3.1': '4.3-IV0' }],
];

/** Compares dotted version strings numerically (`0.9.0` < `0.10.0`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function apiVersionsOf(tag: string): StrimziApiVersion[] {
  if (compareVersions(tag, '1.0.0') >= 0) return ['v1']; // 1.0.0 removed v1beta2
  if (compareVersions(tag, '0.49.0') >= 0) return ['v1', 'v1beta2']; // 0.49 introduced v1
  return ['v1beta2'];
}

/** Every Strimzi release this library knows, oldest first. */
export const STRIMZI_RELEASES: readonly StrimziRelease[] = ROWS.map(([tag, defaultKafkaVersion, kafka]) => ({
  tag,
  apiVersions: apiVersionsOf(tag),
  kraftAnnotationsRequired: compareVersions(tag, '0.48.0') < 0,
  kafkaVersions: Object.entries(kafka)
    .map(([version, metadataVersion]) => ({ version, metadataVersion }))
    .sort((x, y) => compareVersions(x.version, y.version)),
  defaultKafkaVersion,
}));

/** The release the library targets when none is given. */
export const DEFAULT_STRIMZI_RELEASE = '1.2.0';

/** Looks up a release, or undefined when the library does not know it. */
export function findStrimziRelease(tag: string): StrimziRelease | undefined {
  return STRIMZI_RELEASES.find((r) => r.tag === tag);
}

/** The releases that support a Kafka version, oldest first. */
export function releasesSupportingKafka(version: string): string[] {
  return STRIMZI_RELEASES.filter((r) => r.kafkaVersions.some((k) => k.version === version)).map((r) => r.tag);
}
