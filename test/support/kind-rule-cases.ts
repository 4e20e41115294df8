import { BRIDGE_EXPECTED, BRIDGE_RULE_CASES } from './bridge-rule-cases';
import { CLIENT_EXPECTED, CLIENT_RULE_CASES } from './client-rule-cases';
import { MIRROR_MAKER_2_EXPECTED, MIRROR_MAKER_2_RULE_CASES } from './mirror-maker-2-rule-cases';
import { CONNECT_EXPECTED, CONNECT_RULE_CASES } from './connect-rule-cases';
import type { RuleCase } from './rule-cases';

// The bad inputs of the kinds that keep their rule cases in a file of their own: one line per kind.

export const KIND_RULE_CASES: RuleCase[] = [
  ...CLIENT_RULE_CASES,
  ...MIRROR_MAKER_2_RULE_CASES,
  ...BRIDGE_RULE_CASES,
  ...CONNECT_RULE_CASES,
];

export const KIND_EXPECTED: Record<string, string[]> = {
  ...CLIENT_EXPECTED,
  ...MIRROR_MAKER_2_EXPECTED,
  ...BRIDGE_EXPECTED,
  ...CONNECT_EXPECTED,
};
