/**
 * 催报名单: who to chase, by organization — accounts 逾期未报, 需补正, 变更未报备 and 即将到期 (due within N days),
 * and the members who have not answered the open annual review. Each sheet holds exactly the accounts behind a
 * 首页 figure (CHASE_SQL, chaseCount: the same predicate; the 首页 counts 即将到期 from the tally kept equal to
 * it), and the campaign sheet the campaign page's own list (missingMembers).
 */
import { phoneFor } from '../domain/mask.js';
import { chineseDate, daysBetween } from '../domain/dates.js';
import { CHASE_LISTS, filingStateLabel, type ChaseList } from '../domain/figures.js';
import type { FilingState, RequiredFiling } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { missingMembers } from '../services/campaignCompletion.js';
import { currentCampaign, getCampaign } from '../services/campaigns.js';
import type { ServiceContext } from '../services/context.js';
import { CHASE_SQL, chaseCount, windowEnd } from '../services/figures.js';
import { line, type ReportDefinition, type ReportScope, type SheetDefinition } from './definition.js';
import type { ColumnSpec } from './style.js';

const words = msg.paper.chase;

const ACCOUNT_COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 6, kind: 'index' },
  { header: '姓名', width: 10 },
  { header: '职务', width: 16 },
  { header: '平台', width: 11 },
  { header: '账号名称', width: 20 },
  { header: '报备类型', width: 8, kind: 'centred' },
  { header: '状态', width: 11, kind: 'centred' },
  { header: '应报备日期', width: 12, kind: 'date' },
  { header: '说明', width: 28 },
];

const MEMBER_COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 6, kind: 'index' },
  { header: '姓名', width: 10 },
  { header: '职务', width: 18 },
  { header: '联系电话', width: 15, kind: 'id' },
  { header: '在用账号（个）', width: 10, kind: 'number' },
  { header: '说明', width: 30 },
];

interface ChaseRow {
  name: string;
  position: string | null;
  org: string;
  platform: string;
  display_name: string;
  required_filing: RequiredFiling;
  filing_state: FilingState;
  due_on: string | null;
  opinion: string | null;
  registered_on: string | null;
}

const SELECT = (list: ChaseList) => `SELECT m.name, m.position, o.full_name AS org, a.platform, a.display_name, a.required_filing, a.filing_state, a.due_on,
    (SELECT opinion FROM filings f WHERE f.account_id = a.id ORDER BY f.id DESC LIMIT 1) AS opinion,
    (SELECT reviewed_on FROM filings f WHERE f.account_id = a.id AND f.state = '已登记' ORDER BY f.id DESC LIMIT 1) AS registered_on
  FROM accounts a JOIN members m ON m.id = a.member_id JOIN organizations o ON o.id = a.organization_id
  WHERE a.organization_id IN (SELECT value FROM json_each(@orgIds)) AND ${CHASE_SQL[list]}
  ORDER BY o.code, m.name_pinyin, a.id`;

/** 说明: how late, how soon, what the organization asked to correct, since when it changed. */
function remark(list: ChaseList, r: ChaseRow, day: string): string {
  if (list === 'overdue') return words.overdueDays(daysBetween(r.due_on!, day));
  if (list === 'dueSoon') return words.daysLeft(daysBetween(day, r.due_on!));
  if (list === 'correction') return r.opinion ?? '';
  return words.changedSince(r.registered_on);
}

function accountSheet(ctx: ServiceContext, scope: ReportScope, list: ChaseList): SheetDefinition {
  const day = scope.today;
  const params = { orgIds: scope.subtree, day, until: windowEnd(day, scope.dueWithinDays) };
  const statement = ctx.db.prepare(SELECT(list));
  const subtitle = list === 'dueSoon' ? words.dueWindow(chineseDate(day), chineseDate(params.until), scope.dueWithinDays) : words.asOf(chineseDate(day));
  return {
    name: words.lists[list].sheet,
    title: words.lists[list].title,
    subtitle,
    columns: ACCOUNT_COLUMNS,
    count: () => chaseCount(ctx, list, params),
    *rows(limit) {
      let n = 0;
      for (const r of statement.iterate(params) as Iterable<ChaseRow>) {
        if (limit !== undefined && n >= limit) return;
        const state = filingStateLabel(r.filing_state, r.required_filing);
        yield line([++n, r.name, r.position, r.platform, r.display_name, r.required_filing, state, r.due_on, remark(list, r, day)], r.org);
      }
    },
    sumColumns: [],
    // The label spans 序号 to 平台, wide enough for a long organization's name on one line.
    labelSpan: 4,
    tally: { of: 2, at: 5, unit: '个' },
  };
}

/** The open annual review (or the one asked for): who in the scope has not answered, as the campaign page lists them. */
function campaignSheet(ctx: ServiceContext, scope: ReportScope): SheetDefinition | null {
  const campaign = scope.campaignId !== undefined ? getCampaign(ctx, scope.campaignId) : currentCampaign(ctx);
  if (!campaign) return null;
  const missing = missingMembers(ctx, { id: campaign.id, organizationId: scope.organization.id, limit: 1_000_000 }).rows;
  const lines = missing.map((m, i) => line([i + 1, m.name, m.position, phoneFor(m.phone, scope.wholePhones), m.activeAccounts, m.activeAccounts ? '' : words.zeroHint], m.organizationName));
  return {
    name: words.lists.campaign.sheet,
    title: `${campaign.title}${words.lists.campaign.title}`,
    subtitle: words.campaignState(words.asOf(chineseDate(scope.today)), chineseDate(campaign.deadline)),
    columns: MEMBER_COLUMNS,
    count: () => lines.length,
    rows: (limit) => lines.slice(0, limit),
    sumColumns: [],
    labelSpan: 2,
    tally: { of: 2, at: 3, unit: '人' },
  };
}

export const chaseReport: ReportDefinition = {
  kind: 'chase',
  title: words.title,
  sheets(ctx, scope) {
    const sheets = CHASE_LISTS.map((list) => accountSheet(ctx, scope, list));
    const campaign = campaignSheet(ctx, scope);
    return campaign ? [...sheets, campaign] : sheets;
  },
};
