/**
 * 以单位名义发布信息请示登记表: requests made in the period within the subtree, with the unit, the channel
 * (the unit's registered account it goes out on, or the channel written on the request), the summary and
 * the name of who decided.
 */
import { line, periodLine, type ReportDefinition, type ReportLine } from './definition.js';
import type { ColumnSpec } from './style.js';

const COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 5, kind: 'index' },
  { header: '请示日期', width: 12, kind: 'date' },
  { header: '请示人', width: 9 },
  { header: '单位', width: 18 },
  { header: '拟发布信息标题', width: 24 },
  { header: '内容摘要', width: 30 },
  { header: '发布渠道/账号', width: 20 },
  { header: '审批意见', width: 10, kind: 'centred' },
  { header: '审批人', width: 9 },
  { header: '审批日期', width: 12, kind: 'date' },
  { header: '发布日期', width: 12, kind: 'date' },
];

export const requestsReport: ReportDefinition = {
  kind: 'requests',
  title: '以单位名义发布信息请示登记表',
  sheets(ctx, scope) {
    let cached: ReportLine[] | null = null;
    const all = () =>
      (cached ??= (
        ctx.db
          .prepare(
            `SELECT r.*, coalesce(r.unit, m.work_unit, o.short_name, o.full_name) AS unit_name,
                    coalesce(r.channel, a.platform || '「' || a.display_name || '」') AS channel_name
             FROM publication_requests r JOIN organizations o ON o.id = r.organization_id
             LEFT JOIN members m ON m.id = r.requester_id LEFT JOIN accounts a ON a.id = r.account_id
             WHERE r.requested_on BETWEEN @from AND @to AND r.organization_id IN (SELECT value FROM json_each(@subtree))
             ORDER BY r.requested_on, r.id`,
          )
          .all({ from: scope.from, to: scope.to, subtree: scope.subtree }) as { [column: string]: string | null }[]
      ).map((r, i) =>
        line([i + 1, r.requested_on, r.requester_name, r.unit_name, r.title, r.summary, r.channel_name, r.decision ?? '待审批', r.decided_by, r.decided_on, r.published_on]),
      ));
    return [
      {
        name: '请示登记表',
        title: this.title,
        subtitle: periodLine(scope),
        columns: COLUMNS,
        count: () => all().length,
        rows: (limit) => all().slice(0, limit),
        sumColumns: [],
        labelSpan: 2,
        tally: { of: 3, at: 3, unit: '件' },
      },
    ];
  },
};
