import { App, Chart } from 'cdk8s';
import { CurrentChart } from './current';
import { InClusterChart } from './in-cluster';
import { SeedChart } from './seed';

/** Every example app: `npm run synth` writes each to `dist/<name>/`. */
export const APPS: Record<string, (app: App) => Chart> = {
  'current': (app) => new CurrentChart(app, 'current'),
  'in-cluster': (app) => new InClusterChart(app, 'in-cluster'),
  'seed': (app) => new SeedChart(app, 'seed'),
};
