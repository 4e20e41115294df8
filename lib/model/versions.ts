/** Which Strimzi release, API version, Kafka version and metadata version a cluster runs. */
import { Finding, collector } from '../core/problem';
import {
  DEFAULT_STRIMZI_RELEASE,
  STRIMZI_RELEASES,
  StrimziApiVersion,
  StrimziRelease,
  compareVersions,
  findStrimziRelease,
  releasesSupportingKafka,
} from '../core/release';
import { RULES } from '../rules';

/** What the user asked for (every field optional). */
export interface VersionInput {
  readonly strimziVersion?: string;
  readonly apiVersion?: StrimziApiVersion;
  readonly kafkaVersion?: string;
  readonly metadataVersion?: string;
}

/** The versions a cluster runs, with defaults applied. */
export interface ResolvedVersions {
  readonly release: StrimziRelease;
  readonly apiVersion: StrimziApiVersion;
  readonly kafkaVersion: string;
  readonly metadataVersion: string;
  readonly findings: Finding[];
}

const METADATA_VERSION = /^(\d+\.\d+)(-IV(\d+))?$/;

/**
 * Resolves the versions. A broken choice is reported once, at the field the user set: an
 * unsupported Kafka version does not also fail the metadata version derived from it.
 */
export function resolveVersions(input: VersionInput): ResolvedVersions {
  const findings: Finding[] = [];
  const flag = collector(findings);
  const tag = input.strimziVersion ?? DEFAULT_STRIMZI_RELEASE;
  let release = findStrimziRelease(tag);
  if (!release) {
    flag(RULES.releaseKnown, 'strimziVersion', tag).says(
      `not a Strimzi release this library knows. Fix: use one of ${STRIMZI_RELEASES.map((r) => r.tag).join(', ')}`,
    );
    release = findStrimziRelease(DEFAULT_STRIMZI_RELEASE)!;
  }
  let apiVersion = input.apiVersion ?? release.apiVersions[0];
  if (!release.apiVersions.includes(apiVersion)) {
    flag(RULES.apiVersionServed, 'apiVersion', apiVersion).says(
      `Strimzi ${release.tag} does not serve kafka.strimzi.io/${apiVersion}. Fix: use ` +
        `${release.apiVersions.join(' or ')}`,
    );
    apiVersion = release.apiVersions[0];
  }

  const kafkaVersion = input.kafkaVersion ?? release.defaultKafkaVersion;
  const kafka = release.kafkaVersions.find((k) => k.version === kafkaVersion);
  const releaseDefault = release.kafkaVersions.find((k) => k.version === release!.defaultKafkaVersion)!.metadataVersion;
  if (!kafka) {
    const others = releasesSupportingKafka(kafkaVersion);
    const fix =
      others.length > 0
        ? `use a supported version, or Strimzi ${others.join(', ')} which support Kafka ${kafkaVersion}`
        : 'use a supported version; no Strimzi release this library knows supports it';
    flag(RULES.kafkaVersionSupported, 'kafkaVersion', kafkaVersion).says(
      `Strimzi ${release.tag} supports ${release.kafkaVersions.map((k) => k.version).join(', ')}. Fix: ${fix}`,
    );
  } else if (compareVersions(kafkaVersion, release.defaultKafkaVersion) < 0) {
    flag(RULES.kafkaVersionOld, 'kafkaVersion', kafkaVersion).says(
      `older than Strimzi ${release.tag}'s default ${release.defaultKafkaVersion}. Fix: upgrade to Kafka ` +
        `${release.defaultKafkaVersion} when you can`,
    );
  }
  const defaultMetadata = kafka?.metadataVersion ?? releaseDefault;
  const metadataVersion = input.metadataVersion ?? defaultMetadata;
  const mv = METADATA_VERSION.exec(metadataVersion);
  if (!mv) {
    flag(RULES.metadataVersionSyntax, 'metadataVersion', metadataVersion).says(
      `not <major>.<minor> or <major>.<minor>-IV<n>. Fix: use ${defaultMetadata}`,
    );
  } else if (kafka && input.metadataVersion !== undefined) {
    // Only a metadata version the user set is compared, and only with a Kafka version the release has.
    if (compareVersions(mv[1], kafkaVersion.split('.').slice(0, 2).join('.')) > 0) {
      flag(RULES.metadataVersionNotNewer, 'metadataVersion', metadataVersion).says(
        `newer than Kafka ${kafkaVersion}. Fix: use ${defaultMetadata} or older`,
      );
    } else if (compareVersions(mv[1], defaultMetadata.split('-')[0]) < 0) {
      flag(RULES.metadataVersionOld, 'metadataVersion', metadataVersion).says(
        `older than Kafka ${kafkaVersion}'s ${defaultMetadata}. Fix: raise it to ${defaultMetadata} once ` +
          `every broker runs Kafka ${kafkaVersion}`,
      );
    }
  }
  return { release, apiVersion, kafkaVersion, metadataVersion, findings };
}

/**
 * Whether a metadata version supports KRaft JBOD with several volumes (3.7-IV2, or a bare 3.7
 * meaning its newest IV).
 */
export function supportsKraftJbod(metadataVersion: string): boolean {
  const m = METADATA_VERSION.exec(metadataVersion);
  if (!m) return true; // reported by metadata-version-syntax
  const c = compareVersions(m[1], '3.7');
  return c > 0 || (c === 0 && (m[3] === undefined || Number(m[3]) >= 2));
}
