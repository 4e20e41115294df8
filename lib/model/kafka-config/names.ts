/** Suggestions for a config name Kafka does not know: the nearest known name, the other map's name. */
import { Catalogue, ConfigDefinition } from './catalogue';

/** Edit distance (insert, delete, replace, swap of neighbours), bounded: stops early beyond `limit`. */
export function editDistance(a: string, b: string, limit = 64): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], prev2[j - 2] + 1);
    }
    if (Math.min(...row) > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** The known name nearest to a misspelt one (at most a third of its letters off), or undefined. */
export function nearestName(name: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: { name: string; d: number } | undefined;
  for (const k of [...known].sort()) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase(), limit);
    if (d <= limit && (!best || d < best.d)) best = { name: k, d };
  }
  return best?.name;
}

const UNIT = /\.(ms|minutes|hours)$/;
const UNIT_MS: Record<string, number> = { ms: 1, minutes: 60_000, hours: 3_600_000 };

/** The topic config whose default a broker config supplies (`log.retention.hours` -> `retention.ms`). */
export function topicKeyOfBrokerKey(brokerKey: string, topic: Catalogue): ConfigDefinition | undefined {
  const base = brokerKey.replace(UNIT, '');
  return [...topic.configs.values()].find(
    (d) =>
      d.serverDefault !== undefined && (d.serverDefault === brokerKey || d.serverDefault.replace(UNIT, '') === base),
  );
}

/** A broker config value in the unit of its topic config (`log.retention.hours` 168 -> 604800000). */
export function convertToTopicUnit(brokerKey: string, topicKey: string, value: unknown): unknown {
  const from = UNIT.exec(brokerKey)?.[1];
  const to = UNIT.exec(topicKey)?.[1];
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (!from || !to || from === to || typeof n !== 'number' || !Number.isSafeInteger(n)) return value;
  return (n * UNIT_MS[from]) / UNIT_MS[to];
}
