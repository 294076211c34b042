/** 催报名单: the expected sub-units that have not sent their 上报数据包 for a period, for the secretary to chase. */
import { msg } from '../i18n/messages.js';
import type { ServiceContext } from '../services/context.js';
import { missingSubmissions } from '../services/consolidation.js';
import type { Progress } from './book.js';
import { line, resolveScope, type SheetDefinition } from './definition.js';
import { writeSheets, type ReportResult } from './writeReport.js';

export interface ReminderParams {
  organizationId?: number;
  period: string;
}

const COLUMNS = [
  { header: '序号', width: 6, kind: 'number' as const },
  { header: '组织代码', width: 14, kind: 'id' as const },
  { header: '党组织', width: 44 },
  { header: '书记', width: 12 },
  { header: '联系电话', width: 16, kind: 'id' as const },
  { header: '报送情况', width: 12 },
];

export async function writeReminderList(ctx: ServiceContext, params: ReminderParams, outPath: string, progress: Progress = {}): Promise<ReportResult> {
  const scope = resolveScope(ctx, { organizationId: params.organizationId });
  const missing = missingSubmissions(ctx, params).expected.filter((e) => e.submissionId === null);
  const contact = ctx.db.prepare('SELECT secretary, contact_phone FROM organizations WHERE id = ?');
  const lines = missing.map((e, i) => {
    const c = contact.get(e.organizationId) as { secretary: string | null; contact_phone: string | null };
    return line([i + 1, e.code, e.fullName, c.secretary, c.contact_phone, '未报送']);
  });
  const sheet: SheetDefinition = {
    name: '催报名单',
    title: msg.consolidation.reminderTitle,
    subtitle: `期间：${params.period}`,
    columns: COLUMNS,
    count: () => lines.length,
    rows: (limit) => lines.slice(0, limit),
    sumColumns: [],
    tally: { of: 3, at: 3, unit: '个' },
  };
  return writeSheets(ctx, [sheet], scope, outPath, progress);
}
