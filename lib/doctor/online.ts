/**
 * The online doctor: asks the bootstrap address for the cluster's metadata with kafkajs, then
 * connects to every advertised broker address and asks the broker that answers who it is.
 *
 * The broker's identity comes from a DescribeConfigs request for the BROKER resource named by
 * the advertised node ID: the broker with that ID answers with its config; any other broker
 * refuses with "Unexpected broker id, expected <its ID> ...", which names the broker that
 * answered. kafkajs's public API hides both the connection to one chosen address and that error
 * message, so this module uses kafkajs's own Broker and ConnectionPool classes (kafkajs 2.2.4,
 * pinned) with every step bounded by a timeout.
 */
import * as tls from 'tls';

/* eslint-disable @typescript-eslint/no-require-imports */
const KafkaBroker = require('kafkajs/src/broker');
const connectionPoolBuilder = require('kafkajs/src/cluster/connectionPoolBuilder');
const { createLogger, LEVELS } = require('kafkajs/src/loggers');
const createSocketFactory = require('kafkajs/src/network/socketFactory');
const apiKeys = require('kafkajs/src/protocol/requests/apiKeys');
const { requests } = require('kafkajs/src/protocol/requests');
/* eslint-enable @typescript-eslint/no-require-imports */

const BROKER_RESOURCE = 4;
const INVALID_REQUEST = 42;

/** How to reach the cluster. */
export interface OnlineDoctorOptions {
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

/** What one advertised broker answered. */
export interface BrokerProbe {
  /** Node ID the metadata advertises at this address. */
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
  /** `ok`, `unreachable`, `wrong-broker` (another broker answers), or `unidentified` (reachable, identity unknown). */
  readonly status: 'ok' | 'unreachable' | 'wrong-broker' | 'unidentified';
  /** Connect + ApiVersions (+ authentication), in ms, when reachable. */
  readonly latencyMs?: number;
  /** The node ID of the broker that answered. */
  readonly answeringNodeId?: number;
  /** kafkajs's error, when unreachable or unidentified. */
  readonly error?: string;
  /** `refused`, `closed`, `timeout`, `tls`, `auth` or `other` for an unreachable broker. */
  readonly failure?: 'refused' | 'closed' | 'timeout' | 'tls' | 'auth' | 'other';
}

/** What the online doctor found. */
export interface OnlineReport {
  readonly bootstrap: string;
  readonly bootstrapOk: boolean;
  readonly bootstrapLatencyMs?: number;
  readonly bootstrapError?: string;
  readonly clusterId?: string;
  readonly controllerId?: number;
  /** One per advertised broker, by node ID. */
  readonly brokers: BrokerProbe[];
  /** True when the bootstrap and every broker are OK. */
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

function classify(e: unknown): BrokerProbe['failure'] {
  const text = `${(e as Error)?.name ?? ''} ${(e as Error)?.message ?? e}`;
  if (/ECONNREFUSED/.test(text)) return 'refused';
  if (/timeout|timed out/i.test(text)) return 'timeout';
  if (/SASL|authentic/i.test(text)) return 'auth';
  if (/certificate|TLS|SSL|self.signed/i.test(text)) return 'tls';
  if (/closed|ECONNRESET|EPIPE|disconnected|socket hang up/i.test(text)) return 'closed';
  return 'other';
}

const describe = (e: unknown) => `${(e as Error)?.name ?? 'Error'}: ${(e as Error)?.message ?? e}`;

/** A kafkajs Broker on one address (no discovery, no retries), and how to close it. */
function brokerAt(options: OnlineDoctorOptions, host: string, port: number) {
  const timeout = options.timeoutMs ?? 3000;
  const logger = createLogger({ level: LEVELS.NOTHING, logCreator: () => () => undefined });
  const ssl: tls.ConnectionOptions | boolean | undefined = options.tls
    ? options.ca
      ? { ca: [options.ca] }
      : true
    : undefined;
  const sasl = options.scram
    ? { mechanism: 'scram-sha-512', username: options.scram.username, password: options.scram.password }
    : undefined;
  const builder = connectionPoolBuilder({
    socketFactory: createSocketFactory(),
    brokers: [`${host}:${port}`],
    ssl,
    sasl,
    clientId: 'strimzi-kraft-doctor',
    requestTimeout: timeout,
    enforceRequestTimeout: true,
    connectionTimeout: timeout,
    logger,
  });
  return {
    async connect() {
      const connectionPool = await builder.build({ host, port });
      const broker = new KafkaBroker({
        connectionPool,
        logger,
        allowAutoTopicCreation: false,
        authenticationTimeout: timeout,
      });
      return broker;
    },
  };
}

/** Who answers a connection: the node ID the broker itself reports, via DescribeConfigs. */
async function answeringNodeId(broker: any, expected: number): Promise<{ nodeId?: number; error?: string }> {
  const describeConfigs = broker.lookupRequest(apiKeys.DescribeConfigs, requests.DescribeConfigs);
  const { request, response } = describeConfigs({
    resources: [{ type: BROKER_RESOURCE, name: String(expected), configNames: ['node.id', 'broker.id'] }],
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
    return { nodeId: entry && /^\d+$/.test(entry.configValue ?? '') ? Number(entry.configValue) : expected };
  }
  const m = /expected (\d+)/.exec(r.errorMessage ?? '');
  if (r.errorCode === INVALID_REQUEST && m) return { nodeId: Number(m[1]) };
  return {
    error:
      `DescribeConfigs error code ${r.errorCode}${r.errorMessage ? `: ${r.errorMessage}` : ''} (the user ` +
      `may lack DescribeConfigs on the cluster)`,
  };
}

/** Connects to one address, measures connect + ApiVersions (+ SASL), and learns who answers. */
async function probe(options: OnlineDoctorOptions, nodeId: number, host: string, port: number): Promise<BrokerProbe> {
  const timeout = options.timeoutMs ?? 3000;
  let broker: any;
  const started = process.hrtime.bigint();
  try {
    broker = await brokerAt(options, host, port).connect();
    await withTimeout(broker.connect(), 3 * timeout, `connecting to ${host}:${port}`);
  } catch (e) {
    await broker?.disconnect().catch(() => undefined);
    return { nodeId, host, port, status: 'unreachable', error: describe(e), failure: classify(e) };
  }
  const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
  try {
    const who = await withTimeout(answeringNodeId(broker, nodeId), timeout, `DescribeConfigs on ${host}:${port}`);
    if (who.nodeId === undefined) return { nodeId, host, port, status: 'unidentified', latencyMs, error: who.error };
    return {
      nodeId,
      host,
      port,
      status: who.nodeId === nodeId ? 'ok' : 'wrong-broker',
      latencyMs,
      answeringNodeId: who.nodeId,
    };
  } catch (e) {
    const failure = classify(e);
    return { nodeId, host, port, status: 'unreachable', latencyMs, error: describe(e), failure };
  } finally {
    await withTimeout(broker.disconnect(), timeout, 'disconnect').catch(() => undefined);
  }
}

/**
 * Fetches metadata from the bootstrap address, then probes every advertised broker (in
 * parallel). Never throws for network failures; every step is bounded by `timeoutMs`.
 */
export async function probeCluster(options: OnlineDoctorOptions): Promise<OnlineReport> {
  const timeout = options.timeoutMs ?? 3000;
  const started = Date.now();
  const { host, port } = splitAddress(options.bootstrap);
  const elapsed = () => Date.now() - started;
  let broker: any;
  let metadata: any;
  const t0 = process.hrtime.bigint();
  let bootstrapLatencyMs: number | undefined;
  try {
    broker = await brokerAt(options, host, port).connect();
    await withTimeout(broker.connect(), 3 * timeout, `connecting to bootstrap ${options.bootstrap}`);
    bootstrapLatencyMs = Number(process.hrtime.bigint() - t0) / 1e6;
    metadata = await withTimeout(broker.metadata([]), timeout, `Metadata from ${options.bootstrap}`);
  } catch (e) {
    return {
      bootstrap: options.bootstrap,
      bootstrapOk: false,
      bootstrapLatencyMs,
      bootstrapError: describe(e),
      brokers: [],
      ok: false,
      elapsedMs: elapsed(),
    };
  } finally {
    await broker?.disconnect().catch(() => undefined);
  }
  const advertised: { nodeId: number; host: string; port: number }[] = [...metadata.brokers].sort(
    (a: any, b: any) => a.nodeId - b.nodeId,
  );
  const brokers = await Promise.all(advertised.map((b) => probe(options, b.nodeId, b.host, b.port)));
  return {
    bootstrap: options.bootstrap,
    bootstrapOk: true,
    bootstrapLatencyMs,
    clusterId: metadata.clusterId ?? undefined,
    controllerId: metadata.controllerId,
    brokers,
    ok: brokers.every((b) => b.status === 'ok'),
    elapsedMs: elapsed(),
  };
}
