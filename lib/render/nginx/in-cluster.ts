/**
 * The in-cluster shape of the load balancer as Kubernetes manifests: a ConfigMap with the
 * complete nginx.conf, a Deployment running nginx non-root with a read-only root file system, and
 * a Service exposing the bootstrap port and every advertised port. Pure functions of the load
 * balancer model.
 */
import { LoadBalancerModel } from '../../model/load-balancer';
import { renderNginxConf } from './config';

/** Path of the stream module in Debian's libnginx-mod-stream and the nginx image. */
export const STREAM_MODULE = '/usr/lib/nginx/modules/ngx_stream_module.so';
/** The image the in-cluster shape runs by default. */
export const DEFAULT_NGINX_IMAGE = 'nginx:1.27.3-alpine';

/** What the manifests need besides the model. */
export interface InClusterContext {
  /** The namespace of the objects (for the pod anti-affinity term). */
  readonly namespace?: string;
  /** Value of the `cdk8s.io/metadata.addr` label selecting the nginx pods. */
  readonly selector: string;
}

/** The manifests' bodies, without apiVersion, kind and metadata. */
export interface InClusterManifests {
  readonly configMap: { readonly data: Record<string, string> };
  readonly deployment: { readonly spec: Record<string, unknown> };
  readonly service: { readonly spec: Record<string, unknown> };
  /** Only with `networkPolicy: true`: admits traffic to the nginx pods on the listen ports only. */
  readonly networkPolicy?: { readonly spec: Record<string, unknown> };
}

/** Renders the in-cluster objects of a load balancer that has a listener and the in-cluster shape. */
export function renderInCluster(m: LoadBalancerModel, ctx: InClusterContext): InClusterManifests {
  const options = m.spec.inCluster ?? {};
  const byPort = m.listenPorts.map((port, i) => ({ port, name: m.portNames[i] })).sort((a, b) => a.port - b.port);
  const labels = { 'cdk8s.io/metadata.addr': ctx.selector };
  const nodePort = options.serviceType === 'NodePort';
  return {
    configMap: {
      data: {
        'nginx.conf': renderNginxConf(m.streamConfig!, {
          modulePath: STREAM_MODULE,
          pidFile: '/tmp/nginx.pid',
          errorLog: 'stderr',
          workerConnections: 4096,
        }),
      },
    },
    deployment: { spec: deploymentSpec(m, ctx, byPort, labels) },
    service: {
      spec: {
        externalIPs: [],
        loadBalancerSourceRanges: options.loadBalancerSourceRanges,
        ports: byPort.map(({ port, name }) => ({
          name,
          nodePort: nodePort ? port : undefined,
          port,
          targetPort: port,
        })),
        selector: labels,
        type: nodePort ? 'NodePort' : 'LoadBalancer',
      },
    },
    networkPolicy: options.networkPolicy
      ? {
          spec: {
            ingress: [{ ports: byPort.map(({ port }) => ({ port, protocol: 'TCP' })) }],
            podSelector: { matchLabels: labels },
            policyTypes: ['Ingress'],
          },
        }
      : undefined,
  };
}

type PortName = { port: number; name: string };

/** The nginx Deployment's spec: replicas spread over nodes, the restricted pod security profile. */
function deploymentSpec(
  m: LoadBalancerModel,
  ctx: InClusterContext,
  byPort: PortName[],
  labels: Record<string, string>,
): Record<string, unknown> {
  const options = m.spec.inCluster ?? {};
  const configVolume = `configmap-${m.baseName}`;
  return {
    minReadySeconds: 0,
    progressDeadlineSeconds: 600,
    replicas: options.replicas ?? 2,
    selector: { matchLabels: labels },
    strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
    template: {
      metadata: { labels },
      spec: {
        affinity: {
          podAntiAffinity: {
            // Prefer one nginx per node, without making scheduling fail on small clusters.
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                podAffinityTerm: {
                  labelSelector: { matchLabels: labels },
                  namespaces: ctx.namespace ? [ctx.namespace] : undefined,
                  topologyKey: 'kubernetes.io/hostname',
                },
                weight: 100,
              },
            ],
          },
        },
        automountServiceAccountToken: false,
        containers: [nginxContainer(m, byPort, configVolume)],
        dnsPolicy: 'ClusterFirst',
        hostNetwork: false,
        restartPolicy: 'Always',
        securityContext: {
          fsGroupChangePolicy: 'Always',
          runAsNonRoot: true,
          seccompProfile: { type: 'RuntimeDefault' },
        },
        setHostnameAsFQDN: false,
        terminationGracePeriodSeconds: 30,
        volumes: [
          { configMap: { name: m.baseName }, name: configVolume },
          { emptyDir: {}, name: 'tmp' },
        ],
      },
    },
  };
}

/** The nginx container: non-root, read-only root file system, probing the bootstrap port. */
function nginxContainer(m: LoadBalancerModel, byPort: PortName[], configVolume: string) {
  const options = m.spec.inCluster ?? {};
  const probe = { failureThreshold: 3, tcpSocket: { port: m.listener!.listener.bootstrapPort } };
  return {
    command: ['nginx', '-e', 'stderr', '-g', 'daemon off;', '-c', '/etc/nginx/kafka/nginx.conf'],
    image: options.imageDigest
      ? `${options.image ?? DEFAULT_NGINX_IMAGE}@${options.imageDigest}`
      : (options.image ?? DEFAULT_NGINX_IMAGE),
    imagePullPolicy: 'IfNotPresent',
    livenessProbe: { failureThreshold: 3, initialDelaySeconds: 10, tcpSocket: probe.tcpSocket },
    name: 'nginx',
    ports: byPort.map(({ port }) => ({ containerPort: port })),
    readinessProbe: probe,
    resources: { limits: { cpu: '1000m', memory: '256Mi' }, requests: { cpu: '100m', memory: '64Mi' } },
    // Pod Security Standards "restricted": no capabilities, no escalation, non-root, RuntimeDefault seccomp
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsGroup: 101,
      runAsNonRoot: true,
      runAsUser: 101,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    volumeMounts: [
      { mountPath: '/etc/nginx/kafka', name: configVolume, readOnly: true },
      { mountPath: '/tmp', name: 'tmp' },
    ],
  };
}
