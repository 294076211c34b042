/**
 * Pulling the plug: the CLI is killed (SIGKILL, no cleanup) at seeded random moments while it generates the
 * demo register and while it exports a report. After every kill `netledger check` must pass and the register
 * must hold all of the demo or none of it. Bounded: 30 kills, each aimed at the moment the work is under way,
 * run in two lanes at once because most of each run is Node and tsx starting up.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/demo/random.js';
import { cli, registerStats, tempDir } from '../support/dataFolder.js';

const BIN = path.join(import.meta.dirname, '../../src/bin/netledger.mjs');
const root = tempDir('crash');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const LANES = [new SeededRandom(20261125), new SeededRandom(20261126)];

/** Runs `count` numbered steps, the even ones in one lane and the odd ones in the other, each with its own seed. */
async function inLanes(count: number, step: (i: number, rng: SeededRandom) => Promise<void>): Promise<void> {
  await Promise.all(
    LANES.map(async (rng, lane) => {
      for (let i = lane; i < count; i += LANES.length) await step(i, rng);
    }),
  );
}

const stats = async (dataDir: string) => {
  const r = await cli(['stats', '--json', '--data-dir', dataDir]);
  expect(r.code).toBe(0);
  return JSON.parse(registerStats(r.out)) as Record<string, unknown>;
};

/**
 * Starts the CLI and kills it `window * random` ms after its register's WAL appears (the process has opened the
 * database; before that a kill only interrupts Node starting up). Resolves when the process is gone.
 */
async function killDuring(args: string[], dataDir: string, windowMs: number, rng: SeededRandom | null): Promise<number> {
  const child = spawn(process.execPath, [BIN, ...args, '--data-dir', dataDir], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const wal = path.join(dataDir, 'ledger.sqlite3-wal');
  while (!gone && !fs.existsSync(wal)) await new Promise((r) => setTimeout(r, 5));
  const opened = Date.now();
  if (rng) {
    await new Promise((r) => setTimeout(r, Math.floor(rng.next() * windowMs)));
    child.kill('SIGKILL');
  }
  await exited;
  return Date.now() - opened;
}

/**
 * How long the command runs once its register is open, on this machine now (a loaded machine is several times
 * slower): the kills are spread over a little more than that, so some land after the commit whatever the speed.
 */
async function killWindow(args: string[], dataDir: string): Promise<number> {
  return Math.ceil((await killDuring(args, dataDir, 0, null)) * 1.3);
}

async function expectCheckPasses(dataDir: string): Promise<void> {
  const r = await cli(['check', '--data-dir', dataDir]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
}

/** A finished .xlsx ends with a zip's end-of-central-directory record; a cut-off one does not. */
const isWholeZip = (file: string) => {
  const bytes = fs.readFileSync(file);
  return bytes.subarray(bytes.length - 22, bytes.length - 18).equals(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
};

describe('SIGKILL at random moments', () => {
  it('during demo generation (20 kills) and during an export (10 kills): check passes, counts all-or-nothing', async () => {
    const empty = path.join(root, 'empty');
    expect((await cli(['init', '--data-dir', empty])).code).toBe(0);
    const emptyStats = await stats(empty);
    const full = path.join(root, 'full');
    fs.cpSync(empty, full, { recursive: true });
    const demoWindow = await killWindow(['demo', '--members', '300'], full);
    const fullStats = await stats(full);
    expect(fullStats.members).toBe(300);

    const outcomes = { empty: 0, full: 0 };
    await inLanes(20, async (i, rng) => {
      const dataDir = path.join(root, `demo-${i}`);
      fs.cpSync(empty, dataDir, { recursive: true });
      await killDuring(['demo', '--members', '300'], dataDir, demoWindow, rng);
      await expectCheckPasses(dataDir);
      const after = await stats(dataDir);
      expect([emptyStats, fullStats]).toContainEqual(after);
      outcomes[after.members === 0 ? 'empty' : 'full']++;
    });
    // The seeds put kills on both sides of the commit; if they did not, the test would prove half as much.
    expect(outcomes.empty).toBeGreaterThan(0);
    expect(outcomes.full).toBeGreaterThan(0);

    const outDir = path.join(root, 'exports');
    fs.mkdirSync(outDir);
    for (const lane of LANES.keys()) fs.cpSync(full, `${full}-${lane}`, { recursive: true });
    const exportWindow = await killWindow(['report', 'detail', '--out', path.join(outDir, 'whole.xlsx')], `${full}-0`);
    await inLanes(10, async (i, rng) => {
      const dataDir = `${full}-${i % LANES.length}`;
      const out = path.join(outDir, `detail-${i}.xlsx`);
      await killDuring(['report', 'detail', '--out', out], dataDir, exportWindow, rng);
      await expectCheckPasses(dataDir);
      expect(await stats(dataDir)).toEqual(fullStats);
      if (fs.existsSync(out)) expect(isWholeZip(out)).toBe(true);
    });
  }, 300_000);
});
