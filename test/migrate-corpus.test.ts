import * as fs from 'fs';
import * as path from 'path';
import { ESLint } from 'eslint';
import * as library from '../lib';
import {
  MigrationInput,
  MigrationResult,
  prettierFor,
  migrate,
  normalizePair,
  readInputs,
  sameJson,
  withoutPointers,
} from '../lib/migrate';

import { CorpusCase, corpusCases, seedCase } from './support/migrate-corpus';
import { appFolders, compileApps, runApp } from './support/migrate-run';
import { describeIf, seedDir, strimziRefDir } from './support/reference';

const strimzi = strimziRefDir('test/migrate-corpus.test.ts (every packaging example of 20 releases migrated)');
const seed = seedDir('test/migrate-corpus.test.ts (the seed manifest migrated)');

interface Outcome {
  readonly c: CorpusCase;
  readonly input?: MigrationInput;
  readonly result?: MigrationResult;
  readonly crash?: string;
}

const MIGRATED = /^kind:\s*(Kafka|KafkaNodePool|KafkaUser|KafkaTopic|KafkaRebalance)\s*$/gm;
const key = (o: any) => `${o.kind} ${o.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata?.name}`;

describeIf(strimzi && seed)('migrate: every packaging example of every release, and the seed', () => {
  const cases = strimzi && seed ? [seedCase(seed), ...corpusCases(strimzi)] : [];
  const outcomes: Outcome[] = [];
  const withApp = () => outcomes.filter((o) => o.result && o.result.files.length > 0);

  beforeAll(async () => {
    // GIVEN every corpus file read once
    const read = new Map<string, MigrationInput>();
    const input = (files: string[]): MigrationInput => {
      const parts = files.map((f) => read.get(f) ?? read.set(f, readInputs([f])).get(f)!);
      return { objects: parts.flatMap((p) => p.objects), nginx: parts.flatMap((p) => p.nginx), unreadable: [] };
    };
    // WHEN each is migrated on the release it ships with
    for (const c of cases) {
      try {
        // (formatting is checked on a sample below: it changes only white space, and costs a third of the time)
        outcomes.push({ c, input: input(c.inputs), result: await migrate(input(c.inputs), { ...c, format: false }) });
      } catch (e) {
        outcomes.push({ c, crash: (e as Error).message });
      }
    }
  }, 120_000);

  test('the corpus is the 610 example files of 20 releases plus the seed, and none crashes', () => {
    expect(cases.length).toBe(611);
    expect(outcomes.filter((o) => o.crash).map((o) => `${o.c.name}: ${o.crash}`)).toEqual([]);
  });

  test('every Kafka, KafkaNodePool, KafkaUser, KafkaTopic and KafkaRebalance of each file is migrated or has one reason line', () => {
    const unexplained: string[] = [];
    for (const { c, result } of outcomes) {
      const declared = fs.readFileSync(c.file, 'utf-8').match(MIGRATED)?.length ?? 0;
      const migrated = result!.migrated.filter((m) => m.file === c.file).length;
      const reasons = result!.notMigrated.filter(
        (l) => l.includes(`(${c.file})`) && /^Kafka(NodePool|User|Topic|Rebalance)? /.test(l),
      );
      if (migrated + reasons.length !== declared)
        unexplained.push(`${c.name}: ${declared} declared, ${migrated} migrated`);
      for (const r of reasons) if (r.includes('\n')) unexplained.push(`${c.name}: reason on several lines: ${r}`);
    }
    expect(unexplained).toEqual([]);
  });

  test('the KRaft examples are migrated, the ZooKeeper ones say so', () => {
    const kraft = outcomes.filter((o) => /\/kraft\//.test(o.c.name));
    expect(kraft.length).toBe(35);
    expect(kraft.filter((o) => o.result!.notMigrated.length > 0).map((o) => o.c.name)).toEqual([]);
    const zookeeper = outcomes.filter((o) => /^\s*zookeeper:/m.test(fs.readFileSync(o.c.file, 'utf-8')));
    for (const o of zookeeper) {
      expect(
        o.result!.notMigrated.some((l) => l.endsWith('uses ZooKeeper; the library builds KRaft clusters only')),
      ).toBe(true);
    }
    expect(withApp().length).toBe(411);
  });

  test('the generated apps compile under the typescript-app tsconfig, in one program', () => {
    // GIVEN every generated main.ts written to a folder of its own
    const apps = withApp();
    const { root, dirs } = appFolders(apps.length);
    const files = apps.map((o, i) => {
      const file = path.join(dirs[i], 'main.ts');
      fs.writeFileSync(file, o.result!.files.find((f) => f.name === 'main.ts')!.text);
      return file;
    });
    // WHEN they are type-checked together; THEN no diagnostic
    expect(compileApps(files)).toEqual([]);
    fs.rmSync(root, { recursive: true, force: true });
  }, 60_000);

  test('every generated app, run, writes back its input objects up to the declared normalizations', () => {
    const apps = withApp();
    const { root, dirs } = appFolders(apps.length);
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const differences: string[] = [];
    apps.forEach(({ c, result }, i) => {
      const main = result!.files.find((f) => f.name === 'main.ts')!.text;
      const written = new Map(runApp(main, path.join(dirs[i], 'dist'), library).map((o) => [key(o), o]));
      const pruned = new Map(
        result!.plan.charts.flatMap(resourcesOf).map((r) => [key(r.source.object), r.pruned ?? []]),
      );
      for (const r of result!.plan.charts.flatMap(resourcesOf)) {
        const inputObject = withoutPointers(r.source.object, pruned.get(key(r.source.object)) ?? []);
        const pair = normalizePair(inputObject, written.get(key(r.source.object)));
        if (!sameJson(pair.input, pair.output)) differences.push(`${c.name}: ${key(r.source.object)}`);
      }
      if (written.size !== result!.migrated.length) differences.push(`${c.name}: ${written.size} objects written`);
    });
    quiet.mockRestore();
    fs.rmSync(root, { recursive: true, force: true });
    expect(differences).toEqual([]);
  }, 60_000);

  test("the generated code is prettier-formatted and passes the project's lint (every 10th app, the seed first)", async () => {
    const prettier = prettierFor()!;
    // the project's config, passed as data (ESLint would load the file with a dynamic import jest lacks)
    const eslint = new ESLint({
      cwd: path.resolve(__dirname, '..'),
      overrideConfigFile: true,
      overrideConfig: require('../eslint.config.js'),
    });
    const problems: string[] = [];
    for (const o of withApp().filter((_, i) => i % 10 === 0)) {
      const main = (await migrate(o.input!, o.c)).files.find((f) => f.name === 'main.ts')!.text;
      if (!(await prettier.check(main))) problems.push(`${o.c.name}: not prettier-formatted`);
      const [lint] = await eslint.lintText(main, { filePath: path.resolve(__dirname, '..', 'apps', 'migrated.ts') });
      problems.push(...lint.messages.map((m) => `${o.c.name}:${m.line}: ${m.message}`));
    }
    expect(problems).toEqual([]);
  }, 30_000);
});

/** Every resource plan of a chart (cluster, pools, users, topics). */
function resourcesOf(chart: MigrationResult['plan']['charts'][number]) {
  return [...chart.clusters.flatMap((c) => [c, ...c.pools]), ...chart.entities];
}
