import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { KafkaConnect, KafkaConnectProps, KafkaConnector, KraftCluster, KraftClusterProps } from '../../lib';
import type { RuleCase } from './rule-cases';
import { pools } from './rule-cases';

// Bad inputs for the rules of KafkaConnect and KafkaConnector, with the exact messages.

const secure: KraftClusterProps = {
  nodePools: pools,
  listeners: [{ name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } }],
  authorization: { type: 'simple' },
};

/** A cluster `c` (3 brokers, Strimzi 1.2.0 unless given) in namespace kafka, and a Connect `connect`. */
function connect(
  props: Partial<KafkaConnectProps> = {},
  cluster: Partial<KraftClusterProps> = {},
): { app: App; chart: Chart; connect: KafkaConnect } {
  const app = Testing.app();
  const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
  const c = new KraftCluster(chart, 'c', { ...secure, ...cluster });
  return { app, chart, connect: new KafkaConnect(chart, 'connect', { cluster: c, ...props }) };
}

const FILE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';

function withConnector(options: Partial<ConstructorParameters<typeof KafkaConnector>[2]>): IConstruct {
  const { app, connect: k } = connect();
  k.addConnector('src', { class: FILE, ...options });
  return app;
}

export const CONNECT_RULE_CASES: RuleCase[] = [
  { rule: 'connectName', name: 'a 52-character name', build: () => connect({ connectName: 'c'.repeat(52) }).app },
  {
    rule: 'connectStorageUnique',
    name: 'two Connects with group.id shared',
    build: () => {
      const { app, chart, connect: k } = connect({ groupId: 'connect-cluster' });
      new KafkaConnect(chart, 'other', { cluster: k.cluster, groupId: 'connect-cluster' });
      return app;
    },
  },
  {
    rule: 'connectStorageReplication',
    name: 'replication factor 4 on 3 brokers',
    build: () => connect({ storageReplicationFactor: 4 }).app,
  },
  {
    rule: 'connectConfigForbidden',
    name: 'ssl.keystore.location and group.id in config',
    build: () => connect({ config: { 'ssl.keystore.location': '/x', 'group.id': 'g' } }).app,
  },
  {
    rule: 'connectConfigForbidden',
    name: 'connector.plugin.version in a connector on 0.50.0',
    build: () => {
      const { app, connect: k } = connect({}, { strimziVersion: '0.50.0' });
      k.addConnector('src', { class: FILE, config: { 'connector.plugin.version': '1.0' } });
      return app;
    },
  },
  {
    rule: 'connectConfigValue',
    name: "offset.flush.interval.ms 'soon'",
    build: () => connect({ config: { 'offset.flush.interval.ms': 'soon' } }).app,
  },
  {
    rule: 'connectConfigUnknown',
    name: 'offset.flush.intervall.ms',
    build: () => connect({ config: { 'offset.flush.intervall.ms': 1000 } }).app,
  },
  {
    rule: 'connectBuild',
    name: 'a maven artifact without version, a short checksum, a plugin named twice',
    build: () =>
      connect({
        build: {
          output: { type: 'docker', image: 'registry.example.com/connect:1' },
          plugins: [
            { name: 'file', artifacts: [{ type: 'maven', group: 'org.apache.kafka', artifact: 'connect-file' }] },
            { name: 'file', artifacts: [{ type: 'jar', url: 'https://example.com/a.jar', sha512sum: 'abc' }] },
          ],
        },
      }).app,
  },
  {
    rule: 'connectorConnect',
    name: 'a connector in namespace apps',
    build: () => {
      const { app, connect: k } = connect();
      new KafkaConnector(new Chart(app, 'apps', { namespace: 'apps' }), 'src', { connect: k, class: FILE });
      return app;
    },
  },
  {
    rule: 'connectorConnect',
    name: 'a Connect with connectorResources false',
    build: () => {
      const { app, connect: k } = connect({ connectorResources: false });
      k.addConnector('src', { class: FILE });
      return app;
    },
  },
  {
    rule: 'connectorConnect',
    name: 'a Connect of another app',
    build: () => {
      const { connect: k } = connect();
      const app = Testing.app();
      new KafkaConnector(new Chart(app, 'kafka', { namespace: 'kafka' }), 'src', { connect: k, class: FILE });
      return app;
    },
  },
  {
    rule: 'connectorName',
    name: "connectorName 'Orders_Source'",
    build: () => withConnector({ connectorName: 'Orders_Source' }),
  },
  {
    rule: 'connectNamesUnique',
    name: 'two Connects named connect in namespace kafka, two connectors named src',
    build: () => {
      const { app, chart, connect: k } = connect();
      const other = new KafkaConnect(chart, 'other', { cluster: k.cluster, connectName: 'connect', groupId: 'g2' });
      k.addConnector('src', { class: FILE });
      other.addConnector('src', { class: FILE });
      return app;
    },
  },
  {
    rule: 'connectorVersion',
    name: 'version on 0.48.0',
    build: () => {
      const { app, connect: k } = connect({}, { strimziVersion: '0.48.0' });
      k.addConnector('src', { class: FILE, version: '4.1.0' });
      return app;
    },
  },
  {
    rule: 'connectorVersion',
    name: 'version on a Connect of Kafka 4.0.0',
    build: () => {
      const { app, connect: k } = connect({ version: '4.0.0' }, { strimziVersion: '0.49.0' });
      k.addConnector('src', { class: FILE, version: '4.1.0' });
      return app;
    },
  },
  { rule: 'connectorTasksMax', name: 'tasksMax 0', build: () => withConnector({ tasksMax: 0 }) },
  { rule: 'connectorState', name: "state 'restarting'", build: () => withConnector({ state: 'restarting' }) },
  { rule: 'connectorTopic', name: "topics ['my topic']", build: () => withConnector({ topics: ['my topic'] }) },
  {
    rule: 'connectMirrorMakerName',
    name: 'a KafkaMirrorMaker2 named connect in namespace kafka',
    build: () => {
      const { app, chart } = connect();
      new ApiObject(chart, 'mm2', {
        apiVersion: 'kafka.strimzi.io/v1',
        kind: 'KafkaMirrorMaker2',
        metadata: { name: 'connect' },
      });
      return app;
    },
  },
];

export const CONNECT_EXPECTED: Record<string, string[]> = {
  'connectName | a 52-character name': [
    "[kafka/connect] connectName = \"cccccccccccccccccccccccccccccccccccccccccccccccccccc\": not a lower-case RFC 1035 label of at most 51 characters (Strimzi names its Service '<name>-connect-api', at most 63). Fix: use e.g. 'my-connect' [connect-name]",
  ],
  'connectStorageUnique | two Connects with group.id shared': [
    '[kafka/other] groupId = "connect-cluster": kafka/connect uses it too (its groupId) on cluster \'c\'; two Connect clusters sharing a group or storage topic join into one. Fix: leave groupId and the storage topics out (derived from its name) or give each Connect its own [connect-storage-unique]',
  ],
  'connectStorageReplication | replication factor 4 on 3 brokers': [
    "[kafka/connect] storageReplicationFactor = 4: neither -1 nor an integer from 1 to the 3 broker(s) of 'c'; Kafka Connect could not create its storage topics. Fix: use 3, or add brokers [connect-storage-replication]",
  ],
  'connectConfigForbidden | ssl.keystore.location and group.id in config': [
    '[kafka/connect] config[\'group.id\'] = "g": set by the prop groupId. Fix: give groupId instead [connect-config-forbidden]',
    '[kafka/connect] config[\'ssl.keystore.location\'] = "/x": Strimzi 1.2.0 forbids it in a KafkaConnect and drops it (it sets the key itself). Fix: remove it; the listener, TLS and authentication follow the cluster and user [connect-config-forbidden]',
  ],
  'connectConfigForbidden | connector.plugin.version in a connector on 0.50.0': [
    '[kafka/connect/src] config[\'connector.plugin.version\'] = "1.0": Strimzi 0.50.0 forbids it in a KafkaConnector. Fix: give it as version [connect-config-forbidden]',
  ],
  "connectConfigValue | offset.flush.interval.ms 'soon'": [
    '[kafka/connect] config[\'offset.flush.interval.ms\'] = "soon": not a whole number; Kafka 4.3 (catalogue 4.2) allows a long for offset.flush.interval.ms, and the worker would not start. Fix: give a long (default 60000) [connect-config-value]',
  ],
  'connectConfigUnknown | offset.flush.intervall.ms': [
    "[kafka/connect] warning: config['offset.flush.intervall.ms'] = 1000: not a worker config of Kafka 4.3 (catalogue 4.2), and close to 'offset.flush.interval.ms'; the worker passes it on unread. Fix: write 'offset.flush.interval.ms' if you meant it [connect-config-unknown]",
  ],
  'connectBuild | a maven artifact without version, a short checksum, a plugin named twice': [
    '[kafka/connect] build.plugins[0].artifacts[0].version: a maven artifact needs version. Fix: give version [connect-build]',
    '[kafka/connect] build.plugins[1].name = "file": also the name of build.plugins[0]; each plugin gets a folder of its name. Fix: name every plugin once [connect-build]',
    '[kafka/connect] build.plugins[1].artifacts[0].sha512sum = "abc": not a SHA-512 checksum (128 lower-case hex digits). Fix: use the output of `sha512sum <file>` [connect-build]',
  ],
  'connectorConnect | a connector in namespace apps': [
    "[apps/src] connect = \"connect\": KafkaConnect 'connect' is in namespace kafka, the connector in apps; Strimzi looks for connectors in the Connect's namespace only. Fix: create it with connect.addConnector(...) or in a chart of the Connect's namespace [connector-connect]",
  ],
  'connectorConnect | a Connect with connectorResources false': [
    '[kafka/connect/src] connect = "connect": KafkaConnect \'connect\' has connectorResources: false, so Strimzi ignores its KafkaConnectors. Fix: leave connectorResources out (on by default with connectors) [connector-connect]',
  ],
  'connectorConnect | a Connect of another app': [
    '[kafka/src] connect = "connect": KafkaConnect \'connect\' belongs to another app, whose output this one does not write. Fix: create the connector in the app of its KafkaConnect [connector-connect]',
  ],
  "connectorName | connectorName 'Orders_Source'": [
    '[kafka/connect/src] connectorName = "Orders_Source": not a lower-case DNS subdomain. Fix: use lower-case letters, digits, - and ., e.g. \'orders-source\' [connector-name]',
  ],
  'connectNamesUnique | two Connects named connect in namespace kafka, two connectors named src': [
    '[kafka/other] connectName = "connect": kafka/connect is a KafkaConnect of this name in namespace kafka too; one would replace the other. Fix: give each KafkaConnect its own name [connect-names-unique]',
    '[kafka/other/src] connectorName = "src": kafka/connect/src is a KafkaConnector of this name in namespace kafka too; one would replace the other. Fix: give each KafkaConnector its own name [connect-names-unique]',
  ],
  'connectorVersion | version on 0.48.0': [
    "[kafka/connect/src] version = \"4.1.0\": Strimzi 0.48.0's KafkaConnector has no version (0.49.0 and later). Fix: set 'connector.plugin.version' in config, or upgrade Strimzi [connector-version]",
  ],
  'connectorVersion | version on a Connect of Kafka 4.0.0': [
    '[kafka/connect/src] version = "4.1.0": Kafka Connect 4.0.0 cannot choose a plugin version (4.1.0 and later). Fix: remove version, or run the Connect on Kafka 4.1.0 or later [connector-version]',
  ],
  'connectorTasksMax | tasksMax 0': [
    '[kafka/connect/src] tasksMax = 0: below 1. Fix: give at least 1 task, e.g. 1 [connector-tasks-max]',
  ],
  "connectorState | state 'restarting'": [
    '[kafka/connect/src] state = "restarting": not a connector state Strimzi 1.2.0 serves (paused, running, stopped). Fix: use one of paused, running, stopped [connector-state]',
  ],
  "connectorTopic | topics ['my topic']": [
    "[kafka/connect/src] topics[0] = \"my topic\": not a topic name (1-249 of a-z A-Z 0-9 . _ -) or a prefix ending in '*'. Fix: name the topic, e.g. 'orders' [connector-topic]",
  ],
  'connectMirrorMakerName | a KafkaMirrorMaker2 named connect in namespace kafka': [
    '[kafka/connect] connectName = "connect": kafka/mm2 is a KafkaMirrorMaker2 of this name in namespace kafka; their RoleBindings would overwrite each other. Fix: give the KafkaConnect another connectName [connect-mm2-name]',
  ],
};
