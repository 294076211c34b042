/**
 * A backup's record (checked.json, format 2): the SHA-256 of each half of its database file, each hashed on a thread
 * of its own. A restore skips the full check only for a file whose size, split and every part match; a record of the
 * previous build (format 1: one SHA-256 of the whole file) is still honoured.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKED_FILE, matchesCheckedRecord, startRecord, writeCheckedRecord } from '../../src/db/checkedRecord.js';
import { tempDir } from '../support/dataFolder.js';

const MB = 1 << 20;
const root = tempDir('checked-record');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** A folder with a database file of `size` random bytes and its record as a backup writes it. */
function recorded(name: string, size: number) {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  const file = path.join(dir, 'ledger.sqlite3');
  const bytes = crypto.randomBytes(size);
  fs.writeFileSync(file, bytes);
  writeCheckedRecord(dir, startRecord(file).record());
  return { dir, file, bytes, record: () => JSON.parse(fs.readFileSync(path.join(dir, CHECKED_FILE), 'utf8')) };
}

describe('checked.json', () => {
  it('records the two halves of a file, in whole megabytes, each by its SHA-256', () => {
    const { dir, file, bytes, record } = recorded('halves', 3 * MB + 12_345);
    expect(record()).toEqual({ format: 2, size: bytes.length, partBytes: 2 * MB, sha256: [sha(bytes.subarray(0, 2 * MB)), sha(bytes.subarray(2 * MB))] });
    expect(matchesCheckedRecord(dir, file)).toBe(true);
  });

  it('does not match a byte changed in the second half, a byte added, or a record whose split was changed', () => {
    const flipped = recorded('flipped', 3 * MB);
    const fd = fs.openSync(flipped.file, 'r+');
    fs.writeSync(fd, Buffer.from([flipped.bytes[3 * MB - 10]! ^ 1]), 0, 1, 3 * MB - 10);
    fs.closeSync(fd);
    expect(matchesCheckedRecord(flipped.dir, flipped.file)).toBe(false);

    const longer = recorded('longer', 3 * MB);
    fs.appendFileSync(longer.file, Buffer.from([0]));
    expect(matchesCheckedRecord(longer.dir, longer.file)).toBe(false);

    const split = recorded('split', 3 * MB);
    // 1 MB parts of the same bytes, each SHA-256 right: still not this build's split, so no thread per megabyte.
    const megabytes = [0, 1, 2].map((i) => sha(split.bytes.subarray(i * MB, (i + 1) * MB)));
    fs.writeFileSync(path.join(split.dir, CHECKED_FILE), JSON.stringify({ ...split.record(), partBytes: MB, sha256: megabytes }));
    expect(matchesCheckedRecord(split.dir, split.file)).toBe(false);
    fs.writeFileSync(path.join(split.dir, CHECKED_FILE), JSON.stringify({ ...split.record(), partBytes: 0 }));
    expect(matchesCheckedRecord(split.dir, split.file)).toBe(false);
  });

  it("honours the previous build's record of the whole file's SHA-256, and only for those bytes", () => {
    const { dir, file, bytes } = recorded('format1', 2 * MB + 1);
    fs.writeFileSync(path.join(dir, CHECKED_FILE), JSON.stringify({ format: 1, sha256: sha(bytes) }));
    expect(matchesCheckedRecord(dir, file)).toBe(true);
    fs.writeFileSync(path.join(dir, CHECKED_FILE), JSON.stringify({ format: 1, sha256: sha(bytes.subarray(1)) }));
    expect(matchesCheckedRecord(dir, file)).toBe(false);
  });

  it('records an empty file as one part', () => {
    const { dir, file, record } = recorded('empty', 0);
    expect(record()).toEqual({ format: 2, size: 0, partBytes: MB, sha256: [sha(Buffer.alloc(0))] });
    expect(matchesCheckedRecord(dir, file)).toBe(true);
  });
});
