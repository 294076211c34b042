/** `netledger check`: the live data folder checked as a backup is, plus leftovers of interrupted work. */
import fs from 'node:fs';
import path from 'node:path';
import { msg } from '../i18n/messages.js';
import { ATTACHMENTS_DIR } from './backup.js';
import { DATABASE_FILE, type Connection } from './open.js';
import { checkFiles, inspectDatabase, type Problem, type Structure } from './verify.js';

export interface CheckReport {
  ok: boolean;
  schemaVersion: number;
  attachments: number;
  problems: Problem[];
}

/** `.part` files and folders anywhere in the data folder (an interrupted export, backup or restore), relative. */
function leftovers(dataDir: string, relative = ''): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(dataDir, relative), { withFileTypes: true })) {
    const name = path.join(relative, entry.name);
    if (entry.name.endsWith('.part')) found.push(name);
    else if (entry.isDirectory()) found.push(...leftovers(dataDir, name));
  }
  return found;
}

/**
 * The register and its scans: what must hold after a restore, and the core of `check`. `structure` 'recorded': a
 * restore of the very bytes its backup's check passed (checkedRecord.ts): installing only renamed the file, and what
 * opening it may have written since (a migration of an earlier release's backup) SQLite wrote as any change.
 */
export function checkRegister(dataDir: string, knownVersion: number, conn: Connection = {}, structure: Structure = 'full'): CheckReport {
  const inspection = inspectDatabase(path.join(dataDir, DATABASE_FILE), knownVersion, conn, structure);
  const problems = [...inspection.problems, ...checkFiles(inspection.files, path.join(dataDir, ATTACHMENTS_DIR), conn.key)];
  return { ok: problems.length === 0, schemaVersion: inspection.schemaVersion, attachments: inspection.files.length, problems };
}

export function checkDataFolder(dataDir: string, knownVersion: number, conn: Connection = {}): CheckReport {
  const report = checkRegister(dataDir, knownVersion, conn);
  if (fs.existsSync(dataDir)) for (const f of leftovers(dataDir)) report.problems.push({ kind: 'leftover', message: msg.verify.leftover(f) });
  return { ...report, ok: report.problems.length === 0 };
}
