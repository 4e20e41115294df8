/** Pool fields the operator reads into Java `Integer`s: JBOD volume IDs (Strimzi `SingleVolumeStorage.id`). */
import { Finding, finding } from '../../core/problem';
import { RULES } from '../../rules';
import { StorageSpec } from '../storage';

const JAVA_INT_MAX = 2_147_483_647;

/** The node pool construct's one call: volume IDs beyond Java's `Integer.MAX_VALUE`. */
export function poolIntFindings(storage: StorageSpec | undefined): Finding[] {
  const volumes = storage?.type === 'jbod' ? storage.volumes : [];
  return volumes.flatMap((v) =>
    typeof v.id === 'number' && Number.isInteger(v.id) && v.id > JAVA_INT_MAX
      ? [
          finding(
            RULES.javaIntRange,
            'storage.volumes',
            v.id,
            `volume ID ${v.id} is above 2147483647, the largest Java int; the operator cannot read the KafkaNodePool`,
            'number JBOD volumes 0, 1, 2, ...',
          ),
        ]
      : [],
  );
}
