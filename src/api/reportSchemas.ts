/** Input schemas for report preview and export jobs. */
import { z } from 'zod';
import { REPORT_KINDS } from '../reports/definition.js';
import { cleanString, id, isoDate, text } from './schemas.js';

export const reportParams = z.object({
  organizationId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  campaignId: id.optional(),
});

export const reportPreview = reportParams.extend({ kind: z.enum(REPORT_KINDS, { error: '请选择报表。' }) });

/** outPath: a file chosen in the desktop's save dialog; browser mode leaves it out and downloads the result. */
const outPath = cleanString('保存位置').max(1000).optional();

export const exportStart = z.discriminatedUnion('type', [
  reportParams.extend({ type: z.literal('report'), kind: z.enum(REPORT_KINDS, { error: '请选择报表。' }), outPath }),
  reportParams.extend({ type: z.literal('package'), period: text('期间名称', 40, { required: '请填写数据包的期间名称（如：2026年度）。' }), outPath }),
]);

export const jobRef = z.object({ jobId: cleanString('导出任务').uuid() });

export type ExportStart = z.output<typeof exportStart>;
