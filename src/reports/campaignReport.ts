/** 年度报备核查完成情况表: completion of one campaign per organization within the subtree, with 合计. */
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import { campaignCompletion } from '../services/campaignCompletion.js';
import type { ReportDefinition, ReportLine } from './definition.js';
import { formula, type ColumnSpec } from './style.js';

const COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 6, kind: 'number' },
  { header: '党组织', width: 40 },
  { header: '组织代码', width: 14, kind: 'id' },
  { header: '应报人数', width: 10, kind: 'number' },
  { header: '申报', width: 9, kind: 'number' },
  { header: '零报告', width: 9, kind: 'number' },
  { header: '已回复', width: 9, kind: 'number' },
  { header: '未回复', width: 9, kind: 'number' },
  { header: '完成率', width: 10, kind: 'number', numFmt: '0.0%' },
];

export const campaignReport: ReportDefinition = {
  kind: 'campaign',
  title: '年度报备核查完成情况表',
  sheets(ctx, scope) {
    const id =
      scope.campaignId ??
      (ctx.db.prepare("SELECT id FROM review_campaigns ORDER BY status = '进行中' DESC, year DESC, id DESC LIMIT 1").get() as { id: number } | undefined)?.id;
    if (id === undefined) throw new LedgerError('NOT_FOUND', msg.report.noCampaign);
    const completion = campaignCompletion(ctx, { id });
    const inScope = new Set(JSON.parse(scope.subtree) as number[]);
    const lines: ReportLine[] = completion.byOrganization
      .filter((r) => inScope.has(r.organizationId))
      .map((r, i) => ({
        values: [i + 1, r.organizationName, r.code, r.expected, r.declared, r.zeroReports, r.responded, r.notResponded, r.expected ? r.responded / r.expected : 0],
      }));
    const state = completion.status === '已结束' ? '（已结束，数据已冻结）' : `（截止日期：${completion.deadline}）`;
    return [
      {
        name: '完成情况表',
        // “2026年度” + “报备核查完成情况表”: the campaign title already says 年度.
        title: `${completion.title}${this.title.replace(/^年度/, '')}`,
        subtitle: `${completion.title}报备核查${state}`,
        columns: COLUMNS,
        count: () => lines.length,
        rows: (limit) => lines.slice(0, limit),
        sumColumns: [4, 5, 6, 7, 8],
        // The overall rate is 已回复 / 应报人数 of the totals, not a sum of rates.
        totalExtra: (column, totals, row) => (column === 9 ? formula(`IF(D${row}=0,0,G${row}/D${row})`, totals.get(4) ? (totals.get(7) ?? 0) / totals.get(4)! : 0) : undefined),
      },
    ];
  },
};
