import * as crypto from 'crypto';
import * as net from 'net';
import * as tls from 'tls';

/* eslint-disable @typescript-eslint/no-require-imports */
// kafkajs's own protocol primitives: the byte layout (sizes, strings, arrays) is theirs; only the
// few response bodies below are written here.
const Encoder = require('kafkajs/src/protocol/encoder');
const Decoder = require('kafkajs/src/protocol/decoder');
/* eslint-enable @typescript-eslint/no-require-imports */

const API = { Metadata: 3, SaslHandshake: 17, ApiVersions: 18, DescribeConfigs: 32, SaslAuthenticate: 36 } as const;
/** What the stand-in serves: only non-flexible versions, so no tagged fields. */
const SUPPORTED: [number, number, number][] = [
  [API.Metadata, 0, 1],
  [API.SaslHandshake, 0, 1],
  [API.ApiVersions, 0, 2],
  [API.DescribeConfigs, 0, 0],
  [API.SaslAuthenticate, 0, 0],
];
/** Kafka's error codes and the message its SCRAM server fails with. */
const ERROR = { clusterAuthorizationFailed: 31, unsupportedSaslMechanism: 33, illegalSaslState: 34, saslFailed: 58 };
const INVALID_CREDENTIALS =
  'Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512';

/**
 * How a stand-in listener is secured, as Kafka does it: TLS with the given certificate; SASL with
 * SCRAM-SHA-512 users (before authentication only ApiVersions and SASL requests, anything else
 * closes the connection; a SaslHandshake on a listener without SASL gets ILLEGAL_SASL_STATE); and
 * an authorizer that allows a DescribeConfigs of a BROKER only to principals allowed
 * DescribeConfigs on the cluster (else CLUSTER_AUTHORIZATION_FAILED, as Kafka's KafkaApis does).
 */
export interface StandInSecurity {
  /** With `clientCa`: mutual TLS; the principal is `CN=<the client certificate's CN>` (listener authentication tls). */
  readonly tls?: { readonly key: string; readonly cert: string; readonly clientCa?: string };
  /** SCRAM-SHA-512 users: name -> password. @default - no SASL */
  readonly scramUsers?: Readonly<Record<string, string>>;
  /** Mechanisms the SASL listener enables. @default ['SCRAM-SHA-512'] */
  readonly mechanisms?: readonly string[];
  /** Principals allowed DescribeConfigs on the cluster (ACLs and super users). @default - no authorizer */
  readonly describeConfigsAllowed?: readonly string[];
  /** Accept connections and never answer. */
  readonly silent?: boolean;
}

/** One client connection: who it is and where its SCRAM exchange stands. */
interface Session {
  principal?: string;
  scram?: { user: string; password: string; clientFirstBare: string; serverFirst: string; nonce: string; salt: Buffer };
}

const hmac = (key: Buffer, text: string) => crypto.createHmac('sha512', key).update(text).digest();
const sha512 = (b: Buffer) => crypto.createHash('sha512').update(b).digest();

/** The cluster as its metadata describes it. */
export interface StandInCluster {
  readonly clusterId: string;
  readonly controllerId: number;
  /** Advertised address of every broker. */
  readonly brokers: { nodeId: number; host: string; port: number }[];
}

/**
 * A stand-in Kafka broker speaking enough of the protocol for kafkajs: ApiVersions, Metadata
 * (v0-1) and DescribeConfigs (v0) for the BROKER resource, answering as `nodeId` exactly as Kafka
 * does (its own ID: its config; another ID: INVALID_REQUEST "Unexpected broker id ...").
 * It listens on any number of address:port pairs (a worker's NodePorts).
 */
export class StandInBroker {
  private readonly servers: net.Server[] = [];
  private readonly sockets = new Set<net.Socket>();
  public requests = 0;

  constructor(
    public readonly nodeId: number,
    private readonly cluster: StandInCluster,
    private readonly security: StandInSecurity = {},
  ) {}

  public async listen(host: string, port: number): Promise<void> {
    const t = this.security.tls;
    const server = t
      ? tls.createServer(
          {
            key: t.key,
            cert: t.cert,
            ...(t.clientCa ? { ca: t.clientCa, requestCert: true, rejectUnauthorized: true } : {}),
          },
          (s) => this.serve(s),
        )
      : net.createServer((s) => this.serve(s));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.servers.push(server);
  }

  public async stop(): Promise<void> {
    this.sockets.forEach((s) => s.destroy());
    await Promise.all(this.servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  }

  private serve(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (this.security.silent) return;
    const clientCn = this.security.tls?.clientCa
      ? (socket as tls.TLSSocket).getPeerCertificate().subject?.CN
      : undefined;
    const session: Session = {
      principal: this.security.scramUsers ? undefined : clientCn ? `CN=${clientCn}` : 'ANONYMOUS',
    };
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 4 && buffer.length >= 4 + buffer.readInt32BE(0)) {
        const size = buffer.readInt32BE(0);
        const frame = buffer.subarray(4, 4 + size);
        buffer = buffer.subarray(4 + size);
        const { body, close } = this.respond(new Decoder(frame), session);
        if (!body) {
          socket.destroy();
          return;
        }
        socket.write(new Encoder().writeInt32(body.length).writeBuffer(body).buffer);
        if (close) {
          socket.end();
          return;
        }
      }
    });
  }

  /** The response frame (correlation ID + body), or no body to drop the connection; `close` after a failed login. */
  private respond(d: any, session: Session): { body?: Buffer; close?: boolean } {
    this.requests++;
    const apiKey = d.readInt16();
    const version = d.readInt16();
    const correlationId = d.readInt32();
    d.readString(); // client ID
    const e = new Encoder().writeInt32(correlationId);
    if (apiKey === API.SaslHandshake) return { body: this.handshake(d, e).buffer };
    if (apiKey === API.SaslAuthenticate) return this.authenticate(d, e, session);
    // a SASL listener serves nothing but ApiVersions before the login (Kafka closes the connection)
    if (session.principal === undefined && apiKey !== API.ApiVersions) return {};
    return { body: this.answer(apiKey, version, d, e, session) };
  }

  /** SaslHandshake: the mechanisms of a SASL listener; ILLEGAL_SASL_STATE on a listener without SASL. */
  private handshake(d: any, e: any): any {
    const mechanism = d.readString();
    if (!this.security.scramUsers) return e.writeInt16(ERROR.illegalSaslState).writeArray([]);
    const enabled = this.security.mechanisms ?? ['SCRAM-SHA-512'];
    return e.writeInt16(enabled.includes(mechanism) ? 0 : ERROR.unsupportedSaslMechanism).writeArray(enabled);
  }

  /** SaslAuthenticate v0: the two rounds of a SCRAM-SHA-512 server (RFC 5802). */
  private authenticate(d: any, e: any, session: Session): { body?: Buffer; close?: boolean } {
    const message = d.readBytes().toString('utf-8');
    const fail = () => ({
      body: e.writeInt16(ERROR.saslFailed).writeString(INVALID_CREDENTIALS).writeBytes(Buffer.alloc(0)).buffer,
      close: true,
    });
    const ok = (reply: string) => ({ body: e.writeInt16(0).writeString(null).writeBytes(Buffer.from(reply)).buffer });
    if (!session.scram) {
      const clientFirstBare = message.replace(/^[^,]*,[^,]*,/, '');
      const user = /^n=([^,]*)/.exec(clientFirstBare)?.[1] ?? '';
      const password = this.security.scramUsers?.[user];
      if (password === undefined) return fail();
      const nonce = `${/,r=([^,]*)/.exec(clientFirstBare)?.[1] ?? ''}${crypto.randomBytes(12).toString('hex')}`;
      const salt = crypto.randomBytes(16);
      const serverFirst = `r=${nonce},s=${salt.toString('base64')},i=4096`;
      session.scram = { user, password, clientFirstBare, serverFirst, nonce, salt };
      return ok(serverFirst);
    }
    const s = session.scram;
    const withoutProof = message.replace(/,p=[^,]*$/, '');
    const proof = Buffer.from(/,p=([^,]*)$/.exec(message)?.[1] ?? '', 'base64');
    const salted = crypto.pbkdf2Sync(s.password, s.salt, 4096, 64, 'sha512');
    const clientKey = hmac(salted, 'Client Key');
    const authMessage = `${s.clientFirstBare},${s.serverFirst},${withoutProof}`;
    const signature = hmac(sha512(clientKey), authMessage);
    const claimed = proof.length === 64 ? Buffer.from(proof.map((b, i) => b ^ signature[i])) : Buffer.alloc(0);
    if (!withoutProof.includes(`r=${s.nonce}`) || !claimed.equals(clientKey)) return fail();
    session.principal = s.user;
    return ok(`v=${hmac(hmac(salted, 'Server Key'), authMessage).toString('base64')}`);
  }

  /** Whether the authorizer lets this session DescribeConfigs on the cluster. */
  private mayDescribeConfigs(session: Session): boolean {
    const allowed = this.security.describeConfigsAllowed;
    return allowed === undefined || allowed.includes(session.principal ?? '');
  }

  /** The body of an ApiVersions, Metadata or DescribeConfigs response; undefined for anything else. */
  private answer(apiKey: number, version: number, d: any, e: any, session: Session): Buffer | undefined {
    if (apiKey === API.ApiVersions) {
      const supported = SUPPORTED.find(([k]) => k === apiKey)!;
      const errorCode = version > supported[2] ? 35 : 0; // UNSUPPORTED_VERSION
      e.writeInt16(errorCode).writeArray(
        SUPPORTED.map(([k, min, max]) => new Encoder().writeInt16(k).writeInt16(min).writeInt16(max)),
      );
      if (version >= 1) e.writeInt32(0); // throttle time
    } else if (apiKey === API.Metadata && version <= 1) {
      e.writeArray(
        this.cluster.brokers.map((b) => {
          const be = new Encoder().writeInt32(b.nodeId).writeString(b.host).writeInt32(b.port);
          return version >= 1 ? be.writeString(null) : be; // rack
        }),
      );
      if (version >= 1) e.writeInt32(this.cluster.controllerId);
      e.writeArray([]); // topics
    } else if (apiKey === API.DescribeConfigs && version === 0) {
      const resources = d.readArray((r: any) => {
        const type = r.readInt8();
        const name = r.readString();
        r.readArray((c: any) => c.readString());
        return { type, name };
      });
      e.writeInt32(0).writeArray(
        resources.map((r: { type: number; name: string }) => {
          const re = new Encoder();
          if (r.type === 4 && !this.mayDescribeConfigs(session)) {
            return re
              .writeInt16(ERROR.clusterAuthorizationFailed)
              .writeString('Cluster authorization failed.') // Kafka's message of the error code
              .writeInt8(r.type)
              .writeString(r.name)
              .writeArray([]);
          }
          if (r.type !== 4)
            return re
              .writeInt16(40)
              .writeString('only BROKER resources here')
              .writeInt8(r.type)
              .writeString(r.name)
              .writeArray([]);
          // as Kafka: '' is the cluster-wide default broker config (no per-broker entries), another ID is refused
          if (r.name === '')
            return re.writeInt16(0).writeString(null).writeInt8(r.type).writeString(r.name).writeArray([]);
          if (r.name !== String(this.nodeId)) {
            return re
              .writeInt16(42)
              .writeString(`Unexpected broker id, expected ${this.nodeId} or empty string, but received ${r.name}`)
              .writeInt8(r.type)
              .writeString(r.name)
              .writeArray([]);
          }
          return re
            .writeInt16(0)
            .writeString(null)
            .writeInt8(r.type)
            .writeString(r.name)
            .writeArray([
              new Encoder()
                .writeString('node.id')
                .writeString(String(this.nodeId))
                .writeBoolean(true)
                .writeBoolean(false)
                .writeBoolean(false),
            ]);
        }),
      );
    } else {
      return undefined;
    }
    return e.buffer;
  }
}
