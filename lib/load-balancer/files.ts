import { App } from 'cdk8s';
import { OutputFile, checkedFiles } from '../common/output-files';
import { LoadBalancer } from './load-balancer';

/** One nginx file of an external-host load balancer. */
export interface LoadBalancerFile extends OutputFile {
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
    .flatMap((lb) => Object.entries(lb.files).map(([name, text]) => ({ loadBalancer: lb, from: lb, name, text })));
  return checkedFiles(
    files,
    'load balancer',
    'give the clusters (clusterName) or listeners (name) of the two load balancers distinct names',
  );
}
