import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** A PEM key and certificate. */
export interface KeyPair {
  readonly key: string;
  readonly cert: string;
}

/**
 * A throw-away CA made with the openssl CLI in `dir` at test time (EC P-256, valid one day): no key
 * is committed. `issue` signs a server certificate with the given DNS names.
 */
export class TestCa {
  public readonly cert: string;
  public readonly certFile: string;
  private readonly keyFile: string;
  private issued = 0;

  constructor(
    private readonly dir: string,
    subject = '/O=io.strimzi/CN=cluster-ca v0',
  ) {
    fs.mkdirSync(dir, { recursive: true });
    this.keyFile = path.join(dir, 'ca.key');
    this.certFile = path.join(dir, 'ca.crt');
    openssl(['req', '-x509', ...EC, '-keyout', this.keyFile, '-out', this.certFile, '-days', '1', '-subj', subject]);
    this.cert = fs.readFileSync(this.certFile, 'utf-8');
  }

  /** A certificate for `names` (subject alternative names; none for a client certificate), signed by this CA. */
  public issue(commonName: string, names: readonly string[]): KeyPair {
    const base = path.join(this.dir, `issued-${this.issued++}`);
    openssl([
      'req',
      '-x509',
      ...EC,
      '-keyout',
      `${base}.key`,
      '-out',
      `${base}.crt`,
      '-days',
      '1',
      '-subj',
      `/O=io.strimzi/CN=${commonName}`,
      '-CA',
      this.certFile,
      '-CAkey',
      this.keyFile,
      '-addext',
      'basicConstraints=critical,CA:FALSE',
      ...(names.length ? ['-addext', `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`] : []),
    ]);
    return { key: fs.readFileSync(`${base}.key`, 'utf-8'), cert: fs.readFileSync(`${base}.crt`, 'utf-8') };
  }
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * The in-cluster names Strimzi puts in a broker's certificate (bootstrap and headless Services in
 * each DNS form, and the pod's own name), then the listener's external names.
 */
export function strimziBrokerNames(
  cluster: string,
  namespace: string,
  pool: string,
  nodeId: number,
  external: readonly string[] = [],
): string[] {
  const forms = (service: string) => [
    service,
    `${service}.${namespace}`,
    `${service}.${namespace}.svc`,
    `${service}.${namespace}.svc.cluster.local`,
  ];
  const pod = `${cluster}-${pool}-${nodeId}.${cluster}-kafka-brokers.${namespace}.svc`;
  return [
    ...forms(`${cluster}-kafka-bootstrap`),
    ...forms(`${cluster}-kafka-brokers`),
    pod,
    `${pod}.cluster.local`,
    ...external,
  ];
}
