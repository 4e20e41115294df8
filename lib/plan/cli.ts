/**
 * strimzi-kraft plan <before> <after> [--format text|markdown|json] [--allow-destructive]
 *   Compares two synthesized outputs (folders, files, or <git ref>:<folder> of the repository
 *   around the current folder) and prints every change with its consequence. Exit 1 on a refused
 *   order or a destructive change (unless --allow-destructive), 2 on a usage or input problem.
 */
import { findStrimziRelease } from '../core/release';
import { formatPlan, formatPlanMarkdown } from './format';
import { planChanges, planFails } from './plan';
import { readOutput } from './read';

/** The usage text `strimzi-kraft plan` prints with `--help` and after a usage error. */
export const PLAN_USAGE =
  'usage: strimzi-kraft plan <before> <after> [--format text|markdown|json] [--allow-destructive]\n' +
  '                          [--release-before TAG] [--release-after TAG]\n' +
  '       <before>, <after>: a folder or file of synthesized YAML, or <git ref>:<folder> (origin/main:dist/app)\n' +
  '       --release-before/-after: the Strimzi release running, when the outputs hold no operator (Helm, OLM)';

interface PlanArgs {
  readonly before: string;
  readonly after: string;
  readonly format: 'text' | 'markdown' | 'json';
  readonly allowDestructive: boolean;
  readonly releases: { before?: string; after?: string };
}

const FORMATS = ['text', 'markdown', 'json'];
const RELEASE_OPTIONS: Record<string, 'before' | 'after'> = {
  '--release-before': 'before',
  '--release-after': 'after',
};

function parseArgs(args: string[]): PlanArgs | string {
  const paths: string[] = [];
  let format: PlanArgs['format'] = 'text';
  let allowDestructive = false;
  const releases: PlanArgs['releases'] = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--allow-destructive') allowDestructive = true;
    else if (a in RELEASE_OPTIONS && findStrimziRelease(args[i + 1] ?? '')) releases[RELEASE_OPTIONS[a]] = args[++i];
    else if (a in RELEASE_OPTIONS) return `${a} ${args[i + 1] ?? ''}: not a Strimzi release this library knows`;
    else if (a === '--format' && FORMATS.includes(args[i + 1])) format = args[++i] as PlanArgs['format'];
    else if (a.startsWith('-')) return `unknown option or value: ${a} ${args[i + 1] ?? ''}`.trim();
    else paths.push(a);
  }
  if (paths.length !== 2) return `expected <before> and <after>, got ${paths.length} path(s)`;
  return { before: paths[0], after: paths[1], format, allowDestructive, releases };
}

/** Runs `strimzi-kraft plan`; resolves to the exit code. */
export function planMain(
  args: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): number {
  if (args.includes('--help') || args.includes('-h')) {
    out(`${PLAN_USAGE}\n`);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    err(`strimzi-kraft plan: ${parsed}\n${PLAN_USAGE}\n`);
    return 2;
  }
  let plan;
  try {
    const [before, after] = [readOutput(parsed.before).objects, readOutput(parsed.after).objects];
    for (const [label, objects] of [
      [parsed.before, before],
      [parsed.after, after],
    ] as const) {
      // a first commit has no previous output; a wrong path or ref would look the same, so say it
      if (objects.length === 0)
        err(`strimzi-kraft plan: note: ${label} holds no objects (a first commit, or a wrong path?)\n`);
    }
    plan = planChanges(before, after, { releases: parsed.releases });
  } catch (e) {
    err(`strimzi-kraft plan: ${(e as Error).message}\n`);
    return 2;
  }
  const title = `Plan ${parsed.before} -> ${parsed.after}`;
  if (parsed.format === 'json') out(`${JSON.stringify(plan, null, 2)}\n`);
  else out(parsed.format === 'markdown' ? formatPlanMarkdown(plan, title) : formatPlan(plan, title));
  return planFails(plan, parsed.allowDestructive) ? 1 : 0;
}
