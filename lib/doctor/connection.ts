/**
 * One kafkajs connection to one address (kafkajs 2.2.4's own Broker and ConnectionPool, pinned:
 * its public API neither connects to a chosen address nor shows the socket), through a socket
 * factory that keeps what the doctor needs to explain a failure: every socket error with its
 * code, and the certificate the TLS handshake presented.
 */
import * as dns from 'dns';
import * as net from 'net';
import * as tls from 'tls';
import { CertificateIdentity, certificateIdentity } from './tls-identity';

/* eslint-disable @typescript-eslint/no-require-imports */
const KafkaBroker = require('kafkajs/src/broker');
const connectionPoolBuilder = require('kafkajs/src/cluster/connectionPoolBuilder');
const { createLogger, LEVELS } = require('kafkajs/src/loggers');
/* eslint-enable @typescript-eslint/no-require-imports */

/** How to reach and authenticate (a subset of the online doctor's options). */
export interface ConnectionOptions {
  readonly tls?: boolean;
  readonly ca?: string;
  /** PEM client certificate and key (mutual TLS). */
  readonly clientCertificate?: { readonly cert: string; readonly key: string };
  readonly scram?: { readonly username: string; readonly password: string };
  readonly timeoutMs?: number;
  /** Host name -> address, used instead of DNS (the TLS host name stays the host name). */
  readonly resolve?: Readonly<Record<string, string>>;
}

/** A connection being made, and what its sockets saw. */
export interface RecordedConnection {
  /** kafkajs's Broker (connect, metadata, lookupRequest, connectionPool, disconnect). */
  readonly broker: any;
  readonly socketErrors: (Error & { code?: string })[];
  /** Whether ApiVersions was answered. */
  answered(): boolean;
  /** The broker the presented certificate names (TLS only). */
  certificateIdentity(): CertificateIdentity | undefined;
}

/** A `dns.lookup` that answers the `resolve` overrides and asks DNS for the rest. */
function lookupWith(resolve: Readonly<Record<string, string>>): net.LookupFunction {
  return ((hostname: string, options: any, callback: any) => {
    const address = resolve[hostname.toLowerCase()];
    if (address === undefined) return dns.lookup(hostname, options, callback);
    const family = net.isIPv6(address) ? 6 : 4;
    return options?.all ? callback(null, [{ address, family }]) : callback(null, address, family);
  }) as net.LookupFunction;
}

/** kafkajs's socket factory, plus the lookup overrides and a record of every socket. */
function recordingSocketFactory(options: ConnectionOptions, certificates: tls.PeerCertificate[], errors: Error[]) {
  const lookup = options.resolve ? lookupWith(options.resolve) : undefined;
  // the presented certificate, kept also when its host name check fails (the socket is gone then)
  const checkServerIdentity = (host: string, cert: tls.PeerCertificate) => {
    certificates.push(cert);
    return tls.checkServerIdentity(host, cert);
  };
  return ({ host, port, ssl, onConnect }: { host: string; port: number; ssl: any; onConnect: () => void }) => {
    const base = { host, port, ...(lookup ? { lookup } : {}) };
    const socket = ssl
      ? tls.connect(
          { ...base, ...(net.isIP(host) ? {} : { servername: host }), checkServerIdentity, ...ssl },
          onConnect,
        )
      : net.connect(base, onConnect);
    socket.setKeepAlive(true, 60_000);
    socket.on('error', (e) => errors.push(e));
    return socket;
  };
}

/** A kafkajs Broker on one address (no discovery, no retries); nothing is sent until `broker.connect()`. */
export async function connectionTo(
  options: ConnectionOptions,
  host: string,
  port: number,
): Promise<RecordedConnection> {
  const timeout = options.timeoutMs ?? 3000;
  const certificates: tls.PeerCertificate[] = [];
  const socketErrors: Error[] = [];
  const logger = createLogger({ level: LEVELS.NOTHING, logCreator: () => () => undefined });
  const ssl = options.tls
    ? { ...(options.ca ? { ca: [options.ca] } : {}), ...(options.clientCertificate ?? {}) }
    : undefined;
  const sasl = options.scram
    ? { mechanism: 'scram-sha-512', username: options.scram.username, password: options.scram.password }
    : undefined;
  const builder = connectionPoolBuilder({
    socketFactory: recordingSocketFactory(options, certificates, socketErrors),
    brokers: [`${host}:${port}`],
    ssl,
    sasl,
    clientId: 'strimzi-kraft-doctor',
    requestTimeout: timeout,
    enforceRequestTimeout: true,
    connectionTimeout: timeout,
    logger,
  });
  const connectionPool = await builder.build({ host, port });
  const broker = new KafkaBroker({
    connectionPool,
    logger,
    allowAutoTopicCreation: false,
    authenticationTimeout: timeout,
  });
  return {
    broker,
    socketErrors,
    answered: () => !!broker.versions,
    certificateIdentity() {
      return certificates.map((c) => certificateIdentity(c.subjectaltname)).find((i) => i !== undefined);
    },
  };
}
