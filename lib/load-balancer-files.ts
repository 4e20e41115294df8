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
    .flatMap((lb) => Object.entries(lb.files))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const seen = new Set<string>();
  return files.map(([name, text]) => {
    if (seen.has(name)) throw new Error(`two load balancers would both write ${name}; give their clusters or listeners distinct names`);
    seen.add(name);
    const file = path.join(app.outdir, name);
    fs.mkdirSync(app.outdir, { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  });
}
