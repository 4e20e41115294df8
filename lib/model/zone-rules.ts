/** The rules of rack awareness and zones (`KraftClusterProps.rack`), collected into the catalogue (lib/rules.ts). */
import { APISERVER, Rule, rule } from '../core/rules';

/** The zone rules, by a short key used in the code. */
export const ZONE_RULES = {
  rackTypeServed: rule(
    'rack-type-served',
    'Zones',
    'error',
    "`rack.type: 'environment-variable'` needs Strimzi 1.0.0 or later (the `rack.type` and `rack.envVarName` " +
      'fields of the `Kafka` CRD first appear in 1.0.0)',
    APISERVER,
  ),
  rackKey: rule(
    'rack-key',
    'Zones',
    'error',
    'Rack awareness names its source: a node label key for `topology-label` (the CRD requires `topologyKey`; ' +
      "1.0.0+: CEL 'topologyKey property is required'), an environment variable for `environment-variable` " +
      "(CEL 'envVarName property is required'), and not the other one",
    APISERVER,
  ),
  rackZones: rule(
    'rack-zones',
    'Zones',
    'error',
    'Declared zones are label values (63 characters of `[A-Za-z0-9._-]`, alphanumeric at both ends, as Kubernetes ' +
      'label values), each once',
    'nobody: the checks of one zone\u2019s loss would count wrong',
  ),
  zoneLossReplication: rule(
    'zone-loss-replication',
    'Zones',
    'warning',
    'With the declared zones and rack-aware replica placement (Kafka puts a partition\u2019s replicas in distinct ' +
      'racks, at most ceil(factor / zones) in one), the loss of one zone leaves at least `min.insync.replicas` ' +
      'replicas (else `acks=all` producers fail) and at least one (else partitions go offline)',
    'nobody until a zone fails',
  ),
  zoneBrokers: rule(
    'zone-brokers',
    'Zones',
    'warning',
    'Each broker pool has at least one broker per declared zone, so the zone spread can place one in each',
    'nobody: a zone without brokers holds no replica',
  ),
} as const satisfies Record<string, Rule>;
