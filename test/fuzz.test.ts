import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { AppSpec, fuzzCase } from './fuzz/arbitraries';
import { BAD_OUTCOMES, corruptiblePaths, describeCase, emptyReport, runCase } from './fuzz/harness';
import { findNginx } from './support/nginx';
import { planPairCase, runPlanPair } from './fuzz/plan-pairs';

// Property: every random app, with up to three props replaced by garbage (wrong types, NaN,
// Infinity, negatives, huge numbers, empty and unicode strings, null/undefined, arrays for
// objects, BigInt, Date, injected `;\n` directives), either synthesizes output that passes the
// strict CRD check, the nginx shape check and `nginx -t`, or fails with every message in the
// `[path] field = value: ... Fix: ... [rule]` form and nothing written. Seeded: the same cases
// every run. Long runs: npm run fuzz -- --runs 10000.
const RUNS = 300;
const SEED = 424242;
const nginx = findNginx();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kraft-fuzz-test-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

test(`${RUNS} random apps with corrupted props: valid output or a clear error, nothing written on failure`, () => {
  const report = emptyReport();
  fc.assert(
    fc.property(fuzzCase, (c) => {
      const r = runCase(c, scratch, nginx);
      report.runs++;
      report.counts[r.outcome]++;
      if (BAD_OUTCOMES.includes(r.outcome)) throw new Error(`${r.outcome}: ${describeCase(c)}\n${r.detail}`);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  // eslint-disable-next-line no-console
  console.log(
    `fuzz: ${Object.entries(report.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  );
  // both sides were exercised: output was checked, and errors were checked
  expect(report.counts.accepted).toBeGreaterThan(RUNS / 50);
  expect(report.counts.rejected).toBeGreaterThan(RUNS / 2);
}, 60_000);

// Property: the plan of random before/after pairs (the after locked to the before's node IDs or
// not, its objects hand-edited with garbage) never throws, is deterministic, and an output planned
// against itself is empty. Long runs: npm run fuzz -- --plan --runs 10000.
test('150 random before/after pairs: the plan never crashes', () => {
  const counts = { planned: 0, skipped: 0, crash: 0 };
  fc.assert(
    fc.property(planPairCase, (c) => {
      const r = runPlanPair(c);
      counts[r.outcome]++;
      if (r.outcome === 'crash') throw new Error(r.detail);
    }),
    { seed: SEED, numRuns: 150, endOnFailure: true },
  );
  // pairs were planned (an app the library rejects has no output to plan)
  expect(counts.planned).toBeGreaterThan(10);
}, 60_000);

describe('no directive can be injected into nginx.conf', () => {
  // GIVEN a valid app with both load balancer shapes, every field whose text reaches nginx.conf
  const base = (shape: object): AppSpec => ({
    charts: [
      {
        id: 'kafka',
        namespace: 'kafka',
        clusters: [
          {
            id: 'my-cluster',
            props: {
              nodePools: {
                broker: { roles: ['broker'], replicas: 3, storage: { $factory: 'Storage.ephemeral', options: {} } },
                controller: {
                  roles: ['controller'],
                  replicas: 3,
                  storage: { $factory: 'Storage.ephemeral', options: {} },
                },
              },
              nodePortListeners: [
                {
                  name: 'external',
                  bootstrapNodePort: 32100,
                  advertisedHost: 'kafka.example.com',
                  advertisedPortBase: 8091,
                },
              ],
            },
            loadBalancers: [{ id: 'lb', options: { shape } }],
          },
        ],
      },
    ],
  });
  const external = base({
    $factory: 'LoadBalancerShape.externalHost',
    options: {
      workers: ['10.0.0.1'],
      listenAddress: '127.0.0.1',
      pidFile: '/run/x.pid',
      errorLog: 'stderr',
      modulePath: '/usr/lib/nginx/modules/ngx_stream_module.so',
    },
  });
  const inCluster = base({ $factory: 'LoadBalancerShape.inCluster', options: { clusterDomain: 'cluster.local' } });
  const fields: [string, AppSpec, (string | number)[]][] = [
    ...['pidFile', 'errorLog', 'modulePath', 'listenAddress'].map(
      (f) =>
        [f, external, ['charts', 0, 'clusters', 0, 'loadBalancers', 0, 'options', 'shape', 'options', f]] as [
          string,
          AppSpec,
          (string | number)[],
        ],
    ),
    [
      'workers[0]',
      external,
      ['charts', 0, 'clusters', 0, 'loadBalancers', 0, 'options', 'shape', 'options', 'workers', 0],
    ],
    [
      'clusterDomain',
      inCluster,
      ['charts', 0, 'clusters', 0, 'loadBalancers', 0, 'options', 'shape', 'options', 'clusterDomain'],
    ],
    ['advertisedHost', external, ['charts', 0, 'clusters', 0, 'props', 'nodePortListeners', 0, 'advertisedHost']],
    ['listener name', inCluster, ['charts', 0, 'clusters', 0, 'props', 'nodePortListeners', 0, 'name']],
    ['namespace', inCluster, ['charts', 0, 'namespace']],
  ];
  const injections = ['x;\n    user www-data;', 'x; user www-data', 'x}\nuser root;\nevents {', 'x # comment', '"x"'];

  test.each(fields.map(([name, spec, p]) => [name, spec, p] as const))('%s', (_, spec, p) => {
    const index = corruptiblePaths(spec).findIndex((q) => q.join('/') === p.join('/'));
    expect(index).toBeGreaterThanOrEqual(0);
    // the field as given is valid: the app synthesizes
    expect(runCase({ spec, corruptions: [] }, scratch, nginx).outcome).toBe('accepted');
    // WHEN it carries a directive THEN the app is rejected with a clear error, nothing written
    for (const value of injections)
      expect(runCase({ spec, corruptions: [{ index, value }] }, scratch, nginx).outcome).toBe('rejected');
  });
});
