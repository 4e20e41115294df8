/**
 * strimzi-kraft migrate <files or folders...> --out <folder> [--strimzi <release>] [--namespace <ns>] [--force]
 *   Reads Strimzi resources (plain manifests or `kubectl get -o yaml` output) and nginx files,
 *   reports their problems by the library's rules, and writes a cdk8s app (main.ts, cdk8s.yaml)
 *   that reproduces them with the library's constructs, sorted by kind and name. Exit 1 when nothing
 *   could be migrated; an existing app in the folder is overwritten only with --force.
 */
import * as fs from 'fs';
import * as path from 'path';
import { findStrimziRelease } from '../core/release';
import { MigrationResult, migrate } from './migrate';
import { readInputs } from './read';

const USAGE =
  'usage: strimzi-kraft migrate <files or folders...> --out <folder> [--strimzi <release>] [--namespace <namespace>] ' +
  '[--force]';

interface Args {
  readonly paths: string[];
  readonly out?: string;
  readonly strimziVersion?: string;
  readonly namespace?: string;
  /** Overwrite main.ts and cdk8s.yaml in `out`. */
  readonly force?: boolean;
}

/** The arguments, or a line saying what is wrong with them. */
export function parseMigrateArgs(argv: readonly string[]): Args | string {
  const paths: string[] = [];
  const options: Record<string, string | undefined> = {};
  const flags: Record<string, string> = { '--out': 'out', '--strimzi': 'strimziVersion', '--namespace': 'namespace' };
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = flags[argv[i]];
    if (argv[i] === '--force') force = true;
    else if (flag && argv[i + 1] !== undefined) options[flag] = argv[++i];
    else if (argv[i].startsWith('-')) return `unknown option or missing value: ${argv[i]}`;
    else paths.push(argv[i]);
  }
  if (paths.length === 0 || !options.out) return 'give the files or folders to read and --out <folder>';
  const missing = paths.filter((p) => !fs.existsSync(p));
  if (missing.length > 0) return `no such file or folder: ${missing.join(', ')}`;
  if (options.strimziVersion && !findStrimziRelease(options.strimziVersion)) {
    return `--strimzi ${options.strimziVersion}: not a release the library knows`;
  }
  const existing = ['main.ts', 'cdk8s.yaml'].filter((f) => fs.existsSync(path.join(options.out!, f)));
  if (existing.length > 0 && !force) return `${options.out} already has ${existing.join(', ')} (--force overwrites)`;
  return { paths, ...options, force };
}

/** The report printed on stdout. */
export function formatMigration(result: MigrationResult, out: string | undefined): string {
  const section = (title: string, lines: readonly string[]) =>
    lines.length ? [title, ...lines.map((l) => `  ${l}`), ''] : [];
  const written = result.files.map((f) => path.join(out ?? '.', f.name));
  return [
    ...section('Findings:', result.findings),
    ...section('Not migrated:', result.notMigrated),
    ...section(
      'Migrated (patches: what no prop expresses):',
      result.migrated.map((m) => `${m.object} (${m.patches} patch(es))`),
    ),
    written.length > 0 ? `Wrote ${written.join(', ')}` : 'Nothing to migrate: no file written',
    '',
  ].join('\n');
}

/** Runs `strimzi-kraft migrate`; resolves to the exit code. */
export async function migrateMain(argv: readonly string[], write: (s: string) => void): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    write(`${USAGE}\n`);
    return 0;
  }
  const args = parseMigrateArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`strimzi-kraft migrate: ${args}\n${USAGE}\n`);
    return 2;
  }
  const result = await migrate(readInputs(args.paths), args);
  if (result.files.length > 0) {
    fs.mkdirSync(args.out!, { recursive: true });
    for (const f of result.files) fs.writeFileSync(path.join(args.out!, f.name), f.text);
  }
  write(formatMigration(result, args.out));
  return result.files.length > 0 ? 0 : 1;
}
