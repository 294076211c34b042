/**
 * A backup's copy is hashed in parts, each on a thread of its own (hashInBackground.ts): each digest it records is the
 * part's SHA-256 either way, a thread that cannot read gives way to this thread's sha256File (same digest or same error), and a
 * backup that fails stops its thread before deleting the file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Worker as NodeWorker, WorkerOptions } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { writeBackup } from '../../src/db/backup.js';
import { sha256File } from '../../src/db/durable.js';
import { hashInBackground } from '../../src/db/hashInBackground.js';
import { populatedLedger, tempDir } from '../support/dataFolder.js';

// Every hashing thread started, with its terminate() watched, to see a failed backup stop it.
const started = vi.hoisted(() => [] as { worker: NodeWorker; terminate: ReturnType<typeof vi.fn>; exit: Promise<number> }[]);
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  class Watched extends real.Worker {
    constructor(script: string | URL, options?: WorkerOptions) {
      super(script, options);
      if (options?.eval) {
        const exit = new Promise<number>((resolve) => this.once('exit', resolve));
        started.push({ worker: this, terminate: vi.spyOn(this as NodeWorker, 'terminate') as never, exit });
      }
    }
  }
  return { ...real, Worker: Watched, default: { ...real, Worker: Watched } };
});

const root = tempDir('hash-background');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('hashInBackground', () => {
  it('gives the SHA-256 of a file of several 1 MB chunks, or of a part of it, as sha256File does', () => {
    const file = path.join(root, 'three-and-a-bit.bin');
    const bytes = crypto.randomBytes(3 * (1 << 20) + 12_345);
    fs.writeFileSync(file, bytes);
    const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
    expect(hashInBackground(file, 0, bytes.length).digest()).toBe(sha(bytes));
    const [from, to] = [(1 << 20) + 5, 3 * (1 << 20) + 7];
    expect([hashInBackground(file, from, to).digest(), sha256File(file, from, to)]).toEqual([sha(bytes.subarray(from, to)), sha(bytes.subarray(from, to))]);
  });

  it('falls back to this thread when the thread cannot read: the same error sha256File throws', () => {
    const missing = path.join(root, 'gone.sqlite3');
    const hashing = hashInBackground(missing, 0, 1 << 20);
    expect(() => sha256File(missing)).toThrow(/ENOENT/);
    expect(() => hashing.digest()).toThrow(/ENOENT.*gone\.sqlite3/);
  });
});

describe('a backup that fails its check', () => {
  it('stops its hashing thread, which exits, before the copy is deleted', async () => {
    const dataDir = path.join(root, 'data');
    const { ledger } = populatedLedger(dataDir);
    try {
      fs.rmSync(path.join(dataDir, 'attachments'), { recursive: true });
      started.length = 0;
      const target = path.join(root, 'backup');
      expect(() => writeBackup(ledger.db, path.join(dataDir, 'attachments'), target)).toThrow('备份写好后检查未通过');
      expect(fs.existsSync(`${target}.part`)).toBe(false);
      expect(started).toHaveLength(1);
      expect(started[0]!.terminate).toHaveBeenCalledTimes(1);
      await expect(Promise.race([started[0]!.exit.then(() => 'exited'), new Promise((r) => setTimeout(() => r('running'), 5000))])).resolves.toBe('exited');
    } finally {
      await ledger.close();
    }
  });
});
