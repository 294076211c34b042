/**
 * 年度报备核查完成情况表: completion of one campaign per organization within the subtree, grouped under the
 * scope's direct children (the 党委 level) with a 小计 each and a 合计; and a 未报送名单 sheet of who has not
 * answered. Both come from the campaign's own figures (campaignCompletion, missingMembers), the ones the
 * campaign page shows.
 */
import { phoneFor } from '../domain/mask.js';
import { LedgerError } from '../contract/errors.js';
import { chineseDate } from '../domain/dates.js';
import { msg } from '../i18n/messages.js';
import { campaignCompletion, missingMembers } from '../services/campaignCompletion.js';
import type { ServiceContext } from '../services/context.js';
import { branchOf } from '../services/treePath.js';
import { line, type ReportDefinition, type ReportLine, type ReportScope, type SheetDefinition } from './definition.js';
import { formula, type ColumnSpec } from './style.js';

const RESPONDED = '已报送（人）';
const COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 5, kind: 'index' },
  // A 支部's full name (about 25 characters at two units each) on one line, as WPS prints it in 宋体.
  { header: '党组织', width: 52 },
  { header: '应报送人数\n（人）', width: 11, kind: 'number' },
  { header: '申报账号', group: RESPONDED, width: 9, kind: 'number' },
  { header: '零报告', group: RESPONDED, width: 9, kind: 'number' },
  { header: '共计', group: RESPONDED, width: 9, kind: 'number' },
  { header: '未报送\n（人）', width: 10, kind: 'number' },
  { header: '完成率', width: 9, kind: 'number', numFmt: '0.0%' },
];

const MISSING_COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 6, kind: 'index' },
  { header: '姓名', width: 10 },
  { header: '所在党组织', width: 40 },
  { header: '职务', width: 16 },
  { header: '联系电话', width: 15, kind: 'id' },
  { header: '在用账号\n（个）', width: 10, kind: 'number' },
];

function campaignId(ctx: ServiceContext, scope: ReportScope): number {
  const id =
    scope.campaignId ??
    (ctx.db.prepare("SELECT id FROM review_campaigns ORDER BY status = '进行中' DESC, year DESC, id DESC LIMIT 1").get() as { id: number } | undefined)?.id;
  if (id === undefined) throw new LedgerError('NOT_FOUND', msg.report.noCampaign);
  return id;
}

/** Organizations with their 党委-level group: the scope's direct child each lies under (or the scope itself). */
function groupNames(ctx: ServiceContext, scope: ReportScope): Map<number, string> {
  const orgs = ctx.db.prepare('SELECT id, full_name, tree_path FROM organizations WHERE id IN (SELECT value FROM json_each(?))').all(scope.subtree) as {
    id: number;
    full_name: string;
    tree_path: string;
  }[];
  const scopePath = orgs.find((o) => o.id === scope.organization.id)!.tree_path;
  const names = new Map(orgs.map((o) => [o.id, o.full_name]));
  return new Map(orgs.map((o) => [o.id, names.get(branchOf(scopePath, o))!]));
}

export const campaignReport: ReportDefinition = {
  kind: 'campaign',
  title: '年度报备核查完成情况表',
  sheets(ctx, scope) {
    const id = campaignId(ctx, scope);
    const completion = campaignCompletion(ctx, { id });
    const groups = groupNames(ctx, scope);
    const rows = completion.byOrganization.filter((r) => groups.has(r.organizationId));
    // Rows of one 党委 together, in code order within it (completion is ordered by code, so a stable sort keeps it).
    const order = [...new Set(rows.map((r) => groups.get(r.organizationId)!))];
    rows.sort((a, b) => order.indexOf(groups.get(a.organizationId)!) - order.indexOf(groups.get(b.organizationId)!));
    const lines: ReportLine[] = rows.map((r, i) =>
      line([i + 1, r.organizationName, r.expected, r.declared, r.zeroReports, r.responded, r.notResponded, r.expected ? r.responded / r.expected : 1], groups.get(r.organizationId)),
    );
    const missing = missingMembers(ctx, { id, organizationId: scope.organization.id, limit: 1_000_000 }).rows;
    const missingLines = missing.map((m, i) => line([i + 1, m.name, m.organizationName, m.position, phoneFor(m.phone, scope.wholePhones), m.activeAccounts]));
    const state =
      completion.status === '已结束'
        ? `报送截止日期：${chineseDate(completion.deadline)}　核查已结束，数据已冻结`
        : `报送截止日期：${chineseDate(completion.deadline)}　统计截至：${chineseDate(scope.today)}`;
    // “2026年度” + “报备核查完成情况表”: the campaign title already says 年度.
    const title = `${completion.title}${this.title.replace(/^年度/, '')}`;
    const completionSheet: SheetDefinition = {
      name: '完成情况表',
      title,
      subtitle: state,
      columns: COLUMNS,
      count: () => lines.length,
      rows: (limit) => lines.slice(0, limit),
      sumColumns: [3, 4, 5, 6, 7],
      labelSpan: 2,
      // The rate of a 小计/合计 is 共计 / 应报送 of its totals, not a sum of rates.
      totalExtra: (column, totals, row) => (column === 8 ? formula(`IF(C${row}=0,1,F${row}/C${row})`, totals.get(3) ? (totals.get(6) ?? 0) / totals.get(3)! : 1) : undefined),
    };
    const missingSheet: SheetDefinition = {
      name: '未报送名单',
      title: `${completion.title}报备核查未报送名单`,
      subtitle: state,
      columns: MISSING_COLUMNS,
      count: () => missingLines.length,
      rows: (limit) => missingLines.slice(0, limit),
      sumColumns: [],
      labelSpan: 2,
      tally: { of: 2, at: 3, unit: '人' },
    };
    return [completionSheet, missingSheet];
  },
};
