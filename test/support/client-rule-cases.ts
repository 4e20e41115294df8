import { Chart, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import {
  KafkaClient,
  KafkaClientProps,
  KafkaConnect,
  KafkaTopic,
  KafkaUser,
  KraftCluster,
  KraftClusterProps,
} from '../../lib';
import type { RuleCase } from './rule-cases';
import { pools } from './rule-cases';

// Bad inputs for the rules of clients (the wiring KafkaConnect, KafkaMirrorMaker2, KafkaBridge and
// KafkaClient share), with the exact messages.

const secure: KraftClusterProps = {
  nodePools: pools,
  listeners: [
    { name: 'plain', port: 9092 },
    { name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } },
    { name: 'scram', port: 9094, tls: true, authentication: { type: 'scram-sha-512' } },
    {
      name: 'oauth',
      port: 9095,
      tls: true,
      authentication: { type: 'custom', sasl: true, listenerConfig: {} } as never,
    },
  ],
  authorization: { type: 'simple' },
};

/** A cluster `c` in namespace kafka and a client `app` built by `then`. */
function client(props: Partial<KafkaClientProps>, cluster: Partial<KraftClusterProps> = {}, ns = 'kafka'): IConstruct {
  const app = Testing.app();
  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const c = new KraftCluster(kafka, 'c', { ...secure, ...cluster });
  const where = ns === 'kafka' ? kafka : new Chart(app, ns, { namespace: ns });
  const user = props.user as unknown as ((c: KraftCluster, chart: Chart) => KafkaUser) | undefined;
  new KafkaClient(where, 'app', { cluster: c, ...props, user: user?.(c, kafka) });
  return app;
}

/** A cluster `c` in namespace kafka and a Connect with rack: true. */
function rackConnect(cluster: Partial<KraftClusterProps>): IConstruct {
  const app = Testing.app();
  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  new KafkaConnect(kafka, 'pipeline', { cluster: new KraftCluster(kafka, 'c', { ...secure, ...cluster }), rack: true });
  return app;
}

/** A cluster `c` with the KafkaTopic `orders`, and a client that consumes `ordres`. */
function misspeltTopic(): IConstruct {
  const app = Testing.app();
  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const c = new KraftCluster(kafka, 'c', secure);
  new KafkaTopic(kafka, 'orders', { cluster: c });
  new KafkaClient(kafka, 'billing', { cluster: c, consumes: ['ordres', 'orders', 'payments.*'] });
  return app;
}

export const CLIENT_RULE_CASES: RuleCase[] = [
  { rule: 'clientTopicDeclared', name: "consumes 'ordres'", build: misspeltTopic },
  { rule: 'clientRackCluster', name: 'rack on a cluster without zones', build: () => rackConnect({}) },
  {
    rule: 'clientRackSelector',
    name: 'rack without the replica selector',
    build: () => rackConnect({ rack: { zones: ['a', 'b', 'c'] } }),
  },
  { rule: 'clientListenerKnown', name: "listener 'external'", build: () => client({ listener: 'external' }) },
  {
    rule: 'clientListenerReachable',
    name: 'a cluster with a nodeport listener only',
    build: () =>
      client(
        {},
        {
          listeners: [],
          nodePortListeners: [
            { bootstrapNodePort: 32100, advertisedHost: 'kafka.example.com', advertisedPortBase: 8091 },
          ],
        },
      ),
  },
  { rule: 'clientListenerAuthentication', name: 'a plain listener', build: () => client({ listener: 'plain' }) },
  {
    rule: 'clientUserType',
    name: 'a tls user on the scram listener',
    build: () =>
      client({
        listener: 'scram',
        user: ((c: KraftCluster, chart: Chart) =>
          new KafkaUser(chart, 'u', { cluster: c, authentication: { type: 'tls' } })) as never,
      }),
  },
  {
    rule: 'clientUserCluster',
    name: "a user of cluster 'd'",
    build: () =>
      client({
        user: ((_: KraftCluster, chart: Chart) =>
          new KafkaUser(chart, 'u', {
            cluster: new KraftCluster(chart, 'd', secure),
            authentication: { type: 'tls' },
          })) as never,
      }),
  },
  {
    rule: 'clientUserSecret',
    name: 'a tls-external user',
    build: () =>
      client({
        user: ((c: KraftCluster, chart: Chart) =>
          new KafkaUser(chart, 'u', { cluster: c, authentication: { type: 'tls-external' } })) as never,
      }),
  },
  { rule: 'clientSecretsNamespace', name: 'a client in namespace apps', build: () => client({}, {}, 'apps') },
];

export const CLIENT_EXPECTED: Record<string, string[]> = {
  "clientTopicDeclared | consumes 'ordres'": [
    "[kafka/billing] warning: consumes[0] = \"ordres\": no KafkaTopic of this app declares 'ordres' on cluster 'c' (it declares orders). Fix: declare it with a KafkaTopic, or correct the name [client-topic-declared]",
  ],
  'clientRackCluster | rack on a cluster without zones': [
    "[kafka/pipeline] rack = true: cluster 'c' has no rack awareness, so the pods have no rack to take. Fix: give the cluster rack: { zones: [...] } (or declare its rack in KraftCluster.fromAttributes), or leave rack out [client-rack-cluster]",
  ],
  'clientRackSelector | rack without the replica selector': [
    "[kafka/pipeline] warning: rack = true: the brokers of 'c' serve reads from leaders only (replica.selector.class is unset), so client.rack changes nothing. Fix: set config['replica.selector.class'] = 'org.apache.kafka.common.replica.RackAwareReplicaSelector' on the cluster [client-rack-selector]",
  ],
  "clientListenerKnown | listener 'external'": [
    "[kafka/app] listener = \"external\": cluster 'c' has no listener 'external'. Fix: name one of 'plain', 'tls', 'scram', 'oauth' [client-listener-known]",
  ],
  'clientListenerReachable | a cluster with a nodeport listener only': [
    "[kafka/app] listener: cluster 'c' has no internal listener. Fix: name one of its listeners ('external') in listener, or add an internal listener [client-listener-reachable]",
  ],
  'clientListenerAuthentication | a plain listener': [
    "[kafka/app] listener = \"plain\": listener 'plain' of 'c' has no authentication, and under simple authorization its clients are ANONYMOUS and denied. Fix: choose a listener with scram-sha-512 or tls authentication [client-listener-authentication]",
  ],
  'clientUserType | a tls user on the scram listener': [
    "[kafka/app] user = \"u\": user 'u' cannot authenticate on listener 'scram', which wants scram-sha-512: it is tls. Fix: pass a scram-sha-512 user, or choose a listener of type tls [client-user-type]",
  ],
  "clientUserCluster | a user of cluster 'd'": [
    "[kafka/app] user = \"u\": user 'u' belongs to another cluster than 'c'. Fix: pass a KafkaUser of 'c', or leave user out to have one created [client-user-cluster]",
  ],
  'clientUserSecret | a tls-external user': [
    "[kafka/app] user = \"u\": user 'u' is tls-external: its certificate is yours, not in a Secret the User Operator writes. Fix: pass a user of type 'tls', or leave user out to have one created [client-user-secret]",
  ],
  'clientSecretsNamespace | a client in namespace apps': [
    "[apps/app] copiedSecrets: the client is in namespace apps, and a pod mounts Secrets of its own namespace only. Fix: put it in the namespace of its cluster, or keep copies there (a Secret replicator keeps them in sync) and name them: copiedSecrets: { clusterCa: the copy of 'c-cluster-ca-cert' (namespace kafka), user: the copy of 'app' (namespace kafka) } [client-secrets-namespace]",
  ],
};
