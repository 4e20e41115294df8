#!/usr/bin/env node
import { ManifestCheckError } from './crd-schema';
import { readManifests, validateManifests } from './validate-manifests';

const USAGE =
  'usage: strimzi-kraft-validate --strimzi <release> [--crds <folder or strimzi-crds-<tag>.yaml>] ' +
  '<file or folder>...';

/**
 * strimzi-kraft-validate --strimzi <release> [--crds <folder or file>] <file or folder>...
 * Validates synthesized manifests (see validateManifests) against the CRD schemas shipped with
 * this package, or the given CRDs. Exits 1 when any object is invalid, 2 on a usage problem.
 */
export function main(argv: string[]): number {
  let strimziVersion: string | undefined;
  let crds: string | undefined;
  const paths: string[] = [];
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--strimzi') strimziVersion = argv[++i];
    else if (argv[i] === '--crds') crds = argv[++i];
    else paths.push(argv[i]);
  }
  if (!strimziVersion || paths.length === 0 || paths.some((p) => p === undefined || p.startsWith('--'))) {
    console.error(USAGE);
    return 2;
  }
  try {
    const { checked, errors } = validateManifests(readManifests(paths), { strimziVersion, crds });
    const total = Object.values(checked).reduce((a, b) => a + b, 0);
    for (const e of errors) console.error(e);
    const kinds = Object.entries(checked)
      .sort()
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    console.log(`Strimzi ${strimziVersion}: ${total} objects checked (${kinds}); ${errors.length} problem(s)`);
    return errors.length > 0 ? 1 : 0;
  } catch (e) {
    if (!(e instanceof ManifestCheckError)) throw e;
    console.error(`strimzi-kraft-validate: ${e.message}`);
    return 2;
  }
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
