import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['app/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/durability/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['tests/setup/fast-check.ts'],
  },
});
