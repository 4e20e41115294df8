import * as path from 'path';
import { Testing } from 'cdk8s';
import { DoctorUser, KafkaUser, Storage } from '../lib';
import { main } from '../lib/doctor';
import { certificateIdentity } from '../lib/doctor/tls-identity';
import { classifyFailure } from '../lib/doctor/failure';
import { failureLine } from '../lib/doctor/fixes';
import { ListenerFacts } from '../lib/doctor/app-facts';
import { clusterChart, validationErrors } from './support/synth';

// The pure parts of the online doctor: who a certificate names, which failure an error is, and the
// one line it prints. The end-to-end cases are in test/doctor-secure.test.ts.

describe('who a Strimzi broker certificate names', () => {
  test.each([
    [
      'DNS:my-cluster-kafka-bootstrap, DNS:my-cluster-kafka-brokers.kafka.svc, ' +
        'DNS:my-cluster-pool-a-12.my-cluster-kafka-brokers.kafka.svc, DNS:kafka.example.com',
      { cluster: 'my-cluster', namespace: 'kafka', pool: 'pool-a', nodeId: 12, podName: 'my-cluster-pool-a-12' },
    ],
    [
      'DNS:payments-broker-1.payments-kafka-brokers.payments.svc.cluster.local, IP Address:10.0.0.1',
      { cluster: 'payments', namespace: 'payments', pool: 'broker', nodeId: 1, podName: 'payments-broker-1' },
    ],
  ])('%s', (san, identity) => {
    expect(certificateIdentity(san)).toEqual(identity);
  });

  test.each([
    ['a certificate of your own', 'DNS:kafka.example.com, DNS:*.kafka.example.com'],
    ['only the Services', 'DNS:my-cluster-kafka-brokers.kafka.svc, DNS:my-cluster-kafka-bootstrap.kafka.svc'],
    ["a pod name that does not start with the cluster's", 'DNS:other-broker-1.my-cluster-kafka-brokers.kafka.svc'],
    ['no names', undefined],
  ])('%s: nobody', (_, san) => {
    expect(certificateIdentity(san)).toBeUndefined();
  });
});

describe('which failure an error is', () => {
  const ctx = { socketErrors: [], answered: false, sasl: true, host: 'kafka.example.com' };
  const socket = (code: string, message = code) => Object.assign(new Error(message), { code });

  test.each([
    ['ECONNREFUSED', 'refused'],
    ['ETIMEDOUT', 'timeout'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls-host'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls-trust'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls-trust'],
    ['CERT_HAS_EXPIRED', 'tls-trust'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls'],
    ['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'tls-client-certificate'],
    ['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'tls-client-certificate'],
    ['ECONNRESET', 'closed'],
  ])('socket error %s: %s', (code, failure) => {
    expect(classifyFailure(new Error('kafkajs'), { ...ctx, socketErrors: [socket(code)] }).failure).toBe(failure);
  });

  test('the host name failure names the host, never the certificate names', () => {
    const e = socket(
      'ERR_TLS_CERT_ALTNAME_INVALID',
      "Host: kafka.example.com. is not in the cert's altnames: DNS:a, DNS:b",
    );
    expect(classifyFailure(e, { ...ctx, socketErrors: [e] })).toEqual({
      failure: 'tls-host',
      error: 'certificate does not name kafka.example.com',
      expectedHost: 'kafka.example.com',
    });
  });

  const closed = { name: 'KafkaJSConnectionClosedError', message: 'Closed connection' };
  test.each([
    [
      'UNSUPPORTED_SASL_MECHANISM',
      { name: 'KafkaJSProtocolError', type: 'UNSUPPORTED_SASL_MECHANISM' },
      ctx,
      'sasl-mechanism',
    ],
    [
      'ILLEGAL_SASL_STATE (no SASL)',
      { name: 'KafkaJSProtocolError', type: 'ILLEGAL_SASL_STATE' },
      ctx,
      'sasl-mechanism',
    ],
    [
      'SCRAM refused',
      { name: 'KafkaJSSASLAuthenticationError', message: 'SASL SCRAM SHA512 authentication failed' },
      ctx,
      'sasl-credentials',
    ],
    [
      'CLUSTER_AUTHORIZATION_FAILED',
      { name: 'KafkaJSProtocolError', type: 'CLUSTER_AUTHORIZATION_FAILED' },
      ctx,
      'authorization',
    ],
    ['closed after ApiVersions, no SASL given', closed, { ...ctx, sasl: false, answered: true }, 'sasl-required'],
    ['closed before ApiVersions', closed, { ...ctx, sasl: false }, 'closed'],
    ['closed after ApiVersions with SASL', closed, { ...ctx, answered: true }, 'closed'],
    ["the doctor's own timeout", { name: 'Error', message: 'timeout: Metadata took over 300 ms' }, ctx, 'timeout'],
  ])('%s', (_, error, context, failure) => {
    expect(classifyFailure(Object.assign(new Error(), error), context).failure).toBe(failure);
  });
});

describe('the line of a failure, with the listener the app folder declares', () => {
  const listener = (over: Partial<ListenerFacts> = {}): ListenerFacts => ({
    cluster: 'payments',
    namespace: 'payments',
    listener: 'external',
    type: 'nodeport',
    tls: true,
    authentication: 'scram-sha-512',
    alternativeNames: ['kafka.payments.example.com'],
    caSecret: 'payments-cluster-ca-cert',
    bootstrapLoadBalancer: ':9094 (dist/secure/lb.nginx.conf:22)',
    ...over,
  });
  const hop = { address: 'kafka.payments.example.com:9094', host: 'kafka.payments.example.com' };
  const base = { tls: true, ca: true, timeoutMs: 1000, user: 'payments-producer' };

  test.each([
    [
      'TLS to a listener without TLS',
      { failure: 'tls', error: 'EPROTO: wrong version number' },
      listener({ tls: false }),
      "TLS: TLS handshake failed (EPROTO: wrong version number); fix: listener 'external' has no TLS: drop --tls",
    ],
    [
      'SCRAM to a listener without authentication',
      { failure: 'sasl-mechanism', error: 'ILLEGAL_SASL_STATE', mechanisms: [] },
      listener({ authentication: undefined }),
      "SASL MECHANISM: SCRAM-SHA-512 refused by the listener; fix: listener 'external' has no authentication: " +
        'drop --sasl-scram',
    ],
    [
      'a name the manifests list but the running certificate lacks',
      { failure: 'tls-host', error: 'x', expectedHost: 'kafka.payments.example.com' },
      listener(),
      'TLS HOST NAME: the certificate does not name kafka.payments.example.com; fix: listener ' +
        "'external' lists kafka.payments.example.com in configuration.bootstrap.alternativeNames, but the running " +
        "broker's certificate lacks it: apply the manifests and wait for the operator to renew the broker certificates",
    ],
    [
      'an expired certificate',
      { failure: 'tls-trust', error: 'x', tlsCode: 'CERT_HAS_EXPIRED' },
      listener(),
      "TLS TRUST: certificate not trusted (CERT_HAS_EXPIRED); fix: the certificate is expired: check this machine's " +
        'clock and the cluster CA renewal',
    ],
  ] as const)('%s', (_, failure, l, line) => {
    expect(failureLine(hop, failure, { ...base, listener: l })).toBe(line);
  });

  test('no TLS to a TLS listener', () => {
    const closed = { failure: 'closed', error: 'KafkaJSConnectionClosedError: Closed connection' } as const;
    expect(failureLine(hop, closed, { ...base, tls: false, listener: listener() })).toBe(
      "CLOSED: accepted and closed before any answer; fix: listener 'external' has TLS: add --tls --ca FILE",
    );
  });

  test('without an app folder: the fix in general terms', () => {
    expect(
      failureLine(
        hop,
        { failure: 'tls-trust', error: 'x', tlsCode: 'SELF_SIGNED_CERT_IN_CHAIN' },
        { ...base, ca: false },
      ),
    ).toBe('TLS TRUST: certificate not trusted (SELF_SIGNED_CERT_IN_CHAIN); fix: pass the cluster CA with --ca FILE');
  });
});

describe('DoctorUser', () => {
  const storage = Storage.ephemeral();
  const pools = {
    broker: { roles: ['broker' as const], replicas: 3, storage },
    controller: { roles: ['controller' as const], replicas: 3, storage },
  };

  test('without authorization on the cluster: no ACLs (every authenticated user may ask)', () => {
    const { chart, cluster } = clusterChart({
      nodePools: pools,
      listeners: [{ name: 'scram', port: 9093, tls: true, authentication: { type: 'scram-sha-512' } }],
    });
    const user = new DoctorUser(chart, 'doctor', { cluster });
    expect(user).toBeInstanceOf(KafkaUser);
    expect(validationErrors(chart)).toEqual([]);
    const spec = Testing.synth(chart).find((o) => o.kind === 'KafkaUser').spec;
    expect(spec).toEqual({ authentication: { type: 'scram-sha-512' } });
  });

  test('with simple authorization, a TLS user by another name: DescribeConfigs on the cluster only', () => {
    const { chart, cluster } = clusterChart({
      nodePools: pools,
      listeners: [{ name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } }],
      authorization: { type: 'simple' },
    });
    const user = new DoctorUser(chart, 'doctor', { cluster, userName: 'oncall-doctor', authentication: 'tls' });
    expect(validationErrors(chart)).toEqual([]);
    expect(user.principal).toBe('CN=oncall-doctor');
    const o = Testing.synth(chart).find((x) => x.kind === 'KafkaUser');
    expect([o.metadata.name, o.spec]).toEqual([
      'oncall-doctor',
      {
        authentication: { type: 'tls' },
        authorization: {
          type: 'simple',
          acls: [{ resource: { type: 'cluster' }, operations: ['DescribeConfigs'], host: '*' }],
        },
      },
    ]);
  });
});

describe('doctor command line: what it cannot run with, before any connection', () => {
  const dist = path.join(__dirname, '..', 'dist', 'secure');
  const producer = path.join(dist, 'payments-payments-producer.client.json');

  test.each([
    [
      "a SCRAM user's client file without the password",
      ['--client', producer],
      `strimzi-kraft doctor: ${producer}: user payments-producer signs in with SCRAM: give --password-file FILE ` +
        "(kubectl get secret payments-producer -n payments -o jsonpath='{.data.password}' | base64 -d > FILE)",
    ],
    [
      'a listener the client file does not have',
      ['--client', producer, '--listener', 'tls'],
      `strimzi-kraft doctor: ${producer}: no listener 'tls' in this client file`,
    ],
    [
      '--resolve without an address',
      ['--bootstrap', 'a:1', '--resolve', 'kafka'],
      "strimzi-kraft doctor: --resolve wants HOST:ADDRESS, got 'kafka'",
    ],
    [
      '--cert without --key',
      ['--bootstrap', 'a:1', '--cert', producer],
      'strimzi-kraft doctor: --cert and --key go together',
    ],
  ])('%s: exit 2 and one line', async (_, args, line) => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['doctor', ...args], () => undefined)).toBe(2);
      expect(String(stderr.mock.calls[0][0]).split('\n')[0]).toBe(line);
    } finally {
      stderr.mockRestore();
    }
  });
});
