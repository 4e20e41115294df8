/**
 * Renders nginx `stream` (TCP) load-balancer configuration. Pure text functions over a small,
 * already-computed description: every port in it comes from the cluster model.
 */

/** One upstream server. */
export interface NginxServer {
  readonly host: string;
  readonly port: number;
}

/** One `upstream` + `server` pair: clients connect to `listenPort`, nginx forwards to `servers`. */
export interface NginxStreamBlock {
  /** Upstream name, unique in the nginx configuration. */
  readonly upstream: string;
  /** One-line comment saying what the block serves. */
  readonly comment: string;
  readonly listenPort: number;
  /** Servers, emitted in this order. */
  readonly servers: readonly NginxServer[];
}

/** A complete stream configuration. */
export interface NginxStreamConfig {
  /** Comment lines at the top of the file. */
  readonly header: readonly string[];
  /** Blocks, emitted by listen port. */
  readonly blocks: readonly NginxStreamBlock[];
  /** Address to listen on; all addresses when undefined. */
  readonly listenAddress?: string;
  /** `max_fails` of every server. */
  readonly maxFails: number;
  /** `fail_timeout` of every server, in seconds. */
  readonly failTimeoutSeconds: number;
  /** `proxy_connect_timeout`, in seconds. */
  readonly proxyConnectTimeoutSeconds: number;
  /** `proxy_timeout`, in seconds. */
  readonly proxyTimeoutSeconds: number;
}

/** Settings of the main context of a complete `nginx.conf`. */
export interface NginxMainOptions {
  /** Path of the stream module to load. */
  readonly modulePath: string;
  readonly pidFile: string;
  /** `error_log` target, e.g. `stderr` or a file path. */
  readonly errorLog: string;
  readonly workerConnections: number;
}

/** The blocks of a stream configuration, to include inside `stream { }` (ends with a newline). */
export function renderStreamSnippet(config: NginxStreamConfig): string {
  const listen = (port: number) => (config.listenAddress ? `${config.listenAddress.includes(':') ? `[${config.listenAddress}]` : config.listenAddress}:${port}` : `${port}`);
  const blocks = [...config.blocks].sort((a, b) => a.listenPort - b.listenPort).map((b) => [
    `# ${b.comment}`,
    `upstream ${b.upstream} {`,
    ...b.servers.map((s) => `    server ${s.host.includes(':') ? `[${s.host}]` : s.host}:${s.port} max_fails=${config.maxFails} fail_timeout=${config.failTimeoutSeconds}s;`),
    '}',
    '',
    'server {',
    `    listen ${listen(b.listenPort)};`,
    `    proxy_pass ${b.upstream};`,
    `    proxy_connect_timeout ${config.proxyConnectTimeoutSeconds}s;`,
    `    proxy_timeout ${config.proxyTimeoutSeconds}s;`,
    '}',
  ].join('\n'));
  return `${[config.header.map((h) => `# ${h}`).join('\n'), ...blocks].join('\n\n')}\n`;
}

/** A complete, runnable `nginx.conf` holding the stream configuration. */
export function renderNginxConf(config: NginxStreamConfig, main: NginxMainOptions): string {
  const snippet = renderStreamSnippet({ ...config, header: [] }).trimStart();
  return [
    ...config.header.map((h) => `# ${h}`),
    '',
    `load_module ${main.modulePath};`,
    'worker_processes auto;',
    `pid ${main.pidFile};`,
    `error_log ${main.errorLog} notice;`,
    '',
    'events {',
    `    worker_connections ${main.workerConnections};`,
    '}',
    '',
    'stream {',
    ...snippet.trimEnd().split('\n').map((l) => (l ? `    ${l}` : '')),
    '}',
    '',
  ].join('\n');
}
