import { ApiObject, Chart, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { placed } from '../common/arguments';
import { CLUSTER_INSTANCE, ICluster } from '../common/cluster';
import { namesPerNamespace } from '../common/names-per-namespace';
import { addAppCheck, addChecks, at, validateAtSynth } from '../common/problems';
import { checkedProps } from '../common/resource';
import { Problem } from '../core/problem';
import { isPlainObject } from '../core/shape';
import { ACL_OPERATIONS, Acl, AclSpec, aclSpec } from '../model/acl';
import { userSemanticFindings } from '../model/semantics/users';
import { rendererFor } from '../render/strimzi';
import { UserAuthentication, UserQuotas, principalOf, userFindings, userNamesUniqueFindings } from './user-model';

export { USER_AUTHENTICATION_TYPES, listenerAuthenticationFor, principalOf } from './user-model';
export type { UserAuthentication, UserQuotas } from './user-model';
import { clusterLabels } from '../render/strimzi/renderer';

/** Properties of a KafkaUser. */
export interface KafkaUserProps {
  /** The cluster the user belongs to (its User Operator manages the user). */
  readonly cluster: ICluster;
  /**
   * Name of the user: the `KafkaUser` resource, its Secret, the SCRAM user name or the TLS `CN`.
   * @default - the construct id
   * @maxLength 1000
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
  /**
   * Namespace of the `KafkaUser` (and of the Secret the User Operator writes for it): the namespace
   * the cluster's User Operator watches.
   * @default - its chart's namespace
   * @syntax namespace
   */
  readonly namespace?: string;
}

/**
 * A Strimzi `KafkaUser`: a SCRAM or TLS user of a cluster, its ACLs and quotas, checked against the
 * cluster (User Operator, listeners, authorization) before anything is written.
 */
export class KafkaUser extends Construct {
  /** The cluster (undefined only when a JavaScript caller passed none or garbage: the synth then fails). */
  public readonly cluster: ICluster;
  public readonly userName: string;
  public readonly authentication: UserAuthentication;
  public readonly quotas?: UserQuotas;
  /** The generated KafkaUser object. */
  public readonly apiObject: ApiObject;
  private props: KafkaUserProps;
  /** Where each ACL of `props.acls` stands in the acls given (an entry that is not an object is dropped). */
  private aclIndexes: readonly number[];
  private renderedAcls: readonly AclSpec[];
  /** The fields reported as prop-type or prop-unknown. */
  private readonly badFields: readonly string[];

  constructor(scope: Construct, id: string, rawProps: KafkaUserProps) {
    super(scope, placed(scope, id));
    // JavaScript and JSON callers: every prop is checked at run time; the rest sees clean values
    const checked = checkedProps<KafkaUserProps>(this, rawProps, 'KafkaUserProps', { cluster: CLUSTER_INSTANCE });
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
    this.renderedAcls = renderedAcls(props.acls);
    // without a cluster (reported above) the object is rendered in the default API version; the synth fails anyway
    const renderer = rendererFor(this.cluster?.apiVersion ?? 'v1');
    this.apiObject = new renderer.KafkaUser(this, 'Resource', {
      metadata: {
        name: this.userName,
        namespace: props.namespace,
        labels: clusterLabels(this.cluster?.clusterName ?? ''),
      },
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
    addAppCheck(this, 'users/names-unique', userNamesUnique);
    addAppCheck(this, 'users/names-per-namespace', (root) => namesPerNamespace(root, 'KafkaUser', userEntry));
    validateAtSynth(this);
  }

  /** The ACLs as rendered (operations sorted, host `*` unless given). */
  public get acls(): readonly AclSpec[] {
    return this.renderedAcls;
  }

  /**
   * Adds ACLs a client kind derives after creating the user (a KafkaConnect's, for the topics its
   * connectors declare); checked and rendered like `acls`, at the indexes after them.
   * @internal
   */
  public addAcls(acls: readonly Acl[]): void {
    const before = this.props.acls ?? [];
    const next = this.aclIndexes.length ? Math.max(...this.aclIndexes) + 1 : before.length;
    this.props = { ...this.props, acls: [...before, ...acls] };
    this.aclIndexes = [...this.aclIndexes, ...acls.map((_, i) => next + i)];
    this.renderedAcls = renderedAcls(this.props.acls);
  }

  /** The user's Kafka principal: `CN=<name>` for TLS users, the name for SCRAM users. */
  public get principal(): string {
    return principalOf(this);
  }

  /** The namespace the user lives in (`namespace`, else its chart's). */
  public get namespace(): string | undefined {
    return this.props.namespace ?? Chart.of(this).namespace;
  }

  /** Every finding about the user. */
  public get problems(): Problem[] {
    const c = this.cluster;
    return userFindings({
      userName: this.userName,
      namespace: this.namespace,
      authentication: this.authentication,
      acls: this.props.acls ?? [],
      aclIndexes: this.aclIndexes,
      badFields: this.badFields,
      quotas: this.quotas,
      cluster: c && { clusterName: c.clusterName, namespace: c.namespace, facts: c.facts },
    })
      .concat(userSemanticFindings({ ...this.props, aclIndexes: this.aclIndexes }))
      .map((f) => at(this, f));
  }
}

/** The well-formed ACLs as rendered (a malformed one is reported by the user's checks). */
function renderedAcls(acls: readonly Acl[] | undefined): AclSpec[] {
  const valid = (acls ?? []).filter(
    (a) => a.resource && Object.keys(ACL_OPERATIONS).includes(a.resource.type) && a.operations,
  );
  return valid.map(aclSpec);
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
  const users = root.node.findAll().filter((c): c is KafkaUser => c instanceof KafkaUser && c.cluster !== undefined);
  const entries = users.map((u) => ({
    path: u.node.path,
    name: u.userName,
    cluster: u.cluster.node.path,
    clusterName: u.cluster.clusterName,
  }));
  return userNamesUniqueFindings(entries).map(({ index, finding }) => at(users[index], finding));
}

/** A user as the per-namespace name check sees it: its KafkaUser and Secret share the name. */
function userEntry(c: IConstruct) {
  return c instanceof KafkaUser && c.cluster !== undefined
    ? { name: c.userName, namespace: c.namespace, cluster: c.cluster, what: 'KafkaUser and Secret' }
    : undefined;
}
