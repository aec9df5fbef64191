/** Unit and integration tests; browser end-to-end tests live in test/e2e and run with `npm run test:e2e`. */
module.exports = {
  testEnvironment: 'node',
  // whole-workbook reviews take seconds on a busy 2-core machine; correctness, not speed, is asserted here
  testTimeout: 30000,
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }],
  },
  moduleNameMapper: { '\\.(css)$': '<rootDir>/test/helpers/style-stub.js' },
};
