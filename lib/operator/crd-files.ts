/** The objects of the YAML files `StrimziCrds` includes, read with the `yaml` parser for the content check. */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { IncludedObject } from '../model/semantics/crds-content';

/** Every object of a YAML file, or of a folder's `.yaml`/`.yml` files in name order; [] when unreadable. */
export function includedObjects(from: string): IncludedObject[] {
  try {
    const files = fs.statSync(from).isDirectory()
      ? fs
          .readdirSync(from)
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
          .map((f) => path.join(from, f))
      : [from];
    return files.flatMap((f) =>
      YAML.parseAllDocuments(fs.readFileSync(f, 'utf-8'))
        .map((d) => d.toJSON() as IncludedObject)
        .filter((o) => o !== null && typeof o === 'object'),
    );
  } catch {
    return []; // reported by the include itself
  }
}
