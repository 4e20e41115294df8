/**
 * The entity operators (User and Topic Operator) of a cluster: a KafkaUser or KafkaTopic is only
 * created when its cluster runs the operator, in the namespace that operator watches. One check
 * for both kinds.
 */
import { Finding, finding } from '../core/problem';
import { Rule } from '../core/rules';
import { ClusterFacts } from './cluster-facts';

/** The cluster a user or topic belongs to, as far as its facts go. */
export interface EntityCluster {
  readonly clusterName: string;
  readonly namespace?: string;
  readonly facts: ClusterFacts;
}

/** Which entity operator, and the rules that report it missing or watching elsewhere. */
export interface EntityOperator {
  /** `User` or `Topic`. */
  readonly kind: 'User' | 'Topic';
  readonly present: Rule;
  readonly namespace: Rule;
}

/** The resource's cluster runs the operator (when known), and the resource is where the operator watches. */
export function entityOperatorFindings(op: EntityOperator, c: EntityCluster, namespace: string | undefined): Finding[] {
  const out: Finding[] = [];
  const what = op.kind.toLowerCase();
  const running = op.kind === 'User' ? c.facts.userOperator : c.facts.topicOperator;
  if (running === false) {
    const why = `cluster '${c.clusterName}' runs no ${op.kind} Operator; nothing would create the ${what}`;
    out.push(
      finding(op.present, 'cluster', c.clusterName, why, `set ${what}Operator: true on the cluster (the default)`),
    );
  }
  const watched = c.facts.watchedNamespace ?? c.namespace;
  if (namespace !== watched) {
    const why = `the ${op.kind} Operator of '${c.clusterName}' watches namespace ${watched ?? '(none set)'} only`;
    const fix = `create the ${what} in a chart with namespace ${watched ?? "unset, as the cluster's"}`;
    out.push(finding(op.namespace, 'namespace', namespace ?? null, why, fix));
  }
  return out;
}
