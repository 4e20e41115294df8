import { validateManifests } from '../lib/tools';
import { celFailures } from '../lib/tools/cel-rules';

const pool = (rack: unknown) => ({
  apiVersion: 'kafka.strimzi.io/v1',
  kind: 'Kafka',
  metadata: { name: 'k' },
  spec: {
    kafka: {
      listeners: [{ name: 'plain', port: 9092, type: 'internal', tls: false }],
      rack,
    },
  },
});

describe('CEL rules of the CRDs (x-kubernetes-validations), as the API server evaluates them', () => {
  test('a jmxPrometheusExporter metricsConfig without valueFrom fails with the CRD message', () => {
    // GIVEN a Kafka whose brokers' metricsConfig has no valueFrom
    const kafka = pool(undefined);
    (kafka.spec.kafka as Record<string, unknown>).metricsConfig = { type: 'jmxPrometheusExporter' };
    // WHEN it is validated against Strimzi 1.2.0 THEN the CEL rule's message names the field
    expect(validateManifests([kafka], { strimziVersion: '1.2.0' }).errors).toEqual([
      'Kafka/k (kafka.strimzi.io/v1): /spec/kafka/metricsConfig valueFrom property is required',
    ]);
  });

  test('rack awareness without topologyKey fails with the evaluation error, as the API server reports it', () => {
    // GIVEN rack of the default type without its key WHEN validated THEN the rule cannot read topologyKey
    expect(validateManifests([pool({})], { strimziVersion: '1.2.0' }).errors).toEqual([
      'Kafka/k (kafka.strimzi.io/v1): /spec/kafka/rack topologyKey property is required ' +
        `(rule '(has(self.type) && self.type != "topology-label") || self.topologyKey != ""': field not found: topologyKey)`,
    ]);
  });

  test('a rule that is false on an empty string fails with its message (environment-variable rack)', () => {
    // GIVEN the environment-variable rack type with an empty variable name
    const errors = validateManifests([pool({ type: 'environment-variable', envVarName: '' })], {
      strimziVersion: '1.2.0',
    }).errors;
    // THEN the rule's message
    expect(errors).toEqual(['Kafka/k (kafka.strimzi.io/v1): /spec/kafka/rack envVarName property is required']);
  });

  test('valid values pass; 0.46.0, before the CEL rules, required valueFrom in its schema', () => {
    const good = pool({ topologyKey: 'topology.kubernetes.io/zone' });
    (good.spec.kafka as Record<string, unknown>).metricsConfig = {
      type: 'jmxPrometheusExporter',
      valueFrom: { configMapKeyRef: { name: 'm', key: 'k' } },
    };
    expect(validateManifests([good], { strimziVersion: '1.2.0' }).errors).toEqual([]);
    const bad = { ...pool({ topologyKey: 'zone' }), apiVersion: 'kafka.strimzi.io/v1beta2' };
    (bad.spec.kafka as Record<string, unknown>).metricsConfig = { type: 'jmxPrometheusExporter' };
    expect(validateManifests([bad], { strimziVersion: '0.46.0' }).errors).toEqual([
      "Kafka/k (kafka.strimzi.io/v1beta2): /spec/kafka/metricsConfig must have required property 'valueFrom'",
    ]);
  });

  test('a rule refusing a value (Cruise Control with the Metrics Reporter) and two rules of one KafkaUser field', () => {
    // GIVEN Cruise Control metrics by the reporter, and a tls-external user with validity days
    const kafka = pool({ topologyKey: 'zone' });
    (kafka.spec as Record<string, unknown>).cruiseControl = { metricsConfig: { type: 'strimziMetricsReporter' } };
    const user = {
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaUser',
      metadata: { name: 'u', labels: { 'strimzi.io/cluster': 'k' } },
      spec: { authentication: { type: 'tls-external', validityDays: 30 } },
    };
    // WHEN validated against 1.2.0 THEN each rule's message
    expect(validateManifests([kafka, user], { strimziVersion: '1.2.0' }).errors).toEqual([
      'Kafka/k (kafka.strimzi.io/v1): /spec/cruiseControl/metricsConfig value type not supported',
      "KafkaUser/u (kafka.strimzi.io/v1): /spec/authentication 'validityDays' and 'renewalDays' can be configured " +
        "only with 'type: tls'",
    ]);
  });

  test('integers are CEL ints; transition rules (oldSelf) are not evaluated without a stored object', () => {
    const schema = {
      'type': 'object',
      'properties': { n: { type: 'integer' } },
      'x-kubernetes-validations': [
        { rule: 'self.n > 2', message: 'n over 2' },
        { rule: 'self.n == oldSelf.n', message: 'immutable' },
      ],
    };
    expect(celFailures(schema, { n: 3 })).toEqual([]);
    expect(celFailures(schema, { n: 1 })).toEqual(['/ n over 2']);
  });
});

describe('prometheus-operator objects, strictly against the shipped CRD schemas', () => {
  test('a PodMonitor with an unknown field and a PrometheusRule without groups are refused', () => {
    const objects = [
      {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PodMonitor',
        metadata: { name: 'pm' },
        spec: { selector: {}, podMetricsEndpoints: [{ port: 'tcp-prometheus', bogus: true }] },
      },
      {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PrometheusRule',
        metadata: { name: 'r' },
        spec: { groups: 'x' },
      },
      { apiVersion: 'monitoring.coreos.com/v1', kind: 'Probe', metadata: { name: 'p' } },
    ];
    expect(validateManifests(objects, { strimziVersion: '1.2.0' }).errors).toEqual([
      "PodMonitor/pm (monitoring.coreos.com/v1): /spec/podMetricsEndpoints/0 must NOT have additional properties 'bogus'",
      'PrometheusRule/r (monitoring.coreos.com/v1): /spec/groups must be array',
      'Probe/p (monitoring.coreos.com/v1): prometheus-operator v0.93.0 has no schema for this kind',
    ]);
  });

  test('Go patterns are RE2, each its own: a valid rule after a PodMonitor passes, a bad duration does not', () => {
    // GIVEN a PodMonitor (its own patterns compiled first) and two rules, one with a duration the CRD refuses
    const rule = (name: string, duration: string) => ({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name },
      spec: { groups: [{ name: 'g', interval: '1m0s', rules: [{ alert: 'A', expr: 'up == 0', for: duration }] }] },
    });
    const podMonitor = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata: { name: 'pm' },
      spec: { selector: {}, podMetricsEndpoints: [{ port: 'http', scrapeTimeout: '10s' }] },
    };
    // WHEN validated THEN only the bad duration is refused
    expect(
      validateManifests([podMonitor, rule('ok', '10s'), rule('bad', '10 s')], { strimziVersion: '1.2.0' }).errors,
    ).toEqual([
      'PrometheusRule/bad (monitoring.coreos.com/v1): /spec/groups/0/rules/0/for must match pattern ' +
        '"^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$"',
    ]);
  });
});
