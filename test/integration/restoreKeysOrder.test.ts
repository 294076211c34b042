/**
 * installRestore swaps the database before it removes a keys.json the restored register does not need: killed
 * between the two, the folder must not hold an encrypted register without its keys.json (a plain register beside
 * a keys.json is only encrypted with it at the next sign-in).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, expect, it, vi } from 'vitest';
import { keysPath, writeKeyStore } from '../../src/db/keys.js';
import { loadMigrations } from '../../src/db/migrate.js';
import { installRestore, stageRestore } from '../../src/db/restore.js';
import { tempDir } from '../support/dataFolder.js';
import { legacyRegister } from '../support/legacyRegister.js';

const root = tempDir('restore-keys-order');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

it('renames the restored database over ledger.sqlite3 before removing the live keys.json', async () => {
  const dir = path.join(root, 'folder');
  await legacyRegister(dir);
  // An encryption in place cut short after keys.json: the register is still plain.
  writeKeyStore(dir, { format: 1, wraps: [], recoveryUnseen: true });
  const backup = path.join(dir, 'backups', fs.readdirSync(path.join(dir, 'backups'))[0]!);
  const staged = stageRestore(dir, backup, { knownVersion: loadMigrations().length, now: new Date() });
  const steps: string[] = [];
  const rename = fs.renameSync;
  const rm = fs.rmSync;
  vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
    if (path.basename(String(to)) === 'ledger.sqlite3') steps.push('database swapped');
    rename(from, to);
  });
  vi.spyOn(fs, 'rmSync').mockImplementation((target, options) => {
    if (String(target) === keysPath(dir)) steps.push('keys.json removed');
    rm(target, options);
  });
  installRestore(staged);
  expect(steps).toEqual(['database swapped', 'keys.json removed']);
  expect(fs.existsSync(keysPath(dir))).toBe(false);
});
