/**
 * `npm run verify-dist`, on the build machine after `npm run dist`: checks each packaged app under dist/ and
 * lists the installers with their SHA-256 (also written to dist/SHA256SUMS.txt, to copy along on the USB stick).
 * For every unpacked app it prints the fuse states read from the binary and checks app.asar (distChecks.ts);
 * an app for this machine's platform and CPU is also started headless: `--version`, then `--smoke` (open a temporary
 * register, write the 统计表 through the export worker, exit 0), whose report is read back with exceljs.
 * Exit code 0 when everything checked passed.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { SmokeReport } from '../electron/smoke.js';
import { distMsg } from '../src/i18n/distMessages.js';
import { binaryArch, checkAppArchive, checkFuses } from './distChecks.js';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const migrationCount = fs.readdirSync(path.join(root, 'src/db/migrations')).filter((f) => f.endsWith('.sql')).length;

/** electron-builder's unpacked folders for the targets of electron-builder.config.ts. */
const UNPACKED = [
  { dir: 'win-unpacked', platform: 'win32', arch: 'x64', exe: 'netledger.exe' },
  { dir: 'linux-unpacked', platform: 'linux', arch: 'x64', exe: 'netledger' },
  { dir: 'linux-arm64-unpacked', platform: 'linux', arch: 'arm64', exe: 'netledger' },
] as const;
const INSTALLERS = /\.(exe|deb|AppImage)$/;

const problems: string[] = [];
const say = (line: string) => process.stdout.write(line + '\n');

/** How to start the app headless here: Chromium refuses root without --no-sandbox, and needs a display on Linux. */
function launcher(exe: string): [string, string[]] {
  if (process.platform !== 'linux') return [exe, []];
  const flags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return [exe, flags];
  if (spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).status === 0) return ['xvfb-run', ['-a', exe, ...flags]];
  return [exe, [...flags, '--ozone-platform=headless']];
}

function run(exe: string, args: string[]) {
  const [command, prefix] = launcher(exe);
  return spawnSync(command, [...prefix, ...args], { encoding: 'utf8', timeout: 180_000 });
}

async function smoke(exe: string): Promise<void> {
  const versionRun = run(exe, ['--version']);
  if (versionRun.stdout.trim()) say(versionRun.stdout.trim());
  if (versionRun.status !== 0 || !versionRun.stdout.includes(version)) problems.push(distMsg.versionFailed(versionRun.status, versionRun.stderr));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-verify-'));
  try {
    const r = run(exe, ['--smoke', `--smoke-dir=${dir}`]);
    const reportFile = path.join(dir, 'smoke.json');
    if (!fs.existsSync(reportFile)) {
      problems.push(distMsg.smokeNoReport(r.status, r.stderr));
      return;
    }
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as SmokeReport;
    say(distMsg.smokeRan(report));
    if (r.status !== 0 || !report.ok) problems.push(distMsg.smokeFailed(r.status, report.error ?? r.stderr));
    if (report.electron !== electronVersion) problems.push(distMsg.wrongElectron(report.electron, electronVersion));
    if (report.report) {
      const book = await new ExcelJS.Workbook().xlsx.readFile(report.report.file);
      const title = book.worksheets[0]?.getCell('A1').text;
      if (title !== '党员干部网络账号报备情况统计表') problems.push(distMsg.wrongReport(title));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function verifyApp(target: (typeof UNPACKED)[number]): Promise<void> {
  const appDir = path.join(dist, target.dir);
  const exe = path.join(appDir, target.exe);
  say(distMsg.appHeader(target.dir, target.arch));
  if (binaryArch(exe) !== target.arch) problems.push(distMsg.wrongArch(exe, binaryArch(exe), target.arch));
  for (const f of await checkFuses(exe)) {
    say(distMsg.fuseLine(f));
    if (!f.ok) problems.push(distMsg.fuseWrong(f));
  }
  const archiveProblems = checkAppArchive(path.join(appDir, 'resources'), target.arch, migrationCount);
  problems.push(...archiveProblems);
  if (archiveProblems.length === 0) say(distMsg.archiveOk);
  if (target.platform === process.platform && target.arch === process.arch) await smoke(exe);
  else say(distMsg.notRunnableHere(target.platform, target.arch));
}

function listInstallers(): void {
  const installers = fs.readdirSync(dist).filter((f) => INSTALLERS.test(f) && fs.statSync(path.join(dist, f)).isFile()).sort();
  const sums = installers.map((f) => `${crypto.createHash('sha256').update(fs.readFileSync(path.join(dist, f))).digest('hex')}  ${f}`);
  fs.writeFileSync(path.join(dist, 'SHA256SUMS.txt'), sums.join('\n') + '\n');
  say(distMsg.installers);
  installers.forEach((f, i) => say(`  ${sums[i]!.slice(0, 64)}  ${(fs.statSync(path.join(dist, f)).size / 1048576).toFixed(1)} MB  ${f}`));
}

const found = fs.existsSync(dist) ? UNPACKED.filter((t) => fs.existsSync(path.join(dist, t.dir, t.exe))) : [];
if (found.length === 0) problems.push(distMsg.nothingBuilt(dist));
for (const target of found) await verifyApp(target);
if (found.length > 0) listInstallers();
say(problems.length === 0 ? distMsg.allPassed : distMsg.failed(problems));
process.exitCode = problems.length === 0 ? 0 : 1;
