/**
 * What a failed file write means to the person who asked for it. The operating system (and SQLite, for
 * backups) says ENOSPC or SQLITE_FULL; the secretary needs to hear which folder, what went wrong and what to
 * do — in Chinese, never a code or a stack trace. One mapping for reports, data packages and backups.
 */
import path from 'node:path';
import { msg } from '../i18n/messages.js';

type Kind = keyof typeof msg.files;

const BY_CODE: Record<string, Kind> = {
  ENOSPC: 'diskFull',
  EDQUOT: 'diskFull',
  SQLITE_FULL: 'diskFull',
  EROFS: 'readOnly',
  EACCES: 'readOnly',
  EPERM: 'readOnly',
  SQLITE_READONLY: 'readOnly',
  SQLITE_PERM: 'readOnly',
  ENOENT: 'noFolder',
  EISDIR: 'isFolder',
  ENOTDIR: 'notFolder',
  ENAMETOOLONG: 'tooLong',
};

/** Error codes of the file system (EIO, EBUSY…) and of SQLite's file layer that have no message of their own. */
const OTHER_WRITE_ERROR = /^(E[A-Z]+|SQLITE_(IOERR|CANTOPEN|READONLY|FULL)\w*)$/;

/**
 * The Chinese message for a file-system error met while writing `target`, or null when `err` is not one
 * (the caller keeps its own message for those).
 */
export function fileErrorMessage(err: unknown, target: string): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const file = path.resolve(target);
  const folder = path.dirname(file);
  // SQLite's extended codes (SQLITE_READONLY_DIRECTORY…) mean what their primary code means.
  const kind = BY_CODE[code] ?? BY_CODE[code.split('_').slice(0, 2).join('_')];
  if (kind === 'isFolder') return msg.files.isFolder(file);
  if (kind) return msg.files[kind](folder);
  return OTHER_WRITE_ERROR.test(code) ? msg.files.writeFailed(folder) : null;
}
