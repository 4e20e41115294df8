/**
 * The online doctor: asks the bootstrap address for the cluster's metadata with kafkajs, then
 * connects to every advertised broker address and learns which broker answers.
 *
 * Who answers: on a TLS listener, the certificate the handshake presents (Strimzi names the pod,
 * and so its node ID, in it; no request, no right needed). Otherwise a DescribeConfigs request for
 * the BROKER resource named by the advertised node ID: the broker with that ID answers with its
 * config; any other refuses with "Unexpected broker id, expected <its ID> ...", which names it.
 * Kafka answers that request only to a principal allowed DescribeConfigs on the cluster; without
 * it the broker answers, its identity stays unknown, and that is said as such. Every step is
 * bounded by the timeout; every failure is told apart (see `failure.ts`).
 */
import { ConnectionOptions, RecordedConnection, connectionTo } from './connection';
import { Failure, FailureFacts, classifyFailure, errorText } from './failure';
import { CertificateIdentity } from './tls-identity';

/* eslint-disable @typescript-eslint/no-require-imports */
const apiKeys = require('kafkajs/src/protocol/requests/apiKeys');
const { requests } = require('kafkajs/src/protocol/requests');
/* eslint-enable @typescript-eslint/no-require-imports */

const BROKER_RESOURCE = 4;
const INVALID_REQUEST = 42;
const CLUSTER_AUTHORIZATION_FAILED = 31;

/** How to reach the cluster. */
export interface OnlineDoctorOptions extends ConnectionOptions {
  /** `host:port` clients bootstrap from. */
  readonly bootstrap: string;
  /** Connect with TLS. @default false */
  readonly tls?: boolean;
  /** PEM of the CA that signed the listener certificate (with `tls`). @default - the system CAs */
  readonly ca?: string;
  /** SCRAM-SHA-512 credentials. @default - no authentication */
  readonly scram?: { readonly username: string; readonly password: string };
  /** Bound of every step (connect, ApiVersions, authentication, each request), in ms. @default 3000 */
  readonly timeoutMs?: number;
}

/** How the doctor learned who answers. */
export type IdentifiedBy = 'certificate' | 'describe-configs';

/** What one advertised broker answered. */
export interface BrokerProbe {
  /** Node ID the metadata advertises at this address. */
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
  /**
   * `ok`, `unreachable`, `wrong-broker` (another broker answers), `answers` (reachable, the user
   * may not ask who it is) or `unidentified` (reachable, identity unknown for another reason).
   */
  readonly status: 'ok' | 'unreachable' | 'wrong-broker' | 'answers' | 'unidentified';
  /** Connect + ApiVersions (+ authentication), in ms, when reachable. */
  readonly latencyMs?: number;
  /** The node ID of the broker that answered. */
  readonly answeringNodeId?: number;
  /** How `answeringNodeId` was learned. */
  readonly identifiedBy?: IdentifiedBy;
  /** The Strimzi broker the TLS certificate names (its cluster, namespace, pool and node ID). */
  readonly certificate?: CertificateIdentity;
  /** The error, when unreachable, unidentified or not allowed to ask. */
  readonly error?: string;
  /** Why it is unreachable (or `authorization` for `answers`). */
  readonly failure?: Failure;
  /** The facts of the failure that matter for its fix. */
  readonly failureFacts?: FailureFacts;
}

/** What the online doctor found. */
export interface OnlineReport {
  readonly bootstrap: string;
  readonly bootstrapOk: boolean;
  readonly bootstrapLatencyMs?: number;
  readonly bootstrapError?: string;
  /** Why the bootstrap failed, or `authorization` when it answers but may not be asked who it is. */
  readonly bootstrapFailure?: FailureFacts;
  /** The node that answered at the bootstrap address, when known. */
  readonly bootstrapNodeId?: number;
  readonly bootstrapIdentifiedBy?: IdentifiedBy;
  /** The Strimzi broker the bootstrap's TLS certificate names. */
  readonly bootstrapCertificate?: CertificateIdentity;
  readonly clusterId?: string;
  readonly controllerId?: number;
  /** One per advertised broker, by node ID. */
  readonly brokers: BrokerProbe[];
  /** True when the bootstrap answers and no broker is unreachable, wrong or unidentified. */
  readonly ok: boolean;
  readonly elapsedMs: number;
}

/** Splits `host:port` (IPv6 in brackets). */
export function splitAddress(address: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not host:port: '${address}'`);
  return { host: m[1] ?? m[2], port: Number(m[3]) };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timeout: ${what} took over ${ms} ms`)), ms);
    }),
  ]);
}

/** Who answered, or why that is unknown. */
interface Identity {
  readonly nodeId?: number;
  readonly by?: IdentifiedBy;
  readonly refused?: FailureFacts;
  readonly error?: string;
}

/** The node ID a DescribeConfigs for broker `name` reveals: its config, or the refusal naming the answering ID. */
async function describeConfigsIdentity(broker: any, name: string): Promise<Identity> {
  const describeConfigs = broker.lookupRequest(apiKeys.DescribeConfigs, requests.DescribeConfigs);
  const { request, response } = describeConfigs({
    resources: [{ type: BROKER_RESOURCE, name, configNames: ['node.id', 'broker.id'] }],
    includeSynonyms: false,
  });
  // keep the broker's error message (kafkajs's parse would replace it by a generic one)
  const decoded = await broker.connectionPool.send({
    request,
    response: { ...response, parse: async (d: unknown) => d },
    logError: false,
    logResponseError: false,
  });
  const r = decoded.resources?.[0];
  if (!r) return { error: 'empty DescribeConfigs response' };
  if (r.errorCode === 0) {
    const entry = (r.configEntries ?? []).find((c: any) => c.configName === 'node.id' || c.configName === 'broker.id');
    const value = entry && /^\d+$/.test(entry.configValue ?? '') ? Number(entry.configValue) : undefined;
    return { nodeId: value ?? Number(name), by: 'describe-configs' };
  }
  const m = /expected (\d+)/.exec(r.errorMessage ?? '');
  if (r.errorCode === INVALID_REQUEST && m) return { nodeId: Number(m[1]), by: 'describe-configs' };
  const error = `DescribeConfigs error code ${r.errorCode}${r.errorMessage ? `: ${r.errorMessage}` : ''}`;
  if (r.errorCode === CLUSTER_AUTHORIZATION_FAILED) return { refused: { failure: 'authorization', error } };
  return { error };
}

/** Who answers a connection: the certificate's broker, else DescribeConfigs (bounded by `timeout`). */
async function identify(conn: RecordedConnection, name: string, timeout: number, what: string): Promise<Identity> {
  const fromCertificate = conn.certificateIdentity();
  if (fromCertificate) return { nodeId: fromCertificate.nodeId, by: 'certificate' };
  return withTimeout(describeConfigsIdentity(conn.broker, name), timeout, what);
}

const disconnect = (conn: RecordedConnection, timeout: number) =>
  withTimeout(conn.broker.disconnect(), timeout, 'disconnect').catch(() => undefined);

/** Connects (TCP, TLS, ApiVersions, SASL), bounded by 3 timeouts; the failure when it fails. */
async function connect(options: OnlineDoctorOptions, host: string, port: number, what: string) {
  const timeout = options.timeoutMs ?? 3000;
  const conn = await connectionTo(options, host, port);
  try {
    await withTimeout(conn.broker.connect(), 3 * timeout, what);
    return { conn };
  } catch (e) {
    await disconnect(conn, timeout);
    return { conn, failure: failureOf(e, conn, options, host) };
  }
}

function failureOf(e: unknown, conn: RecordedConnection, options: OnlineDoctorOptions, host: string): FailureFacts {
  return classifyFailure(e, {
    socketErrors: conn.socketErrors,
    answered: conn.answered(),
    sasl: !!options.scram,
    host,
  });
}

/** Connects to one advertised address, measures connect + ApiVersions (+ SASL), and learns who answers. */
async function probe(options: OnlineDoctorOptions, nodeId: number, host: string, port: number): Promise<BrokerProbe> {
  const timeout = options.timeoutMs ?? 3000;
  const at = { nodeId, host, port };
  const started = process.hrtime.bigint();
  const { conn, failure } = await connect(options, host, port, `connecting to ${host}:${port}`);
  if (failure) {
    const known = conn.certificateIdentity();
    const answering = known
      ? { answeringNodeId: known.nodeId, identifiedBy: 'certificate' as const, certificate: known }
      : {};
    return {
      ...at,
      status: 'unreachable',
      ...answering,
      error: failure.error,
      failure: failure.failure,
      failureFacts: failure,
    };
  }
  const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
  try {
    const who = await identify(conn, String(nodeId), timeout, `DescribeConfigs on ${host}:${port}`);
    if (who.refused) {
      return {
        ...at,
        status: 'answers',
        latencyMs,
        error: who.refused.error,
        failure: 'authorization',
        failureFacts: who.refused,
      };
    }
    if (who.nodeId === undefined) return { ...at, status: 'unidentified', latencyMs, error: who.error };
    const status = who.nodeId === nodeId ? 'ok' : 'wrong-broker';
    const certificate = conn.certificateIdentity();
    return { ...at, status, latencyMs, answeringNodeId: who.nodeId, identifiedBy: who.by, certificate };
  } catch (e) {
    const f = failureOf(e, conn, options, host);
    return { ...at, status: 'unreachable', latencyMs, error: f.error, failure: f.failure, failureFacts: f };
  } finally {
    await disconnect(conn, timeout);
  }
}

/** Metadata from the bootstrap address, and which node answered there. */
async function askBootstrap(options: OnlineDoctorOptions) {
  const timeout = options.timeoutMs ?? 3000;
  const { host, port } = splitAddress(options.bootstrap);
  const t0 = process.hrtime.bigint();
  const { conn, failure } = await connect(options, host, port, `connecting to bootstrap ${options.bootstrap}`);
  if (failure) return { failure };
  const latencyMs = Number(process.hrtime.bigint() - t0) / 1e6;
  try {
    const metadata: any = await withTimeout(conn.broker.metadata([]), timeout, `Metadata from ${options.bootstrap}`);
    // broker -1 is nobody: whoever answers refuses it naming its own ID ('' would be the cluster-wide defaults)
    const who = await identify(conn, '-1', timeout, `DescribeConfigs on ${options.bootstrap}`).catch((e): Identity => ({
      error: errorText(e),
    }));
    return { latencyMs, metadata, who, certificate: conn.certificateIdentity() };
  } catch (e) {
    return { latencyMs, failure: failureOf(e, conn, options, host) };
  } finally {
    await disconnect(conn, timeout);
  }
}

/**
 * Fetches metadata from the bootstrap address, then probes every advertised broker (in
 * parallel). Never throws for network failures; every step is bounded by `timeoutMs`.
 */
export async function probeCluster(options: OnlineDoctorOptions): Promise<OnlineReport> {
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  const asked = await askBootstrap(options);
  const base = { bootstrap: options.bootstrap, bootstrapLatencyMs: asked.latencyMs };
  if (asked.failure || !asked.metadata) {
    const f = asked.failure!;
    return {
      ...base,
      bootstrapOk: false,
      bootstrapError: f.error,
      bootstrapFailure: f,
      brokers: [],
      ok: false,
      elapsedMs: elapsed(),
    };
  }
  const { metadata, who } = asked;
  const advertised: { nodeId: number; host: string; port: number }[] = [...metadata.brokers].sort(
    (a: any, b: any) => a.nodeId - b.nodeId,
  );
  const brokers = await Promise.all(advertised.map((b) => probe(options, b.nodeId, b.host, b.port)));
  return {
    ...base,
    bootstrapOk: true,
    bootstrapFailure: who?.refused,
    bootstrapNodeId: who?.nodeId,
    bootstrapIdentifiedBy: who?.by,
    bootstrapCertificate: asked.certificate,
    clusterId: metadata.clusterId ?? undefined,
    controllerId: metadata.controllerId,
    brokers,
    ok: brokers.every((b) => b.status === 'ok' || b.status === 'answers'),
    elapsedMs: elapsed(),
  };
}
