import { ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing, Yaml } from 'cdk8s';
import * as YAML from 'yaml';
import { SecureChart } from '../apps/secure';
import { DoctorUser } from '../lib';
import { renderClientFile } from '../lib/users/client-config';
import { clusterFacts, main } from '../lib/doctor';
import { StandInBroker, StandInSecurity } from './support/kafka-stand-in';
import { findNginx, startNginx, stopNginx } from './support/nginx';
import { KeyPair, TestCa, strimziBrokerNames } from './support/test-ca';

// The `secure` app's committed output (dist/secure: TLS + SCRAM-SHA-512 nodeport listener, `simple`
// authorization) behind its own generated nginx, changed only where this machine differs: nginx's pid
// and log files, listen on 127.0.0.1, workers 127.0.0.2-4 instead of 10.20.0.11-13. Their NodePorts
// are served by stand-in brokers with TLS certificates from a CA made at test time, SCRAM users and
// an authorizer derived from the manifests' KafkaUsers. The doctor resolves the advertised host
// kafka.payments.example.com to 127.0.0.1 (--resolve), as DNS would point it at the load balancer.
const nginx = findNginx();
const withNginx = nginx ? describe : describe.skip;
const DIST = path.join(__dirname, '..', 'dist', 'secure');
const HOST = 'kafka.payments.example.com';
const WORKERS: Record<string, string> = {
  '10.20.0.11': '127.0.0.2',
  '10.20.0.12': '127.0.0.3',
  '10.20.0.13': '127.0.0.4',
};
const TIMEOUT = 1000;
const PASSWORD = 'producer-password-from-the-secret';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kraft-doctor-secure-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The principals a `simple` authorizer lets DescribeConfigs on the cluster: super users and cluster ACLs. */
function describeConfigsAllowed(objects: any[]): string[] {
  const kafka = objects.find((o) => o.kind === 'Kafka');
  const users = objects.filter((o) => o.kind === 'KafkaUser');
  const viaAcl = users.filter((u) =>
    (u.spec.authorization?.acls ?? []).some(
      (a: any) =>
        a.resource.type === 'cluster' && a.operations.some((op: string) => op === 'DescribeConfigs' || op === 'All'),
    ),
  );
  return [
    ...(kafka.spec.kafka.authorization?.superUsers ?? []),
    ...viaAcl.map((u) => (u.spec.authentication.type === 'scram-sha-512' ? u.metadata.name : `CN=${u.metadata.name}`)),
  ].sort();
}

withNginx('online doctor on the secure app: TLS, SCRAM-SHA-512 and simple authorization', () => {
  jest.setTimeout(20_000);
  const ca = new TestCa(path.join(tmp, 'ca'));
  const otherCa = new TestCa(path.join(tmp, 'other-ca'), '/O=elsewhere/CN=another CA');
  const yaml = fs.readFileSync(path.join(DIST, 'secure.k8s.yaml'), 'utf-8');
  const distObjects = YAML.parseAllDocuments(yaml).map((d) => d.toJSON());
  const listener = clusterFacts(distObjects)[0].nodePortListeners[0];
  const metadata = {
    clusterId: 'payments-stand-in',
    controllerId: 3,
    brokers: listener.brokers.map((b) => ({ nodeId: b.nodeId, host: b.advertisedHost!, port: b.advertisedPort! })),
  };
  const issued = new Map<string, KeyPair>();
  const issue = (names: string[]) => {
    const key = names.join(',');
    if (!issued.has(key)) issued.set(key, ca.issue('payments-kafka', names));
    return issued.get(key)!;
  };
  const file = (name: string, text: string) => {
    fs.writeFileSync(path.join(tmp, name), text);
    return path.join(tmp, name);
  };
  const passwordFile = file('password', `${PASSWORD}\n`);
  const wrongPasswordFile = file('wrong-password', 'not-the-password\n');
  let brokers: StandInBroker[] = [];
  let proc: ChildProcess | undefined;

  /** The dist folder as this machine runs it; the nginx files changed only in paths and addresses. */
  function appFolder(
    name: string,
    objects: any[],
    extraFiles: Record<string, string> = {},
    nginxEdit: (conf: string) => string = (c) => c,
  ): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'secure.k8s.yaml'), Yaml.stringify(...objects));
    for (const f of fs.readdirSync(DIST).filter((x) => /\.(conf|client\.json)$/.test(x))) {
      let text = fs
        .readFileSync(path.join(DIST, f), 'utf-8')
        .replace(/^pid .*;$/m, `pid ${path.join(dir, 'nginx.pid')};`)
        .replace(/^error_log .*;$/m, `error_log ${path.join(dir, 'nginx.log')} notice;`)
        .replace(/listen (\d+);/g, 'listen 127.0.0.1:$1;');
      for (const [from, to] of Object.entries(WORKERS)) text = text.split(`${from}:`).join(`${to}:`);
      fs.writeFileSync(path.join(dir, f), f.endsWith('.conf') ? nginxEdit(text) : text);
    }
    for (const [f, text] of Object.entries(extraFiles)) fs.writeFileSync(path.join(dir, f), text);
    return dir;
  }

  /**
   * Starts the stand-in brokers (each on its NodePort on every worker, broker 0 also on the bootstrap
   * NodePort) and nginx on the folder's configuration.
   */
  async function start(
    dir: string,
    objects: any[],
    options: { names?: (nodeId: number) => string[]; security?: Partial<StandInSecurity>; nginx?: boolean } = {},
  ): Promise<void> {
    const kafka = objects.find((o) => o.kind === 'Kafka');
    const external = kafka.spec.kafka.listeners.find((l: any) => l.name === 'external');
    const passwords: Record<string, string> = { 'payments-producer': PASSWORD, 'strimzi-kraft-doctor': PASSWORD };
    brokers = listener.brokers.map((b) => {
      const names =
        options.names?.(b.nodeId) ??
        strimziBrokerNames('payments', 'payments', b.pool, b.nodeId, [
          ...external.configuration.bootstrap.alternativeNames,
          b.advertisedHost!,
        ]);
      return new StandInBroker(b.nodeId, metadata, {
        tls: issue(names),
        scramUsers: external.authentication?.type === 'scram-sha-512' ? passwords : undefined,
        describeConfigsAllowed: describeConfigsAllowed(objects),
        ...options.security,
      });
    });
    if (options.nginx === false) return;
    for (const w of Object.values(WORKERS)) {
      await brokers[0].listen(w, listener.bootstrapNodePort!);
      for (const [i, b] of listener.brokers.entries()) await brokers[i].listen(w, b.nodePort!);
    }
    proc = await startNginx(nginx!, path.join(dir, 'payments-external-lb.nginx.conf'), '127.0.0.1', 9094, 'connect');
  }

  afterEach(async () => {
    await stopNginx(proc);
    proc = undefined;
    for (const b of brokers) await b.stop();
    brokers = [];
  });

  async function doctor(args: string[], timeout = TIMEOUT): Promise<{ code: number; out: string; ms: number }> {
    let out = '';
    const started = Date.now();
    const code = await main(
      ['doctor', ...args, '--resolve', `${HOST}:127.0.0.1`, '--timeout', String(timeout)],
      (s) => {
        out += s;
      },
    );
    return { code, out, ms: Date.now() - started };
  }

  const producer = (dir: string, password = passwordFile) => [
    '--client',
    path.join(dir, 'payments-payments-producer.client.json'),
    '--ca',
    ca.certFile,
    '--password-file',
    password,
    dir,
  ];

  test("healthy: the producer's client file, CA and password identify all three brokers by their certificates", async () => {
    // GIVEN the secure app as synthesized, whose authorizer lets only CN=payments-admin DescribeConfigs
    expect(describeConfigsAllowed(distObjects)).toEqual(['CN=payments-admin']);
    const dir = appFolder('healthy', distObjects);
    await start(dir, distObjects);

    // WHEN the doctor runs with the producer's client file, the CA and the password only
    const r = await doctor(producer(dir));
    // eslint-disable-next-line no-console
    console.log(`online doctor, secure app (${r.ms} ms):\n${r.out}`);

    // THEN every broker is identified as the one advertised
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      new RegExp(
        `^bootstrap ${HOST}:9094: OK in [\\d.]+ ms; 3 broker\\(s\\) advertised, controller 3; ` +
          'answered by node 0 \\(certificate\\)\n',
      ),
    );
    for (const id of [0, 1, 2]) {
      expect(r.out).toMatch(
        new RegExp(
          `node ${id} {2}${HOST.replace(/\./g, '\\.')}:930${id} {2}reachable {2}[\\d.]+ ms {2}node ${id} answers \\(certificate\\) {2}OK\\n`,
        ),
      );
    }
    expect(r.out).toContain('3 broker(s): 3 OK, 0 unreachable, 0 wrong broker, 0 answering (identity unknown)');
  });

  test('authorization: certificates of your own (no pod names) and a user without DescribeConfigs: answers, identity unknown', async () => {
    // GIVEN listener certificates naming only the external host (as a custom listener certificate does)
    const dir = appFolder('authorization', distObjects);
    await start(dir, distObjects, { names: () => [HOST] });

    const r = await doctor(producer(dir));

    // THEN each broker answers, is not called broken, and the line says what to grant
    expect(r.code).toBe(0);
    for (const id of [0, 1, 2]) {
      expect(r.out).toMatch(
        new RegExp(`node ${id} {2}\\S+:930${id} {2}reachable {2}[\\d.]+ ms {2}no answer {2}ANSWERS\\n`),
      );
    }
    expect(r.out).toContain(
      '      answers; identity unknown: grant DescribeConfigs on the cluster to payments-producer (or use a DoctorUser), ' +
        'or use a TLS listener\n',
    );
    expect(r.out.split('\n')[0]).toContain(
      '; answers; identity unknown: grant DescribeConfigs on the cluster to payments-producer',
    );
    expect(r.out).toContain('3 broker(s): 0 OK, 0 unreachable, 0 wrong broker, 3 answering (identity unknown)');
  });

  test('a DoctorUser is allowed exactly what identifies brokers without certificate names', async () => {
    // GIVEN the secure app with a DoctorUser
    const app = Testing.app();
    const chart = new SecureChart(app, 'secure');
    const user = new DoctorUser(chart, 'doctor', { cluster: chart.cluster });
    const objects = Testing.synth(chart);
    expect(objects.find((o) => o.kind === 'KafkaUser' && o.metadata.name === 'strimzi-kraft-doctor').spec).toEqual({
      authentication: { type: 'scram-sha-512' },
      authorization: {
        type: 'simple',
        acls: [{ resource: { type: 'cluster' }, operations: ['DescribeConfigs'], host: '*' }],
      },
    });
    expect(describeConfigsAllowed(objects)).toEqual(['CN=payments-admin', 'strimzi-kraft-doctor']);
    const dir = appFolder('doctor-user', objects, { 'doctor.client.json': renderClientFile(user) });
    await start(dir, objects, { names: () => [HOST] });

    // WHEN the doctor signs in with its own user's client file
    const r = await doctor([
      '--client',
      path.join(dir, 'doctor.client.json'),
      '--ca',
      ca.certFile,
      '--password-file',
      passwordFile,
      dir,
    ]);

    // THEN DescribeConfigs identifies every broker
    expect(r.code).toBe(0);
    for (const id of [0, 1, 2]) expect(r.out).toMatch(new RegExp(`node ${id} answers {2}OK\\n`));
    expect(r.out).toContain('answered by node 0 (describe-configs)');
  });

  test("wrong broker: swapped load-balancer ports, told by the brokers' certificates", async () => {
    // GIVEN an nginx configuration whose listen ports of brokers 0 and 1 are swapped
    const swap = (c: string) =>
      c
        .replace('listen 127.0.0.1:9300;', 'listen 127.0.0.1:PORT0;')
        .replace('listen 127.0.0.1:9301;', 'listen 127.0.0.1:9300;')
        .replace('listen 127.0.0.1:PORT0;', 'listen 127.0.0.1:9301;');
    const dir = appFolder('swapped', distObjects, {}, swap);
    await start(dir, distObjects);

    const r = await doctor(producer(dir));

    // THEN both are named, with the broken forward, though the user may not DescribeConfigs
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /node 0 {2}\S+:9300 {2}reachable {2}[\d.]+ ms {2}node 1 answers \(certificate\) {2}WRONG BROKER\n/,
    );
    expect(r.out).toMatch(
      /node 1 {2}\S+:9301 {2}reachable {2}[\d.]+ ms {2}node 0 answers \(certificate\) {2}WRONG BROKER\n/,
    );
    expect(r.out).toContain(`wrong broker: node 1 answers on ${HOST}:9300, which is advertised for node 0`);
    expect(r.out).toContain("forwards to node 1 (NodePort 31902); it must forward to node 0's NodePort 31901");
  });

  test('another cluster: the address reaches brokers whose certificates are of Kafka staging/staging', async () => {
    // GIVEN DNS (here --resolve) pointing at a load balancer of another cluster
    const dir = appFolder('other-cluster', distObjects);
    await start(dir, distObjects, { names: (id) => strimziBrokerNames('staging', 'staging', 'kafka', id, [HOST]) });

    const r = await doctor(producer(dir));

    // THEN every hop says so, and the doctor fails though each broker answers as the one advertised
    expect(r.code).toBe(1);
    expect(r.out).toContain('3 broker(s): 3 OK');
    expect(r.out.split('\n').filter((l) => l.startsWith('OTHER CLUSTER'))).toEqual([
      `OTHER CLUSTER: bootstrap ${HOST}:9094 presents the certificate of pod staging-kafka-0 of Kafka staging/staging, ` +
        `not of Kafka payments/payments; fix: point the address (DNS, --resolve) and the load balancer at ` +
        "payments/payments's workers",
      ...[0, 1, 2].map(
        (id) =>
          `OTHER CLUSTER: node ${id} ${HOST}:930${id} presents the certificate of pod staging-kafka-${id} of Kafka ` +
          'staging/staging, not of Kafka payments/payments; fix: point the address (DNS, --resolve) and the load ' +
          "balancer at payments/payments's workers",
      ),
    ]);
  });

  test('refused: no load balancer runs; the line names its bootstrap server', async () => {
    // GIVEN the app folder and nothing running; THEN the line names the load balancer's bootstrap server
    const dir = appFolder('refused', distObjects);
    const r = await doctor(producer(dir));
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `bootstrap ${HOST}:9094: REFUSED: nothing listens on ${HOST}:9094; fix: start the load balancer with its ` +
        `bootstrap server :9094 (${dir}/payments-external-lb.nginx.conf:22)\n`,
    );
  });

  test('closed: the load balancer runs, no broker behind it', async () => {
    // GIVEN nginx running with no broker on the workers' NodePorts
    const dir = appFolder('closed', distObjects);
    await start(dir, distObjects, { nginx: false });
    proc = await startNginx(nginx!, path.join(dir, 'payments-external-lb.nginx.conf'), '127.0.0.1', 9094, 'connect');
    const r = await doctor(producer(dir));
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `bootstrap ${HOST}:9094: CLOSED: accepted and closed before any answer; fix: the load balancer ` +
        `(:9094 (${dir}/payments-external-lb.nginx.conf:22)) reaches no broker: check its upstream, the bootstrap ` +
        'NodePort and that the brokers run\n',
    );
  });

  test('timeout: brokers that accept and never answer; bounded by --timeout', async () => {
    // GIVEN brokers that accept the TCP connection and never send a byte (no TLS handshake); WHEN --timeout 300
    const dir = appFolder('timeout', distObjects);
    await start(dir, distObjects, { security: { silent: true } });
    const r = await doctor(producer(dir), 300);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `bootstrap ${HOST}:9094: TIMEOUT: no answer within 300 ms; fix: a firewall drops the packets, or the address ` +
        `is not the load balancer's (bootstrap server :9094 (${dir}/payments-external-lb.nginx.conf:22))\n`,
    );
    expect(r.ms).toBeLessThan(3 * 300 + 500);
  });

  test('TLS trust: the CA given is not the cluster CA', async () => {
    // GIVEN --ca of another CA than the one that signed the broker certificates
    const dir = appFolder('trust', distObjects);
    await start(dir, distObjects);
    const args = producer(dir);
    args[3] = otherCa.certFile;
    const r = await doctor(args);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `bootstrap ${HOST}:9094: TLS TRUST: certificate not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE); fix: the --ca ` +
        "given did not sign this certificate: use the cluster CA's ca.crt (kubectl get secret payments-cluster-ca-cert " +
        "-n payments -o jsonpath='{.data.ca\\.crt}' | base64 -d > ca.crt)\n",
    );
  });

  test('TLS host name: a bootstrap name the certificates do not hold; only the names that matter are printed', async () => {
    // GIVEN a bootstrap name (a second DNS name of the load balancer) that is not in bootstrap.alternativeNames
    const dir = appFolder('host', distObjects);
    await start(dir, distObjects);
    const r = await doctor([
      ...producer(dir),
      '--bootstrap',
      'kafka-lb.payments.example.com:9094',
      '--resolve',
      'kafka-lb.payments.example.com:127.0.0.1',
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      'bootstrap kafka-lb.payments.example.com:9094: TLS HOST NAME: the certificate does not name ' +
        "kafka-lb.payments.example.com; fix: add kafka-lb.payments.example.com to listener 'external''s " +
        'configuration.bootstrap.alternativeNames (it has kafka.payments.example.com); Strimzi puts them in every ' +
        "broker's certificate\n",
    );
  });

  test("TLS host name at a broker: broker 1's certificate lacks its advertised host", async () => {
    // GIVEN broker 1's certificate without the advertised host (the others have it)
    const dir = appFolder('broker-host', distObjects);
    await start(dir, distObjects, {
      names: (id) => strimziBrokerNames('payments', 'payments', 'broker', id, id === 1 ? [] : [HOST]),
    });
    const r = await doctor(producer(dir));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /node 1 {2}\S+:9301 {2}unreachable {2}- {2}node 1 answers \(certificate\) {2}UNREACHABLE \(TLS HOST NAME\)\n/,
    );
    expect(r.out).toContain(
      `      TLS HOST NAME: the certificate does not name ${HOST}; fix: ${HOST} must be in node 1's certificate: set ` +
        `listener 'external''s configuration.brokers[broker=1].advertisedHost to ${HOST} (Strimzi adds it to that ` +
        "broker's certificate)\n",
    );
    expect(r.out).toContain('3 broker(s): 2 OK, 1 unreachable');
  });

  test.each([
    [
      'no authentication on the listener: Kafka answers the handshake with ILLEGAL_SASL_STATE',
      undefined,
      {},
      "listener 'external' has no authentication: drop --sasl-scram",
    ],
    [
      'OAuth on the listener: Kafka offers OAUTHBEARER only (UNSUPPORTED_SASL_MECHANISM)',
      { type: 'oauth' },
      { scramUsers: {}, mechanisms: ['OAUTHBEARER'] },
      "listener 'external' authenticates with oauth, not SCRAM-SHA-512",
    ],
  ])('SASL mechanism, %s', async (_, authentication, security, fix) => {
    // GIVEN the external listener with another authentication than SCRAM, and the producer's SCRAM client file
    const objects = YAML.parseAllDocuments(yaml).map((d) => d.toJSON());
    objects
      .find((o) => o.kind === 'Kafka')
      .spec.kafka.listeners.find((l: any) => l.name === 'external').authentication = authentication;
    const dir = appFolder(`mechanism-${authentication?.type ?? 'none'}`, objects);
    await start(dir, objects, { security });
    const r = await doctor(producer(dir));
    expect(r.code).toBe(1);
    expect(r.out).toBe(`bootstrap ${HOST}:9094: SASL MECHANISM: SCRAM-SHA-512 refused by the listener; fix: ${fix}\n`);
  });

  test('mutual TLS: the super user CN=payments-admin with its client certificate may DescribeConfigs', async () => {
    // GIVEN the external listener with client-certificate authentication and certificates of your own
    const objects = YAML.parseAllDocuments(yaml).map((d) => d.toJSON());
    objects
      .find((o) => o.kind === 'Kafka')
      .spec.kafka.listeners.find((l: any) => l.name === 'external').authentication = { type: 'tls' };
    const dir = appFolder('mutual-tls', objects);
    const admin = ca.issue('payments-admin', []);
    await start(dir, objects, { names: () => [HOST], security: { tls: { ...issue([HOST]), clientCa: ca.cert } } });

    // WHEN the doctor presents the admin's certificate
    const r = await doctor([
      '--bootstrap',
      `${HOST}:9094`,
      '--ca',
      ca.certFile,
      '--cert',
      file('admin.crt', admin.cert),
      '--key',
      file('admin.key', admin.key),
      dir,
    ]);

    // THEN the authorizer lets the super user ask, and every broker is identified
    expect(r.code).toBe(0);
    for (const id of [0, 1, 2]) expect(r.out).toMatch(new RegExp(`node ${id} answers {2}OK\\n`));
    expect(r.out).toContain('answered by node 0 (describe-configs)');

    // and without a client certificate the handshake fails, with one line
    const without = await doctor(['--bootstrap', `${HOST}:9094`, '--ca', ca.certFile, dir]);
    expect(without.code).toBe(1);
    expect(without.out).toBe(
      `bootstrap ${HOST}:9094: TLS CLIENT CERTIFICATE: the listener wants a client certificate ` +
        '(ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED); fix: give --cert FILE --key FILE of a TLS user (user.crt and ' +
        'user.key of its Secret)\n',
    );
  });

  test('SASL credentials: a wrong password', async () => {
    // GIVEN the producer's client file with a password that is not its Secret's
    const dir = appFolder('credentials', distObjects);
    await start(dir, distObjects);
    const r = await doctor(producer(dir, wrongPasswordFile));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      new RegExp(
        `^bootstrap ${HOST}:9094: SASL CREDENTIALS: user payments-producer refused \\(.*invalid credentials.*\\); fix: `,
      ),
    );
    expect(r.out).toContain(
      'fix: use the password of payments-producer from Secret payments-producer key password (kubectl get secret ' +
        "payments-producer -n payments -o jsonpath='{.data.password}' | base64 -d), and check that KafkaUser " +
        'payments-producer is Ready (kubectl get kafkauser payments-producer -n payments)\n',
    );
  });

  test('SASL required: TLS and the CA, no user', async () => {
    // GIVEN TLS and the CA but no SASL user, on the SCRAM listener
    const dir = appFolder('sasl-required', distObjects);
    await start(dir, distObjects);
    const r = await doctor(['--bootstrap', `${HOST}:9094`, '--ca', ca.certFile, dir]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `bootstrap ${HOST}:9094: SASL REQUIRED: closed after ApiVersions: the listener wants SASL authentication; ` +
        'fix: give --sasl-scram USER --password-file FILE\n',
    );
  });
});
