import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ArchitectureInput, ClusterArchitecture, ExternalListenerArchitecture, OperatorArchitecture, renderArchitecture } from './architecture';
import { KraftCluster } from '../kraft-cluster';
import { LoadBalancer } from '../load-balancer';

/** The architecture of one cluster, read from its model (the facts its YAML and nginx files were rendered from). */
export function clusterArchitecture(cluster: KraftCluster): ClusterArchitecture {
  const model = cluster.model;
  const lbs = cluster.node.findAll().filter((c): c is LoadBalancer => c instanceof LoadBalancer);
  const externalListeners: ExternalListenerArchitecture[] = model.nodePortListeners.map((l) => {
    const lb = lbs.find((x) => x.listener === l);
    const first = l.brokers[0];
    return {
      name: l.listener.name,
      port: l.listener.port,
      tls: l.listener.tls,
      bootstrap: {
        advertisedHost: first?.advertisedHost ?? l.listener.advertisedHost,
        port: l.listener.bootstrapPort,
        nodePort: l.listener.bootstrapNodePort,
        serviceName: l.bootstrapServiceName,
      },
      brokers: l.brokers.map((b) => ({
        nodeId: b.nodeId,
        pool: b.pool,
        advertisedHost: b.advertisedHost,
        advertisedPort: b.advertisedPort,
        loadBalancerPort: lb ? b.advertisedPort : undefined,
        nodePort: b.nodePort,
        serviceName: b.serviceName,
        podName: `${cluster.clusterName}-${b.pool}-${b.nodeId}`,
      })),
      loadBalancer: lb ? { name: lb.baseName, shape: lb.externalHost ? 'external-host' : 'in-cluster', workers: lb.externalHost?.workers ?? [] } : undefined,
    };
  });
  return {
    name: cluster.clusterName,
    namespace: Chart.of(cluster).namespace,
    description: `Strimzi ${cluster.release.tag}, Kafka ${cluster.kafkaVersion}, ${cluster.apiVersion}`,
    pools: model.pools.map((p) => ({ name: p.pool.name, roles: [...p.pool.roles], nodeIds: p.nodeIds })),
    externalListeners,
  };
}

/** The architecture of every KraftCluster under `scope`. */
export function architectureOf(scope: IConstruct, title: string, operator?: OperatorArchitecture): ArchitectureInput {
  const clusters = scope.node.findAll().filter((c): c is KraftCluster => c instanceof KraftCluster);
  return { title, clusters: clusters.map(clusterArchitecture), operator };
}

/**
 * Writes `ARCHITECTURE.md` (see renderArchitecture) for every cluster of the app into
 * `app.outdir`. Call it after `app.synth()`, which validates the app first. Returns the path.
 */
export function writeArchitecture(app: App, title: string = path.basename(app.outdir)): string {
  const file = path.join(app.outdir, 'ARCHITECTURE.md');
  fs.mkdirSync(app.outdir, { recursive: true });
  fs.writeFileSync(file, renderArchitecture(architectureOf(app, title)));
  return file;
}
