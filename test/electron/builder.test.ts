/**
 * The installers' configuration, checked here where no Electron runtime exists: electron-builder loads and validates
 * electron-builder.config.ts as `npm run dist` does; its own file matchers are evaluated against this repository's
 * tree (plus a build output, data folders and a stray native build) to list what would be packaged; its own fuse
 * mapping is flipped into a stand-in binary and read back by verify-dist's check; and verify-dist's archive check
 * is run on real asar archives. Finally electron-builder really packs the app here, from a stand-in Electron (no
 * download, no native rebuild), and verify-dist's checks pass on what it made.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { flipFuses } from '@electron/fuses';
import { createRequire } from 'node:module';
import { getFileMatchers, type FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { PlatformPackager } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'electron-builder';
import { DebugLogger, walk } from 'builder-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryArch, checkAppArchive, checkFuses, NATIVE_MODULE } from '../../scripts/distChecks.js';

/** The matchers a build uses for the app's files and its node_modules (marked internal in electron-builder's typings). */
const { getMainFileMatchers, getNodeModuleFileMatcher } = createRequire(import.meta.url)('app-builder-lib/out/fileMatcher.js') as {
  getMainFileMatchers(appDir: string, destination: string, expand: (s: string) => string, platformOptions: unknown, packager: unknown, outDir: string, electronCompile: boolean): FileMatcher[];
  getNodeModuleFileMatcher(appDir: string, destination: string, expand: (s: string) => string, platformOptions: unknown, packager: unknown): FileMatcher;
};

const root = path.join(import.meta.dirname, '../..');
const migrations = fs.readdirSync(path.join(root, 'src/db/migrations')).filter((f) => f.endsWith('.sql'));
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-builder-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(root, 'electron-builder.config.ts', null);
});

/** What electron-builder's PlatformPackager gives the matchers, for a project at `projectDir`. */
function packagerInfo(projectDir: string) {
  return { info: { projectDir, buildResourcesDir: 'build', isPrepackedAppAsar: false, config, debugLogger: new DebugLogger(false) } };
}
const same = (s: string) => s;

describe('electron-builder configuration', () => {
  it('loads the way `npm run dist` loads it and passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder --config electron-builder.config.ts --publish never');
    expect(pkg.allowScripts.electron).toBe(false); // npm ci never downloads the Electron runtime
  });

  it('builds an NSIS installer and a portable .exe for Windows x64, a .deb and an AppImage for Linux x64 and arm64', () => {
    expect(config.win!.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.linux!.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.publish).toBeNull();
  });

  it('installs per user without administrator rights, in Chinese, and never deletes the data on uninstall', () => {
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, installerLanguages: ['zh_CN'], language: '2052', deleteAppDataOnUninstall: false });
    expect(config.portable).toMatchObject({ requestExecutionLevel: 'user' });
    expect(config.executableName).toBe('netledger'); // the portable .exe and the Linux command are `netledger`
    // The packaged package.json carries the build date the About dialog shows.
    expect(Date.now() - Date.parse(config.extraMetadata.buildDate)).toBeLessThan(60 * 60 * 1000);
  });

  it('rebuilds the native module for Electron at package time and keeps it outside app.asar', () => {
    expect(config).toMatchObject({ npmRebuild: true, nativeRebuilder: 'sequential', buildDependenciesFromSource: false, asarUnpack: ['**/*.node'] });
    const [unpack] = getFileMatchers(config, 'asarUnpack', root, { macroExpander: same, customBuildOptions: {}, globalOutDir: path.join(root, 'dist'), defaultSrc: root })!;
    const filter = unpack!.createFilter();
    const file = fs.statSync(path.join(root, 'package.json'));
    expect(filter(path.join(root, NATIVE_MODULE), file)).toBe(true);
    // Workers and migrations stay in the archive: Electron reads worker scripts and files from app.asar itself.
    expect(filter(path.join(root, 'out/main/exportWorker.js'), file)).toBe(false);
    expect(filter(path.join(root, 'out/main/migrations/0001_register.sql'), file)).toBe(false);
  });
});

describe('files packaged into app.asar', () => {
  const project = path.join(temp, 'project');
  const produced = [
    'out/main/main.js',
    'out/main/exportWorker.js',
    'out/main/coreWorker.js',
    'out/main/chunks/version-abc.js',
    ...migrations.map((m) => `out/main/migrations/${m}`),
    'out/preload/preload.cjs',
    'out/renderer/index.html',
    'out/renderer/assets/index-abc.js',
  ];
  const strays = [
    'netledger-data/ledger.sqlite3',
    'netledger-data/backups/ledger-20261120-083000.sqlite3',
    'netledger-data/attachments/ab/abcdef.pdf',
    'data/ledger.sqlite3',
    '.tmp/vitest.json',
    'dist/linux-unpacked/netledger',
    '.electron-native/40.10.2/better_sqlite3.node',
    'ledger.sqlite3',
  ];
  let packaged: string[];

  beforeAll(async () => {
    // A copy of this repository's tree (names only, node_modules and .git aside) with a build output and the
    // folders a developer's checkout may hold.
    const mirror = (from: string, to: string) => {
      for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
        if (entry.name === 'node_modules' || entry.name === '.git') continue;
        if (entry.isDirectory()) mirror(path.join(from, entry.name), path.join(to, entry.name));
        else if (entry.isFile()) {
          fs.mkdirSync(to, { recursive: true });
          fs.writeFileSync(path.join(to, entry.name), '');
        }
      }
    };
    mirror(root, project);
    for (const f of [...produced, ...strays]) {
      fs.mkdirSync(path.dirname(path.join(project, f)), { recursive: true });
      fs.writeFileSync(path.join(project, f), '');
    }
    const matchers = getMainFileMatchers(project, project, same, config.linux!, packagerInfo(project), path.join(project, 'dist'), false);
    expect(matchers).toHaveLength(1);
    packaged = (await walk(project, matchers[0]!.createFilter()))
      .filter((f) => fs.statSync(f).isFile())
      .map((f) => path.relative(project, f).split(path.sep).join('/'))
      .sort();
  });

  it('takes the whole build output: main with its chunks, every migration, both workers, the preload and the page', () => {
    expect(packaged).toEqual(expect.arrayContaining([...produced, 'package.json']));
    // Whatever else a real build left in out/ goes too, and nothing else does.
    const realOut = fs.existsSync(path.join(root, 'out')) ? fs.readdirSync(path.join(root, 'out'), { recursive: true, withFileTypes: true }) : [];
    const built = realOut.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    expect(packaged).toEqual([...new Set([...produced, ...built.filter((f) => /^out\/(main|preload|renderer)\//.test(f)), 'package.json'])].sort());
  });

  it('takes nothing of the sources, tests, benchmarks, data folders or stray builds', () => {
    expect(packaged.filter((f) => /^(src|electron|renderer|test|bench|scripts|resources|netledger-data|data|\.tmp|dist|\.electron-native)\//.test(f))).toEqual([]);
    expect(packaged.filter((f) => f.endsWith('.sqlite3') || f.endsWith('.ts') || f.endsWith('.node'))).toEqual([]);
    // The repository really has such files, so the matcher had something to leave out.
    expect(fs.readdirSync(path.join(project, 'test/electron'))).toContain('builder.test.ts');
    expect(fs.readdirSync(path.join(project, 'bench')).length).toBeGreaterThan(0);
  });

  it('leaves out the command line’s TypeScript runner and better-sqlite3’s C sources, keeping what the app loads', () => {
    const matcher = getNodeModuleFileMatcher(project, project, same, config.linux!, packagerInfo(project).info);
    const filter = matcher.createFilter();
    const dir = fs.statSync(project);
    const kept = (moduleFile: string) => filter(path.join(project, moduleFile), Object.assign(Object.create(dir), { isDirectory: () => false, moduleFullFilePath: moduleFile }));
    for (const f of ['node_modules/tsx/dist/cli.mjs', 'node_modules/esbuild/bin/esbuild', 'node_modules/@esbuild/linux-x64/bin/esbuild', 'node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c', 'node_modules/better-sqlite3-multiple-ciphers/src/better_sqlite3.cpp', 'node_modules/better-sqlite3-multiple-ciphers/build/Release/obj/gen/sqlite3/sqlite3.c', 'node_modules/better-sqlite3-multiple-ciphers/build/Release/test_extension.node']) {
      expect(kept(f), f).toBe(false);
    }
    for (const f of [NATIVE_MODULE, 'node_modules/better-sqlite3-multiple-ciphers/lib/index.js', 'node_modules/exceljs/dist/es5/index.js', 'node_modules/zod/index.js', 'node_modules/pinyin-pro/dist/index.mjs']) {
      expect(kept(f), f).toBe(true);
    }
  });
});

describe('fuses', () => {
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  /** Electron's fuse wire as shipped: run-as-node, NODE_OPTIONS, --inspect and file:// privileges on. */
  const stockBinary = (file: string) => fs.writeFileSync(file, Buffer.concat([Buffer.alloc(512, 7), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001'), Buffer.alloc(512, 7)]));

  it('asks for run-as-node, NODE_OPTIONS and --inspect off; cookie encryption, asar integrity and asar-only on', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('verify-dist reads a stock Electron as wrong on every fuse, and as right once electron-builder flipped them', async () => {
    const binary = path.join(temp, 'electron');
    stockBinary(binary);
    const stock = await checkFuses(binary);
    expect(stock).toHaveLength(6);
    expect(stock.filter((f) => f.ok)).toEqual([]);
    // electron-builder's own translation of `electronFuses`, written the way it writes it after packing.
    const fuseConfig = await (PlatformPackager.prototype as unknown as { generateFuseConfig(f: unknown): Promise<Parameters<typeof flipFuses>[1]> }).generateFuseConfig(config.electronFuses);
    await flipFuses(binary, fuseConfig);
    const flipped = await checkFuses(binary);
    expect(flipped.map((f) => [f.fuse, f.actual, f.ok])).toEqual([
      ['runAsNode', 'off', true],
      ['enableNodeOptionsEnvironmentVariable', 'off', true],
      ['enableNodeCliInspectArguments', 'off', true],
      ['enableCookieEncryption', 'on', true],
      ['enableEmbeddedAsarIntegrityValidation', 'on', true],
      ['onlyLoadAppFromAsar', 'on', true],
    ]);
    const wire = fs.readFileSync(binary);
    const at = wire.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect(wire.subarray(at, at + 8).toString()).toBe('01001101'); // the two fuses not asked for are untouched
  });
});

describe('verify-dist’s checks of a packaged app', () => {
  const native = path.join(root, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');

  it('tells the CPU of ELF and PE binaries', () => {
    expect(binaryArch(process.execPath)).toBe(process.arch);
    expect(binaryArch(native)).toBe(process.arch);
    const pe = Buffer.alloc(512);
    pe.write('MZ', 0, 'latin1');
    pe.writeUInt32LE(0x80, 0x3c);
    pe.write('PE\0\0', 0x80, 'latin1');
    for (const [machine, arch] of [[0x8664, 'x64'], [0xaa64, 'arm64']] as const) {
      pe.writeUInt16LE(machine, 0x84);
      fs.writeFileSync(path.join(temp, 'app.exe'), pe);
      expect(binaryArch(path.join(temp, 'app.exe'))).toBe(arch);
    }
  });

  async function resources(name: string, extra: Record<string, string>, omit: string[] = []): Promise<string> {
    const app = path.join(temp, name, 'app');
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'netledger', version: '0.1.0', buildDate: '2026-11-20T08:30:00.000Z' }),
      'out/main/main.js': '',
      'out/main/exportWorker.js': '',
      'out/preload/preload.cjs': '',
      'out/renderer/index.html': '',
      'node_modules/exceljs/package.json': '{}',
      ...Object.fromEntries(migrations.map((m) => [`out/main/migrations/${m}`, ''])),
      ...extra,
    };
    for (const [f, content] of Object.entries(files)) {
      if (omit.includes(f)) continue;
      fs.mkdirSync(path.dirname(path.join(app, f)), { recursive: true });
      fs.writeFileSync(path.join(app, f), content);
    }
    const res = path.join(temp, name, 'resources');
    await asar.createPackage(app, path.join(res, 'app.asar'));
    fs.mkdirSync(path.dirname(path.join(res, 'app.asar.unpacked', NATIVE_MODULE)), { recursive: true });
    fs.copyFileSync(native, path.join(res, 'app.asar.unpacked', NATIVE_MODULE));
    return res;
  }

  it('passes an archive holding exactly the app, with the native module unpacked for its CPU', async () => {
    expect(checkAppArchive(await resources('good', {}), process.arch, migrations.length)).toEqual([]);
  });

  it('names each file that must not ship, each that is missing, and a native module for another CPU', async () => {
    const res = await resources('bad', { 'test/electron/builder.test.ts': '', 'node_modules/tsx/dist/cli.mjs': '', 'netledger-data/ledger.sqlite3': '' }, [
      'out/main/exportWorker.js',
      `out/main/migrations/${migrations[0]}`,
    ]);
    const other = process.arch === 'arm64' ? 'x64' : 'arm64';
    const problems = checkAppArchive(res, other, migrations.length);
    expect(problems).toEqual(
      expect.arrayContaining([
        'app.asar 缺少 /out/main/exportWorker.js',
        `app.asar 中有 ${migrations.length - 1} 个数据库迁移文件，应为 ${migrations.length} 个`,
        'app.asar 不应包含 /test/electron/builder.test.ts',
        'app.asar 不应包含 /node_modules/tsx/dist/cli.mjs',
        'app.asar 不应包含 /netledger-data/ledger.sqlite3',
        `${path.join(res, 'app.asar.unpacked', NATIVE_MODULE)} 是 ${process.arch} 程序，应为 ${other}`,
      ]),
    );
    expect(problems).toHaveLength(6);
  });
});

// electron-builder packs a Linux app from a Linux stand-in; elsewhere this part is left to the build machine.
describe.skipIf(process.platform !== 'linux')('packing here with electron-builder, from a stand-in Electron', () => {
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  const output = path.join(temp, 'dist');
  const unpacked = path.join(output, 'linux-unpacked');

  beforeAll(() => {
    if (!fs.existsSync(path.join(root, 'out/main/main.js'))) {
      const built = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '-c', 'electron.config.ts'], { cwd: root, encoding: 'utf8' });
      if (built.status !== 0) throw new Error(built.stderr);
    }
    // The Electron binary's place is taken by this Node with a stock fuse wire appended, so the fuses can be flipped.
    const electron = path.join(temp, 'electron-dist');
    fs.mkdirSync(path.join(electron, 'locales'), { recursive: true });
    fs.writeFileSync(path.join(electron, 'electron'), Buffer.concat([fs.readFileSync(process.execPath), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')]));
    fs.chmodSync(path.join(electron, 'electron'), 0o755);
    for (const locale of ['zh-CN', 'en-US', 'de', 'fr']) fs.writeFileSync(path.join(electron, 'locales', `${locale}.pak`), '');
    fs.writeFileSync(path.join(electron, 'chrome-sandbox'), '');
    const args = ['--config', 'electron-builder.config.ts', '--publish', 'never', '--linux', 'dir', `--${process.arch}`];
    const overrides = [`-c.electronDist=${electron}`, '-c.npmRebuild=false', `-c.directories.output=${output}`];
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-builder/cli.js'), ...args, ...overrides], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    if (r.status !== 0) throw new Error(r.stdout + r.stderr);
  }, 180_000);

  it('sets every fuse, packs exactly the app with better-sqlite3 unpacked, and only the Chinese and English locales', async () => {
    expect((await checkFuses(path.join(unpacked, 'netledger'))).filter((f) => !f.ok)).toEqual([]);
    expect(checkAppArchive(path.join(unpacked, 'resources'), process.arch, migrations.length)).toEqual([]);
    expect(fs.readdirSync(path.join(unpacked, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
    const pkg = JSON.parse(asar.extractFile(path.join(unpacked, 'resources/app.asar'), 'package.json').toString('utf8'));
    expect(Date.now() - Date.parse(pkg.buildDate)).toBeLessThan(60 * 60 * 1000);
    expect(pkg.devDependencies).toBeUndefined();
    expect(fs.existsSync(path.join(unpacked, 'resources/app-update.yml'))).toBe(false); // no auto-update
  });
});
