import { Finding, finding } from '../core/problem';
import { RULES } from '../core/rules';
import { isDnsSubdomain, isLabel, isQuantity } from '../core/syntax';

/** Options of a persistent-claim volume. */
export interface PersistentClaimOptions {
  /** Size of the claim, a Kubernetes quantity such as `100Gi`. */
  readonly size: string;
  /**
   * StorageClass of the claim.
   * @default - the cluster's default StorageClass
   */
  readonly storageClass?: string;
  /**
   * Delete the claim when the cluster is deleted or scaled down.
   * @default false
   */
  readonly deleteClaim?: boolean;
  /**
   * Store the KRaft metadata log on this volume (`kraftMetadata: shared`).
   * @default false
   */
  readonly kraftMetadata?: boolean;
  /**
   * Label selector for the PersistentVolume to bind.
   * @default - none
   */
  readonly selector?: Record<string, string>;
}

/** Options of an ephemeral (emptyDir) volume. */
export interface EphemeralOptions {
  /**
   * Size limit of the emptyDir, a Kubernetes quantity.
   * @default - no limit
   */
  readonly sizeLimit?: string;
  /**
   * Store the KRaft metadata log on this volume (`kraftMetadata: shared`).
   * @default false
   */
  readonly kraftMetadata?: boolean;
}

/** A version-neutral volume, as Strimzi spells its fields. */
export interface VolumeSpec {
  readonly type: 'persistent-claim' | 'ephemeral';
  readonly id?: number;
  readonly size?: string;
  readonly sizeLimit?: string;
  readonly class?: string;
  readonly deleteClaim?: boolean;
  readonly kraftMetadata?: 'shared';
  readonly selector?: Record<string, string>;
}

/** A version-neutral storage configuration. */
export type StorageSpec = VolumeSpec | { readonly type: 'jbod'; readonly volumes: readonly VolumeSpec[] };

function persistent(options: PersistentClaimOptions, id?: number): VolumeSpec {
  return {
    type: 'persistent-claim',
    id,
    size: options.size,
    class: options.storageClass,
    deleteClaim: options.deleteClaim ?? false,
    kraftMetadata: options.kraftMetadata ? 'shared' : undefined,
    selector: options.selector,
  };
}

function ephemeral(options: EphemeralOptions, id?: number): VolumeSpec {
  return { type: 'ephemeral', id, sizeLimit: options.sizeLimit, kraftMetadata: options.kraftMetadata ? 'shared' : undefined };
}

/** One volume of JBOD storage. */
export class JbodVolume {
  /** A persistent-claim volume with the given JBOD volume ID. */
  public static persistentClaim(id: number, options: PersistentClaimOptions): JbodVolume {
    return new JbodVolume(persistent(options, id));
  }

  /** An ephemeral volume with the given JBOD volume ID. */
  public static ephemeral(id: number, options: EphemeralOptions = {}): JbodVolume {
    return new JbodVolume(ephemeral(options, id));
  }

  private constructor(public readonly spec: VolumeSpec) {}
}

/** Storage of a node pool. */
export class Storage {
  /** A single persistent-claim volume. */
  public static persistentClaim(options: PersistentClaimOptions): Storage {
    return new Storage(persistent(options));
  }

  /** A single ephemeral volume (data is lost when a pod restarts: for development only). */
  public static ephemeral(options: EphemeralOptions = {}): Storage {
    return new Storage(ephemeral(options));
  }

  /** JBOD: one or more volumes, each with its own ID; volumes are emitted sorted by ID. */
  public static jbod(...volumes: JbodVolume[]): Storage {
    return new Storage({ type: 'jbod', volumes: volumes.map((v) => v.spec).sort((a, b) => (a.id ?? 0) - (b.id ?? 0)) });
  }

  private constructor(public readonly spec: StorageSpec) {}
}

/** Checks a storage configuration on its own; findings under `storage.<field>`. */
export function storageFindings(storage: Storage): Finding[] {
  const out: Finding[] = [];
  const spec = storage.spec;
  const volumes = spec.type === 'jbod' ? spec.volumes : [spec];
  const at = (i: number) => (spec.type === 'jbod' ? `storage.volumes[${i}]` : 'storage');
  if (spec.type === 'jbod' && volumes.length === 0) {
    out.push(finding(RULES.storageVolumes, 'storage.volumes', [], 'JBOD storage has no volumes', 'pass at least one JbodVolume to Storage.jbod()'));
  }
  const ids = new Set<number>();
  volumes.forEach((v, i) => {
    if (v.id !== undefined) {
      if (!Number.isInteger(v.id) || v.id < 0) {
        out.push(finding(RULES.storageVolumeId, `${at(i)}.id`, v.id, 'not a non-negative integer', 'number JBOD volumes 0, 1, 2, ...'));
      } else if (ids.has(v.id)) {
        out.push(finding(RULES.storageVolumeIdUnique, `${at(i)}.id`, v.id, 'this volume ID is used twice', 'give every JBOD volume its own ID'));
      }
      ids.add(v.id);
    }
    for (const [field, value] of [['size', v.size], ['sizeLimit', v.sizeLimit]] as const) {
      if (value !== undefined && !isQuantity(value)) {
        out.push(finding(RULES.storageSize, `${at(i)}.${field}`, value, 'not a Kubernetes quantity', "write a quantity such as '100Gi'"));
      }
    }
    if (v.class !== undefined && !isDnsSubdomain(v.class)) {
      out.push(finding(RULES.storageClassName, `${at(i)}.storageClass`, v.class, 'not a StorageClass name (a lower-case DNS subdomain)', 'use the name `kubectl get storageclass` shows'));
    }
    for (const [key, value] of Object.entries(v.selector ?? {})) {
      if (!isLabel(key, value)) {
        out.push(finding(RULES.storageSelector, `${at(i)}.selector['${key}']`, value, 'not a valid label key and value', 'use label keys like `example.com/disk` and values of at most 63 letters, digits, -, _ or .'));
      }
    }
    if (v.type === 'ephemeral') {
      out.push(finding(RULES.storageEphemeral, `${at(i)}`, 'ephemeral', 'ephemeral volumes are emptyDirs: a restarted pod starts empty', 'use persistent-claim volumes outside development'));
    }
    if (v.deleteClaim) {
      out.push(finding(RULES.storageDeleteClaim, `${at(i)}.deleteClaim`, true, 'the PersistentVolumeClaim is deleted with the cluster or when the pool scales down', 'leave deleteClaim false unless the data is disposable'));
    }
  });
  const metadataVolumes = volumes.filter((v) => v.kraftMetadata).map((v) => v.id);
  if (metadataVolumes.length > 1) {
    out.push(finding(RULES.storageKraftMetadata, 'storage.volumes', metadataVolumes, 'more than one volume has kraftMetadata', 'mark exactly one volume with kraftMetadata: true'));
  }
  return out;
}

/** The number of volumes of a storage configuration. */
export function volumeCount(storage: Storage): number {
  return storage.spec.type === 'jbod' ? storage.spec.volumes.length : 1;
}
