import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder the user started the program from. electron-builder's portable .exe unpacks itself into a temporary
 * folder and runs from there, passing the folder of the .exe in PORTABLE_EXECUTABLE_DIR; an AppImage runs from a
 * read-only mount and passes its own path in APPIMAGE.
 */
export function launchDir(exePath: string, env: NodeJS.ProcessEnv): string {
  if (env.PORTABLE_EXECUTABLE_DIR) return env.PORTABLE_EXECUTABLE_DIR;
  if (env.APPIMAGE) return path.dirname(env.APPIMAGE);
  return path.dirname(exePath);
}

/** An installed copy: its folder belongs to the installer, whose uninstall and upgrade delete what is in it. */
function isInstalled(dir: string): boolean {
  return fs.readdirSync(dir).some((name) => /^Uninstall .+\.exe$/i.test(name));
}

/**
 * Portable mode for USB use: a `data` folder beside the program the user started wins; otherwise the OS user-data
 * folder. Never inside an installed copy's folder, so uninstalling never takes the register with it.
 * Nothing is written anywhere else.
 */
export function chooseDataDir(exePath: string, userDataPath: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = launchDir(exePath, env);
  const portable = path.join(dir, 'data');
  const usePortable = fs.existsSync(portable) && fs.statSync(portable).isDirectory() && !isInstalled(dir);
  return usePortable ? portable : path.join(userDataPath, 'ledger');
}
