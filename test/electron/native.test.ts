/**
 * `npm start` never builds or downloads: it only looks for better-sqlite3 already built for Electron. The build
 * is an explicit step that compiles against local headers with --nodedir. A fake node-gyp stands in for the
 * compiler here (the real build was checked by hand in a network namespace with no network).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nativeMsg, startMsg } from '../../src/i18n/startMessages.js';

const spawned = vi.hoisted(() => [] as string[][]);
vi.mock('node:child_process', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:child_process')>();
  const record =
    <F extends (...a: never[]) => unknown>(fn: F) =>
    (...args: Parameters<F>) => {
      spawned.push([String(args[0]), ...((Array.isArray(args[1]) ? args[1] : []) as string[])]);
      return fn(...args);
    };
  return { ...real, spawn: record(real.spawn), spawnSync: record(real.spawnSync), exec: record(real.exec), execFile: record(real.execFile) };
});

const { BUILD_NATIVE_COMMAND, buildElectronNative, electronNativeFile, electronVersion, planLaunch } = await import('../../electron/native.js');

const repo = path.resolve(import.meta.dirname, '../..');
const VERSION = '40.10.2';
let root: string;

function write(file: string, text: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

beforeEach(() => {
  spawned.length = 0;
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-native-'));
  write(path.join(root, 'node_modules/electron/package.json'), JSON.stringify({ version: VERSION }));
  write(path.join(root, 'node_modules/better-sqlite3-multiple-ciphers/binding.gyp'), '{}');
  write(path.join(root, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'), 'built for Node');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('npm start', () => {
  it('opens browser mode without the Electron runtime', () => {
    expect(planLaunch(root, null)).toEqual({ mode: 'browser', reason: startMsg.noElectron });
  });

  it('opens browser mode, naming the build command, when better-sqlite3 was not built for this Electron', () => {
    const plan = planLaunch(root, '/opt/electron/electron');
    expect(plan).toEqual({ mode: 'browser', reason: startMsg.nativeMissing(VERSION, BUILD_NATIVE_COMMAND) });
    expect(BUILD_NATIVE_COMMAND).toBe('npm run build:electron-native');
    expect(fs.existsSync(path.join(root, '.electron-native'))).toBe(false);
    expect(spawned).toEqual([]);
  });

  it('uses the build made for this Electron version', () => {
    const binding = electronNativeFile(root, VERSION);
    write(binding, 'built for Electron');
    expect(binding).toBe(path.join(root, '.electron-native', VERSION, 'better_sqlite3.node'));
    expect(planLaunch(root, '/opt/electron/electron')).toEqual({ mode: 'electron', electron: '/opt/electron/electron', binding });
    expect(spawned).toEqual([]);
  });

  it('has no download at run time in electron/ or src/ (npx, the headers host, https) outside comments', () => {
    const hits: string[] = [];
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of [...walk(path.join(repo, 'electron')), ...walk(path.join(repo, 'src'))]) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const comment = /^\s*(\/\/|\/\*|\*)/.test(line);
          if (/npx|electronjs\.org|https:\/\//.test(line) && !comment) hits.push(`${path.relative(repo, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(hits).toEqual([]);
    expect(fs.readFileSync(path.join(repo, 'electron/launch.ts'), 'utf8')).not.toMatch(/node-gyp|buildElectronNative/);
  });
});

describe('npm run build:electron-native', () => {
  /** Records how it was called, then leaves the file a real compile would, or fails like one. */
  function fakeNodeGyp(exitCode: number): { script: string; calls: string } {
    const script = path.join(root, 'fake-node-gyp.cjs');
    const calls = path.join(root, 'calls.json');
    write(
      script,
      `const fs = require('fs');
       fs.writeFileSync(${JSON.stringify(calls)}, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(), hadNodeBuild: fs.existsSync('build') }));
       if (${exitCode} === 0) { fs.mkdirSync('build/Release', { recursive: true }); fs.writeFileSync('build/Release/better_sqlite3.node', 'compiled for Electron'); }
       process.exit(${exitCode});`,
    );
    return { script, calls };
  }

  function headersFolder(): string {
    const dir = path.join(root, 'node_headers');
    write(path.join(dir, 'include/node/node.h'), '// Electron headers');
    return dir;
  }

  it('compiles a copy of better-sqlite3 against the local headers with --nodedir, into .electron-native/<version>/', () => {
    const gyp = fakeNodeGyp(0);
    const headers = headersFolder();
    const file = buildElectronNative({ root, headers, nodeGyp: gyp.script });
    expect(file).toBe(electronNativeFile(root, VERSION));
    expect(fs.readFileSync(file, 'utf8')).toBe('compiled for Electron');
    const call = JSON.parse(fs.readFileSync(gyp.calls, 'utf8')) as { args: string[]; cwd: string; hadNodeBuild: boolean };
    expect(call.args).toEqual(['rebuild', '--release', `--nodedir=${headers}`]);
    expect(call.cwd).toBe(path.join(root, '.electron-native', 'build'));
    expect(call.hadNodeBuild).toBe(false);
    // Node's own build (tests, CLI) is untouched; the work folder is gone.
    expect(fs.readFileSync(path.join(root, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'), 'utf8')).toBe('built for Node');
    expect(fs.existsSync(path.join(root, '.electron-native', 'build'))).toBe(false);
    expect(spawned).toEqual([[process.execPath, gyp.script, 'rebuild', '--release', `--nodedir=${headers}`]]);
  });

  it('refuses without headers, with a folder that holds none, without node-gyp, and when the compile fails', () => {
    const gyp = fakeNodeGyp(1);
    expect(() => buildElectronNative({ root, headers: undefined, nodeGyp: gyp.script })).toThrow(
      nativeMsg.needHeaders(VERSION, 'NETLEDGER_ELECTRON_HEADERS'),
    );
    expect(() => buildElectronNative({ root, headers: root, nodeGyp: gyp.script })).toThrow(nativeMsg.notHeaders(root, VERSION));
    expect(() => buildElectronNative({ root, headers: headersFolder(), nodeGyp: null })).toThrow(nativeMsg.noNodeGyp);
    expect(spawned).toEqual([]);
    expect(() => buildElectronNative({ root, headers: headersFolder(), nodeGyp: gyp.script })).toThrow(nativeMsg.failed);
    expect(fs.existsSync(electronNativeFile(root, VERSION))).toBe(false);
  });

  it('the npm script says in Chinese what it needs and exits 1 when no headers are given', () => {
    const env = { ...process.env, NETLEDGER_ELECTRON_HEADERS: '' };
    const r = spawnSync(process.execPath, [path.join(repo, 'node_modules/tsx/dist/cli.mjs'), 'electron/buildNative.ts'], { cwd: repo, env, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(nativeMsg.needHeaders(electronVersion(repo), 'NETLEDGER_ELECTRON_HEADERS'));
  });
});
