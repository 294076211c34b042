/**
 * better-sqlite3 in node_modules is built for Node (tests, CLI). Electron needs its own ABI, so a second build
 * is kept apart in .electron-native/<Electron version>/. It is made by an explicit build step from local inputs
 * (buildNative.ts, `npm run build:electron-native`); `npm start` only looks for it and never builds or downloads.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { nativeMsg, startMsg } from '../src/i18n/startMessages.js';

export const BUILD_NATIVE_COMMAND = 'npm run build:electron-native';
export const HEADERS_ENV = 'NETLEDGER_ELECTRON_HEADERS';

export function electronVersion(root: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export function electronNativeFile(root: string, version: string): string {
  return path.join(root, '.electron-native', version, 'better_sqlite3.node');
}

export type LaunchPlan = { mode: 'browser'; reason: string } | { mode: 'electron'; electron: string; binding: string };

/** What `npm start` does, decided from files alone: no process is started and nothing is fetched here. */
export function planLaunch(root: string, electron: string | null): LaunchPlan {
  if (!electron) return { mode: 'browser', reason: startMsg.noElectron };
  const version = electronVersion(root);
  const binding = electronNativeFile(root, version);
  if (!fs.existsSync(binding)) return { mode: 'browser', reason: startMsg.nativeMissing(version, BUILD_NATIVE_COMMAND) };
  return { mode: 'electron', electron, binding };
}

/** node-gyp from the project's own dependencies if there, else the one npm runs scripts with. */
export function findNodeGyp(root: string, env: NodeJS.ProcessEnv): string | null {
  try {
    return createRequire(path.join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return env.npm_config_node_gyp && fs.existsSync(env.npm_config_node_gyp) ? env.npm_config_node_gyp : null;
  }
}

export interface NativeBuild {
  root: string;
  /** Extracted Electron headers of exactly this Electron version (contains include/node/node.h). */
  headers: string | undefined;
  nodeGyp: string | null;
}

/**
 * Compiles better-sqlite3 against local Electron headers with `--nodedir`, which makes node-gyp use them
 * as they are (it then never downloads). Returns the file written, or throws an Error with a Chinese message.
 */
export function buildElectronNative({ root, headers, nodeGyp }: NativeBuild): string {
  const version = electronVersion(root);
  if (!headers) throw new Error(nativeMsg.needHeaders(version, HEADERS_ENV));
  const nodedir = path.resolve(headers);
  if (!fs.existsSync(path.join(nodedir, 'include/node/node.h'))) throw new Error(nativeMsg.notHeaders(nodedir, version));
  if (!nodeGyp) throw new Error(nativeMsg.noNodeGyp);
  const work = path.join(root, '.electron-native', 'build');
  fs.rmSync(work, { recursive: true, force: true });
  const source = path.join(root, 'node_modules/better-sqlite3-multiple-ciphers');
  // Node's own build/ is left behind: node-gyp rebuild would delete it anyway.
  fs.cpSync(source, work, { recursive: true, filter: (from) => from !== path.join(source, 'build') });
  const result = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--nodedir=${nodedir}`], { cwd: work, stdio: 'inherit' });
  const built = path.join(work, 'build/Release/better_sqlite3.node');
  if (result.status !== 0 || !fs.existsSync(built)) throw new Error(nativeMsg.failed);
  const target = electronNativeFile(root, version);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(built, target);
  fs.rmSync(work, { recursive: true, force: true });
  return target;
}
