/** An import or template task inside the worker: what it posts back when done, cancelled or refused. */
import { ImportRefused } from '../imports/limits.js';
import { runImport } from '../imports/importRun.js';
import { ImportCancelled } from '../imports/sheetReader.js';
import { writeTemplate } from '../imports/templates.js';
import { msg } from '../i18n/messages.js';
import type { ServiceContext } from '../services/context.js';
import type { ExportTask, WorkerMessage } from './jobs.js';

type ImportTask = Extract<ExportTask, { type: 'import' | 'template' }>;

export async function runImportTask(
  ctx: ServiceContext,
  task: ImportTask,
  progress: { signal: AbortSignal; temp: string; onProgress: (done: number, total: number) => void },
): Promise<WorkerMessage> {
  if (task.type === 'template') {
    await writeTemplate(ctx, task.kind, task.outPath, progress.temp);
    return { type: 'done' };
  }
  try {
    const errors = task.writeErrors ? { outPath: task.outPath, temp: progress.temp } : undefined;
    const outcome = await runImport(ctx, { ...task.request, errors }, progress);
    return { type: 'done', outcome, wroteFile: outcome.errorFile };
  } catch (err) {
    if (err instanceof ImportCancelled) return { type: 'cancelled', message: msg.imports.cancelled };
    if (err instanceof ImportRefused) return { type: 'failed', message: err.message };
    throw err;
  }
}
