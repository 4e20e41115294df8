/** Changes of KafkaTopics, KafkaUsers and every other object. */
import { change, keysOf, pairs, same, show, stable } from './change';
import { retentionLowered } from './config-keys';
import { Obj, OutputFacts } from './facts';
import { PlanChange } from './types';

const topicName = (t: Obj) => t.spec?.topicName ?? t.metadata?.name;

function partitionChange(b: Obj, a: Obj): PlanChange[] {
  const [pb, pa] = [b.spec?.partitions, a.spec?.partitions];
  if (pb === pa || pb === undefined || pa === undefined) return [];
  if (pa < pb) {
    const effect = 'Kafka cannot lower the partitions of a topic: the Topic Operator refuses the change (NotReady)';
    const instead = `keep ${pb} partitions; for fewer, create a new topic and move producers and consumers to it`;
    return [change('destructive', a, 'spec.partitions', { before: pb, after: pa }, effect, instead)];
  }
  const effect = 'partitions are added; keys map to other partitions from now on (per-key order breaks at the change)';
  return [change('safe', a, 'spec.partitions', { before: pb, after: pa }, effect)];
}

function keptTopic(b: Obj, a: Obj): PlanChange[] {
  const out = partitionChange(b, a);
  if (b.spec?.replicas !== a.spec?.replicas) {
    const effect = 'the Topic Operator changes the replication factor through Cruise Control (refused without it)';
    out.push(change('safe', a, 'spec.replicas', { before: b.spec?.replicas, after: a.spec?.replicas }, effect));
  }
  const [cb, ca] = [b.spec?.config ?? {}, a.spec?.config ?? {}];
  for (const key of keysOf(cb, ca).filter((k) => !same(cb[k], ca[k]))) {
    const field = `spec.config.${key}`;
    const values = { before: cb[key], after: ca[key] };
    out.push(retentionLowered(a, field, key, cb[key], ca[key]) ?? change('safe', a, field, values, 'applied at once'));
  }
  return out;
}

/** Topics: removed (the Topic Operator deletes the topic and its data), renamed, partitions, replicas, config. */
export function topicChanges(before: OutputFacts, after: OutputFacts): PlanChange[] {
  const { removed, added, kept } = pairs(before.topics, after.topics);
  const deleted = (t: Obj) =>
    change(
      'destructive',
      t,
      '(object)',
      { before: topicName(t) },
      `topic ${topicName(t)} is deleted with its data (the Topic Operator deletes what it manages)`,
      "keep the KafkaTopic; to stop managing it, annotate it strimzi.io/managed: 'false' first",
    );
  return [
    ...removed.map(deleted),
    ...added.map((t) => change('safe', t, '(object)', { after: topicName(t) }, `topic ${topicName(t)} is created`)),
    ...kept.flatMap(([b, a]) =>
      topicName(b) === topicName(a)
        ? keptTopic(b, a)
        : [{ ...deleted(b), field: 'spec.topicName', after: topicName(a) }],
    ),
  ];
}

function keptUser(b: Obj, a: Obj): PlanChange[] {
  const out: PlanChange[] = [];
  const [ab, aa] = [b.spec?.authentication, a.spec?.authentication];
  if (ab?.type !== aa?.type) {
    const effect =
      `the user's Secret is regenerated for ${aa?.type ?? 'no authentication'}: every client using its ` +
      `${ab?.type ?? 'old'} credentials is refused`;
    const instead = 'create a second user with the new authentication, move the clients, then remove the old one';
    out.push(change('breaking', a, 'spec.authentication.type', { before: ab?.type, after: aa?.type }, effect, instead));
  } else if (!same(ab, aa)) {
    const effect = "the user's credentials change: clients with the old ones are refused";
    out.push(change('breaking', a, 'spec.authentication', { before: show(ab), after: show(aa) }, effect));
  }
  const acls = (u: Obj): string[] =>
    Array.isArray(u.spec?.authorization?.acls) ? u.spec.authorization.acls.map(stable) : [];
  const lost = acls(b).filter((x) => !acls(a).includes(x));
  const gained = acls(a).filter((x) => !acls(b).includes(x));
  if (lost.length) {
    const effect = 'clients of the user lose these permissions (requests are refused)';
    out.push(
      change(
        'breaking',
        a,
        'spec.authorization.acls',
        { before: lost },
        effect,
        'remove ACLs after clients stop using them',
      ),
    );
  }
  if (gained.length)
    out.push(change('safe', a, 'spec.authorization.acls', { after: gained }, 'the user gains permissions'));
  if (!same(b.spec?.quotas, a.spec?.quotas)) {
    const values = { before: show(b.spec?.quotas), after: show(a.spec?.quotas) };
    out.push(change('safe', a, 'spec.quotas', values, 'applied at once; lower quotas throttle clients'));
  }
  return out;
}

/** Users: removed (Secret deleted, clients refused), authentication, ACLs, quotas. */
export function userChanges(before: OutputFacts, after: OutputFacts): PlanChange[] {
  const { removed, added, kept } = pairs(before.users, after.users);
  return [
    ...removed.map((u) =>
      change(
        'breaking',
        u,
        '(object)',
        { before: u.spec?.authentication?.type },
        'the user, its ACLs and its Secret are deleted: every client using it is refused',
        'remove the user after its clients have moved',
      ),
    ),
    ...added.map((u) =>
      change('safe', u, '(object)', { after: u.spec?.authentication?.type }, 'a new user is created'),
    ),
    ...kept.flatMap(([b, a]) => keptUser(b, a)),
  ];
}

/** What the API server adds to an object it returns: not part of a change. */
const VOLATILE = ['resourceVersion', 'uid', 'creationTimestamp', 'generation', 'managedFields', 'selfLink'];

/** An object without its status and the metadata the API server adds (an export of a live cluster). */
function desired(o: Obj): Obj {
  const rest: Record<string, unknown> = { ...o };
  delete rest.status;
  const metadata = Object.fromEntries(Object.entries(o.metadata ?? {}).filter(([k]) => !VOLATILE.includes(k)));
  return { ...rest, ...(o.metadata ? { metadata } : {}) } as Obj;
}

/** The fields of an object that differ: top-level keys, and the keys under `spec`, `metadata` and `data`. */
function changedFields(b: Obj, a: Obj): string[] {
  const out: string[] = [];
  for (const key of keysOf(b, a)) {
    const [x, y] = [(b as any)[key], (a as any)[key]];
    if (same(x, y)) continue;
    const deeper = ['spec', 'metadata', 'data'].includes(key) && typeof x === 'object' && typeof y === 'object';
    out.push(
      ...(deeper
        ? keysOf(x, y)
            .filter((k) => !same(x?.[k], y?.[k]))
            .map((k) => `${key}.${k}`)
        : [key]),
    );
  }
  return out;
}

const isOperator = (o: Obj) => o.kind === 'Deployment' && o.metadata?.name === 'strimzi-cluster-operator';

/** Every other object: added, removed or changed (a new operator release restarts every Kafka node). */
export function otherChanges(before: OutputFacts, after: OutputFacts): PlanChange[] {
  const { removed, added, kept } = pairs(before.others, after.others);
  const releaseChanged = before.release !== after.release;
  return [
    ...removed.map((o) => change('safe', o, '(object)', {}, 'deleted')),
    ...added.map((o) => change('safe', o, '(object)', {}, 'created')),
    ...kept
      .map(([b, a]) => [desired(b), desired(a)])
      .filter(([b, a]) => !same(b, a))
      .map(([b, a]) =>
        isOperator(a) && releaseChanged
          ? change(
              'restart',
              a,
              'image',
              { before: before.release, after: after.release },
              'the new operator ' + 'restarts every Kafka node onto its own images (see the upgrade steps)',
            )
          : change('safe', a, changedFields(b, a).join(', '), {}, 'changed'),
      ),
  ];
}
