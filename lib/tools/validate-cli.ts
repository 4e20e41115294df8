#!/usr/bin/env node
import { readManifests, validateManifests } from './validate-manifests';

/**
 * strimzi-kraft-validate --strimzi <release> [--ref-dir <dir>] <file or folder>...
 * Validates synthesized manifests (see validateManifests); exits 1 when any object is invalid.
 */
export function main(argv: string[]): number {
  let strimziVersion: string | undefined;
  let refDir: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--strimzi') strimziVersion = argv[++i];
    else if (argv[i] === '--ref-dir') refDir = argv[++i];
    else paths.push(argv[i]);
  }
  if (!strimziVersion || paths.length === 0) {
    console.error('usage: strimzi-kraft-validate --strimzi <release> [--ref-dir <dir>] <file or folder>...');
    return 2;
  }
  const { checked, errors } = validateManifests(readManifests(paths), { strimziVersion, refDir });
  const total = Object.values(checked).reduce((a, b) => a + b, 0);
  for (const e of errors) console.error(e);
  console.log(`Strimzi ${strimziVersion}: ${total} objects checked (${Object.entries(checked).sort().map(([k, n]) => `${n} ${k}`).join(', ')}); ${errors.length} problem(s)`);
  return errors.length > 0 ? 1 : 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
