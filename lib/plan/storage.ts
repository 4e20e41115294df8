/** Changes of a pool's storage: type, volumes, size, class, deleteClaim, KRaft metadata volume. */
import { change, same, show } from './change';
import { Obj } from './facts';
import { PlanChange } from './types';

type Volume = Record<string, any>;

/** Volumes by ID (`-` for a single, non-JBOD volume). */
function volumesOf(storage: any): Map<string, Volume> {
  if (storage?.type !== 'jbod') return new Map(storage ? [['-', storage as Volume]] : []);
  const volumes: Volume[] = Array.isArray(storage.volumes) ? storage.volumes : [];
  return new Map(volumes.map((v) => [String(v?.id), v] as const));
}

const UNITS: Record<string, number> = { '': 1, 'k': 1e3, 'M': 1e6, 'G': 1e9, 'T': 1e12, 'P': 1e15, 'E': 1e18 };
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

/** Bytes of a Kubernetes quantity (`100Gi`, `1.5T`, `500M`), undefined when it is not one. */
export function quantityBytes(q: unknown): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([kMGTPE]i?|)$/.exec(String(q ?? '').trim());
  if (!m) return undefined;
  const unit = BINARY[m[2]] ?? UNITS[m[2]];
  return unit === undefined ? undefined : Number(m[1]) * unit;
}

const NEW_POOL =
  'add a pool (or JBOD volume) with the new storage, move the partitions to it (KafkaRebalance), then ' +
  'remove the old one';

function sizeChange(p: Obj, field: string, b: Volume, a: Volume): PlanChange[] {
  const [sb, sa] = [quantityBytes(b.size), quantityBytes(a.size)];
  if (b.size === a.size || sb === undefined || sa === undefined || sb === sa) return [];
  const values = { before: b.size, after: a.size };
  if (sa > sb) {
    const effect = 'the volumes are expanded in place (the StorageClass must allow volume expansion)';
    return [change('safe', p, `${field}.size`, values, effect)];
  }
  const effect =
    'Kubernetes cannot shrink a volume: the operator keeps the old size; only deleting the volumes (their data) ' +
    'would shrink them';
  return [
    change('destructive', p, `${field}.size`, values, effect, `keep ${b.size}; to use smaller disks, ${NEW_POOL}`),
  ];
}

function volumeFieldChanges(p: Obj, field: string, b: Volume, a: Volume): PlanChange[] {
  if (b.type !== a.type) {
    const effect = 'a volume cannot change its type: only deleting it (its data) would change it';
    return [change('destructive', p, `${field}.type`, { before: b.type, after: a.type }, effect, NEW_POOL)];
  }
  const out = sizeChange(p, field, b, a);
  if ((b.class ?? '') !== (a.class ?? '')) {
    const effect =
      'a bound volume keeps its StorageClass: existing nodes keep the old one, only new volumes get the new one; ' +
      'moving existing nodes means deleting their volumes (their data)';
    out.push(change('destructive', p, `${field}.class`, { before: b.class, after: a.class }, effect, NEW_POOL));
  }
  if (b.deleteClaim !== true && a.deleteClaim === true) {
    const effect = 'from now on, removing the pool or a node, or deleting the cluster, deletes the volumes (the data)';
    const instead = 'keep deleteClaim: false and delete released volumes by hand';
    out.push(change('destructive', p, `${field}.deleteClaim`, { before: b.deleteClaim, after: true }, effect, instead));
  } else if (b.deleteClaim === true && a.deleteClaim !== true) {
    const effect = 'volumes are kept when nodes are removed';
    out.push(change('safe', p, `${field}.deleteClaim`, { before: true, after: a.deleteClaim }, effect));
  }
  for (const k of ['selector', 'sizeLimit', 'overrides']) {
    if (same(b[k], a[k])) continue;
    const effect = k === 'sizeLimit' ? 'every node of the pool restarts' : 'applies to new volumes only';
    out.push(change(k === 'sizeLimit' ? 'restart' : 'safe', p, `${field}.${k}`, { before: b[k], after: a[k] }, effect));
  }
  return out;
}

const metadataVolume = (vs: Map<string, Volume>) => [...vs].find(([, v]) => v?.kraftMetadata === 'shared')?.[0];

function kraftMetadataChange(p: Obj, b: Map<string, Volume>, a: Map<string, Volume>): PlanChange[] {
  const [mb, ma] = [metadataVolume(b), metadataVolume(a)];
  if (mb === ma) return [];
  const effect =
    `every node of the pool restarts and moves its KRaft metadata log from volume ${mb ?? '(lowest ID)'} to ` +
    `${ma ?? '(lowest ID)'}, fetching it again from the quorum (with a single controller the metadata are lost)`;
  return [change('restart', p, 'spec.storage.volumes[].kraftMetadata', { before: mb, after: ma }, effect)];
}

/** Every storage change of a pool kept between two outputs. */
export function storageChanges(b: Obj, a: Obj): PlanChange[] {
  const [sb, sa] = [b.spec?.storage, a.spec?.storage];
  if (same(sb, sa)) return [];
  if ((sb?.type === 'jbod') !== (sa?.type === 'jbod')) {
    const effect = 'Strimzi cannot change the storage type of existing nodes; only new nodes would get it';
    return [change('destructive', a, 'spec.storage.type', { before: sb?.type, after: sa?.type }, effect, NEW_POOL)];
  }
  const [vb, va] = [volumesOf(sb), volumesOf(sa)];
  const out: PlanChange[] = [];
  const field = (id: string) => (id === '-' ? 'spec.storage' : `spec.storage.volumes[id=${id}]`);
  for (const id of [...new Set([...vb.keys(), ...va.keys()])].sort()) {
    const [x, y] = [vb.get(id), va.get(id)];
    if (x && !y) {
      const effect = `volume ${id} is removed from every node: the replicas on it are lost`;
      const instead = `move its data to the other volumes first (KafkaRebalance mode remove-disks), then remove it`;
      out.push(change('destructive', a, field(id), { before: show(x) }, effect, instead));
    } else if (!x && y) {
      out.push(
        change('restart', a, field(id), { after: show(y) }, 'every node of the pool restarts with the new volume'),
      );
    } else if (x && y) out.push(...volumeFieldChanges(a, field(id), x, y));
  }
  return [...out, ...kraftMetadataChange(a, vb, va)];
}
