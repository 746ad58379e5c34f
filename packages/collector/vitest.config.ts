import { defineProject } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared.js';

export default defineProject({
  ...sourceConditions,
  test: {
    name: 'collector',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Every answer checked against the API contract, and every contract route called (test/contract-*.ts).
    setupFiles: ['test/contract-setup.ts'],
    globalSetup: ['test/contract-coverage.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
