/** Changes of a Kafka: removed or added clusters, versions, config, authorization, listeners, quorum. */
import { change, keysOf, pairs, same, show } from './change';
import { Obj, OutputFacts } from './facts';
import { listenerChanges } from './listeners';
import { controllerIds } from './pools';
import { configChange } from './config-keys';
import { PlanChange } from './types';

const kafkaOf = (k: Obj) => k.spec?.kafka ?? {};

function versionChanges(b: Obj, a: Obj): PlanChange[] {
  const [kb, ka] = [kafkaOf(b), kafkaOf(a)];
  const out: PlanChange[] = [];
  if (kb.version !== ka.version) {
    const effect = 'every node restarts, one at a time, on the new Kafka version (see the upgrade steps)';
    out.push(change('restart', a, 'spec.kafka.version', { before: kb.version, after: ka.version }, effect));
  }
  if (kb.metadataVersion !== ka.metadataVersion) {
    const effect =
      'the operator updates the cluster-wide metadata version without a restart; it cannot be lowered again';
    const values = { before: kb.metadataVersion, after: ka.metadataVersion };
    out.push(change('safe', a, 'spec.kafka.metadataVersion', values, effect));
  }
  return out;
}

function configChanges(b: Obj, a: Obj): PlanChange[] {
  const [cb, ca] = [kafkaOf(b).config ?? {}, kafkaOf(a).config ?? {}];
  return keysOf(cb, ca)
    .filter((key) => !same(cb[key], ca[key]))
    .map((key) => configChange(a, key, cb[key], ca[key]));
}

function authorizationChanges(b: Obj, a: Obj): PlanChange[] {
  const [ab, aa] = [kafkaOf(b).authorization, kafkaOf(a).authorization];
  if (same(ab, aa)) return [];
  const values = { before: show(ab), after: show(aa) };
  if (!ab || ab.type !== aa?.type) {
    const effect = aa
      ? `authorization ${aa.type} is switched on: every client without ACLs (or super user) is refused`
      : 'authorization is switched off: every authenticated client may do everything';
    const instead = aa ? 'create the KafkaUsers with their ACLs first, then switch authorization on' : undefined;
    return [change(aa ? 'breaking' : 'restart', a, 'spec.kafka.authorization', values, effect, instead)];
  }
  return [change('restart', a, 'spec.kafka.authorization', values, 'brokers restart with the new authorization')];
}

const OTHER_KAFKA = ['resources', 'jvmOptions', 'template', 'rack', 'logging', 'metricsConfig', 'brokerRackInitImage'];

function otherChanges(b: Obj, a: Obj): PlanChange[] {
  const out: PlanChange[] = OTHER_KAFKA.filter((f) => !same(kafkaOf(b)[f], kafkaOf(a)[f])).map((f) =>
    change(
      'restart',
      a,
      `spec.kafka.${f}`,
      { before: show(kafkaOf(b)[f]), after: show(kafkaOf(a)[f]) },
      'every node restarts',
    ),
  );
  if (!same(b.spec?.cruiseControl, a.spec?.cruiseControl)) {
    const values = { before: show(b.spec?.cruiseControl), after: show(a.spec?.cruiseControl) };
    // switched on or off, the brokers' metrics reporter changes; changed options restart Cruise Control only
    out.push(
      b.spec?.cruiseControl === undefined || a.spec?.cruiseControl === undefined
        ? change('restart', a, 'spec.cruiseControl', values, 'brokers restart (the metrics reporter changes)')
        : change(
            'safe',
            a,
            'spec.cruiseControl',
            values,
            'Cruise Control restarts with its new options; brokers do not',
          ),
    );
  }
  if (!same(b.spec?.entityOperator, a.spec?.entityOperator)) {
    const values = { before: show(b.spec?.entityOperator), after: show(a.spec?.entityOperator) };
    const effect =
      'the entity operator is redeployed; a removed Topic or User Operator stops reconciling its resources';
    out.push(change('safe', a, 'spec.entityOperator', values, effect));
  }
  if (b.apiVersion !== a.apiVersion) {
    const effect = 'the same resource in another API version (the operator must serve both; see the upgrade steps)';
    out.push(change('safe', a, 'apiVersion', { before: b.apiVersion, after: a.apiVersion }, effect));
  }
  return out;
}

/** Controllers kept below a majority of the old quorum: the cluster stops. */
function quorumChanges(a: Obj, key: string, before: OutputFacts, after: OutputFacts): PlanChange[] {
  const [cb, ca] = [controllerIds(before, key), controllerIds(after, key)];
  if (same(cb, ca) || cb.length === 0) return [];
  const kept = cb.filter((id) => ca.includes(id));
  const majority = Math.floor(cb.length / 2) + 1;
  const values = { before: cb, after: ca };
  if (kept.length < majority) {
    const effect =
      `only ${kept.length} of the ${cb.length} controllers stay, fewer than the ${majority} a quorum needs: ` +
      'the cluster stops and its metadata may be lost';
    const instead = 'change one controller at a time, keeping a majority of the old quorum running';
    return [change('destructive', a, 'controllers', values, effect, instead)];
  }
  const effect = `the controller quorum changes from ${cb.length} to ${ca.length} voters; every node restarts`;
  return [change('restart', a, 'controllers', values, effect)];
}

/** Every change of the Kafka resources between two outputs. */
export function kafkaChanges(before: OutputFacts, after: OutputFacts): PlanChange[] {
  const { removed, added, kept } = pairs(before.kafkas, after.kafkas);
  const keyOf = (k: Obj) => `${k.metadata?.namespace ?? ''}/${k.metadata?.name ?? ''}`;
  return [
    ...removed.map((k) =>
      change(
        'destructive',
        k,
        '(object)',
        { before: kafkaOf(k).version },
        'the cluster is deleted: every broker, controller and listener (volumes too where deleteClaim is true)',
        'keep the Kafka in the output; to retire it, move its clients and data first',
      ),
    ),
    ...added.map((k) => change('safe', k, '(object)', { after: kafkaOf(k).version }, 'a new cluster is created')),
    ...kept.flatMap(([b, a]) => [
      ...versionChanges(b, a),
      ...configChanges(b, a),
      ...authorizationChanges(b, a),
      ...listenerChanges(b, a),
      ...otherChanges(b, a),
      ...quorumChanges(a, keyOf(a), before, after),
    ]),
  ];
}
