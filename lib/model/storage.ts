import { Finding, collector, finding } from '../core/problem';
import { RULES } from '../rules';
import { checkProps } from '../core/shape';
import { isDnsSubdomain, isLabel, isQuantity, parseQuantity } from '../core/syntax';

/** Options of a persistent-claim volume. */
export interface PersistentClaimOptions {
  /**
   * Size of the claim, a Kubernetes quantity such as `100Gi`.
   * @checkedBy storage-size
   */
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
   * @maxItems 50
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

/** A volume made from options as given (checked here: the factories have no construct to report to). */
interface Made {
  readonly spec: VolumeSpec;
  readonly findings: readonly Finding[];
}

function persistent(options: unknown, id?: number): Made {
  const { props: o, findings } = checkProps<PersistentClaimOptions>(options, 'PersistentClaimOptions');
  return {
    spec: {
      type: 'persistent-claim',
      id,
      size: o.size,
      class: o.storageClass,
      deleteClaim: o.deleteClaim ?? false,
      kraftMetadata: o.kraftMetadata ? 'shared' : undefined,
      selector: o.selector,
    },
    findings,
  };
}

function ephemeral(options: unknown, id?: number): Made {
  const { props: o, findings } = checkProps<EphemeralOptions>(options, 'EphemeralOptions');
  return {
    spec: { type: 'ephemeral', id, sizeLimit: o.sizeLimit, kraftMetadata: o.kraftMetadata ? 'shared' : undefined },
    findings,
  };
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

  /** The volume as Strimzi spells it. */
  public readonly spec: VolumeSpec;
  /** What is wrong with the options it was made from (reported by the pool that uses it). @internal */
  public readonly findings: readonly Finding[];

  private constructor(made: Made) {
    this.spec = made.spec;
    this.findings = made.findings;
  }
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
    const findings: Finding[] = [];
    const specs: VolumeSpec[] = [];
    (volumes as unknown[]).slice(0, 100).forEach((v, i) => {
      if (v instanceof JbodVolume) {
        specs.push(v.spec);
        findings.push(
          ...v.findings.map((f) => ({
            ...f,
            field: f.field === 'props' ? `volumes[${i}]` : `volumes[${i}].${f.field}`,
          })),
        );
      } else {
        findings.push(
          finding(
            RULES.propType,
            `volumes[${i}]`,
            v,
            'not a JbodVolume',
            'pass each volume as its own argument: Storage.jbod(JbodVolume.persistentClaim(0, {...}), ' +
              'JbodVolume.persistentClaim(1, {...}))',
          ),
        );
      }
    });
    if (volumes.length > 100)
      findings.push(
        finding(RULES.propType, 'volumes', volumes.length, 'more than 100 volumes', 'use at most 100 JBOD volumes'),
      );
    const order = (s: VolumeSpec) => (typeof s.id === 'number' && Number.isFinite(s.id) ? s.id : 0);
    return new Storage({ spec: { type: 'jbod', volumes: specs.sort((a, b) => order(a) - order(b)) }, findings });
  }

  /** A storage that stands in for a missing or wrong one (its pool reports the error). @internal */
  public static placeholder(): Storage {
    return new Storage({ spec: { type: 'persistent-claim', size: '1Gi', deleteClaim: false }, findings: [] });
  }

  /** The storage as Strimzi spells it. */
  public readonly spec: StorageSpec;
  /** What is wrong with the options it was made from (reported by the pool that uses it). @internal */
  public readonly findings: readonly Finding[];

  private constructor(made: { spec: StorageSpec; findings: readonly Finding[] }) {
    this.spec = made.spec;
    this.findings = made.findings;
  }
}

/** A positive Kubernetes quantity (a negative or zero size is accepted by the syntax alone). */
export function isPositiveQuantity(value: string): boolean {
  return isQuantity(value) && parseQuantity(value) > 0;
}

/** Checks a storage configuration on its own; findings under `storage.<field>`. */
export function storageFindings(storage: Storage): Finding[] {
  const out: Finding[] = storage.findings.map((f) => ({
    ...f,
    field: f.field === 'props' ? 'storage' : `storage.${f.field}`,
  }));
  const flag = collector(out);
  const spec = storage.spec;
  const volumes = spec.type === 'jbod' ? spec.volumes : [spec];
  const at = (i: number) => (spec.type === 'jbod' ? `storage.volumes[${i}]` : 'storage');
  if (spec.type === 'jbod' && volumes.length === 0) {
    flag(RULES.storageVolumes, 'storage.volumes', []).says(
      'JBOD storage has no volumes. Fix: pass at least one JbodVolume to Storage.jbod()',
    );
  }
  const ids = new Set<number>();
  volumes.forEach((v, i) => {
    checkVolumeIdAndSize(v, at(i), ids, flag);
    checkVolumePlacement(v, at(i), flag);
    checkVolumeDurability(v, at(i), flag);
  });
  const metadataVolumes = volumes.filter((v) => v.kraftMetadata).map((v) => v.id);
  if (metadataVolumes.length > 1) {
    flag(RULES.storageKraftMetadata, 'storage.volumes', metadataVolumes).says(
      'more than one volume has kraftMetadata. Fix: mark exactly one volume with kraftMetadata: true',
    );
  }
  return out;
}

type Flag = ReturnType<typeof collector>;

/** A volume's ID (non-negative, unique) and sizes (given for a claim, positive quantities). */
function checkVolumeIdAndSize(v: VolumeSpec, at: string, ids: Set<number>, flag: Flag): void {
  if (v.id !== undefined) {
    if (!Number.isInteger(v.id) || v.id < 0) {
      flag(RULES.storageVolumeId, `${at}.id`, v.id).says(
        'not a non-negative integer. Fix: number JBOD volumes 0, 1, 2, ...',
      );
    } else if (ids.has(v.id)) {
      flag(RULES.storageVolumeIdUnique, `${at}.id`, v.id).says(
        'this volume ID is used twice. Fix: give every JBOD volume its own ID',
      );
    }
    ids.add(v.id);
  }
  if (v.type === 'persistent-claim' && v.size === undefined) {
    flag(RULES.storageSize, `${at}.size`, undefined).says(
      "a persistent-claim volume needs a size. Fix: give its size, e.g. size: '100Gi'",
    );
  }
  for (const [field, value] of [
    ['size', v.size],
    ['sizeLimit', v.sizeLimit],
  ] as const) {
    if (value !== undefined && !isPositiveQuantity(value)) {
      flag(RULES.storageSize, `${at}.${field}`, value).says(
        "not a positive Kubernetes quantity. Fix: write a quantity such as '100Gi'",
      );
    }
  }
}

/** A volume's StorageClass name and PersistentVolume selector. */
function checkVolumePlacement(v: VolumeSpec, at: string, flag: Flag): void {
  if (v.class !== undefined && !isDnsSubdomain(v.class)) {
    flag(RULES.storageClassName, `${at}.storageClass`, v.class).says(
      'not a StorageClass name (a lower-case DNS subdomain). Fix: use the name `kubectl get storageclass` shows',
    );
  }
  for (const [key, value] of Object.entries(v.selector ?? {})) {
    if (!isLabel(key, value)) {
      flag(RULES.storageSelector, `${at}.selector['${key}']`, value).says(
        'not a valid label key and value. Fix: use label keys like `example.com/disk` and values of at most ' +
          '63 letters, digits, -, _ or .',
      );
    }
  }
}

/** Volumes whose data does not outlive a pod restart or a scale-down. */
function checkVolumeDurability(v: VolumeSpec, at: string, flag: Flag): void {
  if (v.type === 'ephemeral') {
    flag(RULES.storageEphemeral, `${at}`, 'ephemeral').says(
      'ephemeral volumes are emptyDirs: a restarted pod starts empty. Fix: use persistent-claim volumes ' +
        'outside development',
    );
  }
  if (v.deleteClaim) {
    flag(RULES.storageDeleteClaim, `${at}.deleteClaim`, true).says(
      'the PersistentVolumeClaim is deleted with the cluster or when the pool scales down. Fix: leave ' +
        'deleteClaim false unless the data is disposable',
    );
  }
}

/** The number of volumes of a storage configuration. */
export function volumeCount(storage: Storage): number {
  return storage.spec.type === 'jbod' ? storage.spec.volumes.length : 1;
}
