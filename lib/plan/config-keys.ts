/**
 * What a change of one broker config key does. Kafka documents an update mode for every key, per
 * version (the config catalogue, lib/model/kafka-config/, read from Kafka's configuration reference):
 * Strimzi updates per-broker and cluster-wide keys on the running brokers and rolls them for
 * read-only ones.
 */
import { UpdateMode } from '../model/kafka-config/catalogue';
import { configUpdateMode } from '../model/kafka-config/update-mode';
import { change, show } from './change';
import { Obj } from './facts';
import { PlanChange } from './types';

/** Kafka's update mode of a broker key in a Kafka version, undefined when Kafka does not document it. */
export function updateModeOf(key: string, kafkaVersion: string): UpdateMode | undefined {
  return configUpdateMode(kafkaVersion, key);
}

const RETENTION_MS: Record<string, number> = {
  'log.retention.ms': 1,
  'log.retention.minutes': 60_000,
  'log.retention.hours': 3_600_000,
  'log.retention.bytes': 1,
  'retention.ms': 1,
  'retention.bytes': 1,
};

/** A retention limit in ms or bytes; Infinity for -1 (no limit) and for no value (the default is kept). */
const limit = (key: string, v: unknown) => {
  const n = Number(v);
  return v === undefined || !Number.isFinite(n) || n < 0 ? Infinity : n * RETENTION_MS[key];
};

/** A lowered retention deletes data; undefined when the key is no retention limit or is not lowered. */
export function retentionLowered(o: Obj, field: string, key: string, b: unknown, a: unknown): PlanChange | undefined {
  if (!(key in RETENTION_MS) || !(limit(key, a) < limit(key, b))) return undefined;
  const effect = `data beyond the new limit is deleted at the next retention check`;
  const instead = 'make sure consumers and backups have read it, or lower it in steps';
  return change('destructive', o, field, { before: b, after: a }, effect, instead);
}

/** The change of one broker config key of a Kafka. */
export function configChange(k: Obj, key: string, b: unknown, a: unknown): PlanChange {
  const field = `spec.kafka.config.${key}`;
  const lowered = retentionLowered(k, field, key, b, a);
  if (lowered) return lowered;
  const version: unknown = k.spec?.kafka?.version;
  const mode = updateModeOf(key, typeof version === 'string' ? version : '');
  const values = { before: b === undefined ? undefined : show(b), after: a === undefined ? undefined : show(a) };
  if (mode === 'per-broker' || mode === 'cluster-wide') {
    return change('safe', k, field, values, `updated on the running brokers without a restart (${mode} key)`);
  }
  const why = mode ? 'a read-only key' : 'a key Kafka does not document as dynamic';
  return change('restart', k, field, values, `every broker restarts, one at a time (${why})`);
}
