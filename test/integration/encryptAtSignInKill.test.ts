/**
 * Pulling the plug while a sign-in encrypts a register of an earlier release in place: the command line is killed
 * (SIGKILL, no cleanup) at each step — the checked backup being written, keys.json just written, the register
 * checkpointed out of WAL, its encrypted copy being made. Each time the register must still open, plain or
 * encrypted, with every row; the next sign-in finishes the work and gives a recovery code (the killed one never
 * showed its own) that opens the register; nothing readable is left on disk.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { valueOf } from '../../src/contract/contract.js';
import { readKeyStore } from '../../src/db/keys.js';
import { isPlainDatabase } from '../../src/db/open.js';
import { openLedger } from '../../src/hosts/ledger.js';
import { leaks } from '../support/canary.js';
import { cli, count, tempDir } from '../support/dataFolder.js';
import { ADMIN, ADMIN_PASSWORD, legacyRegister } from '../support/legacyRegister.js';

const BIN = path.join(import.meta.dirname, '../../src/bin/netledger.mjs');
const root = tempDir('crypt-kill');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const TABLES = ['organizations', 'members', 'accounts', 'filings', 'filing_attachments', 'operators'];
const RECOVERY_IN_TEXT = /([2-9A-HJKMNP-Z]{5}(?:-[2-9A-HJKMNP-Z]{5}){4})/;

const has = (dir: string, file: string) => fs.existsSync(path.join(dir, file));
/** Where to pull the plug: the first moment the data folder shows this step under way; whether keys.json is there. */
const STEPS: Record<string, { shows: (dir: string) => boolean; keys: boolean }> = {
  'checked backup being written': { shows: (dir) => has(dir, 'backups') && fs.readdirSync(path.join(dir, 'backups')).some((f) => f.endsWith('.part')), keys: false },
  'keys.json written': { shows: (dir) => has(dir, 'keys.json'), keys: true },
  'register out of WAL mode': { shows: (dir) => has(dir, 'keys.json') && !has(dir, 'ledger.sqlite3-wal'), keys: true },
  'encrypted copy being made': { shows: (dir) => has(dir, 'ledger.sqlite3.encrypting'), keys: true },
};

/** Runs `netledger stats` (which signs in as the administrator) and kills it the moment `step` shows. */
async function killAt(dir: string, step: (dir: string) => boolean): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [BIN, 'stats', '--json', '--data-dir', dir], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  let gone = false;
  void exited.then(() => (gone = true));
  while (!gone && !step(dir)) await new Promise((r) => setImmediate(r));
  child.kill('SIGKILL');
  return exited;
}

/**
 * killAt from a fresh copy of `template` until the kill lands: on a loaded machine a step that lasts a moment (the
 * backup's .part) can come and go between two looks, and the command then finishes unharmed — a try, not a result.
 */
async function killAtStep(template: string, dir: string, step: (dir: string) => boolean): Promise<NodeJS.Signals | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(template, dir, { recursive: true });
    const signal = await killAt(dir, step);
    if (signal === 'SIGKILL') return signal;
  }
  return null;
}

describe('SIGKILL during the sign-in that encrypts a register of an earlier release', () => {
  it('at every step the register still opens with every row, and the next sign-in finishes it with a recovery code that works', { timeout: 240_000 }, async () => {
    const template = path.join(root, 'template');
    await legacyRegister(template);
    const rows = Object.fromEntries(TABLES.map((t) => [t, count(path.join(template, 'ledger.sqlite3'), t)]));
    expect(rows.members).toBe(1);
    const steps = Object.entries(STEPS).map(([name, step]) => ({ name, step, dir: path.join(root, name.replaceAll(' ', '-')) }));
    // The kills at once (each child is mostly Node starting up); this thread only watches the folders meanwhile.
    const signals = await Promise.all(steps.map(({ dir, step }) => killAtStep(template, dir, step.shows)));
    expect(signals).toEqual(steps.map(() => 'SIGKILL'));
    for (const { name, step, dir } of steps) {
      // Cut short where aimed: the register itself still whole and plain (it is replaced only by a finished copy).
      const file = path.join(dir, 'ledger.sqlite3');
      expect(isPlainDatabase(file), name).toBe(true);
      expect(readKeyStore(dir)?.recoveryUnseen ?? false, name).toBe(step.keys);

      const next = await cli(['stats', '--json', '--data-dir', dir]);
      expect(next.code, `${name}: ${next.err}`).toBe(0);
      expect(JSON.parse(next.out), name).toMatchObject(rows);
      // No terminal: the code is owed to the next sign-in (the window's), not printed.
      expect(RECOVERY_IN_TEXT.exec(next.err), `${name}: ${next.err}`).toBeNull();
      expect(readKeyStore(dir)!.recoveryUnseen, name).toBe(true);
      expect(isPlainDatabase(file), name).toBe(false);
      expect(fs.existsSync(`${file}.encrypting`), name).toBe(false);
      expect(leaks(dir), name).toEqual([]);
      const checked = await cli(['check', '--data-dir', dir]);
      expect(checked.code, `${name}: ${checked.out} ${checked.err}`).toBe(0);
      const window = openLedger(dir);
      const code = valueOf<'auth.signIn'>(window.registry.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD })).recoveryCode;
      await window.close();
      const recovered = openLedger(dir);
      expect(recovered.registry.invoke('auth.recover', { recoveryCode: code!, name: ADMIN, password: ADMIN_PASSWORD }).ok, name).toBe(true);
      await recovered.close();
    }
  });
});
