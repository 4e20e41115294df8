import { ChildProcess, spawn } from 'child_process';
import * as net from 'net';

/**
 * A worker node that never accepts: a child process listens on each port with a backlog of 1 and
 * is then stopped (SIGSTOP), and the accept queues are filled. Linux then drops every further SYN
 * to these ports, so a connect neither succeeds nor is refused: it hangs, as with a worker whose
 * kernel or network drops packets. Loopback only; nothing on the host network changes.
 */
export class BlackholeWorker {
  private child?: ChildProcess;
  private readonly fillers: net.Socket[] = [];

  constructor(public readonly address: string) {}

  public async listen(ports: number[]): Promise<void> {
    const script = `const net = require('net');
let left = ${ports.length};
for (const port of ${JSON.stringify(ports)}) {
  net.createServer(() => {}).listen({ host: ${JSON.stringify(this.address)}, port, backlog: 1 }, () => { if (--left === 0) process.stdout.write('ready\\n'); });
}`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('blackhole worker did not listen within 5 s')), 5000);
      child.stdout!.once('data', () => {
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`blackhole worker exited with ${code}`));
      });
    });
    process.kill(child.pid!, 'SIGSTOP');
    for (const port of ports) {
      // Fill the accept queue: connections complete until it is full (2 with backlog 1), then hang.
      for (let i = 0; i < 8 && (await this.fill(port)); i++);
    }
  }

  /** Opens one connection that stays in the accept queue; false once connecting hangs. */
  private fill(port: number): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = net.connect({ host: this.address, port });
      this.fillers.push(socket);
      socket.on('error', () => resolve(false));
      socket.setTimeout(300, () => resolve(false));
      socket.once('connect', () => {
        socket.setTimeout(0);
        resolve(true);
      });
    });
  }

  public async stop(): Promise<void> {
    this.fillers.splice(0).forEach((s) => s.destroy());
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}
