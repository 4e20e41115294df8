import { Chart, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import {
  ExternalNodePortListenerOptions,
  KafkaTopic,
  KafkaUser,
  KraftCluster,
  KraftClusterProps,
  LoadBalancerShape,
  NodePoolOptions,
  Storage,
  StrimziCrds,
  StrimziOperator,
} from '../../lib';
import type { RuleCase } from './rule-cases';

// Bad inputs a JavaScript or JSON user passes (the TypeScript types are no defence), and the
// silent acceptances of issue 9: each breaks one rule (test/rules.test.ts checks the messages).
const storage = Storage.persistentClaim({ size: '10Gi' });
const controller: NodePoolOptions = { roles: ['controller'], replicas: 3, storage };
const broker: NodePoolOptions = { roles: ['broker'], replicas: 3, storage };
const pools = { broker, controller };
const external: ExternalNodePortListenerOptions = {
  bootstrapNodePort: 32100,
  advertisedHost: 'kafka.example.com',
  advertisedPortBase: 8091,
  tls: true,
  authentication: { type: 'scram-sha-512' },
};
const workers = ['10.0.0.1', '10.0.0.2'];
const js = (v: unknown) => v as any; // what a JavaScript caller can pass

function cluster(props: KraftClusterProps = {}, then?: (c: KraftCluster) => void): IConstruct {
  const chart = Testing.chart();
  const c = new KraftCluster(chart, 'c', { nodePools: pools, ...props });
  then?.(c);
  return chart;
}
const pool = (extra: object) => cluster({ nodePools: { broker: { ...broker, ...extra }, controller } });
const lb = (shape: LoadBalancerShape, props: KraftClusterProps = {}) =>
  cluster({ nodePortListeners: [external], ...props }, (c) => c.addLoadBalancer('lb', { shape }));
const twoClusters = (a: { ns: string; name: string }, b: { ns: string; name: string }) => {
  const app = Testing.app();
  for (const [i, x] of [a, b].entries())
    new KraftCluster(new Chart(app, `chart${i}`, { namespace: x.ns }), x.name, { nodePools: pools });
  return app;
};

/** A chart with a cluster `c` and whatever `then` adds beside it (users, topics). */
const beside = (then: (chart: Chart, c: KraftCluster) => void) => cluster({}, (c) => then(Chart.of(c) as Chart, c));
/** A chart without namespace holding what `then` adds (operators, CRDs). */
const ops = (then: (chart: Chart) => void) => {
  const chart = new Chart(Testing.app(), 'ops');
  then(chart);
  return chart;
};

export const INPUT_RULE_CASES: RuleCase[] = [
  { rule: 'propUnknown', name: "pool 'replica: 4' (a typo)", build: () => pool({ replica: 4 }) },
  {
    rule: 'propUnknown',
    name: "listener 'advertizedHost' and 'tlsEnabled'",
    build: () =>
      cluster({
        nodePortListeners: [{ ...external, ...js({ advertizedHost: 'kafka.example.com', tlsEnabled: true }) }],
      }),
  },
  { rule: 'propType', name: "replicas '3' (a string)", build: () => pool({ replicas: '3' }) },
  { rule: 'propType', name: 'storage 1.5', build: () => pool({ storage: 1.5 }) },
  { rule: 'propType', name: "nodeIds 'NaN'", build: () => pool({ nodeIds: 'NaN' }) },
  {
    rule: 'propType',
    name: "tls 'false' and cruiseControl 'false'",
    build: () => cluster({ cruiseControl: js('false'), nodePortListeners: [{ ...external, tls: js('false') }] }),
  },
  {
    rule: 'propType',
    name: 'tls new Date(0)',
    build: () => cluster({ listeners: [{ name: 'plain', port: 9092, tls: js(new Date(0)) }] }),
  },
  {
    rule: 'propType',
    name: 'a listener without a name',
    build: () => cluster({ listeners: [{ name: js(undefined), port: 9092 }] }),
  },
  {
    rule: 'propType',
    name: 'persistent-claim options null',
    build: () => pool({ storage: Storage.persistentClaim(js(null)) }),
  },
  {
    rule: 'propType',
    name: "proxyTimeout 'x'",
    build: () =>
      cluster({ nodePortListeners: [external] }, (c) =>
        c.addLoadBalancer('lb', { shape: LoadBalancerShape.externalHost({ workers }), proxyTimeout: js('x') }),
      ),
  },
  {
    rule: 'namespaceName',
    name: 'a BigInt namespace',
    build: () => new KraftCluster(new Chart(Testing.app(), 'n', { namespace: js(10n) }), 'c', { nodePools: pools }),
  },
  {
    rule: 'scaleUpRangeValid',
    name: 'scale-up range 0 to 1e12 (no loop over it)',
    build: () => pool({ scaleUpNodeIds: { from: 0, to: 1e12 } }),
  },
  {
    rule: 'serviceNameLength',
    name: 'a 50-character cluster name: <cluster>-kafka-bootstrap is 66',
    build: () => cluster({ clusterName: `c${'x'.repeat(49)}`, nodePools: { b: broker, c: controller } }),
  },
  {
    rule: 'kafkaNameUnique',
    name: 'two clusters of one name in one namespace',
    build: () => twoClusters({ ns: 'kafka', name: 'c' }, { ns: 'kafka', name: 'c' }),
  },
  {
    rule: 'poolNameUniqueInNamespace',
    name: 'two clusters in one namespace with pools of one name',
    build: () => twoClusters({ ns: 'kafka', name: 'a' }, { ns: 'kafka', name: 'b' }),
  },
  {
    rule: 'advertisedPort',
    name: 'advertisedPortBase 65534: broker 2 advertises 65536',
    build: () => cluster({ nodePortListeners: [{ ...external, advertisedPortBase: 65534 }] }),
  },
  {
    rule: 'lbNodePortsDisjoint',
    name: "an in-cluster NodePort Service on broker 1's NodePort 32102",
    build: () =>
      lb(LoadBalancerShape.inCluster({ serviceType: 'NodePort' }), {
        nodePortListeners: [{ ...external, bootstrapPort: 32102, advertisedPortBase: 31000 }],
      }),
  },
  {
    rule: 'storageSize',
    name: "size '-8Gi'",
    build: () => pool({ storage: Storage.persistentClaim({ size: '-8Gi' }) }),
  },
  {
    rule: 'storageSize',
    name: 'a persistent claim without size',
    build: () => pool({ storage: Storage.persistentClaim(js({ storageClass: 'standard' })) }),
  },
  {
    rule: 'resourceQuantity',
    name: "memory request '-1Gi'",
    build: () => pool({ resources: { requests: { memory: '-1Gi' } } }),
  },
  {
    rule: 'configForbidden',
    name: "'Advertised.Listeners' (the operator lower-cases keys)",
    build: () => cluster({ config: { 'Advertised.Listeners': 'x' } }),
  },
  {
    rule: 'configEntry',
    name: 'config values null and an object',
    build: () => cluster({ config: js({ 'num.partitions': null, 'log.retention.hours': { h: 1 } }) }),
  },
  { rule: 'configEntry', name: "config key 'a b;c'", build: () => cluster({ config: { 'a b;c': 1 } }) },
  {
    rule: 'lbPathSyntax',
    name: 'pidFile with an injected user directive',
    build: () => lb(LoadBalancerShape.externalHost({ workers, pidFile: '/run/x.pid;\n user www-data' })),
  },
  {
    rule: 'lbPathSyntax',
    name: 'errorLog with an injected user directive',
    build: () => lb(LoadBalancerShape.externalHost({ workers, errorLog: 'stderr;\nuser www-data' })),
  },
  {
    rule: 'lbClusterDomain',
    name: 'clusterDomain with an injected user directive',
    build: () => lb(LoadBalancerShape.inCluster({ clusterDomain: 'cluster.local;\n user www-data' }), {}),
  },
  {
    rule: 'lbImage',
    name: "image 'nginx latest'",
    build: () => lb(LoadBalancerShape.inCluster({ image: 'nginx latest' })),
  },
  {
    rule: 'lbImage',
    name: "imageDigest 'sha256:abc'",
    build: () => lb(LoadBalancerShape.inCluster({ imageDigest: 'sha256:abc' })),
  },
  {
    rule: 'poolName',
    name: 'a pool named with a bracket and a line break (the path stays one line)',
    build: () => cluster({ nodePools: { 'a]b\nc': broker, controller } }),
  },
  {
    rule: 'propType',
    name: "a user without cluster, acls 'x' and quotas []",
    build: () =>
      beside((chart) => new KafkaUser(chart, 'u', js({ authentication: { type: 'tls' }, acls: 'x', quotas: [] }))),
  },
  {
    rule: 'propType',
    name: 'an ACL with resource 5 and operations Read (a string)',
    build: () =>
      beside(
        (chart, c) =>
          new KafkaUser(chart, 'u', {
            cluster: c,
            authentication: { type: 'scram-sha-512' },
            acls: [js(7), { resource: js(5), operations: js('Read') }],
          }),
      ),
  },
  {
    rule: 'aclResource',
    name: "resource type 'table' after a garbage entry (its index is kept)",
    build: () =>
      beside(
        (chart, c) =>
          new KafkaUser(chart, 'u', {
            cluster: c,
            authentication: { type: 'scram-sha-512' },
            acls: [js(null), js({ resource: { type: 'table', name: 5 }, operations: ['Read', 7] })],
          }),
      ),
  },
  {
    rule: 'propUnknown',
    name: "user 'acl' (a typo)",
    build: () =>
      beside((chart, c) => new KafkaUser(chart, 'u', js({ cluster: c, authentication: { type: 'tls' }, acl: [] }))),
  },
  { rule: 'propType', name: 'topic props null', build: () => beside((chart) => new KafkaTopic(chart, 't', js(null))) },
  {
    rule: 'propType',
    name: "topic cluster 5, partitions 'x', config value null",
    build: () =>
      beside((chart) => new KafkaTopic(chart, 't', js({ cluster: 5, partitions: 'x', config: { x: null } }))),
  },
  {
    rule: 'propUnknown',
    name: "topic 'topicNme' (a typo)",
    build: () => beside((chart, c) => new KafkaTopic(chart, 't', js({ cluster: c, topicNme: 'orders' }))),
  },
  {
    rule: 'propType',
    name: "operator featureGates 'x', replicas '2', env [1]",
    build: () => ops((chart) => new StrimziOperator(chart, 'o', js({ featureGates: 'x', replicas: '2', env: [1] }))),
  },
  {
    rule: 'propType',
    name: 'operator props null',
    build: () => ops((chart) => new StrimziOperator(chart, 'o', js(null))),
  },
  {
    rule: 'propUnknown',
    name: "operator 'watchNamespace' (a typo)",
    build: () => ops((chart) => new StrimziOperator(chart, 'o', js({ watchNamespace: ['kafka'] }))),
  },
  {
    rule: 'propType',
    name: 'CRDs from 7 and strimziVersion 5',
    build: () => ops((chart) => new StrimziCrds(chart, 'crds', js({ from: 7, strimziVersion: 5 }))),
  },
  {
    rule: 'releaseKnown',
    name: 'CRDs of Strimzi 0.40.0',
    build: () => ops((chart) => new StrimziCrds(chart, 'crds', { strimziVersion: '0.40.0' })),
  },
  {
    rule: 'propType',
    name: 'CRDs from a missing file',
    build: () => ops((chart) => new StrimziCrds(chart, 'crds', js({ from: '/nonexistent/crds.yaml' }))),
  },
  {
    rule: 'propType',
    name: "CRD reference folder '../../etc' (outside the output folder)",
    build: () => ops((chart) => new StrimziCrds(chart, 'crds', js({ referenceFolder: '../../etc' }))),
  },
  {
    rule: 'propUnknown',
    name: "CRDs 'form' (a typo)",
    build: () => ops((chart) => new StrimziCrds(chart, 'crds', js({ form: 'crds.yaml' }))),
  },
  {
    rule: 'listenerName',
    name: 'a nodeport listener named with a bracket',
    build: () => cluster({ nodePortListeners: [{ ...external, name: 'x]y' }] }),
  },
];

/** What each case above must report (construct path, field, value, message, fix, rule). */
export const INPUT_EXPECTED: Record<string, string[]> = {
  "propType | replicas '3' (a string)": [
    '[test/c/broker] replicas = "3": a string, not an integer. Fix: pass an integer [prop-type]',
  ],
  "propUnknown | pool 'replica: 4' (a typo)": [
    "[test/c/broker] replica = 4: no such prop; it would be ignored. Fix: did you mean 'replicas'? Otherwise remove it [prop-unknown]",
  ],
  "propUnknown | listener 'advertizedHost' and 'tlsEnabled'": [
    '[test/c/external-listener] advertizedHost = "kafka.example.com": no such prop; it would be ignored. Fix: did you mean \'advertisedHost\'? Otherwise remove it [prop-unknown]',
    '[test/c/external-listener] tlsEnabled = true: no such prop; it would be ignored. Fix: remove it (fields: advertisedHost, advertisedPortBase, authentication, bootstrapNodePort, bootstrapPort, brokers, externalTrafficPolicy, name, nodePortBase, port, tls) [prop-unknown]',
  ],
  'propType | storage 1.5': [
    '[test/c/broker] storage = 1.5: a number, not Storage.persistentClaim(...), Storage.ephemeral(...) or Storage.jbod(...). Fix: pass Storage.persistentClaim(...), Storage.ephemeral(...) or Storage.jbod(...) [prop-type]',
  ],
  "propType | nodeIds 'NaN'": [
    '[test/c/broker] nodeIds = "NaN": a string, not an array (at most 1000 entries). Fix: pass an array (at most 1000 entries) [prop-type]',
  ],
  "propType | tls 'false' and cruiseControl 'false'": [
    '[test/c] cruiseControl = "false": a string, not true or false. Fix: pass true or false [prop-type]',
    '[test/c/external-listener] tls = "false": a string, not true or false. Fix: pass true or false [prop-type]',
  ],
  'propType | tls new Date(0)': [
    '[test/c] listeners[0].tls = "1970-01-01T00:00:00.000Z": a Date, not true or false. Fix: pass true or false [prop-type]',
  ],
  'propType | a listener without a name': [
    '[test/c] listeners[0].name: missing; it is required. Fix: pass a string [prop-type]',
  ],
  'propType | persistent-claim options null': [
    '[test/c/broker] storage = null: null, not an object { size, storageClass, deleteClaim, kraftMetadata, selector }. Fix: pass an object { size, storageClass, deleteClaim, kraftMetadata, selector } [prop-type]',
  ],
  "propType | proxyTimeout 'x'": [
    '[test/c/lb] proxyTimeout = "x": a string, not a Duration, e.g. Duration.seconds(2). Fix: pass a Duration, e.g. Duration.seconds(2) [prop-type]',
  ],
  'namespaceName | a BigInt namespace': [
    '[n/c] namespace = "10n": the chart\'s namespace is not a DNS label. Fix: use lower-case letters, digits and - [namespace-name]',
  ],
  'scaleUpRangeValid | scale-up range 0 to 1e12 (no loop over it)': [
    '[test/c/broker] scaleUpNodeIds = {"from":0,"to":1000000000000}: not a range of integers with 0 <= from <= to <= 2147483647. Fix: give { from, to } with 0 <= from <= to <= 2147483647 [scale-up-range-valid]',
  ],
  'serviceNameLength | a 50-character cluster name: <cluster>-kafka-bootstrap is 66': [
    '[test/c] clusterName = "cxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-kafka-bootstrap": the operator would create Service cxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-kafka-bootstrap, 66 characters (63 at most). Fix: shorten the cluster, pool or listener name [service-name-length]',
    '[test/c] clusterName = "cxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-kafka-brokers": the operator would create Service cxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-kafka-brokers, 64 characters (63 at most). Fix: shorten the cluster, pool or listener name [service-name-length]',
  ],
  'kafkaNameUnique | two clusters of one name in one namespace': [
    '[chart1/c] clusterName = "c": cluster chart0/c is a Kafka of this name in namespace kafka too. Fix: give every cluster of a namespace its own clusterName, or put the charts in different namespaces [kafka-name-unique]',
  ],
  'poolNameUniqueInNamespace | two clusters in one namespace with pools of one name': [
    "[chart1/b/broker] name = \"broker\": pool chart0/a/broker is a KafkaNodePool of this name in namespace kafka too. Fix: prefix pool names with the cluster's name, e.g. 'orders-broker', or use different namespaces [pool-name-unique-in-namespace]",
    "[chart1/b/controller] name = \"controller\": pool chart0/a/controller is a KafkaNodePool of this name in namespace kafka too. Fix: prefix pool names with the cluster's name, e.g. 'orders-broker', or use different namespaces [pool-name-unique-in-namespace]",
  ],
  'advertisedPort | advertisedPortBase 65534: broker 2 advertises 65536': [
    '[test/c/external-listener] advertisedPortBase = 65534: the advertised port of broker 2 (base + node ID = 65536) is outside 1-65535. Fix: lower the base or give the broker an advertisedPort [advertised-port]',
  ],
  "lbNodePortsDisjoint | an in-cluster NodePort Service on broker 1's NodePort 32102": [
    "[test/c/lb] listenPorts = 32102: the Service would take NodePort 32102, which is the NodePort of test/c broker 1. Fix: give the load balancer (bootstrapPort, advertisedPortBase) ports outside the brokers' NodePorts, or use serviceType 'LoadBalancer' [lb-node-ports-disjoint]",
  ],
  "storageSize | size '-8Gi'": [
    '[test/c/broker] storage.size = "-8Gi": not a positive Kubernetes quantity. Fix: write a quantity such as \'100Gi\' [storage-size]',
  ],
  'storageSize | a persistent claim without size': [
    "[test/c/broker] storage.size: a persistent-claim volume needs a size. Fix: give its size, e.g. size: '100Gi' [storage-size]",
  ],
  "resourceQuantity | memory request '-1Gi'": [
    '[test/c/broker] resources.requests.memory = "-1Gi": not a positive Kubernetes quantity. Fix: write e.g. \'8Gi\' [resource-quantity]',
  ],
  "configForbidden | 'Advertised.Listeners' (the operator lower-cases keys)": [
    "[test/c] config['Advertised.Listeners'] = \"x\": Strimzi 1.2.0 manages 'advertised.*' keys itself (in any case) and would drop this one silently. Fix: remove it; configure it through the typed props (listeners, authentication, storage) instead [config-forbidden]",
  ],
  'configEntry | config values null and an object': [
    "[test/c] config['log.retention.hours'] = {\"h\":1}: not a string, a finite number or a boolean; the operator rejects it. Fix: give the value as Kafka expects it, e.g. 3, true or '168' [config-entry]",
    "[test/c] config['num.partitions'] = null: not a string, a finite number or a boolean; the operator rejects it. Fix: give the value as Kafka expects it, e.g. 3, true or '168' [config-entry]",
  ],
  "configEntry | config key 'a b;c'": [
    "[test/c] config['a b;c'] = 1: the key is not a Kafka property name (letters, digits, ., _ and -). Fix: use the property name from the Kafka documentation, e.g. 'num.partitions' [config-entry]",
  ],
  'lbPathSyntax | pidFile with an injected user directive': [
    '[test/c/lb] shape.externalHost.pidFile = "/run/x.pid;\\n user www-data": not an absolute path (letters, digits, ., _, - and /) for the pid file. Fix: use a plain absolute path such as \'/run/nginx.pid\' [lb-path-syntax]',
  ],
  'lbPathSyntax | errorLog with an injected user directive': [
    "[test/c/lb] shape.externalHost.errorLog = \"stderr;\\nuser www-data\": not 'stderr' or an absolute path (letters, digits, ., _, - and /). Fix: use a plain absolute path such as '/run/nginx.pid' [lb-path-syntax]",
  ],
  'lbClusterDomain | clusterDomain with an injected user directive': [
    "[test/c/lb] shape.inCluster.clusterDomain = \"cluster.local;\\n user www-data\": not a DNS subdomain (lower-case labels separated by dots). Fix: use your cluster's DNS domain, e.g. 'cluster.local' [lb-cluster-domain]",
  ],
  "lbImage | image 'nginx latest'": [
    "[test/c/lb] shape.inCluster.image = \"nginx latest\": not an image reference such as nginx:1.27.3-alpine. Fix: give repository and tag, e.g. 'nginx:1.27.3-alpine' or 'registry.example.com/nginx:1.27' [lb-image]",
  ],
  "lbImage | imageDigest 'sha256:abc'": [
    '[test/c/lb] shape.inCluster.imageDigest = "sha256:abc": not a digest \'sha256:\' followed by 64 hex digits. Fix: copy the digest from `docker buildx imagetools inspect <image>` or your registry [lb-image]',
  ],
  'poolName | a pool named with a bracket and a line break (the path stays one line)': [
    "[test/c/pool-1] name = \"a]b\\nc\": not a lower-case DNS label of at most 63 characters. Fix: use lower-case letters, digits and '-', e.g. 'broker' [pool-name]",
  ],
  'listenerName | a nodeport listener named with a bracket': [
    '[test/c/listener-3] name = "x]y": not 1 to 11 lower-case letters or digits. Fix: rename the listener, e.g. \'external\' [listener-name]',
  ],
  "propType | a user without cluster, acls 'x' and quotas []": [
    '[test/u] cluster: missing; it is required. Fix: pass a cluster (a KraftCluster, KraftCluster.fromAttributes(...), or another ICluster) [prop-type]',
    '[test/u] acls = "x": a string, not an array (at most 1000 entries). Fix: pass an array (at most 1000 entries) [prop-type]',
    '[test/u] quotas = []: an array, not an object { producerByteRate, consumerByteRate, requestPercentage, controllerMutationRate }. Fix: pass an object { producerByteRate, consumerByteRate, requestPercentage, controllerMutationRate } [prop-type]',
  ],
  'propType | an ACL with resource 5 and operations Read (a string)': [
    '[test/u] acls[0] = 7: a number, not an object { resource, operations, type, host }. Fix: pass an object { resource, operations, type, host } [prop-type]',
    '[test/u] acls[1].resource = 5: a number, not an object { type, name, patternType }. Fix: pass an object { type, name, patternType } [prop-type]',
    '[test/u] acls[1].operations = "Read": a string, not an array (at most 50 entries). Fix: pass an array (at most 50 entries) [prop-type]',
  ],
  "propUnknown | user 'acl' (a typo)": [
    "[test/u] acl = []: no such prop; it would be ignored. Fix: did you mean 'acls'? Otherwise remove it [prop-unknown]",
  ],
  'propType | topic props null': [
    '[test/t] props = null: null, not an object { cluster, topicName, resourceName, partitions, replicas, config, uncheckedConfig }. Fix: pass an object { cluster, topicName, resourceName, partitions, replicas, config, uncheckedConfig } [prop-type]',
  ],
  "propType | topic cluster 5, partitions 'x', config value null": [
    '[test/t] cluster = 5: a number, not a cluster (a KraftCluster, KraftCluster.fromAttributes(...), or another ICluster). Fix: pass a cluster (a KraftCluster, KraftCluster.fromAttributes(...), or another ICluster) [prop-type]',
    '[test/t] partitions = "x": a string, not an integer. Fix: pass an integer [prop-type]',
    "[test/t] config['x'] = null: null, not a string, a finite number or true/false. Fix: pass a string, a finite number or true/false [prop-type]",
  ],
  "propUnknown | topic 'topicNme' (a typo)": [
    '[test/t] topicNme = "orders": no such prop; it would be ignored. Fix: did you mean \'topicName\'? Otherwise remove it [prop-unknown]',
  ],
  "propType | operator featureGates 'x', replicas '2', env [1]": [
    '[ops/o] replicas = "2": a string, not an integer. Fix: pass an integer [prop-type]',
    '[ops/o] featureGates = "x": a string, not an array (at most 100 entries). Fix: pass an array (at most 100 entries) [prop-type]',
    '[ops/o] env = [1]: an array, not an object of at most 200 entries. Fix: pass an object of at most 200 entries [prop-type]',
  ],
  'propType | operator props null': [
    '[ops/o] props = null: null, not an object { strimziVersion, namespace, watchNamespaces, watchAnyNamespace, createNamespaces, replicas, leaderElection, resources, featureGates, image, imagePullSecrets, logLevel, fullReconciliationInterval, operationTimeout, env, nodeSelector, tolerations, affinity, podDisruptionBudget, kubernetesVersion }. Fix: pass an object { strimziVersion, namespace, watchNamespaces, watchAnyNamespace, createNamespaces, replicas, leaderElection, resources, featureGates, image, imagePullSecrets, logLevel, fullReconciliationInterval, operationTimeout, env, nodeSelector, tolerations, affinity, podDisruptionBudget, kubernetesVersion } [prop-type]',
  ],
  "propUnknown | operator 'watchNamespace' (a typo)": [
    '[ops/o] watchNamespace = ["kafka"]: no such prop; it would be ignored. Fix: did you mean \'watchNamespaces\'? Otherwise remove it [prop-unknown]',
  ],
  'propType | CRDs from 7 and strimziVersion 5': [
    '[ops/crds] strimziVersion = 5: a number, not a string. Fix: pass a string [prop-type]',
    '[ops/crds] from = 7: a number, not a string. Fix: pass a string [prop-type]',
  ],
  'releaseKnown | CRDs of Strimzi 0.40.0': [
    '[ops/crds] strimziVersion = "0.40.0": not a Strimzi release this library knows (its CRD bundle URL would not exist). Fix: use one of 0.41.0, 0.42.0, 0.43.0, 0.44.0, 0.45.0, 0.45.1, 0.45.2, 0.46.0, 0.46.1, 0.47.0, 0.48.0, 0.49.0, 0.49.1, 0.50.0, 0.50.1, 0.51.0, 1.0.0, 1.0.1, 1.1.0, 1.2.0 [release-known]',
  ],
  'propType | CRDs from a missing file': [
    '[ops/crds] from = "/nonexistent/crds.yaml": no such file or folder. Fix: give the path of a YAML file, or of a folder of .yaml files, holding the CRDs of the release [prop-type]',
  ],
  "propType | CRD reference folder '../../etc' (outside the output folder)": [
    "[ops/crds] referenceFolder = \"../../etc\": not a relative folder (letters, digits, ., _ and -, separated by '/'; no '..'). Fix: use a folder inside the output folder, e.g. '00-crds' [prop-type]",
  ],
  "propUnknown | CRDs 'form' (a typo)": [
    '[ops/crds] form = "crds.yaml": no such prop; it would be ignored. Fix: did you mean \'from\'? Otherwise remove it [prop-unknown]',
  ],
  "aclResource | resource type 'table' after a garbage entry (its index is kept)": [
    '[test/u] acls[1].resource.type = "table": not an ACL resource type. Fix: use one of topic, group, cluster, transactionalId [acl-resource]',
  ],
};
