import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { transformSync } from '@swc/core';
import { renderRuleTable } from '../lib/rules';

const root = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf-8');
const quickStart = fs.readFileSync(path.join(root, 'examples', 'quick-start.ts'), 'utf-8');

describe('README', () => {
  test('the quick start is examples/quick-start.ts, which tsc type-checks', () => {
    const block = /## Quick start[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    expect(block![1]).toBe(quickStart);
  });

  test('the quick start runs and synthesizes a cluster', () => {
    // GIVEN the quick start, with the package import pointed at this checkout
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'quick-start-'));
    const { code } = transformSync(
      quickStart.replace("'cdk8s-strimzi-kraft'", JSON.stringify(path.join(root, 'lib'))),
      {
        filename: 'quick-start.ts',
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    );
    const logs: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((m: string) => {
      logs.push(m);
    });
    const warnings: string[] = [];
    const warn = jest.spyOn(console, 'error').mockImplementation((m: string) => {
      warnings.push(m);
    });
    const env = process.env.CDK8S_OUTDIR;
    process.env.CDK8S_OUTDIR = outdir;
    try {
      // WHEN it runs
      new Function('require', 'exports', 'module', code)(require, {}, { exports: {} });
    } finally {
      log.mockRestore();
      warn.mockRestore();
      if (env === undefined) delete process.env.CDK8S_OUTDIR;
      else process.env.CDK8S_OUTDIR = env;
    }

    // THEN it prints the broker addresses and writes the manifests, the nginx files and ARCHITECTURE.md
    expect(logs).toEqual([
      'broker 0: kafka.example.com:8091 -> NodePort 32101',
      'broker 1: kafka.example.com:8092 -> NodePort 32102',
      'broker 2: kafka.example.com:8093 -> NodePort 32103',
    ]);
    expect(fs.readdirSync(outdir).sort()).toEqual([
      'ARCHITECTURE.md',
      'kafka.k8s.yaml',
      'my-cluster-external-lb.nginx.conf',
      'my-cluster-external-lb.stream.conf',
    ]);
    expect(fs.readFileSync(path.join(outdir, 'ARCHITECTURE.md'), 'utf-8')).toMatch(/^# Architecture: kafka\n/);
    expect(warnings).toEqual([]); // secure by default: TLS and SCRAM outside
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('states the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm run synth');
    expect(readme).toContain('npm test');
  });
});

describe('docs/rules.md rule catalogue', () => {
  test('lists every rule of the catalogue (lib/rules.ts) (run npm run docs when this fails)', () => {
    const rules = fs.readFileSync(path.join(root, 'docs', 'rules.md'), 'utf-8');
    const section = /<!-- rules:start -->\n([\s\S]*?)<!-- rules:end -->/.exec(rules);
    expect(section?.[1]).toBe(renderRuleTable());
  });
});
