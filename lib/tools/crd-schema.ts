import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import * as YAML from 'yaml';

/**
 * A problem with the inputs of a check (unknown release, a CRD path that does not exist or holds
 * no CRDs, unreadable YAML), as opposed to problems of the checked objects. One-line message.
 */
export class ManifestCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestCheckError';
  }
}

const COMBINATORS = ['oneOf', 'anyOf', 'allOf'];

/**
 * Makes a CRD schema strict: every object with declared `properties` rejects fields it does not
 * declare, unless the CRD says unknown fields are preserved there. (The API server prunes unknown
 * fields silently; the operator then never sees them.)
 */
export function strictSchema(schema: unknown, branch = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => strictSchema(s, branch));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    // the branches of oneOf/anyOf/allOf constrain the object their parent declares (CRDs list a branch's
    // `properties` only to require one of them, e.g. trustedCertificates' certificate or pattern): not closed
    out[k] = k === 'enum' || k === 'required' ? v : strictSchema(v, COMBINATORS.includes(k));
  }
  if (branch) return out;
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
}

/** schemas/strimzi-crd-schemas.json, written by `npm run import` (scripts/import-schemas.js). */
interface SchemaBundle {
  /** Release tag -> `group/version/kind` -> node hash of its openAPIV3Schema. */
  readonly releases: Record<string, Record<string, string>>;
  /** Node hash -> schema, where `{ "$ref": hash }` stands for another node. */
  readonly nodes: Record<string, unknown>;
}

let bundle: SchemaBundle | undefined;
/** One validator engine for every shipped schema: a node shared by releases is compiled once. */
let bundleAjv: Ajv | undefined;
const addedNodes = new Set<string>();

/** The schemas shipped with this package (read once, on first use). */
function schemaBundle(): SchemaBundle {
  if (!bundle) {
    // lib/tools/ in this repository, build/lib/tools/ in the package: the package root holds schemas/
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    const file = path.join(dir, 'schemas', 'strimzi-crd-schemas.json');
    bundle = JSON.parse(fs.readFileSync(file, 'utf-8')) as SchemaBundle;
  }
  return bundle;
}

/** The Strimzi releases whose CRD schemas ship with this package, oldest first. */
export function bundledReleases(): string[] {
  return Object.keys(schemaBundle().releases);
}

/** The compiled validator of a shipped schema node; the nodes it refers to are added as schemas of their own. */
function compileNode(hash: string): ValidateFunction {
  const b = schemaBundle();
  const ajv = (bundleAjv ??= new Ajv({ ...AJV_OPTIONS, inlineRefs: false, validateSchema: false }));
  const add = (h: string): void => {
    if (addedNodes.has(h)) return;
    addedNodes.add(h);
    const refs = (s: unknown): void => {
      if (s === null || typeof s !== 'object') return;
      const ref = (s as { $ref?: unknown }).$ref;
      if (typeof ref === 'string') add(ref);
      else Object.values(s).forEach(refs);
    };
    refs(b.nodes[h]);
    ajv.addSchema(strictSchema(b.nodes[h]) as object, h);
  };
  add(hash);
  return ajv.getSchema(hash)!;
}

const AJV_OPTIONS = { strict: false, allErrors: true, validateFormats: false } as const;

/** `group/version/kind` -> openAPIV3Schema of every served version of the given CRD documents. */
function schemasOfCrds(crds: readonly any[]): Map<string, unknown> {
  const schemas = new Map<string, unknown>();
  for (const crd of crds) {
    for (const v of crd.spec?.versions ?? []) {
      if (v.served && v.schema?.openAPIV3Schema) {
        schemas.set(`${crd.spec.group}/${v.name}/${crd.spec.names?.kind}`, v.schema.openAPIV3Schema);
      }
    }
  }
  return schemas;
}

/** Every CustomResourceDefinition in a YAML file (one CRD or a multi-document bundle). */
function readCrdFile(file: string): any[] {
  let docs: any[];
  try {
    docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf-8')).map((d) => {
      if (d.errors.length > 0) throw d.errors[0];
      return d.toJSON();
    });
  } catch (e) {
    throw new ManifestCheckError(`${file}: not readable as YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  return docs.filter((d) => d?.kind === 'CustomResourceDefinition');
}

/** Where CRDs are read from instead of the bundled schemas, and what was found there. */
function crdsFrom(location: string, tag: string): any[] {
  if (!fs.existsSync(location)) throw new ManifestCheckError(`CRD location ${location} does not exist`);
  let files: string[];
  let where = location;
  if (fs.statSync(location).isDirectory()) {
    const releaseDir = path.join(location, tag, 'crds');
    if (fs.existsSync(releaseDir)) where = releaseDir;
    files = fs
      .readdirSync(where)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => path.join(where, f));
  } else {
    files = [location];
  }
  const crds = files.flatMap(readCrdFile);
  if (crds.length === 0) {
    throw new ManifestCheckError(
      `no CustomResourceDefinition in ${where} (give a folder holding ${tag}/crds/, ` +
        `a folder of CRD files, or Strimzi's strimzi-crds-${tag}.yaml)`,
    );
  }
  return crds;
}

/** Validates objects against the CRD schemas of one Strimzi release, strictly. */
export class CrdSchemaValidator {
  /**
   * The validator of a release: from the schemas shipped with this package, or, with `crds`, from
   * CRD files: a folder holding `<tag>/crds/` (Strimzi's repository layout), a folder of CRD files,
   * or Strimzi's single-file bundle `strimzi-crds-<tag>.yaml`.
   * @throws ManifestCheckError for an unknown release or a location without CRDs
   */
  public static forRelease(tag: string, crds?: string): CrdSchemaValidator {
    if (typeof tag !== 'string' || tag === '') {
      throw new ManifestCheckError("no Strimzi release given (strimziVersion, e.g. '1.2.0')");
    }
    if (crds !== undefined) {
      let ajv: Ajv | undefined;
      const compile = (schema: unknown) => () => (ajv ??= new Ajv(AJV_OPTIONS)).compile(strictSchema(schema) as object);
      const schemas = schemasOfCrds(crdsFrom(crds, tag));
      return new CrdSchemaValidator(tag, new Map([...schemas].map(([k, s]) => [k, compile(s)])));
    }
    const b = schemaBundle();
    const index = b.releases[tag];
    if (!index) {
      const known = Object.keys(b.releases);
      throw new ManifestCheckError(
        `Strimzi ${tag} is not a release this package has CRD schemas for ` +
          `(${known[0]} to ${known[known.length - 1]}: ${known.join(', ')}); ` +
          "pass the release's CRDs to check against it",
      );
    }
    const validators = new Map<string, () => ValidateFunction>();
    for (const [key, hash] of Object.entries(index)) validators.set(key, () => compileNode(hash));
    return new CrdSchemaValidator(tag, validators);
  }

  private readonly validators = new Map<string, ValidateFunction>();

  /** @param schemas `group/version/kind` -> its compiled validator, made on first use */
  private constructor(
    public readonly release: string,
    private readonly schemas: ReadonlyMap<string, () => ValidateFunction>,
  ) {}

  /** True when the release serves this apiVersion and kind. */
  public serves(apiVersion: string, kind: string): boolean {
    return this.schemas.has(`${apiVersion}/${kind}`);
  }

  /** The schema errors of one object (empty when valid); an unserved kind or version is an error. */
  public validate(obj: KubeObject): string[] {
    const where = `${obj.kind}/${obj.metadata?.name} (${obj.apiVersion})`;
    const key = `${obj.apiVersion}/${obj.kind}`;
    const compile = this.schemas.get(key);
    if (compile === undefined) {
      return [`${where}: Strimzi ${this.release} does not serve ${obj.apiVersion} ${obj.kind}`];
    }
    let validate = this.validators.get(key);
    if (!validate) {
      validate = compile();
      this.validators.set(key, validate);
    }
    if (validate(obj)) return [];
    return (validate.errors ?? []).map((e) => {
      const extra =
        e.keyword === 'additionalProperties'
          ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'`
          : '';
      return `${where}: ${e.instancePath || '/'} ${e.message}${extra}`;
    });
  }
}
