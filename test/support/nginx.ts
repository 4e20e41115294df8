import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';

/**
 * The nginx binary, or undefined. Locally a missing nginx is a loud skip; under CI=true the
 * tests fail instead (`.ci/run` installs Debian's nginx-light and libnginx-mod-stream).
 */
export function findNginx(): string | undefined {
  const found = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
  if (!found) {
    const message = 'nginx not found: install nginx-light and libnginx-mod-stream (Debian) to run the real-nginx tests';
    if (process.env.CI === 'true') throw new Error(message);
    // eslint-disable-next-line no-console
    console.warn(`\n\n*** SKIPPING REAL-NGINX TESTS: ${message} ***\n\n`);
  }
  return found;
}

/** `nginx -t` on a configuration; with `hosts`, inside a mount namespace whose /etc/hosts maps them. */
export function nginxTest(nginx: string, conf: string, hostsFile?: string): { ok: boolean; output: string } {
  const args = ['-t', '-e', 'stderr', '-c', conf];
  const r = hostsFile
    ? spawnSync(
        'unshare',
        ['--mount', 'sh', '-c', `mount --bind "$0" /etc/hosts && exec "$@"`, hostsFile, nginx, ...args],
        { encoding: 'utf-8' },
      )
    : spawnSync(nginx, args, { encoding: 'utf-8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/**
 * Starts nginx in the foreground; resolves once it accepts connections on host:port (and, with
 * `ready: 'data'`, the default, once the upstream behind it sends data on connect).
 */
export async function startNginx(
  nginx: string,
  conf: string,
  host: string,
  port: number,
  ready: 'data' | 'connect' = 'data',
): Promise<ChildProcess> {
  const child = spawn(nginx, ['-e', 'stderr', '-g', 'daemon off;', '-c', conf], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    if (ready === 'data' ? (await connectOnce(host, port, 200)).ok : await tcpOpen(host, port, 200)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`nginx did not listen on ${host}:${port} within 5 s: ${stderr}`);
}

/** Stops nginx and waits for it to exit. */
export async function stopNginx(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Whether a TCP connection to host:port opens within `timeoutMs`. */
export function tcpOpen(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** One TCP connection: what the peer sent before closing, or why it failed; bounded by `timeoutMs`. */
export function connectOnce(
  host: string,
  port: number,
  timeoutMs = 3000,
): Promise<{ ok: boolean; data: string; error?: string }> {
  return new Promise((resolve) => {
    let data = '';
    let done = false;
    const finish = (r: { ok: boolean; data: string; error?: string }) => {
      if (!done) {
        done = true;
        socket.destroy();
        resolve(r);
      }
    };
    const socket = net.connect({ host, port });
    socket.setTimeout(timeoutMs, () => finish({ ok: false, data, error: 'timeout' }));
    socket.on('data', (d) => {
      data += d;
    });
    socket.on('error', (e) => finish({ ok: false, data, error: e.message }));
    socket.on('close', () =>
      finish({ ok: data.length > 0, data, error: data.length > 0 ? undefined : 'closed without data' }),
    );
  });
}

/** A stand-in worker node: answers on each of its ports with `<address>:<port>` and closes. */
export class StubWorker {
  private readonly servers: net.Server[] = [];

  constructor(public readonly address: string) {}

  public async listen(ports: number[]): Promise<void> {
    for (const port of ports) {
      const server = net.createServer((s) => s.end(`${this.address}:${port}\n`));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, this.address, () => resolve());
      });
      this.servers.push(server);
    }
  }

  public async stop(): Promise<void> {
    await Promise.all(this.servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  }
}
