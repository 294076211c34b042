/** 表彰激励和保护支持情况表: two sheets, commendations and protection cases in the period, of members in the subtree. */
import type { ServiceContext } from '../services/context.js';
import { line, periodLine, type ReportDefinition, type ReportLine, type ReportScope, type SheetDefinition } from './definition.js';
import type { ColumnSpec } from './style.js';

/** A selected row: every named column exists, so no value is undefined. */
type Row = { [column: string]: string | null };

const COMMENDATION_COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 5, kind: 'index' },
  { header: '姓名', width: 9 },
  { header: '所在党组织', width: 26 },
  { header: '时任职务', width: 14 },
  { header: '表彰日期', width: 12, kind: 'date' },
  { header: '表彰名称', width: 20 },
  { header: '表彰类型', width: 11, kind: 'centred' },
  { header: '批准机关', width: 18 },
  { header: '批准机关级别', width: 8, kind: 'centred' },
  { header: '文号', width: 18, kind: 'id' },
  { header: '表彰事由', width: 24 },
  { header: '状态', width: 14 },
];

const PROTECTION_COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 5, kind: 'index' },
  { header: '姓名', width: 9 },
  { header: '所在党组织', width: 26 },
  { header: '遭受网络围攻（攻击）日期', width: 13, kind: 'date' },
  { header: '平台', width: 11 },
  { header: '情况说明', width: 28 },
  { header: '采取措施', width: 28 },
  { header: '经办人', width: 9 },
  { header: '办理状态', width: 9, kind: 'centred' },
  { header: '办理结果', width: 22 },
  { header: '办结日期', width: 12, kind: 'date' },
];

/**
 * One row per commended member in scope: a commendation of members from several units shows here only
 * with this unit's members, each with their organization and the position they held (时任职务).
 */
function commendationLines(ctx: ServiceContext, scope: ReportScope): ReportLine[] {
  const rows = ctx.db
    .prepare(
      `SELECT c.*, m.name, o.full_name AS org, coalesce(cm.position_at_time, m.position) AS position
       FROM commendations c JOIN commendation_members cm ON cm.commendation_id = c.id
       JOIN members m ON m.id = cm.member_id JOIN organizations o ON o.id = m.organization_id
       WHERE c.commended_on BETWEEN @from AND @to AND m.organization_id IN (SELECT value FROM json_each(@subtree))
       ORDER BY c.commended_on, c.id, o.code, m.name_pinyin`,
    )
    .all({ from: scope.from, to: scope.to, subtree: scope.subtree }) as Row[];
  return rows.map((r, i) =>
    line([
      i + 1,
      r.name,
      r.org,
      r.position,
      r.commended_on,
      r.honour_name,
      r.kind,
      r.approving_body,
      r.approving_level,
      r.document_number,
      r.reason,
      r.withdrawn_on ? `已撤销（${r.withdrawn_on}：${r.withdrawn_reason}）` : '有效',
    ]),
  );
}

function protectionLines(ctx: ServiceContext, scope: ReportScope): ReportLine[] {
  const rows = ctx.db
    .prepare(
      `SELECT p.*, m.name, o.full_name AS org,
         (SELECT group_concat(measure || '（' || taken_on || '）', '；') FROM (SELECT * FROM protection_measures pm WHERE pm.case_id = p.id ORDER BY taken_on, id)) AS measures
       FROM protection_cases p JOIN members m ON m.id = p.member_id JOIN organizations o ON o.id = m.organization_id
       WHERE p.attacked_on BETWEEN @from AND @to AND m.organization_id IN (SELECT value FROM json_each(@subtree))
       ORDER BY p.attacked_on, p.id`,
    )
    .all({ from: scope.from, to: scope.to, subtree: scope.subtree }) as Row[];
  return rows.map((r, i) =>
    line([i + 1, r.name, r.org, r.attacked_on, r.platform, r.description, r.measures, r.handled_by, r.status, r.outcome, r.closed_on]),
  );
}

function sheet(name: string, title: string, unit: string, scope: ReportScope, columns: ColumnSpec[], load: () => ReportLine[]): SheetDefinition {
  let cached: ReportLine[] | null = null;
  const all = () => (cached ??= load());
  return { name, title, subtitle: periodLine(scope), columns, count: () => all().length, rows: (limit) => all().slice(0, limit), sumColumns: [], labelSpan: 2, tally: { of: 2, at: 3, unit } };
}

export const commendationsReport: ReportDefinition = {
  kind: 'commendations',
  title: '表彰激励和保护支持情况表',
  sheets(ctx, scope) {
    return [
      sheet('表彰激励', `${this.title}（一）表彰激励`, '人次', scope, COMMENDATION_COLUMNS, () => commendationLines(ctx, scope)),
      sheet('保护支持', `${this.title}（二）保护支持`, '件', scope, PROTECTION_COLUMNS, () => protectionLines(ctx, scope)),
    ];
  },
};
