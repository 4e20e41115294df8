import * as fs from 'fs';
import * as path from 'path';
import { inputFiles } from '../../lib/migrate/read';

/** One file of the corpus: the file, the files migrated with it (its cluster), and the release. */
export interface CorpusCase {
  readonly name: string;
  readonly file: string;
  readonly inputs: string[];
  readonly strimziVersion: string;
  readonly namespace?: string;
}

const KINDS = /^kind:\s*(Kafka|KafkaNodePool|KafkaUser|KafkaTopic)\s*$/m;
const CLUSTER = /^kind:\s*Kafka\s*$/m;

/**
 * The cluster a users-or-topics file is migrated with (the library checks users against their
 * cluster): the `kafka.yaml` of its own folder, else the release's `security/tls-auth/kafka.yaml`
 * (a cluster with TLS client authentication and `simple` authorization, which the examples' TLS
 * users need).
 */
function clusterFileFor(file: string, examples: string): string | undefined {
  const candidates = [path.join(path.dirname(file), 'kafka.yaml'), path.join(examples, 'security/tls-auth/kafka.yaml')];
  return candidates.find((f) => fs.existsSync(f) && CLUSTER.test(fs.readFileSync(f, 'utf-8')));
}

/**
 * Every file under `<tag>/packaging-examples/` of every release holding a Kafka, KafkaNodePool,
 * KafkaUser or KafkaTopic (the KRaft examples among them), migrated with `--strimzi <tag>`.
 */
export function corpusCases(strimziDir: string): CorpusCase[] {
  const tags = fs.readdirSync(strimziDir).filter((t) => /^\d+\.\d+\.\d+$/.test(t));
  return tags.sort().flatMap((tag) => {
    const examples = path.join(strimziDir, tag, 'packaging-examples');
    if (!fs.existsSync(examples)) return [];
    return inputFiles([examples])
      .filter((f) => /\.ya?ml$/.test(f) && KINDS.test(fs.readFileSync(f, 'utf-8')))
      .map((file) => {
        const text = fs.readFileSync(file, 'utf-8');
        const cluster = CLUSTER.test(text) ? undefined : clusterFileFor(file, examples);
        const name = `${tag}/${path.relative(examples, file)}`;
        return { name, file, inputs: cluster ? [cluster, file] : [file], strimziVersion: tag };
      });
  });
}

/** The seed post's manifest and nginx file, on the release the post downloads, in namespace kafka. */
export function seedCase(seedDir: string): CorpusCase {
  const file = path.join(seedDir, 'kafka.yaml');
  return {
    name: 'seed/kafka.yaml',
    file,
    inputs: [file, path.join(seedDir, 'nginx-bootstrap.conf')],
    strimziVersion: '0.41.0',
    namespace: 'kafka',
  };
}
