/** Opens the register in a data folder and binds the registry: what every host (CLI, HTTP, Electron) starts with. */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRegistry, type Registry } from '../dispatch/registry.js';
import { ATTACHMENTS_DIR } from '../db/backup.js';
import { databasePath, isPlainDatabase, openDatabase, type Db, type OpenOptions } from '../db/open.js';
import { readKeyStore } from '../db/keys.js';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import { startMsg } from '../i18n/startMessages.js';
import { keyGate, sealedReader, type OpenRegister } from './keyGate.js';
import { backupBeforeUpgrade } from '../db/upgrade.js';
import { refreshPendingAccounts } from '../services/accountState.js';
import { ExportJobs, type JobContext } from '../jobs/jobs.js';
import { APP_VERSION } from '../domain/version.js';
import { prepareDataFolder } from './dataFolder.js';
import { liveRestore } from './liveRestore.js';

export interface Ledger {
  /** The open register; a restore swaps it, so read it through here (or ctx) each time, never keep it. */
  readonly db: Db;
  readonly ctx: JobContext;
  readonly jobs: ExportJobs;
  registry: Registry;
  dataDir: string;
  /** Whether the register is open: an encrypted one stays closed until someone signs in (keyGate.ts). */
  readonly isOpen: boolean;
  /** The register key (hex) once an encrypted register is open; null for a plain one or while closed. */
  readonly key: string | null;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = 'netledger-data';

export interface LedgerOptions extends OpenOptions {
  /** The export worker script; by default the TypeScript source, run through tsx. */
  exportWorker?: { file: string; execArgv: string[] };
  /** A line for the person waiting while the register opens (the first open after an upgrade recomputes the figures). */
  onNotice?: (message: string) => void;
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

function layoutOf(dataDir: string) {
  const dir = path.resolve(dataDir);
  return { dir, exportDir: path.join(dir, 'exports'), backupDir: path.join(dir, 'backups'), attachmentsDir: path.join(dir, ATTACHMENTS_DIR), importDir: path.join(dir, 'imports') };
}
type Layout = ReturnType<typeof layoutOf>;

/** The register opened (with its key when it is encrypted), its export jobs and the registry over them. */
function openRegister(layout: Layout, options: LedgerOptions, kept: ExportJobs | null): OpenRegister {
  const dbFile = databasePath(layout.dir);
  // An existing register is copied into backups/ before a newer release migrates it.
  const db = openDatabase(dbFile, { beforeUpgrade: (open, upgrade) => backupBeforeUpgrade(open, dbFile, upgrade, options), ...options });
  const actor = currentActor();
  const worker = options.exportWorker ?? SOURCE_WORKER;
  // Reopened with the key after encryption in place, the same jobs carry on (their exports and uploads stay known).
  kept?.useKey(options.key);
  const jobs =
    kept ??
    new ExportJobs({
      dbFile,
      exportDir: layout.exportDir,
      backupDir: layout.backupDir,
      attachmentsDir: layout.attachmentsDir,
      importDir: layout.importDir,
      workerFile: worker.file,
      workerExecArgv: worker.execArgv,
      nativeBinding: options.nativeBinding,
      key: options.key,
      actor,
    });
  const filesKey = options.key ? Buffer.from(options.key, 'hex') : null;
  const ctx: JobContext = { db, clock: () => new Date(), actor, filesDir: layout.attachmentsDir, filesKey, jobs };
  // After an upgrade that added the accounts' periods, they are built once before anything reads them.
  refreshPendingAccounts(ctx, () => options.onNotice?.(startMsg.recomputing));
  const restore = liveRestore(ctx, jobs, { dir: layout.dir, dbFile, backupDir: layout.backupDir }, options);
  return { ctx, jobs, registry: createRegistry(ctx, { version: APP_VERSION, dataDir: layout.dir, restore }) };
}

export function openLedger(dataDir: string, options: LedgerOptions = {}): Ledger {
  const layout = layoutOf(dataDir);
  prepareDataFolder(layout);
  let open: OpenRegister | null = null;
  let jobs: ExportJobs | null = null;
  let key: string | null = null;
  const opened = (): OpenRegister => {
    if (!open) throw new LedgerError('SIGNED_OUT', msg.crypt.sealed);
    return open;
  };
  // No job runs at first start or sign-in, when the register is reopened with its key: the jobs are kept.
  const closeOpen = () => {
    open?.ctx.db.close();
    open = null;
  };
  const gate = keyGate(layout.dir, {
    current: () => open,
    close: closeOpen,
    openWith: (newKey) => {
      closeOpen();
      open = openRegister(layout, { ...options, key: newKey ?? undefined }, jobs);
      jobs = open.jobs;
      key = newKey;
    },
    nativeBinding: options.nativeBinding,
  });
  // An encrypted register waits for a password (or one given by the caller, as the core's readers are).
  // Read again when the register is not plain: another process may have just written keys.json and encrypted it.
  const keys = readKeyStore(layout.dir) ?? (isPlainDatabase(databasePath(layout.dir)) ? null : readKeyStore(layout.dir));
  if (keys === null && !options.key && !isPlainDatabase(databasePath(layout.dir))) throw new LedgerError('CONFLICT', msg.crypt.keysMissing);
  if (keys === null || options.key) gate.openNow(options.key ?? null);
  return {
    get db() {
      return opened().ctx.db;
    },
    get ctx() {
      return opened().ctx;
    },
    get jobs() {
      return opened().jobs;
    },
    get isOpen() {
      return open !== null;
    },
    get key() {
      return key;
    },
    registry: gate.registry,
    dataDir: layout.dir,
    close: async () => {
      await jobs?.close();
      open?.ctx.db.close();
    },
  };
}

/**
 * A second connection that only answers queries (core.ts routes them here), beside the writer that opened the data
 * folder: it neither tidies the folder nor runs export jobs, so it never touches a file the writer is working on.
 */
export function openReader(dataDir: string, options: OpenOptions = {}): Pick<Ledger, 'registry' | 'close'> & { jobs: null } {
  const dir = path.resolve(dataDir);
  // Closed until the writer has the key: the core starts readers again with it (core.ts).
  if (readKeyStore(dir) !== null && !options.key) return { registry: sealedReader, jobs: null, close: async () => undefined };
  const db = openDatabase(databasePath(dir), options);
  const filesKey = options.key ? Buffer.from(options.key, 'hex') : null;
  const ctx: JobContext = { db, clock: () => new Date(), actor: currentActor(), filesDir: path.join(dir, ATTACHMENTS_DIR), filesKey, jobs: null };
  return { registry: createRegistry(ctx, { version: APP_VERSION, dataDir: dir }), jobs: null, close: async () => {
      db.close();
    },
  };
}
