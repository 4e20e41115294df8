import * as v1 from '../../../imports/strimzi-v1-kafka.strimzi.io';
import { createStrimziRenderer } from './renderer';

/** Renders `kafka.strimzi.io/v1` objects (Strimzi 0.49 and later) with the classes generated from Strimzi 1.2.0. */
export const V1_RENDERER = createStrimziRenderer('v1', v1);

/** The generated module itself, for kinds that render from their own folder (`strimziKind`). */
export const V1_MODULE: Readonly<Record<string, unknown>> = v1;

/** The v1 pool template type, which `NodePoolOptions.template` is typed by. */
export type V1NodePoolTemplate = v1.KafkaNodePoolSpecTemplate;
