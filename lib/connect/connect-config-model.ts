/**
 * A Connect's `config` against Kafka's own definition of the worker configs (`connect_config.html`
 * of its Kafka version, in the catalogue `npm run import` derives): a value the worker's `ConfigDef`
 * refuses is an error; an unknown key close to a known one is a warning (the worker accepts unknown
 * keys: plugins, `producer.*`, `consumer.*`, `admin.*` and config providers read them).
 */
import { Finding, collector } from '../core/problem';
import { byString } from '../core/syntax';
import { RULES } from '../rules';
import { catalogueFor } from '../model/kafka-config/catalogue';
import { kafkaLabel } from '../model/kafka-config/check';
import { nearestName } from '../model/kafka-config/names';
import { ScalarValue, describeAllowed, valueProblem } from '../model/kafka-config/values';

/** Findings about the values and spelling of a Connect's config keys; `skip` lists keys reported elsewhere. */
export function connectConfigValueFindings(
  config: Readonly<Record<string, unknown>> | undefined,
  kafkaVersion: string,
  skip: (key: string) => boolean,
): Finding[] {
  const out: Finding[] = [];
  const flag = collector(out);
  const keys = Object.keys(config ?? {}).filter((k) => !skip(k));
  if (keys.length === 0) return out;
  const catalogue = catalogueFor('connect', kafkaVersion);
  const label = kafkaLabel(catalogue, kafkaVersion);
  for (const key of keys.sort(byString)) {
    const value = config![key] as ScalarValue;
    if (!['string', 'number', 'boolean'].includes(typeof value)) continue; // reported as prop-type
    const field = `config['${key}']`;
    const d = catalogue.configs.get(key);
    const problem = d && valueProblem(d, value);
    if (d && problem) {
      flag(RULES.connectConfigValue, field, value).says(
        `${problem}; ${label} allows ${describeAllowed(d)} for ${key}, and the worker would not start. ` +
          `Fix: give ${describeAllowed(d)}${d.default !== null && d.default !== '' ? ` (default ${d.default})` : ''}`,
      );
    }
    const near = d ? undefined : nearestName(key, catalogue.configs.keys());
    if (near) {
      flag(RULES.connectConfigUnknown, field, value).says(
        `not a worker config of ${label}, and close to '${near}'; the worker passes it on unread. ` +
          `Fix: write '${near}' if you meant it`,
      );
    }
  }
  return out;
}
