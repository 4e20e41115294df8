// Lint: unused code and line length. Import layers and cycles are dependency-cruiser's job
// (.dependency-cruiser.js); both run in `npm run lint`, part of `npm test`.
const tseslint = require('typescript-eslint');

/** The files that define constructs (see the rule below). */
const CONSTRUCT_FILES = [
  'lib/bridge/kafka-bridge.ts',
  'lib/clients/client-link.ts',
  'lib/clients/kafka-client.ts',
  'lib/mirror-maker/kafka-mirror-maker-2.ts',
  'lib/connect/kafka-connect.ts',
  'lib/connect/kafka-connector.ts',
  'lib/kafka/cluster.ts',
  'lib/kafka/imported-cluster.ts',
  'lib/kafka/node-pool.ts',
  'lib/kafka/node-port-listener.ts',
  'lib/kafka/external-listener.ts',
  'lib/load-balancer/load-balancer.ts',
  'lib/monitoring/strimzi-monitoring.ts',
  'lib/operator/crds.ts',
  'lib/operator/operator.ts',
  'lib/rebalance/kafka-rebalance.ts',
  'lib/topics/kafka-topic.ts',
  'lib/users/doctor-user.ts',
  'lib/users/kafka-user.ts',
];

const maxLen = (extra) => ['error', { code: 120, ignoreUrls: true, ...extra }];

module.exports = tseslint.config(
  { ignores: ['build/**', 'dist/**', 'imports/**', 'node_modules/**', '.synth-staging/**', 'coverage/**'] },
  {
    files: ['**/*.ts', '**/*.js'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      'max-len': maxLen({}),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-unused-expressions': 'off',
      '@typescript-eslint/no-unused-expressions': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      'eqeqeq': ['error', 'always'],
    },
  },
  {
    // Short functions (issue 15): none over 60 lines in lib/, blank lines and comments not counted.
    files: ['lib/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    // A construct places findings; it does not make them (issue 15). The files that define constructs
    // may not name a rule or build a finding: that is the pure *-model.ts files' work. A test keeps this
    // list complete (test/construct-files.test.ts).
    files: CONSTRUCT_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '../rules', importNames: ['RULES'], message: 'findings are made in a *-model.ts file' },
            { name: '../core/rules', importNames: ['CORE_RULES'], message: 'findings are made in a *-model.ts file' },
            {
              name: '../core/problem',
              importNames: ['finding', 'found', 'collector'],
              message: 'findings are made in a *-model.ts file',
            },
          ],
        },
      ],
    },
  },
  {
    // Expected messages in tests are data: a long string literal may run past the limit.
    files: ['test/**/*.ts'],
    rules: { 'max-len': maxLen({ ignoreStrings: true, ignoreTemplateLiterals: true }) },
  },
);
