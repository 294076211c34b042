import fs from 'node:fs';
import path from 'node:path';

/**
 * Portable mode for USB use: a `data` folder beside the executable wins; otherwise the OS user-data folder.
 * Nothing is written anywhere else.
 */
export function chooseDataDir(exePath: string, userDataPath: string): string {
  const portable = path.join(path.dirname(exePath), 'data');
  return fs.existsSync(portable) && fs.statSync(portable).isDirectory() ? portable : path.join(userDataPath, 'ledger');
}
