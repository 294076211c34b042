/** Opens the register in a data folder and binds the registry: what every host (CLI, HTTP, Electron) starts with. */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { valueOf } from '../contract/contract.js';
import { createRegistry, type Registry } from '../dispatch/registry.js';
import { databasePath, openDatabase, type Db, type OpenOptions } from '../db/open.js';
import { ExportJobs, type JobContext } from '../jobs/jobs.js';
import { APP_VERSION } from '../domain/version.js';
import { prepareDataFolder } from './dataFolder.js';

export interface Ledger {
  db: Db;
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
  const layout = { dir, exportDir: path.join(dir, 'exports'), backupDir: path.join(dir, 'backups'), attachmentsDir: path.join(dir, 'attachments'), importDir: path.join(dir, 'imports') };
  prepareDataFolder(layout);
  const dbFile = databasePath(dir);
  const db = openDatabase(dbFile, options);
  const actor = currentActor();
  const worker = options.exportWorker ?? SOURCE_WORKER;
  const jobs = new ExportJobs({
    dbFile,
    exportDir: layout.exportDir,
    backupDir: layout.backupDir,
    importDir: layout.importDir,
    workerFile: worker.file,
    workerExecArgv: worker.execArgv,
    nativeBinding: options.nativeBinding,
    actor,
  });
  const ctx: JobContext = { db, clock: () => new Date(), actor, filesDir: layout.attachmentsDir, jobs };
  const registry = createRegistry(ctx, { version: APP_VERSION, dataDir: dir });
  return {
    db,
    ctx,
    registry,
    jobs,
    dataDir: dir,
    close: async () => {
      await jobs.close();
      db.close();
    },
  };
}

/** True when nothing has been recorded yet: the first start of a fresh data folder. */
export function isEmptyRegister(ledger: Ledger): boolean {
  const counts = valueOf<'system.stats'>(ledger.registry.invoke('system.stats', {}));
  return (counts.organizations ?? 0) === 0 && (counts.members ?? 0) === 0;
}
