#!/usr/bin/env node
import { compareVersions } from '../core/release';
import { CrdSchemaValidator, ManifestCheckError } from './crd-schema';
import { ManifestFile, ReleaseChoice, readManifestFiles, releasesOf } from './manifest-releases';
import { validateWith } from './validate-manifests';

const USAGE =
  'usage: strimzi-kraft-validate [--strimzi <release>] [--crds <folder or strimzi-crds-<tag>.yaml>] ' +
  '<file or folder>...';

interface Args {
  readonly strimziVersion?: string;
  readonly crds?: string;
  readonly paths: string[];
}

/** The arguments, or undefined when they are not usable. */
function parse(argv: string[]): Args | undefined {
  let strimziVersion: string | undefined;
  let crds: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--strimzi') strimziVersion = argv[++i] ?? '';
    else if (argv[i] === '--crds') crds = argv[++i] ?? '';
    else paths.push(argv[i]);
  }
  const bad = strimziVersion === '' || crds === '' || paths.length === 0 || paths.some((p) => p.startsWith('--'));
  return bad ? undefined : { strimziVersion, crds, paths };
}

/** Checks one release's files; prints each problem (`<file>: <problem>`) and the release's summary line. */
function checkRelease(tag: string, files: ManifestFile[], whys: string[], crds: string | undefined): number {
  const validator = CrdSchemaValidator.forRelease(tag, crds);
  const checked: Record<string, number> = {};
  let problems = 0;
  for (const f of files) {
    const result = validateWith(validator, f.objects);
    for (const [k, n] of Object.entries(result.checked)) checked[k] = (checked[k] ?? 0) + n;
    result.errors.forEach((e) => console.log(`${f.file}: ${e}`));
    problems += result.errors.length;
  }
  const total = Object.values(checked).reduce((a, b) => a + b, 0);
  const kinds = Object.entries(checked)
    .sort()
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const why = whys.length > 0 ? ` (${whys.join('; ')})` : '';
  console.log(`Strimzi ${tag}${why}: ${total} objects checked (${kinds}); ${problems} problem(s)`);
  return problems;
}

/**
 * strimzi-kraft-validate [--strimzi <release>] [--crds <folder or file>] <file or folder>...
 * Validates synthesized manifests (see validateManifests), each file against the release it
 * targets: the operator image or CRD reference in it or beside it, else the newest release that
 * serves its API and Kafka versions; `--strimzi` checks every file against one release instead.
 * Folders are read recursively. The report goes to stdout; exits 1 when any object is invalid, 2 on
 * a usage or input problem (one line on stderr).
 */
export function main(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const args = parse(argv);
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  try {
    const files = readManifestFiles(args.paths);
    const override = args.strimziVersion;
    const choices = override
      ? new Map(files.map((f): [string, ReleaseChoice] => [f.file, { tag: override, why: '' }]))
      : releasesOf(files);
    const tags = [...new Set([...choices.values()].map((c) => c.tag))].sort(compareVersions);
    let problems = 0;
    for (const tag of tags) {
      const mine = files.filter((f) => choices.get(f.file)!.tag === tag);
      const whys = [...new Set(mine.map((f) => choices.get(f.file)!.why).filter((w) => w !== ''))];
      problems += checkRelease(tag, mine, whys, args.crds);
    }
    const read = files.filter((f) => f.objects.length > 0).length;
    if (tags.length > 1) console.log(`${read} file(s), ${tags.length} releases; ${problems} problem(s)`);
    return problems > 0 ? 1 : 0;
  } catch (e) {
    if (!(e instanceof ManifestCheckError)) throw e;
    console.error(`strimzi-kraft-validate: ${e.message}`);
    return 2;
  }
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
