import { App } from 'cdk8s';
import { OutputFile, checkedFiles, writeOutputFiles } from '../common/output-files';
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

/**
 * Every error that would fail the synth of an app, as `[path] field = value: ... Fix: ... [rule]`
 * lines (what cdk8s validation reports). Renders every object and every file in memory; writes
 * nothing.
 */
export function checkApp(app: App, options: SynthAppOptions = {}): string[] {
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
  const files = appFiles(app, options);
  app.synth();
  return writeOutputFiles(app.outdir, files);
}
