import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { readNodeIdLock } from '../lib/plan';
import { CurrentChart } from './current';
import { InClusterChart } from './in-cluster';
import { platformApp } from './platform';
import { addOperator } from './operator';
import { SecureChart } from './secure';
import { SeedChart } from './seed';

/**
 * The node-ID lock of an app: its committed output, `dist/<name>` (relative to the repository,
 * where `npm run synth` and the tests run). Pools keep the IDs they have there; a change that
 * would move one fails the synth (rule node-ids-locked).
 */
export const lockOf = (name: string) => readNodeIdLock(path.join('dist', name));

/**
 * Every example app: `npm run synth` writes each to `dist/<name>/`. Each returns its Kafka chart;
 * `seed`, `current` and `platform` also hold their operator (stages 00-crds and 10-strimzi-operator).
 */
export const APPS: Record<string, (app: App) => Chart> = {
  'current': (app) => {
    addOperator(app, { strimziVersion: '1.2.0', watchNamespaces: ['streaming'] });
    return new CurrentChart(app, 'current', { nodeIdLock: lockOf('current') });
  },
  'in-cluster': (app) => new InClusterChart(app, 'in-cluster', { nodeIdLock: lockOf('in-cluster') }),
  // Connect, MirrorMaker 2 (from a second cluster in namespace legacy), the Bridge, Cruise Control, metrics
  'platform': (app) => {
    addOperator(app, { strimziVersion: '1.2.0', watchNamespaces: ['legacy', 'platform'] });
    return platformApp(app, lockOf('platform'));
  },
  'secure': (app) => new SecureChart(app, 'secure', { nodeIdLock: lockOf('secure') }),
  // The post installs `latest` into the Kafka namespace; here: 0.43.0, the release its cluster uses, in `strimzi`.
  'seed': (app) => {
    addOperator(app, { strimziVersion: '0.43.0', watchNamespaces: ['kafka'] });
    return new SeedChart(app, 'seed', { nodeIdLock: lockOf('seed') });
  },
};
