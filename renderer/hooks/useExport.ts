/**
 * Runs an export job the way the host allows: the desktop asks where to save with the native dialog, browser
 * mode downloads the finished file. Progress is polled for the progress bar; cancel stops the worker.
 */
import { App } from 'antd';
import { useRef, useState } from 'react';
import type { CallInput } from '../../src/contract/contract.js';
import type { JobStatus } from '../../src/contract/reports.js';
import { call, fetchExport } from '../api.js';
import { followJob, saveBlob } from '../files.js';
import { t } from '../strings.js';

type StartInput = CallInput<'reports.start'>;

export function useExport() {
  const { message } = App.useApp();
  const [job, setJob] = useState<JobStatus | null>(null);
  const cancelled = useRef(false);

  const run = async (input: StartInput, suggestedName: string) => {
    let outPath: string | undefined;
    if (window.ledger) {
      const json = input.type === 'package';
      const chosen = await window.ledger.chooseSaveFile({
        title: t.report.saveTitle,
        defaultName: suggestedName,
        filters: [{ name: json ? t.report.jsonFilter : t.report.excelFilter, extensions: [json ? 'json' : 'xlsx'] }],
      });
      if (!chosen) return;
      outPath = chosen;
    }
    cancelled.current = false;
    try {
      const status = await followJob(await call('reports.start', { ...input, outPath }), setJob);
      if (status.state === 'done') {
        if (window.ledger) void message.success(t.report.saved(status.file!));
        else {
          saveBlob(await fetchExport(status.id), status.fileName);
          void message.success(t.report.downloaded(status.fileName));
        }
      } else void message.warning(status.error ?? '');
    } catch (err) {
      void message.error((err as Error).message);
    } finally {
      setJob(null);
    }
  };

  const cancel = () => {
    if (job && !cancelled.current) {
      cancelled.current = true;
      void call('jobs.cancel', { jobId: job.id });
    }
  };

  return { job, run, cancel };
}
