/**
 * electron-builder: the installers for offline office PCs, built on a connected build machine by
 * `npm run dist -- --win` (NSIS installer and portable .exe, x64) or `npm run dist -- --linux [--x64|--arm64]`
 * (.deb and AppImage). The README's "Installers" section says what that downloads and what goes on the USB stick.
 * test/electron/builder.test.ts checks this file here, where no Electron runtime exists.
 */
import type { Configuration } from 'electron-builder';

/**
 * Flipped in each packaged Electron binary by @electron/fuses after packing: the app cannot be turned into a plain
 * Node (ELECTRON_RUN_AS_NODE), handed NODE_OPTIONS or a debugger port, nor made to load code from outside app.asar,
 * whose integrity is checked on Windows (Electron ≥ 30; Linux has no such check). The file:// page keeps the file
 * protocol's privileges (the fuse left at Electron's default), since the window loads out/renderer from disk.
 */
export const FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
} as const;

/**
 * When the package was made, read by the About dialog from the packaged package.json. SOURCE_DATE_EPOCH (seconds)
 * pins it for a reproducible rebuild.
 */
function buildDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return (Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date()).toISOString();
}

const config: Configuration = {
  // Never change appId or executableName: the installer finds the copy to upgrade by them (NSIS derives its GUID
  // from appId), and the data folder's OS location follows package.json's "name".
  appId: 'org.netledger.console',
  productName: 'netledger',
  executableName: 'netledger',
  directories: { output: 'dist' },
  // Only what the packaged app loads: the electron-vite build (main with its chunks, migrations and worker bundles,
  // the preload, the page) and package.json. Sources, tests, benchmarks and data folders never go in.
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'package.json',
    // Runtime dependencies the bundle does not load: tsx (and its esbuild binary) run only the command line.
    '!**/node_modules/{tsx,esbuild,@esbuild}/**',
    // better-sqlite3's C sources and, when compiled rather than fetched prebuilt, the compiler's leftovers and its
    // test extension: the compiled better_sqlite3.node is all it loads.
    '!**/node_modules/better-sqlite3-multiple-ciphers/{deps,src}/**',
    '!**/node_modules/better-sqlite3-multiple-ciphers/build/{deps,Release/obj,Release/obj.target,Release/.deps}/**',
    '!**/node_modules/better-sqlite3-multiple-ciphers/build/Release/test_extension.node',
  ],
  // A .node file cannot be loaded from inside an archive.
  asarUnpack: ['**/*.node'],
  extraMetadata: { buildDate: buildDate() },
  // better-sqlite3 is rebuilt for Electron's ABI, per target platform and arch, by @electron/rebuild at package
  // time — its prebuilt binary for that Electron when one is published, else compiled with Electron's headers.
  npmRebuild: true,
  nativeRebuilder: 'sequential',
  buildDependenciesFromSource: false,
  electronFuses: FUSES,
  // The window is Chinese; other Chromium locales only add size.
  electronLanguages: ['zh-CN', 'en-US'],
  // No auto-update, no upload: the app never reaches the network, and the build uploads nothing.
  publish: null,
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
  },
  nsis: {
    // One click, for the signed-in user only: installs under %LOCALAPPDATA%\Programs without administrator rights.
    oneClick: true,
    perMachine: false,
    installerLanguages: ['zh_CN'],
    language: '2052',
    multiLanguageInstaller: false,
    shortcutName: '网络账号报备台账',
    uninstallDisplayName: '网络账号报备台账 ${version}',
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    runAfterFinish: true,
    // The register lives in the user-data folder (or a portable data folder); uninstalling never removes it.
    deleteAppDataOnUninstall: false,
    artifactName: 'netledger-${version}-setup-${arch}.${ext}',
  },
  portable: {
    requestExecutionLevel: 'user',
    artifactName: 'netledger-${version}-portable-${arch}.${ext}',
  },
  linux: {
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    category: 'Office',
    maintainer: 'netledger <netledger@localhost>',
    synopsis: '网络账号报备台账',
    desktop: { entry: { Name: '网络账号报备台账', Comment: '党组织网络账号报告、备案、表彰与保护的离线管理台' } },
  },
  deb: { artifactName: 'netledger_${version}_${arch}.${ext}' },
  appImage: { artifactName: 'netledger-${version}-${arch}.${ext}' },
};

export default config;
