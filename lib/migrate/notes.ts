/**
 * The comments above a migrated cluster: what the app fixed (node ports the input left to chance)
 * and the library's warnings it keeps (risky choices of the input, kept so nothing changes).
 */
import { IConstruct } from 'constructs';
import { findProblems } from '../common/problems';
import { formatProblem } from '../core/problem';
import { ChartPlan, ClusterPlan, isRecord } from './plan';

type Listener = { name?: unknown; type?: unknown; configuration?: { brokers?: unknown } };

const nodePortsOf = (listener: Listener | undefined) =>
  new Map(
    (Array.isArray(listener?.configuration?.brokers) ? listener!.configuration!.brokers : [])
      .filter(isRecord)
      .map((b) => [Number(b.broker), b.nodePort] as const),
  );

/** `fixed:` notes for brokers of nodeport listeners that had no nodePort and now have one. */
export function pinnedNotes(cluster: ClusterPlan, rendered: Record<string, any>): string[] {
  const inputListeners: Listener[] = cluster.source.object.spec?.kafka?.listeners ?? [];
  const outputListeners: Listener[] = rendered.spec?.kafka?.listeners ?? [];
  return outputListeners
    .filter((l) => l.type === 'nodeport')
    .flatMap((l) => {
      const before = nodePortsOf(inputListeners.find((i) => i.name === l.name));
      const pinned = [...nodePortsOf(l)].filter(([id, port]) => port !== undefined && before.get(id) === undefined);
      if (pinned.length === 0) return [];
      const list = pinned.map(([id, port]) => `broker ${id} -> ${port}`).join(', ');
      return [
        `fixed: listener ${String(l.name)}: the input leaves broker NodePorts random; pinned (${list}): forward ` +
          'each advertised port to its NodePort [doctor-node-port-pinned]',
      ];
    });
}

/** `kept:` notes for the library's warnings on a cluster of the chart (its construct and those below it). */
export function keptNotes(app: IConstruct, chart: ChartPlan, cluster: ClusterPlan): string[] {
  const prefix = `${chart.id}/${cluster.id}`;
  const warnings = findProblems(app).filter(
    (p) => p.rule.severity === 'warning' && (p.path === prefix || p.path.startsWith(`${prefix}/`)),
  );
  return [...new Set(warnings.map((w) => `kept (as the input has it): ${formatProblem(w)}`))];
}
