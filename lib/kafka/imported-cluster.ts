import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { placed } from '../common/arguments';
import { ICluster, markCluster } from '../common/cluster';
import { record, validateAtSynth, withoutFollowOns } from '../common/problems';
import { checkedProps } from '../common/resource';
import { StrimziApiVersion, StrimziRelease } from '../core/release';
import { ClusterAuthorizationFact, ClusterFacts, ClusterListener } from '../model/cluster-facts';
import { ClusterAttributes, importedClusterFacts, importedClusterFindings } from '../model/imported-cluster';
import { resolveVersions } from '../model/versions';

export type { ClusterAttributes, ListenerAttributes } from '../model/imported-cluster';
export type { ClusterAuthorizationFact, ClusterFacts, ClusterListener };

/**
 * A Kafka cluster managed elsewhere (another repository, another team's app): it emits nothing,
 * and users, topics and clients of this app refer to it with the checks its given facts allow.
 * Create it with `KraftCluster.fromAttributes`.
 */
export class ImportedCluster extends Construct implements ICluster {
  public readonly clusterName: string;
  public readonly namespace?: string;
  public readonly release: StrimziRelease;
  public readonly apiVersion: StrimziApiVersion;
  public readonly kafkaVersion: string;
  public readonly facts: ClusterFacts;
  public readonly managedHere = false;

  constructor(scope: Construct, id: string, rawAttributes: ClusterAttributes) {
    super(scope, placed(scope, id));
    markCluster(this);
    const checked = checkedProps<ClusterAttributes>(this, rawAttributes, 'ClusterAttributes');
    const attrs = checked.props;
    const chartNamespace: unknown = Chart.of(this).namespace;
    this.clusterName = attrs.clusterName;
    this.namespace = attrs.namespace ?? (typeof chartNamespace === 'string' ? chartNamespace : undefined);
    const versions = resolveVersions(attrs);
    // its versions are its owners' choice: only what makes this app's objects wrong is reported here
    const errors = versions.findings.filter((f) => f.rule.severity === 'error');
    record(this, withoutFollowOns(checked.findings, errors));
    this.release = versions.release;
    this.apiVersion = versions.apiVersion;
    this.kafkaVersion = versions.kafkaVersion;
    record(this, withoutFollowOns(checked.findings, importedClusterFindings(attrs)));
    this.facts = importedClusterFacts(attrs, this.namespace);
    validateAtSynth(this);
  }
}
