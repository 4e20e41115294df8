/** Layers of lib/ (see README, "Architecture"): core <- model <- render <- common <- constructs <- index. */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'import cycles make layers meaningless',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment:
        'core/ holds facts and formats: it imports nothing of ours but core/, and no cdk8s, constructs or imports/',
      from: { path: '^lib/core/' },
      to: { pathNot: ['^lib/core/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'model-is-plain-data',
      severity: 'error',
      comment:
        'model/ is plain data and pure functions: core/, model/ and the rule catalogue (lib/rules.ts and each ' +
        "kind's rules.ts) only (no constructs, no cdk8s, no imports/)",
      from: { path: '^lib/model/' },
      to: {
        // @bufbuild/re2: RE2 syntax (Kafka Exporter's regexes), a pure function of a string
        pathNot: ['^lib/(core|model)/', '^lib/rules\\.ts$', '^lib/[^/]+/rules\\.ts$', 'node_modules/@bufbuild/re2/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'kind-models-are-pure',
      severity: 'error',
      comment:
        "a kind folder's *-model.ts and *-facts.ts files make its findings: plain data and pure functions " +
        '(no cdk8s, constructs or imports/); the construct files only place them',
      from: { path: ['^lib/[^/]+/[^/]+-(model|facts)\\.ts$', '^lib/rules\\.ts$', '^lib/[^/]+/rules\\.ts$'] },
      to: { path: ['^node_modules/(cdk8s|constructs)/', '^imports/'] },
    },
    {
      name: 'render-reads-the-model',
      severity: 'error',
      comment: 'render/ turns the model into specs and text: it may not reach into constructs',
      from: { path: '^lib/render/' },
      to: {
        path: '^lib/(common|kafka|load-balancer|tools|[a-z-]+/[a-z-]+\\.ts$)',
        pathNot: ['^lib/(core|model|render)/'],
      },
    },
    {
      name: 'imports-only-in-render-strimzi',
      severity: 'error',
      comment: 'the generated classes (Strimzi, prometheus-operator) are used by the renderers only',
      from: { pathNot: ['^lib/render/(strimzi|monitoring)/', '^imports/'] },
      to: { path: '^imports/' },
    },
    {
      name: 'common-below-constructs',
      severity: 'error',
      comment: 'common/ is what constructs share; it does not know any construct folder',
      from: { path: '^lib/common/' },
      to: { path: '^lib/', pathNot: ['^lib/(core|model|render|common)/', '^lib/rules\\.ts$'] },
    },
    {
      name: 'constructs-not-from-index',
      severity: 'error',
      comment: 'lib/index.ts is the public face; nothing inside lib imports it',
      from: { path: '^lib/', pathNot: ['^lib/index\\.ts$'] },
      to: { path: '^lib/index\\.ts$' },
    },
    {
      name: 'tools-stand-alone',
      severity: 'error',
      comment: 'the main entry must not load the validator (ajv, kubernetes-models, schemas)',
      from: { path: '^lib/', pathNot: ['^lib/tools/'] },
      to: { path: '^lib/tools/' },
    },
    {
      name: 'doctor-stands-alone',
      severity: 'error',
      comment: 'the main entry must not load the doctor (kafkajs)',
      from: { path: '^lib/', pathNot: ['^lib/doctor/', '^lib/migrate/'] },
      to: { path: '^lib/doctor/' },
    },
    {
      name: 'migrate-stands-alone',
      severity: 'error',
      comment: 'the main entry must not load the migration (prettier); it reads the offline doctor, never kafkajs',
      from: { path: '^lib/', pathNot: ['^lib/migrate/', '^lib/doctor/cli\\.ts$'] },
      to: { path: '^lib/migrate/' },
    },
    {
      name: 'migrate-offline',
      severity: 'error',
      comment: 'the migration uses the offline doctor only (no network client)',
      from: { path: '^lib/migrate/' },
      to: { path: '^lib/doctor/(online|cli)\\.ts$' },
    },
    {
      name: 'plan-stands-alone',
      severity: 'error',
      comment: 'the main entry must not load the plan (git, file reading); the strimzi-kraft command dispatches to it',
      from: { path: '^lib/', pathNot: ['^lib/plan/', '^lib/doctor/cli\\.ts$'] },
      to: { path: '^lib/plan/' },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'a module nobody imports is dead code',
      from: {
        orphan: true,
        path: '^lib/',
        pathNot: [
          '^lib/index\\.ts$',
          '^lib/(tools|migrate)/index\\.ts$',
          '^lib/tools/validate-cli\\.ts$',
          '\\.d\\.ts$',
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(build|dist)/' },
  },
};
