/**
 * The in-cluster shape of the load balancer as plain values: the complete nginx.conf of its
 * ConfigMap, the ports its Deployment and Service expose, the image and the hardened settings
 * of the nginx container (non-root, read-only root file system). Pure functions of the load
 * balancer model; lib/load-balancer/in-cluster.ts turns them into cdk8s-plus-27 constructs.
 */
import { InClusterOptions, LoadBalancerModel } from '../../model/load-balancer';
import { renderNginxConf } from './config';

/** Path of the stream module in Debian's libnginx-mod-stream and the nginx image. */
export const STREAM_MODULE = '/usr/lib/nginx/modules/ngx_stream_module.so';
/** The image the in-cluster shape runs by default. */
export const DEFAULT_NGINX_IMAGE = 'nginx:1.27.3-alpine';
/** The nginx image's unprivileged user and group (`nginx`, 101). */
export const NGINX_UID = 101;
/** Where the ConfigMap's nginx.conf is mounted. */
export const CONFIG_DIR = '/etc/nginx/kafka';
/** nginx in the foreground, logging to stderr, with the ConfigMap's configuration. */
export const NGINX_COMMAND = ['nginx', '-e', 'stderr', '-g', 'daemon off;', '-c', `${CONFIG_DIR}/nginx.conf`];
/** Requests and limits of the nginx container: millicores and MiB. */
export const NGINX_RESOURCES = { cpuMillis: { request: 100, limit: 1000 }, memoryMiB: { request: 64, limit: 256 } };

/** A port the nginx pods listen on, with the name the Service gives it. */
export interface NamedPort {
  readonly port: number;
  /** `bootstrap` or `broker-<id>`. */
  readonly name: string;
}

/** The listen ports by number: the container ports, the Service ports and the NetworkPolicy ports. */
export function inClusterPorts(m: LoadBalancerModel): NamedPort[] {
  return m.listenPorts.map((port, i) => ({ port, name: m.portNames[i] })).sort((a, b) => a.port - b.port);
}

/** The complete nginx.conf of the ConfigMap: pid under /tmp (read-only root), errors to stderr. */
export function inClusterNginxConf(m: LoadBalancerModel): string {
  return renderNginxConf(m.streamConfig!, {
    modulePath: STREAM_MODULE,
    pidFile: '/tmp/nginx.pid',
    errorLog: 'stderr',
    workerConnections: 4096,
  });
}

/** The image the pods run: `<image>@<digest>` when pinned by digest. */
export function nginxImage(options: InClusterOptions): string {
  const image = options.image ?? DEFAULT_NGINX_IMAGE;
  return options.imageDigest ? `${image}@${options.imageDigest}` : image;
}

/** The name of the pod volume holding the ConfigMap. */
export const CONFIG_VOLUME = 'nginx-config';
