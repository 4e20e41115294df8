/**
 * The rules of a client of a cluster (Kafka Connect, MirrorMaker 2, the Bridge, a `KafkaClient`):
 * one listener, its TLS trust and its authentication, derived in one place (model/client.ts).
 */
import { RUNTIME, SILENT, rule } from '../core/rules';

/** The client rules, by a short key used in the code. */
export const CLIENT_RULES = {
  clientListenerKnown: rule(
    'client-listener-known',
    'Clients',
    'error',
    'A client names a listener its cluster has',
    RUNTIME,
  ),
  clientListenerReachable: rule(
    'client-listener-reachable',
    'Clients',
    'error',
    'A client without a listener named connects to an internal listener of its cluster; the cluster has one',
    RUNTIME,
  ),
  clientListenerAuthentication: rule(
    'client-listener-authentication',
    'Clients',
    'error',
    'A client authenticates to its listener: scram-sha-512 or tls (a listener without authentication ' +
      "under simple authorization admits only the principal ANONYMOUS, which Strimzi's simple authorizer denies; " +
      'oauth and custom need credentials the library does not derive)',
    RUNTIME,
  ),
  clientUserType: rule(
    'client-user-type',
    'Clients',
    'error',
    "A client's KafkaUser authenticates the way its listener does (scram-sha-512 user on a scram-sha-512 " +
      'listener, tls or tls-external user on a tls listener)',
    RUNTIME,
  ),
  clientUserCluster: rule(
    'client-user-cluster',
    'Clients',
    'error',
    "A client's KafkaUser belongs to the cluster the client connects to",
    RUNTIME,
  ),
  clientUserSecret: rule(
    'client-user-secret',
    'Clients',
    'error',
    "A client's KafkaUser has a Secret the User Operator writes (scram-sha-512 or tls; a tls-external " +
      'certificate is yours to mount)',
    RUNTIME,
  ),
  clientSecretsNamespace: rule(
    'client-secrets-namespace',
    'Clients',
    'error',
    "A client in another namespace than its user's Secret and the cluster CA certificate names copies of " +
      'them in its own namespace (a pod mounts Secrets of its own namespace only; Kubernetes API)',
    'kubelet: the pod never starts (secret not found)',
  ),
  clientRackCluster: rule(
    'client-rack-cluster',
    'Clients',
    'error',
    'A Connect or MirrorMaker 2 with `rack` connects to a rack-aware cluster: it takes `client.rack` from the ' +
      "same source as the brokers' `broker.rack` (Strimzi `rack`)",
    RUNTIME,
  ),
  clientRackSelector: rule(
    'client-rack-selector',
    'Clients',
    'warning',
    '`client.rack` lets consumers fetch from a replica in their zone only when the brokers set ' +
      '`replica.selector.class` to the RackAwareReplicaSelector (Kafka KIP-392; the default reads from leaders)',
    SILENT,
  ),
  clientTopicDeclared: rule(
    'client-topic-declared',
    'Clients',
    'warning',
    "A topic a client names (KafkaClient `produces`/`consumes`, a Bridge's or connector's `topics`) is one of the " +
      "KafkaTopics the app declares for the client's cluster, when the app declares that cluster's topics (a " +
      'misspelt name gets ACLs on a topic nobody made)',
    'nobody: the client is denied, or writes to an auto-created topic',
  ),
} as const;
