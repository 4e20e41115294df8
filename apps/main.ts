import * as path from 'path';
import { App } from 'cdk8s';
import { printWarnings, writeArchitecture, writeClientConfigs, writeCrdReferences, writeLoadBalancerConfigs } from '../lib';
import { APPS } from './registry';

// Synthesizes every app under $CDK8S_OUTDIR/<app>/ (YAML, nginx files of external-host load
// balancers, ARCHITECTURE.md, a client connection file per KafkaUser). All apps are tried and
// every error reported together; on any error the process fails, so scripts/publish-dist.js never
// replaces dist/. Warnings are printed once on stderr.
const outdir = process.env.CDK8S_OUTDIR ?? 'dist';
const errors: string[] = [];
const warnings = new Set<string>();
for (const [name, build] of Object.entries(APPS).sort(([a], [b]) => (a < b ? -1 : 1))) {
  try {
    const app = new App({ outdir: path.join(outdir, name) });
    build(app);
    printWarnings(app, (line) => warnings.add(`app '${name}': ${line}`));
    app.synth();
    writeLoadBalancerConfigs(app);
    writeArchitecture(app, name);
    writeClientConfigs(app);
    writeCrdReferences(app);
  } catch (e) {
    errors.push(`app '${name}': ${(e as Error).message}`);
  }
}
if (warnings.size > 0) console.error([...warnings].join('\n'));
if (errors.length > 0) {
  console.error(`Synthesis failed; dist/ is left as it was.\n${errors.join('\n')}`);
  process.exit(1);
}
