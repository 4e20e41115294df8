/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  // the default reporter, then one line on tests skipped for want of ../shared reference data
  reporters: ['default', '<rootDir>/test/support/skip-reporter.js'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
