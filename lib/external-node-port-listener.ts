import { Construct } from 'constructs';
import { ListenerAuthentication, ListenerBaseOptions } from './listener';
import { NODE_PORT_MAX, NODE_PORT_MIN, checkInteger, isHostOrIp, report } from './problem';
import { RULES } from './rules';

/** The external address of one broker. Every field overrides what the listener derives. */
export interface BrokerExternalAddress {
  /**
   * NodePort of the broker's Service.
   * @default nodePortBase + node ID
   */
  readonly nodePort?: number;
  /**
   * Host clients use to reach the broker.
   * @default the listener's advertisedHost
   */
  readonly advertisedHost?: string;
  /**
   * Port clients use to reach the broker.
   * @default advertisedPortBase + node ID, or the broker's nodePort without advertisedPortBase
   */
  readonly advertisedPort?: number;
}

/** Options of an external `nodeport` listener. */
export interface ExternalNodePortListenerOptions {
  /**
   * Listener name: lower-case letters and digits, 1 to 11 characters.
   * @default 'external'
   */
  readonly name?: string;
  /**
   * Port of the listener inside the cluster.
   * @default 9094
   */
  readonly port?: number;
  /**
   * Encrypt the listener with TLS.
   * @default false
   */
  readonly tls?: boolean;
  /**
   * Client authentication.
   * @default - none
   */
  readonly authentication?: ListenerAuthentication;
  /** NodePort of the bootstrap Service (30000-32767). */
  readonly bootstrapNodePort: number;
  /**
   * Port clients bootstrap from on the advertised host (the load balancer's bootstrap port).
   * @default the listener port
   */
  readonly bootstrapPort?: number;
  /**
   * Host name clients use for every broker: a load balancer or DNS name in front of the worker
   * nodes. `{nodeId}` in it is replaced by the broker's node ID (`b{nodeId}.kafka.example.com`).
   */
  readonly advertisedHost: string;
  /**
   * Broker NodePorts are `nodePortBase + node ID`.
   * @default bootstrapNodePort + 1
   */
  readonly nodePortBase?: number;
  /**
   * Advertised broker ports are `advertisedPortBase + node ID` (the load balancer's per-broker ports).
   * @default - each broker advertises its own NodePort
   */
  readonly advertisedPortBase?: number;
  /**
   * Per-broker overrides, keyed by node ID; only node IDs of brokers are allowed.
   * @default - every broker's address is derived from the bases
   */
  readonly brokers?: Record<number, BrokerExternalAddress>;
  /**
   * `Cluster` lets any worker forward to the broker (what a load balancer over every worker
   * needs); `Local` only the worker running it.
   * @default 'Cluster'
   */
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
}

/** Where clients outside the cluster reach one broker. */
export interface BrokerEndpoint {
  readonly nodeId: number;
  readonly nodePort: number;
  readonly advertisedHost: string;
  readonly advertisedPort: number;
}


/**
 * An external `nodeport` listener of a KraftCluster: a bootstrap NodePort plus, for every broker
 * node ID, a pinned NodePort and advertised host and port, so nothing is left to the operator's
 * random choice. Create it with `KraftCluster.addNodePortListener`.
 */
export class ExternalNodePortListener extends Construct {
  public readonly name: string;
  public readonly port: number;
  public readonly tls: boolean;
  public readonly authentication?: ListenerAuthentication;
  public readonly bootstrapNodePort: number;
  public readonly bootstrapPort: number;
  public readonly advertisedHost: string;
  public readonly externalTrafficPolicy: 'Cluster' | 'Local';
  private readonly nodePortBase: number;
  private readonly advertisedPortBase?: number;
  /** Per-broker overrides, keyed by node ID. */
  public readonly overrides: ReadonlyMap<number, BrokerExternalAddress>;

  constructor(scope: Construct, id: string, options: ExternalNodePortListenerOptions) {
    super(scope, id);
    this.name = options.name ?? 'external';
    this.port = options.port ?? 9094;
    this.tls = options.tls ?? false;
    this.authentication = options.authentication;
    this.bootstrapNodePort = options.bootstrapNodePort;
    this.bootstrapPort = options.bootstrapPort ?? this.port;
    this.advertisedHost = options.advertisedHost;
    this.externalTrafficPolicy = options.externalTrafficPolicy ?? 'Cluster';
    this.nodePortBase = options.nodePortBase ?? options.bootstrapNodePort + 1;
    this.advertisedPortBase = options.advertisedPortBase;

    const nodePortFix = `pick a NodePort from ${NODE_PORT_MIN} to ${NODE_PORT_MAX}`;
    const portFix = 'use a TCP port from 1 to 65535';
    checkInteger(this, RULES.bootstrapNodePort, 'bootstrapNodePort', this.bootstrapNodePort, NODE_PORT_MIN, NODE_PORT_MAX, nodePortFix);
    checkInteger(this, RULES.nodePortBase, 'nodePortBase', this.nodePortBase, NODE_PORT_MIN, NODE_PORT_MAX, nodePortFix);
    checkInteger(this, RULES.advertisedPort, 'bootstrapPort', this.bootstrapPort, 1, 65535, portFix);
    if (this.advertisedPortBase !== undefined) checkInteger(this, RULES.advertisedPort, 'advertisedPortBase', this.advertisedPortBase, 1, 65535, portFix);
    this.checkHost('advertisedHost', this.advertisedHost);
    if (!['Cluster', 'Local'].includes(this.externalTrafficPolicy)) {
      report(this, RULES.externalTrafficPolicy, 'externalTrafficPolicy', this.externalTrafficPolicy, "neither 'Cluster' nor 'Local'", "use 'Cluster'");
    }
    if (!this.tls) {
      report(this, RULES.externalPlaintext, 'tls', false, 'clients outside the cluster connect without encryption', 'set tls: true (clients then trust the cluster CA)');
    }
    if (!this.authentication) {
      report(this, RULES.externalUnauthenticated, 'authentication', undefined, 'anyone who reaches the load balancer can produce and consume', "set authentication, e.g. { type: 'scram-sha-512' }");
    }

    const overrides = new Map<number, BrokerExternalAddress>();
    for (const [key, o] of Object.entries(options.brokers ?? {}).sort(([a], [b]) => Number(a) - Number(b))) {
      const nodeId = Number(key);
      if (!Number.isInteger(nodeId) || nodeId < 0) {
        report(this, RULES.brokerOverrideIsBroker, `brokers[${key}]`, key, 'not a node ID', "key per-broker overrides by the broker's node ID (0, 1, 2, ...)");
        continue;
      }
      if (o.nodePort !== undefined) checkInteger(this, RULES.brokerNodePort, `brokers[${key}].nodePort`, o.nodePort, NODE_PORT_MIN, NODE_PORT_MAX, nodePortFix);
      if (o.advertisedPort !== undefined) checkInteger(this, RULES.advertisedPort, `brokers[${key}].advertisedPort`, o.advertisedPort, 1, 65535, portFix);
      if (o.advertisedHost !== undefined) this.checkHost(`brokers[${key}].advertisedHost`, o.advertisedHost);
      overrides.set(nodeId, o);
    }
    this.overrides = overrides;
  }

  /** The listener's name, port and security, as every listener has them. */
  public get base(): ListenerBaseOptions {
    return { name: this.name, port: this.port, tls: this.tls, authentication: this.authentication };
  }

  /** Where clients reach the broker with this node ID: the one place these values are derived. */
  public endpointFor(nodeId: number): BrokerEndpoint {
    const o = this.overrides.get(nodeId) ?? {};
    const nodePort = o.nodePort ?? this.nodePortBase + nodeId;
    return {
      nodeId,
      nodePort,
      advertisedHost: o.advertisedHost ?? this.advertisedHost.split('{nodeId}').join(String(nodeId)),
      advertisedPort: o.advertisedPort ?? (this.advertisedPortBase !== undefined ? this.advertisedPortBase + nodeId : nodePort),
    };
  }

  private checkHost(field: string, host: string): void {
    if (!isHostOrIp(host.split('{nodeId}').join('0'))) {
      report(this, RULES.advertisedHost, field, host, 'not a host name or IP address', "give the DNS name or IP clients connect to, e.g. 'kafka.example.com'");
    }
  }
}
