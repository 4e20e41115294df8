import * as fc from 'fast-check';

/**
 * Random apps as plain data (a "spec"), so that any value in them can be replaced by garbage
 * before the spec is turned into constructs. Factory calls of the public API (Storage.*,
 * JbodVolume.*, LoadBalancerShape.*, Duration.*) are descriptors `{ $factory, ... }`; the cluster a
 * user or topic belongs to is `{ $ref: 'cluster' }`.
 */
export interface AppSpec {
  readonly charts: ChartSpec[];
  /** Cluster operators, in a chart without namespace. */
  readonly operators?: PropsSpec[];
}
export interface PropsSpec {
  readonly id: string;
  readonly props: Record<string, unknown>;
}
export interface ChartSpec {
  readonly id: string;
  readonly namespace: unknown;
  readonly clusters: ClusterSpec[];
}
export interface ClusterSpec {
  readonly id: string;
  readonly props: Record<string, unknown>;
  readonly loadBalancers: { id: string; options: Record<string, unknown> }[];
  /** KafkaUsers, KafkaTopics and KafkaRebalances of the cluster, in its chart. */
  readonly users?: PropsSpec[];
  readonly topics?: PropsSpec[];
  /** KafkaMirrorMaker2s into the cluster (from external sources), in its chart. */
  readonly mirrors?: PropsSpec[];
  /** KafkaBridges of the cluster, in its chart. */
  readonly bridges?: PropsSpec[];
  readonly rebalances?: PropsSpec[];
  /** KafkaConnects of the cluster, in its chart; the connectors are added to the first of them. */
  readonly connects?: PropsSpec[];
  readonly connectors?: PropsSpec[];
}

/** One corruption: the `index`-th path of the spec (modulo their count) gets `value`. */
export interface Corruption {
  readonly index: number;
  readonly value: unknown;
}

export interface FuzzCase {
  readonly spec: AppSpec;
  readonly corruptions: Corruption[];
}

const INJECTIONS = [
  'x;\n    user www-data;',
  '/tmp/x.pid;\nuser www-data',
  'stderr notice;\nuser root',
  'cluster.local;\n}\nuser x;',
  'a"b',
  "it's",
  'a b',
  '{nodeId}',
  '$(reboot)',
  '${x}',
  '../../etc/passwd',
  '#comment',
  'a\\nb',
  'key: value',
];

/** Values a JavaScript or JSON user might pass by mistake. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    NaN,
    Infinity,
    -Infinity,
    -1,
    0,
    -0,
    1.5,
    65536,
    1e12,
    Number.MAX_SAFE_INTEGER,
    2 ** 53 + 2,
    '',
    ' ',
    'x',
    'NaN',
    'false',
    'true',
    '1',
    '-8Gi',
    '1e400',
    'ünïcødé-名前',
    '🙂',
    'a'.repeat(300),
    'A-B',
    [],
    ['x'],
    [1, 2],
    [[]],
    {},
    { a: 1 },
    { size: '1Gi' },
    true,
    false,
    10n,
    -1n,
    new Date(0),
    new Date(NaN),
  ),
  fc.constantFrom(...INJECTIONS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.integer(),
  fc.double(),
);

const dnsName = fc.constantFrom(
  'my-cluster',
  'c',
  'kafka',
  'prod-1',
  'a-very-long-cluster-name-that-is-long-x',
  `c${'x'.repeat(40)}`,
);
const ports = fc.record({
  bootstrapNodePort: fc.integer({ min: 30000, max: 32600 }),
  advertisedPortBase: fc.option(fc.integer({ min: 1024, max: 60000 }), { nil: undefined }),
});

const persistentOptions = fc.record(
  {
    size: fc.constantFrom('10Gi', '100Gi', '1Ti', '500Mi'),
    storageClass: fc.option(fc.constantFrom('standard', 'fast-ssd'), { nil: undefined }),
    deleteClaim: fc.option(fc.boolean(), { nil: undefined }),
    kraftMetadata: fc.option(fc.boolean(), { nil: undefined }),
    selector: fc.option(fc.constant({ 'example.com/disk': 'ssd' }), { nil: undefined }),
  },
  { requiredKeys: ['size'] },
);

const storage = fc.oneof(
  persistentOptions.map((options) => ({ $factory: 'Storage.persistentClaim', options })),
  fc
    .record({ sizeLimit: fc.option(fc.constantFrom('1Gi', '500Mi'), { nil: undefined }) })
    .map((options) => ({ $factory: 'Storage.ephemeral', options })),
  fc.array(persistentOptions, { minLength: 1, maxLength: 2 }).map((vols) => ({
    $factory: 'Storage.jbod',
    volumes: vols.map((options, id) => ({
      $factory: 'JbodVolume.persistentClaim',
      id,
      options: { ...options, kraftMetadata: id === 0 },
    })),
  })),
);

const pool = (roles: string[], ids: { min: number; max: number }) =>
  fc.record(
    {
      roles: fc.constant(roles),
      replicas: fc.oneof(
        { weight: 9, arbitrary: fc.integer({ min: 1, max: 5 }) },
        { weight: 1, arbitrary: fc.constant(0) },
      ),
      storage,
      resources: fc.option(
        fc.constant({ requests: { cpu: '1', memory: '4Gi' }, limits: { cpu: '2', memory: '8Gi' } }),
        { nil: undefined },
      ),
      jvmOptions: fc.option(fc.constant({ xms: '2g', xmx: '2g' }), { nil: undefined }),
      nodeIds: fc.option(fc.uniqueArray(fc.integer(ids), { maxLength: 4 }), { nil: undefined, freq: 4 }),
      scaleUpNodeIds: fc.option(
        fc.integer({ min: 1, max: 9 }).map((n) => ({ from: n * 1000, to: n * 1000 + 99 })),
        { nil: undefined },
      ),
    },
    { requiredKeys: ['roles', 'replicas', 'storage'] },
  );

const nodePools = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      broker: pool(['broker'], { min: 0, max: 9 }),
      controller: pool(['controller'], { min: 10, max: 19 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ dual: pool(['broker', 'controller'], { min: 0, max: 19 }) }) },
  // pool names as a JavaScript user might write them (mostly invalid: a fifth of the apps)
  {
    weight: 1,
    arbitrary: fc.dictionary(
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('a]b', 'x\ny', 'Broker', '', '-', 'a/b')),
      pool(['broker', 'controller'], { min: 0, max: 19 }),
      { minKeys: 1, maxKeys: 2 },
    ),
  },
);

const authentication = fc.option(fc.constantFrom({ type: 'scram-sha-512' }, { type: 'tls' }), { nil: undefined });

const nodePortListener = fc
  .tuple(
    ports,
    fc.boolean(),
    authentication,
    fc.option(fc.constantFrom('external', 'ext', 'outside'), { nil: undefined }),
  )
  .map(([p, tls, auth, name]) => ({
    ...p,
    name,
    tls,
    authentication: auth?.type === 'tls' && !tls ? undefined : auth,
    advertisedHost: 'kafka.example.com',
  }));

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
/** An external listener of every type other than nodeport, as users write them (templates from 0.44.0). */
const externalListener = fc
  .tuple(
    fc.oneof(
      fc.record({
        type: fc.constant('ingress'),
        bootstrap: fc.constant({ host: 'bootstrap.kafka.example.com' }),
        hostTemplate: fc.constantFrom('broker-{nodeId}.kafka.example.com', '{nodePodName}.kafka.example.com'),
        class: opt(fc.constant('nginx')),
      }),
      fc.record({
        type: fc.constant('route'),
        bootstrap: opt(fc.constant({ host: 'bootstrap.apps.example.com' })),
        hostTemplate: opt(fc.constant('broker-{nodeId}.apps.example.com')),
      }),
      fc.record({
        type: fc.constant('loadbalancer'),
        bootstrap: fc.constantFrom({ host: 'kafka-lb.example.com' }, { loadBalancerIP: '203.0.113.10' }),
        advertisedHostTemplate: opt(fc.constant('broker-{nodeId}.kafka-lb.example.com')),
        externalTrafficPolicy: opt(fc.constantFrom('Cluster', 'Local')),
        loadBalancerSourceRanges: opt(fc.constant(['203.0.113.0/24'])),
      }),
      fc.record({
        type: fc.constant('cluster-ip'),
        bootstrap: fc.constant({ host: 'kafka-proxy.example.com' }),
        advertisedHostTemplate: fc.constant('kafka-proxy.example.com'),
        advertisedPortBase: fc.integer({ min: 9200, max: 9300 }),
      }),
    ),
    fc.constantFrom(['ext2', 9097], ['edge', 9098]),
    fc.constantFrom(undefined, undefined, undefined, undefined, undefined, undefined, undefined, false),
  )
  .map(([l, [name, port], tls]) => ({ ...l, name, port, tls }));

const seconds = (min: number, max: number) =>
  fc.integer({ min, max }).map((amount) => ({ $factory: 'Duration.seconds', amount }));

const externalHost = fc
  .record(
    {
      workers: fc.uniqueArray(fc.constantFrom('10.0.0.1', '10.0.0.2', '10.0.0.3', 'fd00::1', 'worker-1.example.com'), {
        minLength: 1,
        maxLength: 3,
      }),
      listenAddress: fc.option(fc.constantFrom('127.0.0.1', '0.0.0.0'), { nil: undefined }),
      pidFile: fc.option(fc.constantFrom('/run/kafka-lb.pid', '/tmp/nginx.pid'), { nil: undefined }),
      errorLog: fc.option(fc.constantFrom('/var/log/nginx/kafka.log', 'stderr'), { nil: undefined }),
    },
    { requiredKeys: ['workers'] },
  )
  .map((options) => ({ $factory: 'LoadBalancerShape.externalHost', options }));

const inCluster = fc
  .record(
    {
      serviceType: fc.option(fc.constantFrom('LoadBalancer', 'LoadBalancer', 'LoadBalancer', 'NodePort'), {
        nil: undefined,
      }),
      replicas: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      image: fc.option(fc.constant('nginx:1.27.3-alpine'), { nil: undefined }),
      clusterDomain: fc.option(fc.constantFrom('cluster.local', 'corp.local'), { nil: undefined }),
      loadBalancerSourceRanges: fc.option(fc.constant(['10.0.0.0/8']), { nil: undefined }),
    },
    { requiredKeys: [] },
  )
  .map((options) => ({ $factory: 'LoadBalancerShape.inCluster', options }));

const loadBalancer = fc.record(
  {
    shape: fc.oneof(externalHost, inCluster),
    maxFails: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    failTimeout: fc.option(seconds(1, 60), { nil: undefined }),
    proxyConnectTimeout: fc.option(seconds(1, 5), { nil: undefined }),
    proxyTimeout: fc.option(seconds(1, 600), { nil: undefined }),
  },
  { requiredKeys: ['shape'] },
);

/**
 * A config map: some of the given keys, each with a value Kafka accepts (as a number or a string, as
 * users write them) or, now and then, one it refuses; plus now and then a misspelt or foreign key.
 */
function configMap(entries: Record<string, fc.Arbitrary<unknown>>, odd: Record<string, unknown>) {
  const keys = Object.keys(entries);
  return fc
    .tuple(
      fc.subarray(keys, { minLength: 1 }),
      fc.tuple(...keys.map((k) => entries[k])),
      fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 4 },
        { arbitrary: fc.constantFrom(...Object.entries(odd)), weight: 1 },
      ),
    )
    .map(([chosen, values, extra]) => {
      const config: Record<string, unknown> = {};
      for (const k of chosen) config[k] = values[keys.indexOf(k)];
      if (extra) config[extra[0]] = extra[1];
      return config;
    });
}
const numberOrString = (a: fc.Arbitrary<number>) => fc.oneof(a, a.map(String));
/** Broker configs: valid values mostly; wrong ones (rejected: kafka-config-value) now and then. */
const brokerConfig = configMap(
  {
    'num.partitions': numberOrString(fc.integer({ min: 1, max: 12 })),
    'auto.create.topics.enable': fc.constantFrom<unknown>(false, true, 'false', 'TRUE'),
    'log.retention.hours': numberOrString(fc.integer({ min: 1, max: 10_000 })),
    'compression.type': fc.constantFrom('producer', 'zstd', 'lz4'),
    'log.cleanup.policy': fc.constantFrom('delete', 'compact,delete', 'compact, delete'),
    'log.cleaner.min.cleanable.ratio': fc.constantFrom<unknown>(0.5, '0.1'),
  },
  { 'num.partitons': 3, 'retention.ms': 1000, 'compression.type': 'GZIP', 'log.retention.hours': '1.5' },
);
/** Topic configs: valid values mostly; typos, broker keys, bad values and broken relations now and then. */
const topicConfig = configMap(
  {
    'retention.ms': numberOrString(fc.integer({ min: -1, max: 2 ** 31 })),
    'cleanup.policy': fc.constantFrom('delete', 'compact', 'compact,delete'),
    'segment.bytes': numberOrString(fc.integer({ min: 1_048_576, max: 2 ** 30 })),
    'min.compaction.lag.ms': numberOrString(fc.integer({ min: 0, max: 10_000 })),
    'max.compaction.lag.ms': numberOrString(fc.integer({ min: 10_000, max: 2 ** 40 })),
    'min.cleanable.dirty.ratio': fc.constantFrom<unknown>(0.5, '0.01', 1),
    'compression.type': fc.constantFrom('producer', 'gzip', 'uncompressed'),
  },
  {
    'cleanup.polciy': 'compact',
    'log.retention.hours': 168,
    'segment.bytes': 524288,
    'min.compaction.lag.ms': 2 ** 41,
    'remote.storage.enable': true,
    'preallocate': 'yes',
  },
);

/** Cruise Control: on, off, or a few of its options (small lists, pools by the names above). */
const cruiseControl = fc.oneof(
  fc.boolean(),
  fc.record(
    {
      goals: fc.option(fc.constant(['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal']), { nil: undefined }),
      hardGoals: fc.option(fc.constantFrom(['RackAwareGoal'], ['RackAwareGoal', 'DiskCapacityGoal']), {
        nil: undefined,
      }),
      brokerCapacity: fc.option(
        fc.record(
          {
            cpu: fc.constantFrom('1', '2', '1500m'),
            inboundNetwork: fc.constant('125MiB/s'),
            outboundNetwork: fc.constant('125MiB/s'),
            overrides: fc.option(fc.constant([{ pool: 'broker', cpu: '4' }]), { nil: undefined }),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
      config: fc.option(fc.constant({ 'cpu.balance.threshold': 1.1 }), { nil: undefined }),
      autoRebalance: fc.option(fc.constantFrom({ removeBrokers: {} }, { addBrokers: { template: 'grow' } }), {
        nil: undefined,
      }),
    },
    { requiredKeys: [] },
  ),
);

/** Rack awareness over up to three zones. */
const rack = fc.record(
  {
    topologyKey: fc.option(fc.constantFrom('topology.kubernetes.io/zone', 'rack'), { nil: undefined }),
    zones: fc.option(fc.constantFrom(['a'], ['a', 'b', 'c']), { nil: undefined }),
    spreadPods: fc.option(fc.boolean(), { nil: undefined }),
  },
  { requiredKeys: [] },
);

const clusterProps = fc.record(
  {
    clusterName: fc.option(dnsName, { nil: undefined }),
    strimziVersion: fc.option(fc.constantFrom('1.2.0', '0.43.0', '0.44.0', '0.48.0'), { nil: undefined }),
    nodePools,
    listeners: fc.option(
      fc.constantFrom(
        [{ name: 'plain', port: 9092 }],
        [
          { name: 'plain', port: 9092 },
          { name: 'tls', port: 9096, tls: true },
        ],
      ),
      { nil: undefined },
    ),
    nodePortListeners: fc.option(fc.array(nodePortListener, { minLength: 1, maxLength: 1 }), { nil: undefined }),
    externalListeners: fc.oneof(
      { weight: 2, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.uniqueArray(externalListener, { selector: (l) => l.name, minLength: 1, maxLength: 2 }),
      },
    ),
    replication: fc.option(fc.record({ factor: fc.integer({ min: 1, max: 3 }) }), { nil: undefined, freq: 4 }),
    config: fc.option(brokerConfig, { nil: undefined }),
    uncheckedConfig: fc.option(
      fc.constant({ 'rlmm.config.remote.log.metadata.topic.num.partitions': 'a plugin key' }),
      {
        nil: undefined,
        freq: 4,
      },
    ),
    authorization: fc.option(fc.constant({ type: 'simple' }), { nil: undefined }),
    cruiseControl: fc.option(cruiseControl, { nil: undefined, freq: 2 }),
    rack: fc.option(rack, { nil: undefined, freq: 3 }),
    topicOperator: fc.option(fc.boolean(), { nil: undefined }),
    userOperator: fc.option(fc.boolean(), { nil: undefined }),
    metrics: fc.option(
      fc.constantFrom(
        true,
        { kafka: { type: 'strimziMetricsReporter', allowList: ['kafka_server_.*'] } },
        { kafkaExporter: { topicRegex: 'orders-.*', groupExcludeRegex: '^console-' }, cruiseControl: false },
        { kafka: { configMap: { name: 'my-metrics', key: 'kafka.yml' } }, kafkaExporter: false },
      ),
      { nil: undefined, freq: 2 },
    ),
  },
  { requiredKeys: ['nodePools'] },
);

const clusterRef = { $ref: 'cluster' };

const userProps = fc.record(
  {
    cluster: fc.constant(clusterRef),
    userName: fc.option(fc.constantFrom('orders-producer', 'app'), { nil: undefined }),
    authentication: fc.constantFrom(
      { type: 'scram-sha-512' },
      { type: 'tls' },
      { type: 'scram-sha-512', password: { secretName: 'app-password', key: 'password' } },
    ),
    acls: fc.option(
      fc.constant([
        { resource: { type: 'topic', name: 'orders', patternType: 'prefix' }, operations: ['Read', 'Describe'] },
        { resource: { type: 'group', name: 'orders-app' }, operations: ['Read'], host: '*' },
      ]),
      { nil: undefined },
    ),
    quotas: fc.option(fc.constant({ producerByteRate: 1048576, requestPercentage: 50 }), { nil: undefined }),
  },
  { requiredKeys: ['cluster', 'authentication'] },
);

const topicProps = fc.record(
  {
    cluster: fc.constant(clusterRef),
    topicName: fc.option(fc.constantFrom('orders', 'Orders_V1'), { nil: undefined }),
    partitions: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    replicas: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    config: fc.option(topicConfig, { nil: undefined }),
    uncheckedConfig: fc.option(fc.constant({ 'remote.log.copy.disable': 'Kafka 3.9 key; brokers upgraded first' }), {
      nil: undefined,
      freq: 4,
    }),
  },
  { requiredKeys: ['cluster'] },
);

/** Metrics of a Connect, mirror or bridge: the exporter, the Metrics Reporter (0.48.0 on), or the user's ConfigMap. */
const clientMetrics = fc.option(
  fc.constantFrom(
    true,
    { type: 'strimziMetricsReporter', allowList: ['kafka_.*'] },
    { configMap: { name: 'c-metrics', key: 'm.yml' } },
  ),
  { nil: undefined, freq: 3 },
);

/** A mirror into the cluster from one or two external sources. */
const mirrorProps = fc.record(
  {
    target: fc.constant({ cluster: clusterRef }),
    externalSources: fc.constantFrom(
      [{ alias: 'dc2', bootstrapServers: 'kafka.dc2.example.com:9094' }],
      [
        {
          alias: 'dc2',
          bootstrapServers: 'kafka.dc2.example.com:9094',
          trustedCertificateSecret: 'dc2-ca',
          authentication: { type: 'scram-sha-512', secretName: 'dc2-mirror' },
        },
        {
          alias: 'dc3',
          bootstrapServers: 'kafka.dc3.example.com:9093',
          trustedCertificateSecret: 'dc3-ca',
          authentication: { type: 'tls', secretName: 'dc3-mirror' },
        },
      ],
    ),
    topicsPattern: fc.constantFrom(undefined, '.*', 'orders|payments', 'orders\\..*', '(?i)orders', '[orders'),
    groupsPattern: fc.option(fc.constantFrom('.*', 'billing'), { nil: undefined }),
    replicas: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    replicationFactor: fc.constantFrom(undefined, undefined, -1, 1, 4),
    replicationPolicy: fc.option(fc.constantFrom('default', 'identity'), { nil: undefined }),
    offsetSyncsTopicLocation: fc.option(fc.constantFrom('source', 'target'), { nil: undefined }),
    syncGroupOffsets: fc.option(fc.boolean(), { nil: undefined }),
    emitCheckpointsIntervalSeconds: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
    heartbeats: fc.constantFrom(undefined, undefined, undefined, false, true),
    tasksMax: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    resources: fc.option(fc.constant({ requests: { memory: '1Gi' }, limits: { memory: '2Gi' } }), { nil: undefined }),
    sourceConnectorConfig: fc.option(fc.constant({ 'offset.lag.max': 100 }), { nil: undefined }),
    metrics: clientMetrics,
  },
  { requiredKeys: ['target', 'externalSources'] },
);

const rebalanceProps = fc.record(
  {
    cluster: fc.constant(clusterRef),
    mode: fc.option(fc.constantFrom('full', 'add-brokers', 'remove-brokers'), { nil: undefined }),
    brokers: fc.option(fc.constantFrom({ pool: 'broker' }, { nodeIds: [0, 1] }), { nil: undefined }),
    goals: fc.option(fc.constant(['RackAwareGoal', 'ReplicaDistributionGoal']), { nil: undefined }),
    skipHardGoalCheck: fc.option(fc.boolean(), { nil: undefined }),
    autoApprove: fc.option(fc.boolean(), { nil: undefined }),
    template: fc.option(fc.boolean(), { nil: undefined, freq: 3 }),
  },
  { requiredKeys: ['cluster'] },
);

const connectProps = fc.record(
  {
    cluster: fc.constant(clusterRef),
    listener: fc.option(fc.constantFrom('scram', 'tls'), { nil: undefined }),
    replicas: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    storageReplicationFactor: fc.option(fc.constantFrom(-1, 1, 3), { nil: undefined }),
    config: fc.option(fc.constant({ 'key.converter': 'org.apache.kafka.connect.json.JsonConverter' }), {
      nil: undefined,
    }),
    resources: fc.option(fc.constant({ requests: { memory: '1Gi' }, limits: { memory: '1Gi' } }), { nil: undefined }),
    build: fc.option(
      fc.constant({
        output: { type: 'docker', image: 'registry.example.com/connect:1', pushSecret: 'push' },
        plugins: [
          {
            name: 'file',
            artifacts: [{ type: 'maven', group: 'org.apache.kafka', artifact: 'connect-file', version: '4.0.0' }],
          },
        ],
      }),
      { nil: undefined },
    ),
    metrics: clientMetrics,
  },
  { requiredKeys: ['cluster'] },
);

/**
 * The rebalances of a cluster: none without Cruise Control (each would be rejected, leaving too few
 * accepted apps), and the template its auto-rebalancing names.
 */
function rebalancesOf(cc: unknown, rebalances: PropsSpec[]): PropsSpec[] {
  if (!cc) return [];
  const named = (cc as { autoRebalance?: { addBrokers?: { template?: string } } }).autoRebalance?.addBrokers?.template;
  const template = { id: 'template', props: { cluster: clusterRef, name: named, template: true } };
  return named ? [...rebalances, template] : rebalances;
}
const connectorProps = fc.record(
  {
    class: fc.constant('org.apache.kafka.connect.file.FileStreamSourceConnector'),
    tasksMax: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    state: fc.option(fc.constantFrom('running', 'paused', 'stopped'), { nil: undefined }),
    config: fc.option(fc.constant({ file: '/opt/kafka/LICENSE', topic: 'lines' }), { nil: undefined }),
    topics: fc.option(fc.constant(['lines']), { nil: undefined }),
    autoRestart: fc.option(fc.constant({ enabled: true, maxRestarts: 3 }), { nil: undefined }),
  },
  { requiredKeys: ['class'] },
);

/** An operator watching every namespace the charts use (else every cluster would be unwatched). */
const operatorProps = fc
  .record(
    {
      watchNamespaces: fc.constant(['kafka', 'kafka-b']),
      replicas: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
      resources: fc.constant({ requests: { memory: '512Mi' }, limits: { memory: '512Mi' } }),
      featureGates: fc.option(fc.constant(['+UseConnectBuildWithBuildah']), { nil: undefined }),
      image: fc.option(fc.constant({ registry: 'registry.example.com' }), { nil: undefined }),
      imagePullSecrets: fc.option(fc.constant(['pull-secret']), { nil: undefined }),
      logLevel: fc.option(fc.constantFrom('INFO', 'DEBUG'), { nil: undefined }),
      operationTimeout: fc.option(seconds(60, 600), { nil: undefined }),
      env: fc.option(fc.constant({ STRIMZI_CUSTOM: 'x' }), { nil: undefined }),
      nodeSelector: fc.option(fc.constant({ 'kubernetes.io/os': 'linux' }), { nil: undefined }),
      tolerations: fc.option(
        fc.constant([{ key: 'dedicated', operator: 'Equal', value: 'kafka', effect: 'NoSchedule' }]),
        {
          nil: undefined,
        },
      ),
      podDisruptionBudget: fc.option(fc.constant({ minAvailable: 1 }), { nil: undefined }),
    },
    { requiredKeys: ['watchNamespaces', 'resources'] },
  )
  .map((p) => (p.podDisruptionBudget ? { ...p, replicas: 2 } : p)); // one pod of one could never be evicted

const few = (props: fc.Arbitrary<Record<string, unknown>>, prefix: string) =>
  fc
    .oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: props.map((p) => [p]) })
    .map((list) => list.map((p, i): PropsSpec => ({ id: `${prefix}${i}`, props: p })));

const bridgeProps = fc.record(
  {
    cluster: fc.constant(clusterRef),
    listener: fc.option(fc.constantFrom('scram', 'tls'), { nil: undefined }),
    replicas: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    topics: fc.option(fc.constant(['orders', 'events.*']), { nil: undefined }),
    consumerGroups: fc.option(fc.constant(['http-*']), { nil: undefined }),
    http: fc.option(
      fc.record(
        {
          port: fc.option(fc.integer({ min: 1023, max: 65535 }), { nil: undefined }),
          cors: fc.option(
            fc.constant({ allowedOrigins: ['https://.*\\.example\\.com'], allowedMethods: ['GET', 'POST'] }),
            { nil: undefined },
          ),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
    producer: fc.option(fc.constant({ config: { 'acks': 'all', 'linger.ms': 5 } }), { nil: undefined }),
    consumer: fc.option(fc.constant({ config: { 'auto.offset.reset': 'earliest' } }), { nil: undefined }),
    resources: fc.option(fc.constant({ requests: { cpu: '100m', memory: '256Mi' } }), { nil: undefined }),
    metrics: clientMetrics,
  },
  { requiredKeys: ['cluster'] },
);

/** Listeners every user authentication type can use. */
const userListeners = [
  { name: 'plain', port: 9092 },
  { name: 'scram', port: 9095, tls: true, authentication: { type: 'scram-sha-512' } },
  { name: 'tls', port: 9096, tls: true, authentication: { type: 'tls' } },
];

const cluster = (id: string) =>
  fc
    .tuple(
      clusterProps,
      fc.option(loadBalancer, { nil: undefined }),
      few(userProps, 'user'),
      few(topicProps, 'topic'),
      few(mirrorProps, 'mirror'),
      few(bridgeProps, 'bridge'),
      few(rebalanceProps, 'rebalance'),
    )
    .map(([props, lb, users, topics, mirrors, bridges, rebalances]): ClusterSpec => {
      // a cluster with users or clients gets the listeners and authorization they need (else every one is rejected)
      const withUsers =
        users.length + mirrors.length + bridges.length > 0
          ? { ...props, listeners: userListeners, authorization: { type: 'simple' } }
          : props;
      return {
        id,
        props: withUsers,
        loadBalancers: lb && props.nodePortListeners ? [{ id: 'lb', options: lb }] : [],
        users,
        topics,
        mirrors,
        bridges,
        rebalances: rebalancesOf(props.cruiseControl, rebalances),
      };
    });

/**
 * Kafka Connects (with connectors) on the first cluster, which then gets the listeners and
 * authorization they need. Drawn apart from appSpec, so the plan's before/after pairs stay as they were.
 */
const withConnects = (app: AppSpec): fc.Arbitrary<AppSpec> =>
  fc.tuple(few(connectProps, 'connect'), few(connectorProps, 'connector')).map(([connects, connectors]) => {
    if (connects.length === 0) return app;
    const [first, ...rest] = app.charts;
    const [cl, ...others] = first.clusters;
    const props = { ...cl.props, listeners: userListeners, authorization: { type: 'simple' } };
    return { ...app, charts: [{ ...first, clusters: [{ ...cl, props, connects, connectors }, ...others] }, ...rest] };
  });

/** An app of one or two charts, each with one cluster (two charts may hold clusters of one name). */
export const appSpec: fc.Arbitrary<AppSpec> = fc.oneof(
  {
    weight: 3,
    arbitrary: cluster('my-cluster').map((c) => ({ charts: [{ id: 'kafka', namespace: 'kafka', clusters: [c] }] })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(cluster('my-cluster'), cluster('other'), fc.constantFrom('kafka-b', 'kafka-b', undefined, 'kafka'))
      .map(([a, b, ns]) => ({
        charts: [
          { id: 'a', namespace: 'kafka', clusters: [a] },
          { id: 'b', namespace: ns, clusters: [b] },
        ],
      })),
  },
);

/** An app, a quarter of them with a cluster operator. */
const appWithOperator: fc.Arbitrary<AppSpec> = fc
  .tuple(
    appSpec.chain(withConnects),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant<PropsSpec[]>([]) },
      { weight: 1, arbitrary: few(operatorProps, 'op') },
    ),
  )
  .map(([app, operators]) => ({ ...app, operators }));

/** A random app with up to three values replaced by garbage (a quarter of the cases untouched). */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  spec: appWithOperator,
  corruptions: fc.oneof(
    // a third uncorrupted: the kinds' random props alone reject most apps, and valid output must be checked too
    { weight: 1, arbitrary: fc.constant<Corruption[]>([]) },
    { weight: 2, arbitrary: fc.array(fc.record({ index: fc.nat(), value: garbage }), { minLength: 1, maxLength: 3 }) },
  ),
});
