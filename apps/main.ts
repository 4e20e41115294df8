import * as path from 'path';
import { App } from 'cdk8s';
import { checkApp, printWarnings, synthApp } from '../lib';
import { APPS } from './registry';

// Synthesizes every app under $CDK8S_OUTDIR/<app>/ (YAML, nginx files of external-host load
// balancers, ARCHITECTURE.md, a client connection file per KafkaUser, CRD references). Every app
// is built and checked (objects and every file rendered in memory) before any file of any app is
// written; on any error all of them are reported together, nothing is written, and the process
// fails, so scripts/publish-dist.js never replaces dist/. Warnings are printed once on stderr.
const outdir = process.env.CDK8S_OUTDIR ?? 'dist';
const errors: string[] = [];
const warnings = new Set<string>();
const apps = Object.entries(APPS)
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([name, build]) => {
    try {
      const app = new App({ outdir: path.join(outdir, name) });
      build(app);
      printWarnings(app, (line) => warnings.add(`app '${name}': ${line}`));
      const problems = checkApp(app, { architectureTitle: name });
      if (problems.length > 0)
        errors.push(`app '${name}': Validation failed with the following errors:\n  ${problems.join('\n  ')}`);
      return { name, app };
    } catch (e) {
      errors.push(`app '${name}': ${(e as Error).message}`);
      return undefined;
    }
  });
if (warnings.size > 0) console.error([...warnings].join('\n'));
if (errors.length > 0) {
  console.error(`Synthesis failed; dist/ is left as it was.\n${errors.join('\n')}`);
  process.exit(1);
}
apps.forEach((a) => synthApp(a!.app, { architectureTitle: a!.name }));
