import { Chart, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { KafkaBridge, KafkaBridgeProps, KraftCluster, KraftClusterProps } from '../../lib';
import type { RuleCase } from './rule-cases';
import { pools } from './rule-cases';

// Bad inputs for the rules of the KafkaBridge, with the exact messages.

const secure: KraftClusterProps = {
  nodePools: pools,
  listeners: [{ name: 'tls', port: 9093, tls: true, authentication: { type: 'tls' } }],
  authorization: { type: 'simple' },
};

/** A bridge `b` of a cluster `c` (Strimzi `release`) in namespace kafka. */
function bridge(props: Partial<KafkaBridgeProps>, release = '1.2.0'): IConstruct {
  const app = Testing.app();
  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const c = new KraftCluster(kafka, 'c', { ...secure, strimziVersion: release });
  new KafkaBridge(kafka, 'b', { cluster: c, ...props });
  return app;
}

/** Two bridges named `http` in namespace kafka, of one cluster. */
function twoBridges(): IConstruct {
  const app = Testing.app();
  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const c = new KraftCluster(kafka, 'c', secure);
  new KafkaBridge(kafka, 'a', { cluster: c, bridgeName: 'http', userName: 'a' });
  new KafkaBridge(kafka, 'b', { cluster: c, bridgeName: 'http', userName: 'b' });
  return app;
}

export const BRIDGE_RULE_CASES: RuleCase[] = [
  { rule: 'bridgeName', name: "name 'HTTP_bridge'", build: () => bridge({ bridgeName: 'HTTP_bridge' }) },
  { rule: 'bridgeName', name: 'a 49-character name', build: () => bridge({ bridgeName: `b${'x'.repeat(48)}` }) },
  { rule: 'bridgeNameUnique', name: "two bridges 'http' in namespace kafka", build: twoBridges },
  { rule: 'bridgeHttpPort', name: 'port 80', build: () => bridge({ http: { port: 80 } }) },
  { rule: 'bridgeHttpPort', name: 'port 70000', build: () => bridge({ http: { port: 70000 } }) },
  { rule: 'bridgeReplicas', name: 'replicas -1', build: () => bridge({ replicas: -1 }) },
  { rule: 'bridgeReplicas', name: 'replicas 1.5', build: () => bridge({ replicas: 1.5 }) },
  {
    rule: 'bridgeCorsOrigin',
    name: "origin '*'",
    build: () => bridge({ http: { cors: { allowedOrigins: ['*'], allowedMethods: ['GET'] } } }),
  },
  {
    rule: 'bridgeCorsOrigin',
    name: "origin 'https://(app.example.com'",
    build: () => bridge({ http: { cors: { allowedOrigins: ['https://(app.example.com'], allowedMethods: ['GET'] } } }),
  },
  {
    rule: 'bridgeCorsMethod',
    name: "method 'GET POST'",
    build: () =>
      bridge({ http: { cors: { allowedOrigins: ['https://a.example.com'], allowedMethods: ['GET POST'] } } }),
  },
  {
    rule: 'bridgeFieldServed',
    name: 'http.tls on 0.51.0',
    build: () => bridge({ http: { tls: { secretName: 'b-cert' } } }, '0.51.0'),
  },
  {
    rule: 'bridgeFieldServed',
    name: 'consumer.enabled on 0.41.0',
    build: () => bridge({ consumer: { enabled: false } }, '0.41.0'),
  },
  {
    rule: 'bridgeConfigForbidden',
    name: 'consumer group.id and producer SSL.truststore.location',
    build: () =>
      bridge({
        consumer: { config: { 'group.id': 'g' } },
        producer: { config: { 'SSL.truststore.location': '/x', 'ssl.protocol': 'TLSv1.3' } },
      }),
  },
];

export const BRIDGE_EXPECTED: Record<string, string[]> = {
  "bridgeName | name 'HTTP_bridge'": [
    "[kafka/b] bridgeName = \"HTTP_bridge\": not a DNS-1035 label of at most 48 characters (lower-case letters, digits and -, a letter first). Fix: name the bridge e.g. 'http-bridge' (its Service is '<name>-bridge-service', at most 63 characters) [bridge-name]",
  ],
  'bridgeName | a 49-character name': [
    `[kafka/b] bridgeName = "b${'x'.repeat(48)}": not a DNS-1035 label of at most 48 characters (lower-case letters, digits and -, a letter first). Fix: name the bridge e.g. 'http-bridge' (its Service is '<name>-bridge-service', at most 63 characters) [bridge-name]`,
  ],
  "bridgeNameUnique | two bridges 'http' in namespace kafka": [
    '[kafka/b] bridgeName = "http": kafka/a is a KafkaBridge of this name in namespace kafka too; one would overwrite the other. Fix: give the bridges distinct bridgeName values [bridge-name-unique]',
  ],
  'bridgeHttpPort | port 80': [
    '[kafka/b] http.port = 80: not an integer from 1023 to 65535. Fix: use e.g. 8080 (the default; Strimzi allows no port below 1023) [bridge-http-port]',
  ],
  'bridgeHttpPort | port 70000': [
    '[kafka/b] http.port = 70000: not an integer from 1023 to 65535. Fix: use e.g. 8080 (the default; Strimzi allows no port below 1023) [bridge-http-port]',
  ],
  'bridgeReplicas | replicas -1': [
    '[kafka/b] replicas = -1: not an integer from 0. Fix: use e.g. 1 (the default) [bridge-replicas]',
  ],
  'bridgeReplicas | replicas 1.5': [
    '[kafka/b] replicas = 1.5: not an integer from 0. Fix: use e.g. 1 (the default) [bridge-replicas]',
  ],
  "bridgeCorsOrigin | origin '*'": [
    "[kafka/b] http.cors.allowedOrigins[0] = \"*\": not a Java regular expression (dangling meta character '*' at index 0). Fix: give the origin, e.g. 'https://app.example.com', or a regular expression such as 'https://.*\\.example\\.com' [bridge-cors-origin]",
  ],
  "bridgeCorsOrigin | origin 'https://(app.example.com'": [
    "[kafka/b] http.cors.allowedOrigins[0] = \"https://(app.example.com\": not a Java regular expression (unclosed group). Fix: give the origin, e.g. 'https://app.example.com', or a regular expression such as 'https://.*\\.example\\.com' [bridge-cors-origin]",
  ],
  "bridgeCorsMethod | method 'GET POST'": [
    "[kafka/b] http.cors.allowedMethods[0] = \"GET POST\": not an HTTP method. Fix: list methods such as 'GET', 'POST', 'DELETE' [bridge-cors-method]",
  ],
  'bridgeFieldServed | http.tls on 0.51.0': [
    '[kafka/b] http.tls = {"secretName":"b-cert"}: Strimzi 0.51.0 does not serve http.tls in KafkaBridge v1. Fix: leave it out, or move the cluster to Strimzi 1.0.0 or later [bridge-field-served]',
  ],
  'bridgeFieldServed | consumer.enabled on 0.41.0': [
    '[kafka/b] consumer.enabled = false: Strimzi 0.41.0 does not serve consumer.enabled in KafkaBridge v1beta2. Fix: leave it out, or move the cluster to Strimzi 0.42.0 or later [bridge-field-served]',
  ],
  'bridgeConfigForbidden | consumer group.id and producer SSL.truststore.location': [
    '[kafka/b] producer.config[\'SSL.truststore.location\'] = "/x": the operator sets this itself (from the listener, the user and the bridge) and ignores yours. Fix: leave it out [bridge-config-forbidden]',
    '[kafka/b] consumer.config[\'group.id\'] = "g": the operator sets this itself (from the listener, the user and the bridge) and ignores yours. Fix: leave it out (HTTP consumers name their group in the URL) [bridge-config-forbidden]',
  ],
};
