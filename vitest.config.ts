import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The property-based tests run thousands of cases; give them room on a 2-core machine.
    testTimeout: 30_000,
  },
});
