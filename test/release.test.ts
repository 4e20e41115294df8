import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { STRIMZI_RELEASES, findStrimziRelease, releasesSupportingKafka } from '../lib';
import { CrdSchemaValidator, bundledReleases } from '../lib/tools';
import { describeIf, strimziRefDir } from './support/reference';

const ref = strimziRefDir('test/release.test.ts (release table vs upstream kafka-versions)');
const versionsDir = ref && path.join(ref, 'kafka-versions');
const tags = versionsDir
  ? fs
      .readdirSync(versionsDir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''))
  : STRIMZI_RELEASES.map((r) => r.tag); // listed as skipped

describe('release table', () => {
  test.each(STRIMZI_RELEASES.map((r) => r.tag))(
    '%s: API versions are the kafka.strimzi.io versions its shipped CRDs serve',
    (tag) => {
      const crds = CrdSchemaValidator.forRelease(tag);
      const served = ['v1', 'v1beta2'].filter((v) => crds.serves(`kafka.strimzi.io/${v}`, 'Kafka'));
      expect([...findStrimziRelease(tag)!.apiVersions].sort()).toEqual(served);
      expect(['v1', 'v1beta2'].filter((v) => crds.serves(`kafka.strimzi.io/${v}`, 'KafkaNodePool'))).toEqual(served);
    },
  );

  test('the shipped CRD schemas cover exactly the releases of the table', () => {
    expect(bundledReleases()).toEqual(STRIMZI_RELEASES.map((r) => r.tag));
  });

  test('KRaft annotations are required up to 0.47 only', () => {
    expect(findStrimziRelease('0.47.0')!.kraftAnnotationsRequired).toBe(true);
    expect(findStrimziRelease('0.48.0')!.kraftAnnotationsRequired).toBe(false);
  });

  test('Kafka 3.7.1 needs Strimzi 0.42 to 0.44', () => {
    expect(releasesSupportingKafka('3.7.1')).toEqual(['0.42.0', '0.43.0', '0.44.0']);
  });
});

describeIf(ref)('release table vs upstream', () => {
  test('covers exactly the releases in kafka-versions/', () => {
    expect(STRIMZI_RELEASES.map((r) => r.tag).sort()).toEqual([...tags].sort());
    expect(tags.length).toBe(20);
  });

  test.each(tags)('%s matches its kafka-versions.yaml', (tag) => {
    // GIVEN upstream's file, read with every scalar as a string (so 4.0 stays "4.0")
    const rows = YAML.parse(fs.readFileSync(path.join(versionsDir!, `${tag}.yaml`), 'utf-8'), {
      schema: 'failsafe',
    }) as Record<string, string>[];
    const supported = rows.filter((r) => r.supported === 'true');
    const release = findStrimziRelease(tag)!;

    // THEN supported versions, their metadata versions and the default agree
    expect(release.kafkaVersions).toEqual(supported.map((r) => ({ version: r.version, metadataVersion: r.metadata })));
    expect(release.defaultKafkaVersion).toBe(rows.find((r) => r.default === 'true')!.version);
  });

  test.each(tags)('%s: API versions match the versions its Kafka CRD serves', (tag) => {
    const crd = YAML.parse(fs.readFileSync(path.join(ref!, tag, 'crds', '040-Crd-kafka.yaml'), 'utf-8'));
    const served = crd.spec.versions
      .filter((v: any) => v.served)
      .map((v: any) => v.name)
      .sort();
    expect([...findStrimziRelease(tag)!.apiVersions].sort()).toEqual(served);
  });
});
