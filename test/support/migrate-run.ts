import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import * as YAML from 'yaml';

const ROOT = path.resolve(__dirname, '..', '..');

/** The compiler options of cdk8s-cli's `typescript-app` template (strict, no skipLibCheck). */
export function templateCompilerOptions(): ts.CompilerOptions {
  const file = path.join(ROOT, 'node_modules/cdk8s-cli/templates/typescript-app/tsconfig.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf-8'));
  return ts.convertCompilerOptionsFromJson(json.compilerOptions, path.dirname(file)).options;
}

/** A temporary folder per app, with `node_modules` linked to this repository's. */
export function appFolders(count: number): { root: string; dirs: string[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-corpus-'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
  const dirs = Array.from({ length: count }, (_, i) => path.join(root, `app-${i}`));
  dirs.forEach((d) => fs.mkdirSync(d));
  return { root, dirs };
}

/**
 * Type-checks every `main.ts` in ONE program under the template's options, the package name
 * mapped to this repository's `lib/index.ts`; returns the diagnostics of those files (the
 * library's own sources are checked by `tsc -p .` under its own options).
 */
export function compileApps(files: readonly string[]): string[] {
  const options: ts.CompilerOptions = {
    ...templateCompilerOptions(),
    noEmit: true,
    baseUrl: ROOT,
    paths: { 'cdk8s-strimzi-kraft': ['lib/index.ts'] },
    types: [],
  };
  const program = ts.createProgram(files, options);
  // only these files are checked (the checker resolves the library's types on demand, without checking its bodies)
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...files.flatMap((f) => {
      const source = program.getSourceFile(f)!;
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    }),
  ];
  return diagnostics.map(
    (d) => `${d.file?.fileName ?? 'options'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
  );
}

/**
 * Runs a generated `main.ts` as `npx ts-node main.ts` would (transpiled to CommonJS), with
 * `cdk8s-strimzi-kraft` resolved to this repository's library and the output in `outdir`; returns
 * the objects of every YAML file written.
 */
export function runApp(mainTs: string, outdir: string, library: unknown): any[] {
  const js = ts.transpileModule(mainTs, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2017 },
  }).outputText;
  const modules: Record<string, unknown> = {
    'cdk8s-strimzi-kraft': library,
    'cdk8s': require('cdk8s'),
    'constructs': require('constructs'),
  };
  const previous = process.env.CDK8S_OUTDIR;
  process.env.CDK8S_OUTDIR = outdir;
  try {
    const module = { exports: {} };
    new Function('require', 'module', 'exports', js)((m: string) => modules[m], module, module.exports);
  } finally {
    if (previous === undefined) delete process.env.CDK8S_OUTDIR;
    else process.env.CDK8S_OUTDIR = previous;
  }
  return fs
    .readdirSync(outdir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => YAML.parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf-8')).map((d) => d.toJSON()));
}
