import { placed } from '../common/arguments';
import { Construct } from 'constructs';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import { CLUSTER_INSTANCE } from '../common/cluster';
import { checkedProps, placeFindings, validateAtSynth } from '../common/resource';
import { KraftConfigError } from '../core/problem';
import { ClientWiring } from '../model/client';
import { ClientPod, clientPod } from '../render/client/pod';
import { KafkaUser } from '../users/kafka-user';
import { appClientAcls } from '../model/client-acls';
import { ClientLink, ClientOptions } from './client-link';
import { USER_INSTANCE } from './user-instance';

/** Properties of a {@link KafkaClient}: the cluster it connects to and what it reads and writes. */
export interface KafkaClientProps extends ClientOptions {
  /**
   * Name of the KafkaUser created when `user` is not passed.
   * @default - the construct id
   * @maxLength 253
   */
  readonly userName?: string;
  /**
   * Topics the client produces to: names, or prefixes ending in `*` (`orders.*`); `*` alone is every topic.
   * @default - none
   * @maxLength 249
   */
  readonly produces?: readonly string[];
  /**
   * Topics the client consumes from: names, or prefixes ending in `*`; `*` alone is every topic.
   * @default - none
   * @maxLength 249
   */
  readonly consumes?: readonly string[];
  /**
   * The consumer group the client joins (`group.id`), or a prefix ending in `*`.
   * @default - none (needed when `consumes` is set and the client commits offsets)
   * @maxLength 249
   */
  readonly consumerGroup?: string;
  /**
   * Prefix of the client's `transactional.id`s (a transactional producer).
   * @default - none
   * @maxLength 249
   */
  readonly transactionalIdPrefix?: string;
}

/**
 * A client of a cluster for your own Deployment: the KafkaUser it authenticates as (created with
 * exactly the ACLs for the topics, group and transactional IDs it declares, under simple
 * authorization) and the env vars and Secret volumes its pod needs, derived from the listener it
 * uses like those of KafkaConnect, KafkaMirrorMaker2 and KafkaBridge.
 */
export class KafkaClient extends Construct {
  /** The user the client authenticates as (passed or created); undefined on a listener without authentication. */
  public readonly user?: KafkaUser;
  private readonly link: ClientLink;

  constructor(scope: Construct, id: string, rawProps: KafkaClientProps) {
    super(scope, placed(scope, id));
    const { props } = checkedProps<KafkaClientProps>(this, rawProps, 'KafkaClientProps', {
      cluster: CLUSTER_INSTANCE,
      KafkaUser: USER_INSTANCE,
    });
    this.link = new ClientLink(this, 'User', props, {
      userName: props.userName ?? id,
      acls: appClientAcls(props),
      field: '',
      topics: [
        ...(props.produces ?? []).map((name, i) => ({ field: `produces[${i}]`, name })),
        ...(props.consumes ?? []).map((name, i) => ({ field: `consumes[${i}]`, name })),
      ],
    });
    this.user = this.link.user;
    placeFindings(this, () => this.link.findings);
    validateAtSynth(this);
  }

  /** How the client connects (listener, bootstrap servers, Secrets); throws when its wiring has an error. */
  public get wiring(): ClientWiring {
    const w = this.link.wiring;
    if (!w) {
      const first = this.link.findings[0];
      if (first) throw new KraftConfigError({ ...first, path: this.node.path });
      throw new Error(`${this.node.path}: the client has no cluster (see the synth's findings)`);
    }
    return w;
  }

  /** `bootstrap.servers`. */
  public get bootstrapServers(): string {
    return this.wiring.bootstrapServers;
  }

  /** The pod's env vars (`KAFKA_BOOTSTRAP_SERVERS`, `KAFKA_SECURITY_PROTOCOL`, SASL or keystore settings). */
  public get env(): readonly IEnvVar[] {
    return this.pod.env;
  }

  /** The Secret volumes the env vars point into (the cluster CA certificate, a TLS user's keystore). */
  public get volumes(): readonly IVolume[] {
    return this.pod.volumes;
  }

  /** Where the container mounts them (`/etc/kafka/cluster-ca`, `/etc/kafka/user`), read-only. */
  public get volumeMounts(): readonly IVolumeMount[] {
    return this.pod.volumeMounts;
  }

  private get pod(): ClientPod {
    return clientPod(this.wiring);
  }
}
