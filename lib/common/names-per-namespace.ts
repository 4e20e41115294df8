/**
 * Kubernetes names are unique per kind and namespace, not per Kafka cluster: two clusters in one
 * namespace, each with a user (or topic) of one name, would write one KafkaUser and one Secret (or
 * one KafkaTopic), the second overwriting the first. One pass over the app per kind and synth; the
 * later resource in the tree is reported. Resources of one cluster are left to the per-cluster rules.
 */
import { IConstruct } from 'constructs';
import { ICluster } from './cluster';
import { at } from './problems';
import { Problem, finding } from '../core/problem';
import { RULES } from '../rules';

/** A named resource of a namespace, as a construct of one kind presents it. */
export interface NamespacedEntry {
  readonly name: string;
  readonly namespace?: string;
  readonly cluster: ICluster;
  /** What the name names, e.g. 'KafkaUser and Secret'. */
  readonly what: string;
}

/** Findings for resources of one kind whose names clash in a namespace across clusters. */
export function namesPerNamespace(
  root: IConstruct,
  kind: string,
  entryOf: (c: IConstruct) => NamespacedEntry | undefined,
): Problem[] {
  const first = new Map<string, { c: IConstruct; e: NamespacedEntry }>();
  const problems: Problem[] = [];
  for (const c of root.node.findAll()) {
    const e = entryOf(c);
    if (!e) continue;
    const ns = e.namespace ?? '(default)';
    const o = first.get(`${ns}/${e.name}`);
    if (!o) first.set(`${ns}/${e.name}`, { c, e });
    else if (o.e.cluster !== e.cluster)
      problems.push(
        at(
          c,
          finding(
            RULES.resourceNameUniqueInNamespace,
            kind === 'KafkaTopic' ? 'resourceName' : 'userName',
            e.name,
            `${o.c.node.path} of cluster '${o.e.cluster.clusterName}' is a ${kind} of this name in namespace ${ns} ` +
              `too; one ${e.what} would overwrite the other`,
            `give the ${kind === 'KafkaTopic' ? 'topics distinct resourceName' : 'users distinct userName'} values, ` +
              'e.g. prefixed with the cluster name, or put the clusters in different namespaces',
          ),
        ),
      );
  }
  return problems;
}
