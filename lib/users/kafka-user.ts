import { isIP } from 'net';
import { ApiObject, Chart, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { CLUSTER_PROP, ICluster } from '../common/cluster';
import { namesPerNamespace } from '../common/names-per-namespace';
import { addAppCheck, addChecks, at, record, touch, validateAtSynth } from '../common/problems';
import { Problem, finding } from '../core/problem';
import { RULES, Rule } from '../core/rules';
import { arr, checkProps, isPlainObject, num, obj, oneOf, required, str } from '../core/shape';
import { isDnsSubdomain } from '../core/syntax';
import { ACL_OPERATIONS, Acl, AclResourceType, AclSpec, aclSpec } from '../model/acl';
import { managesAcls } from '../model/authorization';
import { userSemanticFindings } from '../model/semantics/users';
import { rendererFor } from '../render/strimzi';
import { clusterLabels } from '../render/strimzi/renderer';

/** How a user authenticates. */
export type UserAuthentication =
  /** SCRAM-SHA-512: the User Operator generates a password into the Secret `<user>`, or uses yours. */
  | { readonly type: 'scram-sha-512'; readonly password?: { readonly secretName: string; readonly key: string } }
  /** Mutual TLS with a certificate the User Operator issues into the Secret `<user>` (CN=<user>). */
  | { readonly type: 'tls' }
  /** Mutual TLS with a certificate you issue (CN=<user>); the User Operator writes only ACLs and quotas. */
  | { readonly type: 'tls-external' };

/** Per-user quotas enforced by the brokers. */
export interface UserQuotas {
  /** Bytes per second the user may produce, per broker. @default - unlimited */
  readonly producerByteRate?: number;
  /** Bytes per second the user may fetch, per broker. @default - unlimited */
  readonly consumerByteRate?: number;
  /**
   * Percentage of one request-handler or network thread's time; Kafka counts it per thread, so it may
   * exceed 100 (200: two threads' worth). @default - unlimited
   */
  readonly requestPercentage?: number;
  /** Topic/partition creations and deletions per second. @default - unlimited */
  readonly controllerMutationRate?: number;
}

/** Properties of a KafkaUser. */
export interface KafkaUserProps {
  /** The cluster the user belongs to (its User Operator manages the user). */
  readonly cluster: ICluster;
  /**
   * Name of the user: the `KafkaUser` resource, its Secret, the SCRAM user name or the TLS `CN`.
   * @default - the construct id
   */
  readonly userName?: string;
  /** How the user authenticates. */
  readonly authentication: UserAuthentication;
  /**
   * ACL rules; they need `simple` authorization on the cluster (or `custom` with admin API support).
   * @default - none
   */
  readonly acls?: readonly Acl[];
  /** @default - none */
  readonly quotas?: UserQuotas;
}

/** User authentication types. */
export const USER_AUTHENTICATION_TYPES: readonly string[] = ['scram-sha-512', 'tls', 'tls-external'];

/** The listener authentication type that authenticates a user of this type. */
export function listenerAuthenticationFor(userAuthentication: string): string {
  return userAuthentication === 'scram-sha-512' ? 'scram-sha-512' : 'tls';
}

/** The Kafka principal of a user: `CN=<name>` for TLS users, the name for SCRAM users. */
export function principalOf(user: {
  readonly userName: string;
  readonly authentication: { readonly type: string };
}): string {
  return user.authentication.type === 'scram-sha-512' ? user.userName : `CN=${user.userName}`;
}

type Add = (rule: Rule, field: string, value: unknown, message: string, fix: string) => void;

const QUOTA_LIMITS: Record<keyof UserQuotas, { max: number; integer: boolean }> = {
  producerByteRate: { max: Number.MAX_SAFE_INTEGER, integer: true },
  consumerByteRate: { max: Number.MAX_SAFE_INTEGER, integer: true },
  requestPercentage: { max: Number.MAX_SAFE_INTEGER, integer: true },
  controllerMutationRate: { max: Number.MAX_VALUE, integer: false },
};

/** What a JavaScript or JSON caller must pass (resource types, operations and quota ranges are rules of their own). */
const ACL_PROPS = obj({
  resource: required(obj({ type: required(str(32), undefined), name: str(1000), patternType: str(32) }), undefined),
  operations: required(arr(str(32), 50), undefined),
  type: oneOf('allow', 'deny'),
  host: str(253),
});
const USER_PROPS = obj({
  cluster: required(CLUSTER_PROP, undefined),
  userName: str(1000),
  authentication: required(
    obj({
      type: required(str(32), undefined),
      password: obj({ secretName: required(str(253), ''), key: required(str(253), '') }),
    }),
    undefined,
  ),
  acls: arr(ACL_PROPS, 1000),
  quotas: obj({ producerByteRate: num, consumerByteRate: num, requestPercentage: num, controllerMutationRate: num }),
});

/**
 * A Strimzi `KafkaUser`: a SCRAM or TLS user of a cluster, its ACLs and quotas, checked against the
 * cluster (User Operator, listeners, authorization) before anything is written.
 */
export class KafkaUser extends Construct {
  /** The cluster (undefined only when a JavaScript caller passed none or garbage: the synth then fails). */
  public readonly cluster: ICluster;
  public readonly userName: string;
  public readonly authentication: UserAuthentication;
  /** The ACLs as rendered (operations sorted, host `*` unless given). */
  public readonly acls: readonly AclSpec[];
  public readonly quotas?: UserQuotas;
  /** The generated KafkaUser object. */
  public readonly apiObject: ApiObject;
  private readonly props: KafkaUserProps;
  /** Where each ACL of `props.acls` stands in the acls given (an entry that is not an object is dropped). */
  private readonly aclIndexes: readonly number[];
  /** The fields reported as prop-type or prop-unknown. */
  private readonly badFields: readonly string[];

  constructor(scope: Construct, id: string, rawProps: KafkaUserProps) {
    super(scope, id);
    // JavaScript and JSON callers: every prop is checked at run time; the rest sees clean values
    const checked = checkProps<KafkaUserProps>(rawProps, USER_PROPS);
    record(this, checked.findings);
    this.badFields = checked.findings.map((f) => f.field);
    const props = checked.props;
    this.props = props;
    this.cluster = props.cluster;
    this.userName = props.userName ?? id;
    this.authentication = props.authentication;
    this.quotas = props.quotas;
    const given: unknown = isPlainObject(rawProps) ? rawProps.acls : undefined;
    this.aclIndexes =
      Array.isArray(given) && props.acls ? [...given.keys()].filter((i) => isPlainObject(given[i])) : [];
    const valid = (props.acls ?? []).filter(
      (a) => a.resource && Object.keys(ACL_OPERATIONS).includes(a.resource.type) && a.operations,
    );
    this.acls = valid.map(aclSpec);
    // without a cluster (reported above) the object is rendered in the default API version; the synth fails anyway
    const renderer = rendererFor(this.cluster?.apiVersion ?? 'v1');
    this.apiObject = new renderer.KafkaUser(this, 'Resource', {
      metadata: { name: this.userName, labels: clusterLabels(this.cluster?.clusterName ?? '') },
      spec: Lazy.any({
        produce: () =>
          renderer.kafkaUserSpec({
            authentication: this.authentication ?? { type: '' },
            acls: this.acls,
            quotas: this.quotas && sortedQuotas(this.quotas),
          }),
      }),
    });
    addChecks(this, () => this.problems);
    addAppCheck('users/names-unique', userNamesUnique);
    addAppCheck('users/names-per-namespace', (root) => namesPerNamespace(root, 'KafkaUser', userEntry));
    validateAtSynth(this);
    touch();
  }

  /** The user's Kafka principal: `CN=<name>` for TLS users, the name for SCRAM users. */
  public get principal(): string {
    return principalOf(this);
  }

  /** The namespace the user lives in (its chart's). */
  public get namespace(): string | undefined {
    return Chart.of(this).namespace;
  }

  /** Every finding about the user. */
  public get problems(): Problem[] {
    const problems: Problem[] = [];
    const add = (rule: Rule, field: string, value: unknown, message: string, fix: string) =>
      problems.push(at(this, finding(rule, field, value, message, fix)));
    const c = this.cluster;
    const name = this.userName;
    const type = this.authentication?.type;

    if (!isDnsSubdomain(name)) {
      add(
        RULES.userName,
        'userName',
        name,
        'not a lower-case DNS subdomain (it names the KafkaUser and its Secret)',
        "use lower-case letters, digits, '-' and '.', e.g. 'orders-producer'",
      );
    }
    if (type === undefined) {
      // no authentication object: reported as prop-type
    } else if (!USER_AUTHENTICATION_TYPES.includes(type)) {
      add(
        RULES.userAuthenticationType,
        'authentication.type',
        type,
        'not a user authentication type',
        `use one of ${USER_AUTHENTICATION_TYPES.join(', ')}`,
      );
    } else {
      if (type !== 'scram-sha-512' && name.length > 64) {
        add(
          RULES.userTlsNameLength,
          'userName',
          name,
          `${name.length} characters; the certificate's CN holds at most 64`,
          'shorten the user name to 64 characters or fewer',
        );
      }
      if (c) this.checkListeners(add, c, type);
    }
    this.checkAcls(add);
    this.checkQuotas(add);
    problems.push(...userSemanticFindings({ ...this.props, aclIndexes: this.aclIndexes }).map((f) => at(this, f)));
    // without a cluster (reported as prop-type) nothing more can be checked
    if (c) this.checkCluster(add, c, name, type);
    return problems;
  }

  private checkListeners(add: Add, c: ICluster, type: string): void {
    const wanted = listenerAuthenticationFor(type);
    const listeners = c.model.spec.listeners;
    if (!listeners.some((l) => l.authentication?.type === wanted || l.authentication?.type === 'custom')) {
      const have = listeners.map((l) => `${l.name}: ${l.authentication?.type ?? 'none'}`).join(', ');
      add(
        RULES.userAuthenticationListener,
        'authentication.type',
        type,
        `no listener of cluster '${c.clusterName}' authenticates with ${wanted} (${have})`,
        `add ${wanted} authentication to a listener, or give the user the authentication a listener has`,
      );
    }
  }

  private checkCluster(add: Add, c: ICluster, name: string, type: string | undefined): void {
    if (!c.model.spec.userOperator) {
      add(
        RULES.userOperatorPresent,
        'cluster',
        c.clusterName,
        `cluster '${c.clusterName}' runs no User Operator; nothing would create the user`,
        'set userOperator: true on the cluster (the default)',
      );
    }
    const ns = this.namespace;
    const clusterNs = c.namespace;
    if (ns !== clusterNs) {
      add(
        RULES.userNamespace,
        'namespace',
        ns ?? null,
        `the User Operator of '${c.clusterName}' watches namespace ${clusterNs ?? '(none set)'} only`,
        `create the user in a chart with namespace ${clusterNs ?? "unset, as the cluster's"}`,
      );
    }

    // Super users in the form this user authenticates with.
    const superUsers = c.model.spec.authorization?.superUsers ?? [];
    superUsers.forEach((u, i) => {
      const field = `cluster.authorization.superUsers[${i}]`;
      if (type === 'scram-sha-512' && u === `CN=${name}`) {
        add(
          RULES.superUserForm,
          field,
          u,
          `'${name}' is a SCRAM user; its principal is '${name}', so '${u}' matches nobody`,
          `list '${name}'`,
        );
      } else if ((type === 'tls' || type === 'tls-external') && u === name) {
        add(
          RULES.superUserForm,
          field,
          u,
          `'${name}' is a TLS user; its principal is 'CN=${name}', so '${u}' matches nobody`,
          `list 'CN=${name}'`,
        );
      }
    });
  }

  private checkAcls(add: Add): void {
    const acls = this.props.acls ?? [];
    if (this.cluster && acls.length > 0 && !managesAcls(this.cluster.model.spec.authorization)) {
      const a = this.cluster.model.spec.authorization;
      add(
        RULES.aclNeedsAuthorization,
        'acls',
        acls.length,
        a
          ? `cluster '${this.cluster.clusterName}' has ${a.type} authorization without admin API support; ` +
              'the User Operator cannot write ACLs'
          : `cluster '${this.cluster.clusterName}' has no authorization; the User Operator refuses users with ACLs`,
        "set authorization: { type: 'simple' } on the cluster, or remove the ACLs",
      );
    }
    acls.forEach((acl, i) => {
      const r = acl.resource as { type?: string; name?: unknown; patternType?: unknown } | undefined;
      const f = `acls[${this.aclIndexes[i] ?? i}]`;
      // a field of the wrong type is reported as prop-type (and dropped) already
      const reported = (field: string) => this.badFields.some((x) => x === field || x.startsWith(`${field}[`));
      if (r?.type === undefined) return;
      if (!Object.keys(ACL_OPERATIONS).includes(r.type)) {
        add(
          RULES.aclResource,
          `${f}.resource.type`,
          r.type,
          'not an ACL resource type',
          `use one of ${Object.keys(ACL_OPERATIONS).join(', ')}`,
        );
        return;
      }
      const type = r.type as AclResourceType;
      const host = (acl as { host?: unknown }).host;
      if (typeof host === 'string' && host !== '*' && isIP(host) === 0) {
        add(
          RULES.aclHost,
          `${f}.host`,
          host,
          "not '*' or an IP address: Kafka compares it with the client's IP, so the ACL would never match",
          "use '*' (any host) or the client's IP address",
        );
      }
      if (r.patternType !== undefined && r.patternType !== 'literal' && r.patternType !== 'prefix') {
        add(
          RULES.aclResource,
          `${f}.resource.patternType`,
          r.patternType,
          "neither 'literal' nor 'prefix'",
          "use 'literal' (the exact name) or 'prefix'",
        );
      }
      if (type === 'cluster' && r.name !== undefined) {
        add(
          RULES.aclResourceName,
          `${f}.resource.name`,
          r.name,
          'the cluster resource has no name; it would be ignored',
          'remove the name',
        );
      } else if (type !== 'cluster' && !reported(`${f}.resource.name`) && (r.name === undefined || r.name === '')) {
        add(
          RULES.aclResourceName,
          `${f}.resource.name`,
          r.name,
          `a ${type} ACL needs the ${type} name (or a prefix)`,
          `name the ${type}, or use '*' with patternType 'literal' for every ${type}`,
        );
      }
      if (acl.operations === undefined || reported(`${f}.operations`)) return;
      const ops = acl.operations as readonly string[];
      if (ops.length === 0) {
        add(
          RULES.aclOperations,
          `${f}.operations`,
          acl.operations,
          'no operations',
          `list operations from ${ACL_OPERATIONS[type].join(', ')}`,
        );
      }
      ops.forEach((op, j) => {
        if (!(ACL_OPERATIONS[type] as readonly string[]).includes(op)) {
          add(
            RULES.aclOperations,
            `${f}.operations[${j}]`,
            op,
            `Kafka defines no ${op} operation on a ${type}`,
            `use one of ${ACL_OPERATIONS[type].join(', ')}`,
          );
        }
      });
    });
  }

  private checkQuotas(add: Add): void {
    for (const [key, value] of Object.entries(this.quotas ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const limit = QUOTA_LIMITS[key as keyof UserQuotas];
      if (!limit) {
        add(RULES.userQuotas, `quotas.${key}`, value, 'not a quota', `use ${Object.keys(QUOTA_LIMITS).join(', ')}`);
      } else if (
        typeof value !== 'number' ||
        !(value >= 0 && value <= limit.max) ||
        (limit.integer && !Number.isInteger(value))
      ) {
        add(
          RULES.userQuotas,
          `quotas.${key}`,
          value,
          `not ${limit.integer ? 'an integer' : 'a number'} ${limit.max === 100 ? 'from 0 to 100' : 'of 0 or more'}`,
          key === 'requestPercentage'
            ? 'give a whole percentage of 0 or more (per thread)'
            : 'give a non-negative rate',
        );
      }
    }
  }
}

function sortedQuotas(q: UserQuotas): Record<string, number> {
  return Object.fromEntries(
    Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** A user name once per cluster (and namespace): one pass per synth; the later user in the tree is reported. */
function userNamesUnique(root: IConstruct): Problem[] {
  const first = new Map<string, KafkaUser>();
  const problems: Problem[] = [];
  for (const u of root.node
    .findAll()
    .filter((c): c is KafkaUser => c instanceof KafkaUser && c.cluster !== undefined)) {
    const key = `${u.cluster.node.path} ${u.userName}`;
    const o = first.get(key);
    if (!o) {
      first.set(key, u);
      continue;
    }
    problems.push(
      at(
        u,
        finding(
          RULES.userNameUnique,
          'userName',
          u.userName,
          `user ${o.node.path} of cluster '${u.cluster.clusterName}' has this name too`,
          'give every user of a cluster its own name',
        ),
      ),
    );
  }
  return problems;
}

/** A user as the per-namespace name check sees it: its KafkaUser and Secret share the name. */
function userEntry(c: IConstruct) {
  return c instanceof KafkaUser && c.cluster !== undefined
    ? { name: c.userName, namespace: c.namespace, cluster: c.cluster, what: 'KafkaUser and Secret' }
    : undefined;
}
