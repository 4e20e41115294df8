/** The rules of the KafkaBridge kind, declared with the kind and collected into the catalogue (lib/rules.ts). */
import { APISERVER, Rule, SILENT, rule } from '../core/rules';

const BRIDGE_START = 'the bridge pod, at start (it fails and restarts)';

/** The KafkaBridge rules, by a short key used in the code. */
export const BRIDGE_RULES = {
  bridgeName: rule(
    'bridge-name',
    'Bridge',
    'error',
    'The bridge name is a DNS-1035 label (lower case, a letter first) of at most 48 characters: the operator ' +
      'names its Service `<name>-bridge-service`, a DNS-1035 label of at most 63 (Kubernetes API)',
    'operator, in the KafkaBridge status after apply (its Service cannot be created)',
  ),
  bridgeNameUnique: rule(
    'bridge-name-unique',
    'Bridge',
    'error',
    'Each bridge name is used once per namespace (Kubernetes names are unique per kind and namespace)',
    'nobody: the second KafkaBridge overwrites the first',
  ),
  bridgeHttpPort: rule(
    'bridge-http-port',
    'Bridge',
    'error',
    'The HTTP port is an integer from 1023 to 65535 (the KafkaBridge CRD: `http.port` minimum 1023; a TCP port ' +
      'is at most 65535)',
    APISERVER,
  ),
  bridgeReplicas: rule(
    'bridge-replicas',
    'Bridge',
    'error',
    'Replicas is an integer from 0 (the KafkaBridge CRD: `replicas` minimum 0)',
    APISERVER,
  ),
  bridgeCorsOrigin: rule(
    'bridge-cors-origin',
    'Bridge',
    'error',
    'Each CORS allowed origin is a non-empty Java regular expression (the KafkaBridge CRD: "Java regular ' +
      'expressions can be used"): groups and classes closed, no quantifier with nothing to repeat ' +
      "(java.util.regex.Pattern refuses it: 'Dangling meta character', 'Unclosed group')",
    BRIDGE_START,
  ),
  bridgeCorsMethod: rule(
    'bridge-cors-method',
    'Bridge',
    'error',
    'Each CORS allowed method is an HTTP method token (RFC 9110, section 9.1: `method = token`: letters, digits ' +
      'and the symbols a token allows, no space or separator)',
    BRIDGE_START,
  ),
  bridgeFieldServed: rule(
    'bridge-field-served',
    'Bridge',
    'error',
    "A KafkaBridge field is one the release's CRD serves (`producer.enabled`, `consumer.enabled` and " +
      "`consumer.timeoutSeconds` from 0.42.0; `http.tls` from 1.0.0; read from each release's CRD by " +
      '`scripts/import-bridge-releases.js`)',
    'API server, at apply (refused under strict field validation, else dropped)',
  ),
  bridgeConfigForbidden: rule(
    'bridge-config-forbidden',
    'Bridge',
    'error',
    'No `producer.config` or `consumer.config` key the operator sets itself (the prefixes and exceptions ' +
      "each release's KafkaBridge CRD lists: `ssl.`, `bootstrap.servers`, `sasl.`, `security.`, and `group.id` " +
      'for consumers; matched case-insensitively as the operator does)',
    SILENT,
  ),
} as const satisfies Record<string, Rule>;
