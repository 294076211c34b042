import fs from 'node:fs';
import type { Db } from './open.js';

/**
 * A consistent, compact copy of the register with VACUUM INTO (never a file copy of a live database),
 * written to a temporary name and renamed, so a backup file is either whole or absent.
 */
export function backupInto(db: Db, target: string): void {
  const temp = `${target}.${process.pid}.part`;
  fs.rmSync(temp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
