import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { findStrimziRelease } from '../lib';
import { clusterConfigFindings, topicConfigFindings } from '../lib/model/kafka-config/check';
import { describeIf, strimziRefDir } from './support/reference';

// Strimzi's own examples of every release are valid Kafka configs: the cluster `config` of every Kafka
// and the `config` of every KafkaTopic pass the catalogue checks of the Kafka version they run.
const ref = strimziRefDir('the config checks of every upstream example');

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) =>
      e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : [],
    );
}

describeIf(ref)('upstream examples pass the Kafka config checks', () => {
  const tags = ref ? fs.readdirSync(ref).filter((t) => fs.existsSync(path.join(ref, t, 'examples'))) : [];

  test.each(tags)('Strimzi %s: every Kafka and KafkaTopic config', (tag) => {
    // GIVEN every Kafka and KafkaTopic object of the release's examples
    const release = findStrimziRelease(tag)!;
    const found: string[] = [];
    let configs = 0;
    for (const file of yamlFiles(path.join(ref!, tag, 'examples'))) {
      for (const doc of YAML.parseAllDocuments(fs.readFileSync(file, 'utf-8'))) {
        const o = doc.toJSON();
        const where = `${path.relative(ref!, file)} ${o?.kind} ${o?.metadata?.name}`;
        const kafkaVersion = o?.spec?.kafka?.version ?? release.defaultKafkaVersion;
        // WHEN their configs are checked against the catalogue of the Kafka version they run
        const findings =
          o?.kind === 'Kafka' && o.spec?.kafka?.config
            ? clusterConfigFindings(tag, { kafkaVersion, config: o.spec.kafka.config })
            : o?.kind === 'KafkaTopic' && o.spec?.config
              ? topicConfigFindings({ kafkaVersion: release.defaultKafkaVersion, config: o.spec.config })
              : undefined;
        if (findings === undefined) continue;
        configs++;
        found.push(...findings.map((f) => `${where}: ${f.field} = ${JSON.stringify(f.value)}: ${f.message}`));
      }
    }
    // THEN there are configs to check, and none has a finding
    expect(configs).toBeGreaterThan(3);
    expect(found).toEqual([]);
  });
});
