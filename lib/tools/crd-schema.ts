import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import * as YAML from 'yaml';

/** The Strimzi reference data folder: `$STRIMZI_REF_DIR`, else `shared/strimzi` beside this package's folder. */
export function strimziRefDir(): string {
  if (process.env.STRIMZI_REF_DIR) return process.env.STRIMZI_REF_DIR;
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.resolve(dir, '..', 'shared', 'strimzi');
}

/**
 * Makes a CRD schema strict: every object with declared `properties` rejects fields it does not
 * declare, unless the CRD says unknown fields are preserved there. (The API server prunes unknown
 * fields silently; the operator then never sees them.)
 */
export function strictSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === 'enum' || k === 'required' ? v : strictSchema(v);
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

interface KubeObject { apiVersion?: string; kind?: string; metadata?: { name?: string } }

/** Validates objects against the CRD schemas of one Strimzi release, strictly. */
export class CrdSchemaValidator {
  /** Loads every CRD (`04*-Crd-*.yaml`) of a release from `<refDir>/<tag>/crds/`. */
  public static forRelease(tag: string, refDir: string = strimziRefDir()): CrdSchemaValidator {
    const dir = path.join(refDir, tag, 'crds');
    if (!fs.existsSync(dir)) {
      throw new Error(`No CRDs for Strimzi ${tag} in ${dir}; set STRIMZI_REF_DIR to the folder that holds <tag>/crds/`);
    }
    const crds = fs.readdirSync(dir).filter((f) => /^04.*-Crd-.*\.yaml$/.test(f)).sort()
      .map((f) => YAML.parse(fs.readFileSync(path.join(dir, f), 'utf-8')));
    return new CrdSchemaValidator(tag, crds);
  }

  private readonly validators = new Map<string, ValidateFunction>();

  private constructor(public readonly release: string, crds: any[]) {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    for (const crd of crds) {
      for (const v of crd.spec.versions) {
        if (!v.served) continue;
        this.validators.set(`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`, ajv.compile(strictSchema(v.schema.openAPIV3Schema) as object));
      }
    }
  }

  /** True when the release serves this apiVersion and kind. */
  public serves(apiVersion: string, kind: string): boolean {
    return this.validators.has(`${apiVersion}/${kind}`);
  }

  /** The schema errors of one object (empty when valid); an unserved kind or version is an error. */
  public validate(obj: KubeObject): string[] {
    const where = `${obj.kind}/${obj.metadata?.name} (${obj.apiVersion})`;
    const validate = this.validators.get(`${obj.apiVersion}/${obj.kind}`);
    if (!validate) return [`${where}: Strimzi ${this.release} does not serve ${obj.apiVersion} ${obj.kind}`];
    if (validate(obj)) return [];
    return (validate.errors ?? []).map((e) => {
      const extra = e.keyword === 'additionalProperties' ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'` : '';
      return `${where}: ${e.instancePath || '/'} ${e.message}${extra}`;
    });
  }
}
