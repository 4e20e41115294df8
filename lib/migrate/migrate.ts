/**
 * `migrate`: existing Strimzi YAML -> a cdk8s app that reproduces it with the library's constructs.
 * The plan is built in memory with the library; resources the library refuses are left out with
 * the library's own error; what no prop expresses becomes a patch; the result is built again and
 * compared with the input (up to the declared normalizations) before any code is printed.
 */
import { App } from 'cdk8s';
import { findProblems } from '../common/problems';
import { formatProblem } from '../core/problem';
import { clusterFacts, ManifestObject } from '../doctor/manifest-facts';
import { diagnose } from '../doctor/offline';
import { buildApp, jsonPatchOf, Rendered } from './build';
import { diffValues } from './diff';
import { mainSource, CDK8S_YAML } from './emit';
import { normalizePair } from './normalize';
import { loadBalancerPlans } from './load-balancer';
import { keptNotes, pinnedNotes } from './notes';
import { AppPlan, ChartPlan, ClusterPlan, ResourcePlan } from './plan';
import { appPlan, otherObjects } from './plan-app';
import { InputObject, MigrationInput } from './read';
import { operatorRelease } from './release';

/** Options of a migration. */
export interface MigrateOptions {
  /** Strimzi release the operator runs. @default - the operator bundle's image tag, else the newest that fits */
  readonly strimziVersion?: string;
  /** Namespace of objects that name none (where `kubectl -n` applied them). @default - none */
  readonly namespace?: string;
  /** Format main.ts with prettier (off only to save time where the code is not read). @default true */
  readonly format?: boolean;
}

/** What a migration produced. */
export interface MigrationResult {
  /** `main.ts` and `cdk8s.yaml`; empty when nothing could be migrated. */
  readonly files: { readonly name: string; readonly text: string }[];
  /** The input's problems by the library's rules (doctor, release table) and what the app does about them. */
  readonly findings: string[];
  /** Warnings of the library on the migrated app (risky but legal choices the input made). */
  readonly warnings: string[];
  /** One line per object (or file) not migrated, saying why. */
  readonly notMigrated: string[];
  /** Objects migrated, as `Kind namespace/name`, each with its file and the number of patches it needed. */
  readonly migrated: { readonly object: string; readonly file: string; readonly patches: number }[];
  readonly plan: AppPlan;
}

const resources = (c: ChartPlan): ResourcePlan[] => [...c.clusters.flatMap((x) => [x, ...x.pools]), ...c.entities];
const nameOf = (r: ResourcePlan) => {
  const m = r.source.object.metadata;
  return `${r.source.object.kind} ${m?.namespace ? `${m.namespace}/` : ''}${m?.name}`;
};

type Hit = (id: string) => { path: string; line: string } | undefined;

/** Users and topics the library refuses, each left out with its error line. */
function dropEntities(chart: ChartPlan, hit: Hit, reasons: string[]): boolean {
  const refused = chart.entities.filter((e) => hit(e.id));
  for (const e of refused) {
    reasons.push(`${nameOf(e)} (${e.source.file}): the library refuses it: ${hit(e.id)!.line}`);
    chart.entities.splice(chart.entities.indexOf(e), 1);
  }
  return refused.length > 0;
}

/**
 * A part of a cluster the library refuses, given up instead of the cluster: the load balancer
 * made from nginx files, or a nodeport listener (then kept as the input has it, through a patch).
 */
function dropPart(c: ClusterPlan, hit: Hit, reasons: string[]): boolean {
  const lbError = (c.loadBalancers ?? []).map((lb) => hit(`${c.id}/${lb.id}`)).find((e) => e);
  if (lbError) {
    reasons.push(`load balancer of ${nameOf(c)}: not made from the nginx files: ${lbError.line}`);
    c.loadBalancers = [];
    return true;
  }
  const listeners = (c.props.nodePortListeners ?? []) as Record<string, unknown>[];
  const refused = listeners.find((l) => hit(`${c.id}/${String(l.name)}-listener`));
  if (!refused) return false;
  const line = hit(`${c.id}/${String(refused.name)}-listener`)!.line;
  c.notes.push(`kept through a patch: listener ${String(refused.name)}: the library refuses it as a prop: ${line}`);
  const rest = listeners.filter((l) => l !== refused);
  c.props.nodePortListeners = rest.length > 0 ? rest : undefined;
  return true;
}

/** Drops a refused cluster, its pools, users and topics, each with a reason line. */
function dropCluster(chart: ChartPlan, c: ClusterPlan, line: string, reasons: string[]): void {
  reasons.push(`${nameOf(c)} (${c.source.file}): the library refuses it: ${line}`);
  for (const p of c.pools) reasons.push(`${nameOf(p)} (${p.source.file}): its Kafka ${c.name} is not migrated`);
  chart.clusters.splice(chart.clusters.indexOf(c), 1);
  for (const e of chart.entities.filter((x) => x.cluster === c.name)) {
    chart.entities.splice(chart.entities.indexOf(e), 1);
    reasons.push(`${nameOf(e)} (${e.source.file}): its cluster ${c.name} is not migrated`);
  }
}

/** Drops from the plan what the library refuses (its own error line as the reason); true when something was dropped. */
function dropRefused(app: App, plan: AppPlan, reasons: string[]): boolean {
  const errors = app.node
    .findAll()
    .flatMap((c) => c.node.validate().map((m) => ({ path: c.node.path, line: `[${c.node.path}] ${m}` })));
  if (errors.length === 0) return false;
  for (const chart of plan.charts) {
    const hit: Hit = (id) =>
      errors.find((e) => e.path === `${chart.id}/${id}` || e.path.startsWith(`${chart.id}/${id}/`));
    if (dropEntities(chart, hit, reasons)) return true;
    for (const c of chart.clusters) {
      if (dropPart(c, hit, reasons)) return true;
      const error = hit(c.id);
      if (error) {
        dropCluster(chart, c, error.line, reasons);
        return true;
      }
    }
  }
  throw new Error(`migrate: the library refuses what no resource owns (a bug): ${errors[0].line}`);
}

/** Builds the plan, leaving out what the library refuses, until it builds without errors. */
function buildClean(plan: AppPlan, reasons: string[]): { app: App; rendered: Rendered } {
  for (;;) {
    const built = buildApp(plan);
    if (!dropRefused(built.app, plan, reasons)) return built;
    if (plan.charts.every((c) => c.clusters.length === 0)) return built;
  }
}

/** The rendered object of a resource, as JSON. */
const jsonOf = (rendered: Rendered, r: ResourcePlan) => rendered.get(r)!.toJson();

/** Fills in each resource's patches: what turns the rendered object into the input. */
function computePatches(plan: AppPlan, rendered: Rendered): void {
  for (const r of plan.charts.flatMap(resources)) {
    const pair = normalizePair(r.source.object, jsonOf(rendered, r));
    r.patches = diffValues(pair.output, pair.input);
  }
}

/**
 * What still differs after the patches: input fields the generated classes drop because the API's
 * schema lacks them (`schema-pruned`), recorded on the resource; anything else is a bug and thrown.
 */
function recordPruned(plan: AppPlan, rendered: Rendered): void {
  for (const r of plan.charts.flatMap(resources)) {
    const pair = normalizePair(r.source.object, jsonOf(rendered, r));
    const left = diffValues(pair.output, pair.input);
    const other = left.filter((p) => p.op !== 'add');
    if (other.length > 0)
      throw new Error(`migrate: ${nameOf(r)} does not round-trip (a bug): ${JSON.stringify(other)}`);
    r.pruned = left.map((p) => p.path);
  }
}

/** Charts whose pools get other node IDs than the input's (none, unless there is a bug). */
function movedNodeIds(plan: AppPlan, rendered: Rendered): string[] {
  const ids = (objects: readonly ManifestObject[]) =>
    JSON.stringify(clusterFacts(objects).map((c) => c.pools.map((p) => [p.name, p.nodeIds])));
  return plan.charts
    .filter((chart) => {
      const all = resources(chart);
      const input = all.map((r) => ({ ...r.source.object, status: r.source.status }));
      return ids(input) !== ids(all.map((r) => jsonOf(rendered, r)));
    })
    .map((chart) => `chart ${chart.id}: node IDs differ from the input`);
}

const prunedFindings = (plan: AppPlan) =>
  plan.charts
    .flatMap(resources)
    .flatMap((r) =>
      (r.pruned ?? []).map(
        (p) =>
          `input: ${nameOf(r)}: ${p} is not a field of ${r.source.object.apiVersion} ${r.source.object.kind}; ` +
          'the API server drops it, so the app does too [schema-pruned]',
      ),
    );

/** The input's problems by the doctor's checks, on the objects as read (status included). */
function doctorFindings(input: MigrationInput): string[] {
  const objects = input.objects.map((o) => ({ ...o.object, status: o.status }));
  try {
    return diagnose(objects, input.nginx).findings.map(
      (f) => `input: ${f.where}: ${f.subject}: ${f.message}. Fix: ${f.fix} [${f.check.id}]`,
    );
  } catch (e) {
    return [`input: the doctor cannot follow the addresses: ${(e as Error).message}`];
  }
}

function withNamespace(objects: readonly InputObject[], namespace: string | undefined): InputObject[] {
  if (!namespace) return [...objects];
  return objects.map((o) =>
    o.object.metadata?.namespace ? o : { ...o, object: { ...o.object, metadata: { ...o.object.metadata, namespace } } },
  );
}

/** Adds each resource's patches to the object already rendered for it. */
function applyPatches(rendered: Rendered): void {
  for (const [r, obj] of rendered) if (r.patches.length > 0) obj.addJsonPatch(...r.patches.map(jsonPatchOf));
}

/** The comments above each cluster: fixes the app makes and the library's warnings it keeps. */
function addNotes(plan: AppPlan, app: App, rendered: Rendered): void {
  for (const chart of plan.charts) {
    for (const c of chart.clusters) {
      c.notes.push(...pinnedNotes(c, jsonOf(rendered, c)), ...keptNotes(app, chart, c));
    }
  }
}

/** The plan, checked by a round trip, and what was found on the way. */
function analyse(
  input: MigrationInput,
  options: MigrateOptions,
): Omit<MigrationResult, 'files'> & { header: string[] } {
  const objects = withNamespace(input.objects, options.namespace);
  const notMigrated = [...input.unreadable, ...otherObjects(objects)];
  const plan = appPlan(objects, options.strimziVersion ?? operatorRelease(objects), notMigrated);
  for (const c of plan.charts.flatMap((x) => x.clusters)) c.loadBalancers = loadBalancerPlans(c, input.nginx);
  const { app, rendered } = buildClean(plan, notMigrated);
  computePatches(plan, rendered);
  applyPatches(rendered);
  recordPruned(plan, rendered);
  const moved = movedNodeIds(plan, rendered);
  if (moved.length > 0) throw new Error(`migrate: the round trip failed (a bug): ${moved.join('; ')}`);
  addNotes(plan, app, rendered);
  plan.files.push(...input.nginx.map((n) => n.file).filter((f) => !plan.files.includes(f)));
  const notes = plan.charts.flatMap((c) =>
    c.clusters.flatMap((x) =>
      [...x.notes, ...(x.loadBalancers ?? []).map((lb) => lb.note)].map((n) => `${nameOf(x)}: ${n}`),
    ),
  );
  const header = [...doctorFindings({ ...input, objects }), ...prunedFindings(plan)];
  const problems = findProblems(app).filter((p) => p.rule.severity === 'warning');
  const migrated = plan.charts
    .flatMap(resources)
    .map((r) => ({ object: nameOf(r), file: r.source.file, patches: r.patches.length }));
  return {
    header,
    findings: [...header, ...notes],
    warnings: [...new Set(problems.map(formatProblem))],
    notMigrated,
    migrated,
    plan,
  };
}

/** Migrates what was read; prints nothing and writes nothing (the CLI writes `files`). */
export async function migrate(input: MigrationInput, options: MigrateOptions = {}): Promise<MigrationResult> {
  const { header, ...result } = analyse(input, options);
  const files = result.migrated.length === 0 ? [] : await appFiles(result.plan, header, options.format ?? true);
  return { files, ...result };
}

async function appFiles(
  plan: AppPlan,
  findings: readonly string[],
  format: boolean,
): Promise<MigrationResult['files']> {
  const header = [
    `Migrated by \`strimzi-kraft migrate\` from ${plan.files.join(', ')}.`,
    ...(findings.length > 0 ? ["Findings on the way in (the library's rules):", ...findings.map((f) => `- ${f}`)] : []),
  ];
  return [
    { name: 'main.ts', text: format ? await formatted(mainSource(plan, header)) : mainSource(plan, header) },
    { name: 'cdk8s.yaml', text: CDK8S_YAML },
  ];
}

/** Prettier options of the generated code (this repository's). */
export const PRETTIER_OPTIONS = {
  parser: 'typescript',
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
  quoteProps: 'consistent',
  arrowParens: 'always',
} as const;

/** Prettier's standalone build (plain CommonJS: no dynamic import) with the TypeScript plugins, if installed. */
export function prettierFor():
  | {
      /** The source formatted with `PRETTIER_OPTIONS`. */
      format(s: string): Promise<string>;
      /** Whether the source is formatted as `PRETTIER_OPTIONS` asks. */
      check(s: string): Promise<boolean>;
    }
  | undefined {
  let prettier: typeof import('prettier/standalone');
  let plugins: unknown[];
  try {
    // loaded only here: apps that build clusters never load prettier
    prettier = require('prettier/standalone') as typeof import('prettier/standalone');
    plugins = [require('prettier/plugins/typescript'), require('prettier/plugins/estree')];
  } catch {
    return undefined;
  }
  const options = { ...PRETTIER_OPTIONS, plugins: plugins as never[] };
  return { format: (s) => prettier.format(s, options), check: (s) => prettier.check(s, options) };
}

/** The source formatted by prettier; without prettier installed, as printed, saying so on its first line. */
async function formatted(source: string): Promise<string> {
  const prettier = prettierFor();
  return prettier ? prettier.format(source) : `// not formatted: prettier is not installed\n${source}`;
}
