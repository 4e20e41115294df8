import { ApiObject, Chart, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { KafkaMirrorMaker2, KafkaMirrorMaker2Props, KraftCluster, KraftClusterProps } from '../../lib';
import type { RuleCase } from './rule-cases';
import { pools } from './rule-cases';

// Bad inputs for the rules of KafkaMirrorMaker2, with the exact messages.

const secure: KraftClusterProps = {
  nodePools: pools,
  listeners: [{ name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } }],
  authorization: { type: 'simple' },
};

/**
 * Source `a` in namespace east, target `b` and a mirror `mm2` of them in namespace kafka (3 brokers
 * each, Strimzi 1.2.0), the mirror naming its copies of a's Secrets.
 */
function mirror(
  props: (a: KraftCluster, b: KraftCluster) => Partial<KafkaMirrorMaker2Props>,
  cluster: Partial<KraftClusterProps> = {},
  more?: (chart: Chart, target: KraftCluster) => void,
): IConstruct {
  const app = Testing.app();
  const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
  const a = new KraftCluster(new Chart(app, 'east', { namespace: 'east' }), 'a', { ...secure, ...cluster });
  const b = new KraftCluster(chart, 'b', { ...secure, ...cluster });
  const copiedSecrets = { user: 'mm2-a', clusterCa: 'a-cluster-ca-cert' };
  new KafkaMirrorMaker2(chart, 'mm2', {
    target: { cluster: b },
    sources: [{ cluster: a, copiedSecrets }],
    ...props(a, b),
  });
  more?.(chart, b);
  return app;
}

export const MIRROR_MAKER_2_RULE_CASES: RuleCase[] = [
  { rule: 'mm2Name', name: "name 'East_West'", build: () => mirror(() => ({ name: 'East_West' })) },
  { rule: 'mm2Counts', name: 'tasksMax 0', build: () => mirror(() => ({ tasksMax: 0 })) },
  { rule: 'mm2Sources', name: 'no source', build: () => mirror(() => ({ sources: [] })) },
  {
    rule: 'mm2AliasSyntax',
    name: "alias 'cluster a'",
    build: () =>
      mirror((a) => ({
        sources: [
          { cluster: a, alias: 'cluster a', userName: 'mm2-a', copiedSecrets: { user: 'mm2-a', clusterCa: 'ca' } },
        ],
      })),
  },
  {
    rule: 'mm2AliasUnique',
    name: "an external source aliased 'a' beside cluster a",
    build: () => mirror(() => ({ externalSources: [{ alias: 'a', bootstrapServers: 'kafka.example.com:9094' }] })),
  },
  {
    rule: 'mm2SourceIsTarget',
    name: 'cluster b as its own source',
    build: () => mirror((_, b) => ({ sources: [{ cluster: b, alias: 'b-again', userName: 'mm2-b-again' }] })),
  },
  {
    rule: 'mm2ExternalTls',
    name: 'an external source with tls authentication and no trusted certificate',
    build: () =>
      mirror(() => ({
        externalSources: [
          { alias: 'dc2', bootstrapServers: 'kafka.dc2:9093', authentication: { type: 'tls', secretName: 'dc2-mm2' } },
        ],
      })),
  },
  { rule: 'mm2Pattern', name: "topicsPattern 'orders,*'", build: () => mirror(() => ({ topicsPattern: 'orders,*' })) },
  { rule: 'mm2ReplicationFactor', name: 'replicationFactor 4', build: () => mirror(() => ({ replicationFactor: 4 })) },
  {
    rule: 'mm2ConnectNameClash',
    name: 'a KafkaConnect named mm2',
    build: () =>
      mirror(
        () => ({}),
        {},
        (chart) =>
          new ApiObject(chart, 'connect', {
            apiVersion: 'kafka.strimzi.io/v1',
            kind: 'KafkaConnect',
            metadata: { name: 'mm2' },
          }),
      ),
  },
  {
    rule: 'mm2NamesUnique',
    name: 'two mirrors named mm2',
    build: () =>
      mirror(
        () => ({}),
        {},
        (chart, c) =>
          new KafkaMirrorMaker2(chart, 'mm2-again', {
            name: 'mm2',
            target: { cluster: c },
            externalSources: [{ alias: 'dc3', bootstrapServers: 'kafka.dc3.example.com:9092' }],
          }),
      ),
  },
  { rule: 'mm2ReleaseServes', name: 'heartbeats on 1.2.0', build: () => mirror(() => ({ heartbeats: true })) },
];

export const MIRROR_MAKER_2_EXPECTED: Record<string, string[]> = {
  'mm2NamesUnique | two mirrors named mm2': [
    '[kafka/mm2-again] name = "mm2": kafka/mm2 is a KafkaMirrorMaker2 of this name in namespace kafka too; one would replace the other. Fix: give each mirror its own name [mm2-names-unique]',
  ],
  "mm2Name | name 'East_West'": [
    "[kafka/mm2] name = \"East_West\": not a lower-case RFC 1035 label of at most 46 characters (Strimzi names its Service '<name>-mirrormaker2-api'). Fix: name the mirror with a-z, 0-9 and '-', starting with a letter, e.g. 'east-to-west' [mm2-name]",
  ],
  'mm2Counts | tasksMax 0': [
    '[kafka/mm2] tasksMax = 0: below 1. Fix: give 1 or more, or leave it out (1) [mm2-counts]',
  ],
  'mm2Sources | no source': [
    '[kafka/mm2] sources: the mirror has no source cluster. Fix: give sources (clusters of this app) or externalSources [mm2-sources]',
  ],
  "mm2AliasSyntax | alias 'cluster a'": [
    '[kafka/mm2] sources[0].alias = "cluster a": not a cluster alias of Strimzi 1.2.0 (1-100 of a-z A-Z 0-9 . _ -). Fix: set sources[0].alias, e.g. \'a\' [mm2-alias-syntax]',
  ],
  "mm2AliasUnique | an external source aliased 'a' beside cluster a": [
    '[kafka/mm2] externalSources[0].alias = "a": also the alias of sources[0]. Fix: give each cluster its own alias in externalSources[0].alias [mm2-alias-unique]',
  ],
  'mm2SourceIsTarget | cluster b as its own source': [
    '[kafka/mm2] sources[0] = "b-again": the source is the target cluster \'b\', and MirrorMaker would copy its own copies forever. Fix: mirror from another cluster [mm2-source-is-target]',
  ],
  'mm2ExternalTls | an external source with tls authentication and no trusted certificate': [
    "[kafka/mm2] externalSources[0].trustedCertificateSecret: cluster 'dc2' authenticates with a TLS certificate but is reached without TLS. Fix: name the Secret of its CA certificate in externalSources[0].trustedCertificateSecret [mm2-external-tls]",
  ],
  "mm2Pattern | topicsPattern 'orders,*'": [
    "[kafka/mm2] topicsPattern = \"orders,*\": '*' is not a regular expression (Nothing to repeat), and MirrorMaker's connectors would not start. Fix: give a Java regular expression, e.g. 'orders|payments' [mm2-pattern]",
  ],
  'mm2ReplicationFactor | replicationFactor 4': [
    "[kafka/mm2] replicationFactor = 4: exceeds the 3 broker(s) of the target; MirrorMaker could not create its topics. Fix: use at most 3, or leave it out (-1: the broker's default) [mm2-replication-factor]",
  ],
  'mm2ConnectNameClash | a KafkaConnect named mm2': [
    '[kafka/mm2] name = "mm2": a KafkaConnect of namespace kafka has this name too, and from Strimzi 0.48.0 their RoleBindings clash. Fix: give the mirror or the Connect another name [mm2-connect-name-clash]',
  ],
  'mm2ReleaseServes | heartbeats on 1.2.0': [
    '[kafka/mm2] heartbeats = true: KafkaMirrorMaker2 v1 of Strimzi 1.2.0 has no heartbeat connector. Fix: leave heartbeats out (or mirror into a cluster rendered as v1beta2, up to 0.51.0) [mm2-release-serves]',
  ],
};
