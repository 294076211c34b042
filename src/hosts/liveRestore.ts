/**
 * 恢复 in a running console: the backup is checked while the register stays open; then, with no export worker
 * reading it, the connection is closed, the files are swapped (src/db/restore.ts) and the register reopened into
 * the same ctx, so the registry and every host carry on with the restored data. (In the core, the readers' own
 * connections are closed around this call — see core.ts — since a restore needs the file to itself.)
 */
import { refreshPendingAccounts } from '../services/accountState.js';
import { LedgerError } from '../contract/errors.js';
import type { RestoreOutcome } from '../contract/system.js';
import { backupPath } from '../db/backup.js';
import { checkRegister } from '../db/check.js';
import { loadMigrations } from '../db/migrate.js';
import { openDatabase, type OpenOptions } from '../db/open.js';
import { discardRestore, installRestore, stageRestore } from '../db/restore.js';
import { describeProblems } from '../db/verify.js';
import { msg } from '../i18n/messages.js';
import type { ExportJobs, JobContext } from '../jobs/jobs.js';

export function liveRestore(ctx: JobContext, jobs: ExportJobs, where: { dir: string; dbFile: string; backupDir: string }, options: OpenOptions) {
  return (fileName: string): RestoreOutcome => {
    if (jobs.busy()) throw new LedgerError('CONFLICT', msg.restore.jobsRunning);
    const knownVersion = loadMigrations(options.migrationsDir).length;
    const staged = stageRestore(where.dir, backupPath(where.backupDir, fileName), { knownVersion, now: ctx.clock(), nativeBinding: options.nativeBinding, key: options.key });
    ctx.db.close();
    let keptAs: string | null;
    try {
      keptAs = installRestore(staged, options).keptAs;
    } catch (err) {
      discardRestore(staged);
      throw err;
    } finally {
      ctx.db = openDatabase(where.dbFile, options);
      // A backup from before migration 0010 has no periods yet.
      refreshPendingAccounts(ctx);
    }
    const report = checkRegister(where.dir, knownVersion, options, staged.structure);
    if (!report.ok) throw new LedgerError('INTERNAL', msg.restore.reopenProblems(describeProblems(report.problems)), { problems: report.problems });
    return { restoredFrom: fileName, keptAs };
  };
}
