/** 明细表: one row per account, grouped by organization with 小计 rows; streamed, for 300k rows and more. */
import type { ServiceContext } from '../services/context.js';
import { periodLine, type ReportDefinition, type ReportLine, type ReportScope } from './definition.js';
import type { ColumnSpec } from './style.js';

const COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 7, kind: 'number' },
  { header: '姓名', width: 10 },
  { header: '身份证号', width: 21, kind: 'id' },
  { header: '党组织', width: 38 },
  { header: '职务', width: 10 },
  { header: '平台', width: 11 },
  { header: '账号名称', width: 20 },
  { header: '账号ID', width: 16, kind: 'id' },
  { header: '身份', width: 11 },
  { header: '类型', width: 9 },
  { header: '开设时间', width: 12, kind: 'date' },
  { header: '粉丝数', width: 10, kind: 'number' },
  { header: '报备类型', width: 9 },
  { header: '报备时间', width: 12, kind: 'date' },
  { header: '状态', width: 10 },
  { header: '备注', width: 16 },
];

const FROM = `FROM accounts a JOIN members m ON m.id = a.member_id JOIN organizations o ON o.id = a.organization_id
  WHERE a.organization_id IN (SELECT value FROM json_each(@subtree))
    AND coalesce(a.opened_on, substr(a.created_at, 1, 10)) <= @to
    AND (a.closed_on IS NULL OR a.closed_on >= @from)`;

const SELECT = `SELECT m.name, m.id_number, o.full_name AS org, m.position, a.platform, a.display_name, a.account_ref, a.capacity, a.kind,
    a.opened_on, a.audience, a.required_filing, a.filing_state, a.due_on, a.closed_reason,
    (SELECT submitted_on FROM filings f WHERE f.account_id = a.id ORDER BY f.id DESC LIMIT 1) AS filed_on
  ${FROM} ORDER BY o.code, m.name_pinyin, a.id`;

interface DetailRow {
  name: string;
  id_number: string;
  org: string;
  position: string | null;
  platform: string;
  display_name: string;
  account_ref: string | null;
  capacity: string;
  kind: string;
  opened_on: string | null;
  audience: number | null;
  required_filing: string;
  filing_state: string;
  due_on: string | null;
  closed_reason: string | null;
  filed_on: string | null;
}

function* lines(ctx: ServiceContext, scope: ReportScope, limit?: number): Generator<ReportLine> {
  const params = { subtree: scope.subtree, from: scope.from, to: scope.to };
  const statement = ctx.db.prepare(limit === undefined ? SELECT : `${SELECT} LIMIT ${Math.floor(limit)}`);
  let n = 0;
  for (const r of statement.iterate(params) as Iterable<DetailRow>) {
    n++;
    const overdue = r.filing_state === '未报备' && r.due_on !== null && r.due_on < scope.today;
    yield {
      group: r.org,
      values: [
        n,
        r.name,
        r.id_number,
        r.org,
        r.position,
        r.platform,
        r.display_name,
        r.account_ref,
        r.capacity,
        r.kind,
        r.opened_on,
        r.audience,
        r.required_filing === '无' ? '—' : r.required_filing,
        r.filed_on,
        r.filing_state,
        r.closed_reason ?? (overdue ? '逾期未报' : ''),
      ],
    };
  }
}

export const detailReport: ReportDefinition = {
  kind: 'detail',
  title: '党员干部网络账号报备明细表',
  sheets(ctx, scope) {
    return [
      {
        name: '明细表',
        title: this.title,
        subtitle: periodLine(scope),
        columns: COLUMNS,
        count: () => (ctx.db.prepare(`SELECT count(*) AS n ${FROM}`).get({ subtree: scope.subtree, from: scope.from, to: scope.to }) as { n: number }).n,
        rows: (limit) => lines(ctx, scope, limit),
        sumColumns: [],
        countColumn: 2,
      },
    ];
  },
};
