/** The rules of KafkaConnect and KafkaConnector, declared with the kind; lib/rules.ts collects them. */
import { APISERVER, NEVER, OPERATOR, RUNTIME, Rule, SILENT, rule } from '../core/rules';

/** The Kafka Connect rules, by a short key used in the code. */
export const CONNECT_RULES = {
  connectName: rule(
    'connect-name',
    'Kafka Connect',
    'error',
    'A KafkaConnect name is a lower-case RFC 1035 label of at most 51 characters: Strimzi names its REST API ' +
      'Service `<name>-connect-api` (KafkaConnectResources.serviceName), and a Service name is an RFC 1035 label ' +
      'of at most 63 characters (Kubernetes API)',
    OPERATOR,
  ),
  connectStorageUnique: rule(
    'connect-storage-unique',
    'Kafka Connect',
    'error',
    'Two groups of Connect workers on one Kafka cluster (KafkaConnects, and the KafkaMirrorMaker2s that run ' +
      'their own) share no `group.id` and no storage topic (workers of one group form one Connect cluster; ' +
      "Kafka Connect's distributed worker configuration)",
    'nobody: the two Connect clusters silently join into one',
  ),
  connectStorageReplication: rule(
    'connect-storage-replication',
    'Kafka Connect',
    'error',
    "A storage topic's replication factor is -1 (the brokers' default) or from 1 to the cluster's broker count " +
      "(Kafka Connect's `*.storage.replication.factor`; Kafka refuses to create a topic with more replicas than " +
      'brokers)',
    RUNTIME,
  ),
  connectConfigForbidden: rule(
    'connect-config-forbidden',
    'Kafka Connect',
    'error',
    "A KafkaConnect or KafkaConnector `config` key is none Strimzi forbids in the release (the CRDs' `config` " +
      'descriptions; derived by scripts/import-connect.js), nor one a prop sets (`groupId`, the storage topics, ' +
      '`class`, `tasksMax`)',
    SILENT,
  ),
  connectConfigValue: rule(
    'connect-config-value',
    'Kafka Connect',
    'error',
    "A KafkaConnect `config` value is one Kafka Connect's worker `ConfigDef` accepts for its Kafka version " +
      "(Kafka's Connect configuration reference, in the catalogue `npm run import` derives)",
    'the Connect pods, at start (ConfigException)',
  ),
  connectConfigUnknown: rule(
    'connect-config-unknown',
    'Kafka Connect',
    'warning',
    'A KafkaConnect `config` key that is no worker config of its Kafka version but close to one is likely a typo ' +
      '(the worker accepts unknown keys: plugins and prefixed client configs read them)',
    'nobody: the worker ignores it',
  ),
  connectBuild: rule(
    'connect-build',
    'Kafka Connect',
    'error',
    'A build plugin name matches `^[a-z0-9][-_a-z0-9]*[a-z0-9]$` and is unique in the KafkaConnect (CRD); each ' +
      'artifact has the fields of its type (jar, tgz, zip, other: `url`; maven: `group`, `artifact`, `version`), ' +
      'a `sha512sum` is 128 hex digits (Strimzi build docs)',
    OPERATOR,
  ),
  connectorConnect: rule(
    'connector-connect',
    'Kafka Connect',
    'error',
    "A KafkaConnector is in its KafkaConnect's namespace, the KafkaConnect belongs to this app, and it uses " +
      'connector resources (`strimzi.io/use-connector-resources`)',
    NEVER,
  ),
  connectorName: rule(
    'connector-name',
    'Kafka Connect',
    'error',
    'A KafkaConnector name is a lower-case DNS subdomain (a Kubernetes resource name)',
    APISERVER,
  ),
  connectNamesUnique: rule(
    'connect-names-unique',
    'Kafka Connect',
    'error',
    'Each KafkaConnect and each KafkaConnector name is used once per namespace (Kubernetes names are unique per ' +
      'kind and namespace: the later object would replace the earlier one)',
    'nobody: one object silently replaces the other at apply',
  ),
  connectorVersion: rule(
    'connector-version',
    'Kafka Connect',
    'error',
    "A connector's `version` needs a release whose KafkaConnector serves it (0.49.0 and later; derived from the " +
      'CRDs) and a Connect of Kafka 4.1.0 or later (the CRD: "only supported when using Kafka Connect version ' +
      '4.1.0 and higher")',
    APISERVER,
  ),
  connectorTasksMax: rule(
    'connector-tasks-max',
    'Kafka Connect',
    'error',
    '`tasksMax` is an integer of at least 1 (KafkaConnector CRD: minimum 1)',
    APISERVER,
  ),
  connectorState: rule(
    'connector-state',
    'Kafka Connect',
    'error',
    "A connector's `state` is one the release's KafkaConnector CRD serves (derived by scripts/import-connect.js)",
    APISERVER,
  ),
  connectorTopic: rule(
    'connector-topic',
    'Kafka Connect',
    'error',
    "A connector's `topics` are Kafka topic names (1-249 of `[a-zA-Z0-9._-]`), or prefixes ending in `*`",
    RUNTIME,
  ),
  connectMirrorMakerName: rule(
    'connect-mm2-name',
    'Kafka Connect',
    'error',
    'A KafkaConnect and a KafkaMirrorMaker2 of one namespace have different names: from Strimzi 0.48.0 the ' +
      "operator names both kinds' RoleBindings after the resource name alone, so one overwrites the other " +
      '(issue 18; Connect: KafkaConnectResources.connectRoleBindingName)',
    OPERATOR,
    '0.48.0-1.2.0',
  ),
} as const satisfies Record<string, Rule>;
