/**
 * electron-vite build of the three targets (scripts pass `-c electron.config.ts`; it is not auto-detected).
 * better-sqlite3, exceljs and the other runtime dependencies stay unbundled in main (externalizeDeps).
 */
import fs from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/** The migrations are read from disk at run time, so they travel next to the bundled main. */
function copyMigrations(): Plugin {
  return {
    name: 'netledger:copy-migrations',
    closeBundle() {
      fs.cpSync(resolve(root, 'src/db/migrations'), resolve(root, 'out/main/migrations'), { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { main: resolve(root, 'electron/main.ts'), exportWorker: resolve(root, 'src/jobs/exportWorker.ts'), coreWorker: resolve(root, 'src/hosts/coreWorker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { preload: resolve(root, 'electron/preload.ts') },
        // A sandboxed preload must be CommonJS whatever package.json's "type" says.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      chunkSizeWarningLimit: 3000,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
