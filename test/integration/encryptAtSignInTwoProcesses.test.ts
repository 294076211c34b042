/**
 * Two processes (the desktop app and a scheduled `netledger backup`, or two scripted commands) signing in as the
 * administrator at once on a register of an earlier release. Without a lock across processes each made its own key
 * and keys.json, and one threw away the other's `.encrypting` copy: a register no password opened (seen here in
 * one trial of ten before the lock). With it, both succeed — the second waits and opens what the first encrypted.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { isPlainDatabase } from '../../src/db/open.js';
import { cli, tempDir } from '../support/dataFolder.js';
import { legacyRegister } from '../support/legacyRegister.js';

const BIN = path.join(import.meta.dirname, '../../src/bin/netledger.mjs');
const root = tempDir('crypt-two-processes');
afterAll(() => process.env.KEEP || fs.rmSync(root, { recursive: true, force: true }));

const run = (dir: string, delayMs: number) =>
  new Promise<{ code: number | null; err: string }>((resolve) => {
    setTimeout(() => {
      const child = spawn(process.execPath, [BIN, 'stats', '--json', '--data-dir', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.once('exit', (code) => resolve({ code, err }));
    }, delayMs);
  });

it('two administrator sign-ins at once in two processes leave a register that opens', { timeout: 300_000 }, async () => {
  const template = path.join(root, 'template');
  await legacyRegister(template);
  const outcomes: string[] = [];
  const TRIALS = Number(process.env.TRIALS ?? 10);
  for (let t = 0; t < TRIALS; t++) {
    const dir = path.join(root, `t${t}`);
    fs.cpSync(template, dir, { recursive: true });
    const [a, b] = await Promise.all([run(dir, 0), run(dir, (t % 5) * 15)]);
    const after = await cli(['stats', '--json', '--data-dir', dir]);
    outcomes.push(`trial ${t}: a=${a.code} b=${b.code} plain=${isPlainDatabase(path.join(dir, 'ledger.sqlite3'))} next=${after.code} ${after.code ? after.err.slice(0, 120) : ''} | a: ${a.err.slice(0, 100)} | b: ${b.err.slice(0, 100)}`);
  }
  console.log(outcomes.join('\n'));
  expect(outcomes.filter((o) => !o.includes('a=0 b=0 plain=false next=0 '))).toEqual([]);
  expect(fs.readdirSync(path.join(root, 't0')).filter((n) => n.includes('encrypting'))).toEqual([]);
});
