/**
 * The ACLs a client needs for what it declares, the way Strimzi's security examples grant them
 * (`packaging/examples/security/*`): one helper per resource, and the set of an application client.
 * Each client kind derives its own set from its group, topics and patterns with these helpers.
 */
import { Acl, AclPatternType, GroupOperation, TopicOperation, TransactionalIdOperation } from './acl';

/** A name as clients declare it: a literal, or a prefix ending in `*`; `*` alone is every resource. */
export function namePattern(name: string): { readonly name: string; readonly patternType: AclPatternType } {
  return name !== '*' && name.endsWith('*')
    ? { name: name.slice(0, -1), patternType: 'prefix' }
    : { name, patternType: 'literal' };
}

/** An ACL on a topic name or prefix. */
export function topicAcl(name: string, operations: readonly TopicOperation[]): Acl {
  return { resource: { type: 'topic', ...namePattern(name) }, operations };
}

/** An ACL on a consumer group name or prefix. */
export function groupAcl(name: string, operations: readonly GroupOperation[]): Acl {
  return { resource: { type: 'group', ...namePattern(name) }, operations };
}

/** An ACL on a transactional ID prefix. */
export function transactionalIdAcl(prefix: string, operations: readonly TransactionalIdOperation[]): Acl {
  return { resource: { type: 'transactionalId', name: prefix, patternType: 'prefix' }, operations };
}

/** What an application client declares. */
export interface AppClientNeeds {
  readonly produces?: readonly string[];
  readonly consumes?: readonly string[];
  readonly consumerGroup?: string;
  readonly transactionalIdPrefix?: string;
}

/**
 * An application client's ACLs (Kafka's "Operations and Resources on Protocols"): Write and
 * Describe on what it produces to, Read and Describe on what it consumes, Read on its group, Write
 * and Describe on its transactional IDs. Topics are created by KafkaTopics, so no Create.
 */
export function appClientAcls(n: AppClientNeeds): Acl[] {
  return [
    ...(n.produces ?? []).map((t) => topicAcl(t, ['Describe', 'Write'])),
    ...(n.consumes ?? []).map((t) => topicAcl(t, ['Describe', 'Read'])),
    ...(n.consumerGroup ? [groupAcl(n.consumerGroup, ['Read'])] : []),
    ...(n.transactionalIdPrefix ? [transactionalIdAcl(n.transactionalIdPrefix, ['Describe', 'Write'])] : []),
  ];
}
