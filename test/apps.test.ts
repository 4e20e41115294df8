import * as fs from 'fs';
import * as path from 'path';
import { Testing, Yaml } from 'cdk8s';
import * as YAML from 'yaml';
import { APPS } from '../apps/registry';

const names = Object.keys(APPS).sort();
const synthApp = (name: string) => Testing.synth(APPS[name](Testing.app()));

describe('example apps', () => {
  test.each(names)('%s: snapshot of the synthesized YAML', (name) => {
    expect(Yaml.stringify(...synthApp(name))).toMatchSnapshot();
  });

  test.each(names)('%s: committed dist/ is what synth writes', (name) => {
    // GIVEN the committed output of `npm run synth`
    const dir = path.resolve(__dirname, '..', 'dist', name);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    const committed = files.flatMap((f) => YAML.parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf-8')).map((d) => d.toJSON()));

    // THEN it equals a fresh synth (run `npm run synth` and commit dist/ when this fails)
    expect(files).toEqual([`${name}.k8s.yaml`]);
    expect(committed).toEqual(synthApp(name));
  });

  test('dist/ holds exactly the registered apps', () => {
    expect(fs.readdirSync(path.resolve(__dirname, '..', 'dist')).sort()).toEqual(names);
  });
});
