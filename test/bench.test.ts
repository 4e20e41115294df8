import * as cdk8s from 'cdk8s';
import * as lib from '../lib';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { synthCase } = require('../scripts/bench.js');

describe('npm run bench', () => {
  test.each([
    ['clusters', 3],
    ['charts', 2],
    ['brokers', 10],
    ['connects', 2],
  ])('its %s case (%d) is a valid app', (kind, n) => {
    // WHEN a small instance of each benchmark case is synthesized with the library's sources
    const yaml: string = synthCase(kind, n, cdk8s, lib);

    // THEN it passes validation (synthYaml throws otherwise) and has one Kafka per cluster
    expect(yaml.match(/^kind: Kafka$/gm)).toHaveLength(kind === 'brokers' || kind === 'connects' ? 1 : n);
    if (kind === 'connects') {
      // AND n Connects with 10 connectors each
      expect(yaml.match(/^kind: KafkaConnect$/gm)).toHaveLength(n);
      expect(yaml.match(/^kind: KafkaConnector$/gm)).toHaveLength(n * 10);
    }
  });
});
