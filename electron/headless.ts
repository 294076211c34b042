/**
 * What the packaged app answers without a window and without taking the single-instance lock, so it works while
 * the console is open: `--version` (the About text on stdout; `netledger --version` on Linux, where the package links
 * the command) and `--smoke` (smoke.ts).
 */
import { engineVersions } from '../src/db/software.js';
import { APP_VERSION } from '../src/domain/version.js';
import { openLedger, type LedgerOptions } from '../src/hosts/ledger.js';
import { aboutText } from './about.js';
import { runSmoke, smokeDir } from './smoke.js';

export interface HeadlessContext {
  appPath: string;
  options: LedgerOptions;
  print: (line: string) => void;
}

/** The command line's headless command, ready to run after app.whenReady(); null when the window should open. */
export function headlessCommand(argv: string[], ctx: HeadlessContext): (() => Promise<number>) | null {
  if (argv.includes('--version')) {
    return async () => {
      const engine = engineVersions({ nativeBinding: ctx.options.nativeBinding, migrationsDir: ctx.options.migrationsDir });
      ctx.print(aboutText({ version: APP_VERSION, ...engine }, ctx.appPath));
      return 0;
    };
  }
  const dir = smokeDir(argv);
  return dir === null ? null : () => runSmoke(dir, (dataDir) => openLedger(dataDir, ctx.options), ctx.print);
}
