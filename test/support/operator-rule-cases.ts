import { ApiObject, App, Chart, Duration, Testing, YamlOutputType } from 'cdk8s';
import {
  KraftCluster,
  KraftClusterProps,
  NodePoolOptions,
  Storage,
  StrimziCrds,
  StrimziOperator,
  StrimziOperatorProps,
} from '../../lib';
import type { RuleCase } from './rule-cases';

const storage = Storage.persistentClaim({ size: '10Gi' });
const pools: Record<string, NodePoolOptions> = {
  broker: { roles: ['broker'], replicas: 3, storage },
  controller: { roles: ['controller'], replicas: 3, storage },
};
const enough = { requests: { memory: '512Mi' }, limits: { memory: '512Mi' } };

/** An app with one operator (valid defaults plus `props`) in a chart without a namespace. */
function op(props: StrimziOperatorProps = {}, app = Testing.app()): App {
  new StrimziOperator(new Chart(app, 'ops'), 'strimzi', { watchNamespaces: ['kafka'], resources: enough, ...props });
  return app;
}

/** An app with an operator and a cluster in namespace `namespace`. */
function withCluster(operator: StrimziOperatorProps, namespace: string, cluster: KraftClusterProps = {}): App {
  const app = op(operator);
  new KraftCluster(new Chart(app, 'kafka', { namespace }), 'c', { nodePools: pools, ...cluster });
  return app;
}

/**
 * The two-release app: operators and CRDs of 1.2.0 (watching 'kafka') and 0.43.0
 * (watching 'legacy'), a cluster of each release in the namespace its operator watches.
 */
export function twoReleases(): App {
  const app = Testing.app();
  const ops = new Chart(app, 'ops');
  new StrimziCrds(ops, 'crds', { strimziVersion: '1.2.0' });
  new StrimziOperator(ops, 'strimzi', { strimziVersion: '1.2.0', watchNamespaces: ['kafka'], resources: enough });
  const legacyOps = new Chart(app, 'legacy-ops');
  new StrimziCrds(legacyOps, 'crds', { strimziVersion: '0.43.0', referenceFolder: '01-crds' });
  new StrimziOperator(legacyOps, 'strimzi', {
    strimziVersion: '0.43.0',
    namespace: 'strimzi-legacy',
    watchNamespaces: ['legacy'],
    resources: enough,
    kubernetesVersion: '1.30',
  });
  new KraftCluster(new Chart(app, 'kafka', { namespace: 'kafka' }), 'events', { nodePools: pools });
  new KraftCluster(new Chart(app, 'legacy', { namespace: 'legacy' }), 'orders', {
    strimziVersion: '0.43.0',
    nodePools: pools,
  });
  return app;
}

/** One bad input per operator rule. */
export const OPERATOR_RULE_CASES: RuleCase[] = [
  {
    rule: 'operatorNamespaces',
    name: "watching 'Kafka_1' and 'kafka' twice",
    build: () => op({ watchNamespaces: ['Kafka_1', 'kafka', 'kafka'] }),
  },
  { rule: 'operatorNamespaces', name: "namespace 'Strimzi'", build: () => op({ namespace: 'Strimzi' }) },
  {
    rule: 'operatorWatchAnyWithList',
    name: 'watch-any and a list',
    build: () => op({ watchAnyNamespace: true, watchNamespaces: ['kafka'] }),
  },
  { rule: 'operatorReplicas', name: 'replicas 0', build: () => op({ replicas: 0 }) },
  {
    rule: 'operatorLeaderElection',
    name: '2 replicas without leader election',
    build: () => op({ replicas: 2, leaderElection: false }),
  },
  {
    rule: 'operatorPdb',
    name: 'minAvailable 1 of 1 replica',
    build: () => op({ podDisruptionBudget: { minAvailable: 1 } }),
  },
  {
    rule: 'operatorFeatureGate',
    name: "'+UseKRaft' on 0.43.0 (GA and removed in 0.42.0)",
    build: () => op({ strimziVersion: '0.43.0', kubernetesVersion: '1.30', featureGates: ['+UseKRaft'] }),
  },
  {
    rule: 'operatorFeatureGate',
    name: "'+KafkaNodePools' on 1.2.0",
    build: () => op({ featureGates: ['+KafkaNodePools'] }),
  },
  {
    rule: 'operatorFeatureGate',
    name: "'UseBackgroundPodDeletion' without a sign",
    build: () => op({ featureGates: ['UseBackgroundPodDeletion'] }),
  },
  {
    rule: 'operatorFeatureGateRepeated',
    name: 'Buildah gate twice',
    build: () => op({ featureGates: ['+UseConnectBuildWithBuildah', '-UseConnectBuildWithBuildah'] }),
  },
  { rule: 'operatorLogLevel', name: "log level 'VERBOSE'", build: () => op({ logLevel: 'VERBOSE' as any }) },
  {
    rule: 'operatorDurations',
    name: 'operation timeout 10 ms',
    build: () => op({ operationTimeout: Duration.millis(10) }),
  },
  { rule: 'operatorImage', name: "digest 'sha256:abc'", build: () => op({ image: { digest: 'sha256:abc' } }) },
  { rule: 'operatorMemory', name: "upstream's 384Mi", build: () => op({ resources: undefined }) },
  {
    rule: 'operatorKubernetesVersion',
    name: '0.43.0 without kubernetesVersion',
    build: () => op({ strimziVersion: '0.43.0' }),
  },
  {
    rule: 'operatorSingle',
    name: 'operators of 1.2.0 and 0.43.0 in one app',
    build: () => twoReleases(),
  },
  {
    rule: 'crdsSingle',
    name: 'two CRD sets of 1.2.0',
    build: () => {
      const app = op();
      new StrimziCrds(new Chart(app, 'crds'), 'a');
      new StrimziCrds(new Chart(app, 'crds2'), 'b', { referenceFolder: '01-crds' });
      return app;
    },
  },
  {
    rule: 'resourceServed',
    name: 'CRDs of 1.2.0 and a cluster of 0.43.0 (v1beta2), no operator',
    build: () => {
      const app = Testing.app();
      new StrimziCrds(new Chart(app, 'crds'), 'crds');
      new KraftCluster(new Chart(app, 'kafka', { namespace: 'kafka' }), 'c', {
        strimziVersion: '0.43.0',
        nodePools: pools,
      });
      return app;
    },
  },
  {
    rule: 'resourceServed',
    name: 'a KafkaMirrorMaker of your own on 0.48.0',
    build: () => {
      const app = op({ strimziVersion: '0.48.0' });
      new ApiObject(new Chart(app, 'mm', { namespace: 'kafka' }), 'mm', {
        apiVersion: 'kafka.strimzi.io/v1beta2',
        kind: 'KafkaMirrorMaker',
        metadata: { name: 'mm' },
      });
      return app;
    },
  },
  {
    rule: 'clusterScopedUnique',
    name: "createNamespaces and your own Namespace 'kafka'",
    build: () => {
      const app = op({ createNamespaces: true });
      new ApiObject(new Chart(app, 'mine'), 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kafka' } });
      return app;
    },
  },
  {
    rule: 'clusterWatched',
    name: "cluster in 'kafka', operator watching 'other'",
    build: () => withCluster({ watchNamespaces: ['other'] }, 'kafka'),
  },
  {
    rule: 'clusterOperatorRelease',
    name: 'cluster on 1.2.0, operator 0.43.0',
    build: () =>
      withCluster({ strimziVersion: '0.43.0', kubernetesVersion: '1.30' }, 'kafka', { strimziVersion: '1.2.0' }),
  },
  {
    rule: 'clusterOperatorRelease',
    name: 'cluster on 0.44.0 with Kafka 3.8.0, operator 0.43.0 (which runs 3.8.0)',
    build: () =>
      withCluster({ strimziVersion: '0.43.0', kubernetesVersion: '1.30' }, 'kafka', {
        strimziVersion: '0.44.0',
        kafkaVersion: '3.8.0',
      }),
  },
  {
    rule: 'crdsOperatorRelease',
    name: 'CRDs of 0.43.0 beside an operator of 1.2.0',
    build: () => {
      const app = op({ strimziVersion: '1.2.0' });
      new StrimziCrds(new Chart(app, 'crds'), 'crds', { strimziVersion: '0.43.0' });
      return app;
    },
  },
  {
    rule: 'outputFilesUnique',
    name: 'FILE_PER_RESOURCE with two watched namespaces',
    build: () =>
      op(
        { watchNamespaces: ['a', 'b'] },
        new App({ outdir: Testing.app().outdir, yamlOutputType: YamlOutputType.FILE_PER_RESOURCE }),
      ),
  },
];
