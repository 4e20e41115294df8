/** The plan as terminal text and as Markdown (a pull-request comment). */
import { show } from './change';
import { CONSEQUENCES, CONSEQUENCE_LABEL, Plan, PlanChange } from './types';

/** One line of counts: `1 destructive, 0 breaking for clients, 2 rolling restart, 3 safe`. */
export function planSummary(plan: Plan): string {
  const counts = CONSEQUENCES.map((c) => `${plan.counts[c]} ${CONSEQUENCE_LABEL[c]}`).join(', ');
  const refused = plan.refusals.length ? `; ${plan.refusals.length} refused order(s)` : '';
  return plan.changes.length === 0 && !refused ? 'no change' : `${counts}${refused}`;
}

const values = (c: PlanChange) =>
  c.before === undefined && c.after === undefined ? '' : `: ${show(c.before)} -> ${show(c.after)}`;

/** The plan for a terminal. */
export function formatPlan(plan: Plan, title = 'Plan'): string {
  const lines = [`${title}: ${planSummary(plan)}`];
  for (const c of plan.changes) {
    lines.push(`${CONSEQUENCE_LABEL[c.consequence].toUpperCase()}  ${c.object}  ${c.field}${values(c)}`);
    lines.push(`    ${c.effect}`);
    if (c.instead) lines.push(`    instead: ${c.instead}`);
  }
  if (plan.refusals.length) lines.push('', 'Refused (this order cannot work):');
  for (const r of plan.refusals) lines.push(`  ${r.object}: ${r.reason}`, `    fix: ${r.fix}`);
  if (plan.steps.length) lines.push('', 'Upgrade steps (one commit each, in this order):');
  plan.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${s.action}`, `     wait until ${s.waitFor}`));
  return `${lines.join('\n')}\n`;
}

/** Escapes a Markdown table cell. */
const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The plan as Markdown. */
export function formatPlanMarkdown(plan: Plan, title = 'Plan'): string {
  const lines = [`### ${title}`, '', `**${planSummary(plan)}**`, ''];
  if (plan.changes.length) {
    lines.push('| Consequence | Object | Field | Change | Effect | Instead |', '|---|---|---|---|---|---|');
    for (const c of plan.changes) {
      const change = values(c).replace(/^: /, '');
      const row = [CONSEQUENCE_LABEL[c.consequence], c.object, c.field, change, c.effect, c.instead ?? ''];
      lines.push(`| ${row.map((x) => cell(x)).join(' | ')} |`);
    }
    lines.push('');
  }
  if (plan.refusals.length) {
    lines.push('#### Refused (this order cannot work)', '');
    for (const r of plan.refusals) lines.push(`- **${cell(r.object)}**: ${r.reason}. Fix: ${r.fix}`);
    lines.push('');
  }
  if (plan.steps.length) {
    lines.push('#### Upgrade steps (one commit each, in this order)', '');
    plan.steps.forEach((s, i) => lines.push(`${i + 1}. ${s.action}; wait until ${s.waitFor}`));
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
