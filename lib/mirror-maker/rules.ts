/** The rules of the KafkaMirrorMaker2 kind, declared with the kind and collected into the catalogue (lib/rules.ts). */
import { APISERVER, OPERATOR, RUNTIME, Rule, rule } from '../core/rules';

/** The MirrorMaker 2 rules, by a short key used in the code. */
export const MIRROR_MAKER_2_RULES = {
  mm2Name: rule(
    'mm2-name',
    'MirrorMaker 2',
    'error',
    "The mirror's name is a lower-case RFC 1035 label of at most 46 characters: Strimzi names its REST API " +
      'Service `<name>-mirrormaker2-api` (KafkaMirrorMaker2Resources.serviceName), and a Service name is an RFC ' +
      '1035 label of at most 63 characters (Kubernetes API)',
    OPERATOR,
  ),
  mm2NamesUnique: rule(
    'mm2-names-unique',
    'MirrorMaker 2',
    'error',
    'Each KafkaMirrorMaker2 name is used once per namespace (Kubernetes names are unique per kind and namespace: ' +
      'the later object would replace the earlier one)',
    'nobody: one object silently replaces the other at apply',
  ),
  mm2Counts: rule(
    'mm2-counts',
    'MirrorMaker 2',
    'error',
    '`replicas` is 0 or more (a workload cannot run fewer pods) and `tasksMax` 1 or more (the KafkaMirrorMaker2 ' +
      'CRD: minimum 1)',
    APISERVER,
  ),
  mm2Sources: rule(
    'mm2-sources',
    'MirrorMaker 2',
    'error',
    'A mirror has at least one source cluster (the v1 CRD requires `mirrors`; a mirror without one copies nothing)',
    APISERVER,
  ),
  mm2AliasSyntax: rule(
    'mm2-alias-syntax',
    'MirrorMaker 2',
    'error',
    'A cluster alias matches the KafkaMirrorMaker2 CRD of the release (`^[a-zA-Z0-9._-]{1,100}$` in every release, ' +
      'read from the CRDs by scripts/import-mirror-maker-2.js)',
    APISERVER,
  ),
  mm2AliasUnique: rule(
    'mm2-alias-unique',
    'MirrorMaker 2',
    'error',
    'Each cluster alias names one cluster: mirrors refer to clusters by alias (v1beta2 `sourceCluster`/' +
      '`targetCluster`), and MirrorMaker names remote topics and `<alias>.checkpoints.internal` by it',
    RUNTIME,
  ),
  mm2SourceIsTarget: rule(
    'mm2-source-is-target',
    'MirrorMaker 2',
    'error',
    "A source is another cluster than the target: Kafka's MirrorSourceConnector detects replication cycles by " +
      'alias, not by cluster, so a cluster mirrored into itself under two aliases copies its own copies forever',
    RUNTIME,
  ),
  mm2Pattern: rule(
    'mm2-pattern',
    'MirrorMaker 2',
    'error',
    'Topic and group patterns are comma-separated lists of Java regular expressions (Kafka reads `topics`, ' +
      '`groups` and their `.exclude` as lists and compiles each with java.util.regex.Pattern); refused here ' +
      'only what JavaScript cannot compile and that uses no Java-only syntax (possessive quantifiers, atomic ' +
      'groups, inline flags, `\\Q..\\E`, `\\p{java..}`, `\\A`, `\\Z`, `\\z`, `\\G`, `\\h`, `\\R`, `\\v`), which ' +
      'Java refuses as well',
    'MirrorMaker, when its connectors start (PatternSyntaxException)',
  ),
  mm2ExternalTls: rule(
    'mm2-external-tls',
    'MirrorMaker 2',
    'error',
    'An external cluster with `tls` authentication names the Secret of its trusted certificate (TLS client ' +
      'authentication needs TLS; Strimzi refuses it without a `tls` block)',
    OPERATOR,
  ),
  mm2ReplicationFactor: rule(
    'mm2-replication-factor',
    'MirrorMaker 2',
    'error',
    "A replication factor of the topics MirrorMaker creates on the target is -1 (the broker's default) or from 1 " +
      "to the target's broker count (Kafka refuses a topic with more replicas than brokers: " +
      'InvalidReplicationFactorException)',
    RUNTIME,
  ),
  mm2ConnectNameClash: rule(
    'mm2-connect-name-clash',
    'MirrorMaker 2',
    'error',
    'A KafkaMirrorMaker2 and a KafkaConnect do not share a name in one namespace: from Strimzi 0.48.0 their ' +
      'operator-made RoleBindings are named alike and one overwrites the other (issue 18)',
    OPERATOR,
    '0.48.0-1.2.0',
  ),
  mm2ReleaseServes: rule(
    'mm2-release-serves',
    'MirrorMaker 2',
    'error',
    "The release serves what the mirror uses in the target cluster's API version (the KafkaMirrorMaker2 CRDs: " +
      'the heartbeat connector exists in v1beta2 only, v1 of 0.49.0 and later has none)',
    'nobody: the API server prunes the field silently',
  ),
} as const satisfies Record<string, Rule>;
