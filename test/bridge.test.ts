import { App, Chart, Testing } from 'cdk8s';
import { KafkaBridge, KraftCluster, KraftClusterProps, STRIMZI_RELEASES, findProblems, formatProblem } from '../lib';
import { bridgeAcls, bridgeConfigForbidden, bridgeServes, javaRegexProblem } from '../lib/bridge/bridge-model';
import { validateManifests } from '../lib/tools';
import { pools } from './support/rule-cases';
import { validationErrors } from './support/synth';

const secure: KraftClusterProps = {
  nodePools: pools,
  listeners: [
    { name: 'plain', port: 9092 },
    { name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } },
    { name: 'scram', port: 9094, tls: true, authentication: { type: 'scram-sha-512' } },
  ],
  authorization: { type: 'simple' },
};

function setup(props: Partial<KraftClusterProps> = {}, app: App = Testing.app()) {
  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const cluster = new KraftCluster(kafka, 'events', { ...secure, ...props });
  return { app, kafka, cluster };
}

const objectsOf = (app: App) => app.charts.flatMap((c) => c.toJson());

describe('KafkaBridge', () => {
  test('on the SCRAM listener: the bridge spec, and a user with Read on the groups and Read/Describe/Write/Create on the topics', () => {
    // GIVEN a bridge on the SCRAM listener for topics orders and events.* and group http-*
    const { app, kafka, cluster } = setup();
    const bridge = new KafkaBridge(kafka, 'http', {
      cluster,
      listener: 'scram',
      replicas: 2,
      topics: ['orders', 'events.*'],
      consumerGroups: ['http-*'],
      http: { cors: { allowedOrigins: ['https://.*\\.example\\.com'], allowedMethods: ['GET', 'POST'] } },
      producer: { config: { 'linger.ms': 5, 'acks': 'all' } },
      consumer: { enabled: true, timeoutSeconds: 300, config: { 'auto.offset.reset': 'earliest' } },
    });

    // WHEN the app is synthesized
    expect(validationErrors(app)).toEqual([]);
    const objects = objectsOf(app);
    const spec = objects.find((o) => o.kind === 'KafkaBridge').spec;
    const user = objects.find((o) => o.kind === 'KafkaUser' && o.metadata.name === 'http');

    // THEN the bridge connects like every client: bootstrap, CA by pattern, SCRAM from the user's Secret
    expect(spec).toEqual({
      replicas: 2,
      bootstrapServers: 'events-kafka-bootstrap.kafka.svc:9094',
      tls: { trustedCertificates: [{ secretName: 'events-cluster-ca-cert', pattern: '*.crt' }] },
      authentication: {
        type: 'scram-sha-512',
        username: 'http',
        passwordSecret: { secretName: 'http', password: 'password' },
      },
      http: {
        port: 8080,
        cors: { allowedOrigins: ['https://.*\\.example\\.com'], allowedMethods: ['GET', 'POST'] },
      },
      producer: { config: { 'acks': 'all', 'linger.ms': 5 } },
      consumer: { enabled: true, timeoutSeconds: 300, config: { 'auto.offset.reset': 'earliest' } },
    });
    expect(bridge.url).toBe('http://http-bridge-service.kafka.svc:8080');
    // AND its user is SCRAM with exactly upstream's operations for its topics and groups
    expect(user.spec.authentication).toEqual({ type: 'scram-sha-512' });
    expect(user.spec.authorization.acls).toEqual([
      { resource: { type: 'group', name: 'http-', patternType: 'prefix' }, operations: ['Read'], host: '*' },
      {
        resource: { type: 'topic', name: 'orders', patternType: 'literal' },
        operations: ['Create', 'Describe', 'Read', 'Write'],
        host: '*',
      },
      {
        resource: { type: 'topic', name: 'events.', patternType: 'prefix' },
        operations: ['Create', 'Describe', 'Read', 'Write'],
        host: '*',
      },
    ]);
  });

  test('HTTPS from 1.0.0: port 8443 by default and the kubernetes.io/tls keys', () => {
    const { kafka, cluster } = setup();
    const bridge = new KafkaBridge(kafka, 'https', { cluster, http: { tls: { secretName: 'https-cert' } } });
    const spec = Testing.synth(kafka).find((o) => o.kind === 'KafkaBridge').spec;
    expect(spec.http).toEqual({
      port: 8443,
      tls: { certificateAndKey: { secretName: 'https-cert', certificate: 'tls.crt', key: 'tls.key' } },
    });
    expect(bridge.url).toBe('https://https-bridge-service.kafka.svc:8443');
  });

  test('a producer-only bridge: no Read and no groups; a consumer-only bridge: no Write, no Create', () => {
    expect(bridgeAcls({ topics: ['t'], consumerGroups: ['g'], consumer: false })).toEqual([
      { resource: { type: 'topic', name: 't', patternType: 'literal' }, operations: ['Describe', 'Write', 'Create'] },
    ]);
    expect(bridgeAcls({ topics: ['t'], consumerGroups: ['g'], producer: false })).toEqual([
      { resource: { type: 'group', name: 'g', patternType: 'literal' }, operations: ['Read'] },
      { resource: { type: 'topic', name: 't', patternType: 'literal' }, operations: ['Read', 'Describe'] },
    ]);
  });

  test('in another namespace: refused with the copies it needs; with copies, mounts them', () => {
    const { app, cluster } = setup();
    const web = new Chart(app, 'web', { namespace: 'web' });
    new KafkaBridge(web, 'http', { cluster, listener: 'tls' });
    expect(validationErrors(web)).toEqual([
      '[web/http] copiedSecrets: the client is in namespace web, and a pod mounts Secrets of its own namespace ' +
        'only. Fix: put it in the namespace of its cluster, or keep copies there (a Secret replicator keeps them in sync) and name ' +
        "them: copiedSecrets: { clusterCa: the copy of 'events-cluster-ca-cert' (namespace kafka), user: the copy " +
        "of 'http' (namespace kafka) } [client-secrets-namespace]",
    ]);
    const app2 = Testing.app();
    const { cluster: c2 } = setup({}, app2);
    const web2 = new Chart(app2, 'web', { namespace: 'web' });
    new KafkaBridge(web2, 'http', {
      cluster: c2,
      listener: 'tls',
      copiedSecrets: { user: 'http-user', clusterCa: 'events-ca' },
    });
    expect(validationErrors(app2)).toEqual([]);
    const spec = Testing.synth(web2).find((o) => o.kind === 'KafkaBridge').spec;
    expect(spec.tls).toEqual({ trustedCertificates: [{ secretName: 'events-ca', pattern: '*.crt' }] });
    expect(spec.authentication).toEqual({
      type: 'tls',
      certificateAndKey: { secretName: 'http-user', certificate: 'user.crt', key: 'user.key' },
    });
  });
});

describe('what each release serves (generated from its CRD)', () => {
  test.each([
    ['consumer.enabled', '0.41.0', 'v1beta2', false],
    ['consumer.enabled', '0.42.0', 'v1beta2', true],
    ['consumer.timeoutSeconds', '0.49.0', 'v1', true],
    ['http.tls', '0.51.0', 'v1', false],
    ['http.tls', '1.0.0', 'v1', true],
    ['enableMetrics', '1.2.0', 'v1', false],
  ] as const)('%s in %s %s: %s', (field, release, api, served) => {
    expect(bridgeServes(field, release, api)).toBe(served);
  });

  test('forbidden producer and consumer keys: prefixes, exceptions, case-insensitive', () => {
    expect(bridgeConfigForbidden('consumer', 'group.id', '1.2.0')).toBe(true);
    expect(bridgeConfigForbidden('producer', 'group.id', '1.2.0')).toBe(false);
    expect(bridgeConfigForbidden('producer', 'Security.Protocol', '0.41.0')).toBe(true);
    expect(bridgeConfigForbidden('producer', 'ssl.enabled.protocols', '1.2.0')).toBe(false);
    expect(bridgeConfigForbidden('producer', 'linger.ms', '1.2.0')).toBe(false);
  });

  test('Java regular expressions: what Pattern.compile refuses, and what it accepts', () => {
    expect(['*', 'a**', '(a', 'a)', '[a', 'a\\', '|*'].map((s) => [s, javaRegexProblem(s)])).toEqual([
      ['*', "dangling meta character '*' at index 0"],
      ['a**', "dangling meta character '*' at index 2"],
      ['(a', 'unclosed group'],
      ['a)', "unmatched ')' at index 1"],
      ['[a', 'unclosed character class at index 0'],
      ['a\\', 'ends with an unescaped \\'],
      ['|*', "dangling meta character '*' at index 1"],
    ]);
    const accepted = [
      'https://.*\\.example\\.com',
      'a*?',
      'a*+',
      '(?i)https://x',
      '[]a]',
      '\\Q(*\\E',
      '(?<n>a)|b',
      'x{2}',
    ];
    expect(accepted.filter((s) => javaRegexProblem(s) !== undefined)).toEqual([]);
  });
});

describe('strict validity against the CRDs of every release that serves the KafkaBridge', () => {
  const cases = STRIMZI_RELEASES.flatMap((r) => r.apiVersions.map((api) => [r.tag, api] as const));
  test.each(cases)('Strimzi %s, %s: every field the release serves, valid', (tag, apiVersion) => {
    // GIVEN a bridge with every field the release serves in that API version
    const { app, kafka, cluster } = setup({ strimziVersion: tag, apiVersion });
    const newer = bridgeServes('consumer.enabled', tag, apiVersion);
    new KafkaBridge(kafka, 'http', {
      cluster,
      replicas: 2,
      topics: ['t'],
      consumerGroups: ['g'],
      http: {
        port: 8443,
        cors: { allowedOrigins: ['https://a.example.com'], allowedMethods: ['GET'] },
        tls: bridgeServes('http.tls', tag, apiVersion) ? { secretName: 'cert' } : undefined,
      },
      producer: { enabled: newer ? true : undefined, config: { acks: 'all' } },
      consumer: { enabled: newer ? true : undefined, timeoutSeconds: newer ? 60 : undefined, config: {} },
      resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
    });
    // WHEN synthesized THEN no finding, and every object is valid for the release
    expect(findProblems(app).map(formatProblem)).toEqual([]);
    const objects = objectsOf(app);
    expect(objects.find((o) => o.kind === 'KafkaBridge').apiVersion).toBe(`kafka.strimzi.io/${apiVersion}`);
    expect(validateManifests(objects, { strimziVersion: tag }).errors).toEqual([]);
  });
});
