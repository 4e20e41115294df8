/**
 * Reads a synthesized output: every YAML document of a folder (or file), or of a folder at a git
 * ref of the repository the folder is in (`git show <ref>:<path>`).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';

/** One synthesized output as parsed objects, sorted by file then position. */
export interface Output {
  /** How it was named (`dist/seed`, `origin/main:dist/seed`). */
  readonly label: string;
  readonly objects: unknown[];
}

const isYaml = (f: string) => /\.ya?ml$/.test(f);

/** The YAML documents of one file's text (empty documents are skipped). */
export function parseYamlDocuments(text: string, file: string): unknown[] {
  // uniqueKeys: false halves the parse time of a large output; synthesized YAML has no repeated keys
  return YAML.parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false }).flatMap((d) => {
    if (d.errors.length > 0) throw new Error(`${file}: not YAML: ${d.errors[0].message.split('\n')[0]}`);
    const js = d.toJS({ maxAliasCount: 100 });
    if (js === null || js === undefined) return [];
    // `kubectl get -o yaml` of several objects: a List of items
    return js.kind === 'List' && Array.isArray(js.items) ? js.items : [js];
  });
}

function yamlFiles(p: string): string[] {
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs
    .readdirSync(p, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => {
      const full = path.join(p, e.name);
      if (e.isDirectory()) return yamlFiles(full);
      return e.isFile() && isYaml(e.name) ? [full] : [];
    });
}

/** Every object of the YAML files in a folder (recursively) or of one file. */
export function readOutputFolder(p: string): Output {
  if (!fs.existsSync(p)) throw new Error(`no such file or folder: ${p}`);
  const objects = yamlFiles(p).flatMap((f) => parseYamlDocuments(fs.readFileSync(f, 'utf-8'), f));
  return { label: p, objects };
}

const git = (cwd: string, args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf-8',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/**
 * Every object of the YAML files under `p` at git `ref` of the repository around `cwd`
 * (the folder as it was committed; `p` is relative to `cwd`). An empty output when `p` did not
 * exist at the ref (the first commit of an app).
 */
export function readOutputAtRef(ref: string, p: string, cwd = process.cwd()): Output {
  const label = `${ref}:${p}`;
  let files: string[];
  try {
    files = git(cwd, ['ls-tree', '-r', '--name-only', '--full-name', ref, '--', p]).split('\n').filter(isYaml);
  } catch (e) {
    const msg = String((e as { stderr?: string }).stderr ?? (e as Error).message)
      .trim()
      .split('\n')[0];
    throw new Error(`cannot read ${label}: ${msg}`);
  }
  const root = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  const objects = files.sort().flatMap((f) => parseYamlDocuments(git(root, ['show', `${ref}:${f}`]), `${ref}:${f}`));
  return { label, objects };
}

/** `<ref>:<path>` when the argument names no file but has that form, else a path. */
export function readOutput(arg: string, cwd = process.cwd()): Output {
  const m = /^([^:]+):(.+)$/.exec(arg);
  if (!fs.existsSync(path.resolve(cwd, arg)) && m) return readOutputAtRef(m[1], m[2], cwd);
  return { ...readOutputFolder(path.resolve(cwd, arg)), label: arg };
}
