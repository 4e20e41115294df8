import * as net from 'net';

/* eslint-disable @typescript-eslint/no-require-imports */
// kafkajs's own protocol primitives: the byte layout (sizes, strings, arrays) is theirs; only the
// few response bodies below are written here.
const Encoder = require('kafkajs/src/protocol/encoder');
const Decoder = require('kafkajs/src/protocol/decoder');
/* eslint-enable @typescript-eslint/no-require-imports */

const API = { Metadata: 3, DescribeConfigs: 32, ApiVersions: 18 } as const;
/** What the stand-in serves: only non-flexible versions, so no tagged fields. */
const SUPPORTED: [number, number, number][] = [
  [API.Metadata, 0, 1],
  [API.ApiVersions, 0, 2],
  [API.DescribeConfigs, 0, 0],
];

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
  ) {}

  public async listen(host: string, port: number): Promise<void> {
    const server = net.createServer((s) => this.serve(s));
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
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 4 && buffer.length >= 4 + buffer.readInt32BE(0)) {
        const size = buffer.readInt32BE(0);
        const frame = buffer.subarray(4, 4 + size);
        buffer = buffer.subarray(4 + size);
        const body = this.answer(new Decoder(frame));
        if (!body) {
          socket.destroy();
          return;
        }
        socket.write(new Encoder().writeInt32(body.length).writeBuffer(body).buffer);
      }
    });
  }

  /** The response frame (correlation ID + body), or undefined to drop the connection. */
  private answer(d: any): Buffer | undefined {
    this.requests++;
    const apiKey = d.readInt16();
    const version = d.readInt16();
    const correlationId = d.readInt32();
    d.readString(); // client ID
    const e = new Encoder().writeInt32(correlationId);
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
          if (r.type !== 4)
            return re
              .writeInt16(40)
              .writeString('only BROKER resources here')
              .writeInt8(r.type)
              .writeString(r.name)
              .writeArray([]);
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
