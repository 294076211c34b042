/**
 * Starts the console in browser mode on a fresh data folder (like a newcomer's first start) and hands
 * the tokenised URL to the tests. The renderer must be built first (npm run build).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, type Page } from '@playwright/test';

const BIN = path.join(import.meta.dirname, '../../src/bin/netledger.mjs');
/** The administrator every e2e register is created with (invented); pages sign in with it (signIn below). */
export const ADMIN = { name: '管理员', password: 'e2e-only-password-1' };
process.env.NETLEDGER_PASSWORD = ADMIN.password;
export const SHOTS = path.join(import.meta.dirname, 'artifacts');

export interface RunningConsole {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** `prepare` fills the data folder before the console starts on it (a register of an earlier release, say). */
export async function startConsole(demoMembers: number, prepare?: (dataDir: string) => Promise<void>): Promise<RunningConsole> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-e2e-'));
  fs.mkdirSync(SHOTS, { recursive: true });
  await prepare?.(dataDir);
  // No demo members: a first start, with no operator yet (the page asks for the administrator).
  if (demoMembers > 0) {
    const demo = spawn(process.execPath, [BIN, 'demo', '--data-dir', dataDir, '--members', String(demoMembers)]);
    await new Promise((resolve) => demo.on('exit', resolve));
  }
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--data-dir', dataDir, '--port', '0']);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
      if (m) resolve(m[0]);
    });
    child.on('exit', () => reject(new Error(`server exited: ${out}`)));
  });
  // One token, one session (src/hosts/session.ts): signed in here, every page of the spec opens signed in.
  const { origin, searchParams } = new URL(url);
  if (demoMembers > 0) await fetch(`${origin}/rpc/auth.signIn`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': searchParams.get('token')! }, body: JSON.stringify(ADMIN) });
  return {
    url,
    dataDir,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.on('exit', resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One console per spec file, started before its tests and stopped after them. */
export function useConsole(demoMembers: number, prepare?: (dataDir: string) => Promise<void>): () => RunningConsole {
  let app: RunningConsole | undefined;
  test.beforeAll(async () => {
    app = await startConsole(demoMembers, prepare);
  });
  test.afterAll(async () => {
    await app?.stop();
  });
  return () => app!;
}

/** Screenshots land in test/e2e/artifacts/ (not committed) to be looked at after a run. */
export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

/** Calls the register from inside the page (same token as the page), to look up test fixtures. */
export function rpc<T>(page: Page, name: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([n, i]) => {
      const res = await fetch(`/rpc/${n}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': sessionStorage.getItem('netledger.token') ?? '' },
        body: JSON.stringify(i),
      });
      return (await res.json()).value;
    },
    [name, input] as const,
  ) as Promise<T>;
}
