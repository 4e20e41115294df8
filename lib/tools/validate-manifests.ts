import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { CrdSchemaValidator, ManifestCheckError } from './crd-schema';
import { isMonitoringObject, validateMonitoringObject } from './monitoring-schema';

/** Options of a manifest check. */
export interface ManifestCheckOptions {
  /** Strimzi release whose CRD schemas the Strimzi objects must satisfy, e.g. `0.43.0`. */
  readonly strimziVersion: string;
  /**
   * CRDs to check against instead of the schemas shipped with this package (every release
   * 0.41.0 to 1.2.0): a folder holding `<tag>/crds/` (Strimzi's repository layout), a folder of
   * CRD files, or Strimzi's single-file bundle `strimzi-crds-<tag>.yaml`.
   * @default the shipped schemas of `strimziVersion`
   */
  readonly crds?: string;
}

/** What a check found. */
export interface ManifestCheckResult {
  /** Objects checked, by apiVersion/kind. */
  readonly checked: Record<string, number>;
  /** One line per problem, naming the object; empty when every object is valid. */
  readonly errors: string[];
}

interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
}

/** The kubernetes-models class of a core object, or undefined for kinds it does not know. */
function coreModel(apiVersion: string, kind: string): (new (data: unknown) => { validate(): void }) | undefined {
  if (!/^[a-z0-9.]*\/?v[0-9a-z]+$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(`kubernetes-models/${apiVersion}/${kind}`)[kind];
  } catch {
    return undefined;
  }
}

/**
 * Validates manifests: Strimzi objects (`*.strimzi.io`) strictly against the CRD schemas of the
 * given release (unknown fields rejected) and their CEL rules, prometheus-operator objects
 * (`monitoring.coreos.com`) strictly against its CRDs, every other object with kubernetes-models 4.5.1.
 * @throws ManifestCheckError (one-line message) for an unknown release or `crds` without CRDs
 */
export function validateManifests(objects: readonly KubeObject[], options: ManifestCheckOptions): ManifestCheckResult {
  return validateWith(CrdSchemaValidator.forRelease(options?.strimziVersion, options?.crds), objects);
}

/** validateManifests with a validator made once (the CLI checks many files against one release). */
export function validateWith(crds: CrdSchemaValidator, objects: readonly KubeObject[]): ManifestCheckResult {
  const checked: Record<string, number> = {};
  const errors: string[] = [];
  for (const obj of objects) {
    const key = `${obj.apiVersion}/${obj.kind}`;
    checked[key] = (checked[key] ?? 0) + 1;
    if (String(obj.apiVersion).includes('.strimzi.io/')) {
      errors.push(...crds.validate(obj));
      continue;
    }
    if (isMonitoringObject(String(obj.apiVersion))) {
      errors.push(...validateMonitoringObject(obj));
      continue;
    }
    const Model = coreModel(String(obj.apiVersion), String(obj.kind));
    if (!Model) {
      errors.push(`${obj.kind}/${obj.metadata?.name} (${obj.apiVersion}): no schema for this kind`);
      continue;
    }
    try {
      new Model(obj).validate();
    } catch (e) {
      errors.push(`${obj.kind}/${obj.metadata?.name} (${obj.apiVersion}): ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return { checked, errors };
}

/**
 * Reads every object of YAML files, or of the `.yaml`/`.yml` files in folders, sorted by path.
 * @throws ManifestCheckError (one-line message) for a missing path or a file that is not YAML
 */
export function readManifests(paths: readonly string[]): KubeObject[] {
  const files = paths.flatMap((p) => {
    if (!fs.existsSync(p)) throw new ManifestCheckError(`${p} does not exist`);
    return fs.statSync(p).isDirectory()
      ? fs
          .readdirSync(p)
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
          .map((f) => path.join(p, f))
      : [p];
  });
  return files.flatMap((f) =>
    YAML.parseAllDocuments(fs.readFileSync(f, 'utf-8'))
      .map((d) => {
        if (d.errors.length > 0) {
          throw new ManifestCheckError(`${f}: not readable as YAML: ${d.errors[0].message.split('\n')[0]}`);
        }
        return d.toJSON();
      })
      .filter((o) => o),
  );
}
