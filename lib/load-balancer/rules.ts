/** The rules of the load balancer kind, declared with the kind and collected into the catalogue (lib/rules.ts). */
import { APISERVER, RUNTIME, Rule, rule } from '../core/rules';

/** The load balancer rules, by a short key used in the code. */
export const LOAD_BALANCER_RULES = {
  lbWorkers: rule(
    'lb-workers',
    'Load balancer',
    'error',
    'An external-host load balancer has at least one worker',
    RUNTIME,
  ),
  lbWorkerAddress: rule(
    'lb-worker-address',
    'Load balancer',
    'error',
    'Workers and the listen address are IP addresses or host names',
    'nginx -t',
  ),
  lbListener: rule(
    'lb-listener',
    'Load balancer',
    'error',
    'The load balancer serves an existing external nodeport listener',
    'nobody',
  ),
  lbListenPortsUnique: rule(
    'lb-listen-ports-unique',
    'Load balancer',
    'error',
    'Bootstrap and broker listen ports of a load balancer are unique',
    'nginx, at start',
  ),
  lbListenPortsAcross: rule(
    'lb-listen-ports-across',
    'Load balancer',
    'error',
    'Load balancers of a cluster on one address do not share a listen port',
    'nginx, at start',
  ),
  lbTrafficPolicy: rule(
    'lb-traffic-policy',
    'Load balancer',
    'error',
    "An external-host load balancer forwards to every worker, so the listener's externalTrafficPolicy is 'Cluster'",
    RUNTIME,
  ),
  lbUnprivilegedPorts: rule(
    'lb-unprivileged-ports',
    'Load balancer',
    'error',
    'In-cluster listen ports are 1024 or above (nginx runs as non-root)',
    'nginx, at start',
  ),
  lbNodePortService: rule(
    'lb-node-port-service',
    'Load balancer',
    'error',
    'A NodePort Service for the in-cluster load balancer exposes only ports in 30000-32767',
    APISERVER,
  ),
  lbTuning: rule(
    'lb-tuning',
    'Load balancer',
    'error',
    '`maxFails` is an integer 0-1000; timeouts are whole seconds >= 1; replicas 1-100',
    'nginx -t',
  ),
  lbFileNamesUnique: rule(
    'lb-file-names-unique',
    'Load balancer',
    'error',
    'External-host load balancers of an app write distinct nginx files (`<cluster>-<listener>-lb.*.conf`)',
    'nobody: one file overwrites the other',
  ),
  lbConnectTimeoutLong: rule(
    'lb-connect-timeout-long',
    'Load balancer',
    'warning',
    '`proxyConnectTimeout` is at most 5 s, so a worker that drops packets costs clients (10 s connect deadline) ' +
      'a retry, not the connection',
    'nobody',
  ),
  lbSingleReplica: rule(
    'lb-single-replica',
    'Load balancer',
    'warning',
    'A single in-cluster nginx replica is a single point of failure',
    'nobody',
  ),
  lbNodePortsDisjoint: rule(
    'lb-node-ports-disjoint',
    'Load balancer',
    'error',
    "An in-cluster NodePort Service uses none of the brokers' NodePorts (of any cluster of the app)",
    APISERVER,
  ),
  lbWorkerUnique: rule('lb-worker-unique', 'Load balancer', 'error', 'Every worker is listed once', 'nobody'),
  lbPodRestricted: rule(
    'lb-pod-restricted',
    'Load balancer',
    'warning',
    'The in-cluster nginx pod, as adjusted through its cdk8s-plus Deployment, still passes the Kubernetes Pod ' +
      'Security Standards "restricted" profile (host namespaces, volume types, privileged, privilege escalation, ' +
      'capabilities, non-root, seccomp, host ports)',
    'the API server, in a namespace that enforces "restricted"',
  ),
} as const satisfies Record<string, Rule>;
