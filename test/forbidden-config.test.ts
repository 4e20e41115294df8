import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { forbiddenConfigFor, forbiddenPrefixOf } from '../lib/core/forbidden-config';
import { describeIf, strimziRefDir } from './support/reference';

const ref = strimziRefDir('the forbidden-config tables vs the Kafka CRDs in test/forbidden-config.test.ts');

/** The prefixes and exceptions printed in a release's Kafka CRD (`spec.kafka.config` description). */
function fromCrd(tag: string): { prefixes: string[]; exceptions: string[] } {
  const crd = YAML.parse(fs.readFileSync(path.join(ref!, tag, 'crds', '040-Crd-kafka.yaml'), 'utf-8'));
  const description: string =
    crd.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.kafka.properties.config.description;
  const m = /cannot be set: (.*) \(with the exception of: (.*)\)\.$/.exec(description)!;
  const list = (s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  return { prefixes: list(m[1]), exceptions: list(m[2]) };
}

describeIf(ref)('forbidden Kafka config keys vs upstream CRDs', () => {
  test.each(['0.41.0', '0.43.0', '0.45.2', '0.48.0'])('%s: the table equals the CRD', (tag) => {
    const crd = fromCrd(tag);
    const ours = forbiddenConfigFor(tag);
    expect([...ours.prefixes].sort()).toEqual(crd.prefixes.sort());
    expect([...ours.exceptions].sort()).toEqual(crd.exceptions.sort());
  });

  test('1.2.0 no longer prints the list; the newest verified list (0.48.0) applies', () => {
    const crd = YAML.parse(fs.readFileSync(path.join(ref!, '1.2.0', 'crds', '040-Crd-kafka.yaml'), 'utf-8'));
    expect(
      crd.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.kafka.properties.config.description,
    ).toContain('Consult the documentation');
    expect(forbiddenConfigFor('1.2.0')).toBe(forbiddenConfigFor('0.48.0'));
  });
});

describe('forbidden Kafka config keys', () => {
  test.each([
    ['1.2.0', 'listeners', 'listeners'],
    ['1.2.0', 'ssl.keystore.location', 'ssl.'],
    ['1.2.0', 'ssl.protocol', undefined],
    ['1.2.0', 'log.retention.hours', undefined],
    ['1.2.0', 'log.dirs', 'log.dir'],
    ['0.45.2', 'broker.session.timeout.ms', 'broker.'],
    ['0.48.0', 'broker.session.timeout.ms', undefined],
    ['0.41.0', 'client.quota.callback.static.produce', undefined],
    ['0.43.0', 'client.quota.callback.static.produce', 'client.quota.callback.static.produce'],
  ])('%s: %s -> %s', (release, key, prefix) => {
    expect(forbiddenPrefixOf(release, key)).toBe(prefix);
  });
});
