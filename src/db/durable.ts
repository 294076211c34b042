/**
 * File steps for backup and restore that must survive a power cut: a copy or rename counts only once its data
 * and its directory entry are on the disk, because the next step (deleting or replacing something) relies on it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A rename is durable once its directory is synced; Windows cannot open a directory for that and needs none. */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // EISDIR/EPERM on Windows: NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * A new file with the same bytes, never over an existing one. The copy is the owner's to write even when the
 * source was read-only (a backup on a write-protected stick): a restored register must open for writing.
 */
export function copyDurable(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(to, fs.statSync(to).mode | 0o200);
  syncFile(to);
}

/**
 * Stored scans never change in place (a changed scan gets a new SHA-256 name), so a hard link is as good as a
 * copy and costs no space; file systems without links (FAT on a USB stick) get a copy.
 */
export function linkOrCopy(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.linkSync(from, to);
  } catch {
    copyDurable(from, to);
  }
}

/** The SHA-256 of a file's bytes from `start` up to `end` (its end when omitted), read 1 MB at a time. */
export function sha256File(file: string, start = 0, end = Number.POSITIVE_INFINITY): string {
  const hash = crypto.createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    let n: number;
    for (let at = start; at < end && (n = fs.readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at)) > 0; at += n) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Every file below dir, as paths relative to it. */
export function filesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}
