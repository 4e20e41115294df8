import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { Chart, Testing } from 'cdk8s';
import { StrimziCrds, findProblems, findStrimziRelease } from '../lib';
import { RULES } from '../lib/rules';
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

describeIf(ref)('StrimziCrds checked by what its files hold', () => {
  const problemsOf = (strimziVersion: string, from: string) => {
    const app = Testing.app();
    new StrimziCrds(new Chart(app, 'crds'), 'crds', { strimziVersion, from });
    return findProblems(app)
      .filter((p) => p.rule === RULES.crdsContent)
      .map((p) => `${p.message}`);
  };

  test.each(['0.41.0', '0.43.0', '0.45.2', '1.2.0'])("Strimzi %s's own crds/ folder passes", (tag) => {
    expect(problemsOf(tag, path.join(ref!, tag, 'crds'))).toEqual([]);
  });

  test('the CRDs of 0.43.0 labelled 0.48.0 name the release they belong to', () => {
    expect(problemsOf('0.48.0', path.join(ref!, '0.43.0', 'crds'))).toEqual([
      'these are the CRDs of Strimzi 0.43.0, not 0.48.0',
    ]);
  });

  test('patch releases with identical CRDs are named together', () => {
    expect(problemsOf('1.2.0', path.join(ref!, '1.0.0', 'crds'))).toEqual([
      'these are the CRDs of Strimzi 1.0.0, 1.0.1, not 1.2.0',
    ]);
  });

  test("a folder holding the operator's install bundle", () => {
    expect(problemsOf('1.2.0', path.join(ref!, '1.2.0', 'install'))).toEqual([
      "holds the cluster operator's install bundle: ServiceAccount strimzi-cluster-operator, ClusterRole " +
        'strimzi-cluster-operator-namespaced, RoleBinding strimzi-cluster-operator and 14 more',
    ]);
  });
});
