/**
 * An upgrade to a newer Strimzi release is possible only while the clusters run a Kafka version both
 * releases support (Strimzi's upgrade procedure). A fix that says "use Strimzi X" must name a path
 * the user's Kafka versions can take.
 */
import { STRIMZI_RELEASES, StrimziRelease, compareVersions } from '../../core/release';

const kafkaOf = (r: StrimziRelease) => r.kafkaVersions.map((k) => k.version);
const shared = (a: StrimziRelease, b: StrimziRelease) => kafkaOf(a).filter((v) => kafkaOf(b).includes(v));

/**
 * How to get from release `from` to `to` (or newer) with running clusters: directly when they share
 * Kafka versions, else through the first release between them that shares one with each.
 */
export function upgradePath(from: string, to: string): string {
  const source = STRIMZI_RELEASES.find((r) => r.tag === from);
  const targets = STRIMZI_RELEASES.filter((r) => compareVersions(r.tag, to) >= 0);
  if (!source || targets.length === 0) return `use Strimzi ${to} or newer`;
  const direct = targets.find((t) => shared(source, t).length > 0);
  if (direct) {
    const both = shared(source, direct);
    const left = kafkaOf(source).filter((v) => !both.includes(v));
    return left.length === 0
      ? `upgrade to Strimzi ${direct.tag} (it runs every Kafka version ${from} does)`
      : `upgrade to Strimzi ${direct.tag} once your clusters run Kafka ${both.join(' or ')} ` +
          `(${direct.tag} does not run ${left.join(', ')})`;
  }
  for (const via of STRIMZI_RELEASES.filter(
    (r) => compareVersions(r.tag, from) > 0 && compareVersions(r.tag, to) < 0,
  )) {
    const next = targets.find((t) => shared(via, t).length > 0);
    if (shared(source, via).length > 0 && next) {
      return (
        `upgrade to Strimzi ${via.tag} (it runs your Kafka ${shared(source, via).join(' or ')}), move the clusters ` +
        `to Kafka ${shared(via, next).join(' or ')}, then upgrade to Strimzi ${next.tag}`
      );
    }
  }
  return `use Strimzi ${to} or newer with a Kafka version it supports`;
}

/**
 * The fix for a cluster whose `strimziVersion` differs from the release of the operator watching it:
 * moving the cluster to the operator's release only where that release runs the cluster's Kafka.
 */
export function clusterReleaseFix(cluster: { strimziVersion: string; kafkaVersion: string }, operator: string): string {
  const op = STRIMZI_RELEASES.find((r) => r.tag === operator);
  const newer = compareVersions(cluster.strimziVersion, operator) > 0;
  // the operator's release is the one to move to only where it runs the cluster's Kafka
  if (op && !kafkaOf(op).includes(cluster.kafkaVersion)) {
    const runs = `Strimzi ${operator} does not run Kafka ${cluster.kafkaVersion}; it runs ${kafkaOf(op).join(', ')}`;
    return newer
      ? `upgrade the operator to ${cluster.strimziVersion} (${runs})`
      : `set kafkaVersion to one Strimzi ${operator} runs and strimziVersion: '${operator}' on the cluster (${runs})`;
  }
  const other = newer ? `, or upgrade the operator to ${cluster.strimziVersion}` : '';
  return `set strimziVersion: '${operator}' on the cluster${other}`;
}
