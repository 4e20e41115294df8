/**
 * Reading what `strimzi-kraft migrate` is given: YAML files and folders (plain manifests or
 * `kubectl get -o yaml` output with `List` kinds, `status` and server-side metadata) and nginx
 * `.conf` files. Objects come back without the fields the API server writes, each with its file.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import type { ManifestObject } from '../doctor/manifest-facts';
import { NginxStreamFacts, streamFacts } from '../doctor/nginx-parse';

/** A parsed object and the file it came from. */
export interface InputObject {
  readonly file: string;
  /** The object without the fields the API server writes (see SERVER_FIELDS). */
  readonly object: ManifestObject;
  /** `status` as read (node IDs of pools come from it), before it was dropped. */
  readonly status?: Record<string, unknown>;
}

/** Everything read from the paths given. */
export interface MigrationInput {
  readonly objects: InputObject[];
  readonly nginx: NginxStreamFacts[];
  /** One line per file or document that could not be read. */
  readonly unreadable: string[];
}

/** Metadata fields the API server writes; they describe a running object, not its declaration. */
export const SERVER_METADATA = [
  'creationTimestamp',
  'generation',
  'managedFields',
  'resourceVersion',
  'selfLink',
  'uid',
] as const;

/** The annotation `kubectl apply` writes: a copy of the applied object. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The object as declared: no `status`, no server-written metadata, no last-applied annotation. */
export function declaredObject(raw: Record<string, unknown>): ManifestObject {
  const rest = { ...raw };
  delete rest.status;
  const metadata = isRecord(rest.metadata) ? { ...rest.metadata } : undefined;
  if (!metadata) return rest as ManifestObject;
  for (const key of SERVER_METADATA) delete metadata[key];
  if (isRecord(metadata.annotations)) {
    const annotations = { ...metadata.annotations };
    delete annotations[LAST_APPLIED];
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    else delete metadata.annotations;
  }
  return { ...rest, metadata } as ManifestObject;
}

/** The objects of one YAML text, `List` items flattened. */
function objectsOf(text: string, file: string, unreadable: string[]): InputObject[] {
  const out: InputObject[] = [];
  const add = (raw: unknown) => {
    if (!isRecord(raw)) return;
    if (typeof raw.kind === 'string' && raw.kind.endsWith('List') && Array.isArray(raw.items)) {
      raw.items.forEach(add);
      return;
    }
    out.push({ file, object: declaredObject(raw), status: isRecord(raw.status) ? raw.status : undefined });
  };
  for (const doc of YAML.parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      unreadable.push(`${file}: not YAML: ${doc.errors[0].message.split('\n')[0]}`);
      continue;
    }
    add(doc.toJSON());
  }
  return out;
}

/** The files of the paths: folders are read recursively, sorted; only `.yaml`, `.yml` and `.conf`. */
export function inputFiles(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    if (!fs.statSync(p).isDirectory()) return [p];
    return inputFiles(
      fs
        .readdirSync(p)
        .sort()
        .map((f) => path.join(p, f))
        .filter((f) => fs.statSync(f).isDirectory() || /\.(ya?ml|conf)$/.test(f)),
    );
  });
}

/** Reads files and folders; a file that cannot be read is one line of `unreadable`, never a throw. */
export function readInputs(paths: readonly string[]): MigrationInput {
  const objects: InputObject[] = [];
  const nginx: NginxStreamFacts[] = [];
  const unreadable: string[] = [];
  for (const file of inputFiles(paths)) {
    const text = fs.readFileSync(file, 'utf-8');
    if (!file.endsWith('.conf')) {
      objects.push(...objectsOf(text, file, unreadable));
      continue;
    }
    try {
      nginx.push(streamFacts(file, text));
    } catch (e) {
      unreadable.push(`${file}: not an nginx stream configuration: ${(e as Error).message}`);
    }
  }
  return { objects, nginx, unreadable };
}

/** Reads YAML text given in memory (the library entry point and tests). */
export function readText(text: string, file = '<input>'): MigrationInput {
  const unreadable: string[] = [];
  return { objects: objectsOf(text, file, unreadable), nginx: [], unreadable };
}
