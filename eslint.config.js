// Lint: unused code and line length. Import layers and cycles are dependency-cruiser's job
// (.dependency-cruiser.js); both run in `npm run lint`, part of `npm test`.
const tseslint = require('typescript-eslint');

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
  // Issue 15, not yet split (files being rewritten): each may not grow past its longest function today.
  // Remove an entry once its file is under 60 lines per function.
  ...[
    ['lib/doctor/cli.ts', 86], // explainBroker
  ].map(([file, max]) => ({
    files: [file],
    rules: { 'max-lines-per-function': ['error', { max, skipBlankLines: true, skipComments: true }] },
  })),
  {
    // Expected messages in tests are data: a long string literal may run past the limit.
    files: ['test/**/*.ts'],
    rules: { 'max-len': maxLen({ ignoreStrings: true, ignoreTemplateLiterals: true }) },
  },
);
