/**
 * Checks of a packaged app that need no Electron runtime, for scripts/verify-dist.ts on the build machine (and for
 * its tests here): the fuses in the binary, the CPU the native module was built for, and what app.asar holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FUSES } from '../electron-builder.config.js';
import { distMsg } from '../src/i18n/distMessages.js';

const FUSE_INDEX: Record<keyof typeof FUSES, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
};

export interface FuseCheck {
  fuse: keyof typeof FUSES;
  expected: 'on' | 'off';
  /** As read from the binary: 'removed' when this Electron no longer has the fuse, 'absent' past the wire's end. */
  actual: 'on' | 'off' | 'removed' | 'absent';
  ok: boolean;
}

/** The fuses electron-builder.config.ts asks for, as @electron/fuses reads them from the packaged binary. */
export async function checkFuses(electronBinary: string): Promise<FuseCheck[]> {
  const wire = (await getCurrentFuseWire(electronBinary)) as unknown as Record<number, number | undefined>;
  return (Object.keys(FUSES) as (keyof typeof FUSES)[]).map((fuse) => {
    const state = wire[FUSE_INDEX[fuse]];
    const actual = state === undefined ? 'absent' : ({ '0': 'off', '1': 'on', r: 'removed' } as const)[String.fromCharCode(state) as '0' | '1' | 'r'] ?? 'absent';
    const expected = FUSES[fuse] ? 'on' : 'off';
    return { fuse, expected, actual, ok: actual === expected };
  });
}

/** The CPU an executable or shared library (ELF or PE) was built for, as electron-builder names archs. */
export function binaryArch(file: string): string {
  const head = Buffer.alloc(4096);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) {
    const machine = head.readUInt16LE(18);
    return ({ 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32' } as Record<number, string>)[machine] ?? `elf-${machine}`;
  }
  if (head.subarray(0, 2).toString('latin1') === 'MZ') {
    const pe = head.readUInt32LE(0x3c);
    if (pe + 6 <= head.length && head.subarray(pe, pe + 4).toString('latin1') === 'PE\0\0') {
      const machine = head.readUInt16LE(pe + 4);
      return ({ 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' } as Record<number, string>)[machine] ?? `pe-${machine}`;
    }
  }
  return 'unknown';
}

/** Where app.asar may hold files: the electron-vite build, package.json and the runtime dependencies. */
const ALLOWED = /^\/(package\.json$|out\/(main|preload|renderer)\/|node_modules\/)/;
/** What must never ship: sources, tests, benchmarks, data, the command line's TypeScript runner. */
const FORBIDDEN = /^\/(test|bench|src|electron|renderer|netledger-data|data|dist|\.tmp|\.electron-native)(\/|$)|^\/node_modules\/(tsx|esbuild|@esbuild)\/|\.sqlite3$/;
const REQUIRED = ['/package.json', '/out/main/main.js', '/out/main/exportWorker.js', '/out/preload/preload.cjs', '/out/renderer/index.html'];
export const NATIVE_MODULE = 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node';

/**
 * What is wrong with a packaged app's resources folder (empty when nothing): app.asar must hold what main loads
 * at run time, including every migration, and nothing else; the native module must lie unpacked beside it, built
 * for the package's CPU; package.json must carry the build date the About dialog shows.
 */
export function checkAppArchive(resourcesDir: string, arch: string, migrationCount: number): string[] {
  const archive = path.join(resourcesDir, 'app.asar');
  if (!fs.existsSync(archive)) return [distMsg.missingFile(archive)];
  // Files only: the listing also names every folder on the way.
  const entries = asar
    .listPackage(archive, { isPack: false })
    .map((e) => e.split(path.sep).join('/'))
    .filter((e) => !('files' in asar.statFile(archive, e.slice(1))));
  const files = new Set(entries);
  const problems: string[] = [];
  for (const f of REQUIRED) if (!files.has(f)) problems.push(distMsg.archiveLacks(f));
  const migrations = entries.filter((e) => /^\/out\/main\/migrations\/\d{4}_[a-z0-9_]+\.sql$/.test(e)).length;
  if (migrations !== migrationCount) problems.push(distMsg.migrationCount(migrations, migrationCount));
  for (const e of entries) {
    if (FORBIDDEN.test(e) || !ALLOWED.test(e)) problems.push(distMsg.archiveHas(e));
  }
  const native = path.join(resourcesDir, 'app.asar.unpacked', NATIVE_MODULE);
  if (!fs.existsSync(native)) problems.push(distMsg.nativeNotUnpacked(native));
  else if (binaryArch(native) !== arch) problems.push(distMsg.wrongArch(native, binaryArch(native), arch));
  if (files.has('/package.json')) {
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { buildDate?: unknown };
    if (typeof pkg.buildDate !== 'string' || Number.isNaN(Date.parse(pkg.buildDate))) problems.push(distMsg.noBuildDate);
  }
  return problems;
}
