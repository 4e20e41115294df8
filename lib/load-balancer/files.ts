import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { LoadBalancer } from './load-balancer';

/**
 * Writes the nginx files of every external-host load balancer in the app into `app.outdir`
 * (`<cluster>-<listener>-lb.stream.conf` and `.nginx.conf`), sorted by name. Call it after
 * `app.synth()`, which validates the app first. Returns the paths written.
 */
export function writeLoadBalancerConfigs(app: App): string[] {
  const files = app.node.findAll()
    .filter((c): c is LoadBalancer => c instanceof LoadBalancer)
    .flatMap((lb) => Object.entries(lb.files).map(([name, text]) => ({ lb, name, text })))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Check every name before writing anything.
  files.forEach((f, i) => {
    const other = files[i - 1];
    if (other && other.name === f.name && other.lb !== f.lb) {
      throw new Error(`[${f.lb.node.path}] file ${f.name}: load balancer ${other.lb.node.path} writes a file of this name too. `
        + 'Fix: give the clusters (clusterName) or listeners (name) of the two load balancers distinct names');
    }
  });
  fs.mkdirSync(app.outdir, { recursive: true });
  return files.map(({ name, text }) => {
    const file = path.join(app.outdir, name);
    fs.writeFileSync(file, text);
    return file;
  });
}
