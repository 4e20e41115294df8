/**
 * Renders nginx `stream` (TCP) load-balancer configuration. Pure text functions over a small,
 * already-computed description: every port in it comes from the cluster model.
 */
import { NginxMainOptions, NginxStreamConfig } from '../../model/load-balancer';

/** The blocks of a stream configuration, to include inside `stream { }` (ends with a newline). */
export function renderStreamSnippet(config: NginxStreamConfig): string {
  const listen = (port: number) =>
    config.listenAddress
      ? `${config.listenAddress.includes(':') ? `[${config.listenAddress}]` : config.listenAddress}:${port}`
      : `${port}`;
  const blocks = [...config.blocks]
    .sort((a, b) => a.listenPort - b.listenPort)
    .map((b) =>
      [
        `# ${b.comment}`,
        `upstream ${b.upstream} {`,
        ...b.servers.map(
          (s) =>
            `    server ${s.host.includes(':') ? `[${s.host}]` : s.host}:${s.port} max_fails=${config.maxFails} ` +
            `fail_timeout=${config.failTimeoutSeconds}s;`,
        ),
        '}',
        '',
        'server {',
        `    listen ${listen(b.listenPort)};`,
        `    proxy_pass ${b.upstream};`,
        `    proxy_connect_timeout ${config.proxyConnectTimeoutSeconds}s;`,
        `    proxy_timeout ${config.proxyTimeoutSeconds}s;`,
        '}',
      ].join('\n'),
    );
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
    // each proxied connection holds two descriptors; systemd's default soft limit (1024) is too low
    `worker_rlimit_nofile ${main.workerConnections * 2};`,
    `pid ${main.pidFile};`,
    `error_log ${main.errorLog} notice;`,
    '',
    'events {',
    `    worker_connections ${main.workerConnections};`,
    '}',
    '',
    'stream {',
    ...snippet
      .trimEnd()
      .split('\n')
      .map((l) => (l ? `    ${l}` : '')),
    '}',
    '',
  ].join('\n');
}
