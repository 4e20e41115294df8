import { App, Chart } from 'cdk8s';
import { checkedArguments } from '../common/arguments';
import { clustersIn } from '../common/cluster';
import { OutputFile, OutputFileClash, checkedFiles, writeOutputFiles } from '../common/output-files';
import { findProblems } from '../common/problems';
import { plainSynth, setSynthHandler } from '../common/synth-hook';
import { formatProblem } from '../core/problem';
import { renderArchitecture } from '../diagram/architecture';
import { architectureOf } from '../diagram/write';
import { loadBalancerFiles } from '../load-balancer/files';
import { crdReferenceFiles } from '../operator/crds';
import { clientFiles } from '../users/client-config';

/** Options of synthApp and checkApp. */
export interface SynthAppOptions {
  /**
   * Also write `ARCHITECTURE.md` (a Mermaid diagram and every broker's path, as writeArchitecture) with this title.
   * @default - no ARCHITECTURE.md
   */
  readonly architectureTitle?: string;
}

/**
 * Every file of the app besides the YAML, rendered in memory: nginx files of external-host load
 * balancers, client connection files of KafkaUsers, CRD reference files, and ARCHITECTURE.md
 * when asked for. Throws when two would have one name.
 */
function appFiles(app: App, options: SynthAppOptions): OutputFile[] {
  const files: OutputFile[] = [...loadBalancerFiles(app), ...clientFiles(app), ...crdReferenceFiles(app)];
  if (options.architectureTitle !== undefined) {
    files.push({
      name: 'ARCHITECTURE.md',
      text: renderArchitecture(architectureOf(app, options.architectureTitle)),
      from: app,
    });
  }
  return checkedFiles(files, '', 'give the two distinct names');
}

/** The arguments of checkApp and synthApp, checked like props. */
export interface SynthAppArguments {
  /** The cdk8s App. */
  readonly app: App;
  /** The options. */
  readonly options: SynthAppOptions;
}

const APP_INSTANCE = { app: { test: (v: unknown) => v instanceof App, what: 'a cdk8s App' } };

/**
 * Every error that would fail the synth of an app, as `[path] field = value: ... Fix: ... [rule]`
 * lines (what cdk8s validation reports). Renders every object and every file in memory; writes
 * nothing.
 */
export function checkApp(app: App, options: SynthAppOptions = {}): string[] {
  checkedArguments<SynthAppArguments>(app, { app, options }, 'SynthAppArguments', APP_INSTANCE);
  const errors = app.node.findAll().flatMap((c) => c.node.validate().map((m) => `[${c.node.path}] ${m}`));
  if (errors.length > 0) return errors;
  for (const chart of app.charts) chart.toJson();
  appFiles(app, options);
  return [];
}

/**
 * Synthesizes an app all or nothing: checks every object and renders every file first (nginx
 * files, client connection files, CRD references, ARCHITECTURE.md when asked for), then writes
 * the YAML (`app.synth()`) and those files into `app.outdir`. On any error it throws, listing
 * every problem, before anything (not even the folder) is written. Returns the files written
 * besides the YAML.
 */
export function synthApp(app: App, options: SynthAppOptions = {}): string[] {
  const errors = checkApp(app, options);
  if (errors.length > 0) throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
  return writeChecked(app, options);
}

/** Writes a checked app: the YAML (cdk8s's own synth), then the files beside it. */
function writeChecked(app: App, options: SynthAppOptions): string[] {
  const files = appFiles(app, options);
  plainSynth(app);
  return writeOutputFiles(app.outdir, files);
}

/** The title of the ARCHITECTURE.md `app.synth()` writes: the ids of the charts holding a cluster (none: no file). */
export function defaultArchitectureTitle(app: App): string | undefined {
  const ids = [...new Set(clustersIn(app).map((c) => Chart.of(c).node.id))].sort();
  return ids.length > 0 ? ids.join(', ') : undefined;
}

/**
 * What `app.synth()` does once a construct of this library joined the app (see
 * common/synth-hook.ts): synthApp with ARCHITECTURE.md, after printing every warning once on
 * stderr. On an error it writes nothing; under `cdk8s synth` (which passes `CDK8S_OUTDIR` to the
 * app) it prints the errors, then the warnings, one line each, and exits 1 (no stack trace); in
 * your own code (tests) it throws an Error listing the errors.
 */
function synthEverything(app: App): void {
  const options: SynthAppOptions = { architectureTitle: defaultArchitectureTitle(app) };
  const warnings = [
    ...new Set(
      findProblems(app)
        .filter((p) => p.rule.severity === 'warning')
        .map(formatProblem),
    ),
  ];
  const cli = process.env.CDK8S_OUTDIR !== undefined;
  let errors: string[];
  try {
    errors = checkApp(app, options);
  } catch (e) {
    // two files of one name: a one-line message naming both; anything else is a bug, with its stack
    if (!cli || !(e instanceof OutputFileClash)) throw e;
    errors = [e.message];
  }
  if (errors.length > 0) {
    if (!cli) throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
    process.stderr.write(`${[...errors, ...warnings].join('\n')}\n`);
    process.exit(1);
  }
  warnings.forEach((w) => console.error(w));
  writeChecked(app, options);
}

setSynthHandler(synthEverything);
