import * as v1beta2 from '../../../imports/strimzi-v1beta2-kafka.strimzi.io';
import { createStrimziRenderer } from './renderer';

/** Renders `kafka.strimzi.io/v1beta2` objects (Strimzi up to 0.51) with the classes generated from Strimzi 0.48.0. */
export const V1BETA2_RENDERER = createStrimziRenderer('v1beta2', v1beta2);

/** The generated module itself, for kinds that render from their own folder (`strimziKind`). */
export const V1BETA2_MODULE: Readonly<Record<string, unknown>> = v1beta2;
