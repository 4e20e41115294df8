/**
 * The renderer of an API version, loaded on first use: the generated modules are large, and an
 * app that never builds a cluster of a version does not pay for loading it.
 */
import { StrimziApiVersion } from '../../core/release';
import type { GeneratedKind, StrimziRenderer } from './renderer';

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

/**
 * The class `cdk8s import` generated for a kind of `kafka.strimzi.io/<apiVersion>`. A resource kind
 * renders its objects with it from its own folder, so a new kind needs no change to a central
 * renderer: only its name in `RENDERED_KINDS` (scripts/import-crds.js), which generates the class.
 */
export function strimziKind(apiVersion: StrimziApiVersion, kind: string): GeneratedKind {
  const mod: Record<string, unknown> =
    apiVersion === 'v1'
      ? (require('./v1') as typeof import('./v1')).V1_MODULE
      : (require('./v1beta2') as typeof import('./v1beta2')).V1BETA2_MODULE;
  const generated = mod[kind];
  if (typeof generated !== 'function') {
    throw new Error(`no generated class for ${kind} in kafka.strimzi.io/${apiVersion}: add it to RENDERED_KINDS`);
  }
  return generated as GeneratedKind;
}

export { clusterLabels, kafkaAnnotations } from './renderer';
export type { GeneratedKind, PassthroughKind, StrimziRenderer } from './renderer';
