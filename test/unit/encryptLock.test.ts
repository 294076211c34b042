/**
 * The lock that lets one process at a time encrypt a data folder in place (src/db/folderLock.ts): a lock of a live
 * process is waited for (the waiter first lets go of its own connection), one a killed process left is taken over.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ENCRYPT_LOCK, withEncryptLock } from '../../src/db/folderLock.js';
import { tempDir } from '../support/dataFolder.js';

const root = tempDir('encrypt-lock');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

it('waits for the lock of a live process, calling onWait once, and removes its own afterwards', () => {
  const dir = path.join(root, 'live');
  fs.mkdirSync(dir);
  const lock = path.join(dir, ENCRYPT_LOCK);
  // The other process: alive (our parent), its lock released 400 ms from now.
  fs.writeFileSync(lock, String(process.ppid));
  spawn('sh', ['-c', `sleep 0.4; rm -f '${lock}'`], { stdio: 'ignore' });
  let waits = 0;
  const started = Date.now();
  const seen = withEncryptLock(dir, () => fs.readFileSync(lock, 'utf8'), () => waits++);
  expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  expect({ seen, waits }).toEqual({ seen: String(process.pid), waits: 1 });
  expect(fs.existsSync(lock)).toBe(false);
});

it('takes over a lock whose process is gone, and nests in the same thread without waiting', () => {
  const dir = path.join(root, 'stale');
  fs.mkdirSync(dir);
  const gone = spawnSync('true').pid!;
  fs.writeFileSync(path.join(dir, ENCRYPT_LOCK), String(gone));
  let waits = 0;
  const inner = withEncryptLock(dir, () => withEncryptLock(dir, () => 'nested', () => waits++), () => waits++);
  expect({ inner, waits }).toEqual({ inner: 'nested', waits: 0 });
  expect(fs.existsSync(path.join(dir, ENCRYPT_LOCK))).toBe(false);
});
