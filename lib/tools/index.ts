/**
 * `cdk8s-strimzi-kraft/validate`: checking synthesized manifests. A separate entry point so the
 * constructs (the main entry) never load the schema validator, kubernetes-models or the schemas.
 *
 * @module cdk8s-strimzi-kraft/validate
 */
export { CrdSchemaValidator, ManifestCheckError, bundledReleases, strictSchema } from './crd-schema';
export { readManifests, validateManifests } from './validate-manifests';
export type { ManifestCheckOptions, ManifestCheckResult } from './validate-manifests';
