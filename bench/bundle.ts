/**
 * The bundled export worker (out/, from `npm run build`), when it was built from today's sources: a bundle older than
 * any file under src/ would measure code that is no longer there — one 600k run measured the import's old worker
 * beside its new main-thread limits and printed a peak RSS neither version has. Otherwise the TypeScript source runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../out/main/exportWorker.js', import.meta.url));
const sources = fileURLToPath(new URL('../src', import.meta.url));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function freshBundledWorker(): string | undefined {
  return fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestSource(sources) ? built : undefined;
}
