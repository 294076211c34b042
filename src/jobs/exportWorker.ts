/**
 * Runs one export off the main thread, on its own read-only connection (WAL lets it read while the window
 * keeps working), posting progress and stopping when told to cancel. A failure is posted already in the
 * person's words (see fileErrors.ts): the parent only shows it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connect } from '../db/open.js';
import type { ServiceContext } from '../services/context.js';
import { ReportCancelled } from '../reports/book.js';
import { failureMessage } from '../reports/targets.js';
import type { ExportTask, WorkerMessage } from './jobs.js';
import { writePackage } from '../reports/upwardPackage.js';
import { writeReport } from '../reports/writeReport.js';
import { writeReminderList } from '../reports/reminderList.js';
import { writeForm } from '../reports/paperForms.js';
import { writeBackup } from '../db/backup.js';
import { runImportTask } from './importTask.js';

const { dbFile, nativeBinding, key, actor, task, temp } = workerData as { dbFile: string; nativeBinding?: string; key?: string; actor: string; task: ExportTask; temp: string };
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const controller = new AbortController();
parentPort!.on('message', (m) => m === 'cancel' && controller.abort());

// Only an import that runs writes; everything else reads a consistent snapshot beside the window.
const writes = task.type === 'import' && task.request.mode === 'run';
const db = connect(dbFile, { nativeBinding, key }, { readonly: !writes });
db.pragma('busy_timeout = 5000');
db.pragma('temp_store = MEMORY'); // as every connection of the register (src/db/open.ts)
if (writes) {
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  // An import writes 100,000 rows and their audit entries in one transaction while looking rows up: with SQLite's
  // 2 MB default the changed pages spill to the WAL and are read back, again and again (measured 3× slower).
  // 64 MB, not more: the cache is most of what the import adds to the process's peak RSS (96 MB put 100,000 rows at
  // 380–400 MB, at the 400 MB target; 64 MB at about 350 MB, for about 1 s more of the triggers' deferred work).
  db.pragma('cache_size = -65536');
}
const ctx: ServiceContext = { db, clock: () => new Date(), actor, filesDir: null };
const progress = { signal: controller.signal, temp, onProgress: (done: number, total: number) => post({ type: 'progress', done, total }) };

try {
  if (task.type === 'report') await writeReport(ctx, task.kind, task.params, task.outPath, progress);
  else if (task.type === 'package') await writePackage(ctx, task.params, task.outPath, progress);
  else if (task.type === 'reminders') await writeReminderList(ctx, task.params, task.outPath, progress);
  else if (task.type === 'form') await writeForm(ctx, task.params, task.outPath, progress);
  else if (task.type === 'backup') writeBackup(db, task.attachmentsDir, task.outPath, { nativeBinding, key });
  else post(await runImportTask(ctx, task, progress));
  if (task.type !== 'import' && task.type !== 'template') post({ type: 'done' });
} catch (err) {
  post(err instanceof ReportCancelled ? { type: 'cancelled' } : { type: 'failed', message: failureMessage(err, task.outPath) });
} finally {
  db.close();
  // The cancel listener would keep this thread alive after the work is done.
  parentPort!.close();
}
