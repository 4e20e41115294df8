import * as fs from 'fs';
import * as path from 'path';
import { ESLint } from 'eslint';

const root = path.join(__dirname, '..');
// the project's own config, given directly (ESLint's loader needs dynamic import, which jest's VM lacks)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const eslint = () =>
  new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: require('../eslint.config.js') });

/** Every lib file that defines a construct class. */
function constructFiles(dir = path.join(root, 'lib')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return constructFiles(file);
    const text = e.name.endsWith('.ts') ? fs.readFileSync(file, 'utf8') : '';
    return /class \w+ extends (Construct|KafkaUser)\b/.test(text) ? [path.relative(root, file)] : [];
  });
}

describe('construct files place findings; *-model.ts files make them', () => {
  test('every file that defines a construct is under the lint rule', async () => {
    // GIVEN the files that define constructs
    const files = constructFiles().sort();

    // WHEN their lint configuration is read
    const restricted = await Promise.all(
      files.map(async (f) => (await eslint().calculateConfigForFile(f)).rules?.['no-restricted-imports']?.[0]),
    );

    // THEN each has the rule on (ten today: cluster, pools, listeners, users, topics, operator, ...)
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(files.filter((_, i) => restricted[i] !== 2 && restricted[i] !== 'error')).toEqual([]);
  });

  test('a construct that names a rule fails lint', async () => {
    // GIVEN a construct file that would state a finding itself
    const text = "import { RULES } from '../rules';\nexport const rule = RULES.poolName;\n";

    // WHEN it is linted as lib/kafka/cluster.ts
    const [result] = await eslint().lintText(text, {
      filePath: path.join(root, 'lib/kafka/cluster.ts'),
    });

    // THEN the import is refused with the reason
    expect(result.messages.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([
      "no-restricted-imports: 'RULES' import from '../rules' is restricted. findings are made in a *-model.ts file",
    ]);
  });
});
