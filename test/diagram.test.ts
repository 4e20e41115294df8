import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { APPS } from '../apps/registry';
import { ArchitectureInput, renderArchitecture } from '../lib/diagram/architecture';
import { architectureOf } from '../lib/diagram/write';

interface Parsed {
  type?: string;
  error?: string;
  vertices: { id: string; text: string }[];
  edges: { from: string; to: string; text: string }[];
  subgraphs: { id: string; title: string; nodes: string[] }[];
}

/** Parses diagrams with mermaid's own parser (in a child process: mermaid is an ES module). */
function mermaidParse(texts: string[]): Parsed[] {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'support', 'mermaid-parse.mjs')], {
    input: JSON.stringify(texts),
    encoding: 'utf-8',
    timeout: 30_000,
  });
  if (r.status !== 0) throw new Error(`mermaid-parse failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const blocks = (markdown: string) => [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
const names = Object.keys(APPS).sort();
const inputs = Object.fromEntries(
  names.map((n) => {
    const app = Testing.app(); // the whole app: the operator lives in a chart of its own
    APPS[n](app);
    return [n, architectureOf(app, n)];
  }),
);

// A richer input: an operator, a dual-role pool, two listeners, one of them in-cluster, a pool
// named so that its Mermaid ID needs escaping.
const rich: ArchitectureInput = {
  title: 'rich',
  operator: { namespace: 'strimzi', watchedNamespaces: ['team-b', 'team-a'] },
  clusters: [
    {
      name: 'c',
      namespace: 'team-a',
      pools: [
        { name: 'dual-a', roles: ['controller', 'broker'], nodeIds: [1, 0] },
        { name: 'big', roles: ['broker'], nodeIds: [100] },
      ],
      externalListeners: [
        {
          name: 'ext2',
          port: 9095,
          tls: true,
          bootstrap: {
            advertisedHost: 'in.example.com',
            port: 9095,
            nodePort: 31000,
            serviceName: 'c-kafka-ext2-bootstrap',
          },
          brokers: [0, 1, 100].map((id) => ({
            nodeId: id,
            pool: id === 100 ? 'big' : 'dual-a',
            advertisedHost: 'in.example.com',
            advertisedPort: 9300 + id,
            loadBalancerPort: 9300 + id,
            nodePort: 31001 + id,
            serviceName: `c-${id === 100 ? 'big' : 'dual-a'}-ext2-${id}`,
            podName: `c-${id === 100 ? 'big' : 'dual-a'}-${id}`,
          })),
          loadBalancer: { name: 'c-ext2-lb', shape: 'in-cluster', workers: [] },
        },
        {
          name: 'external',
          port: 9094,
          tls: false,
          bootstrap: {
            advertisedHost: 'b"{x}.example.com',
            port: 9094,
            nodePort: 32100,
            serviceName: 'c-kafka-external-bootstrap',
          },
          brokers: [100, 0, 1].map((id) => ({
            nodeId: id,
            pool: id === 100 ? 'big' : 'dual-a',
            advertisedHost: `b${id}.example.com`,
            advertisedPort: 8000 + id,
            loadBalancerPort: 8000 + id,
            nodePort: 32101 + id,
            serviceName: `c-${id === 100 ? 'big' : 'dual-a'}-${id}`,
            podName: `c-${id === 100 ? 'big' : 'dual-a'}-${id}`,
          })),
          loadBalancer: { name: 'c-external-lb', shape: 'external-host', workers: ['10.0.0.10', '10.0.0.9'] },
        },
      ],
    },
  ],
};

/** Follows edges from `from`, breadth first; the nodes reached. */
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

describe('architecture diagram', () => {
  test.each(names)('%s: dist/<app>/ARCHITECTURE.md is rendered from the model', (name) => {
    const committed = fs.readFileSync(path.resolve(__dirname, '..', 'dist', name, 'ARCHITECTURE.md'), 'utf-8');
    expect(committed).toBe(renderArchitecture(inputs[name]));
  });

  test('every diagram parses with mermaid, and each broker is reached from clients through its own hops', () => {
    // GIVEN every diagram of the example apps and the rich input
    const all = [...names.map((n) => inputs[n]), rich];
    const texts = all.flatMap((i) => blocks(renderArchitecture(i)));
    expect(texts).toHaveLength(all.reduce((n, i) => n + i.clusters.length, 0));

    // WHEN mermaid parses them
    const parsed = mermaidParse(texts);

    // THEN each is a flowchart, and every broker's advertised address leads to its pod through the
    // load balancer port, the NodePort (external-host shape) and its Service
    let checked = 0;
    all
      .flatMap((i) => i.clusters)
      .forEach((cluster, ci) => {
        const p = parsed[ci];
        expect(p.error).toBeUndefined();
        expect(p.type).toBe('flowchart-v2');
        const text = (id: string) => p.vertices.find((v) => v.id === id)?.text ?? '';
        for (const l of cluster.externalListeners) {
          for (const b of l.brokers) {
            const first = p.edges.find(
              (e) => e.from === 'clients' && e.text === `${b.advertisedHost}:${b.advertisedPort}`,
            );
            expect(first).toBeDefined();
            const hops = [...reach(p, first!.to)].map(text);
            expect(hops).toContain(
              `${b.podName}<br/>node ${b.nodeId}, ${cluster.pools
                .find((x) => x.name === b.pool)!
                .roles.slice()
                .sort()
                .join(' + ')}`,
            );
            expect(hops).toContain(`Service ${b.serviceName}`);
            if (l.loadBalancer) expect(text(first!.to)).toBe(`:${b.loadBalancerPort} broker ${b.nodeId}`);
            if (l.loadBalancer?.shape !== 'in-cluster') expect(hops).toContain(`NodePort ${b.nodePort}`);
            // and no other broker's pod
            const otherPods = l.brokers.filter((o) => o.nodeId !== b.nodeId).map((o) => `${o.podName}<br/>`);
            expect(hops.filter((h) => otherPods.some((o) => h.startsWith(o)))).toEqual([]);
            checked++;
          }
        }
      });
    expect(checked).toBe(
      all
        .flatMap((i) => i.clusters)
        .flatMap((c) => c.externalListeners)
        .reduce((n, l) => n + l.brokers.length, 0),
    );

    // the operator, the pools and the controller quorum are drawn
    const r = parsed[parsed.length - 1];
    expect(r.vertices.find((v) => v.id === 'operator')?.text).toBe(
      'Strimzi cluster operator<br/>namespace strimzi<br/>watches team-a, team-b',
    );
    expect(r.edges).toContainEqual(expect.objectContaining({ from: 'operator', to: 'ns_team_a', text: 'reconciles' }));
    expect(r.edges).toContainEqual(
      expect.objectContaining({ from: 'pool_big', to: 'pool_dual_a', text: 'KRaft metadata' }),
    );
    expect(r.subgraphs.find((s) => s.id === 'pool_dual_a')?.nodes.sort()).toEqual(['pod_0', 'pod_1']);
  });

  test("docs/doctor.md shows the seed app's diagram as synthesized", () => {
    const doc = fs.readFileSync(path.resolve(__dirname, '..', 'docs', 'doctor.md'), 'utf-8');
    expect(blocks(doc)).toContain(blocks(renderArchitecture(inputs.seed))[0]);
  });

  test('the parser rejects a broken diagram (the check can fail)', () => {
    const [p] = mermaidParse(['flowchart LR\n  a --> (']);
    expect(p.error).toMatch(/Parse error/);
  });

  test('output is byte-identical whatever the input order', () => {
    const shuffled: ArchitectureInput = {
      ...rich,
      operator: { namespace: 'strimzi', watchedNamespaces: ['team-a', 'team-b'] },
      clusters: rich.clusters.map((c) => ({
        ...c,
        pools: [...c.pools].reverse().map((p) => ({ ...p, nodeIds: [...p.nodeIds].reverse() })),
        externalListeners: [...c.externalListeners].reverse().map((l) => ({
          ...l,
          brokers: [...l.brokers].reverse(),
          loadBalancer: l.loadBalancer && { ...l.loadBalancer, workers: [...l.loadBalancer.workers].reverse() },
        })),
      })),
    };
    expect(renderArchitecture(shuffled)).toBe(renderArchitecture(rich));
    // workers in natural order, quotes escaped for Mermaid, table cells hold the path
    const out = renderArchitecture(rich);
    expect(out).toContain('worker nodes 10.0.0.9, 10.0.0.10');
    expect(out).toContain('"b#quot;{x}.example.com:9094"');
    expect(out).toContain(
      '| external | 100 | big | b100.example.com:8100 | c-external-lb :8100 | 32201 | c-big-100 | c-big-100 |',
    );
    expect(out).toContain(
      '| ext2 | 0 | dual-a | in.example.com:9300 | c-ext2-lb :9300 -> Service port 9095 | 31001 (not on this path) | c-dual-a-ext2-0 | c-dual-a-0 |',
    );
  });
});
