/**
 * `cdk8s-strimzi-kraft/migrate`: existing Strimzi YAML -> a cdk8s app (main.ts, cdk8s.yaml) that
 * reproduces it with the library's constructs (and the `strimzi-kraft migrate` command). Its own
 * entry point: apps that only build clusters never load it.
 *
 * @module cdk8s-strimzi-kraft/migrate
 */
export { PRETTIER_OPTIONS, migrate, prettierFor } from './migrate';
export type { MigrateOptions, MigrationResult } from './migrate';
export { NORMALIZATIONS, canonical, normalizePair, sameJson, withoutPointers } from './normalize';
export type { Normalization } from './normalize';
export { declaredObject, readInputs, readText } from './read';
export type { InputObject, MigrationInput } from './read';
export { formatMigration, migrateMain, parseMigrateArgs } from './cli';
export type { AppPlan, PatchPlan } from './plan';
