/** What scripts/verify-dist.ts and distChecks.ts tell whoever builds the installers. */
export const distMsg = {
  missingFile: (file: string) => `${file} 不存在`,
  archiveLacks: (entry: string) => `app.asar 缺少 ${entry}`,
  archiveHas: (entry: string) => `app.asar 不应包含 ${entry}`,
  migrationCount: (found: number, expected: number) => `app.asar 中有 ${found} 个数据库迁移文件，应为 ${expected} 个`,
  nativeNotUnpacked: (file: string) => `${file} 不存在：better-sqlite3 没有解包到 app.asar 之外`,
  noBuildDate: '打包的 package.json 中没有构建日期（buildDate）',
  appHeader: (dir: string, arch: string) => `\n== ${dir}（${arch}）==`,
  fuseLine: (f: { fuse: string; expected: string; actual: string; ok: boolean }) => `  熔断位 ${f.fuse.padEnd(38)} ${f.actual.padEnd(7)} ${f.ok ? '正确' : `错误，应为 ${f.expected}`}`,
  fuseWrong: (f: { fuse: string; expected: string; actual: string }) => `熔断位 ${f.fuse} 为 ${f.actual}，应为 ${f.expected}`,
  wrongArch: (file: string, found: string, expected: string) => `${file} 是 ${found} 程序，应为 ${expected}`,
  archiveOk: '  app.asar：内容齐全，没有多余文件；better-sqlite3 已解包且与安装包 CPU 一致。',
  notRunnableHere: (platform: string, arch: string) =>
    `  本机不能运行这个程序，未做启动自检：请在 ${platform} ${arch} 电脑上用同一个 dist/ 运行 npm run verify-dist。`,
  versionFailed: (code: number | null, stderr: string) => `--version 没有正常输出版本（退出码 ${code}）：${stderr.trim()}`,
  smokeNoReport: (code: number | null, stderr: string) => `--smoke 没有写出 smoke.json（退出码 ${code}）：${stderr.trim()}`,
  smokeRan: (r: { ok: boolean; members?: number; report?: { bytes: number }; sqliteVersion?: string; modules: string }) =>
    `  启动自检：${r.ok ? '通过' : '失败'}，示例党员 ${r.members ?? 0} 名，统计表 ${r.report?.bytes ?? 0} 字节，SQLite ${r.sqliteVersion ?? '?'}，原生模块 ABI ${r.modules}`,
  smokeFailed: (code: number | null, error: string) => `--smoke 失败（退出码 ${code}）：${error.trim()}`,
  wrongElectron: (found: string | undefined, expected: string) => `打包的 Electron 为 ${found ?? '无'}，应为 ${expected}`,
  wrongReport: (title: string | undefined) => `自检写出的统计表标题为“${title ?? ''}”，不是“党员干部网络账号报备情况统计表”`,
  installers: '\n安装包（SHA-256 已写入 dist/SHA256SUMS.txt）：',
  nothingBuilt: (dist: string) => `${dist} 中没有打包好的程序。请先运行 npm run dist -- --win 或 --linux。`,
  allPassed: '\n全部检查通过。',
  failed: (problems: string[]) => `\n有 ${problems.length} 项检查未通过：\n${problems.map((p) => `  - ${p}`).join('\n')}`,
};
