// @ts-check
/**
 * Four projects: unit specs next to the code, integration tests against real Kafka and Mongo, end-to-end
 * through the gateway, and the stream conformance check that scripts/test.ts runs after the end-to-end tests.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@ic/contracts$': '<rootDir>/libs/contracts/src',
    '^@ic/messaging$': '<rootDir>/libs/messaging/src',
    '^@ic/messaging/client$': '<rootDir>/libs/messaging/src/client',
    '^@ic/persistence$': '<rootDir>/libs/persistence/src',
    '^@ic/platform$': '<rootDir>/libs/platform/src',
    '^@ic/platform/tracing$': '<rootDir>/libs/platform/src/tracing/instrument',
    '^@ic/infra$': '<rootDir>/infra/src',
  },
  rootDir: __dirname,
};

/** @type {import('jest').Config} */
module.exports = {
  // Global (a project cannot have its own): the end-to-end files that run for minutes start first.
  testSequencer: '<rootDir>/test/support/long-files-first.sequencer.mjs',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{libs,services,infra,bench,scripts}/**/*.spec.ts',
        '<rootDir>/test/unit/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/infra/**/*.itest.ts'],
      slowTestThreshold: 60,
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-setup.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
      slowTestThreshold: 120,
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-setup.ts'],
    },
    {
      // Stops and starts Kafka and a database of its own: timing matters, so npm test runs it after
      // everything else, its two files side by side (mostly waiting for a server to come back).
      ...shared,
      displayName: 'outage',
      testMatch: ['<rootDir>/test/outage/**/*.outage.ts'],
      slowTestThreshold: 120,
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-setup.ts', '<rootDir>/test/support/outage-setup.ts'],
    },
    {
      ...shared,
      displayName: 'conformance',
      testMatch: ['<rootDir>/test/conformance/**/*.conformance.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-setup.ts'],
    },
  ],
};
