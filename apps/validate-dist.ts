import * as path from 'path';
import { App } from 'cdk8s';
import { KraftCluster } from '../lib';
import { readManifests, validateManifests } from '../lib/tools';
import { APPS } from './registry';

// npm run validate:dist: checks every committed dist/<app>/ against the Strimzi release its
// clusters target (strict CRD schemas) and kubernetes-models (core objects).
let failed = false;
for (const name of Object.keys(APPS).sort()) {
  const app = new App({ outdir: path.join('dist', name) });
  APPS[name](app);
  const releases = [
    ...new Set(
      app.node
        .findAll()
        .filter((c): c is KraftCluster => c instanceof KraftCluster)
        .map((c) => c.release.tag),
    ),
  ].sort();
  for (const strimziVersion of releases) {
    const { checked, errors } = validateManifests(readManifests([app.outdir]), { strimziVersion });
    const total = Object.values(checked).reduce((a, b) => a + b, 0);
    errors.forEach((e) => console.error(`dist/${name}: ${e}`));
    console.log(`dist/${name} on Strimzi ${strimziVersion}: ${total} objects validated, ${errors.length} problem(s)`);
    failed ||= errors.length > 0;
  }
}
process.exit(failed ? 1 : 0);
