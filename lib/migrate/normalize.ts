/**
 * The declared normalizations of a migration: the only ways the generated app's output may differ
 * from the input. Both sides are brought into this canonical form before they are compared (and
 * before patches are computed), so any other difference is restored by a patch or fails the test.
 */
import { isRecord } from './plan';

/** One normalization: an id, what it changes, and why the running cluster does not change. */
export interface Normalization {
  readonly id: string;
  readonly description: string;
}

const n = (id: string, description: string): Normalization => ({ id, description });

/** Every normalization a migration may apply (docs/migrate.md). */
export const NORMALIZATIONS = {
  serverFields: n(
    'server-fields',
    'status, metadata.managedFields, uid, resourceVersion, generation, creationTimestamp, selfLink and the ' +
      'kubectl last-applied annotation are dropped: the API server writes them',
  ),
  order: n('order', 'the order of keys and of list entries (listeners, pools, volumes, ACLs, operations, brokers)'),
  nextNodeIds: n(
    'next-node-ids',
    'pools carry strimzi.io/next-node-ids pinning the node IDs they run with (status, else the input annotation, ' +
      'else the operator assignment) plus a scale-up range; the node IDs themselves are compared and never change',
  ),
  explicitDefaults: n(
    'explicit-defaults',
    "Strimzi's defaults written out where the input leaves them unset: Kafka version and metadata version of the " +
      "release, deleteClaim false, externalTrafficPolicy Cluster, ACL host '*' and patternType literal, the KRaft " +
      'annotations releases up to 0.47 require',
  ),
  nodePortsPinned: n(
    'node-ports-pinned',
    'a broker of a nodeport listener without a nodePort gets one (nodePortBase + node ID): the operator would ' +
      'give it a random one no load balancer forwards to [doctor-node-port-pinned]',
  ),
  schemaPruned: n(
    'schema-pruned',
    "an input field the API version's schema does not have is dropped, as the API server prunes it; each is " +
      'listed as a finding',
  ),
  aclOperation: n(
    'acl-operation',
    'an ACL with the deprecated single `operation` (v1beta2) is written with `operations: [operation]`, which ' +
      'Strimzi reads the same',
  ),
  quantities: n('quantities', "a resource quantity written as a number (cpu: 1) is written as a string ('1')"),
} as const;

type Json = unknown;
type Segment = string | '*';

/** Output fields removed when the input lacks them and their value is the listed default. */
const DEFAULTS: readonly { kind: string; path: Segment[]; value?: Json }[] = [
  { kind: 'Kafka', path: ['spec', 'kafka', 'version'] },
  { kind: 'Kafka', path: ['spec', 'kafka', 'metadataVersion'] },
  { kind: 'Kafka', path: ['metadata', 'annotations', 'strimzi.io/kraft'], value: 'enabled' },
  { kind: 'Kafka', path: ['metadata', 'annotations', 'strimzi.io/node-pools'], value: 'enabled' },
  {
    kind: 'Kafka',
    path: ['spec', 'kafka', 'listeners', '*', 'configuration', 'externalTrafficPolicy'],
    value: 'Cluster',
  },
  { kind: 'Kafka', path: ['spec', 'kafka', 'listeners', '*', 'configuration', 'brokers', '*', 'nodePort'] },
  { kind: 'KafkaNodePool', path: ['spec', 'storage', 'deleteClaim'], value: false },
  { kind: 'KafkaNodePool', path: ['spec', 'storage', 'volumes', '*', 'deleteClaim'], value: false },
  { kind: 'KafkaUser', path: ['spec', 'authorization', 'acls', '*', 'host'], value: '*' },
  { kind: 'KafkaUser', path: ['spec', 'authorization', 'acls', '*', 'resource', 'patternType'], value: 'literal' },
];

const clone = (v: Json): any => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

/** Removes `path` from `out` wherever `inp` lacks it (and the value is the default, when one is given). */
function dropDefault(out: any, inp: any, path: Segment[], value: Json): void {
  if (!isRecord(out) && !Array.isArray(out)) return;
  const [head, ...rest] = path;
  const keys = head === '*' ? (Array.isArray(out) ? [...out.keys()] : []) : [head];
  for (const k of keys) {
    const o = (out as any)[k];
    const i = inp === undefined || inp === null ? undefined : (inp as any)[k];
    if (rest.length > 0) {
      dropDefault(o, i, rest, value);
      continue;
    }
    const isDefault = value === undefined || JSON.stringify(o) === JSON.stringify(value);
    if (o !== undefined && i === undefined && isDefault) delete (out as any)[k];
  }
}

/** Resource quantities as strings, wherever `resources.requests`/`limits` appear. */
function quantitiesAsStrings(v: any): void {
  if (Array.isArray(v)) v.forEach(quantitiesAsStrings);
  if (!isRecord(v)) return;
  for (const [k, child] of Object.entries(v)) {
    if ((k === 'requests' || k === 'limits') && isRecord(child)) {
      for (const [q, amount] of Object.entries(child)) if (typeof amount === 'number') child[q] = String(amount);
    } else quantitiesAsStrings(child);
  }
}

/** A KafkaUser's ACLs with `operation: X` as `operations: [X]`. */
function aclOperations(o: any): void {
  const acls = o?.kind === 'KafkaUser' ? o?.spec?.authorization?.acls : undefined;
  for (const acl of Array.isArray(acls) ? acls : []) {
    if (!isRecord(acl) || acl.operation === undefined || acl.operations !== undefined) continue;
    acl.operations = [acl.operation];
    delete acl.operation;
  }
}

function withoutNextNodeIds(o: any): void {
  const a = o?.metadata?.annotations;
  if (o?.kind !== 'KafkaNodePool' || !isRecord(a)) return;
  delete a['strimzi.io/next-node-ids'];
  if (Object.keys(a).length === 0) delete o.metadata.annotations;
}

/**
 * Both objects in canonical form: the output without the defaults and pins the input lacks,
 * neither with `strimzi.io/next-node-ids`, quantities as strings. Array order is handled by the
 * comparison (`sameJson`), not here, so paths into the output stay valid.
 */
export function normalizePair(input: Json, output: Json): { input: any; output: any } {
  const i = clone(input);
  const o = clone(output);
  for (const d of DEFAULTS) if (isRecord(o) && o.kind === d.kind) dropDefault(o, i, d.path, d.value);
  const annotations = o?.metadata?.annotations;
  if (isRecord(annotations) && Object.keys(annotations).length === 0 && i?.metadata?.annotations === undefined) {
    delete o.metadata.annotations;
  }
  aclOperations(i);
  for (const x of [i, o]) {
    withoutNextNodeIds(x);
    quantitiesAsStrings(x);
  }
  return { input: i, output: o };
}

/** JSON with sorted keys and, for `order`, arrays sorted by their entries' canonical text. */
export function canonical(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonical).sort().join(',')}]`;
  if (isRecord(v)) {
    const entries = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Equal up to key and list order. */
export const sameJson = (a: Json, b: Json): boolean => canonical(a) === canonical(b);

/** A copy of `v` without the fields at these JSON pointers. */
export function withoutPointers(v: Json, pointers: readonly string[]): any {
  const copy = clone(v);
  for (const p of pointers) {
    const segments = p
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = segments.pop()!;
    const parent = segments.reduce((o: any, s) => (o === undefined || o === null ? undefined : o[s]), copy);
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else if (isRecord(parent)) delete parent[last];
  }
  return copy;
}
