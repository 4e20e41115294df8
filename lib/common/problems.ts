/**
 * How constructs report problems. Nothing throws while a tree is built: each construct records
 * what is wrong with its own props (`report`) and registers checks that need more than its props
 * (`addChecks`, `addAppCheck`). At synth, every problem of the app is computed once (memoized
 * until the tree changes) and cdk8s validation reports each construct's errors at its path; nothing
 * is written when any is an error.
 */
import { IConstruct } from 'constructs';
import { Finding, Problem, describeProblem, formatProblem } from '../core/problem';
import { Rule } from '../core/rules';
import { takeOverSynth } from './synth-hook';

let generation = 0;

/** Marks every memoized problem and model as stale; call it whenever a tree changes. */
export function touch(): void {
  generation++;
}

/** The current generation: a memo computed at this generation is still valid. */
export function currentGeneration(): number {
  return generation;
}

/** A value computed once per generation. */
export class Memo<T> {
  private value?: T;
  private at = -1;
  constructor(private readonly compute: () => T) {}
  /** The value, recomputed when the tree changed since it was computed. */
  public get(): T {
    if (this.at !== generation) {
      this.value = this.compute();
      this.at = generation;
    }
    return this.value!;
  }
}

const recorded = new WeakMap<IConstruct, Problem[]>();
const checks = new WeakMap<IConstruct, (() => Problem[])[]>();
const appChecks = new Map<string, (root: IConstruct) => Problem[]>();
const memos = new WeakMap<IConstruct, { at: number; all: Problem[]; byPath: Map<string, Problem[]> }>();

/** A finding placed at a construct. */
export function at(scope: IConstruct, f: Finding): Problem {
  return { path: scope.node.path, rule: f.rule, field: f.field, value: f.value, message: f.message, fix: f.fix };
}

/** Records findings about a construct's own props. */
export function record(scope: IConstruct, findings: readonly Finding[]): void {
  if (findings.length === 0) return;
  const list = recorded.get(scope) ?? [];
  list.push(...findings.map((f) => at(scope, f)));
  recorded.set(scope, list);
  touch();
}

/**
 * The findings of a construct's own checks that are not follow-ons of a wrong type already
 * reported: nothing when the props object itself was wrong, and nothing about a field (or below
 * it) whose value was wrong or missing. One mistake, one finding.
 */
export function withoutFollowOns(typeFindings: readonly Finding[], findings: readonly Finding[]): Finding[] {
  const fields = typeFindings.map((f) => f.field);
  if (fields.includes('props')) return [];
  const under = (field: string, f: string) => field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`);
  return findings.filter((x) => !fields.some((f) => under(x.field, f)));
}

/** Records one finding about a construct's own props. */
export function report(
  scope: IConstruct,
  rule: Rule,
  field: string,
  value: unknown,
  message: string,
  fix: string,
): void {
  record(scope, [{ rule, field, value, message, fix }]);
}

/**
 * Registers the checks of a construct that need more than its props (its children, the model);
 * they run once per synth. The construct's errors are then reported by cdk8s validation.
 */
export function addChecks(scope: IConstruct, check: () => Problem[]): void {
  checks.set(scope, [...(checks.get(scope) ?? []), check]);
  touch();
}

/**
 * Registers a check that needs the whole app (e.g. NodePorts across clusters), under a key so it
 * runs once per synth however many constructs register it.
 */
export function addAppCheck(key: string, check: (root: IConstruct) => Problem[]): void {
  if (!appChecks.has(key)) {
    appChecks.set(key, check);
    touch();
  }
}

/** Makes cdk8s validation report the errors found at this construct's path (and takes over the app's synth). */
export function validateAtSynth(scope: IConstruct): void {
  takeOverSynth(scope); // the first library construct of an app: app.synth() writes everything or nothing
  scope.node.addValidation({
    validate: () =>
      problemsAt(scope.node.root, scope.node.path)
        .filter((p) => p.rule.severity === 'error')
        .map(describeProblem),
  });
  touch();
}

function memo(root: IConstruct) {
  let m = memos.get(root);
  if (!m || m.at !== generation) {
    const all: Problem[] = [];
    for (const c of root.node.findAll()) {
      all.push(...(recorded.get(c) ?? []));
      for (const check of checks.get(c) ?? []) all.push(...check());
    }
    for (const key of [...appChecks.keys()].sort()) all.push(...appChecks.get(key)!(root));
    const byPath = new Map<string, Problem[]>();
    for (const p of all) byPath.set(p.path, [...(byPath.get(p.path) ?? []), p]);
    m = { at: generation, all, byPath };
    memos.set(root, m);
  }
  return m;
}

function problemsAt(root: IConstruct, path: string): Problem[] {
  return memo(root).byPath.get(path) ?? [];
}

/** Every finding in a construct tree (an app or a chart), errors and warnings. */
export function findProblems(root: IConstruct): Problem[] {
  return [...memo(root).all];
}

/** The findings at a construct and below it. */
export function problemsUnder(scope: IConstruct): Problem[] {
  const path = scope.node.path;
  return memo(scope.node.root).all.filter((p) => p.path === path || p.path.startsWith(`${path}/`));
}

/**
 * Prints every warning of a construct tree once (on stderr by default) and returns them. Call it
 * before `app.synth()`; errors are reported by the synth itself.
 */
export function printWarnings(
  root: IConstruct,
  write: (line: string) => void = (line) => console.error(line),
): Problem[] {
  const warnings = findProblems(root).filter((p) => p.rule.severity === 'warning');
  [...new Set(warnings.map(formatProblem))].forEach((line) => write(line));
  return warnings;
}
