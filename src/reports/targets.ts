/**
 * Where an export is written. The folder is checked before a worker starts, so a wrong choice is refused at
 * once with a message that says what to do; a folder the person chose is never created behind their back.
 * Files are written under a temporary name first (see book.ts), which the job knows so it can remove it
 * whatever way the worker ends.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../contract/errors.js';
import { fileErrorMessage } from '../db/fileErrors.js';
import { msg } from '../i18n/messages.js';

/** Every temporary export or backup file ends so; a leftover one (a killed process) is recognised by it. */
export const PART_SUFFIX = '.part';

export function tempPathFor(target: string, tag: string): string {
  return `${target}.${tag}${PART_SUFFIX}`;
}

/** Why `outPath` cannot be written, in words for the person, or null when its folder takes a new file. */
function problemWith(outPath: string): string | null {
  const folder = path.dirname(path.resolve(outPath));
  try {
    if (!fs.statSync(folder).isDirectory()) return msg.files.notFolder(folder);
    fs.accessSync(folder, fs.constants.W_OK);
    if (fs.statSync(outPath, { throwIfNoEntry: false })?.isDirectory()) return msg.files.isFolder(path.resolve(outPath));
    return null;
  } catch (err) {
    return fileErrorMessage(err, outPath) ?? msg.files.writeFailed(folder);
  }
}

/**
 * Refuses a target whose folder is missing, read-only, or not a folder. `ownFolder` is for the data folder's
 * own exports/ and backups/, which are created (private to this user) when first needed.
 */
export function checkTarget(outPath: string, ownFolder: boolean): void {
  if (ownFolder) {
    try {
      fs.mkdirSync(path.dirname(outPath), { recursive: true, mode: 0o700 });
    } catch {
      // Reported below, in the person's words, by the same check as any other folder.
    }
  }
  const problem = problemWith(outPath);
  if (problem) throw new LedgerError('VALIDATION', problem);
}

/** What a failed export tells the person: the core's own message, the file system's in words, or a plain failure. */
export function failureMessage(err: unknown, target: string): string {
  if (err instanceof LedgerError) return err.message;
  return fileErrorMessage(err, target) ?? msg.report.failed;
}
