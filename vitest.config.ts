import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'agent/**/*.test.ts', '.ci/**/*.test.mjs'],
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
