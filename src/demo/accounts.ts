/**
 * Demo accounts, filings and publication requests in realistic proportions: most members declare one or two
 * accounts, each unit runs a few official-capacity accounts and groups, most filings are registered, some
 * pending, some returned for correction, some never filed (a few of them overdue), a few changed since.
 * Rows are inserted directly and derived once at the end (refreshAllAccounts) to keep 100k members quick.
 */
import type { Capacity, AccountKind, Decision } from '../domain/vocabulary.js';
import { currentFiledFields, refreshAllAccounts } from '../services/accountState.js';
import { nowIso, type ServiceContext } from '../services/context.js';
import type { SeededRandom } from './random.js';
import {
  ACCOUNT_SUFFIXES,
  ACCOUNT_TOPICS,
  ACCOUNT_WORDS,
  GROUP_PLATFORMS,
  GROUP_SUFFIXES,
  ORDINARY_PLATFORMS,
  PUBLIC_PLATFORMS,
  REQUEST_TITLES,
  CLOSE_REASONS,
} from './vocabulary.js';

interface Owner {
  id: number;
  name: string;
  organizationId: number;
}

function day(rng: SeededRandom, fromYear: number, latest: string): string {
  const y = rng.int(fromYear, Number(latest.slice(0, 4)));
  const candidate = `${y}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  return candidate > latest ? latest : candidate;
}

function plusDays(iso: string, days: number, latest: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const out = d.toISOString().slice(0, 10);
  return out > latest ? latest : out;
}

/** personalPerMember: the mean number of personal accounts a member declares (the city demo's ~2.5). */
export function generateDemoAccounts(ctx: ServiceContext, rng: SeededRandom, today: string, personalPerMember?: number): { accounts: number; filings: number; requests: number } {
  const at = nowIso(ctx);
  const owners = ctx.db.prepare("SELECT id, name, organization_id AS organizationId FROM members WHERE status = '在册' ORDER BY id").all() as Owner[];
  const insertAccount = ctx.db.prepare(
    `INSERT INTO accounts (member_id, organization_id, platform, region, capacity, kind, display_name, account_ref, opened_on,
       audience, audience_as_of, administrator, supervisor, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFiling = ctx.db.prepare(
    `INSERT INTO filings (account_id, type, submitted_on, received_by, state, reviewer, reviewed_on, opinion, snapshot_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = ctx.db.prepare('INSERT INTO filing_events (filing_id, action, on_date, actor, opinion, at) VALUES (?, ?, ?, ?, ?, ?)');
  let accounts = 0;
  let filings = 0;

  const addAccount = (owner: Owner, capacity: Capacity, kind: AccountKind) => {
    const platform = kind === '群组' ? rng.pick(GROUP_PLATFORMS) : rng.pick(kind === '公众账号' ? PUBLIC_PLATFORMS : ORDINARY_PLATFORMS);
    const overseas = rng.chance(0.03);
    const name = rng.pick(ACCOUNT_WORDS) + rng.pick(ACCOUNT_TOPICS) + (kind === '群组' ? rng.pick(GROUP_SUFFIXES) : rng.pick(ACCOUNT_SUFFIXES));
    const openedOn = day(rng, 2018, today);
    const audience = kind === '群组' ? rng.int(20, 500) : Math.round(10 ** (1 + rng.next() * 4.5));
    const info = insertAccount.run(
      owner.id,
      owner.organizationId,
      overseas ? '境外平台' : platform,
      overseas ? '境外' : '境内',
      capacity,
      kind,
      name,
      kind === '群组' ? null : `demo_${(accounts + 1).toString(36)}`,
      openedOn,
      audience,
      openedOn,
      owner.name,
      capacity === '以职务身份' ? '单位分管领导' : null,
      at,
      at,
    );
    accounts++;
    const accountId = Number(info.lastInsertRowid);
    // A few accounts were closed since; the register keeps them, marked 已注销.
    if (rng.chance(0.02)) {
      ctx.db
        .prepare("UPDATE accounts SET status = '已注销', closed_on = ?, closed_reason = ? WHERE id = ?")
        .run(plusDays(openedOn, rng.int(30, 900), today), rng.pick(CLOSE_REASONS), accountId);
    }
    const needsFiling = capacity === '以职务身份' || kind === '公众账号';
    if (!needsFiling) return;
    const r = rng.next();
    if (r > 0.86) return; // never filed; those opened long ago are overdue
    const submitted = plusDays(openedOn, rng.int(1, 40), today);
    const type = capacity === '以职务身份' ? '报告' : '备案';
    const state = r < 0.74 ? '已登记' : r < 0.82 ? '待审核' : '需补正';
    const reviewed = state === '待审核' ? null : plusDays(submitted, rng.int(1, 10), today);
    const opinion = state === '需补正' ? '请补充账号认证主体和管理员信息' : state === '已登记' ? '同意登记' : null;
    const account = { member_id: owner.id, display_name: name, account_ref: kind === '群组' ? null : `demo_${accounts.toString(36)}`, capacity, kind, administrator: owner.name, platform: overseas ? '境外平台' : platform };
    const snapshot = state === '已登记' ? JSON.stringify(currentFiledFields(account)) : null;
    const f = insertFiling.run(accountId, type, submitted, '党务干事', state, reviewed ? '支部书记' : null, reviewed, opinion, snapshot, at, at);
    filings++;
    const filingId = Number(f.lastInsertRowid);
    insertEvent.run(filingId, '提交', submitted, '党务干事', null, at);
    if (reviewed) insertEvent.run(filingId, state === '已登记' ? '登记' : '退回补正', reviewed, '支部书记', opinion, at);
    // A few accounts changed their administrator after registration and were not filed again.
    if (state === '已登记' && rng.chance(0.04)) ctx.db.prepare('UPDATE accounts SET administrator = ? WHERE id = ?').run('新管理员', accountId);
  };

  for (const owner of owners) {
    const n = personalPerMember === undefined ? (rng.next() < 0.35 ? 0 : rng.next() < 0.7 ? 1 : 2) : rng.int(0, Math.round(2 * personalPerMember));
    for (let i = 0; i < n; i++) {
      const k = rng.next();
      addAccount(owner, '个人', k < 0.55 ? '公众账号' : k < 0.85 ? '账号' : '群组');
    }
  }
  const byOrg = new Map<number, Owner[]>();
  for (const o of owners) byOrg.set(o.organizationId, [...(byOrg.get(o.organizationId) ?? []), o]);
  let requests = 0;
  const insertRequest = ctx.db.prepare(
    `INSERT INTO publication_requests (organization_id, requester_id, requester_name, unit, channel, account_id, title, summary, requested_on,
       decided_by, decided_on, decision, published_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // A request names its unit, the unit's official account it will go out on, and the secretary who decides.
  const officialAccount = ctx.db.prepare(
    "SELECT id, platform || '「' || display_name || '」' AS label FROM accounts WHERE organization_id = ? AND capacity = '以职务身份' AND kind = '公众账号' ORDER BY id LIMIT 1",
  );
  const unitOf = ctx.db.prepare('SELECT coalesce(m.work_unit, o.short_name, o.full_name) AS unit, o.secretary FROM members m JOIN organizations o ON o.id = ? WHERE m.id = ?');
  for (const [orgId, members] of byOrg) {
    for (let i = rng.int(1, 3); i > 0; i--) addAccount(rng.pick(members), '以职务身份', rng.chance(0.6) ? '公众账号' : '群组');
    for (let i = rng.int(0, 3); i > 0; i--) {
      const requester = rng.pick(members);
      const requestedOn = day(rng, 2025, today);
      const decided = rng.chance(0.85);
      const decision: Decision | null = decided ? (rng.chance(0.8) ? '同意' : rng.chance(0.5) ? '修改后同意' : '不同意') : null;
      const decidedOn = decided ? plusDays(requestedOn, rng.int(0, 3), today) : null;
      const published = decision && decision !== '不同意' && rng.chance(0.9) ? plusDays(decidedOn!, rng.int(0, 5), today) : null;
      const title = rng.pick(REQUEST_TITLES);
      const channel = officialAccount.get(orgId) as { id: number; label: string } | undefined;
      const { unit, secretary } = unitOf.get(orgId, requester.id) as { unit: string; secretary: string | null };
      const summary = `拟在本单位官方账号发布《${title}》，内容已经部门负责人审核。`;
      insertRequest.run(orgId, requester.id, requester.name, unit, channel?.label ?? null, channel?.id ?? null, title, summary, requestedOn, decided ? secretary : null, decidedOn, decision, published, at, at);
      requests++;
    }
  }
  refreshAllAccounts(ctx);
  return { accounts, filings, requests };
}
