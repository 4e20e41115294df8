import { spawnSync } from 'child_process';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { KraftCluster, NodePoolOptions, Storage } from '../lib';
import { renderArchitecture, renderPathTable } from '../lib/diagram/architecture';
import { clusterArchitecture } from '../lib/diagram/from-model';
import { CLUSTER_IP, INGRESS, LOAD_BALANCER, ROUTE } from './support/listener-rule-cases';

interface Parsed {
  error?: string;
  vertices: { id: string; text: string }[];
  edges: { from: string; to: string; text: string }[];
}

/** Parses a diagram with mermaid's own parser (a child process: mermaid is an ES module). */
function mermaidParse(text: string): Parsed {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'support', 'mermaid-parse.mjs')], {
    input: JSON.stringify([text]),
    encoding: 'utf-8',
    timeout: 30_000,
  });
  if (r.status !== 0) throw new Error(`mermaid-parse failed: ${r.stderr}`);
  return JSON.parse(r.stdout)[0];
}

/** Every node reachable from `from`. */
function reach(p: Parsed, from: string): Set<string> {
  const seen = new Set([from]);
  const todo = [from];
  while (todo.length) {
    const n = todo.shift()!;
    for (const e of p.edges.filter((x) => x.from === n && !seen.has(x.to))) {
      seen.add(e.to);
      todo.push(e.to);
    }
  }
  return seen;
}

const storage = Storage.persistentClaim({ size: '10Gi' });
const broker: NodePoolOptions = { roles: ['broker'], replicas: 3, storage };
const controller: NodePoolOptions = { roles: ['controller'], replicas: 3, storage };

describe('architecture diagram: loadbalancer, ingress, route and cluster-ip', () => {
  // GIVEN a cluster with a listener of every type
  const chart = Testing.chart();
  const c = new KraftCluster(chart, 'k', {
    nodePools: { broker, controller },
    externalListeners: [
      { ...INGRESS, name: 'ingress', port: 9095 },
      { ...ROUTE, name: 'route', port: 9096 },
      { ...LOAD_BALANCER, name: 'lb', port: 9097, brokers: { 1: { loadBalancerIP: '203.0.113.11' } } },
      { ...CLUSTER_IP, name: 'proxied', port: 9098 },
    ],
  });
  const arch = clusterArchitecture(c.model);

  test('the path table names every broker hop by hop', () => {
    const rows = renderPathTable(arch)
      .split('\n')
      .filter((r) => / 1 \| broker /.test(r));
    expect(rows).toEqual([
      '| ingress | 1 | broker | broker-1.kafka.example.com:443 | Ingress broker-1.kafka.example.com (TLS passthrough, SNI) | none | k-broker-ingress-1 | k-broker-1 |',
      '| route | 1 | broker | <assigned at apply>:443 | Route <host assigned by OpenShift> (TLS passthrough, SNI) | none | k-broker-route-1 | k-broker-1 |',
      '| lb | 1 | broker | broker-1.kafka-lb.example.com:9097 | LoadBalancer Service 203.0.113.11 | none | k-broker-lb-1 | k-broker-1 |',
      '| proxied | 1 | broker | kafka-proxy.example.com:9201 | your proxy or mesh | none | k-broker-proxied-1 | k-broker-1 |',
    ]);
  });

  test("mermaid parses it, and each broker's address leads to its own pod only", () => {
    const text = /```mermaid\n([\s\S]*?)```/.exec(renderArchitecture({ title: 't', clusters: [arch] }))![1];
    const p = mermaidParse(text);
    expect(p.error).toBeUndefined();
    const label = (id: string) => p.vertices.find((v) => v.id === id)?.text ?? '';
    let checked = 0;
    for (const l of arch.routedListeners!) {
      for (const b of l.brokers) {
        const first = p.edges.find(
          (e) =>
            e.from === 'clients' &&
            e.to.endsWith(`_${b.nodeId}`) &&
            e.text === b.advertised &&
            e.to.startsWith(`rl_${l.name}`),
        );
        expect(first).toBeDefined();
        const hops = [...reach(p, first!.to)].map(label);
        expect(hops).toContain(b.hop);
        expect(hops).toContain(`Service ${b.serviceName}`);
        expect(hops.filter((h) => h.startsWith('k-broker-'))).toEqual([
          `k-broker-${b.nodeId}<br/>node ${b.nodeId}, broker`,
        ]);
        checked++;
      }
    }
    expect(checked).toBe(12);
  });
});
