/**
 * A client's wiring as a pod sees it: env vars named after the Kafka client properties
 * (`KAFKA_` + the property upper-cased, dots as underscores: `KAFKA_BOOTSTRAP_SERVERS`) and the
 * Secret volumes they point into, for your own Deployment.
 */
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import type { ClientWiring } from '../../model/client';

/** Where the cluster CA certificate is mounted. */
export const CLUSTER_CA_DIR = '/etc/kafka/cluster-ca';
/** Where a TLS user's certificate and key are mounted. */
export const USER_DIR = '/etc/kafka/user';

const CA_VOLUME = 'kafka-cluster-ca';
const USER_VOLUME = 'kafka-user';

/** The client's Kafka properties and volumes for a pod. */
export interface ClientPod {
  readonly env: readonly IEnvVar[];
  readonly volumes: readonly IVolume[];
  readonly volumeMounts: readonly IVolumeMount[];
}

/** `security.protocol` of a wiring. */
export function securityProtocolOf(w: ClientWiring): 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL' {
  const sasl = w.credentials?.type === 'scram-sha-512';
  if (sasl) return w.caSecret ? 'SASL_SSL' : 'SASL_PLAINTEXT';
  return w.caSecret ? 'SSL' : 'PLAINTEXT';
}

const value = (name: string, v: string): IEnvVar => ({ name, value: v });
const secretKey = (name: string, secret: string, key: string): IEnvVar => ({
  name,
  valueFrom: { secretKeyRef: { name: secret, key } },
});

/** SCRAM: the password from the user's Secret, and the JAAS line built from it by Kubernetes' `$(VAR)` expansion. */
function scramEnv(userName: string, secret: string, key: string): IEnvVar[] {
  return [
    value('KAFKA_SASL_MECHANISM', 'SCRAM-SHA-512'),
    value('KAFKA_SASL_USERNAME', userName),
    secretKey('KAFKA_SASL_PASSWORD', secret, key),
    value(
      'KAFKA_SASL_JAAS_CONFIG',
      `org.apache.kafka.common.security.scram.ScramLoginModule required username="${userName}" ` +
        'password="$(KAFKA_SASL_PASSWORD)";',
    ),
  ];
}

/** The env vars, volumes and mounts of a client's pod, in a fixed order. */
export function clientPod(w: ClientWiring): ClientPod {
  const env: IEnvVar[] = [
    value('KAFKA_BOOTSTRAP_SERVERS', w.bootstrapServers),
    value('KAFKA_SECURITY_PROTOCOL', securityProtocolOf(w)),
  ];
  const volumes: IVolume[] = [];
  const volumeMounts: IVolumeMount[] = [];
  if (w.caSecret) {
    env.push(
      value('KAFKA_SSL_TRUSTSTORE_TYPE', 'PEM'),
      value('KAFKA_SSL_TRUSTSTORE_LOCATION', `${CLUSTER_CA_DIR}/ca.crt`),
    );
    volumes.push({ name: CA_VOLUME, secret: { secretName: w.caSecret, items: [{ key: 'ca.crt', path: 'ca.crt' }] } });
    volumeMounts.push({ name: CA_VOLUME, mountPath: CLUSTER_CA_DIR, readOnly: true });
  }
  const c = w.credentials;
  if (c?.type === 'scram-sha-512') env.push(...scramEnv(c.userName, c.secretName, c.passwordKey ?? 'password'));
  if (c?.type === 'tls') {
    env.push(
      value('KAFKA_SSL_KEYSTORE_TYPE', 'PKCS12'),
      value('KAFKA_SSL_KEYSTORE_LOCATION', `${USER_DIR}/user.p12`),
      secretKey('KAFKA_SSL_KEYSTORE_PASSWORD', c.secretName, 'user.password'),
    );
    volumes.push({ name: USER_VOLUME, secret: { secretName: c.secretName } });
    volumeMounts.push({ name: USER_VOLUME, mountPath: USER_DIR, readOnly: true });
  }
  return { env, volumes, volumeMounts };
}
