/** Opens the register in a data folder and binds the registry: what every host (CLI, HTTP, Electron) starts with. */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRegistry, type Registry } from '../dispatch/registry.js';
import { ATTACHMENTS_DIR } from '../db/backup.js';
import { databasePath, openDatabase, type Db, type OpenOptions } from '../db/open.js';
import { backupBeforeUpgrade } from '../db/upgrade.js';
import { refreshPendingAccounts } from '../services/accountState.js';
import { ExportJobs, type JobContext } from '../jobs/jobs.js';
import { APP_VERSION } from '../domain/version.js';
import { prepareDataFolder } from './dataFolder.js';
import { liveRestore } from './liveRestore.js';

export interface Ledger {
  /** The open register; a restore swaps it, so read it through here (or ctx) each time, never keep it. */
  readonly db: Db;
  ctx: JobContext;
  jobs: ExportJobs;
  registry: Registry;
  dataDir: string;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = 'netledger-data';

export interface LedgerOptions extends OpenOptions {
  /** The export worker script; by default the TypeScript source, run through tsx. */
  exportWorker?: { file: string; execArgv: string[] };
}

const SOURCE_WORKER = { file: fileURLToPath(new URL('../jobs/exportWorker.source.mjs', import.meta.url)), execArgv: [] };

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
  const layout = { dir, exportDir: path.join(dir, 'exports'), backupDir: path.join(dir, 'backups'), attachmentsDir: path.join(dir, ATTACHMENTS_DIR), importDir: path.join(dir, 'imports') };
  prepareDataFolder(layout);
  const dbFile = databasePath(dir);
  // An existing register is copied into backups/ before a newer release migrates it.
  const db = openDatabase(dbFile, { beforeUpgrade: (open, upgrade) => backupBeforeUpgrade(open, dbFile, upgrade), ...options });
  const actor = currentActor();
  const worker = options.exportWorker ?? SOURCE_WORKER;
  const jobs = new ExportJobs({
    dbFile,
    exportDir: layout.exportDir,
    backupDir: layout.backupDir,
    attachmentsDir: layout.attachmentsDir,
    importDir: layout.importDir,
    workerFile: worker.file,
    workerExecArgv: worker.execArgv,
    nativeBinding: options.nativeBinding,
    actor,
  });
  const ctx: JobContext = { db, clock: () => new Date(), actor, filesDir: layout.attachmentsDir, jobs };
  refreshPendingAccounts(ctx);
  const restore = liveRestore(ctx, jobs, { dir, dbFile, backupDir: layout.backupDir }, options);
  const registry = createRegistry(ctx, { version: APP_VERSION, dataDir: dir, restore });
  return {
    get db() {
      return ctx.db;
    },
    ctx,
    registry,
    jobs,
    dataDir: dir,
    close: async () => {
      await jobs.close();
      ctx.db.close();
    },
  };
}

/**
 * A second connection that only answers queries (core.ts routes them here), beside the writer that opened the data
 * folder: it neither tidies the folder nor runs export jobs, so it never touches a file the writer is working on.
 */
export function openReader(dataDir: string, options: OpenOptions = {}): Pick<Ledger, 'registry' | 'close'> & { jobs: null } {
  const dir = path.resolve(dataDir);
  const db = openDatabase(databasePath(dir), options);
  const ctx: JobContext = { db, clock: () => new Date(), actor: currentActor(), filesDir: path.join(dir, ATTACHMENTS_DIR), jobs: null };
  return { registry: createRegistry(ctx, { version: APP_VERSION, dataDir: dir }), jobs: null, close: async () => {
      db.close();
    },
  };
}
