import { App, Chart, Testing } from 'cdk8s';
import { KafkaBridge, KafkaUser, KraftCluster, KraftClusterProps } from '../lib';
import { CLIENT_DOCTOR_CHECKS, ManifestObject, clientChains, diagnose, formatDoctorReport } from '../lib/doctor';
import { pools } from './support/rule-cases';

// The offline doctor follows each client's chain through the manifests: bootstrap -> listener of a
// Kafka in the output -> TLS trust -> authentication -> the KafkaUser behind the Secret.

const secure: KraftClusterProps = {
  nodePools: pools,
  listeners: [
    { name: 'plain', port: 9092 },
    { name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } },
    { name: 'scram', port: 9094, tls: true, authentication: { type: 'scram-sha-512' } },
  ],
  authorization: { type: 'simple' },
};

/** The good app: a bridge on mTLS in the cluster's namespace, one on SCRAM in namespace web with copies. */
function goodObjects(): ManifestObject[] {
  const app: App = Testing.app();
  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const web = new Chart(app, 'web', { namespace: 'web' });
  const cluster = new KraftCluster(kafka, 'events', secure);
  new KafkaBridge(kafka, 'http', { cluster, listener: 'tls', topics: ['orders'] });
  new KafkaBridge(web, 'shop', {
    cluster,
    listener: 'scram',
    copiedSecrets: { user: 'shop-user', clusterCa: 'events-ca' },
  });
  new KafkaUser(kafka, 'other', { cluster, authentication: { type: 'scram-sha-512' } });
  return app.charts.flatMap((c) => c.toJson());
}

const name = (o: ManifestObject) => `${o.kind}/${o.metadata?.namespace}/${o.metadata?.name}`;
/** The good objects with one object replaced by `edit` of it. */
function withEdit(target: string, edit: (o: any) => any): ManifestObject[] {
  return goodObjects().map((o) => (name(o) === target ? edit(structuredClone(o)) : o));
}
const bridge = (ns: string, n: string) => `KafkaBridge/${ns}/${n}`;
const lines = (objects: ManifestObject[]) =>
  clientChains(objects).findings.map((f) => `${f.where}: ${f.subject}: ${f.message}. Fix: ${f.fix} [${f.check.id}]`);

describe('the offline doctor follows every client to its listener and user', () => {
  test('the good app: every chain OK, printed hop by hop', () => {
    const report = diagnose(goodObjects(), []);
    expect(report.findings).toEqual([]);
    expect(
      formatDoctorReport(report)
        .split('\n')
        .filter((l) => l.startsWith('  KafkaBridge')),
    ).toEqual([
      '  KafkaBridge kafka/http: bootstrap events-kafka-bootstrap.kafka.svc:9093 -> Kafka kafka/events listener tls ' +
        ':9093 -> TLS trusts events-cluster-ca-cert -> authentication tls -> user Secret http  OK',
      '  KafkaBridge web/shop: bootstrap events-kafka-bootstrap.kafka.svc:9094 -> Kafka kafka/events listener scram ' +
        ':9094 -> TLS trusts events-ca -> authentication scram-sha-512 -> user Secret shop-user (copy of kafka/shop)  OK',
    ]);
  });

  const CASES: [string, keyof typeof CLIENT_DOCTOR_CHECKS, ManifestObject[] | (() => ManifestObject[]), string][] = [
    [
      'a Service no Kafka has',
      'clientBootstrap',
      () =>
        withEdit(bridge('kafka', 'http'), (o) => ({
          ...o,
          spec: { ...o.spec, bootstrapServers: 'evnts-kafka-bootstrap:9093' },
        })),
      'KafkaBridge kafka/http: bootstrap: evnts-kafka-bootstrap:9093: no Kafka in the output has a bootstrap Service ' +
        'evnts-kafka-bootstrap in namespace kafka. Fix: name the bootstrap Service of a listener: ' +
        'events-kafka-bootstrap.kafka.svc:9092, events-kafka-bootstrap.kafka.svc:9093, ' +
        'events-kafka-bootstrap.kafka.svc:9094 [doctor-client-bootstrap]',
    ],
    [
      'a port no listener has',
      'clientBootstrap',
      () =>
        withEdit(bridge('kafka', 'http'), (o) => ({
          ...o,
          spec: { ...o.spec, bootstrapServers: 'events-kafka-bootstrap.kafka.svc.cluster.local:9095' },
        })),
      'KafkaBridge kafka/http: bootstrap: events-kafka-bootstrap.kafka.svc.cluster.local:9095: Service ' +
        "events-kafka-bootstrap (namespace kafka) has no listener on port 9095. Fix: use the listener's port: " +
        '9092 (plain), 9093 (tls), 9094 (scram) [doctor-client-bootstrap]',
    ],
    [
      'no tls on a TLS listener',
      'clientTls',
      () => withEdit(bridge('kafka', 'http'), (o) => ({ ...o, spec: { ...o.spec, tls: undefined } })),
      "KafkaBridge kafka/http: tls: listener 'tls' of Kafka kafka/events has TLS, and the client has no tls: it " +
        "speaks plain text to a TLS port. Fix: add tls.trustedCertificates: [{ secretName: 'events-cluster-ca-cert', " +
        "pattern: '*.crt' }] [doctor-client-tls]",
    ],
    [
      'tls on the plain listener',
      'clientTls',
      () =>
        withEdit(bridge('kafka', 'http'), (o) => ({
          ...o,
          spec: { ...o.spec, bootstrapServers: 'events-kafka-bootstrap.kafka.svc:9092', authentication: undefined },
        })),
      "KafkaBridge kafka/http: tls: listener 'plain' of Kafka kafka/events has no TLS, and the client has tls: its " +
        'handshake fails. Fix: remove tls, or use a listener with TLS [doctor-client-tls]',
    ],
    [
      'trusting another Secret',
      'clientTls',
      () =>
        withEdit(bridge('kafka', 'http'), (o) => ({
          ...o,
          spec: { ...o.spec, tls: { trustedCertificates: [{ secretName: 'my-ca', pattern: '*.crt' }] } },
        })),
      "KafkaBridge kafka/http: tls: trusts my-ca; the listener's certificate is signed by the cluster CA in " +
        "events-cluster-ca-cert (namespace kafka). Fix: trust secretName 'events-cluster-ca-cert' [doctor-client-tls]",
    ],
    [
      'SCRAM on the mTLS listener',
      'clientAuthentication',
      () =>
        withEdit(bridge('kafka', 'http'), (o) => ({
          ...o,
          spec: {
            ...o.spec,
            authentication: {
              type: 'scram-sha-512',
              username: 'http',
              passwordSecret: { secretName: 'http', password: 'password' },
            },
          },
        })),
      "KafkaBridge kafka/http: authentication: listener 'tls' of Kafka kafka/events wants tls, and the client " +
        "authenticates with scram-sha-512. Fix: authenticate with type tls as a tls KafkaUser of 'events' " +
        '[doctor-client-authentication]',
    ],
    [
      'the Secret of no KafkaUser',
      'clientUser',
      () =>
        withEdit(bridge('kafka', 'http'), (o) => ({
          ...o,
          spec: {
            ...o.spec,
            authentication: {
              ...o.spec.authentication,
              certificateAndKey: { ...o.spec.authentication.certificateAndKey, secretName: 'htp' },
            },
          },
        })),
      'KafkaBridge kafka/http: user: no KafkaUser in the output writes Secret htp (namespace kafka). Fix: name the ' +
        "Secret of a tls KafkaUser of 'events' (the User Operator names it after the user) [doctor-client-user]",
    ],
    [
      "a SCRAM user's Secret on the mTLS listener",
      'clientUser',
      () =>
        withEdit(bridge('kafka', 'http'), (o) => ({
          ...o,
          spec: {
            ...o.spec,
            authentication: {
              ...o.spec.authentication,
              certificateAndKey: { ...o.spec.authentication.certificateAndKey, secretName: 'other' },
            },
          },
        })),
      'KafkaBridge kafka/http: user: KafkaUser kafka/other is scram-sha-512. Fix: use a tls KafkaUser [doctor-client-user]',
    ],
    [
      "the user's Secret from another namespace, without a declared copy",
      'clientUser',
      () =>
        withEdit(bridge('web', 'shop'), (o) => ({
          ...o,
          metadata: {
            ...o.metadata,
            annotations: { 'cdk8s-strimzi-kraft/copied-secrets': '{"events-ca":"kafka/events-cluster-ca-cert"}' },
          },
          spec: {
            ...o.spec,
            authentication: { ...o.spec.authentication, passwordSecret: { secretName: 'shop', password: 'password' } },
          },
        })),
      'KafkaBridge web/shop: user: Secret shop is written for KafkaUser kafka/shop, in another namespace than the ' +
        'client (web): a pod mounts Secrets of its own namespace only. Fix: keep a copy in namespace web and declare ' +
        'it in the annotation cdk8s-strimzi-kraft/copied-secrets [doctor-client-user]',
    ],
    [
      'a SCRAM username that is not the user',
      'clientUser',
      () =>
        withEdit(bridge('web', 'shop'), (o) => ({
          ...o,
          spec: { ...o.spec, authentication: { ...o.spec.authentication, username: 'shopp' } },
        })),
      "KafkaBridge web/shop: user: username 'shopp' is not KafkaUser kafka/shop, whose password it reads. Fix: set " +
        "username: 'shop' [doctor-client-user]",
    ],
  ];

  test.each(CASES)('%s: one finding of %s', (_, check, objects, expected) => {
    // GIVEN the good manifests with one edit WHEN the doctor runs THEN exactly one finding, of that check
    const found = clientChains(typeof objects === 'function' ? objects() : objects).findings;
    expect(found.map((f) => f.check)).toEqual([CLIENT_DOCTOR_CHECKS[check]]);
    expect(lines(typeof objects === 'function' ? objects() : objects)).toEqual([expected]);
  });

  test('every client check has a bad input above', () => {
    expect([...new Set(CASES.map((c) => c[1]))].sort()).toEqual(Object.keys(CLIENT_DOCTOR_CHECKS).sort());
  });
});

describe('MirrorMaker 2 in both shapes, and an address outside Kubernetes', () => {
  const kafka = goodObjects().filter((o) => o.kind === 'Kafka' || o.kind === 'KafkaUser');
  const scram = {
    bootstrapServers: 'events-kafka-bootstrap.kafka.svc:9094',
    tls: { trustedCertificates: [{ secretName: 'events-cluster-ca-cert', pattern: '*.crt' }] },
    authentication: {
      type: 'scram-sha-512',
      username: 'other',
      passwordSecret: { secretName: 'other', password: 'password' },
    },
  };
  const mm2 = (apiVersion: string, spec: object): ManifestObject => ({
    apiVersion: `kafka.strimzi.io/${apiVersion}`,
    kind: 'KafkaMirrorMaker2',
    metadata: { name: 'mirror', namespace: 'kafka' },
    spec,
  });

  test('v1: the target and each source; v1beta2: each cluster', () => {
    const objects = [
      ...kafka,
      mm2('v1', {
        target: { alias: 'events', ...scram },
        mirrors: [{ source: { alias: 'remote', bootstrapServers: 'kafka.remote.example.com:9094' } }],
      }),
      {
        ...mm2('v1beta2', { clusters: [{ alias: 'events', ...scram, tls: undefined }] }),
        metadata: { name: 'old', namespace: 'kafka' },
      },
    ];
    const report = diagnose(objects, []);
    expect(
      report.clientChains!.map(
        (c) => `${c.client}: ${c.links.map((l) => `${l.ok ? '' : '!! '}${l.hop}`).join(' -> ')}`,
      ),
    ).toEqual([
      "KafkaMirrorMaker2 kafka/mirror, target 'events': bootstrap -> TLS -> authentication -> user Secret",
      "KafkaMirrorMaker2 kafka/mirror, source 'remote': bootstrap",
      "KafkaMirrorMaker2 kafka/old, cluster 'events': bootstrap -> !! TLS -> authentication -> user Secret",
    ]);
    expect(report.clientChains![1].links[0].value).toBe(
      'kafka.remote.example.com:9094 (outside Kubernetes: not checked)',
    );
    expect(report.findings.map((f) => `${f.where}: ${f.check.id}`)).toEqual([
      "KafkaMirrorMaker2 kafka/old, cluster 'events': doctor-client-tls",
    ]);
  });
});
