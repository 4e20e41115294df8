/** The objects of the YAML files `StrimziCrds` includes, read with the `yaml` parser for the content check. */
import * as fs from 'fs';
import * as path from 'path';
import { IncludedObject } from '../model/semantics/crds-content';

/** Every object of a YAML file, or of a folder's `.yaml`/`.yml` files in name order; [] when unreadable. */
export function includedObjects(from: string): IncludedObject[] {
  // loaded here, not with the library: only an app that includes CRD files pays for the parser
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const YAML = require('yaml') as typeof import('yaml');
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
