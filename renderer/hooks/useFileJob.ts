/**
 * A job of the register that ends in a file for the person (an import template, an error workbook): the desktop asks
 * where to save first and passes that path; browser mode downloads the finished file. Progress for a bar, and cancel.
 */
import { App } from 'antd';
import { useState } from 'react';
import type { JobStatus } from '../../src/contract/reports.js';
import { call, fetchExport } from '../api.js';
import { followJob, saveBlob } from '../files.js';
import { t } from '../strings.js';

export function useFileJob() {
  const { message } = App.useApp();
  const [job, setJob] = useState<JobStatus | null>(null);

  /** Runs `start` (with the chosen path on the desktop); resolves to the finished status, or null when not saved. */
  const run = async (start: (outPath: string | undefined) => Promise<JobStatus>, suggestedName: string): Promise<JobStatus | null> => {
    let outPath: string | undefined;
    if (window.ledger) {
      const chosen = await window.ledger.chooseSaveFile({ title: t.imports.saveTitle, defaultName: suggestedName, filters: [{ name: t.imports.excelFilter, extensions: ['xlsx'] }] });
      if (!chosen) return null;
      outPath = chosen;
    }
    try {
      const status = await followJob(await start(outPath), setJob);
      if (status.state !== 'done') {
        void message.warning(status.error ?? '');
        return status;
      }
      if (status.file && window.ledger) void message.success(t.imports.saved(status.file));
      else if (status.file) {
        saveBlob(await fetchExport(status.id), status.fileName);
        void message.success(t.imports.downloaded(status.fileName));
      }
      return status;
    } catch (err) {
      void message.error((err as Error).message);
      return null;
    } finally {
      setJob(null);
    }
  };

  /** Follows a job that writes no file for the person (a preview, an import), for the progress bar and cancel. */
  const track = async (start: () => Promise<JobStatus>): Promise<JobStatus | null> => {
    try {
      return await followJob(await start(), setJob);
    } catch (err) {
      void message.error((err as Error).message);
      return null;
    } finally {
      setJob(null);
    }
  };

  const cancel = () => {
    if (job) void call('jobs.cancel', { jobId: job.id });
  };

  return { job, run, track, cancel };
}
