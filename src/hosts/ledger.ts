/** Opens the register in a data folder and binds the registry: what every host (CLI, HTTP, Electron) starts with. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LedgerError } from '../api/errors.js';
import { createRegistry, type Registry } from '../api/registry.js';
import { ATTACHMENTS_DIR, backupPath } from '../db/backup.js';
import { loadMigrations } from '../db/migrate.js';
import { databasePath, openDatabase, type Db, type OpenOptions } from '../db/open.js';
import { discardRestore, installRestore, stageRestore } from '../db/restore.js';
import { checkRegister } from '../db/check.js';
import { describeProblems } from '../db/verify.js';
import { msg } from '../i18n/messages.js';
import { ExportJobs } from '../reports/jobs.js';
import type { ServiceContext } from '../services/context.js';
import { APP_VERSION } from './version.js';

export interface Ledger {
  /** The open register; a restore swaps it, so read it through here (or ctx) each time, never keep it. */
  readonly db: Db;
  ctx: ServiceContext;
  registry: Registry;
  dataDir: string;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = 'netledger-data';

export interface LedgerOptions extends OpenOptions {
  /** The export worker script; by default the TypeScript source, run through tsx. */
  exportWorker?: { file: string; execArgv: string[] };
}

const SOURCE_WORKER = { file: fileURLToPath(new URL('../reports/exportWorker.source.mjs', import.meta.url)), execArgv: [] };

/** The person at the keyboard: the OS login until operator accounts exist. */
function currentActor(): string {
  try {
    return os.userInfo().username || '本机用户';
  } catch {
    return '本机用户';
  }
}

export function openLedger(dataDir: string, options: LedgerOptions = {}): Ledger {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const dbFile = databasePath(dir);
  const db = openDatabase(dbFile, options);
  const actor = currentActor();
  const worker = options.exportWorker ?? SOURCE_WORKER;
  const backupDir = path.join(dir, 'backups');
  const filesDir = path.join(dir, ATTACHMENTS_DIR);
  const jobs = new ExportJobs({
    dbFile,
    exportDir: path.join(dir, 'exports'),
    backupDir,
    attachmentsDir: filesDir,
    workerFile: worker.file,
    workerExecArgv: worker.execArgv,
    nativeBinding: options.nativeBinding,
    actor,
  });
  const ctx: ServiceContext = { db, clock: () => new Date(), actor, filesDir, jobs };

  /**
   * 恢复 in a running console: the backup is checked while the register stays open; then, with no export
   * worker reading it, the connection is closed, the files are swapped (src/db/restore.ts) and the register
   * reopened into the same ctx, so the registry and every host carry on with the restored data.
   */
  const restore = (fileName: string) => {
    if (jobs.busy()) throw new LedgerError('CONFLICT', msg.restore.jobsRunning);
    const knownVersion = loadMigrations(options.migrationsDir).length;
    const staged = stageRestore(dir, backupPath(backupDir, fileName), { knownVersion, now: ctx.clock(), nativeBinding: options.nativeBinding });
    ctx.db.close();
    let keptAs: string | null;
    try {
      keptAs = installRestore(staged, options.nativeBinding).keptAs;
    } catch (err) {
      discardRestore(staged);
      throw err;
    } finally {
      ctx.db = openDatabase(dbFile, options);
    }
    const report = checkRegister(dir, knownVersion, options.nativeBinding);
    if (!report.ok) throw new LedgerError('INTERNAL', msg.restore.reopenProblems(describeProblems(report.problems)), { problems: report.problems });
    return { restoredFrom: fileName, keptAs };
  };
  const registry = createRegistry(ctx, { version: APP_VERSION, dataDir: dir, restore });
  return {
    get db() {
      return ctx.db;
    },
    ctx,
    registry,
    dataDir: dir,
    close: async () => {
      await jobs.close();
      ctx.db.close();
    },
  };
}

/** True when nothing has been recorded yet: the first start of a fresh data folder. */
export function isEmptyRegister(ledger: Ledger): boolean {
  const stats = ledger.registry.invoke('system.stats', {});
  if (!stats.ok) return false;
  const counts = stats.value as Record<string, number>;
  return (counts.organizations ?? 0) === 0 && (counts.members ?? 0) === 0;
}
