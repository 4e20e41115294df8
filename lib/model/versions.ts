/** Which Strimzi release, API version, Kafka version and metadata version a cluster runs. */
import { Finding, finding } from '../core/problem';
import {
  DEFAULT_STRIMZI_RELEASE,
  STRIMZI_RELEASES,
  StrimziApiVersion,
  StrimziRelease,
  compareVersions,
  findStrimziRelease,
  releasesSupportingKafka,
} from '../core/release';
import { RULES } from '../core/rules';

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
  const tag = input.strimziVersion ?? DEFAULT_STRIMZI_RELEASE;
  let release = findStrimziRelease(tag);
  if (!release) {
    findings.push(
      finding(
        RULES.releaseKnown,
        'strimziVersion',
        tag,
        'not a Strimzi release this library knows',
        `use one of ${STRIMZI_RELEASES.map((r) => r.tag).join(', ')}`,
      ),
    );
    release = findStrimziRelease(DEFAULT_STRIMZI_RELEASE)!;
  }
  let apiVersion = input.apiVersion ?? release.apiVersions[0];
  if (!release.apiVersions.includes(apiVersion)) {
    findings.push(
      finding(
        RULES.apiVersionServed,
        'apiVersion',
        apiVersion,
        `Strimzi ${release.tag} does not serve kafka.strimzi.io/${apiVersion}`,
        `use ${release.apiVersions.join(' or ')}`,
      ),
    );
    apiVersion = release.apiVersions[0];
  }

  const kafkaVersion = input.kafkaVersion ?? release.defaultKafkaVersion;
  const kafka = release.kafkaVersions.find((k) => k.version === kafkaVersion);
  const releaseDefault = release.kafkaVersions.find((k) => k.version === release!.defaultKafkaVersion)!.metadataVersion;
  if (!kafka) {
    const others = releasesSupportingKafka(kafkaVersion);
    findings.push(
      finding(
        RULES.kafkaVersionSupported,
        'kafkaVersion',
        kafkaVersion,
        `Strimzi ${release.tag} supports ${release.kafkaVersions.map((k) => k.version).join(', ')}`,
        others.length > 0
          ? `use a supported version, or Strimzi ${others.join(', ')} which support Kafka ${kafkaVersion}`
          : 'use a supported version; no Strimzi release this library knows supports it',
      ),
    );
  } else if (compareVersions(kafkaVersion, release.defaultKafkaVersion) < 0) {
    findings.push(
      finding(
        RULES.kafkaVersionOld,
        'kafkaVersion',
        kafkaVersion,
        `older than Strimzi ${release.tag}'s default ${release.defaultKafkaVersion}`,
        `upgrade to Kafka ${release.defaultKafkaVersion} when you can`,
      ),
    );
  }
  const defaultMetadata = kafka?.metadataVersion ?? releaseDefault;
  const metadataVersion = input.metadataVersion ?? defaultMetadata;
  const mv = METADATA_VERSION.exec(metadataVersion);
  if (!mv) {
    findings.push(
      finding(
        RULES.metadataVersionSyntax,
        'metadataVersion',
        metadataVersion,
        'not <major>.<minor> or <major>.<minor>-IV<n>',
        `use ${defaultMetadata}`,
      ),
    );
  } else if (kafka && input.metadataVersion !== undefined) {
    // Only a metadata version the user set is compared, and only with a Kafka version the release has.
    if (compareVersions(mv[1], kafkaVersion.split('.').slice(0, 2).join('.')) > 0) {
      findings.push(
        finding(
          RULES.metadataVersionNotNewer,
          'metadataVersion',
          metadataVersion,
          `newer than Kafka ${kafkaVersion}`,
          `use ${defaultMetadata} or older`,
        ),
      );
    } else if (compareVersions(mv[1], defaultMetadata.split('-')[0]) < 0) {
      findings.push(
        finding(
          RULES.metadataVersionOld,
          'metadataVersion',
          metadataVersion,
          `older than Kafka ${kafkaVersion}'s ${defaultMetadata}`,
          `raise it to ${defaultMetadata} once every broker runs Kafka ${kafkaVersion}`,
        ),
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
