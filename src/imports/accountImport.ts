/**
 * Account rows: the owner found by ID number among members 在册, each row checked by the account form's rules
 * (contract schema, then accountColumns: platform from 报备规则, dates), then classified against the owner's accounts
 * the way the form finds a duplicate (same platform and name or ID) — add, update, unchanged or skip.
 */
import { accountFields } from '../contract/accounts.js';
import { parseIdNumber } from '../domain/idNumber.js';
import { ACCOUNT_KINDS, CAPACITIES, REGIONS, type AccountKind, type Capacity, type Region } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { requiredFiling } from '../domain/filingRules.js';
import { accountColumns, getAccount, insertAccount, type AccountDbRow } from '../services/accounts.js';
import { reviewFiling, submitFiling } from '../services/filings.js';
import { filingRules } from '../services/storedSettings.js';
import { refreshAccount } from '../services/accountState.js';
import { recordAudit } from '../services/audit.js';
import { nowIso, today, type ServiceContext } from '../services/context.js';
import type { MemberDbRow } from '../services/members.js';
import { idNumberText, parseCount, parseDate } from './cellValues.js';
import type { CheckedRow, ImporterOptions } from './memberImport.js';
import { RowCheck } from './rowCheck.js';
import type { Cell } from './sheetReader.js';

const REGION_WORDS: Record<string, Region> = { ...Object.fromEntries(REGIONS.map((r) => [r, r])), 国内: '境内', 国外: '境外', 海外: '境外' };
const CAPACITY_WORDS: Record<string, Capacity> = {
  ...Object.fromEntries(CAPACITIES.map((c) => [c, c])),
  职务身份: '以职务身份', 职务: '以职务身份', 单位: '以职务身份', 公务: '以职务身份', 工作: '以职务身份', 私人: '个人',
};
const KIND_WORDS: Record<string, AccountKind> = {
  ...Object.fromEntries(ACCOUNT_KINDS.map((k) => [k, k])),
  群: '群组', 群聊: '群组', 公众号: '公众账号', 个人账号: '账号',
};
/** A filing known from the sheet: accepted (已登记, or the word the window shows for it) or waiting for review. */
const FILING_WORDS: Record<string, '已登记' | '待审核' | '未报备'> = { 已登记: '已登记', 已报告: '已登记', 已备案: '已登记', 待审核: '待审核', 未报备: '未报备', 否: '未报备', 是: '已登记' };

const COMPARED = ['region', 'capacity', 'kind', 'display_name', 'account_ref', 'opened_on', 'verified_subject', 'audience', 'audience_as_of', 'main_content', 'supervisor', 'administrator'] as const;

export function accountImporter(ctx: ServiceContext, options: ImporterOptions) {
  const ownerOf = ctx.db.prepare("SELECT * FROM members WHERE id_number = ?");
  const sameAccount = ctx.db.prepare(
    `SELECT * FROM accounts WHERE member_id = ? AND platform = ? AND status <> '已注销'
     AND (display_name = ? OR (account_ref IS NOT NULL AND account_ref = ?)) ORDER BY id LIMIT 1`,
  );
  const seen = new Map<string, number>();

  return (cells: Cell[], row: number): CheckedRow => {
    const check = new RowCheck(cells, options.mapping, options.columnOf);
    const platform = check.text('platform');
    const label = `${platform}「${check.text('displayName')}」`;
    const idText = check.parsed('ownerIdNumber', idNumberText(check.cell('ownerIdNumber')));
    let owner: MemberDbRow | undefined;
    if (idText !== null) {
      const parsed = parseIdNumber(idText, today(ctx));
      if (!parsed.ok) check.refuse('ownerIdNumber', parsed.reason, msg.imports.suggest.fix);
      else {
        owner = ownerOf.get(parsed.value.idNumber) as MemberDbRow | undefined;
        const name = check.text('ownerName');
        if (!owner) check.refuse('ownerIdNumber', msg.imports.problem.ownerUnknown(parsed.value.idNumber), msg.imports.suggest.ownerUnknown);
        else if (owner.status !== '在册') check.refuse('ownerIdNumber', msg.account.memberNotActive(owner.status), msg.imports.suggest.fix);
        else if (name && name !== owner.name) check.refuse('ownerName', msg.imports.problem.ownerName(name, owner.name), msg.imports.suggest.ownerName);
      }
    }
    const input = check.schema(accountFields, {
      platform,
      region: check.choice('region', REGION_WORDS, platform === '境外平台' ? '境外' : '境内'),
      capacity: check.choice('capacity', CAPACITY_WORDS, null) ?? undefined,
      kind: check.choice('kind', KIND_WORDS, null) ?? undefined,
      displayName: check.text('displayName'),
      accountRef: check.text('accountRef') || null,
      openedOn: check.parsed('openedOn', parseDate(check.cell('openedOn'))),
      verifiedSubject: check.text('verifiedSubject') || null,
      audience: check.parsed('audience', parseCount(check.cell('audience'))),
      audienceAsOf: check.parsed('audienceAsOf', parseDate(check.cell('audienceAsOf'))),
      mainContent: check.text('mainContent') || null,
      supervisor: check.text('supervisor') || null,
      administrator: check.text('administrator') || null,
    });
    const filing = check.choice('filingState', FILING_WORDS, '未报备');
    const filedOn = check.parsed('filedOn', parseDate(check.cell('filedOn')));
    if (!input || !owner || check.problems.length) return { action: 'refused', label, problems: check.problems, apply: null };
    const cols = check.service(() => accountColumns(ctx, input));
    if (!cols) return { action: 'refused', label, problems: check.problems, apply: null };
    const known = filing === '已登记' || filing === '待审核' ? checkFiling(ctx, check, cols, filing, filedOn) : null;
    if (check.problems.length) return { action: 'refused', label, problems: check.problems, apply: null };
    const key = `${owner.id}\u0001${cols.platform}\u0001${cols.display_name}`;
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      check.refuse('displayName', msg.imports.problem.repeatedInFile(firstRow), msg.imports.suggest.repeatedInFile);
      return { action: 'refused', label, problems: check.problems, apply: null };
    }
    seen.set(key, row);
    const member = owner;
    const before = sameAccount.get(member.id, cols.platform, cols.display_name, cols.account_ref) as AccountDbRow | undefined;
    if (!before) return { action: 'add', label, problems: [], apply: () => add(ctx, member, cols, known) };
    if (COMPARED.every((c) => cols[c] === before[c])) return { action: 'unchanged', label, problems: [], apply: null };
    if (options.onExisting === 'skip') return { action: 'skip', label, problems: [], apply: null };
    return { action: 'update', label, problems: [], apply: () => update(ctx, before.id, cols) };
  };
}

type Columns = ReturnType<typeof accountColumns>;

interface KnownFiling {
  type: '报告' | '备案';
  state: '已登记' | '待审核';
  on: string;
}

/** A filing state given for an account the rules say needs none, or dated in the future, is a mistake in the sheet. */
function checkFiling(ctx: ServiceContext, check: RowCheck, cols: Columns, state: '已登记' | '待审核', filedOn: string | null): KnownFiling | null {
  const type = requiredFiling(cols, filingRules(ctx));
  if (type === '无') check.refuse('filingState', msg.imports.problem.noFilingNeeded, msg.imports.suggest.noFilingNeeded);
  const on = filedOn ?? today(ctx);
  if (on > today(ctx)) check.refuse('filedOn', msg.date.future, msg.imports.suggest.fix);
  if (cols.opened_on && on < cols.opened_on) check.refuse('filedOn', msg.imports.problem.filedBeforeOpened, msg.imports.suggest.fix);
  return type === '无' ? null : { type, state, on };
}

/** A new account, and the filing the sheet says it already has, through the filing workflow's own steps. */
function add(ctx: ServiceContext, member: MemberDbRow, cols: Columns, known: KnownFiling | null): void {
  const created = getAccount(ctx, insertAccount(ctx, member.id, member.organization_id, cols));
  recordAudit(ctx, { entity: 'account', entityId: created.id, action: 'create', summary: `${member.name}：${created.platform}「${created.displayName}」`, after: created });
  if (!known) return;
  const filing = submitFiling(ctx, { accountId: created.id, type: known.type, submittedOn: known.on, receivedBy: null, documentNumber: null });
  if (known.state === '已登记') reviewFiling(ctx, { id: filing.id, decision: '登记', reviewedOn: known.on, opinion: null });
}

function update(ctx: ServiceContext, id: number, cols: Columns): void {
  const before = getAccount(ctx, id);
  const assignments = Object.keys(cols).map((c) => `${c} = @${c}`);
  ctx.db.prepare(`UPDATE accounts SET ${assignments.join(', ')}, updated_at = @updated_at WHERE id = @id`).run({ ...cols, updated_at: nowIso(ctx), id });
  refreshAccount(ctx, id);
  const after = getAccount(ctx, id);
  recordAudit(ctx, { entity: 'account', entityId: id, action: 'update', summary: `${after.platform}「${after.displayName}」`, before, after });
}
