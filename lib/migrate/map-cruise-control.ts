/**
 * `spec.cruiseControl` and `spec.kafka.rack` of a `Kafka` -> the `cruiseControl` and `rack` props.
 * Goal lists become typed goals (their formatting, if it differs, is restored by a patch); the rack
 * keeps the pools' templates as the input has them (no added pod spread).
 */
import { goalClass, goalName } from '../model/cruise-control';
import { defined, isRecord, recordAt } from './plan';

const GOAL_KEYS: Readonly<Record<string, string>> = {
  'goals': 'goals',
  'default.goals': 'defaultGoals',
  'hard.goals': 'hardGoals',
};
const CAPACITY = ['cpu', 'inboundNetwork', 'outboundNetwork'];

const goalList = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(',')
        .map((g) => g.trim())
        .filter((g) => g !== '')
        // a Cruise Control goal by its simple name; a custom goal by its class name
        .map((g) => (goalClass(goalName(g)) === g ? goalName(g) : g))
    : undefined;

function capacity(c: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(CAPACITY.filter((k) => typeof c[k] === 'string').map((k) => [k, c[k]]));
}

function brokerCapacity(c: unknown): Record<string, unknown> | undefined {
  if (!isRecord(c)) return undefined;
  const overrides = Array.isArray(c.overrides)
    ? c.overrides.filter(isRecord).map((o) => defined({ nodeIds: o.brokers, ...capacity(o) }))
    : undefined;
  const props = defined({ ...capacity(c), overrides: overrides && overrides.length > 0 ? overrides : undefined });
  return Object.keys(props).length > 0 ? props : undefined;
}

function autoRebalance(a: unknown): Record<string, unknown> | undefined {
  if (!Array.isArray(a)) return undefined;
  const mode = (m: string) => {
    const hit = a.find((x) => isRecord(x) && x.mode === m);
    return hit === undefined ? undefined : defined({ template: recordAt(hit, 'template').name });
  };
  const props = defined({ addBrokers: mode('add-brokers'), removeBrokers: mode('remove-brokers') });
  return Object.keys(props).length > 0 ? props : undefined;
}

/** The `cruiseControl` prop: `true` for `{}`, else its options (what they do not express is patched back). */
export function cruiseControlProps(cc: unknown): true | Record<string, unknown> | undefined {
  if (!isRecord(cc)) return undefined;
  const config = recordAt(cc, 'config');
  const goals = Object.fromEntries(
    Object.entries(GOAL_KEYS)
      .filter(([key]) => config[key] !== undefined)
      .map(([key, prop]) => [prop, goalList(config[key])]),
  );
  const rest = Object.fromEntries(Object.entries(config).filter(([k]) => GOAL_KEYS[k] === undefined));
  const ref = recordAt(recordAt(cc.apiUsers, 'valueFrom'), 'secretKeyRef');
  const props = defined({
    ...goals,
    brokerCapacity: brokerCapacity(cc.brokerCapacity),
    config: Object.keys(rest).length > 0 ? rest : undefined,
    resources: isRecord(cc.resources) ? cc.resources : undefined,
    apiUsers:
      typeof ref.name === 'string' && typeof ref.key === 'string' ? { secretName: ref.name, key: ref.key } : undefined,
    autoRebalance: autoRebalance(cc.autoRebalance),
  });
  return Object.keys(props).length > 0 ? props : true;
}

/** The `rack` prop, without the pod spread the input does not have. */
export function rackProps(rack: unknown): Record<string, unknown> | undefined {
  if (!isRecord(rack)) return undefined;
  return defined({
    type: rack.type === 'environment-variable' ? rack.type : undefined,
    topologyKey: rack.topologyKey,
    envVarName: rack.envVarName,
    spreadPods: false,
  });
}
