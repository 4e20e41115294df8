import { App, Chart, Duration, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import {
  ExternalNodePortListenerOptions,
  JbodVolume,
  KraftCluster,
  KraftClusterProps,
  LoadBalancerShape,
  NodePoolOptions,
  Storage,
} from '../../lib';
import '../../lib/load-balancer/in-cluster';
import { RULES } from '../../lib/rules';
import { OPERATOR_RULE_CASES } from './operator-rule-cases';
import { CRUISE_RULE_CASES } from './cruise-rule-cases';
import { INPUT_RULE_CASES } from './input-rule-cases';
import { CONFIG_RULE_CASES } from './config-rule-cases';
import { LISTENER_RULE_CASES } from './listener-rule-cases';
import { CLIENT_METRICS_RULE_CASES } from './client-metrics-rule-cases';
import { METRICS_RULE_CASES } from './metrics-rule-cases';

/** One bad input per rule: a builder and the rule it breaks. */
export interface RuleCase {
  readonly rule: keyof typeof RULES;
  readonly name: string;
  readonly build: () => IConstruct;
}

const storage = Storage.persistentClaim({ size: '10Gi' });
export const controller: NodePoolOptions = { roles: ['controller'], replicas: 3, storage };
export const broker: NodePoolOptions = { roles: ['broker'], replicas: 3, storage };
export const pools = { broker, controller };
export const external: ExternalNodePortListenerOptions = {
  bootstrapNodePort: 32100,
  advertisedHost: 'kafka.example.com',
  advertisedPortBase: 8091,
  tls: true,
  authentication: { type: 'scram-sha-512' },
};
const workers = ['10.0.0.1', '10.0.0.2'];

/** A chart with one cluster built from valid defaults plus `props`. */
function cluster(props: KraftClusterProps = {}, then?: (c: KraftCluster) => void): IConstruct {
  const chart = Testing.chart();
  const c = new KraftCluster(chart, 'c', { nodePools: pools, ...props });
  then?.(c);
  return chart;
}

const lb = (shape: LoadBalancerShape, props: KraftClusterProps = {}, extra = {}) =>
  cluster({ nodePortListeners: [external], ...props }, (c) => c.addLoadBalancer('lb', { shape, ...extra }));

const pool = (extra: Partial<NodePoolOptions>) =>
  cluster({ nodePools: { broker: { ...broker, ...extra }, controller } });

export const RULE_CASES: RuleCase[] = [
  ...OPERATOR_RULE_CASES,
  ...LISTENER_RULE_CASES,
  ...METRICS_RULE_CASES,
  ...CLIENT_METRICS_RULE_CASES,
  ...CRUISE_RULE_CASES,
  // Releases and versions
  { rule: 'releaseKnown', name: 'Strimzi 0.40.0', build: () => cluster({ strimziVersion: '0.40.0' }) },
  {
    rule: 'apiVersionServed',
    name: 'v1 on 0.48.0',
    build: () => cluster({ strimziVersion: '0.48.0', apiVersion: 'v1' }),
  },
  {
    rule: 'kafkaVersionSupported',
    name: 'Kafka 3.7.1 on 0.41.0 (the seed post)',
    build: () => cluster({ strimziVersion: '0.41.0', kafkaVersion: '3.7.1' }),
  },
  {
    rule: 'kafkaVersionSupported',
    name: 'a Kafka version no release supports',
    build: () => cluster({ kafkaVersion: '2.8.0' }),
  },
  {
    rule: 'metadataVersionSyntax',
    name: 'metadata version 3.7.1',
    build: () => cluster({ strimziVersion: '0.43.0', kafkaVersion: '3.7.1', metadataVersion: '3.7.1' }),
  },
  {
    rule: 'metadataVersionNotNewer',
    name: 'metadata 3.8 on Kafka 3.7.1',
    build: () => cluster({ strimziVersion: '0.43.0', kafkaVersion: '3.7.1', metadataVersion: '3.8-IV0' }),
  },
  {
    rule: 'metadataVersionJbod',
    name: 'two JBOD volumes on metadata 3.7-IV1',
    build: () =>
      cluster({
        strimziVersion: '0.41.0',
        metadataVersion: '3.7-IV1',
        nodePools: {
          controller,
          broker: {
            ...broker,
            storage: Storage.jbod(
              JbodVolume.persistentClaim(0, { size: '1Gi', kraftMetadata: true }),
              JbodVolume.persistentClaim(1, { size: '1Gi' }),
            ),
          },
        },
      }),
  },
  { rule: 'kafkaVersionOld', name: 'Kafka 4.2.0 on 1.2.0', build: () => cluster({ kafkaVersion: '4.2.0' }) },
  {
    rule: 'metadataVersionOld',
    name: 'metadata 4.2-IV1 on Kafka 4.3.1',
    build: () => cluster({ metadataVersion: '4.2-IV1' }),
  },

  // Node pools and node IDs
  { rule: 'poolName', name: 'pool Broker_1', build: () => cluster({ nodePools: { Broker_1: broker, controller } }) },
  { rule: 'poolRolesPresent', name: 'no roles', build: () => pool({ roles: [] }) },
  { rule: 'poolRolesValid', name: "role 'zookeeper'", build: () => pool({ roles: ['zookeeper' as any] }) },
  { rule: 'poolReplicas', name: 'replicas -1', build: () => pool({ replicas: -1 }) },
  {
    rule: 'poolEmpty',
    name: 'replicas 0 next to another broker pool',
    build: () => cluster({ nodePools: { ...pools, spare: { ...broker, replicas: 0 } } }),
  },
  { rule: 'clusterHasBroker', name: 'controllers only', build: () => cluster({ nodePools: { controller } }) },
  { rule: 'clusterHasController', name: 'brokers only', build: () => cluster({ nodePools: { broker } }) },
  {
    rule: 'controllerQuorumEven',
    name: '4 controllers',
    build: () => cluster({ nodePools: { broker, controller: { ...controller, replicas: 4 } } }),
  },
  {
    rule: 'controllerQuorumSingle',
    name: '1 controller',
    build: () => cluster({ nodePools: { broker, controller: { ...controller, replicas: 1 } } }),
  },
  { rule: 'nodeIdsValid', name: 'node IDs -1 and a repeat', build: () => pool({ nodeIds: [-1, 1, 1] }) },
  {
    rule: 'nodeIdsUnique',
    name: 'ID 2 in two pools',
    build: () =>
      cluster({
        nodePools: { broker: { ...broker, nodeIds: [0, 1, 2] }, controller: { ...controller, nodeIds: [2, 3, 4] } },
      }),
  },
  {
    rule: 'nodeIdsOutsideRanges',
    name: "ID 150 in broker's range",
    build: () => cluster({ nodePools: { broker, controller: { ...controller, nodeIds: [150, 151, 152] } } }),
  },
  { rule: 'scaleUpRangeValid', name: 'range 10-5', build: () => pool({ scaleUpNodeIds: { from: 10, to: 5 } }) },
  {
    rule: 'scaleUpRangesDisjoint',
    name: 'controller range overlapping broker range',
    build: () =>
      cluster({ nodePools: { broker, controller: { ...controller, scaleUpNodeIds: { from: 150, to: 160 } } } }),
  },
  {
    rule: 'scaleUpRangeCapacity',
    name: '5 replicas, 3 IDs, a range of 1',
    build: () => pool({ replicas: 5, nodeIds: [0, 1, 2], scaleUpNodeIds: { from: 500, to: 500 } }),
  },
  {
    rule: 'nodeIdsLocked',
    name: 'the lock has brokers 0-2; nodeIds declares 7-9',
    build: () =>
      cluster({
        nodeIdLock: {
          clusters: { '/c': { broker: { nodeIds: [0, 1, 2] }, controller: { nodeIds: [3, 4, 5] } } },
          source: 'dist/app',
        },
        nodePools: { broker: { ...broker, nodeIds: [7, 8, 9] }, controller },
      }),
  },
  {
    rule: 'podNameLength',
    name: 'a 60-character cluster name',
    build: () => cluster({ clusterName: `c${'x'.repeat(59)}` }),
  },

  // Storage
  { rule: 'storageVolumes', name: 'JBOD without volumes', build: () => pool({ storage: Storage.jbod() }) },
  {
    rule: 'storageVolumeId',
    name: 'volume ID -1',
    build: () => pool({ storage: Storage.jbod(JbodVolume.persistentClaim(-1, { size: '1Gi' })) }),
  },
  {
    rule: 'storageVolumeIdUnique',
    name: 'volume ID 0 twice',
    build: () =>
      pool({
        storage: Storage.jbod(
          JbodVolume.persistentClaim(0, { size: '1Gi' }),
          JbodVolume.persistentClaim(0, { size: '1Gi' }),
        ),
      }),
  },
  {
    rule: 'storageSize',
    name: "size '100GB'",
    build: () => pool({ storage: Storage.persistentClaim({ size: '100GB' }) }),
  },
  {
    rule: 'storageSize',
    name: "sizeLimit '1 Gi'",
    build: () => pool({ storage: Storage.ephemeral({ sizeLimit: '1 Gi' }) }),
  },
  {
    rule: 'storageKraftMetadata',
    name: 'two metadata volumes',
    build: () =>
      pool({
        storage: Storage.jbod(
          JbodVolume.persistentClaim(0, { size: '1Gi', kraftMetadata: true }),
          JbodVolume.persistentClaim(1, { size: '1Gi', kraftMetadata: true }),
        ),
      }),
  },
  {
    rule: 'storageClassName',
    name: "class 'Fast_SSD'",
    build: () => pool({ storage: Storage.persistentClaim({ size: '1Gi', storageClass: 'Fast_SSD' }) }),
  },
  {
    rule: 'storageSelector',
    name: 'selector with a space',
    build: () => pool({ storage: Storage.persistentClaim({ size: '1Gi', selector: { 'disk type': 'ssd' } }) }),
  },
  { rule: 'storageEphemeral', name: 'ephemeral brokers', build: () => pool({ storage: Storage.ephemeral() }) },
  {
    rule: 'storageDeleteClaim',
    name: 'deleteClaim true',
    build: () => pool({ storage: Storage.persistentClaim({ size: '1Gi', deleteClaim: true }) }),
  },

  // Resources and JVM
  { rule: 'resourceQuantity', name: "memory '8 GB'", build: () => pool({ resources: { limits: { memory: '8 GB' } } }) },
  {
    rule: 'resourceRequestWithinLimit',
    name: 'request 4 CPUs, limit 2',
    build: () => pool({ resources: { requests: { cpu: '4' }, limits: { cpu: '2000m' } } }),
  },
  { rule: 'jvmHeapSyntax', name: "xmx '4GB'", build: () => pool({ jvmOptions: { xmx: '4GB' } }) },
  { rule: 'jvmXmsWithinXmx', name: 'xms 4g, xmx 2g', build: () => pool({ jvmOptions: { xms: '4g', xmx: '2g' } }) },
  {
    rule: 'jvmHeapWithinLimit',
    name: 'xmx 8g, limit 8Gi',
    build: () => pool({ jvmOptions: { xmx: '8g' }, resources: { limits: { memory: '8Gi' } } }),
  },

  // Listeners
  { rule: 'listenerPresent', name: 'no listener', build: () => cluster({ listeners: [] }) },
  {
    rule: 'listenerName',
    name: "name 'external-1'",
    build: () => cluster({ listeners: [{ name: 'external-1', port: 9092 }] }),
  },
  {
    rule: 'listenerName',
    name: 'a 13-character name',
    build: () => cluster({ listeners: [{ name: 'averylongname', port: 9092 }] }),
  },
  {
    rule: 'listenerNameUnique',
    name: "two listeners named 'plain'",
    build: () =>
      cluster({ listeners: [{ name: 'plain', port: 9092 }], nodePortListeners: [{ ...external, name: 'plain' }] }),
  },
  { rule: 'listenerPort', name: 'port 9091', build: () => cluster({ listeners: [{ name: 'plain', port: 9091 }] }) },
  {
    rule: 'listenerPortReserved',
    name: 'port 9404',
    build: () => cluster({ listeners: [{ name: 'plain', port: 9404 }] }),
  },
  {
    rule: 'listenerPortReserved',
    name: 'port 9999',
    build: () => cluster({ listeners: [{ name: 'plain', port: 9999 }] }),
  },
  {
    rule: 'listenerPortUnique',
    name: 'port 9092 twice',
    build: () =>
      cluster({
        listeners: [
          { name: 'plain', port: 9092 },
          { name: 'tls', port: 9092, tls: true },
        ],
      }),
  },
  {
    rule: 'listenerType',
    name: "type 'nodeport' on an internal listener",
    build: () => cluster({ listeners: [{ name: 'plain', port: 9092, type: 'nodeport' as any }] }),
  },
  {
    rule: 'authenticationType',
    name: "'oauth' on v1",
    build: () => cluster({ listeners: [{ name: 'tls', port: 9093, tls: true, authentication: { type: 'oauth' } }] }),
  },
  {
    rule: 'authenticationType',
    name: "'kerberos'",
    build: () =>
      cluster({ listeners: [{ name: 'tls', port: 9093, tls: true, authentication: { type: 'kerberos' as any } }] }),
  },
  {
    rule: 'authenticationTlsNeedsTls',
    name: 'mTLS on a plain listener',
    build: () => cluster({ listeners: [{ name: 'plain', port: 9092, authentication: { type: 'tls' } }] }),
  },
  {
    rule: 'authenticationOptionsKnown',
    name: 'an unknown option',
    build: () =>
      cluster({
        listeners: [
          {
            name: 'tls',
            port: 9093,
            tls: true,
            authentication: { type: 'scram-sha-512', options: { saslMechanism: 'x' } },
          },
        ],
      }),
  },
  {
    rule: 'externalPlaintext',
    name: 'external without TLS',
    build: () => cluster({ nodePortListeners: [{ ...external, tls: false }] }),
  },
  {
    rule: 'externalUnauthenticated',
    name: 'external without authentication',
    build: () => cluster({ nodePortListeners: [{ ...external, authentication: 'none' }] }),
  },

  // External addresses
  {
    rule: 'bootstrapNodePort',
    name: 'bootstrap NodePort 8080',
    build: () => cluster({ nodePortListeners: [{ ...external, bootstrapNodePort: 8080, nodePortBase: 32101 }] }),
  },
  {
    rule: 'nodePortBase',
    name: 'NodePort base 29999',
    build: () => cluster({ nodePortListeners: [{ ...external, nodePortBase: 29999 }] }),
  },
  {
    rule: 'brokerNodePort',
    name: 'derived NodePorts above 32767',
    build: () => cluster({ nodePortListeners: [{ ...external, bootstrapNodePort: 32766 }] }),
  },
  {
    rule: 'brokerNodePort',
    name: 'an override NodePort 80',
    build: () => cluster({ nodePortListeners: [{ ...external, brokers: { 0: { nodePort: 80 } } }] }),
  },
  {
    rule: 'nodePortsUnique',
    name: "broker 2 on the bootstrap's NodePort",
    build: () => cluster({ nodePortListeners: [{ ...external, brokers: { 2: { nodePort: 32100 } } }] }),
  },
  {
    rule: 'nodePortsUniqueInApp',
    name: 'two clusters on one NodePort range',
    build: () => {
      const chart = Testing.chart();
      new KraftCluster(chart, 'a', { nodePools: pools, nodePortListeners: [external] });
      new KraftCluster(chart, 'b', {
        nodePools: pools,
        nodePortListeners: [{ ...external, advertisedHost: 'b.example.com' }],
      });
      return chart;
    },
  },
  {
    rule: 'advertisedHost',
    name: "host 'kafka_example.com'",
    build: () => cluster({ nodePortListeners: [{ ...external, advertisedHost: 'kafka_example.com' }] }),
  },
  {
    rule: 'advertisedPort',
    name: 'advertised port 70000',
    build: () => cluster({ nodePortListeners: [{ ...external, brokers: { 1: { advertisedPort: 70000 } } }] }),
  },
  {
    rule: 'advertisedAddressUnique',
    name: 'brokers 0 and 1 on one port',
    build: () => cluster({ nodePortListeners: [{ ...external, brokers: { 1: { advertisedPort: 8091 } } }] }),
  },
  {
    rule: 'advertisedAddressUnique',
    name: "broker 1 advertises the bootstrap's address",
    build: () => cluster({ nodePortListeners: [{ ...external, advertisedPortBase: 9093 }] }),
  },
  {
    rule: 'advertisedAddressUnique',
    name: 'two clusters on one host and ports',
    build: () => {
      const app = new App({ outdir: Testing.app().outdir });
      new KraftCluster(new Chart(app, 'one'), 'a', { nodePools: pools, nodePortListeners: [external] });
      new KraftCluster(new Chart(app, 'two'), 'b', {
        nodePools: pools,
        nodePortListeners: [{ ...external, bootstrapNodePort: 31000 }],
      });
      return app;
    },
  },
  {
    rule: 'brokerOverrideIsBroker',
    name: 'an override for controller 3',
    build: () => cluster({ nodePortListeners: [{ ...external, brokers: { 3: { advertisedPort: 9000 } } }] }),
  },
  {
    rule: 'brokerOverrideIsBroker',
    name: "keys '01' and '1' for the same broker",
    build: () =>
      cluster({
        nodePortListeners: [{ ...external, brokers: { ['01' as any]: { nodePort: 32150 }, 1: { nodePort: 32160 } } }],
      }),
  },
  {
    rule: 'externalTrafficPolicy',
    name: "policy 'Any'",
    build: () => cluster({ nodePortListeners: [{ ...external, externalTrafficPolicy: 'Any' as any }] }),
  },

  // Kafka config and replication
  {
    rule: 'configForbidden',
    name: "'listeners' on 1.2.0",
    build: () => cluster({ config: { 'listeners': 'PLAINTEXT://:9092', 'ssl.protocol': 'TLSv1.3' } }),
  },
  {
    rule: 'configForbidden',
    name: "'prometheus.metrics.reporter.enabled' on 0.48.0",
    build: () => cluster({ strimziVersion: '0.48.0', config: { 'prometheus.metrics.reporter.enabled': true } }),
  },
  {
    rule: 'configForbidden',
    name: "'broker.session.timeout.ms' on 0.45.2 (allowed from 0.48.0)",
    build: () => cluster({ strimziVersion: '0.45.2', config: { 'broker.session.timeout.ms': 9000 } }),
  },
  {
    rule: 'configReplicationKeys',
    name: "'min.insync.replicas' in config",
    build: () => cluster({ config: { 'min.insync.replicas': 1 } }),
  },
  { rule: 'replicationFactor', name: 'factor 4 with 3 brokers', build: () => cluster({ replication: { factor: 4 } }) },
  { rule: 'replicationFactor', name: 'factor 0', build: () => cluster({ replication: { factor: 0 } }) },
  {
    rule: 'minInSyncReplicas',
    name: 'min ISR 4 with factor 3',
    build: () => cluster({ replication: { minInSyncReplicas: 4 } }),
  },
  {
    rule: 'minInSyncEqualsFactor',
    name: 'min ISR 3 with factor 3',
    build: () => cluster({ replication: { minInSyncReplicas: 3 } }),
  },
  {
    rule: 'replicationFactorLow',
    name: 'factor 2 with 3 brokers',
    build: () => cluster({ replication: { factor: 2 } }),
  },
  {
    rule: 'cruiseControlBrokers',
    name: 'Cruise Control with 1 broker',
    build: () => cluster({ cruiseControl: true, nodePools: { controller, broker: { ...broker, replicas: 1 } } }),
  },

  // Kubernetes API server
  { rule: 'clusterName', name: "cluster '1st-cluster'", build: () => cluster({ clusterName: '1st-cluster' }) },
  {
    rule: 'serviceNameLength',
    name: 'a long cluster and listener name',
    build: () =>
      cluster({
        clusterName: `k${'x'.repeat(45)}`,
        nodePortListeners: [{ ...external, name: 'externalabc', port: 9095 }],
      }),
  },
  {
    rule: 'namespaceName',
    name: "namespace 'Kafka'",
    build: () => {
      const chart = new Chart(Testing.app(), 'ns', { namespace: 'Kafka' });
      new KraftCluster(chart, 'c', { nodePools: pools });
      return chart;
    },
  },
  {
    rule: 'templateFieldsKnown',
    name: 'a field v1beta2 lacks',
    build: () =>
      cluster({
        strimziVersion: '0.48.0',
        nodePools: { controller, broker: { ...broker, template: { pod: { bogusField: 1 } } as any } },
      }),
  },

  // Load balancer
  { rule: 'lbWorkers', name: 'no workers', build: () => lb(LoadBalancerShape.externalHost({ workers: [] })) },
  {
    rule: 'lbWorkerAddress',
    name: "worker '10.0.0.1:32100'",
    build: () => lb(LoadBalancerShape.externalHost({ workers: ['10.0.0.1:32100'] })),
  },
  {
    rule: 'lbWorkerAddress',
    name: "listen address 'any'",
    build: () => lb(LoadBalancerShape.externalHost({ workers, listenAddress: 'any address' })),
  },
  {
    rule: 'lbWorkerUnique',
    name: 'a worker listed twice',
    build: () => lb(LoadBalancerShape.externalHost({ workers: ['10.0.0.1', '10.0.0.2', '10.0.0.1'] })),
  },
  {
    rule: 'lbListener',
    name: 'no nodeport listener',
    build: () => lb(LoadBalancerShape.externalHost({ workers }), { nodePortListeners: [] }),
  },
  {
    rule: 'lbListener',
    name: 'an unknown listener name',
    build: () => lb(LoadBalancerShape.externalHost({ workers }), {}, { listener: 'nope' }),
  },
  {
    rule: 'lbListener',
    name: 'two nodeport listeners, none named',
    build: () =>
      lb(LoadBalancerShape.externalHost({ workers }), {
        nodePortListeners: [
          external,
          { ...external, name: 'b', port: 9095, bootstrapNodePort: 31000, advertisedPortBase: 9100 },
        ],
      }),
  },
  {
    rule: 'lbListenPortsUnique',
    name: "bootstrap port = broker 1's port",
    build: () =>
      lb(LoadBalancerShape.externalHost({ workers }), { nodePortListeners: [{ ...external, bootstrapPort: 8092 }] }),
  },
  {
    rule: 'lbListenPortsAcross',
    name: 'two load balancers on port 8093',
    build: () =>
      cluster(
        {
          nodePortListeners: [
            external,
            {
              ...external,
              name: 'ext2',
              port: 9095,
              bootstrapNodePort: 32200,
              bootstrapPort: 8093,
              advertisedPortBase: 9100,
            },
          ],
        },
        (c) => {
          c.addLoadBalancer('a', { listener: 'external', shape: LoadBalancerShape.externalHost({ workers }) });
          c.addLoadBalancer('b', { listener: 'ext2', shape: LoadBalancerShape.externalHost({ workers }) });
        },
      ),
  },
  {
    rule: 'lbTrafficPolicy',
    name: "policy 'Local' behind an external host",
    build: () =>
      lb(LoadBalancerShape.externalHost({ workers }), {
        nodePortListeners: [{ ...external, externalTrafficPolicy: 'Local' }],
      }),
  },
  {
    rule: 'lbUnprivilegedPorts',
    name: 'in-cluster bootstrap port 443',
    build: () => lb(LoadBalancerShape.inCluster(), { nodePortListeners: [{ ...external, bootstrapPort: 443 }] }),
  },
  {
    rule: 'lbNodePortService',
    name: 'a NodePort Service on port 8091',
    build: () =>
      lb(LoadBalancerShape.inCluster({ serviceType: 'NodePort' }), {
        nodePortListeners: [{ ...external, bootstrapPort: 30500, advertisedPortBase: 8091 }],
      }),
  },
  {
    rule: 'lbNodePortService',
    name: "service type 'ClusterIP'",
    build: () => lb(LoadBalancerShape.inCluster({ serviceType: 'ClusterIP' as any })),
  },
  {
    rule: 'lbTuning',
    name: 'maxFails -1',
    build: () => lb(LoadBalancerShape.externalHost({ workers }), {}, { maxFails: -1 }),
  },
  {
    rule: 'lbTuning',
    name: 'proxyTimeout 500 ms',
    build: () => lb(LoadBalancerShape.externalHost({ workers }), {}, { proxyTimeout: Duration.millis(500) }),
  },
  { rule: 'lbTuning', name: '0 replicas', build: () => lb(LoadBalancerShape.inCluster({ replicas: 0 })) },
  {
    rule: 'lbFileNamesUnique',
    name: 'two clusters named alike in two namespaces of one app',
    build: () => {
      const app = Testing.app();
      for (const ns of ['one', 'two']) {
        new KraftCluster(new Chart(app, ns, { namespace: ns }), 'c', {
          nodePools: pools,
          nodePortListeners: [external],
        }).addLoadBalancer('lb', { shape: LoadBalancerShape.externalHost({ workers }) });
      }
      return app;
    },
  },
  {
    rule: 'lbConnectTimeoutLong',
    name: 'proxyConnectTimeout 300 s (the seed)',
    build: () => lb(LoadBalancerShape.externalHost({ workers }), {}, { proxyConnectTimeout: Duration.seconds(300) }),
  },
  { rule: 'lbSingleReplica', name: '1 replica', build: () => lb(LoadBalancerShape.inCluster({ replicas: 1 })) },
  {
    rule: 'lbPodRestricted',
    name: 'a sidecar added through cdk8s-plus with its defaults',
    build: () =>
      cluster({ nodePortListeners: [external] }, (c) =>
        c
          .addLoadBalancer('lb', { shape: LoadBalancerShape.inCluster() })
          .deployment!.addContainer({ name: 'sidecar', image: 'busybox:1.36' }),
      ),
  },

  // Props and syntax, and the silent acceptances of issue 9
  ...INPUT_RULE_CASES,
  ...CONFIG_RULE_CASES,
];
