import { spawnSync } from 'child_process';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { KafkaBridge, KafkaClient, KraftCluster, KraftClusterProps } from '../lib';
import { renderArchitecture, renderClusterDiagram } from '../lib/diagram/architecture';
import { architectureOf } from '../lib/diagram/write';
import { external, pools } from './support/rule-cases';

// ARCHITECTURE.md draws every client of a cluster (found through the ClientLink registry, whatever
// its kind) with its arrow to the listener it uses.

const secure: KraftClusterProps = {
  nodePools: pools,
  listeners: [
    { name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } },
    { name: 'scram', port: 9095, tls: true, authentication: { type: 'scram-sha-512' } },
  ],
  nodePortListeners: [external],
  authorization: { type: 'simple' },
};

function app() {
  const a = Testing.app();
  const kafka = new Chart(a, 'kafka', { namespace: 'kafka' });
  const cluster = new KraftCluster(kafka, 'events', secure);
  new KafkaBridge(kafka, 'http', { cluster, topics: ['orders'] });
  new KafkaClient(kafka, 'billing', { cluster, listener: 'scram', consumes: ['orders'], consumerGroup: 'billing' });
  new KafkaClient(kafka, 'partner', { cluster, listener: 'external', produces: ['orders'] });
  return a;
}

function mermaidParse(texts: string[]): any[] {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'support', 'mermaid-parse.mjs')], {
    input: JSON.stringify(texts),
    encoding: 'utf-8',
    timeout: 30_000,
  });
  if (r.status !== 0) throw new Error(`mermaid-parse failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('clients in ARCHITECTURE.md', () => {
  test('each client of the app, with the listener it uses, from the client wiring', () => {
    // GIVEN a bridge on the default (mTLS) listener, a client on SCRAM, one on the external listener
    const input = architectureOf(app(), 't');
    // THEN the cluster lists the three, sorted by kind and name, with their listener and user
    expect(input.clusters[0].clients).toEqual([
      {
        kind: 'KafkaBridge',
        name: 'http',
        namespace: 'kafka',
        listener: 'tls',
        port: 9093,
        tls: true,
        authentication: 'tls',
        reach: 'internal',
        bootstrapServers: 'events-kafka-bootstrap.kafka.svc:9093',
        user: 'http',
        caSecret: 'events-cluster-ca-cert',
      },
      {
        kind: 'KafkaClient',
        name: 'billing',
        namespace: 'kafka',
        listener: 'scram',
        port: 9095,
        tls: true,
        authentication: 'scram-sha-512',
        reach: 'internal',
        bootstrapServers: 'events-kafka-bootstrap.kafka.svc:9095',
        user: 'billing',
        caSecret: 'events-cluster-ca-cert',
      },
      {
        kind: 'KafkaClient',
        name: 'partner',
        namespace: 'kafka',
        listener: 'external',
        port: 9094,
        tls: true,
        authentication: 'scram-sha-512',
        reach: 'external',
        bootstrapServers: 'kafka.example.com:9094',
        user: 'partner',
        caSecret: 'events-cluster-ca-cert',
      },
    ]);
  });

  test('the diagram draws each client with its arrow to the listener Service, and Mermaid parses it', () => {
    const input = architectureOf(app(), 't');
    const diagram = renderClusterDiagram(input.clusters[0]);
    const [parsed] = mermaidParse([diagram]);
    expect(parsed.error).toBeUndefined();
    const text = (idOf: string) => parsed.vertices.find((v: any) => v.id === idOf)?.text;
    const arrows = parsed.edges
      .filter((e: any) => e.from.startsWith('client_'))
      .map((e: any) => `${text(e.from)} -> ${e.to} (${e.text})`);
    expect(arrows).toEqual([
      'KafkaBridge kafka/http<br/>user http -> listener_tls (tls :9093)',
      'KafkaClient kafka/billing<br/>user billing -> listener_scram (scram :9095)',
      'KafkaClient kafka/partner<br/>user partner -> svc_0_events_kafka_external_bootstrap (external :9094)',
    ]);
    // the internal listeners' Services are drawn in the cluster's namespace, reaching the broker pool
    expect(text('listener_tls')).toBe('Service events-kafka-bootstrap<br/>listener tls :9093, TLS, tls auth');
    expect(parsed.subgraphs.find((s: any) => s.id === 'ns_kafka').nodes).toEqual(
      expect.arrayContaining(['listener_tls', 'listener_scram']),
    );
    expect(parsed.edges.filter((e: any) => e.from === 'listener_tls').map((e: any) => e.to)).toEqual(['pool_broker']);
  });

  test('the clients table, and nothing of it for a cluster without clients', () => {
    const input = architectureOf(app(), 't');
    expect(renderArchitecture(input)).toContain(
      [
        'Clients of this app and the listener each uses:',
        '',
        '| Client | Namespace | Listener | Bootstrap | Security | User | Trusts |',
        '|---|---|---|---|---|---|---|',
        '| KafkaBridge http | kafka | tls :9093 | events-kafka-bootstrap.kafka.svc:9093 | TLS, tls auth | http | ' +
          'events-cluster-ca-cert |',
      ].join('\n'),
    );
    const bare = { ...input, clusters: [{ ...input.clusters[0], clients: [] }] };
    expect(renderArchitecture(bare)).not.toContain('Clients of this app');
    expect(renderClusterDiagram(bare.clusters[0])).not.toContain('client_');
  });
});
