/**
 * One way to synthesize: when the library's first construct joins a cdk8s `App`, the library takes
 * over that App instance's `synth()` once, so plain `app.synth()` (what `cdk8s synth` runs) checks
 * the whole app, then writes the YAML and every file beside it, or nothing. The handler is the
 * app layer's (lib/app/synth-app.ts registers it when the package's entry point loads), so this
 * layer knows no construct; `plainSynth` is cdk8s's own synth, for the handler to call.
 */
import { App } from 'cdk8s';
import { IConstruct } from 'constructs';

/** What `app.synth()` does once taken over. */
export type SynthHandler = (app: App) => void;

let handler: SynthHandler | undefined;
const PLAIN = Symbol.for('cdk8s-strimzi-kraft.plainSynth');

/** Registers the handler (once, by the app layer). */
export function setSynthHandler(h: SynthHandler): void {
  handler = h;
}

/** Takes over the synth of the App a construct joins, the first time (the instance only, never cdk8s's class). */
export function takeOverSynth(scope: IConstruct): void {
  const root = scope.node.root;
  if (!handler || !(root instanceof App) || Object.prototype.hasOwnProperty.call(root, PLAIN)) return;
  const plain = root.synth;
  Object.defineProperty(root, PLAIN, { value: () => plain.call(root) });
  const h = handler;
  Object.defineProperty(root, 'synth', { value: () => h(root), configurable: true, writable: true });
}

/** cdk8s's own synth of the app (writes the YAML), whether or not the library took it over. */
export function plainSynth(app: App): void {
  const plain = (app as unknown as Record<symbol, (() => void) | undefined>)[PLAIN];
  if (plain) plain();
  else app.synth();
}
