/**
 * Hostile review of the derived data kept by triggers since migrations 0019 and 0020: a seeded random walk through
 * the registry (members entered, renamed, moved, leaving and coming back; accounts opened, edited, closed, handed
 * over; filings; rule saves moving thresholds and 期限; responses) with the clock moving forward, and after every
 * step each derived table compared with what counting the base tables gives.
 */
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../src/contract/errors.js';
import { figureClass } from '../../src/domain/figureClass.js';
import { FIGURE_KEYS } from '../../src/domain/figures.js';
import { resolveScope } from '../../src/reports/definition.js';
import { detailReport } from '../../src/reports/detailReport.js';
import { summaryReport } from '../../src/reports/summaryReport.js';
import { memberFigures } from '../../src/services/figures.js';
import { validId } from '../support/ids.js';
import { freshLedger } from '../support/ledger.js';

const NAMES = ['欧阳娜', '司马光', '张伟', '王', '李𠮷', '😀张', 'Anna Li', '张张'];
const COUNTED = `SELECT m.organization_id AS org, sum(EXISTS (SELECT 1 FROM account_periods p WHERE p.member_id = m.member_id
    AND p.filing_state <> '已注销' AND p.valid_to > @day AND p.valid_from <= @day)) AS n
  FROM member_periods m WHERE m.status = '在册' AND m.valid_to > @day AND m.valid_from <= @day GROUP BY 1 HAVING n > 0 ORDER BY 1`;

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('derived data through a random walk (hostile)', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`stays equal to counting the base tables (seed ${seed})`, () => {
      const l = freshLedger();
      let now = new Date('2025-01-10T02:00:00Z');
      l.ctx.clock = () => now;
      const day = () => now.toISOString().slice(0, 10);
      const r = rng(seed);
      const plus = (d: string, n: number) => new Date(new Date(`${d}T02:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);
      // Most changes dated today, some a few days or weeks back (the register redates and rebuilds what follows).
      const when = () => plus(day(), -pick([0, 0, 0, 1, 3, 40]));
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
      const root = l.call('organizations.create', { parentId: null, fullName: '中共核对委员会', type: '党委' }).id;
      const a = l.call('organizations.create', { parentId: root, fullName: '中共核对甲支部委员会', type: '党支部' }).id;
      const b = l.call('organizations.create', { parentId: root, fullName: '中共核对乙支部委员会', type: '党支部' }).id;
      const c = l.call('organizations.create', { parentId: a, fullName: '中共核对甲一支部委员会', type: '党支部' }).id;
      const orgs = [root, a, b, c];
      const members: number[] = [];
      const accounts: number[] = [];
      const filings: number[] = [];
      let seq = 0;
      let campaign: number | null = null;
      const all = (sql: string, p: unknown[] = []) => l.db.prepare(sql).all(...p);

      const ops: (() => void)[] = [
        () => members.push(l.call('members.create', { name: pick(NAMES), organizationId: pick(orgs), idNumber: validId(`1980-0${(seq % 9) + 1}-1${seq % 10}`, 100 + seq++), joinedOn: '2001-01-01' }).id),
        () => {
          const m = pick(members);
          const k = pick(['公众账号', '群组', '账号'] as const);
          accounts.push(
            l.call('accounts.create', {
              memberId: m,
              platform: k === '群组' ? '微信群' : '微信公众号',
              region: pick(['境内', '境外'] as const),
              capacity: pick(['个人', '以职务身份'] as const),
              kind: k,
              displayName: `号${seq++}`,
              accountRef: `r${seq}`,
              audience: pick([10, 250, 400, 5000]),
              openedOn: pick(['2019-06-01', '2024-12-01', day()]),
            }).id,
          );
        },
        () => {
          const open = l.db.prepare("SELECT id FROM accounts WHERE required_filing <> '无'").pluck().all() as number[];
          const x = l.call('accounts.get', { id: pick(open) });
          if (x.allowedFilingTypes.length === 0) return;
          filings.push(l.call('filings.submit', { accountId: x.id, type: pick(x.allowedFilingTypes), submittedOn: when() }).id);
        },
        () => l.call('filings.review', { id: pick(filings), decision: pick(['登记', '退回补正'] as const), reviewedOn: when(), opinion: '补' }),
        () => l.call('accounts.close', { id: pick(accounts), closedOn: when(), reason: '不再使用' }),
        () => l.call('members.move', { id: pick(members), organizationId: pick(orgs), onDate: when() }),
        () => l.call('members.changeStatus', { id: pick(members), status: pick(['在册', '退休'] as const), date: when() }),
        () => {
          const m = pick(members);
          const open = l.db.prepare("SELECT id FROM accounts WHERE member_id = ? AND status <> '已注销'").pluck().all(m) as number[];
          l.call('members.leave', { id: m, status: '转出', date: when(), accounts: open.map((accountId) => ({ accountId, action: '保留' as const, note: '留着' })) });
        },
        () => l.call('accounts.handover', { id: pick(accounts), onDate: when(), toMemberId: pick(members) }),
        () => l.call('settings.update', { groupMemberThreshold: pick([100, 300, 500]), deadlineDays: pick([10, 30, 60]), effectiveFrom: pick(['2024-06-01', day()]) }),
        () => {
          const m = l.call('members.get', { id: pick(members) });
          l.call('members.update', { id: m.id, name: pick(NAMES), idNumber: m.idNumber, joinedOn: pick(['2001-01-01', '2025-01-05']) });
        },
        () => {
          const x = l.call('accounts.get', { id: pick(accounts) });
          const { platform, region, capacity, kind, displayName, accountRef, administrator, openedOn } = x;
          l.call('accounts.update', { id: x.id, platform, region, capacity, kind, displayName: pick([displayName, `${displayName}改`]), accountRef, administrator, openedOn, audience: pick([10, 250, 400, 5000]) });
        },
        () => {
          const m = pick(members);
          const open = l.db.prepare("SELECT id FROM accounts WHERE member_id = ? AND status <> '已注销'").pluck().all(m) as number[];
          const to = pick(members);
          const accounts = open.map((accountId) =>
            pick([{ accountId, action: '移交' as const, toMemberId: to }, { accountId, action: '注销' as const, closedOn: day(), reason: '离开' }]),
          );
          l.call('members.leave', { id: m, status: pick(['退休', '去世'] as const), date: when(), accounts });
        },
        () => {
          const f = pick(filings);
          if (r() < 0.5) l.call('filings.resubmit', { id: f, submittedOn: day() });
          else l.call('filings.bulkAccept', { ids: [f], reviewedOn: day() });
        },
        () => l.call('organizations.move', { id: c, parentId: pick([a, b]) }),
        () => {
          campaign ??= l.call('campaigns.create', { title: '年度核查', year: 2025, deadline: '2026-03-31', organizationIds: [root] }).id;
          l.call('campaigns.declare', { campaignId: campaign, memberId: pick(members), kind: pick(['申报', '零报告'] as const), declaredOn: day() });
        },
      ];

      const check = (step: string) => {
        expect(all('SELECT organization_id, required_filing, filing_state, n FROM filing_tally WHERE n <> 0 ORDER BY 1, 2, 3'), step).toEqual(
          all('SELECT coalesce(organization_id, 0) AS organization_id, required_filing, filing_state, count(*) AS n FROM accounts GROUP BY 1, 2, 3 ORDER BY 1, 2, 3'),
        );
        expect(all('SELECT due, organization_id, required_filing, n FROM due_tally WHERE n <> 0 ORDER BY 1, 2, 3'), step).toEqual(
          all("SELECT coalesce(due_on, '9999-12-31') AS due, coalesce(organization_id, 0) AS organization_id, required_filing, count(*) AS n FROM accounts WHERE filing_state = '未报备' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"),
        );
        expect(all('SELECT campaign_id, organization_id, n FROM response_tally WHERE n <> 0 ORDER BY 1, 2'), step).toEqual(
          all('SELECT campaign_id, organization_id, count(*) AS n FROM review_declarations WHERE organization_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2'),
        );
        expect(all('SELECT gram, name_pinyin, member_id, status FROM member_bigrams ORDER BY 1, 2, 3'), step).toEqual(
          all('SELECT DISTINCT lower(substr(m.name, p.pos, 2)) AS gram, m.name_pinyin, m.id AS member_id, m.status FROM members m JOIN member_bigram_positions p ON p.pos < length(m.name) ORDER BY 1, 2, 3'),
        );
        for (const p of all('SELECT required_filing AS required, filing_state AS state, capacity, kind, region, figure_class FROM account_periods') as never[]) {
          expect((p as { figure_class: number }).figure_class, step).toBe(figureClass(p));
        }
        const orgIds = JSON.stringify(orgs);
        for (const d of ['2019-12-31', '2024-12-31', '2025-03-01', day(), '2027-01-01']) {
          const held = [...memberFigures(l.ctx, { orgIds, day: d })].filter(([, f]) => f.withAccounts > 0).map(([org, f]) => ({ org, n: f.withAccounts }));
          expect(held.sort((x, y) => x.org - y.org), `${step} on ${d}`).toEqual(all(COUNTED.replaceAll('@day', `'${d}'`)));
        }
        // The 首页 of today and of later days without a write, whole tree and a subtree, against the accounts.
        // Today, and days on which a 未报备 account falls due or enters the 7-day window, with no write in between.
        const dues = l.db.prepare("SELECT DISTINCT due_on FROM accounts WHERE filing_state = '未报备' AND due_on >= ? ORDER BY 1 LIMIT 2").pluck().all(day()) as string[];
        for (const target of [day(), plus(day(), 3), ...dues.flatMap((d) => [d, plus(d, -7), plus(d, 1)])]) {
          const saved = now;
          now = new Date(`${target}T02:00:00Z`);
          const ahead = target;
          for (const scope of [undefined, a]) {
            const d = l.call('dashboard.summary', scope ? { organizationId: scope, dueWithinDays: 7 } : { dueWithinDays: 7 });
            const ids = scope ? (l.db.prepare("SELECT id FROM organizations WHERE tree_path >= (SELECT tree_path FROM organizations WHERE id = ?) AND tree_path < (SELECT tree_path FROM organizations WHERE id = ?) || '\uffff'").pluck().all(a, a) as number[]) : orgs;
            const inScope = `organization_id IN (${ids.join(',')}) AND required_filing <> '无'`;
            const one = (sql: string, p: unknown[] = []) => l.db.prepare(sql).pluck().get(...p) as number;
            const label = `${step} on ${ahead} ${scope ?? 'tree'}`;
            expect(d.record.overdue + d.report.overdue, label).toBe(one(`SELECT count(*) FROM accounts WHERE ${inScope} AND filing_state = '未报备' AND due_on < ?`, [d.today]));
            expect(d.dueSoon.count, label).toBe(one(`SELECT count(*) FROM accounts WHERE ${inScope} AND filing_state = '未报备' AND due_on >= ? AND due_on <= ?`, [d.today, d.dueSoon.until]));
            if (campaign !== null && !scope) {
              const full = l.call('campaigns.completion', { id: campaign });
              expect(d.campaign, label).toMatchObject({ expected: full.totals.expected, responded: full.totals.responded });
            }
            expect(d.record.notFiled + d.report.notFiled, label).toBe(one(`SELECT count(*) FROM accounts WHERE ${inScope} AND filing_state = '未报备'`));
          }
          now = saved;
        }
      };

      // The 统计表's totals against the 明细表's rows (a past year's end and today), and today's against the accounts and members.
      const reportsAgree = (step: string) => {
        for (const organizationId of [root, a]) {
          for (const to of ['2025-06-30', undefined]) {
            const period = to ? { from: '2025-01-01', to } : {};
            const [sheet] = summaryReport.sheets(l.ctx, resolveScope(l.ctx, { ...period, organizationId }));
            const total = (k: (typeof FIGURE_KEYS)[number]) => [...sheet!.rows(1e6)].reduce((n, r) => n + (r.values[2 + FIGURE_KEYS.indexOf(k)] as number), 0);
            const listed = (listing: 'needed' | 'all') => detailReport.sheets(l.ctx, resolveScope(l.ctx, { ...period, organizationId, listing }))[0]!.count();
            const label = `${step} ${organizationId} ${to ?? 'today'}`;
            expect(total('accounts'), label).toBe(listed('all'));
            expect(total('reportNeeded') + total('recordNeeded'), label).toBe(listed('needed'));
            if (to) continue;
            const subtree = resolveScope(l.ctx, { organizationId }).subtree;
            const one = (sql: string) => l.db.prepare(sql).pluck().get(subtree) as number;
            expect(total('members'), label).toBe(one("SELECT count(*) FROM members WHERE status = '在册' AND organization_id IN (SELECT value FROM json_each(?))"));
            expect(total('withAccounts'), label).toBe(
              one("SELECT count(*) FROM members m WHERE m.status = '在册' AND m.organization_id IN (SELECT value FROM json_each(?)) AND EXISTS (SELECT 1 FROM accounts x WHERE x.member_id = m.id AND x.status <> '已注销')"),
            );
            expect(total('accounts'), label).toBe(one("SELECT count(*) FROM accounts WHERE status <> '已注销' AND organization_id IN (SELECT value FROM json_each(?))"));
          }
        }
      };

      for (let i = 0; i < 3; i++) ops[0]!();
      for (let step = 0; step < 160; step++) {
        if (r() < 0.25) now = new Date(now.getTime() + Math.floor(r() * 20) * 86_400_000);
        const k = step < 10 ? Math.floor(r() * 2) : r() < 0.3 ? pick([2, 3, 13]) : Math.floor(r() * ops.length);
        try {
          ops[k]!();
        } catch (e) {
          if (!(e instanceof LedgerError)) throw e;
          continue;
        }
        check(`step ${step} op ${k} on ${day()}`);
        if (step % 20 === 19) reportsAgree(`step ${step}`);
      }
      reportsAgree('end');
    });
  }
});
