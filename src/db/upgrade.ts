import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import { ATTACHMENTS_DIR, backupName, writeBackup } from './backup.js';
import type { Connection, Db, Upgrade } from './open.js';

/**
 * The copy of an existing register taken before it is migrated to a newer schema — the one place that takes it
 * (hosts pass it to openDatabase as `beforeUpgrade`). It is a checked backup folder (register and scans) in the data
 * folder's backups/, named like every backup, so it is listed and restored like any other. If it cannot be written
 * and checked, the upgrade is refused and the register stays as it was.
 */
export function backupBeforeUpgrade(db: Db, dbFile: string, upgrade: Upgrade, conn: Connection = {}): string {
  const dir = path.join(path.dirname(dbFile), 'backups');
  const target = path.join(dir, backupName(new Date(upgrade.now)));
  try {
    fs.mkdirSync(dir, { recursive: true });
    writeBackup(db, path.join(path.dirname(dbFile), ATTACHMENTS_DIR), target, conn);
  } catch (cause) {
    throw new LedgerError('MIGRATION_FAILED', msg.db.upgradeBackupFailed(upgrade.from, upgrade.to), { cause: String(cause) });
  }
  return target;
}
