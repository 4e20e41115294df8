/** `planChanges(before, after)`: every change between two synthesized outputs and what it does. */
import { otherChanges, topicChanges, userChanges } from './entities';
import { outputFacts } from './facts';
import { kafkaChanges } from './kafka';
import { poolChanges } from './pools';
import { CONSEQUENCES, Consequence, Plan, PlanChange } from './types';
import { upgradePlan } from './upgrade';

const rank = (c: PlanChange) => CONSEQUENCES.indexOf(c.consequence);
const byRank = (a: PlanChange, b: PlanChange) =>
  rank(a) - rank(b) ||
  (a.object < b.object ? -1 : a.object > b.object ? 1 : 0) ||
  (a.field < b.field ? -1 : a.field > b.field ? 1 : 0);

/** What the outputs do not say. */
export interface PlanOptions {
  /**
   * The Strimzi release running before and after the change, for operators installed another way
   * (Helm, OLM). Default: what the outputs hold (the operator Deployment's image, the CRD bundle URL).
   */
  readonly releases?: { readonly before?: string; readonly after?: string };
}

/**
 * The plan of a change: `before` and `after` are the parsed objects of two synthesized outputs
 * (see `readOutput`). Changes are sorted worst first, then by object and field.
 */
export function planChanges(before: readonly unknown[], after: readonly unknown[], options: PlanOptions = {}): Plan {
  const { releases = {} } = options;
  const fb = { ...outputFacts(before), ...(releases.before ? { release: releases.before } : {}) };
  const fa = { ...outputFacts(after), ...(releases.after ? { release: releases.after } : {}) };
  const changes = [
    ...kafkaChanges(fb, fa),
    ...poolChanges(fb, fa),
    ...topicChanges(fb, fa),
    ...userChanges(fb, fa),
    ...otherChanges(fb, fa),
  ].sort(byRank);
  const { steps, refusals } = upgradePlan(fb, fa);
  const counts = Object.fromEntries(
    CONSEQUENCES.map((c) => [c, changes.filter((x) => x.consequence === c).length]),
  ) as Record<Consequence, number>;
  return { changes, refusals, steps, counts };
}

/** Whether CI should fail: a refused order, or a destructive change that is not allowed. */
export function planFails(plan: Plan, allowDestructive = false): boolean {
  return plan.refusals.length > 0 || (!allowDestructive && plan.counts.destructive > 0);
}
