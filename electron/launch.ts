/**
 * `npm start`: the desktop window when the Electron runtime and better-sqlite3 built for it are both there,
 * otherwise browser mode on 127.0.0.1 with a data folder that is filled with invented demo data on its first
 * start. It never builds the native module nor reaches the network (native.ts). It runs under plain Node
 * (tsx), so it lives beside the Electron code it launches, not in the core.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserMode } from '../src/hosts/browserMode.js';
import { DEFAULT_DATA_DIR } from '../src/hosts/ledger.js';
import { startMsg } from '../src/i18n/startMessages.js';
import { planLaunch } from './native.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const DEMO_MEMBERS = 2000;
const PREFERRED_PORT = 4780;

function electronBinary(): string | null {
  try {
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null; // the package is there but its runtime was never downloaded (allowScripts: electron false)
  }
}

function build(): boolean {
  const cli = path.join(root, 'node_modules/electron-vite/bin/electron-vite.js');
  return spawnSync(process.execPath, [cli, 'build', '-c', 'electron.config.ts'], { cwd: root, stdio: 'inherit' }).status === 0;
}

function openInBrowser(url: string): void {
  if (process.env.CI || process.argv.includes('--no-open')) return;
  const [cmd, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : [process.platform === 'darwin' ? 'open' : 'xdg-open', [url]];
  const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined); // no desktop browser: the printed address is enough
  child.unref();
}

async function browserMode(reason: string): Promise<void> {
  console.log(reason);
  if (!fs.existsSync(path.join(root, 'out/renderer/index.html')) && !build()) {
    console.error(startMsg.buildFailed);
    process.exit(1);
  }
  const dataDir = process.env.NETLEDGER_DATA_DIR || path.join(root, DEFAULT_DATA_DIR);
  const running = await startBrowserMode(dataDir, {
    ports: [PREFERRED_PORT, 0],
    demoMembers: DEMO_MEMBERS,
    onDemo: (n) => console.log(startMsg.fillingDemo(n)),
    onNotice: (line) => console.log(line),
  });
  console.log(startMsg.browserReady(running.url, path.resolve(dataDir)));
  openInBrowser(running.url);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(): Promise<void> {
  const plan = planLaunch(root, electronBinary());
  if (plan.mode === 'browser') return browserMode(plan.reason);
  if (!build()) return browserMode(startMsg.buildFailed);
  const child = spawn(plan.electron, [root], { stdio: 'inherit', env: { ...process.env, NETLEDGER_SQLITE_BINDING: plan.binding } });
  child.on('exit', (code) => process.exit(code ?? 0));
}

await main();
