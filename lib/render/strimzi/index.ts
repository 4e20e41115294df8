/**
 * The renderer of an API version, loaded on first use: the generated modules are large, and an
 * app that never builds a cluster of a version does not pay for loading it.
 */
import { StrimziApiVersion } from '../../core/release';
import type { StrimziRenderer } from './renderer';

const loaded = new Map<StrimziApiVersion, StrimziRenderer>();

/** The renderer of `kafka.strimzi.io/<apiVersion>`. */
export function rendererFor(apiVersion: StrimziApiVersion): StrimziRenderer {
  let r = loaded.get(apiVersion);
  if (!r) {
    r =
      apiVersion === 'v1'
        ? (require('./v1') as typeof import('./v1')).V1_RENDERER
        : (require('./v1beta2') as typeof import('./v1beta2')).V1BETA2_RENDERER;
    loaded.set(apiVersion, r);
  }
  return r;
}

export { clusterLabels, kafkaAnnotations } from './renderer';
export type { GeneratedKind, PassthroughKind, StrimziRenderer } from './renderer';
