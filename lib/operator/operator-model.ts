/**
 * The findings of a StrimziOperator's own props: pure functions of plain data (durations already in
 * milliseconds, the release's upstream resources), so the construct only places them.
 */
import { Finding, collector, finding } from '../core/problem';
import { STRIMZI_RELEASES, findStrimziRelease } from '../core/release';
import { RULES } from '../rules';
import { isDnsLabel, isQuantity, parseQuantity } from '../core/syntax';
import { upgradePath } from '../model/semantics/upgrade-path';
import { featureGatesOf, releasesAcceptingGate } from './feature-gates';
import { LOG_LEVELS, OPERATOR_MIN_MEMORY, inWorkaroundRange } from './operator-facts';

type Flag = ReturnType<typeof collector>;

/** Quantities of the operator container. */
interface CpuAndMemory {
  readonly cpu?: string;
  readonly memory?: string;
}

/** What the operator's findings are computed from. */
export interface OperatorCheckInput {
  readonly strimziVersion: string;
  /** Whether the library knows the release. */
  readonly known: boolean;
  readonly namespace: string;
  readonly watchNamespaces?: readonly string[];
  readonly watchAnyNamespace: boolean;
  readonly replicas: number;
  readonly leaderElection: boolean;
  readonly podDisruptionBudget?: { readonly minAvailable: number };
  readonly logLevel?: string;
  /** Durations in milliseconds (NaN for one that cannot be read). */
  readonly durations: { readonly fullReconciliationInterval?: number; readonly operationTimeout?: number };
  readonly image: {
    readonly registry?: string;
    readonly repository?: string;
    readonly tag?: string;
    readonly digest?: string;
  };
  readonly kubernetesVersion?: string;
  readonly featureGates: readonly string[];
  readonly resources: { readonly requests?: CpuAndMemory; readonly limits?: CpuAndMemory };
  /** The release's own requests and limits. */
  readonly upstreamResources?: { readonly requests: CpuAndMemory; readonly limits: CpuAndMemory };
  /** The memory limit in effect (given or upstream). */
  readonly memoryLimit?: string;
}

/** Every finding about an operator's own props. */
export function operatorFindings(o: OperatorCheckInput): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  checkReleaseAndNamespaces(o, flag);
  checkReplicas(o, flag);
  checkFeatureGates(o, flag);
  checkResources(o, flag);
  checkLogLevelAndDurations(o, flag);
  checkImage(o, flag);
  checkKubernetesVersion(o, flag);
  return out;
}

function checkReleaseAndNamespaces(o: OperatorCheckInput, flag: Flag): void {
  const p = o;
  if (!o.known) {
    flag(RULES.releaseKnown, 'strimziVersion', o.strimziVersion).says(
      'not a Strimzi release this library knows. Fix: use one of ' + `${STRIMZI_RELEASES.map((r) => r.tag).join(', ')}`,
    );
  }
  if (!isDnsLabel(o.namespace)) {
    flag(RULES.operatorNamespaces, 'namespace', o.namespace).says(
      "not a DNS label. Fix: use lower-case letters, digits and '-', e.g. 'strimzi'",
    );
  }
  (p.watchNamespaces ?? []).forEach((ns, i) => {
    if (!isDnsLabel(ns))
      flag(RULES.operatorNamespaces, `watchNamespaces[${i}]`, ns).says(
        "not a DNS label. Fix: use lower-case letters, digits and '-'",
      );
    if ((p.watchNamespaces ?? []).indexOf(ns) !== i)
      flag(RULES.operatorNamespaces, `watchNamespaces[${i}]`, ns).says('listed twice. Fix: list each namespace once');
  });
  if (o.watchAnyNamespace && p.watchNamespaces !== undefined) {
    flag(RULES.operatorWatchAnyWithList, 'watchNamespaces', p.watchNamespaces).says(
      'given together with watchAnyNamespace: true. Fix: drop watchNamespaces to watch every namespace, or ' +
        'drop watchAnyNamespace to watch only the list',
    );
  }
}

function checkReplicas(o: OperatorCheckInput, flag: Flag): void {
  const p = o;
  const replicasValid = Number.isInteger(o.replicas) && o.replicas >= 1 && o.replicas <= 10;
  if (!replicasValid) {
    flag(RULES.operatorReplicas, 'replicas', o.replicas).says(
      'not an integer from 1 to 10. Fix: run 1 to 10 operator pods (2 with leader election for a fast ' + 'fail-over)',
    );
  } else if (o.replicas > 1 && !o.leaderElection) {
    flag(RULES.operatorLeaderElection, 'leaderElection', false).says(
      `${o.replicas} replicas without leader election reconcile the same resources at once. Fix: keep ` +
        'leaderElection: true (the default), or run 1 replica',
    );
  }
  if (p.podDisruptionBudget) {
    const min = p.podDisruptionBudget.minAvailable;
    if (!Number.isInteger(min) || min < 0 || min >= o.replicas) {
      flag(RULES.operatorPdb, 'podDisruptionBudget.minAvailable', min).says(
        `with ${o.replicas} replica(s) no operator pod could ever be evicted (node drains hang). Fix: set ` +
          `minAvailable to at most ${Math.max(o.replicas - 1, 0)}, or add replicas`,
      );
    }
  }
}

function checkLogLevelAndDurations(o: OperatorCheckInput, flag: Flag): void {
  const p = o;
  if (p.logLevel !== undefined && !LOG_LEVELS.includes(p.logLevel)) {
    flag(RULES.operatorLogLevel, 'logLevel', p.logLevel).says(
      `not a log level. Fix: use one of ${LOG_LEVELS.join(', ')}`,
    );
  }
  for (const [field, ms] of Object.entries(o.durations)) {
    if (ms !== undefined && !(ms >= 1000 && Number.isInteger(ms))) {
      flag(RULES.operatorDurations, field, ms).says(
        'not whole milliseconds of at least a second. Fix: use e.g. Duration.minutes(2)',
      );
    }
  }
}

function checkImage(o: OperatorCheckInput, flag: Flag): void {
  const image = o.image;
  if (image.digest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(image.digest)) {
    flag(RULES.operatorImage, 'image.digest', image.digest).says(
      'not sha256:<64 hex digits>. Fix: copy the digest from `docker buildx imagetools inspect`',
    );
  }
  if (image.registry !== undefined && !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d+)?$/.test(image.registry)) {
    flag(RULES.operatorImage, 'image.registry', image.registry).says(
      'not a registry host[:port]. Fix: use e.g. registry.example.com',
    );
  }
  if (image.repository !== undefined && !/^[a-z0-9]+([._/-][a-z0-9]+)*$/.test(image.repository)) {
    flag(RULES.operatorImage, 'image.repository', image.repository).says(
      'not an image repository. Fix: use e.g. strimzi/operator',
    );
  }
  if (image.tag !== undefined && !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(image.tag)) {
    flag(RULES.operatorImage, 'image.tag', image.tag).says(`not an image tag. Fix: use e.g. ${o.strimziVersion}`);
  }
}

/** Strimzi 0.41.0-0.45.0 need STRIMZI_KUBERNETES_VERSION on Kubernetes 1.33+. */
function checkKubernetesVersion(o: OperatorCheckInput, flag: Flag): void {
  const k = o.kubernetesVersion;
  if (inWorkaroundRange(o.strimziVersion) && (k === undefined || !/^\d+\.\d+$/.test(k))) {
    flag(RULES.operatorKubernetesVersion, 'kubernetesVersion', k).says(
      `Strimzi ${o.strimziVersion} crash-loops on Kubernetes 1.33 and newer unless ` +
        'STRIMZI_KUBERNETES_VERSION is set; the version is ' +
        `${k === undefined ? 'not given' : 'not <major>.<minor>'}. Fix: set kubernetesVersion to your ` +
        `cluster's '<major>.<minor>' (e.g. '1.33'), or ${upgradePath(o.strimziVersion, '0.45.1')}`,
    );
  }
}

function checkFeatureGates(o: OperatorCheckInput, flag: Flag): void {
  const valid = featureGatesOf(o.strimziVersion);
  const seen = new Set<string>();
  o.featureGates.forEach((gate, i) => {
    const m = /^\s*([+-])([a-zA-Z0-9]+)\s*$/.exec(gate);
    if (!m) {
      flag(RULES.operatorFeatureGate, `featureGates[${i}]`, gate).says(
        'not +Name or -Name; the operator refuses to start. Fix: use ' +
          `${valid.map((g) => `+${g.name} or -${g.name}`).join(', ') || 'no feature gate'} on Strimzi ` +
          `${o.strimziVersion}`,
      );
      return;
    }
    const name = m[2];
    if (!valid.some((g) => g.name === name)) {
      const others = releasesAcceptingGate(
        name,
        STRIMZI_RELEASES.map((r) => r.tag),
      );
      const where = others.length ? `only ${others.join(', ')}` : 'no release has it, or it went GA and was removed';
      const accepted = valid.length ? `accepts ${valid.map((g) => g.name).join(', ')}` : 'has no feature gates';
      flag(RULES.operatorFeatureGate, `featureGates[${i}]`, gate).says(
        `Strimzi ${o.strimziVersion} has no feature gate ${name} (${where}); the operator refuses to start. ` +
          `Fix: remove it; Strimzi ${o.strimziVersion} ${accepted}`,
      );
    } else if (seen.has(name)) {
      flag(RULES.operatorFeatureGateRepeated, `featureGates[${i}]`, gate).says(
        `${name} is listed twice; the operator refuses to start. Fix: list each gate once`,
      );
    }
    seen.add(name);
  });
}

function checkResources(o: OperatorCheckInput, flag: Flag): void {
  const r = o.resources;
  const up = o.upstreamResources;
  for (const kind of ['cpu', 'memory'] as const) {
    for (const side of ['requests', 'limits'] as const) {
      const v = r[side]?.[kind];
      if (v !== undefined && !isQuantity(v)) {
        flag(RULES.resourceQuantity, `resources.${side}.${kind}`, v).says(
          `not a Kubernetes quantity. Fix: ${kind === 'cpu' ? "use e.g. '500m' or '1'" : "use e.g. '512Mi'"}`,
        );
      }
    }
    const req = r.requests?.[kind] ?? up?.requests[kind];
    const lim = r.limits?.[kind] ?? up?.limits[kind];
    if (req && lim && isQuantity(req) && isQuantity(lim) && parseQuantity(req) > parseQuantity(lim)) {
      flag(RULES.resourceRequestWithinLimit, `resources.requests.${kind}`, req).says(
        `above the limit ${lim}. Fix: request at most ${lim}`,
      );
    }
  }
  const mem = o.memoryLimit;
  if (mem && isQuantity(mem) && parseQuantity(mem) < parseQuantity(OPERATOR_MIN_MEMORY)) {
    flag(RULES.operatorMemory, 'resources.limits.memory', mem).says(
      `below the ${OPERATOR_MIN_MEMORY} the operator needs with several clusters (upstream's 384Mi is a ` +
        `frequent OOM kill). Fix: set resources: { requests: { memory: '${OPERATOR_MIN_MEMORY}' }, limits: { ` +
        `memory: '${OPERATOR_MIN_MEMORY}' } } or more`,
    );
  }
}

/** The release of a StrimziCrds: one the library knows, or its CRD bundle URL would not exist. */
export function crdsReleaseFindings(strimziVersion: string): Finding[] {
  if (findStrimziRelease(strimziVersion)) return [];
  const fix = `use one of ${STRIMZI_RELEASES.map((r) => r.tag).join(', ')}`;
  const why = 'not a Strimzi release this library knows (its CRD bundle URL would not exist)';
  return [finding(RULES.releaseKnown, 'strimziVersion', strimziVersion, why, fix)];
}

/** The `from` of a StrimziCrds that cannot be read: why, and nothing included. */
export function crdsSourceFindings(from: string, why: string): Finding[] {
  const fix = 'give the path of a YAML file, or of a folder of .yaml files, holding the CRDs of the release';
  return [finding(RULES.propType, 'from', from, why, fix)];
}
