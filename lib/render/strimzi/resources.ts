/**
 * Container resources of any Strimzi kind rendered from its own folder: the generated classes of
 * `cdk8s import` turn quantities into objects (`<Kind>SpecResourcesRequests.fromString`), and the
 * resource's converter writes them back as strings or numbers; a plain string would be dropped.
 */
import type { StrimziApiVersion } from '../../core/release';
import { sortedRecord } from '../../core/syntax';
import type { ResourceQuantities, ResourceRequirements } from '../../model/pod';
import { strimziKind } from './index';

type Quantity = { fromString(value: string): unknown };

function quantities(apiVersion: StrimziApiVersion, className: string, q: ResourceQuantities | undefined) {
  if (!q) return undefined;
  const Q = strimziKind(apiVersion, className) as unknown as Quantity;
  const entries = Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined);
  return sortedRecord(Object.fromEntries(entries.map(([k, v]) => [k, Q.fromString(v)])));
}

/** `spec.resources` of a kind (`KafkaBridge` -> `KafkaBridgeSpecResourcesRequests`/`Limits`), sorted by resource. */
export function strimziResources(
  apiVersion: StrimziApiVersion,
  kind: string,
  r: ResourceRequirements | undefined,
): Record<string, unknown> | undefined {
  return (
    r && {
      requests: quantities(apiVersion, `${kind}SpecResourcesRequests`, r.requests),
      limits: quantities(apiVersion, `${kind}SpecResourcesLimits`, r.limits),
    }
  );
}
