// Random before/after pairs through the plan: two random apps (the second optionally locked to the
// first's node IDs), both outputs hand-edited with a few garbage values at random places. The plan
// must never throw, must be deterministic, and a plan of an output against itself must be empty.
import { Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { KafkaTopic, KafkaUser, KraftCluster, NodeIdLock, StrimziOperator } from '../../lib';
import { formatPlan, formatPlanMarkdown, nodeIdLockOf, planChanges } from '../../lib/plan';
import { stable } from '../../lib/plan/change';
import { AppSpec, appSpec, garbage } from './arbitraries';
import { makeDurations, makeFactories, resolveRefs } from './harness';

export interface PlanPairCase {
  readonly before: AppSpec;
  readonly after: AppSpec;
  readonly lock: boolean;
  readonly edits: { index: number; value: unknown }[];
  readonly beforeEdits: { index: number; value: unknown }[];
}

export const planPairCase: fc.Arbitrary<PlanPairCase> = fc.record({
  before: appSpec,
  after: appSpec,
  lock: fc.boolean(),
  edits: fc.array(fc.record({ index: fc.nat(), value: garbage }), { maxLength: 3 }),
  beforeEdits: fc.array(fc.record({ index: fc.nat(), value: garbage }), { maxLength: 2 }),
});

/** The objects of an app spec (also of one the library rejects), or undefined when building it throws. */
export function outputOf(spec: AppSpec, nodeIdLock?: NodeIdLock): unknown[] | undefined {
  try {
    const app = Testing.app();
    const prepared = makeDurations(spec) as AppSpec;
    for (const cs of prepared.charts) {
      const chart = new Chart(app, cs.id, { namespace: cs.namespace as any });
      for (const cl of cs.clusters) {
        const cluster = new KraftCluster(chart, cl.id, { ...(makeFactories(cl.props) as any), nodeIdLock });
        for (const lb of cl.loadBalancers) cluster.addLoadBalancer(lb.id, makeFactories(lb.options) as any);
        for (const u of cl.users ?? []) new KafkaUser(chart, `${cl.id}-${u.id}`, resolveRefs(u.props, cluster) as any);
        for (const t of cl.topics ?? [])
          new KafkaTopic(chart, `${cl.id}-${t.id}`, resolveRefs(t.props, cluster) as any);
      }
    }
    const ops = new Chart(app, 'operators');
    for (const o of prepared.operators ?? []) new StrimziOperator(ops, o.id, o.props as any);
    // an app the library rejects still renders its objects: the plan must cope with those too
    return app.charts.flatMap((c) => c.toJson());
  } catch {
    return undefined;
  }
}

/** Every path to a value inside the objects. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (v !== null && typeof v === 'object') return [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return [at];
}

/** The objects with garbage written at the chosen paths (a hand edit gone wrong). */
export function edited(objects: unknown[], edits: PlanPairCase['edits']): unknown[] {
  const copy = JSON.parse(JSON.stringify(objects));
  for (const e of edits) {
    const all = paths(copy).filter((p) => p.length > 0);
    if (all.length === 0) break;
    const p = all[e.index % all.length];
    const parent = p.slice(0, -1).reduce((o: any, k) => o[k], copy);
    parent[p[p.length - 1]] = e.value;
  }
  return copy;
}

/** Runs one pair: undefined when fine, else what went wrong. */
export function runPlanPair(c: PlanPairCase): { outcome: 'planned' | 'skipped' | 'crash'; detail?: string } {
  const built = outputOf(c.before);
  if (!built) return { outcome: 'skipped' };
  const before = edited(built, c.beforeEdits);
  try {
    // the lock of a hand-edited output: reading it must not crash either
    const after = edited(outputOf(c.after, c.lock ? nodeIdLockOf(before) : undefined) ?? built, c.edits);
    const plan = planChanges(before, after);
    formatPlan(plan);
    formatPlanMarkdown(plan);
    if (stable(planChanges(before, after)) !== stable(plan)) return { outcome: 'crash', detail: 'not deterministic' };
    const self = planChanges(after, after);
    if (self.changes.length + self.refusals.length + self.steps.length > 0) {
      return { outcome: 'crash', detail: `a plan of an output against itself: ${formatPlan(self)}` };
    }
    return { outcome: 'planned' };
  } catch (e) {
    return { outcome: 'crash', detail: (e as Error).stack?.split('\n').slice(0, 4).join('\n') };
  }
}

/** `npm run fuzz -- --plan`: N pairs; prints the counts and the first crashes; the exit code. */
export function runPlanPairs(runs: number, seed: number): number {
  const counts: Record<string, number> = { planned: 0, skipped: 0, crash: 0 };
  const started = Date.now();
  for (const c of fc.sample(planPairCase, { seed, numRuns: runs })) {
    const r = runPlanPair(c);
    counts[r.outcome]++;
    if (r.outcome === 'crash' && counts.crash <= 3) process.stdout.write(`crash: ${r.detail}\n`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const summary = Object.entries(counts).map(([k, v]) => `${v} ${k}`);
  process.stdout.write(`plan fuzz: ${runs} pairs (seed ${seed}) in ${seconds} s: ${summary.join(', ')}\n`);
  return counts.crash > 0 ? 1 : 0;
}
