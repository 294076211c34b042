import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/electron/**/*.test.ts', 'test/window/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Every `netledger` a test spawns signs in (and on a fresh folder creates the administrator) with this invented password.
    env: { NETLEDGER_PASSWORD: 'test-only-password-1' },
  },
});
