/**
 * `cdk8s-strimzi-kraft/validate`: strict checks of synthesized manifests against a Strimzi
 * release's CRD schemas and kubernetes-models. Its own entry point, so that apps which only build
 * clusters do not load the schema validator.
 */
export { CrdSchemaValidator, strictSchema, strimziRefDir } from './crd-schema';
export * from './validate-manifests';
