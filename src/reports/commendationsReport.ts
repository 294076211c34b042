/** 表彰激励和保护支持情况表: two sheets, commendations and protection cases in the period and subtree. */
import type { ServiceContext } from '../services/context.js';
import { line, periodLine, type ReportDefinition, type ReportLine, type ReportScope, type SheetDefinition } from './definition.js';
import type { ColumnSpec } from './style.js';

/** A selected row: every named column exists, so no value is undefined. */
type Row = { [column: string]: string | null };

const COMMENDATION_COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 6, kind: 'number' },
  { header: '表彰日期', width: 12, kind: 'date' },
  { header: '表彰名称', width: 24 },
  { header: '表彰类型', width: 11 },
  { header: '受表彰党员', width: 16 },
  { header: '所在党组织', width: 28 },
  { header: '批准机关', width: 18 },
  { header: '级别', width: 8 },
  { header: '文号', width: 18, kind: 'id' },
  { header: '表彰事由', width: 26 },
  { header: '状态', width: 18 },
];

const PROTECTION_COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 6, kind: 'number' },
  { header: '党员', width: 10 },
  { header: '所在党组织', width: 28 },
  { header: '遭受攻击日期', width: 12, kind: 'date' },
  { header: '平台', width: 11 },
  { header: '情况说明', width: 30 },
  { header: '采取措施', width: 30 },
  { header: '经办人', width: 10 },
  { header: '状态', width: 9 },
  { header: '办理结果', width: 24 },
  { header: '办结日期', width: 12, kind: 'date' },
];

function commendationLines(ctx: ServiceContext, scope: ReportScope): ReportLine[] {
  const rows = ctx.db
    .prepare(
      `SELECT c.*, group_concat(m.name, '、') AS names, group_concat(DISTINCT o.full_name) AS orgs
       FROM commendations c JOIN commendation_members cm ON cm.commendation_id = c.id
       JOIN members m ON m.id = cm.member_id JOIN organizations o ON o.id = m.organization_id
       WHERE c.commended_on BETWEEN @from AND @to
         AND c.id IN (SELECT cm2.commendation_id FROM commendation_members cm2 JOIN members m2 ON m2.id = cm2.member_id
                      WHERE m2.organization_id IN (SELECT value FROM json_each(@subtree)))
       GROUP BY c.id ORDER BY c.commended_on, c.id`,
    )
    .all({ from: scope.from, to: scope.to, subtree: scope.subtree }) as Row[];
  return rows.map((r, i) =>
    line([
      i + 1,
      r.commended_on,
      r.honour_name,
      r.kind,
      r.names,
      (r.orgs ?? '').split(',').join('；'),
      r.approving_body,
      r.approving_level,
      r.document_number,
      r.reason,
      r.withdrawn_on ? `已撤销（${r.withdrawn_on}，${r.withdrawn_reason}）` : '有效',
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

function sheet(name: string, title: string, scope: ReportScope, columns: ColumnSpec[], load: () => ReportLine[]): SheetDefinition {
  let cached: ReportLine[] | null = null;
  const all = () => (cached ??= load());
  return { name, title, subtitle: periodLine(scope), columns, count: () => all().length, rows: (limit) => all().slice(0, limit), sumColumns: [], countColumn: 2 };
}

export const commendationsReport: ReportDefinition = {
  kind: 'commendations',
  title: '表彰激励和保护支持情况表',
  sheets(ctx, scope) {
    return [
      sheet('表彰激励', `${this.title}（一）表彰激励`, scope, COMMENDATION_COLUMNS, () => commendationLines(ctx, scope)),
      sheet('保护支持', `${this.title}（二）保护支持`, scope, PROTECTION_COLUMNS, () => protectionLines(ctx, scope)),
    ];
  },
};
