import * as fs from 'fs';
import * as path from 'path';
import { Testing, Yaml } from 'cdk8s';
import { APPS } from '../apps/registry';
import { KafkaUser, LoadBalancer, StrimziCrds } from '../lib';
import { clientFileName, renderClientFile } from '../lib/users/client-config';
import { readManifests } from '../lib/tools';

const names = Object.keys(APPS).sort();

/**
 * What `npm run synth` writes for an app: the objects of each chart (`<chart>.k8s.yaml`), the nginx
 * files of its load balancers, the CRD references (`00-crds/kustomization.yaml`) and the users' client files.
 */
function synthApp(name: string): { objects: any[]; charts: Record<string, any[]>; files: Record<string, string> } {
  const app = Testing.app();
  APPS[name](app);
  const lbs = app.node.findAll().filter((c): c is LoadBalancer => c instanceof LoadBalancer);
  const crds = app.node.findAll().filter((c): c is StrimziCrds => c instanceof StrimziCrds);
  const users = app.node.findAll().filter((c): c is KafkaUser => c instanceof KafkaUser);
  const clientFiles = Object.fromEntries(users.map((u) => [clientFileName(u), renderClientFile(u)]));
  const charts = Object.fromEntries(app.charts.map((c) => [`${c.node.id}.k8s.yaml`, Testing.synth(c)]));
  const files = Object.assign({}, ...lbs.map((lb) => lb.files), ...crds.map((c) => c.files), clientFiles);
  return { objects: Object.values(charts).flat(), charts, files };
}

describe('example apps', () => {
  test.each(names)('%s: snapshot of the synthesized YAML and nginx files', (name) => {
    const { objects, files } = synthApp(name);
    expect(Yaml.stringify(...objects)).toMatchSnapshot();
    for (const file of Object.keys(files).sort()) expect(files[file]).toMatchSnapshot(file);
  });

  test.each(names)('%s: committed dist/ is what synth writes', (name) => {
    // GIVEN the committed output of `npm run synth`
    const dir = path.resolve(__dirname, '..', 'dist', name);
    const { charts, files } = synthApp(name);
    const committed = fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();

    // THEN it equals a fresh synth (run `npm run synth` and commit dist/ when this fails)
    // ARCHITECTURE.md: test/diagram.test.ts
    expect(committed).toEqual([...Object.keys(charts), 'ARCHITECTURE.md', ...Object.keys(files)].sort());
    for (const [file, objects] of Object.entries(charts))
      expect(readManifests([path.join(dir, file)])).toEqual(objects);
    for (const [file, text] of Object.entries(files)) expect(fs.readFileSync(path.join(dir, file), 'utf-8')).toBe(text);
  });

  test('dist/ holds exactly the registered apps', () => {
    expect(fs.readdirSync(path.resolve(__dirname, '..', 'dist')).sort()).toEqual(names);
  });

  test('secure: TLS + SCRAM outside by default, producer and consumer ACLs, bootstrap host in the certificates', () => {
    const { objects, files } = synthApp('secure');
    const kafka = objects.find((o) => o.kind === 'Kafka');
    const external = kafka.spec.kafka.listeners.find((l: any) => l.name === 'external');
    expect([external.type, external.tls, external.authentication.type]).toEqual(['nodeport', true, 'scram-sha-512']);
    expect(external.configuration.bootstrap.alternativeNames).toEqual(['kafka.payments.example.com']);
    expect(kafka.spec.kafka.authorization).toEqual({ type: 'simple', superUsers: ['CN=payments-admin'] });
    const acls = (name: string) =>
      objects
        .find((o) => o.kind === 'KafkaUser' && o.metadata.name === name)
        .spec.authorization.acls.map((a: any) => `${a.resource.type}:${a.resource.name}:${a.operations.join('+')}`);
    expect(acls('payments-producer')).toEqual([
      'topic:payments:Describe+Write',
      'transactionalId:payments-:Describe+Write',
    ]);
    expect(acls('payments-consumer')).toEqual(['topic:payments:Describe+Read', 'group:payments-:Read']);
    const conf = files['payments-external-lb.stream.conf'];
    expect([...conf.matchAll(/listen (\d+);/g)].map((m) => Number(m[1]))).toEqual([9094, 9300, 9301, 9302]);
    expect(conf).toContain(
      '# broker 0 (pool broker): kafka.payments.example.com:9300 -> NodePort 31901 on every worker',
    );
    const client = JSON.parse(files['payments-payments-producer.client.json']);
    expect(client.listeners.map((l: any) => [l.bootstrapServers, l.securityProtocol, l.saslMechanism])).toEqual([
      ['kafka.payments.example.com:9094', 'SASL_SSL', 'SCRAM-SHA-512'],
    ]);
  });

  test('the seed load balancer forwards the bootstrap 9094 and brokers 8091-8093 over every worker', () => {
    const conf = synthApp('seed').files['my-cluster-external-lb.stream.conf'];
    expect([...conf.matchAll(/listen (\d+);/g)].map((m) => Number(m[1]))).toEqual([8091, 8092, 8093, 9094]);
    expect(conf.match(/server 172\.20\.37\.4\d:32100 /g)).toHaveLength(6);
    expect(conf).toContain('# broker 1 (pool broker): kafka.sdsp-dev.com:8092 -> NodePort 32102 on every worker');
  });
});
