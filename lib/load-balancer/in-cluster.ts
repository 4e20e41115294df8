/**
 * The in-cluster shape's Kubernetes objects as cdk8s-plus-27 constructs: a ConfigMap with the
 * complete nginx.conf, a Deployment running nginx non-root with a read-only root file system (Pod
 * Security "restricted"), a Service exposing the bootstrap port and every advertised port and, with
 * `networkPolicy: true`, a NetworkPolicy admitting traffic to the nginx pods on those ports only.
 *
 * This file is the only one that loads cdk8s-plus-27, an optional peer dependency: the load
 * balancer requires it when its shape is in-cluster, so the main entry never loads it. Imported as
 * `cdk8s-strimzi-kraft/in-cluster`, it also types the load balancer's members `configMap`,
 * `deployment`, `service` and `networkPolicy` as the cdk8s-plus-27 classes.
 *
 * @module cdk8s-strimzi-kraft/in-cluster
 */
import { ApiObject, Duration, JsonPatch, Lazy, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { placeFindings } from '../common/resource';
import { Finding } from '../core/problem';
import { InClusterOptions, LoadBalancerModel } from '../model/load-balancer';
import { restrictedPodFindings } from './in-cluster-model';
import {
  CONFIG_DIR,
  NGINX_COMMAND,
  NGINX_RESOURCES,
  NGINX_UID,
  NamedPort,
  CONFIG_VOLUME,
  inClusterNginxConf,
  inClusterPorts,
  nginxImage,
} from '../render/nginx/in-cluster';

declare module './load-balancer' {
  interface LoadBalancer {
    /**
     * The in-cluster shape's ConfigMap (the nginx.conf), a cdk8s-plus-27 `ConfigMap`; undefined for
     * the external-host shape. Typed when `cdk8s-strimzi-kraft/in-cluster` is imported.
     */
    readonly configMap?: kplus.ConfigMap;
    /**
     * The in-cluster nginx, a cdk8s-plus-27 `Deployment`: adjust it as any (scheduling, tolerations,
     * pod labels, volumes). Its container `nginx` gets its ports at synth, from the cluster model.
     */
    readonly deployment?: kplus.Deployment;
    /** The Service clients connect to, a cdk8s-plus-27 `Service`; its ports are bound at synth. */
    readonly service?: kplus.Service;
    /** With `networkPolicy: true`: the NetworkPolicy, a cdk8s-plus-27 `NetworkPolicy`; its rule is written at synth. */
    readonly networkPolicy?: kplus.NetworkPolicy;
  }
}

/** The in-cluster objects of one load balancer. */
export interface InClusterObjects {
  readonly configMap: kplus.ConfigMap;
  readonly deployment: kplus.Deployment;
  readonly service: kplus.Service;
  readonly networkPolicy?: kplus.NetworkPolicy;
}

/** What the objects are made from: the load balancer, its options and its model (read at synth). @internal */
export interface InClusterSource {
  readonly scope: Construct;
  readonly options: InClusterOptions;
  /** The model; called at synth only. */
  readonly model: () => LoadBalancerModel;
  /** The model with a listener to balance, or an Error naming path, field and fix. */
  readonly served: () => LoadBalancerModel;
}

/** Pod Security "restricted" asks for a seccomp profile, which cdk8s-plus-27 cannot set: patched in. */
const RUNTIME_DEFAULT = { type: 'RuntimeDefault' };

/**
 * Creates the objects, with everything that does not depend on the cluster model; the ports (which
 * depend on the brokers, added to the cluster before or after the load balancer) are added at synth.
 * @internal
 */
export function createInClusterObjects(source: InClusterSource): InClusterObjects {
  const { scope, options } = source;
  const lazy = <T>(produce: () => T) => Lazy.any({ produce }) as unknown as T;
  const name = lazy(() => source.model().baseName);
  const configMap = new kplus.ConfigMap(scope, 'Config', { metadata: { name }, immutable: false });
  configMap.addData(
    'nginx.conf',
    lazy(() => inClusterNginxConf(source.served())),
  );
  const deployment = nginxDeployment(scope, name, options);
  addNginxContainer(deployment, source, configMap);
  const service = new kplus.Service(scope, 'Service', {
    metadata: { name },
    type: options.serviceType === 'NodePort' ? kplus.ServiceType.NODE_PORT : kplus.ServiceType.LOAD_BALANCER,
    loadBalancerSourceRanges: options.loadBalancerSourceRanges,
    selector: deployment,
  });
  const networkPolicy = options.networkPolicy
    ? new kplus.NetworkPolicy(scope, 'NetworkPolicy', {
        metadata: { name },
        selector: deployment,
        ingress: { default: kplus.NetworkPolicyTrafficDefault.DENY },
      })
    : undefined;
  const objects = { configMap, deployment, service, networkPolicy };
  placeFindings(scope, () => podFindings(source, deployment));
  let bound: string | undefined;
  // cdk8s validates every construct before it renders any: the ports are bound then, once
  scope.node.addValidation({
    validate: () => {
      const m = source.model();
      if (!renderable(m)) return [];
      bound = bindPorts(scope, objects, inClusterPorts(m), options, bound);
      return [];
    },
  });
  return objects;
}

/**
 * A model without errors: one with errors (no listener, a listen port twice, ...) is reported by the
 * load balancer's own checks, and cdk8s renders nothing after a failed validation.
 */
const renderable = (m: LoadBalancerModel) =>
  !!m.listener && !!m.streamConfig && !m.findings.some((f) => f.rule.severity === 'error');

/**
 * The nginx pod as rendered, with what a user changed through cdk8s-plus, against Pod Security
 * "restricted" (once per validation pass). A load balancer with errors renders nothing.
 */
function podFindings(source: InClusterSource, deployment: kplus.Deployment): Finding[] {
  if (!renderable(source.model())) return [];
  let pod: Record<string, unknown> | undefined;
  try {
    pod = ApiObject.of(deployment).toJson().spec?.template?.spec;
  } catch {
    return []; // the synth renders it again and reports what fails
  }
  return restrictedPodFindings(pod ?? {});
}

/** The Deployment: replicas spread over nodes (preferred), no service account token, non-root pods. */
function nginxDeployment(scope: Construct, name: string, options: InClusterOptions): kplus.Deployment {
  const deployment = new kplus.Deployment(scope, 'Deployment', {
    metadata: { name },
    replicas: options.replicas ?? 2,
    automountServiceAccountToken: false,
    securityContext: { ensureNonRoot: true, fsGroupChangePolicy: kplus.FsGroupChangePolicy.ALWAYS },
  });
  // Prefer one nginx per node, without making scheduling fail on small clusters.
  deployment.scheduling.spread({ topology: kplus.Topology.HOSTNAME, weight: 100 });
  ApiObject.of(deployment).addJsonPatch(
    JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', RUNTIME_DEFAULT),
  );
  return deployment;
}

/** The nginx container: non-root, read-only root file system, probing the bootstrap port. */
function addNginxContainer(deployment: kplus.Deployment, source: InClusterSource, configMap: kplus.ConfigMap): void {
  const { scope, options } = source;
  // cdk8s-plus needs a volume's name when it is made, before the listener (and so the ConfigMap's name) is known
  const configVolume = kplus.Volume.fromConfigMap(scope, 'ConfigVolume', configMap, { name: CONFIG_VOLUME });
  const tmp = kplus.Volume.fromEmptyDir(scope, 'TmpVolume', 'tmp');
  // `port` is read by cdk8s-plus at synth only: the bootstrap port of the listener, which may come later
  const probe = (options: kplus.ProbeOptions) =>
    kplus.Probe.fromTcpSocket(
      Object.defineProperty({ ...options }, 'port', {
        get: () => source.served().listener!.listener.bootstrapPort,
        enumerable: true,
      }),
    );
  const { cpuMillis, memoryMiB } = NGINX_RESOURCES;
  deployment.addContainer({
    name: 'nginx',
    image: nginxImage(options),
    imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
    command: NGINX_COMMAND,
    readiness: probe({ failureThreshold: 3 }),
    liveness: probe({ failureThreshold: 3, initialDelaySeconds: Duration.seconds(10) }),
    resources: {
      cpu: { request: kplus.Cpu.millis(cpuMillis.request), limit: kplus.Cpu.millis(cpuMillis.limit) },
      memory: { request: Size.mebibytes(memoryMiB.request), limit: Size.mebibytes(memoryMiB.limit) },
    },
    // Pod Security Standards "restricted": no capabilities, no escalation, non-root, RuntimeDefault seccomp
    securityContext: {
      ensureNonRoot: true,
      privileged: false,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      user: NGINX_UID,
      group: NGINX_UID,
      // cdk8s-plus-27's Capability has no ALL (and prefixes CAP_, which Kubernetes does not use)
      capabilities: { drop: ['ALL' as kplus.Capability] },
    },
    volumeMounts: [
      { path: CONFIG_DIR, volume: configVolume, readOnly: true },
      { path: '/tmp', volume: tmp },
    ],
  });
  ApiObject.of(deployment).addJsonPatch(
    JsonPatch.add('/spec/template/spec/containers/0/securityContext/seccompProfile', RUNTIME_DEFAULT),
  );
}

/**
 * Binds the listen ports to the container, the Service and the NetworkPolicy, once: cdk8s-plus
 * cannot unbind a port, so ports that changed after the first synth are an error.
 */
function bindPorts(
  scope: Construct,
  objects: InClusterObjects,
  ports: NamedPort[],
  options: InClusterOptions,
  bound: string | undefined,
): string {
  const key = ports.map((p) => `${p.name}:${p.port}`).join(',');
  if (bound === key) return key;
  if (bound !== undefined) {
    throw new Error(
      `[${scope.node.path}] ports: ${key}, were ${bound} at an earlier synth of this app. Fix: finish the ` +
        'cluster (node pools, listeners) before the first synth, or build a new app',
    );
  }
  const container = objects.deployment.containers[0];
  const nodePort = options.serviceType === 'NodePort';
  for (const { port, name } of ports) {
    container.addPort({ number: port });
    objects.service.bind(port, { name, targetPort: port, nodePort: nodePort ? port : undefined });
  }
  // A rule without `from` (any source, these ports only), which cdk8s-plus-27 cannot express. The patch
  // applies to the object's props, before cdk8s-plus maps them to Kubernetes JSON: a typed k8s rule.
  if (objects.networkPolicy) {
    const rule: kplus.k8s.NetworkPolicyIngressRule = {
      ports: ports.map(({ port }) => ({ port: kplus.k8s.IntOrString.fromNumber(port), protocol: 'TCP' })),
    };
    ApiObject.of(objects.networkPolicy).addJsonPatch(JsonPatch.add('/spec/ingress', [rule]));
  }
  return key;
}
