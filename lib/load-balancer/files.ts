import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { LoadBalancer } from './load-balancer';

/** One nginx file of an external-host load balancer. */
export interface LoadBalancerFile {
  /** File name inside the app's output folder. */
  readonly name: string;
  readonly text: string;
  readonly loadBalancer: LoadBalancer;
}

/**
 * The nginx files of every external-host load balancer in the app, sorted by name, rendered in
 * memory. Throws when two load balancers would write one name (synth validation reports that
 * first, as lb-file-names-unique).
 */
export function loadBalancerFiles(app: App): LoadBalancerFile[] {
  const files = app.node
    .findAll()
    .filter((c): c is LoadBalancer => c instanceof LoadBalancer)
    .flatMap((lb) => Object.entries(lb.files).map(([name, text]) => ({ loadBalancer: lb, name, text })))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  files.forEach((f, i) => {
    const other = files[i - 1];
    if (other && other.name === f.name && other.loadBalancer !== f.loadBalancer) {
      throw new Error(
        `[${f.loadBalancer.node.path}] file ${f.name}: load balancer ${other.loadBalancer.node.path} writes a ` +
          `file of this name too. ` +
          'Fix: give the clusters (clusterName) or listeners (name) of the two load balancers distinct names',
      );
    }
  });
  return files;
}

/**
 * Writes the nginx files of every external-host load balancer in the app into `app.outdir`
 * (`<cluster>-<listener>-lb.stream.conf` and `.nginx.conf`), sorted by name. Call it after
 * `app.synth()`, which validates the app first, or use `synthApp(app)`, which does both and
 * writes nothing unless every file can be written. Returns the paths written.
 */
export function writeLoadBalancerConfigs(app: App): string[] {
  return writeFiles(app.outdir, loadBalancerFiles(app));
}

/** Writes rendered files into a folder; returns their paths. */
export function writeFiles(outdir: string, files: readonly LoadBalancerFile[]): string[] {
  fs.mkdirSync(outdir, { recursive: true });
  return files.map(({ name, text }) => {
    const file = path.join(outdir, name);
    fs.writeFileSync(file, text);
    return file;
  });
}
