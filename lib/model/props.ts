/**
 * The shapes of the public props (see core/shape.ts): checked at each construct's boundary so
 * that JavaScript and JSON callers get findings, never a TypeError or a coerced value.
 */
import { RULES } from '../core/rules';
import {
  Shape,
  Syntax,
  arr,
  bool,
  either,
  int,
  isPlainObject,
  json,
  obj,
  oneOf,
  rec,
  required,
  str,
} from '../core/shape';

/** An object given where a nested options object belongs (checked in full by the construct that takes it). */
const plainObject = (what: string): Shape => ({ t: 'instance', test: isPlainObject, what });

const JVM_KEY: Syntax = {
  test: (k) => /^[A-Za-z0-9][A-Za-z0-9._+:-]*$/.test(k) && k.length <= 255,
  what: 'an option or property name (letters, digits, ., _, +, : and -)',
  rule: RULES.propType,
  fix: 'use the bare name, e.g. UseG1GC or javax.net.debug',
};

/** KraftClusterProps; nested pools and listeners are checked by addNodePool / addListener / addNodePortListener. */
export const CLUSTER_PROPS: Shape = obj({
  clusterName: str(253),
  strimziVersion: str(32),
  apiVersion: str(32),
  kafkaVersion: str(32),
  metadataVersion: str(32),
  nodePools: rec(plainObject('NodePoolOptions { roles, replicas, storage, ... }'), 100),
  listeners: arr(plainObject('a listener { name, port, tls?, type?, authentication? }'), 50),
  nodePortListeners: arr(plainObject('a nodeport listener { bootstrapNodePort, advertisedHost, ... }'), 20),
  replication: obj({ factor: int, minInSyncReplicas: int }),
  config: plainObject('an object of Kafka properties'),
  authorization: obj({
    type: required(str(32), ''),
    authorizerClass: str(1000),
    superUsers: arr(str(1000), 1000),
    supportsAdminApi: bool,
  }),
  cruiseControl: bool,
  topicOperator: bool,
  userOperator: bool,
  // the lock of a whole output: each cluster checks its own entry in full (lockedPoolsOf)
  nodeIdLock: obj({ clusters: rec(plainObject('the pools of one cluster'), 10_000), source: str(4096) }),
});

/** Requests and limits: resource names (cpu, memory, ephemeral-storage, nvidia.com/gpu, ...) to quantities. */
const quantities = rec(str(64), 20, {
  test: (k) => /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[a-z0-9]([-a-z0-9._]*[a-z0-9])?$/.test(k) && k.length <= 253,
  what: 'a resource name such as cpu, memory or nvidia.com/gpu',
  rule: RULES.resourceQuantity,
  fix: 'use a Kubernetes resource name: cpu, memory, ephemeral-storage or <domain>/<name>',
});

/** NodePoolOptions (storage is checked by the Storage factories themselves). */
export const poolProps = (isStorage: (v: unknown) => boolean, placeholderStorage: unknown): Shape =>
  obj({
    roles: required(arr(str(32), 4), []),
    replicas: required(int, 0),
    storage: required(
      {
        t: 'instance',
        test: isStorage,
        what: 'Storage.persistentClaim(...), Storage.ephemeral(...) or Storage.jbod(...)',
      },
      placeholderStorage,
    ),
    nodeIds: arr(int, 1000),
    scaleUpNodeIds: obj({ from: int, to: int }),
    resources: obj({ requests: quantities, limits: quantities }),
    jvmOptions: obj({
      xms: str(32),
      xmx: str(32),
      gcLoggingEnabled: bool,
      xx: rec(str(1000), 100, JVM_KEY),
      javaSystemProperties: rec(str(1000), 100, JVM_KEY),
    }),
    template: json(),
  });

const authentication = obj({ type: required(str(32), ''), options: json() });

/** InternalListenerOptions. */
export const INTERNAL_LISTENER_PROPS: Shape = obj({
  name: required(str(63), ''),
  port: required(int, NaN),
  tls: bool,
  authentication,
  type: str(32),
});

/** ExternalNodePortListenerOptions. */
export const NODE_PORT_LISTENER_PROPS: Shape = obj({
  name: str(63),
  port: int,
  tls: bool,
  authentication: either(oneOf('none'), authentication),
  bootstrapNodePort: required(int, NaN),
  bootstrapPort: int,
  advertisedHost: required(str(253), ''),
  nodePortBase: int,
  advertisedPortBase: int,
  brokers: rec(obj({ nodePort: int, advertisedHost: str(253), advertisedPort: int }), 1000),
  externalTrafficPolicy: str(32),
});

/** PersistentClaimOptions (a missing size is reported by storage-size). */
export const PERSISTENT_CLAIM_PROPS: Shape = obj({
  size: str(64),
  storageClass: str(253),
  deleteClaim: bool,
  kraftMetadata: bool,
  selector: rec(str(63), 50),
});

/** EphemeralOptions. */
export const EPHEMERAL_PROPS: Shape = obj({ sizeLimit: str(64), kraftMetadata: bool });

/** An absolute path nginx reads or writes: nothing that could end or add a directive. */
const NGINX_PATH = /^\/[A-Za-z0-9._/-]*$/;

const path = (what: string): Syntax => ({
  test: (v) => NGINX_PATH.test(v) && !v.split('/').includes('..'),
  what: `an absolute path (letters, digits, ., _, - and /) for ${what}`,
  rule: RULES.lbPathSyntax,
  fix: "use a plain absolute path such as '/run/nginx.pid'",
});

const ERROR_LOG: Syntax = {
  ...path('the error log'),
  test: (v) => v === 'stderr' || path('').test(v),
  what: "'stderr' or an absolute path (letters, digits, ., _, - and /)",
};

const DOMAIN: Syntax = {
  test: (v) =>
    v.length <= 253 && v.split('.').every((l) => /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(l) && l.length <= 63),
  what: 'a DNS subdomain (lower-case labels separated by dots)',
  rule: RULES.lbClusterDomain,
  fix: "use your cluster's DNS domain, e.g. 'cluster.local'",
};

/** [registry[:port]/]name[/name...][:tag][@sha256:digest], as container runtimes parse image references. */
const IMAGE_REFERENCE = new RegExp(
  '^([a-z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*' +
    '(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$',
);
const IMAGE: Syntax = {
  test: (v) => IMAGE_REFERENCE.test(v),
  what: 'an image reference such as nginx:1.27.3-alpine',
  rule: RULES.lbImage,
  fix: "give repository and tag, e.g. 'nginx:1.27.3-alpine' or 'registry.example.com/nginx:1.27'",
};

const DIGEST: Syntax = {
  test: (v) => /^sha256:[a-f0-9]{64}$/.test(v),
  what: "a digest 'sha256:' followed by 64 hex digits",
  rule: RULES.lbImage,
  fix: 'copy the digest from `docker buildx imagetools inspect <image>` or your registry',
};

const CIDR: Syntax = {
  test: (v) =>
    (/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/.test(v) &&
      v.split(/[./]/).every((n, i) => Number(n) <= (i === 4 ? 32 : 255))) ||
    (/^[0-9a-fA-F:]+\/\d{1,3}$/.test(v) && v.includes(':') && Number(v.split('/')[1]) <= 128),
  what: 'a CIDR such as 10.0.0.0/8',
  rule: RULES.propType,
  fix: "give source ranges as CIDRs, e.g. '203.0.113.0/24'",
};

/** ExternalHostOptions (worker and listen address syntax: lb-worker-address). */
export const EXTERNAL_HOST_PROPS: Shape = obj({
  workers: required(arr(str(253), 1000), []),
  listenAddress: str(253),
  pidFile: str(4096, path('the pid file')),
  errorLog: str(4096, ERROR_LOG),
  modulePath: str(4096, path('the stream module')),
});

/** InClusterOptions. */
export const IN_CLUSTER_PROPS: Shape = obj({
  serviceType: str(32),
  replicas: int,
  image: str(512, IMAGE),
  imageDigest: str(71, DIGEST),
  clusterDomain: str(253, DOMAIN),
  loadBalancerSourceRanges: arr(str(64, CIDR), 100),
  networkPolicy: bool,
});
