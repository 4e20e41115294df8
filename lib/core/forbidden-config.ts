import { compareVersions } from './release';

/**
 * Kafka `config` keys the operator manages itself and drops silently when a user sets them:
 * prefixes, and exact keys excepted from them. Read from the `spec.kafka.config` description of
 * the Kafka CRD of each release in `../shared/strimzi` (`test/forbidden-config.test.ts` checks it).
 * Releases in between use the list of the nearest older verified release; 1.x CRDs no longer
 * print the list, so 0.48.0's applies from there on.
 */
interface ForbiddenList {
  readonly since: string;
  readonly prefixes: readonly string[];
  readonly exceptions: readonly string[];
}

const BASE_PREFIXES = [
  'listeners',
  'advertised.',
  'broker.',
  'listener.',
  'host.name',
  'port',
  'inter.broker.listener.name',
  'sasl.',
  'ssl.',
  'security.',
  'password.',
  'log.dir',
  'zookeeper.connect',
  'zookeeper.set.acl',
  'zookeeper.ssl',
  'zookeeper.clientCnxnSocket',
  'authorizer.',
  'super.user',
  'cruise.control.metrics.topic',
  'cruise.control.metrics.reporter.bootstrap.servers',
  'node.id',
  'process.roles',
  'controller.',
  'metadata.log.dir',
  'zookeeper.metadata.migration.enable',
];
const QUOTA_PREFIXES = [
  'client.quota.callback.static.kafka.admin.',
  'client.quota.callback.static.produce',
  'client.quota.callback.static.fetch',
  'client.quota.callback.static.storage.per.volume.limit.min.available.',
  'client.quota.callback.static.excluded.principal.name.list',
];
const BASE_EXCEPTIONS = [
  'zookeeper.connection.timeout.ms',
  'sasl.server.max.receive.size',
  'ssl.cipher.suites',
  'ssl.protocol',
  'ssl.enabled.protocols',
  'ssl.secure.random.implementation',
  'cruise.control.metrics.topic.num.partitions',
  'cruise.control.metrics.topic.replication.factor',
  'cruise.control.metrics.topic.retention.ms',
  'cruise.control.metrics.topic.auto.create.retries',
  'cruise.control.metrics.topic.auto.create.timeout.ms',
  'cruise.control.metrics.topic.min.insync.replicas',
];
const QUORUM_EXCEPTIONS = [
  'controller.quorum.election.backoff.max.ms',
  'controller.quorum.election.timeout.ms',
  'controller.quorum.fetch.timeout.ms',
];

/** Verified lists, oldest first. */
export const FORBIDDEN_CONFIG: readonly ForbiddenList[] = [
  { since: '0.41.0', prefixes: BASE_PREFIXES, exceptions: [...BASE_EXCEPTIONS, ...QUORUM_EXCEPTIONS] },
  {
    since: '0.43.0',
    prefixes: [...BASE_PREFIXES, ...QUOTA_PREFIXES],
    exceptions: [...BASE_EXCEPTIONS, ...QUORUM_EXCEPTIONS],
  },
  {
    since: '0.48.0',
    prefixes: [...BASE_PREFIXES, ...QUOTA_PREFIXES, 'prometheus.metrics.reporter.'],
    exceptions: [
      ...BASE_EXCEPTIONS,
      'broker.session.timeout.ms',
      'broker.heartbeat.interval.ms',
      'controller.socket.timeout.ms',
      ...QUORUM_EXCEPTIONS,
    ],
  },
];

/** The list that applies to a release. */
export function forbiddenConfigFor(release: string): ForbiddenList {
  return [...FORBIDDEN_CONFIG].reverse().find((l) => compareVersions(release, l.since) >= 0) ?? FORBIDDEN_CONFIG[0];
}

/** The forbidden prefix a key falls under for a release, or undefined when the key may be set. */
export function forbiddenPrefixOf(release: string, key: string): string | undefined {
  const list = forbiddenConfigFor(release);
  if (list.exceptions.includes(key)) return undefined;
  return list.prefixes.find((p) => key.startsWith(p));
}
