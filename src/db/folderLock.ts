/**
 * One process at a time encrypts a data folder in place. The desktop app (or browser mode) and a `netledger`
 * command can both sign an administrator in to the same plain register at once; each would make its own key,
 * write its own keys.json and throw away the other's `.encrypting` copy — leaving a register no password opens.
 * The lock is a file created with O_EXCL holding the owner's pid: a process killed while holding it leaves it
 * behind, and the next one takes it over once that pid is no longer alive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';

export const ENCRYPT_LOCK = 'encrypting.lock';
/** Encrypting a register of an office takes seconds; a wait much longer than that is refused with "try again". */
const WAIT_MS = 60_000;
const POLL_MS = 50;

/** Folders this thread holds the lock of: the encryption steps nest (sign-in → openNow), the lock does not. */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, but someone else's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Blocks this thread (the writer's: nothing else may touch the register meanwhile). */
export const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes the lock, or says whose it is (a live pid), or null when a stale one was just removed. */
function tryTake(file: string): number | null | 'taken' {
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
    return 'taken';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const owner = Number.parseInt(fs.readFileSync(file, { encoding: 'utf8', flag: 'r' }) || '0', 10);
  // An empty file is one being written this instant: treat it as held.
  if (Number.isNaN(owner) || owner === 0 || alive(owner)) return owner || -1;
  fs.rmSync(file, { force: true });
  return null;
}

/**
 * Runs `work` holding the data folder's encryption lock. `onWait` runs once, before waiting for another process's
 * lock (a waiting sign-in closes its own connection to the plain register, which the other's encryption needs).
 */
export function withEncryptLock<T>(dir: string, work: () => T, onWait: () => void = () => undefined): T {
  const file = path.join(dir, ENCRYPT_LOCK);
  if (held.has(file)) return work();
  const deadline = Date.now() + WAIT_MS;
  let waited = false;
  for (;;) {
    let state: number | null | 'taken';
    try {
      state = tryTake(file);
    } catch (err) {
      // Removed by its owner between our create and our read: try again.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    if (state === 'taken') break;
    if (state === null) continue;
    if (Date.now() > deadline) throw new LedgerError('CONFLICT', msg.crypt.encryptingElsewhere);
    if (!waited) onWait();
    waited = true;
    sleep(POLL_MS);
  }
  held.add(file);
  try {
    return work();
  } finally {
    held.delete(file);
    fs.rmSync(file, { force: true });
  }
}
