/**
 * `netledger demo`: an invented, deterministic register so a newcomer sees a populated console and
 * benchmarks have realistic volume. Only fills an empty register; later issues add accounts and filings.
 */
import { LedgerError } from '../contract/errors.js';
import { checkCharFor } from '../domain/idNumber.js';
import type { DemoResult } from '../contract/system.js';
import type { OrganizationType, Rank } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { recordAudit } from '../services/audit.js';
import { inTransaction, today, type ServiceContext } from '../services/context.js';
import { insertMember, memberColumns } from '../services/members.js';
import { createOrganization } from '../services/organizations.js';
import { generateDemoAccounts } from './accounts.js';
import { generateDemoCommendations } from './commendations.js';
import { SeededRandom } from './random.js';
import { BUREAUS, DEMO_RULES_BASIS, DISTRICTS, GIVEN_CHARS, POSITIONS, REGION_CODES, SECTIONS, SURNAMES } from './vocabulary.js';

export interface DemoOptions {
  members: number;
  seed: number;
  /**
   * The city committee's shape the benchmarks need (issue 13): a 4-level tree of about one organization per 120
   * members (~5,000 at 600k) and about 2.5 personal accounts a member. Left out, the demo is the small one
   * `netledger demo` has always produced.
   */
  city?: boolean;
}

const MEMBERS_PER_BRANCH = 80;
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function inventName(rng: SeededRandom): string {
  const given = rng.chance(0.7) ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS);
  return rng.pick(SURNAMES) + given;
}

function pickRank(rng: SeededRandom): Rank {
  const r = rng.next();
  if (r < 0.01) return '厅局级';
  if (r < 0.08) return '县处级';
  if (r < 0.3) return '乡科级';
  if (r < 0.9) return '一般干部';
  return '其他';
}

function pickStatusChange(rng: SeededRandom): '退休' | '转出' | '去世' | null {
  const r = rng.next();
  if (r < 0.04) return '退休';
  if (r < 0.07) return '转出';
  if (r < 0.08) return '去世';
  return null;
}

interface Branch {
  id: number;
  workUnit: string;
}

function buildTree(ctx: ServiceContext, rng: SeededRandom, memberCount: number): { branches: Branch[]; count: number } {
  const district = rng.pick(DISTRICTS);
  const prefix = `中共示例市${district}`;
  const root = createOrganization(ctx, {
    parentId: null,
    fullName: `${prefix}委员会`,
    type: '党委',
    secretary: inventName(rng),
    contactPhone: `0512-6${String(rng.int(0, 9999999)).padStart(7, '0')}`,
  });
  const branchTotal = Math.max(3, Math.ceil(memberCount / MEMBERS_PER_BRANCH));
  const bureauTotal = Math.min(BUREAUS.length, Math.max(2, Math.ceil(branchTotal / 8)));
  const branches: Branch[] = [];
  let count = 1;
  for (let b = 0; b < bureauTotal; b++) {
    const bureau = BUREAUS[b]!;
    const type: OrganizationType = b % 3 === 2 ? '党总支' : '党委';
    const parent = createOrganization(ctx, {
      parentId: root.id,
      fullName: `${prefix}${bureau}${type === '党委' ? '委员会' : '总支部委员会'}`,
      type,
      secretary: inventName(rng),
    });
    count++;
    const perBureau = Math.ceil((branchTotal - branches.length) / (bureauTotal - b));
    for (let s = 0; s < perBureau; s++) {
      const section = SECTIONS[s] ?? `第${s < 10 ? CHINESE_NUMERALS[s] : s + 1}`;
      const branch = createOrganization(ctx, {
        parentId: parent.id,
        fullName: `${prefix}${bureau}${section}支部委员会`,
        type: '党支部',
        secretary: inventName(rng),
      });
      count++;
      branches.push({ id: branch.id, workUnit: `示例市${district}${bureau}` });
    }
  }
  return { branches, count };
}

/** Numbered names keep thousands of organizations apart without a word list that long. */
const nth = (n: number): string => (n < 10 ? CHINESE_NUMERALS[n]! : String(n + 1));

/**
 * root → district bureaus (党委) → 党总支 → 党支部: four levels, ~133 members a branch, ~20 branches a 党总支 and
 * ~8 党总支 a bureau — proportions of a city committee's register.
 */
function buildCityTree(ctx: ServiceContext, rng: SeededRandom, memberCount: number): { branches: Branch[]; count: number } {
  const prefix = '中共示例市';
  const root = createOrganization(ctx, { parentId: null, fullName: `${prefix}委员会`, type: '党委', secretary: inventName(rng) });
  const branchTotal = Math.max(4, Math.ceil(memberCount / 133));
  const generalTotal = Math.max(2, Math.ceil(branchTotal / 20));
  const bureauTotal = Math.min(BUREAUS.length * DISTRICTS.length, Math.max(2, Math.ceil(generalTotal / 8)));
  const branches: Branch[] = [];
  let count = 1;
  let generalsMade = 0;
  for (let b = 0; b < bureauTotal; b++) {
    const unit = `${DISTRICTS[b % DISTRICTS.length]}${BUREAUS[Math.floor(b / DISTRICTS.length)]}`;
    const bureau = createOrganization(ctx, { parentId: root.id, fullName: `${prefix}${unit}委员会`, type: '党委', secretary: inventName(rng) });
    count++;
    const generals = Math.ceil((generalTotal - generalsMade) / (bureauTotal - b));
    for (let g = 0; g < generals; g++, generalsMade++) {
      const section = SECTIONS[g] ?? `第${nth(g)}`;
      const general = createOrganization(ctx, { parentId: bureau.id, fullName: `${prefix}${unit}${section}总支部委员会`, type: '党总支', secretary: inventName(rng) });
      count++;
      const perGeneral = Math.ceil((branchTotal - branches.length) / (generalTotal - generalsMade));
      for (let s = 0; s < perGeneral; s++) {
        const branch = createOrganization(ctx, { parentId: general.id, fullName: `${prefix}${unit}${section}第${nth(s)}支部委员会`, type: '党支部', secretary: inventName(rng) });
        count++;
        branches.push({ id: branch.id, workUnit: `示例市${unit}` });
      }
    }
  }
  return { branches, count };
}

export function generateDemo(ctx: ServiceContext, options: DemoOptions): DemoResult {
  return inTransaction(ctx, () => {
    const existing = ctx.db.prepare('SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM members) AS n').get() as {
      n: number;
    };
    if (existing.n > 0) throw new LedgerError('CONFLICT', msg.cli.demoNotEmpty);
    const rng = new SeededRandom(options.seed);
    const tree = (options.city ? buildCityTree : buildTree)(ctx, rng, options.members);
    const usedIds = new Set<string>();
    const setStatus = ctx.db.prepare('UPDATE members SET status = ?, status_date = ? WHERE id = ?');
    for (let i = 0; i < options.members; i++) {
      const branch = tree.branches[rng.int(0, tree.branches.length - 1)]!;
      const birthYear = rng.int(1960, 2002);
      const birth = `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      let idNumber: string;
      do {
        const first17 = rng.pick(REGION_CODES) + birth.replace(/-/g, '') + String(rng.int(0, 999)).padStart(3, '0');
        idNumber = first17 + checkCharFor(first17);
      } while (usedIds.has(idNumber));
      usedIds.add(idNumber);
      const joinedYear = Math.min(2025, birthYear + rng.int(19, 40));
      const columns = memberColumns(
        ctx,
        {
          name: inventName(rng),
          idNumber,
          workUnit: branch.workUnit,
          position: rng.pick(POSITIONS),
          rank: pickRank(rng),
          partyStatus: rng.chance(0.04) ? '预备党员' : '正式党员',
          phone: `1${rng.pick(['33', '38', '39', '51', '58', '77', '86', '89'])}${String(rng.int(0, 99999999)).padStart(8, '0')}`,
          joinedOn: `${joinedYear}-07-01`,
          notes: null,
        },
        0,
      );
      const id = insertMember(ctx, columns, branch.id);
      const change = pickStatusChange(rng);
      if (change) setStatus.run(change, `202${rng.int(0, 5)}-0${rng.int(1, 9)}-15`, id);
    }
    // Every version of the rules so far rests on the demo's 细则 (a basis alone changes no figure).
    ctx.db.prepare('UPDATE filing_rule_versions SET basis_name = ?, basis_number = ? WHERE basis_name IS NULL').run(DEMO_RULES_BASIS.name, DEMO_RULES_BASIS.number);
    const register = generateDemoAccounts(ctx, rng, today(ctx), options.city ? 2.5 : undefined);
    const article10 = generateDemoCommendations(ctx, rng, today(ctx));
    const result = { organizations: tree.count, members: options.members, ...register, ...article10 };
    recordAudit(ctx, { entity: 'organization', entityId: 0, action: 'create', summary: msg.cli.demoDone(result), after: options });
    return result;
  });
}
