import { placed } from '../common/arguments';
import { clientMetricsOf, clientMetricsSpec } from '../common/client-metrics';
import { ClientMetrics } from '../model/metrics/client-metrics';
import { MetricsOptions } from '../model/metrics/metrics';
import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { CLUSTER_INSTANCE } from '../common/cluster';
import { addAppCheck, at } from '../common/problems';
import { checkedProps, lazySpec, placeFindings, validateAtSynth } from '../common/resource';
import { Problem } from '../core/problem';
import { sortedRecord } from '../core/syntax';
import { ClientLink, ClientOptions } from '../clients/client-link';
import { USER_INSTANCE } from '../clients/user-instance';
import { ClientWiring } from '../model/client';
import { ResourceRequirements } from '../model/pod';
import { strimziKind } from '../render/strimzi';
import { strimziResources } from '../render/strimzi/resources';
import { KafkaUser } from '../users/kafka-user';
import { bridgeAcls, bridgeFindings, bridgeNamesUniqueFindings } from './bridge-model';

/** CORS of the bridge's HTTP side. */
export interface BridgeCors {
  /**
   * Origins allowed to call the bridge from a browser: exact origins or Java regular expressions.
   * @maxItems 100
   * @maxLength 1000
   */
  readonly allowedOrigins: readonly string[];
  /**
   * HTTP methods allowed from those origins, e.g. `GET`, `POST`.
   * @maxItems 20
   * @maxLength 64
   */
  readonly allowedMethods: readonly string[];
}

/** TLS on the bridge's HTTP side (Strimzi 1.0.0 and later): the server certificate and key. */
export interface BridgeHttpTls {
  /**
   * The Secret holding the certificate and its private key (unencrypted PKCS #8), in the bridge's namespace.
   * @maxLength 253
   */
  readonly secretName: string;
  /**
   * The certificate's key in the Secret.
   * @default 'tls.crt' (a `kubernetes.io/tls` Secret, as cert-manager writes)
   * @maxLength 253
   */
  readonly certificate?: string;
  /**
   * The private key's key in the Secret.
   * @default 'tls.key'
   * @maxLength 253
   */
  readonly key?: string;
}

/** The bridge's HTTP server. */
export interface BridgeHttpOptions {
  /**
   * The port the bridge serves HTTP on.
   * @default 8080, or 8443 with `tls`
   */
  readonly port?: number;
  /**
   * Cross-origin requests from browsers.
   * @default - none (no CORS headers)
   */
  readonly cors?: BridgeCors;
  /**
   * HTTPS instead of HTTP (Strimzi 1.0.0 and later).
   * @default - plain HTTP
   */
  readonly tls?: BridgeHttpTls;
}

/** The bridge's Kafka producers (HTTP `POST /topics/...`). */
export interface BridgeProducerOptions {
  /**
   * Whether HTTP clients may produce (Strimzi 0.42.0 and later).
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Kafka producer config (`acks`, `linger.ms`, ...), emitted sorted; not the keys the operator sets
   * (`ssl.`, `sasl.`, `security.`, `bootstrap.servers`).
   * @default - none
   * @maxItems 100
   * @keys kafkaPropertyName
   */
  readonly config?: Record<string, string | number | boolean>;
}

/** The bridge's Kafka consumers (HTTP consumer instances). */
export interface BridgeConsumerOptions {
  /**
   * Whether HTTP clients may consume (Strimzi 0.42.0 and later).
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Seconds after which an inactive HTTP consumer is deleted; -1 never (Strimzi 0.42.0 and later).
   * @default - Strimzi's default (-1)
   * @integer
   */
  readonly timeoutSeconds?: number;
  /**
   * Kafka consumer config (`auto.offset.reset`, ...), emitted sorted; not the keys the operator sets
   * (`ssl.`, `sasl.`, `security.`, `bootstrap.servers`, `group.id`).
   * @default - none
   * @maxItems 100
   * @keys kafkaPropertyName
   */
  readonly config?: Record<string, string | number | boolean>;
}

/** Properties of a {@link KafkaBridge}: the cluster it connects to, its HTTP side, and what its clients use. */
export interface KafkaBridgeProps extends ClientOptions {
  /**
   * Name of the `KafkaBridge` resource (its Service is `<name>-bridge-service`): a DNS-1035 label of at
   * most 48 characters.
   * @default - the construct id
   * @maxLength 253
   */
  readonly bridgeName?: string;
  /**
   * Name of the KafkaUser created when `user` is not passed.
   * @default - the bridge's name
   * @maxLength 253
   */
  readonly userName?: string;
  /**
   * Number of bridge pods.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * The HTTP server: port, CORS, TLS.
   * @default - HTTP on 8080
   */
  readonly http?: BridgeHttpOptions;
  /**
   * The Kafka producers of HTTP clients.
   * @default - enabled, Kafka's defaults
   */
  readonly producer?: BridgeProducerOptions;
  /**
   * The Kafka consumers of HTTP clients.
   * @default - enabled, Kafka's defaults
   */
  readonly consumer?: BridgeConsumerOptions;
  /**
   * Topics HTTP clients use: names, or prefixes ending in `*`; `*` alone is every topic. The created
   * user may Read, Describe, Write and Create them (upstream's `security/*\/bridge.yaml`).
   * @default - none
   * @maxLength 249
   */
  readonly topics?: readonly string[];
  /**
   * Consumer groups HTTP consumers join (named in their URL): names, or prefixes ending in `*`.
   * The created user may Read them.
   * @default - none
   * @maxLength 249
   */
  readonly consumerGroups?: readonly string[];
  /**
   * CPU and memory of the bridge container.
   * @default - none (Strimzi's defaults)
   */
  readonly resources?: ResourceRequirements;
  /**
   * Metrics: `true` for the release's JMX Prometheus Exporter rules in a generated `<name>-bridge-metrics`
   * ConfigMap, or `{ type, configMap, allowList }` (`strimziMetricsReporter` from Strimzi 0.48.0). Before
   * 0.48.0 the KafkaBridge has no `metricsConfig`: `true` is `enableMetrics` (the bridge's built-in rules).
   * @default - no metrics
   */
  readonly metrics?: MetricsOptions;
}

/**
 * A Strimzi `KafkaBridge`: an HTTP API to a cluster, connected like every client of this library
 * (the listener's bootstrap, TLS trust and authentication), with a KafkaUser allowed exactly the
 * topics and groups its HTTP clients use.
 */
export class KafkaBridge extends Construct {
  /** Name of the `KafkaBridge` resource. */
  public readonly bridgeName: string;
  /** The user the bridge authenticates as (passed or created); undefined on a listener without authentication. */
  public readonly user?: KafkaUser;
  /** The generated KafkaBridge object. */
  public readonly apiObject: ApiObject;
  private readonly props: KafkaBridgeProps;
  private readonly link: ClientLink;
  private readonly metrics: ClientMetrics;

  constructor(scope: Construct, id: string, rawProps: KafkaBridgeProps) {
    super(scope, placed(scope, id));
    const { props } = checkedProps<KafkaBridgeProps>(this, rawProps, 'KafkaBridgeProps', {
      cluster: CLUSTER_INSTANCE,
      KafkaUser: USER_INSTANCE,
    });
    this.props = props;
    this.bridgeName = props.bridgeName ?? id;
    this.link = new ClientLink(this, 'User', props, {
      userName: props.userName ?? this.bridgeName,
      acls: bridgeAcls({
        topics: props.topics,
        consumerGroups: props.consumerGroups,
        producer: props.producer?.enabled,
        consumer: props.consumer?.enabled,
      }),
      field: '',
      topics: (props.topics ?? []).map((name, i) => ({ field: `topics[${i}]`, name })),
    });
    this.user = this.link.user;
    this.apiObject = new (strimziKind(props.cluster?.apiVersion ?? 'v1', 'KafkaBridge'))(this, 'Resource', {
      metadata: { name: this.bridgeName },
      spec: lazySpec(() => this.spec()),
    });
    this.link.annotateCopies(this.apiObject);
    this.metrics = clientMetricsOf(this, 'KafkaBridge', this.bridgeName, props.cluster, props.metrics);
    placeFindings(this, () => [...this.link.findings, ...this.findings(), ...this.metrics.findings]);
    addAppCheck(this, 'bridge/names-unique', bridgeNamesUnique);
    validateAtSynth(this);
  }

  /** The namespace the bridge runs in (its chart's). */
  public get namespace(): string | undefined {
    return Chart.of(this).namespace;
  }

  /** How the bridge connects to Kafka (undefined when a finding prevents it; the synth then fails). */
  public get wiring(): ClientWiring | undefined {
    return this.link.wiring;
  }

  /** The HTTP port. */
  public get port(): number {
    return this.props.http?.port ?? (this.props.http?.tls ? 8443 : 8080);
  }

  /** The URL HTTP clients inside Kubernetes use: `http(s)://<name>-bridge-service.<namespace>.svc:<port>`. */
  public get url(): string {
    const service = `${this.bridgeName}-bridge-service${this.namespace ? `.${this.namespace}.svc` : ''}`;
    return `${this.props.http?.tls ? 'https' : 'http'}://${service}:${this.port}`;
  }

  private findings() {
    const p = this.props;
    if (!p.cluster) return [];
    return bridgeFindings({
      ...p,
      bridgeName: this.bridgeName,
      release: p.cluster.release.tag,
      apiVersion: p.cluster.apiVersion,
    });
  }

  private spec() {
    const p = this.props;
    const block = this.link.strimziBlock();
    const tls = p.http?.tls;
    return {
      replicas: p.replicas ?? 1,
      bootstrapServers: block?.bootstrapServers ?? '',
      tls: block?.tls,
      authentication: block?.authentication,
      http: {
        port: this.port,
        cors: p.http?.cors && {
          allowedOrigins: [...p.http.cors.allowedOrigins],
          allowedMethods: [...p.http.cors.allowedMethods],
        },
        tls: tls && {
          certificateAndKey: {
            secretName: tls.secretName,
            certificate: tls.certificate ?? 'tls.crt',
            key: tls.key ?? 'tls.key',
          },
        },
      },
      producer: p.producer && { enabled: p.producer.enabled, config: sortedRecord(p.producer.config) },
      consumer: p.consumer && {
        enabled: p.consumer.enabled,
        timeoutSeconds: p.consumer.timeoutSeconds,
        config: sortedRecord(p.consumer.config),
      },
      resources: strimziResources(p.cluster.apiVersion, 'KafkaBridge', p.resources),
      ...clientMetricsSpec(this.metrics),
    };
  }
}

/** Bridge names once per namespace: one pass over the app's bridges per synth. */
function bridgeNamesUnique(root: IConstruct): Problem[] {
  const bridges = root.node.findAll().filter((c): c is KafkaBridge => c instanceof KafkaBridge);
  const named = bridges.map((b) => ({ path: b.node.path, bridgeName: b.bridgeName, namespace: b.namespace }));
  return bridgeNamesUniqueFindings(named).map(({ index, finding }) => at(bridges[index], finding));
}
