/**
 * The rule catalogue: every check the library makes before YAML is written. The core and the Kafka
 * cluster declare theirs in core/rules.ts, every other kind in its own folder's rules.ts; each kind
 * is registered here with one line. `docs/rules.md` lists the catalogue (regenerate with
 * `npm run docs`), and `test/rules.test.ts` holds a bad input for every rule.
 */
import { BRIDGE_RULES } from './bridge/rules';
import { CLIENT_RULES } from './clients/rules';
import { CONNECT_RULES } from './connect/rules';
import { CORE_RULES, GROUP_ORDER, Rule } from './core/rules';
import { LISTENER_TYPE_RULES } from './listeners/rules';
import { LOAD_BALANCER_RULES } from './load-balancer/rules';
import { MIRROR_MAKER_2_RULES } from './mirror-maker/rules';
import { MONITORING_RULES } from './monitoring/rules';
import { OPERATOR_RULES } from './operator/rules';
import { REBALANCE_RULES } from './rebalance/rules';
import { ZONE_RULES } from './model/zone-rules';
import { TOPIC_RULES } from './topics/rules';
import { USER_RULES } from './users/rules';

/** Every rule, by a short key used in the code. */
export const RULES = {
  ...CORE_RULES,
  ...LOAD_BALANCER_RULES,
  ...LISTENER_TYPE_RULES,
  ...USER_RULES,
  ...TOPIC_RULES,
  ...CLIENT_RULES,
  ...MIRROR_MAKER_2_RULES,
  ...BRIDGE_RULES,
  ...CONNECT_RULES,
  ...OPERATOR_RULES,
  ...MONITORING_RULES,
  ...ZONE_RULES,
  ...REBALANCE_RULES,
} as const satisfies Record<string, Rule>;

/** The catalogue as a list, grouped in the order of `RuleGroup`, each group in declaration order. */
export const RULE_LIST: readonly Rule[] = Object.values(RULES as Record<string, Rule>)
  .map((r, i) => ({ r, i }))
  .sort((a, b) => GROUP_ORDER.indexOf(a.r.group) - GROUP_ORDER.indexOf(b.r.group) || a.i - b.i)
  .map((x) => x.r);

/** The README table of the catalogue, grouped. */
export function renderRuleTable(): string {
  const lines = ['| Rule | Severity | Requires | Releases | Otherwise caught by |', '|---|---|---|---|---|'];
  let group = '';
  for (const r of RULE_LIST) {
    if (r.group !== group) {
      group = r.group;
      lines.push(`| **${group}** | | | | |`);
    }
    lines.push(`| \`${r.id}\` | ${r.severity} | ${r.summary.replace(/\|/g, '\\|')} | ${r.releases} | ${r.otherwise} |`);
  }
  return `${lines.join('\n')}\n`;
}
