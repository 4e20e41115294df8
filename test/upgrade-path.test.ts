import { clusterReleaseFix } from '../lib/model/semantics/upgrade-path';

describe('the fix for a cluster whose release is not its operator’s', () => {
  test.each([
    [
      'an older cluster whose Kafka the operator runs',
      { strimziVersion: '1.1.0', kafkaVersion: '4.2.0' },
      '1.2.0',
      "set strimziVersion: '1.2.0' on the cluster",
    ],
    [
      'a newer cluster',
      { strimziVersion: '1.2.0', kafkaVersion: '4.2.0' },
      '1.1.0',
      "set strimziVersion: '1.1.0' on the cluster, or upgrade the operator to 1.2.0",
    ],
    [
      'an older cluster whose Kafka the operator no longer runs',
      { strimziVersion: '0.43.0', kafkaVersion: '3.7.1' },
      '1.2.0',
      "set kafkaVersion to one Strimzi 1.2.0 runs and strimziVersion: '1.2.0' on the cluster (Strimzi 1.2.0 does not run Kafka 3.7.1; it runs 4.2.0, 4.2.1, 4.3.0, 4.3.1)",
    ],
  ])('%s', (_name, cluster, operator, fix) => {
    // GIVEN / WHEN / THEN never a downgrade of the operator
    expect(clusterReleaseFix(cluster, operator)).toBe(fix);
  });
});
