/**
 * 工作交接清单: everything still open in a subtree on the day a secretary hands the register to a successor —
 * accounts that still need a filing (overdue first), filings awaiting review, requests awaiting a decision or
 * publication, members who have not answered a running annual review, protection cases in progress — with an
 * overview sheet of how many of each and where in the console they are handled, and a line for 移交人/接收人.
 * It is the register as it is today, whatever period is chosen.
 */
import { phoneFor } from '../domain/mask.js';
import { chineseDate, daysBetween } from '../domain/dates.js';
import { filingStateLabel, OVERDUE_LABEL } from '../domain/figures.js';
import { isOverdue } from '../domain/filingRules.js';
import type { FilingState, RequiredFiling } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { missingMembers } from '../services/campaignCompletion.js';
import type { ServiceContext } from '../services/context.js';
import { line, type ReportDefinition, type ReportLine, type ReportScope, type SheetDefinition } from './definition.js';
import type { ColumnSpec } from './style.js';

/** Each sheet is at least about 105 units wide, so this line prints whole within the table's width. */
const SIGNATURE = '移交人（签字）：　　　　　　　　接收人（签字）：　　　　　　　　监交人（签字）：　　　　　　　　交接日期：　　　　年　　月　　日';

/** What the successor does next for an account in each state. */
const NEXT_STEP: Partial<Record<FilingState, string>> = { 未报备: '督促本人报告/备案', 需补正: '督促按党组织意见补正后重新提交', 变更未报: '督促报备变更' };

interface AccountRow {
  member: string;
  organization: string;
  platform: string;
  name: string;
  required: RequiredFiling;
  state: FilingState;
  due: string | null;
}

const IN_SCOPE = 'IN (SELECT value FROM json_each(@subtree))';

function openAccounts(ctx: ServiceContext, scope: ReportScope): ReportLine[] {
  const rows = ctx.db
    .prepare(
      `SELECT m.name AS member, o.full_name AS organization, a.platform, a.display_name AS name, a.required_filing AS required,
              a.filing_state AS state, a.due_on AS due
       FROM accounts a JOIN members m ON m.id = a.member_id JOIN organizations o ON o.id = a.organization_id
       WHERE a.organization_id ${IN_SCOPE} AND a.required_filing <> '无' AND a.filing_state IN ('未报备', '需补正', '变更未报')
       ORDER BY o.code, a.filing_state <> '未报备' OR a.due_on >= @today, a.due_on, m.name_pinyin, a.id`,
    )
    .all({ subtree: scope.subtree, today: scope.today }) as AccountRow[];
  return rows.map((r, i) => {
    const overdue = isOverdue(r.state, r.due, scope.today);
    const state = overdue ? `${filingStateLabel(r.state, r.required)}（${OVERDUE_LABEL}）` : filingStateLabel(r.state, r.required);
    return line([i + 1, r.member, r.platform, r.name, r.required, state, r.state === '未报备' ? r.due : null, overdue ? daysBetween(r.due!, scope.today) : null, NEXT_STEP[r.state]], r.organization);
  });
}

function pendingFilings(ctx: ServiceContext, scope: ReportScope): ReportLine[] {
  const rows = ctx.db
    .prepare(
      `SELECT f.submitted_on, f.type, m.name AS member, o.full_name AS organization, a.platform, a.display_name AS name
       FROM filings f JOIN accounts a ON a.id = f.account_id JOIN members m ON m.id = a.member_id JOIN organizations o ON o.id = a.organization_id
       WHERE f.state = '待审核' AND a.organization_id ${IN_SCOPE} ORDER BY f.submitted_on, f.id`,
    )
    .all({ subtree: scope.subtree }) as { submitted_on: string; type: string; member: string; organization: string; platform: string; name: string }[];
  return rows.map((r, i) => line([i + 1, r.submitted_on, r.member, r.organization, r.platform, r.name, r.type, daysBetween(r.submitted_on, scope.today)]));
}

function openRequests(ctx: ServiceContext, scope: ReportScope): ReportLine[] {
  const rows = ctx.db
    .prepare(
      `SELECT r.requested_on, r.requester_name, o.full_name AS organization, r.title, r.decision, r.decided_on
       FROM publication_requests r JOIN organizations o ON o.id = r.organization_id
       WHERE r.organization_id ${IN_SCOPE} AND (r.decision IS NULL OR (r.decision IN ('同意', '修改后同意') AND r.published_on IS NULL))
       ORDER BY r.requested_on, r.id`,
    )
    .all({ subtree: scope.subtree }) as { requested_on: string; requester_name: string; organization: string; title: string; decision: string | null; decided_on: string | null }[];
  return rows.map((r, i) => line([i + 1, r.requested_on, r.requester_name, r.organization, r.title, r.decision ? `${r.decision}，待登记发布` : '待审批']));
}

/** One line per member and running review; `people` counts each member once, however many reviews they owe. */
function unansweredReviews(ctx: ServiceContext, scope: ReportScope): { lines: ReportLine[]; people: number } {
  const campaigns = ctx.db.prepare("SELECT id, title, deadline FROM review_campaigns WHERE status = '进行中' ORDER BY year, id").all() as { id: number; title: string; deadline: string }[];
  let n = 0;
  const people = new Set<number>();
  const lines = campaigns.flatMap((c) =>
    missingMembers(ctx, { id: c.id, organizationId: scope.organization.id, limit: 1_000_000 }).rows.map((m) => {
      people.add(m.memberId);
      return line([++n, m.name, m.organizationName, m.position, phoneFor(m.phone, scope.wholePhones), c.deadline, m.activeAccounts], c.title);
    }),
  );
  return { lines, people: people.size };
}

function openProtection(ctx: ServiceContext, scope: ReportScope): ReportLine[] {
  const rows = ctx.db
    .prepare(
      `SELECT p.attacked_on, m.name AS member, o.full_name AS organization, p.platform, p.description, p.handled_by,
              (SELECT count(*) FROM protection_measures WHERE case_id = p.id) AS measures
       FROM protection_cases p JOIN members m ON m.id = p.member_id JOIN organizations o ON o.id = m.organization_id
       WHERE p.status = '处理中' AND m.organization_id ${IN_SCOPE} ORDER BY p.attacked_on, p.id`,
    )
    .all({ subtree: scope.subtree }) as { attacked_on: string; member: string; organization: string; platform: string | null; description: string; handled_by: string | null; measures: number }[];
  return rows.map((r, i) => line([i + 1, r.attacked_on, r.member, r.organization, r.platform, r.description, r.handled_by, r.measures]));
}

const index: ColumnSpec = { header: '序号', width: 5, kind: 'index' };
const org: ColumnSpec = { header: '所在党组织', width: 30 };

function sheet(name: string, title: string, scope: ReportScope, columns: ColumnSpec[], lines: ReportLine[], tally: SheetDefinition['tally']): SheetDefinition {
  return {
    name,
    title: `${msg.handover.report.title}：${title}`,
    subtitle: `截至${chineseDate(scope.today)}尚未办结的事项`,
    columns,
    count: () => lines.length,
    rows: (limit) => lines.slice(0, limit),
    sumColumns: [],
    labelSpan: 2,
    tally,
    signature: SIGNATURE,
  };
}

export const handoverReport: ReportDefinition = {
  kind: 'handover',
  title: msg.handover.report.title,
  sheets(ctx, scope) {
    const accounts = openAccounts(ctx, scope);
    const overdue = accounts.filter((l) => typeof l.values[7] === 'number').length;
    const filings = pendingFilings(ctx, scope);
    const requests = openRequests(ctx, scope);
    const reviews = unansweredReviews(ctx, scope);
    const protection = openProtection(ctx, scope);
    const overview: [string, number, string, string][] = [
      ['需报告/备案而未办结的账号', accounts.length, '个', '网络账号；明细见“待报备账号”'],
      [`其中${OVERDUE_LABEL}`, overdue, '个', '网络账号（只看逾期）'],
      ['待审核的报备', filings.length, '条', '报备审核；明细见“待审核报备”'],
      ['待审批或待登记发布的请示', requests.length, '件', '发布请示；明细见“待办请示”'],
      ['年度核查未报送', reviews.people, '人', '年度核查；明细见“核查未报送”'],
      ['处理中的保护支持', protection.length, '件', '保护支持；明细见“保护支持”'],
    ];
    const summary: SheetDefinition = {
      ...sheet('概况', '概况', scope, [index, { header: '事项', width: 40 }, { header: '数量', width: 10, kind: 'number' }, { header: '单位', width: 8, kind: 'centred' }, { header: '在哪里办理', width: 60 }], overview.map((o, i) => line([i + 1, ...o])), undefined),
      // Different kinds of items, in different units: nothing to add up.
      total: false,
    };
    return [
      summary,
      {
        // Rows are grouped by organization, named on its 小计 row across 序号, 姓名 and 平台.
        ...sheet('待报备账号', '需报告/备案而未办结的账号', scope,
        [index, { header: '姓名', width: 9 }, { header: '平台', width: 12 }, { header: '账号名称', width: 22 }, { header: '应履行手续', width: 10, kind: 'centred' }, { header: '状态', width: 18 }, { header: '应报备日期', width: 12, kind: 'date' }, { header: '逾期天数', width: 9, kind: 'number' }, { header: '下一步', width: 32 }],
        accounts, { of: 4, at: 4, unit: '个' }),
        labelSpan: 3,
      },
      sheet('待审核报备', '待审核的报备', scope,
        [index, { header: '提交日期', width: 12, kind: 'date' }, { header: '姓名', width: 9 }, org, { header: '平台', width: 12 }, { header: '账号名称', width: 24 }, { header: '报备类型', width: 9, kind: 'centred' }, { header: '已等待（天）', width: 10, kind: 'number' }],
        filings, { of: 3, at: 3, unit: '条' }),
      sheet('待办请示', '待审批或待登记发布的请示', scope,
        [index, { header: '请示日期', width: 12, kind: 'date' }, { header: '请示人', width: 9 }, org, { header: '拟发布信息标题', width: 34 }, { header: '状态', width: 18 }],
        requests, { of: 3, at: 3, unit: '件' }),
      sheet('核查未报送', '年度核查未报送名单', scope,
        [index, { header: '姓名', width: 10 }, { ...org, width: 36 }, { header: '职务', width: 24 }, { header: '联系电话', width: 16, kind: 'id' }, { header: '报送截止日期', width: 14, kind: 'date' }, { header: '在用账号\n（个）', width: 10, kind: 'number' }],
        // A member owing two running reviews is two lines: counted in 人次 here, in 人 on the 概况.
        reviews.lines, { of: 2, at: 3, unit: '人次' }),
      sheet('保护支持', '处理中的保护支持', scope,
        [index, { header: '遭受网络围攻（攻击）日期', width: 14, kind: 'date' }, { header: '姓名', width: 9 }, org, { header: '平台', width: 12 }, { header: '经过', width: 34 }, { header: '经办人', width: 9 }, { header: '已采取措施（项）', width: 10, kind: 'number' }],
        protection, { of: 3, at: 3, unit: '件' }),
    ];
  },
};
