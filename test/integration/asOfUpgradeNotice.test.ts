/**
 * Figures as of a date (issue 12): the first open after an upgrade rebuilds every account's periods (periodsPending),
 * tens of seconds on a big register — the host is told first, so `npm start` and the CLI can say why it waits.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../src/hosts/core.js';
import { openLedger } from '../../src/hosts/ledger.js';
import { startMsg } from '../../src/i18n/startMessages.js';

/** A register whose upgrade left its periods to rebuild (as migration 0017 does when it has accounts). */
async function upgradedFolder(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-notice-'));
  await openLedger(dir).close();
  const db = new Database(path.join(dir, 'ledger.sqlite3'));
  db.prepare("INSERT INTO settings (key, value) VALUES ('periodsPending', 'true')").run();
  db.close();
  return dir;
}

describe('the first open after an upgrade says it recomputes the figures', () => {
  it('tells the host once, before the rebuild, and not on the next open', async () => {
    const dir = await upgradedFolder();
    const told: string[] = [];
    await openLedger(dir, { onNotice: (line) => told.push(line) }).close();
    expect(told).toEqual([startMsg.recomputing]);
    await openLedger(dir, { onNotice: (line) => told.push(line) }).close();
    expect(told).toEqual([startMsg.recomputing]);
  });

  it('reaches the host from the core’s writer thread', async () => {
    const told: string[] = [];
    const core = await startCore(await upgradedFolder(), { onNotice: (line) => told.push(line) });
    await core.close();
    expect(told).toEqual([startMsg.recomputing]);
  });
});
