/**
 * How constructs report problems. Nothing throws while a tree is built: each construct records
 * what is wrong with its own props (`record`) and registers checks that need more than its props
 * (`addChecks`, `addAppCheck`). Every problem of an app is computed once per synth: a pass holds
 * while the app's library constructs are unchanged (each of these calls, which every construct and
 * every mutator of the library makes, counts as a change) and for the rest of the synchronous run
 * (cdk8s validates the whole app once per chart, so one synth validates many times). No mutator
 * announces a change itself. The state lives with the app's root: two apps in one process never
 * see each other's findings or checks.
 */
import { Construct, IConstruct } from 'constructs';
import { Finding, KraftConfigError, Problem, describeProblem, finding, formatProblem } from '../core/problem';
import { CORE_RULES } from '../core/rules';
import { typeName } from '../core/shape';
import { CONSTRUCT_INSTANCE, TreeArgument, checkedArguments } from './arguments';
import { takeOverSynth } from './synth-hook';

/**
 * A value recomputed only when one of its inputs changed (compared by identity, as React's
 * `useMemo` does). Constructs replace, never mutate, what they pass as inputs.
 */
export class Memo<T> {
  private inputs?: readonly unknown[];
  private value?: T;
  constructor(
    private readonly read: () => readonly unknown[],
    private readonly compute: () => T,
  ) {}
  /** The value, recomputed when an input is not the one it was computed from. */
  public get(): T {
    const now = this.read();
    const same = this.inputs?.length === now.length && now.every((x, i) => x === this.inputs![i]);
    if (!same) {
      this.value = this.compute();
      this.inputs = now;
    }
    return this.value!;
  }
}

interface Pass {
  readonly all: Problem[];
  readonly byPath: Map<string, Problem[]>;
  /** The app's revision and its number of constructs when it was computed. */
  readonly revision: number;
  readonly size: number;
}

/** What one app (a construct tree, by its root) holds: checks and the current validation pass. */
interface AppState {
  readonly recorded: Map<IConstruct, Problem[]>;
  readonly checks: Map<IConstruct, (() => Problem[])[]>;
  readonly appChecks: Map<string, (root: IConstruct) => Problem[]>;
  /** Counts the calls that add constructs, findings or checks to the app. */
  revision: number;
  /** The app's number of constructs at the start of the current validation run. */
  size: number;
  pass?: Pass;
}

const apps = new WeakMap<IConstruct, AppState>();

/** The state of the app a construct belongs to. */
function stateOf(scope: IConstruct): AppState {
  const root = scope.node.root;
  let state = apps.get(root);
  if (!state) {
    const created: AppState = { recorded: new Map(), checks: new Map(), appChecks: new Map(), revision: 0, size: 0 };
    apps.set(root, created);
    // cdk8s validates the root first: a construct added or removed by any code shows in the count
    root.node.addValidation({ validate: () => ((created.size = root.node.findAll().length), []) });
    state = created;
  }
  return state;
}

/** The state of the app, for a call that changes it. */
function changing(scope: IConstruct): AppState {
  const state = stateOf(scope);
  state.revision++;
  return state;
}

/**
 * The current pass of the app: kept while the library changed nothing, the app has as many
 * constructs (`size`, counted once per validation run, or now), and the synchronous run goes on.
 */
function passOf(root: IConstruct, state: AppState, size = state.size): Pass {
  if (state.pass?.revision !== state.revision || state.pass.size !== size) {
    const pass = { ...computePass(root, state), revision: state.revision, size };
    state.pass = pass;
    queueMicrotask(() => {
      if (state.pass === pass) state.pass = undefined;
    });
  }
  return state.pass!;
}

/** A finding placed at a construct. */
export function at(scope: IConstruct, f: Finding): Problem {
  return { path: scope.node.path, rule: f.rule, field: f.field, value: f.value, message: f.message, fix: f.fix };
}

/** Records findings about a construct's own props. */
export function record(scope: IConstruct, findings: readonly Finding[]): void {
  const state = changing(scope);
  if (findings.length === 0) return;
  const recorded = state.recorded;
  recorded.set(scope, [...(recorded.get(scope) ?? []), ...findings.map((f) => at(scope, f))]);
}

/**
 * The findings of a construct's own checks that are not follow-ons of a wrong type already
 * reported: nothing when the props object itself was wrong, nothing about a field (or below it)
 * whose value was wrong or missing, and nothing about the list, record or object that held it (the
 * checks saw it without that entry: `workers[0] = 5` is not also "no workers", `scaleUpNodeIds.from
 * = '3'` not also "not a range"). One mistake, one finding.
 */
export function withoutFollowOns(typeFindings: readonly Finding[], findings: readonly Finding[]): Finding[] {
  const fields = typeFindings.map((f) => f.field);
  if (fields.includes('props')) return [];
  const under = (field: string, f: string) => field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`);
  const holders = fields.map(holderOf).filter((h): h is string => h !== undefined);
  return findings.filter((x) => !fields.some((f) => under(x.field, f)) && !holders.includes(x.field));
}

/** What holds a field: `workers` for `workers[0]`, `config` for `config['a.b']`, `range` for `range.from`. */
function holderOf(field: string): string | undefined {
  const entry = /^(.+)(\[[^[\]]*\]|\.[^.[\]]+)$/.exec(field);
  return entry?.[1];
}

/**
 * Registers the checks of a construct that need more than its props (its children, the model);
 * they run once per validation pass. The construct's errors are then reported by cdk8s validation.
 */
export function addChecks(scope: IConstruct, check: () => Problem[]): void {
  const checks = changing(scope).checks;
  checks.set(scope, [...(checks.get(scope) ?? []), check]);
}

/**
 * Registers a check that needs the whole app (e.g. NodePorts across clusters), under a key so it
 * runs once per pass however many constructs of the app register it.
 */
export function addAppCheck(scope: IConstruct, key: string, check: (root: IConstruct) => Problem[]): void {
  const appChecks = changing(scope).appChecks;
  if (!appChecks.has(key)) appChecks.set(key, check);
}

/** Makes cdk8s validation report the errors found at this construct's path (and takes over the app's synth). */
export function validateAtSynth(scope: IConstruct): void {
  const state = changing(scope);
  takeOverSynth(scope); // the first library construct of an app: app.synth() writes everything or nothing
  scope.node.addValidation({
    validate: () => {
      return (passOf(scope.node.root, state).byPath.get(scope.node.path) ?? [])
        .filter((p) => p.rule.severity === 'error')
        .map(describeProblem);
    },
  });
}

/** Every problem of an app, in tree order, then the app checks by key. */
function computePass(root: IConstruct, state: AppState): Omit<Pass, 'revision' | 'size'> {
  const all: Problem[] = [];
  for (const c of root.node.findAll()) {
    all.push(...(state.recorded.get(c) ?? []));
    for (const check of state.checks.get(c) ?? []) all.push(...check());
  }
  for (const key of [...state.appChecks.keys()].sort()) all.push(...state.appChecks.get(key)!(root));
  const kept = oneFindingPerMistake(all);
  const byPath = new Map<string, Problem[]>();
  for (const p of kept) byPath.set(p.path, [...(byPath.get(p.path) ?? []), p]);
  return { all: kept, byPath };
}

/**
 * One mistake, one finding: at a construct whose prop had the wrong type (or was missing), no other
 * rule reports that field or a field below it; the checks behind the boundary saw a stand-in value.
 */
function oneFindingPerMistake(all: readonly Problem[]): Problem[] {
  const typed = new Map<string, string[]>();
  for (const p of all.filter((x) => x.rule.id === 'prop-type'))
    typed.set(p.path, [...(typed.get(p.path) ?? []), p.field]);
  return all.filter((p) => {
    if (p.rule.id === 'prop-type' || p.rule.id === 'prop-unknown') return true;
    const fields = typed.get(p.path);
    return (
      !fields ||
      withoutFollowOns(
        fields.map((field) => ({ field }) as Finding),
        [p],
      ).length > 0
    );
  });
}

/** Every finding in a construct tree (an app or a chart), errors and warnings. */
export function findProblems(root: IConstruct): Problem[] {
  checkedArguments<TreeArgument>(root, { root } as TreeArgument, 'TreeArgument', { construct: CONSTRUCT_INSTANCE });
  const all = passOf(root.node.root, stateOf(root), root.node.root.node.findAll().length).all;
  if (root.node.root === root) return [...all];
  return all.filter((p) => p.path === root.node.path || p.path.startsWith(`${root.node.path}/`));
}

/** The findings at a construct and below it. */
export function problemsUnder(scope: IConstruct): Problem[] {
  const path = scope.node.path;
  return passOf(scope.node.root, stateOf(scope), scope.node.root.node.findAll().length).all.filter(
    (p) => p.path === path || p.path.startsWith(`${path}/`),
  );
}

/**
 * Prints every warning of a construct tree once (on stderr by default) and returns them. Call it
 * before `app.synth()`; errors are reported by the synth itself.
 */
export function printWarnings(
  root: IConstruct,
  write: (line: string) => void = (line) => console.error(line),
): Problem[] {
  if (typeof write !== 'function') {
    const f = finding(CORE_RULES.propType, 'write', write, `${typeName(write)}, not a function`, 'pass (line) => ...');
    throw new KraftConfigError({
      ...f,
      path: Construct.isConstruct(root) ? root.node.path || '(the app)' : '(no construct)',
    });
  }
  const warnings = findProblems(root).filter((p) => p.rule.severity === 'warning');
  [...new Set(warnings.map(formatProblem))].forEach((line) => write(line));
  return warnings;
}
