/**
 * `cdk8s-strimzi-kraft/plan`: what a change to an app does to a running cluster. Compares two
 * synthesized outputs (`planChanges`), classes every change (destructive, breaking for clients,
 * rolling restart, safe), lists upgrade steps and refuses orders that cannot work; the
 * `strimzi-kraft plan` command. `readNodeIdLock` reads a committed output as the node-ID lock.
 *
 * @module cdk8s-strimzi-kraft/plan
 */
export { planChanges, planFails } from './plan';
export type { PlanOptions } from './plan';
export { formatPlan, formatPlanMarkdown, planSummary } from './format';
export { parseYamlDocuments, readOutput, readOutputAtRef, readOutputFolder } from './read';
export type { Output } from './read';
export { readNodeIdLock } from './lock-file';
export { PLAN_USAGE, planMain } from './cli';
export { compareMetadataVersions } from './upgrade';
export { updateModeOf } from './config-keys';
export type { UpdateMode } from '../model/kafka-config/catalogue';
export { quantityBytes } from './storage';
export { CONSEQUENCES, CONSEQUENCE_LABEL } from './types';
export type { Consequence, Plan, PlanChange, Refusal, UpgradeStep } from './types';
export { nodeIdLockOf, poolNodeIds, parseNodeIdRanges } from '../model/node-id-lock';
export type { LockedPool, NodeIdLock } from '../model/node-id-lock';
