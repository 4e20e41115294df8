import { ApiObject, Chart, Duration, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IAffinity } from 'kubernetes-models/v1/Affinity';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import { placed } from '../common/arguments';
import { addAppCheck, problemsUnder, record, validateAtSynth } from '../common/problems';
import { checkedProps } from '../common/resource';
import { Problem } from '../core/problem';
import { DEFAULT_STRIMZI_RELEASE, compareVersions } from '../core/release';
import { Instances } from '../core/shape';
import { KUBERNETES_VERSION_WORKAROUND, inWorkaroundRange } from './operator-facts';
import { operatorFindings } from './operator-model';
import { operatorSemanticFindings } from '../model/semantics/operator';
import { OPERATOR_MARK, operatorAppProblems } from './app-checks';
import { namespaceObjects } from './namespaces';
import { formatImage, parseImage } from './image';
import { OperatorReleaseFacts, operatorFacts } from './release-facts';

/** Log levels of the operator's root logger (`STRIMZI_LOG_LEVEL`). */
export type OperatorLogLevel = 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'TRACE';

export { KUBERNETES_VERSION_WORKAROUND, OPERATOR_MIN_MEMORY } from './operator-facts';

/** CPU and memory of the operator container; each given value replaces the upstream one. */
export interface OperatorResources {
  readonly requests?: { readonly cpu?: string; readonly memory?: string };
  readonly limits?: { readonly cpu?: string; readonly memory?: string };
}

/** Overrides of the images the operator runs and deploys. */
export interface OperatorImageOptions {
  /**
   * Registry of every image (operator, Kafka, bridge, build tools), e.g. a mirror `registry.example.com`.
   * @default the release's (`quay.io`)
   */
  readonly registry?: string;
  /** Repository of the operator image (also the Topic/User Operator and init image). @default `strimzi/operator` */
  readonly repository?: string;
  /** Tag of the operator image. @default the release tag */
  readonly tag?: string;
  /** Digest pinning the operator image, `sha256:<64 hex>`. @default none */
  readonly digest?: string;
}

/** Props of {@link StrimziOperator}. */
export interface StrimziOperatorProps {
  /** Strimzi release of the operator (0.41.0 to 1.2.0): decides RBAC, env and images. @default '1.2.0' */
  readonly strimziVersion?: string;
  /** Namespace the operator runs in (its own, not a Kafka namespace). @default 'strimzi' */
  readonly namespace?: string;
  /**
   * Namespaces whose Kafka resources the operator manages; each gets the operator's RoleBindings.
   * @default [namespace] unless watchAnyNamespace
   */
  readonly watchNamespaces?: readonly string[];
  /** Watch every namespace (`STRIMZI_NAMESPACE=*`, ClusterRoleBindings instead of RoleBindings). @default false */
  readonly watchAnyNamespace?: boolean;
  /**
   * Also emit the `Namespace` objects: the operator's namespace and every watched one (with
   * watchAnyNamespace only the operator's), first in the output. Off, create them yourself (or let
   * Argo CD's `CreateNamespace=true` do it).
   * @default false
   */
  readonly createNamespaces?: boolean;
  /**
   * Operator pods; more than 1 needs leader election. @default 1
   * @integer
   */
  readonly replicas?: number;
  /** Leader election among the replicas (`STRIMZI_LEADER_ELECTION_ENABLED`). @default true */
  readonly leaderElection?: boolean;
  /** CPU and memory; merged over the release's (requests 200m/384Mi, limits 1 CPU/384Mi). @default upstream */
  readonly resources?: OperatorResources;
  /**
   * Feature gates, each `+Name` or `-Name`, valid for the release. @default none
   * @maxItems 100
   */
  readonly featureGates?: readonly string[];
  /** Image overrides. @default the release's images */
  readonly image?: OperatorImageOptions;
  /**
   * Names of Secrets to pull images with. @default none
   * @maxItems 100
   */
  readonly imagePullSecrets?: readonly string[];
  /** Root log level. @default the bundle's (INFO) */
  readonly logLevel?: OperatorLogLevel;
  /** `STRIMZI_FULL_RECONCILIATION_INTERVAL_MS`. @default 2 minutes (upstream) */
  readonly fullReconciliationInterval?: Duration;
  /** `STRIMZI_OPERATION_TIMEOUT_MS`. @default 5 minutes (upstream) */
  readonly operationTimeout?: Duration;
  /**
   * Further env vars (sorted by name, after the upstream ones; an upstream name is replaced in place).
   * @default none
   * @maxItems 200
   * @maxLength 10000
   * @keys envName
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Node selector of the operator pods. @default none
   * @maxItems 50
   * @keys labelKey
   */
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /**
   * Tolerations of the operator pods. @default none
   * @maxItems 50
   */
  readonly tolerations?: readonly IToleration[];
  /**
   * Affinity of the operator pods. @default none
   * @json
   */
  readonly affinity?: IAffinity;
  /** A PodDisruptionBudget keeping `minAvailable` operator pods. @default none */
  readonly podDisruptionBudget?: {
    /** @integer */
    readonly minAvailable: number;
  };
  /**
   * The Kubernetes version the operator runs on, `<major>.<minor>` (e.g. '1.33'). Strimzi 0.41.0 to
   * 0.45.0 cannot read the version of Kubernetes 1.33+ and crash-loop; with this set to 1.33 or
   * newer on those releases the operator gets `STRIMZI_KUBERNETES_VERSION` (fixed in 0.45.1).
   * @default unknown (a warning on 0.41.0-0.45.0)
   */
  readonly kubernetesVersion?: string;
}

/** The RoleBindings each watched namespace needs (upstream files 020, 023, 031). */
export const WATCHED_BINDING_FILES = ['020', '023', '031'] as const;

/** The ClusterRoleBindings that replace them when watching every namespace (names from Strimzi's docs). */
export const WATCH_ANY_BINDING_NAMES: Readonly<Record<string, string>> = {
  '020': 'strimzi-cluster-operator-namespaced',
  '023': 'strimzi-cluster-operator-watched',
  '031': 'strimzi-cluster-operator-entity-operator-delegation',
};

const RBAC = 'rbac.authorization.k8s.io';

/** The class the operator's intervals take. */
const DURATION: Instances = {
  Duration: { test: (v) => v instanceof Duration, what: 'a Duration, e.g. Duration.minutes(2)' },
};

/**
 * The Strimzi cluster operator of one release, in its own namespace, watching the Kafka
 * namespaces: every object of the release's install bundle rendered from the library's facts,
 * with the namespace set, RoleBindings in every watched namespace and `STRIMZI_NAMESPACE` set to
 * the watched list. Put it in a chart without a namespace (it sets every object's own).
 */
export class StrimziOperator extends Construct {
  /** The release's facts (undefined when the release is unknown). */
  private readonly facts?: OperatorReleaseFacts;
  public readonly strimziVersion: string;
  public readonly namespace: string;
  /** The watched namespaces, sorted; empty when watching every namespace. */
  public readonly watchNamespaces: readonly string[];
  public readonly watchAnyNamespace: boolean;
  public readonly replicas: number;
  public readonly leaderElection: boolean;
  /** The feature gates as given (rendered sorted by name). */
  public readonly featureGates: readonly string[];
  /** The generated objects, in apply order. */
  public readonly apiObjects: ApiObject[] = [];

  private readonly props: StrimziOperatorProps;

  constructor(scope: Construct, id: string, rawProps: StrimziOperatorProps = {}) {
    super(scope, placed(scope, id));
    // JavaScript and JSON callers: every prop is checked at run time; the rest sees clean values
    const checked = checkedProps<StrimziOperatorProps>(this, rawProps, 'StrimziOperatorProps', DURATION);
    const props = checked.props;
    this.props = props;
    this.strimziVersion = props.strimziVersion ?? DEFAULT_STRIMZI_RELEASE;
    this.namespace = props.namespace ?? 'strimzi';
    this.watchAnyNamespace = props.watchAnyNamespace ?? false;
    this.watchNamespaces =
      this.watchAnyNamespace && !props.watchNamespaces
        ? []
        : [...new Set(props.watchNamespaces ?? [this.namespace])].sort();
    this.replicas = props.replicas ?? 1;
    this.leaderElection = props.leaderElection ?? true;
    this.featureGates = props.featureGates ?? [];
    this.facts = operatorFacts(this.strimziVersion);
    Object.defineProperty(this, OPERATOR_MARK, { value: true });
    record(
      this,
      operatorFindings({
        strimziVersion: this.strimziVersion,
        known: this.facts !== undefined,
        namespace: this.namespace,
        watchNamespaces: props.watchNamespaces,
        watchAnyNamespace: this.watchAnyNamespace,
        replicas: this.replicas,
        leaderElection: this.leaderElection,
        podDisruptionBudget: props.podDisruptionBudget,
        logLevel: props.logLevel,
        durations: {
          fullReconciliationInterval: props.fullReconciliationInterval && millisOf(props.fullReconciliationInterval),
          operationTimeout: props.operationTimeout && millisOf(props.operationTimeout),
        },
        image: props.image ?? {},
        kubernetesVersion: props.kubernetesVersion,
        featureGates: this.featureGates,
        resources: props.resources ?? {},
        upstreamResources: this.facts?.deployment.container.resources,
        memoryLimit: this.memoryLimit,
      }),
    );
    record(this, operatorSemanticFindings(props));
    if (this.facts) this.render(this.facts);
    addAppCheck(this, 'strimzi-operator', operatorAppProblems);
    validateAtSynth(this);
  }

  /** Every finding about this operator: about its props, and across the app (once per synth). */
  public get problems(): Problem[] {
    return problemsUnder(this);
  }

  /** The warnings about this operator. */
  public get warnings(): Problem[] {
    return this.problems.filter((p) => p.rule.severity === 'warning');
  }

  /** `STRIMZI_NAMESPACE`: the watched namespaces, or `*`. */
  public get strimziNamespace(): string {
    return this.watchAnyNamespace ? '*' : this.watchNamespaces.join(',');
  }

  /** Whether `STRIMZI_KUBERNETES_VERSION` is set (0.41.0-0.45.0 on Kubernetes 1.33+). */
  public get kubernetesVersionWorkaround(): boolean {
    const k = /^(\d+)\.(\d+)$/.exec(this.props.kubernetesVersion ?? '');
    return (
      !!k &&
      inWorkaroundRange(this.strimziVersion) &&
      compareVersions(`${k[1]}.${k[2]}`, KUBERNETES_VERSION_WORKAROUND.kubernetes) >= 0
    );
  }

  /** The memory limit the operator container gets. */
  public get memoryLimit(): string | undefined {
    return this.props.resources?.limits?.memory ?? this.facts?.deployment.container.resources.limits.memory;
  }

  /** States a finding about this operator's props on one line: `this.flag(RULES.x, field, value).says(text)`. */
  private add<T extends { apiVersion: string; kind: string; metadata?: { name?: string; namespace?: string } }>(
    id: string,
    obj: T,
    clusterScoped = false,
  ): ApiObject {
    const o = new ApiObject(this, id, obj as any);
    if (clusterScoped && Chart.of(this).namespace !== undefined)
      o.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    this.apiObjects.push(o);
    return o;
  }

  private subjects(f: OperatorReleaseFacts) {
    return [{ kind: 'ServiceAccount', name: f.serviceAccount.name, namespace: this.namespace }];
  }

  private render(f: OperatorReleaseFacts): void {
    const ns = this.namespace;
    if (this.props.createNamespaces) {
      for (const n of namespaceObjects(ns, this.watchNamespaces)) this.add(`Namespace-${n.metadata.name}`, n, true);
    }
    this.add<IServiceAccount>('ServiceAccount', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: f.serviceAccount.name, namespace: ns, labels: { ...f.serviceAccount.labels } },
    });
    for (const role of f.clusterRoles) {
      this.add<IClusterRole>(
        `ClusterRole-${role.name}`,
        {
          apiVersion: `${RBAC}/v1`,
          kind: 'ClusterRole',
          metadata: { name: role.name, labels: { ...role.labels } },
          rules: role.rules.map((r) => JSON.parse(JSON.stringify(r))),
        },
        true,
      );
    }
    this.renderBindings(f);
    this.add<IConfigMap>('ConfigMap', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: f.configMap.name, namespace: ns, labels: { ...f.configMap.labels } },
      data: { ...f.configMap.data },
    });
    this.add<IDeployment>('Deployment', this.deployment(f));
    if (this.props.podDisruptionBudget) {
      this.add<IPodDisruptionBudget>('PodDisruptionBudget', {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: f.deployment.name, namespace: ns, labels: { ...f.deployment.labels } },
        spec: {
          minAvailable: this.props.podDisruptionBudget.minAvailable,
          selector: { matchLabels: { ...f.deployment.selector } },
        },
      });
    }
  }

  /** The role bindings of the bundle: cluster-wide, or one per watched namespace for the watched kinds. */
  private renderBindings(f: OperatorReleaseFacts): void {
    const ns = this.namespace;
    for (const b of f.bindings) {
      const roleRef = { kind: 'ClusterRole', name: b.clusterRole, apiGroup: RBAC };
      const watched = (WATCHED_BINDING_FILES as readonly string[]).includes(b.file);
      if (b.kind === 'ClusterRoleBinding' || (watched && this.watchAnyNamespace)) {
        const name = b.kind === 'ClusterRoleBinding' ? b.name : WATCH_ANY_BINDING_NAMES[b.file];
        this.add<IClusterRoleBinding>(
          `ClusterRoleBinding-${name}`,
          {
            apiVersion: `${RBAC}/v1`,
            kind: 'ClusterRoleBinding',
            metadata: { name, labels: { ...b.labels } },
            subjects: this.subjects(f),
            roleRef,
          },
          true,
        );
        continue;
      }
      for (const target of watched ? this.watchNamespaces : [ns]) {
        this.add<IRoleBinding>(`RoleBinding-${b.name}-${target}`, {
          apiVersion: `${RBAC}/v1`,
          kind: 'RoleBinding',
          metadata: { name: b.name, namespace: target, labels: { ...b.labels } },
          subjects: this.subjects(f),
          roleRef,
        });
      }
    }
  }

  /** An image of the bundle with the overrides applied (the operator's own image gets all of them). */
  private image(f: OperatorReleaseFacts, image: string): string {
    const o = this.props.image ?? {};
    const ref = parseImage(image);
    const own = image === f.operatorImage;
    return formatImage({
      registry: o.registry ?? ref.registry,
      repository: own ? (o.repository ?? ref.repository) : ref.repository,
      tag: own ? (o.tag ?? ref.tag) : ref.tag,
      digest: own ? (o.digest ?? ref.digest) : ref.digest,
    });
  }

  private env(f: OperatorReleaseFacts): IEnvVar[] {
    const p = this.props;
    const set: Record<string, string> = {
      STRIMZI_NAMESPACE: this.strimziNamespace,
      ...(p.fullReconciliationInterval
        ? { STRIMZI_FULL_RECONCILIATION_INTERVAL_MS: String(millisOf(p.fullReconciliationInterval)) }
        : {}),
      ...(p.operationTimeout ? { STRIMZI_OPERATION_TIMEOUT_MS: String(millisOf(p.operationTimeout)) } : {}),
      ...(this.featureGates.length ? { STRIMZI_FEATURE_GATES: featureGateValue(this.featureGates) } : {}),
      ...(this.leaderElection ? {} : { STRIMZI_LEADER_ELECTION_ENABLED: 'false' }),
    };
    const added: Record<string, string> = {
      ...(p.logLevel ? { STRIMZI_LOG_LEVEL: p.logLevel } : {}),
      ...(this.kubernetesVersionWorkaround
        ? { STRIMZI_KUBERNETES_VERSION: kubernetesVersionInfo(p.kubernetesVersion!) }
        : {}),
    };
    for (const [name, value] of Object.entries(p.env ?? {}))
      (f.env.some((e) => e.name === name) ? set : added)[name] = value;
    const kafkaImages = Object.entries(f.kafkaImages)
      .map(([v, i]) => `${v}=${this.image(f, i)}\n`)
      .join('');
    const env: IEnvVar[] = f.env.map((e) => {
      if (e.name in set) return { name: e.name, value: set[e.name] };
      if ('fieldRef' in e) return { name: e.name, valueFrom: { fieldRef: { fieldPath: e.fieldRef } } };
      if ('image' in e) return { name: e.name, value: this.image(f, f.images[e.name]) };
      if ('kafkaImages' in e) return { name: e.name, value: kafkaImages };
      return { name: e.name, value: e.value };
    });
    return [
      ...env,
      ...Object.keys(added)
        .sort()
        .map((name) => ({ name, value: added[name] })),
    ];
  }

  private deployment(f: OperatorReleaseFacts): IDeployment {
    const p = this.props;
    const d = f.deployment;
    const up = d.container.resources;
    const resources = {
      limits: { ...up.limits, ...p.resources?.limits },
      requests: { ...up.requests, ...p.resources?.requests },
    };
    const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: d.name, namespace: this.namespace, labels: { ...d.labels } },
      spec: {
        replicas: this.replicas,
        selector: { matchLabels: { ...d.selector } },
        template: {
          metadata: { labels: { ...d.podLabels } },
          spec: {
            ...clone(d.pod),
            ...(p.imagePullSecrets?.length
              ? { imagePullSecrets: [...new Set(p.imagePullSecrets)].sort().map((name) => ({ name })) }
              : {}),
            ...(p.nodeSelector
              ? {
                  nodeSelector: Object.fromEntries(Object.entries(p.nodeSelector).sort(([a], [b]) => (a < b ? -1 : 1))),
                }
              : {}),
            ...(p.tolerations?.length ? { tolerations: clone([...p.tolerations]) } : {}),
            ...(p.affinity ? { affinity: clone(p.affinity) } : {}),
            containers: [
              {
                ...(clone(d.container) as any),
                image: this.image(f, f.operatorImage),
                env: this.env(f),
                resources,
              },
            ],
          },
        },
      },
    };
  }
}

/** A Duration in milliseconds; NaN for one made of garbage (Duration.millis(1.5) or of a BigInt throws when read). */
function millisOf(d: Duration): number {
  try {
    return d.toMilliseconds({ integral: false });
  } catch {
    return NaN;
  }
}

/** `STRIMZI_FEATURE_GATES`: the gates sorted by name, comma-separated. */
export function featureGateValue(gates: readonly string[]): string {
  return gates
    .map((g) => g.trim())
    .sort((a, b) => (a.slice(1) < b.slice(1) ? -1 : 1))
    .join(',');
}

/** `STRIMZI_KUBERNETES_VERSION`: the `key=value` lines the operator parses instead of asking the API server. */
export function kubernetesVersionInfo(version: string): string {
  const [major, minor] = version.split('.');
  return `major=${major}\nminor=${minor}\n`;
}
