import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { KraftCluster, KraftClusterProps } from '../../lib';

/** A chart holding one cluster, as tests build it. */
export function clusterChart(
  props: KraftClusterProps,
  id = 'my-cluster',
  then?: (c: KraftCluster) => void,
): { chart: Chart; cluster: KraftCluster } {
  const chart = Testing.chart();
  const cluster = new KraftCluster(chart, id, props);
  then?.(cluster);
  return { chart, cluster };
}

/** The synthesized objects of a chart, looked up by kind and name. */
export function synthObjects(chart: Chart): { all: any[]; get(kind: string, name: string): any } {
  const all = Testing.synth(chart);
  return {
    all,
    get(kind: string, name: string) {
      const hit = all.find((o) => o.kind === kind && o.metadata.name === name);
      if (!hit) throw new Error(`no ${kind} ${name} in ${all.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
      return hit;
    },
  };
}

/** The external listener's `brokers[]` of a synthesized Kafka. */
export function externalBrokers(kafka: any, name = 'external'): any[] {
  return kafka.spec.kafka.listeners.find((l: any) => l.name === name).configuration.brokers;
}

/** The messages cdk8s validation reports for a scope tree (what `synth` would fail with). */
export function validationErrors(scope: Construct): string[] {
  return scope.node.findAll().flatMap((c) => c.node.validate().map((m) => `[${c.node.path}] ${m}`));
}
