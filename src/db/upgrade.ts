import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import { backupInto } from './backup.js';
import type { Db, Upgrade } from './open.js';

/**
 * The copy of an existing register taken before it is migrated to a newer schema — the one place that takes it
 * (hosts pass it to openDatabase as `beforeUpgrade`). It goes into the data folder's backups/ under the name every
 * backup has (ledger-YYYYMMDD-HHMMSS.sqlite3, UTC), so it is listed and restored like any other. If it cannot be
 * written the upgrade is refused and the register stays as it was.
 */
export function backupBeforeUpgrade(db: Db, dbFile: string, upgrade: Upgrade): string {
  const dir = path.join(path.dirname(dbFile), 'backups');
  const target = path.join(dir, `ledger-${upgrade.now.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.sqlite3`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    backupInto(db, target);
  } catch (cause) {
    throw new LedgerError('MIGRATION_FAILED', msg.db.upgradeBackupFailed(upgrade.from, upgrade.to), { cause: String(cause) });
  }
  return target;
}
