import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { renderArchitecture } from '../diagram/architecture';
import { architectureOf } from '../diagram/write';
import { loadBalancerFiles } from '../load-balancer/files';
import { StrimziCrds } from '../operator/crds';
import { KafkaUser } from '../users/kafka-user';
import { clientFileName, renderClientFile } from '../users/client-config';

/** Options of synthApp and checkApp. */
export interface SynthAppOptions {
  /**
   * Also write `ARCHITECTURE.md` (see renderArchitecture) with this title.
   * @default - no ARCHITECTURE.md
   */
  readonly architectureTitle?: string;
}

/** One file besides the YAML, rendered in memory. */
interface AppFile {
  readonly name: string;
  readonly text: string;
  /** Construct path of what writes it, for clashes. */
  readonly from: string;
}

/**
 * Every file of the app besides the YAML, rendered in memory: nginx files of external-host load
 * balancers, client connection files of KafkaUsers, CRD reference files, and ARCHITECTURE.md
 * when asked for. Throws when two would have one name.
 */
function appFiles(app: App, options: SynthAppOptions): AppFile[] {
  const files: AppFile[] = [
    ...loadBalancerFiles(app).map((f) => ({ name: f.name, text: f.text, from: f.loadBalancer.node.path })),
    ...app.node
      .findAll()
      .filter((c): c is KafkaUser => c instanceof KafkaUser)
      .map((u) => ({ name: clientFileName(u), text: renderClientFile(u), from: u.node.path })),
    ...app.node
      .findAll()
      .filter((c): c is StrimziCrds => c instanceof StrimziCrds)
      .flatMap((c) => Object.entries(c.files).map(([name, text]) => ({ name, text, from: c.node.path }))),
    ...(options.architectureTitle !== undefined
      ? [
          {
            name: 'ARCHITECTURE.md',
            text: renderArchitecture(architectureOf(app, options.architectureTitle)),
            from: app.node.path,
          },
        ]
      : []),
  ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  files.forEach((f, i) => {
    const other = files[i - 1];
    if (other && other.name === f.name) {
      throw new Error(
        `[${f.from}] file ${f.name}: ${other.from} writes a file of this name too. Fix: give the two distinct names`,
      );
    }
  });
  return files;
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
  return files.map(({ name, text }) => {
    const file = path.join(app.outdir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  });
}
