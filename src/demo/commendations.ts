/** Demo commendations, protection cases and an annual review in progress, over the demo members. */
import { APPROVING_LEVELS, COMMENDATION_KINDS, PROTECTION_MEASURES } from '../domain/vocabulary.js';
import { nowIso, type ServiceContext } from '../services/context.js';
import type { SeededRandom } from './random.js';
import { APPROVING_BODIES, ATTACK_DESCRIPTIONS, HONOURS, PUBLIC_PLATFORMS } from './vocabulary.js';

export function generateDemoCommendations(ctx: ServiceContext, rng: SeededRandom, today: string) {
  const at = nowIso(ctx);
  const year = Number(today.slice(0, 4));
  const members = ctx.db.prepare("SELECT id, position, organization_id FROM members WHERE status = '在册' ORDER BY id").all() as { id: number; position: string | null; organization_id: number }[];
  const day = (y: number) => {
    const d = `${y}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    return d > today ? today : d;
  };

  const insertCommendation = ctx.db.prepare(
    `INSERT INTO commendations (kind, honour_name, reason, approving_body, approving_level, document_number, commended_on, withdrawn_on, withdrawn_reason, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCommended = ctx.db.prepare('INSERT OR IGNORE INTO commendation_members (commendation_id, member_id, position_at_time) VALUES (?, ?, ?)');
  const commendations = Math.max(2, Math.round(members.length / 150));
  for (let i = 0; i < commendations; i++) {
    const on = day(rng.int(year - 2, year));
    const withdrawn = rng.chance(0.03);
    const info = insertCommendation.run(
      rng.pick(COMMENDATION_KINDS),
      rng.pick(HONOURS),
      '积极在网上传播正能量，主动澄清不实信息',
      rng.pick(APPROVING_BODIES),
      rng.pick(APPROVING_LEVELS.slice(2, 6)),
      `示委〔${on.slice(0, 4)}〕${rng.int(1, 99)}号`,
      on,
      withdrawn ? today : null,
      withdrawn ? '经核实，表彰事实有误' : null,
      at,
      at,
    );
    for (let k = rng.int(1, 3); k > 0; k--) {
      const m = rng.pick(members);
      insertCommended.run(Number(info.lastInsertRowid), m.id, m.position);
    }
  }

  const insertCase = ctx.db.prepare(
    'INSERT INTO protection_cases (member_id, attacked_on, platform, description, handled_by, status, outcome, closed_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertMeasure = ctx.db.prepare('INSERT INTO protection_measures (case_id, measure, taken_on, taken_by, created_at) VALUES (?, ?, ?, ?, ?)');
  const cases = Math.max(2, Math.round(members.length / 1000));
  for (let i = 0; i < cases; i++) {
    const attacked = day(rng.int(year - 1, year));
    const closed = rng.chance(0.7) && attacked < today;
    const info = insertCase.run(rng.pick(members).id, attacked, rng.pick(PUBLIC_PLATFORMS), rng.pick(ATTACK_DESCRIPTIONS), '宣传委员', closed ? '已办结' : '处理中', closed ? '不实信息已删除，已公开澄清' : null, closed ? today : null, at, at);
    // Distinct measures, in a random order: several different kinds of help for one case.
    const measures = [...PROTECTION_MEASURES].sort(() => rng.next() - 0.5).slice(0, rng.int(1, 3));
    for (const measure of measures) insertMeasure.run(Number(info.lastInsertRowid), measure, attacked, '宣传委员', at);
  }

  // An annual review over the whole tree, about 60% responded so far.
  const root = ctx.db.prepare('SELECT id FROM organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1').get() as { id: number };
  const campaign = Number(
    ctx.db.prepare('INSERT INTO review_campaigns (title, year, deadline, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(`${year}年度`, year, `${year}-12-31`, at, at).lastInsertRowid,
  );
  ctx.db.prepare('INSERT INTO review_campaign_orgs (campaign_id, organization_id) VALUES (?, ?)').run(campaign, root.id);
  const withAccounts = new Set((ctx.db.prepare("SELECT DISTINCT member_id FROM accounts WHERE status <> '已注销'").all() as { member_id: number }[]).map((r) => r.member_id));
  const declare = ctx.db.prepare('INSERT INTO review_declarations (campaign_id, member_id, organization_id, kind, declared_on, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  let declarations = 0;
  for (const m of members) {
    if (!rng.chance(0.6)) continue;
    declare.run(campaign, m.id, m.organization_id, withAccounts.has(m.id) ? '申报' : '零报告', day(year), at);
    declarations++;
  }
  return { commendations, protectionCases: cases, declarations };
}
