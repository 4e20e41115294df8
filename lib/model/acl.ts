/**
 * Typed Kafka ACLs: the resource types a Strimzi `KafkaUser` can name and, for each, the operations
 * Kafka defines on it (Apache Kafka documentation, "Operations and Resources on Protocols").
 */

/** The Kafka resource types an ACL of a `KafkaUser` can name. */
export type AclResourceType = 'topic' | 'group' | 'cluster' | 'transactionalId';

/** Operations on a topic. */
export type TopicOperation =
  'Alter' | 'AlterConfigs' | 'Create' | 'Delete' | 'Describe' | 'DescribeConfigs' | 'Read' | 'Write' | 'All';
/** Operations on a consumer group. */
export type GroupOperation = 'Delete' | 'Describe' | 'Read' | 'All';
/** Operations on the cluster. */
export type ClusterOperation =
  'Alter' | 'AlterConfigs' | 'ClusterAction' | 'Create' | 'Describe' | 'DescribeConfigs' | 'IdempotentWrite' | 'All';
/** Operations on a transactional ID. */
export type TransactionalIdOperation = 'Describe' | 'Write' | 'All';
/** Every ACL operation. */
export type AclOperation = TopicOperation | GroupOperation | ClusterOperation | TransactionalIdOperation;

/** The operations Kafka defines for each resource type (sorted). */
export const ACL_OPERATIONS: Readonly<Record<AclResourceType, readonly AclOperation[]>> = {
  topic: ['All', 'Alter', 'AlterConfigs', 'Create', 'Delete', 'Describe', 'DescribeConfigs', 'Read', 'Write'],
  group: ['All', 'Delete', 'Describe', 'Read'],
  cluster: [
    'All',
    'Alter',
    'AlterConfigs',
    'ClusterAction',
    'Create',
    'Describe',
    'DescribeConfigs',
    'IdempotentWrite',
  ],
  transactionalId: ['All', 'Describe', 'Write'],
};

/** How an ACL's resource name matches: the exact name, or every name starting with it. */
export type AclPatternType = 'literal' | 'prefix';

interface NamedResourceAcl<T extends AclResourceType, O extends AclOperation> {
  readonly resource: {
    readonly type: T;
    /**
     * Resource name, or a prefix with `patternType: 'prefix'`; `'*'` with `literal` matches every resource.
     * @maxLength 1000
     */
    readonly name: string;
    /** @default 'literal' */
    readonly patternType?: AclPatternType;
  };
  /**
   * Operations allowed (or denied) on the resource; each must exist for the resource type.
   * @maxItems 50
   */
  readonly operations: readonly O[];
  /**
   * @default 'allow' (not emitted; Strimzi's default)
   * @enum
   */
  readonly type?: 'allow' | 'deny';
  /** Host the rule applies to. @default '*' */
  readonly host?: string;
}

/** An ACL on the cluster resource, which has no name. */
export interface ClusterAcl {
  readonly resource: { readonly type: 'cluster' };
  /** @maxItems 50 */
  readonly operations: readonly ClusterOperation[];
  /**
   * @default 'allow' (not emitted; Strimzi's default)
   * @enum
   */
  readonly type?: 'allow' | 'deny';
  /** @default '*' */
  readonly host?: string;
}

/** One ACL rule of a user; the compiler checks the operations against the resource type. */
export type Acl =
  | NamedResourceAcl<'topic', TopicOperation>
  | NamedResourceAcl<'group', GroupOperation>
  | NamedResourceAcl<'transactionalId', TransactionalIdOperation>
  | ClusterAcl;

/** An ACL as rendered: resource with pattern type, sorted operations, host. */
export interface AclSpec {
  readonly type?: 'allow' | 'deny';
  readonly resource: { readonly type: AclResourceType; readonly name?: string; readonly patternType?: AclPatternType };
  readonly operations: AclOperation[];
  readonly host: string;
}

/** The spec of an ACL: operations sorted and each listed once, host `*` unless given. */
export function aclSpec(acl: Acl): AclSpec {
  const r = acl.resource as { type: AclResourceType; name?: string; patternType?: AclPatternType };
  return {
    type: acl.type,
    resource:
      r.type === 'cluster' ? { type: r.type } : { type: r.type, name: r.name, patternType: r.patternType ?? 'literal' },
    operations: [...new Set(acl.operations as AclOperation[])].sort(),
    host: acl.host ?? '*',
  };
}

/** A KafkaUser as the library models it, in no API version. */
export interface KafkaUserSpecModel {
  readonly authentication: {
    readonly type: string;
    readonly password?: { readonly secretName: string; readonly key: string };
  };
  readonly acls?: readonly AclSpec[];
  readonly quotas?: Record<string, number>;
}
