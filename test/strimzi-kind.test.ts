import { Testing } from 'cdk8s';
import { checkedProps, lazySpec, placeFindings } from '../lib/common/resource';
import { findProblems } from '../lib/common/problems';
import { RULES } from '../lib/rules';
import { finding } from '../lib/core/problem';
import { strimziKind } from '../lib/render/strimzi';

describe('a kind renders from its own folder', () => {
  test('strimziKind gives the generated class of each API version, and names the fix for a kind not generated', () => {
    // GIVEN / WHEN a chart with a KafkaTopic of each API version, through the generic accessor
    const chart = Testing.chart();
    new (strimziKind('v1', 'KafkaTopic'))(chart, 'a', { metadata: { name: 'a' }, spec: { partitions: 1 } });
    new (strimziKind('v1beta2', 'KafkaTopic'))(chart, 'b', { metadata: { name: 'b' }, spec: { partitions: 2 } });

    // THEN each renders in its own API version
    expect(Testing.synth(chart).map((o) => `${o.apiVersion} ${o.kind} ${o.spec.partitions}`)).toEqual([
      'kafka.strimzi.io/v1 KafkaTopic 1',
      'kafka.strimzi.io/v1beta2 KafkaTopic 2',
    ]);
    expect(() => strimziKind('v1', 'KafkaMirrorMaker')).toThrow(
      'no generated class for KafkaMirrorMaker in kafka.strimzi.io/v1: add it to RENDERED_KINDS',
    );
  });

  test('the resource pattern: props checked at the boundary, model findings placed, spec produced at synth', () => {
    // GIVEN a stand-in construct following the pattern with a bad prop and a model finding
    const chart = Testing.chart();
    const { props } = checkedProps<{ partitions?: number }>(chart, { partitions: '3' }, 'KafkaTopicProps');
    placeFindings(chart, () => [finding(RULES.topicReplicas, 'replicas', 0, 'not 1 or more', 'give 1 or more')]);
    let produced = 0;
    const spec = lazySpec(() => ({ produced: ++produced }));

    // WHEN the findings are read
    const rules = findProblems(chart).map((p) => `${p.rule.id} ${p.field}`);

    // THEN the wrong type is dropped and reported, the model finding placed, and nothing produced yet
    expect(props.partitions).toBeUndefined();
    expect(rules).toContain('prop-type partitions');
    expect(rules).toContain('topic-replicas replicas');
    expect(produced).toBe(0);
    expect(spec).toBeDefined();
  });
});
