/** A cluster managed elsewhere, declared by the facts its owners give (`KraftCluster.fromAttributes`). */
import { Finding, collector, finding } from '../core/problem';
import { isDnsLabel } from '../core/syntax';
import { StrimziApiVersion } from '../core/release';
import { RULES } from '../rules';
import { authorizationFindings } from './authorization';
import { clusterNameFindings } from './cluster';
import { ConfigValue } from './config';
import { isNodeId } from './pool';
import {
  ClusterAuthorizationFact,
  ClusterFacts,
  ClusterListener,
  ClusterRackFact,
  insideBootstrapServers,
} from './cluster-facts';

/** A listener of a cluster managed elsewhere. */
export interface ListenerAttributes {
  /** Listener name, e.g. `tls`. */
  readonly name: string;
  /**
   * The listener's port on the brokers.
   * @integer
   */
  readonly port: number;
  /**
   * Strimzi listener type.
   * @default 'internal'
   */
  readonly type?: string;
  /**
   * Whether the listener uses TLS.
   * @default false
   */
  readonly tls?: boolean;
  /**
   * Authentication type of the listener: `scram-sha-512`, `tls`, `oauth` or `custom`.
   * @default - none
   */
  readonly authentication?: string;
  /**
   * `bootstrap.servers` for clients of the listener; required for listeners reached from outside.
   * @default - `<cluster>-kafka-bootstrap.<namespace>.svc:<port>` (`internal`), or the listener's
   *   own bootstrap Service (`cluster-ip`)
   * @maxLength 2000
   */
  readonly bootstrapServers?: string;
}

/** What is known of a Kafka cluster managed elsewhere. Each fact left out turns off the checks that need it. */
export interface ClusterAttributes {
  /** Name of the `Kafka` resource. */
  readonly clusterName: string;
  /**
   * Namespace of the `Kafka` resource.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /** Strimzi release its operator runs: decides the API version of the users and topics of this app. */
  readonly strimziVersion: string;
  /**
   * API version of its Strimzi resources.
   * @default - `v1` where the release serves it, else `v1beta2`
   */
  readonly apiVersion?: StrimziApiVersion;
  /** Apache Kafka version: its config catalogue checks the topics' config. */
  readonly kafkaVersion: string;
  /**
   * Its listeners.
   * @default - unknown: no listener checks
   * @maxItems 50
   */
  readonly listeners?: readonly ListenerAttributes[];
  /**
   * Node IDs of its brokers.
   * @default - unknown: no replica-count checks
   * @integer
   * @maxItems 10000
   */
  readonly brokerNodeIds?: readonly number[];
  /**
   * Replication factor of new topics.
   * @default - unknown
   * @integer
   */
  readonly replicationFactor?: number;
  /**
   * Its authorization: `{ type: 'none' }`, `simple` with super users, or `custom`.
   * @default - unknown: no ACL checks against it
   */
  readonly authorization?: ClusterAuthorizationFact;
  /**
   * Whether its User Operator runs.
   * @default - unknown
   */
  readonly userOperator?: boolean;
  /**
   * Whether its Topic Operator runs.
   * @default - unknown
   */
  readonly topicOperator?: boolean;
  /**
   * The namespace its User and Topic Operators watch (`entityOperator.*.watchedNamespace`).
   * @default - its own namespace
   */
  readonly watchedNamespace?: string;
  /**
   * Its brokers' Kafka `config`, the defaults its topics' config is checked against.
   * @default - unknown: the relations between a topic's keys and the brokers' are not checked
   */
  readonly config?: Record<string, ConfigValue>;
  /**
   * Its rack awareness (`spec.kafka.rack`): Connect and MirrorMaker 2 take `client.rack` from the same source.
   * @default - unknown
   */
  readonly rack?: ClusterRackFact;
  /**
   * Whether it runs Cruise Control (KafkaRebalances of it need it).
   * @default - unknown: rebalances of it are not checked for it
   */
  readonly cruiseControl?: boolean;
}

const INSIDE = ['internal', 'cluster-ip'];

/** What is wrong with the given facts on their own. */
export function importedClusterFindings(a: ClusterAttributes): Finding[] {
  const out = clusterNameFindings(a.clusterName, a.namespace);
  if (a.authorization && a.authorization.type !== 'none') out.push(...authorizationFindings(a.authorization));
  (a.listeners ?? []).forEach((l, i) => {
    if (!INSIDE.includes(l.type ?? 'internal') && !l.bootstrapServers) {
      const why = `a ${l.type} listener is reached through addresses only its owners know`;
      const fix = "give bootstrapServers, e.g. 'kafka.example.com:9094'";
      out.push(finding(RULES.propType, `listeners[${i}].bootstrapServers`, undefined, why, fix));
    }
  });
  out.push(...factFindings(a));
  return out;
}

/** Facts that have the right type but no meaning: they would turn checks on with garbage. */
function factFindings(a: ClusterAttributes): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  const r = a.replicationFactor;
  if (r !== undefined && !(Number.isInteger(r) && r >= 1)) {
    flag(RULES.replicationFactor, 'replicationFactor', r).says(
      'not a positive integer. Fix: give the replication factor its new topics get, e.g. 3, or leave it out',
    );
  }
  (a.brokerNodeIds ?? []).forEach((id, i) => {
    if (!isNodeId(id)) {
      flag(RULES.nodeIdsValid, `brokerNodeIds[${i}]`, id).says(
        'not a node ID (an integer from 0 to 2147483647). Fix: give the node IDs of its brokers',
      );
    }
  });
  const ns = a.watchedNamespace;
  if (ns !== undefined && !isDnsLabel(ns)) {
    flag(RULES.namespaceName, 'watchedNamespace', ns).says(
      'not a namespace (a DNS label). Fix: give the namespace its operators watch, or leave it out (its own)',
    );
  }
  return out;
}

/** The facts of a cluster managed elsewhere, bootstrap addresses derived as for a cluster of this app. */
export function importedClusterFacts(a: ClusterAttributes, namespace: string | undefined): ClusterFacts {
  const listener = (l: ListenerAttributes): ClusterListener => {
    const type = l.type ?? 'internal';
    return {
      name: l.name,
      type,
      port: l.port,
      tls: l.tls ?? false,
      authentication: l.authentication,
      reach: INSIDE.includes(type) ? 'internal' : 'external',
      bootstrapServers: l.bootstrapServers ?? insideBootstrapServers(a.clusterName, namespace, l),
    };
  };
  return {
    listeners: a.listeners && a.listeners.map(listener).sort((x, y) => x.port - y.port),
    brokerNodeIds: a.brokerNodeIds && [...a.brokerNodeIds].sort((x, y) => x - y),
    replicationFactor: a.replicationFactor,
    authorization: a.authorization,
    userOperator: a.userOperator,
    topicOperator: a.topicOperator,
    config: a.config,
    watchedNamespace: a.watchedNamespace,
    rack: a.rack,
    cruiseControl: a.cruiseControl === undefined ? undefined : { enabled: a.cruiseControl },
  };
}
