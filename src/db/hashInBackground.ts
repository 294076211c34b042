/**
 * The SHA-256 of a part of a backup's copy (checkedRecord.ts), hashed on a thread of its own while the backup walks the
 * copy's pages and copies its scans. Hashed inline it cost ~2.3 s of CPU at a 2.3 GB register and took the backup from
 * ~1.2× to ~1.4× its VACUUM INTO (the target is 1.3×); the machines we run on have 2 cores, so the page walk and the
 * hashes overlap. writeBackup stays synchronous (the export worker, keyGate and upgrade call it so): the thread reports
 * through shared memory and the caller joins with Atomics.wait, allowed on Node's main thread, in worker threads and
 * in Electron's main process. The worker is an `eval` script importing nothing of ours, so the bundle needs no entry
 * for it. If the thread fails or stalls, the same digest is computed here (sha256File), only slower.
 */
import { Worker } from 'node:worker_threads';
import { sha256File } from './durable.js';

// CommonJS, as `eval` workers are. Reads as sha256File does (1 MB chunks from start up to end); slot 1 counts chunks
// so the join can tell a slow disk from a thread that never started or hung.
const SCRIPT = `
const { workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const fs = require('node:fs');
const state = new Int32Array(workerData.state);
try {
  const hash = crypto.createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = fs.openSync(workerData.file, 'r');
  try {
    const { start, end } = workerData;
    let n;
    for (let at = start; at < end && (n = fs.readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at)) > 0; at += n) {
      hash.update(buffer.subarray(0, n));
      Atomics.add(state, 1, 1);
    }
  } finally {
    fs.closeSync(fd);
  }
  hash.digest().copy(Buffer.from(workerData.digest));
  Atomics.store(state, 0, 1); // DONE
} catch {
  Atomics.store(state, 0, 2); // failed: the join hashes here
}
Atomics.notify(state, 0);
`;

const RUNNING = 0;
const DONE = 1;
/** No chunk read for this long: the thread is given up and the file hashed here. */
const STALL_MS = 15_000;
const TICK_MS = 500;

export interface BackgroundHash {
  /** The part's SHA-256 as hex: the thread's, or on its failure or stall this thread's (sha256File's result or error). */
  digest(): string;
  /** Stops the thread: the backup failed and its file is about to be deleted. */
  cancel(): void;
}

/** Starts hashing `file` from `start` up to `end` (bytes), which must not change until digest() or cancel(). */
export function hashInBackground(file: string, start: number, end: number, stallMs = STALL_MS): BackgroundHash {
  const digest = new SharedArrayBuffer(32);
  const state = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(SCRIPT, { eval: true, workerData: { file, start, end, digest, state: state.buffer } });
  // A failed start is seen by the join as a stall; the event only keeps it from being an uncaught error.
  worker.on('error', () => {});
  // The digest comes through shared memory: a thread winding down after it must not keep a backup job's worker alive,
  // which counts as running (a restore is refused) until it exits.
  worker.unref();
  const cancel = () => void worker.terminate().catch(() => {});
  return {
    digest() {
      let chunks = -1;
      let idleSince = Date.now();
      while (Atomics.load(state, 0) === RUNNING) {
        Atomics.wait(state, 0, RUNNING, TICK_MS);
        const now = Atomics.load(state, 1);
        if (now !== chunks) [chunks, idleSince] = [now, Date.now()];
        else if (Date.now() - idleSince > stallMs) break;
      }
      if (Atomics.load(state, 0) === DONE) return Buffer.from(digest).toString('hex');
      cancel();
      return sha256File(file, start, end);
    },
    cancel,
  };
}
