import { spawnSync } from 'child_process';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { skipSummary } = require('./support/skip-reporter');
const root = path.resolve(__dirname, '..');

describe('loud skips: one summary line when reference data is missing', () => {
  test('the line counts the skipped tests of the files that lacked data, and says where the data goes', () => {
    // GIVEN two files that lacked ../shared/strimzi (one recorded twice) and a third file that did not
    const strimzi = { dir: '/x/shared/strimzi', holds: "Strimzi's <tag>/crds/", envVar: 'STRIMZI_REF_DIR' };
    const records = [
      { testPath: '/r/test/a.test.ts', ...strimzi },
      { testPath: '/r/test/a.test.ts', ...strimzi },
      { testPath: '/r/test/b.test.ts', dir: '/x/shared/seed', holds: "the seed post's kafka.yaml", envVar: 'SEED_DIR' },
    ];
    const results = [
      { testFilePath: '/r/test/a.test.ts', numPendingTests: 7 },
      { testFilePath: '/r/test/b.test.ts', numPendingTests: 2 },
      { testFilePath: '/r/test/c.test.ts', numPendingTests: 5 },
    ];

    // WHEN summarized THEN 9 tests in 2 files, each folder once, sorted
    expect(skipSummary(records, results)).toBe(
      "SKIPPED 9 test(s) in 2 file(s) for want of reference data: put the seed post's kafka.yaml in /x/shared/seed " +
        "(or set SEED_DIR); Strimzi's <tag>/crds/ in /x/shared/strimzi (or set STRIMZI_REF_DIR); under CI=true " +
        'they fail instead',
    );
    // and nothing at all when no data was missing
    expect(skipSummary([], results)).toBeUndefined();
  });

  test('a jest run without the data ends with that one line, and prints no per-file SKIPPED line', () => {
    // GIVEN a test file that needs ../shared/strimzi, run with the data pointed at a missing folder
    const env: NodeJS.ProcessEnv = { ...process.env, STRIMZI_REF_DIR: '/nonexistent/strimzi', CI: 'false' };
    delete env.STRIMZI_KRAFT_SKIP_DIR;
    delete env.JEST_WORKER_ID;

    // WHEN jest runs it
    const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
    const run = spawnSync(process.execPath, [jest, '--ci=false', 'test/release.test.ts'], {
      cwd: root,
      env,
      encoding: 'utf-8',
      timeout: 120_000,
    });

    // THEN it passes, and its output ends with the summary naming the folder and the variable
    expect(run.status).toBe(0);
    const lines = run.stderr.trim().split('\n');
    const summary = new RegExp(
      '^SKIPPED [1-9]\\d* test\\(s\\) in 1 file\\(s\\) for want of reference data: put .* in ' +
        '/nonexistent/strimzi \\(or set STRIMZI_REF_DIR\\); under CI=true they fail instead$',
    );
    expect(lines[lines.length - 1]).toMatch(summary);
    expect(lines.filter((l) => l.startsWith('SKIPPED '))).toHaveLength(1);
  });
});
