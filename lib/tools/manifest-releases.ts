/**
 * Which Strimzi release each manifest file targets, read from the manifests themselves: the
 * operator image tag (`quay.io/strimzi/operator:<tag>`) and CRD references (a `kustomization.yaml`
 * naming `.../releases/download/<tag>/strimzi-crds-<tag>.yaml`) in the file or beside it, else the
 * newest release that serves the file's Strimzi API versions and Kafka versions.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { STRIMZI_RELEASES, compareVersions } from '../core/release';
import { ManifestCheckError } from './crd-schema';

/** An object of a manifest, as far as these checks read it. */
export interface ManifestObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: { readonly name?: string };
  readonly spec?: { readonly kafka?: { readonly version?: string } };
  readonly resources?: readonly unknown[];
}

/** One YAML file: its Kubernetes objects, and the CRD release its kustomization refers to. */
export interface ManifestFile {
  readonly file: string;
  /** Kubernetes objects (a `Kustomization` is not one: it is read for its CRD reference). */
  readonly objects: ManifestObject[];
  /** Releases this file itself names (operator image tag, CRD reference). */
  readonly names: { readonly tag: string; readonly how: string }[];
}

/** The release a file is checked against, and how it was found. */
export interface ReleaseChoice {
  readonly tag: string;
  readonly why: string;
}

const KNOWN = new Set(STRIMZI_RELEASES.map((r) => r.tag));
const CRD_URL = /\/releases\/download\/([^/]+)\/strimzi-crds-\1\.yaml$/;
const OPERATOR_IMAGE = /(^|\/)strimzi\/operator:([^@/]+)(@.*)?$/;

/** The `.yaml`/`.yml` files of paths, folders walked recursively, each list sorted by path. */
function yamlFiles(p: string): string[] {
  if (!fs.existsSync(p)) throw new ManifestCheckError(`${p} does not exist`);
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs
    .readdirSync(p)
    .sort()
    .flatMap((f) => {
      const full = path.join(p, f);
      return fs.statSync(full).isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(f) ? [full] : [];
    });
}

/** Releases an object names: the operator image of a Deployment, or the CRD bundle of a Kustomization. */
function namedReleases(o: ManifestObject, file: string): { tag: string; how: string }[] {
  if (o.kind === 'Kustomization') {
    return (o.resources ?? [])
      .map((r) => CRD_URL.exec(String(r))?.[1])
      .filter((t): t is string => t !== undefined && KNOWN.has(t))
      .map((tag) => ({ tag, how: `CRD reference in ${file}` }));
  }
  if (o.kind !== 'Deployment') return [];
  const pod = (o.spec as { template?: { spec?: { containers?: { image?: string }[] } } } | undefined)?.template;
  return (pod?.spec?.containers ?? [])
    .map((c) => OPERATOR_IMAGE.exec(String(c.image ?? ''))?.[2])
    .filter((t): t is string => t !== undefined && KNOWN.has(t))
    .map((tag) => ({ tag, how: `operator image in ${file}` }));
}

/**
 * Reads every YAML file of the paths (folders recursively).
 * @throws ManifestCheckError (one-line message) for a missing path or a file that is not YAML
 */
export function readManifestFiles(paths: readonly string[]): ManifestFile[] {
  return paths.flatMap(yamlFiles).map((file) => {
    const all = YAML.parseAllDocuments(fs.readFileSync(file, 'utf-8')).map((d) => {
      if (d.errors.length > 0) {
        throw new ManifestCheckError(`${file}: not readable as YAML: ${d.errors[0].message.split('\n')[0]}`);
      }
      return d.toJSON() as ManifestObject | null;
    });
    const objects = all.filter((o): o is ManifestObject => !!o);
    return {
      file,
      objects: objects.filter((o) => o.kind !== 'Kustomization'),
      names: objects.flatMap((o) => namedReleases(o, file)),
    };
  });
}

/** The newest release serving the file's Strimzi API versions and supporting its Kafka versions. */
function inferred(f: ManifestFile): ReleaseChoice | undefined {
  const strimzi = f.objects.filter((o) => /\.strimzi\.io\//.test(String(o.apiVersion)));
  const apis = [...new Set(strimzi.map((o) => String(o.apiVersion).split('/')[1]))].sort();
  const kafkas = [...new Set(strimzi.map((o) => o.spec?.kafka?.version).filter((v): v is string => !!v))].sort();
  if (apis.length === 0) return undefined;
  const fits = STRIMZI_RELEASES.filter(
    (r) =>
      apis.every((a) => (r.apiVersions as readonly string[]).includes(a)) &&
      kafkas.every((k) => r.kafkaVersions.some((v) => v.version === k)),
  );
  const newest = [...fits].sort((a, b) => compareVersions(b.tag, a.tag))[0];
  const what = `kafka.strimzi.io/${apis.join(' and ')}${kafkas.length > 0 ? ` with Kafka ${kafkas.join(', ')}` : ''}`;
  if (!newest) throw new ManifestCheckError(`${f.file}: no Strimzi release serves ${what}; pass --strimzi`);
  return { tag: newest.tag, why: `newest release serving ${what} (pass --strimzi to pin)` };
}

/** The releases named by the YAML files of a folder and the kustomizations one folder down (its stages). */
function namedBeside(dir: string): { tag: string; how: string }[] {
  const entries = fs.readdirSync(dir).sort();
  const files = entries.flatMap((e) => {
    const full = path.join(dir, e);
    if (!fs.statSync(full).isDirectory()) return /\.ya?ml$/.test(e) ? [full] : [];
    return fs.existsSync(path.join(full, 'kustomization.yaml')) ? [path.join(full, 'kustomization.yaml')] : [];
  });
  return readManifestFiles(files).flatMap((f) => f.names);
}

/**
 * The release of every file: one it names itself, else the one the files beside it name (the YAML
 * files of its folder and the kustomizations one folder down, read from disk), else inferred from
 * its API and Kafka versions. Files with no Strimzi object and no release beside them are checked
 * against the newest release (core objects do not depend on it).
 * @throws ManifestCheckError when a file names two releases, or no release serves what it holds
 */
export function releasesOf(files: readonly ManifestFile[]): Map<string, ReleaseChoice> {
  const beside = new Map<string, { tag: string; how: string }[]>();
  const newest = STRIMZI_RELEASES[STRIMZI_RELEASES.length - 1].tag;
  const result = new Map<string, ReleaseChoice>();
  for (const f of files) {
    const own = [...new Set(f.names.map((n) => n.tag))];
    if (own.length > 1) throw new ManifestCheckError(`${f.file}: names Strimzi ${own.join(' and ')}; pass --strimzi`);
    const dir = path.dirname(f.file);
    if (!beside.has(dir)) beside.set(dir, namedBeside(dir));
    const near = beside.get(dir)!;
    const named = own.length === 1 ? f.names : new Set(near.map((n) => n.tag)).size === 1 ? near : [];
    const choice: ReleaseChoice | undefined = named.length
      ? { tag: named[0].tag, why: named[0].how }
      : (inferred(f) ?? { tag: newest, why: 'no Strimzi object' });
    result.set(f.file, choice);
  }
  return result;
}
