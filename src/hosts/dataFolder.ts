/**
 * The data folder holds members' ID numbers, accounts and scanned forms. On a PC shared by several logins
 * (common in party offices) it must be readable by this user only, and what a killed run left half-written
 * must not linger there. Every host opens the register through openLedger, which calls this first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { DATABASE_FILE } from '../db/open.js';
import { PART_SUFFIX } from '../reports/targets.js';

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/** Older than this, a temporary file or an undownloaded export belongs to no running export (they write continuously). */
export const STALE_MS = 60_000;

export interface DataFolderLayout {
  dir: string;
  exportDir: string;
  backupDir: string;
  attachmentsDir: string;
  /** Files chosen for import, and exceljs's temporary files while one is read. */
  importDir: string;
}

/**
 * Creates the data folder private to this user, tightens one made by an older version (0755/0644), and
 * removes leftovers: temporary `.part` files in backups/ and exports/, and browser-mode exports nobody can
 * download any more (the jobs that made them ended with the process).
 */
export function prepareDataFolder(layout: DataFolderLayout, now = Date.now()): void {
  makeNewFilesPrivate();
  fs.mkdirSync(layout.dir, { recursive: true, mode: PRIVATE_DIR });
  if (process.platform !== 'win32') tighten(layout);
  // Only what this program names so (a folder the person keeps there is theirs, whatever it holds).
  removeStale(layout.exportDir, (name, isFolder) => !isFolder && (OWN_EXPORT.test(name) || name.endsWith(PART_SUFFIX)), now);
  removeStale(layout.backupDir, (name) => OWN_BACKUP.test(name) && name.endsWith(PART_SUFFIX), now);
  // A file chosen for import belongs to the run of the program that received it.
  removeStale(layout.importDir, (name, isFolder) => (isFolder ? OWN_IMPORT_SCRATCH : OWN_UPLOAD).test(name), now);
}

/** Names this program gives: browser-mode exports `<8 hex>-<name>`, backups `ledger-…`, uploads `<uuid>.<ext>`. */
const OWN_EXPORT = /^[0-9a-f]{8}-/;
const OWN_BACKUP = /^ledger-/;
const OWN_UPLOAD = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.[a-z0-9]+)?$/;
const OWN_IMPORT_SCRATCH = /^tmp-[0-9a-f]{8}$/;

/**
 * SQLite creates the database, its -wal/-shm and backups itself: the process's file mask makes those private too.
 * Only the main thread may change it, so a host that runs the register in worker threads calls this first.
 */
export function makeNewFilesPrivate(): void {
  if (isMainThread && process.platform !== 'win32') process.umask(0o077);
}

function tighten(layout: DataFolderLayout): void {
  chmod(layout.dir, PRIVATE_DIR);
  for (const entry of fs.readdirSync(layout.dir, { withFileTypes: true })) {
    // The database with its -wal and -shm (SQLite gives those the database file's mode).
    if (entry.isFile() && entry.name.startsWith(DATABASE_FILE)) chmod(path.join(layout.dir, entry.name), PRIVATE_FILE);
  }
  for (const sub of [layout.exportDir, layout.backupDir, layout.attachmentsDir, layout.importDir]) tightenTree(sub);
}

/** Folders 0700, files 0600; symbolic links are not followed out of the data folder. */
function tightenTree(dir: string): void {
  if (!fs.lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
  chmod(dir, PRIVATE_DIR);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) tightenTree(full);
    else if (entry.isFile()) chmod(full, PRIVATE_FILE);
  }
}

function chmod(file: string, mode: number): void {
  try {
    fs.chmodSync(file, mode);
  } catch {
    // A file system without Unix permissions (a FAT USB stick in portable mode) or a file of another owner: nothing to tighten.
  }
}

function removeStale(dir: string, matches: (name: string, isFolder: boolean) => boolean, now: number): void {
  // Missing, or a file where the folder should be (an upgrade's backup then says so in Chinese).
  if (!fs.lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    // A backup is written as a `.part` folder, an export as a `.part` file.
    if (!(entry.isFile() || entry.isDirectory()) || !matches(entry.name, entry.isDirectory())) continue;
    const file = path.join(dir, entry.name);
    // Recently written: another process on the same data folder (a CLI export beside browser mode) may be writing it.
    if (now - fs.statSync(file).mtimeMs > STALE_MS) fs.rmSync(file, { recursive: true, force: true });
  }
}
