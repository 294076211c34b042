/** Handing data to the person as a file, and following a long job of the register to its end. */
import type { JobStatus } from '../src/contract/reports.js';
import { call } from './api.js';

/** Offers a blob as a download under `fileName` (browser mode exports, scanned forms). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chosen file's bytes as base64, the way the contract carries files (scanned forms, data packages). */
export function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Polls a started job until it has ended (waiting its turn, then running), reporting each status (for a progress bar). */
export async function followJob(started: JobStatus, onStatus: (s: JobStatus) => void = () => undefined): Promise<JobStatus> {
  let status = started;
  onStatus(status);
  while (status.state === 'queued' || status.state === 'running') {
    await new Promise((r) => setTimeout(r, 400));
    status = await call('jobs.status', { jobId: status.id });
    onStatus(status);
  }
  return status;
}
