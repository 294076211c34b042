/**
 * `npm run build:electron-native [-- --headers DIR]`: the build step that makes better-sqlite3 for Electron
 * from local inputs only (Electron headers folder, a C++ compiler, node-gyp). See README, "Desktop (Electron)".
 */
import { fileURLToPath } from 'node:url';
import { nativeMsg } from '../src/i18n/startMessages.js';
import { buildElectronNative, findNodeGyp, HEADERS_ENV } from './native.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const flag = process.argv.indexOf('--headers');
const headers = (flag >= 0 ? process.argv[flag + 1] : undefined) || process.env[HEADERS_ENV] || undefined;

try {
  console.log(nativeMsg.done(buildElectronNative({ root, headers, nodeGyp: findNodeGyp(root, process.env) })));
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
