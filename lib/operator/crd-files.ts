/** The objects of the YAML files `StrimziCrds` includes, read with the `yaml` parser for the content check. */
import * as fs from 'fs';
import * as path from 'path';
import { IncludedObject } from '../model/semantics/crds-content';

/** The YAML files of `from`: the file itself, or the folder's `.yaml`/`.yml` files in name order. */
export function crdSourceFiles(from: string): string[] {
  return fs.statSync(from).isDirectory()
    ? fs
        .readdirSync(from)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => path.join(from, f))
    : [from];
}

/** Every object of a YAML file, or of a folder's `.yaml`/`.yml` files in name order; [] when unreadable. */
export function includedObjects(from: string): IncludedObject[] {
  // loaded here, not with the library: only an app that includes CRD files pays for the parser
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const YAML = require('yaml') as typeof import('yaml');
  try {
    return crdSourceFiles(from).flatMap((f) =>
      YAML.parseAllDocuments(fs.readFileSync(f, 'utf-8'))
        .map((d) => d.toJSON() as IncludedObject)
        .filter((o) => o !== null && typeof o === 'object'),
    );
  } catch {
    return []; // reported by the include itself
  }
}
