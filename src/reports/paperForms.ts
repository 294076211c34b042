/**
 * The paper around a filing: the 报告/备案登记表 of an account, prefilled from the register, and the 零报告表 of
 * a member for the annual review — or either blank, to fill in by hand. The member checks and signs it, the
 * organization writes its opinion and stamps it, and the scan goes back onto the filing as an attachment. The
 * unit's wording (basis, pledge, declaration, note) comes from 报备规则.
 */
import { LedgerError } from '../contract/errors.js';
import type { PaperForm } from '../contract/reports.js';
import type { FormWording } from '../contract/settings.js';
import { chineseDate } from '../domain/dates.js';
import { maskIdNumber, phoneFor } from '../domain/mask.js';
import type { AccountKind, Capacity, FilingState, FilingType, Region, RequiredFiling } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { auditStamp, chainHead } from '../db/auditChain.js';
import { getMember } from '../services/members.js';
import { assertMayAnswer, currentCampaign, getCampaign } from '../services/campaigns.js';
import type { ServiceContext } from '../services/context.js';
import { getSettings } from '../services/settings.js';
import { ReportBook, type Progress } from './book.js';
import { FORM_SHEET_OPTIONS, FormSheet } from './formSheet.js';

const words = msg.paper.forms;
const L = words.labels;

export interface FormParams {
  form: PaperForm;
  /** 登记表: the account; left out for a blank form. */
  accountId?: number;
  /** 零报告表: the member; left out for a blank form. */
  memberId?: number;
  /** 零报告表: the annual review (default: the open one). */
  campaignId?: number;
  /** Decided where the call arrived, by the caller's role: whole ID numbers only for those who may see them. */
  fullIdNumbers: boolean;
}

interface Person {
  name: string;
  gender: string;
  id_number: string;
  birth_date: string;
  org: string;
  work_unit: string | null;
  position: string | null;
  phone: string | null;
}

interface AccountRow extends Person {
  account_id: number;
  platform: string;
  region: Region;
  display_name: string;
  account_ref: string | null;
  capacity: Capacity;
  kind: AccountKind;
  opened_on: string | null;
  audience: number | null;
  administrator: string | null;
  supervisor: string | null;
  main_content: string | null;
  required_filing: RequiredFiling;
  filing_state: FilingState;
}

const PERSON = `m.name, m.gender, m.id_number, m.birth_date, o.full_name AS org, m.work_unit, m.position, m.phone`;

function account(ctx: ServiceContext, id: number): AccountRow {
  const row = ctx.db
    .prepare(
      `SELECT ${PERSON}, a.id AS account_id, a.platform, a.region, a.display_name, a.account_ref, a.capacity, a.kind, a.opened_on, a.audience,
              a.administrator, a.supervisor, a.main_content, a.required_filing, a.filing_state
       FROM accounts a JOIN members m ON m.id = a.member_id JOIN organizations o ON o.id = m.organization_id WHERE a.id = ?`,
    )
    .get(id) as AccountRow | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', words.accountNotFound);
  return row;
}

function person(ctx: ServiceContext, id: number): Person {
  const row = ctx.db.prepare(`SELECT ${PERSON} FROM members m JOIN organizations o ON o.id = m.organization_id WHERE m.id = ?`).get(id) as Person | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', words.memberNotFound);
  return row;
}

/** The filing this form is for: what the account needs next (a change after an accepted filing, a closure). */
export function formFilingType(required: RequiredFiling, state: FilingState): FilingType | null {
  if (state === '已注销') return '注销';
  if (state === '变更未报') return '变更';
  return required === '无' ? null : required;
}

/** The person's block: filled from the register, or empty lines to write in. */
function personBlock(sheet: FormSheet, p: Person | null, fullIdNumbers: boolean): void {
  const birth = p ? `${Number(p.birth_date.slice(0, 4))}年${Number(p.birth_date.slice(5, 7))}月` : null;
  sheet.pairs(L.name, p?.name ?? null, L.gender, p?.gender ?? null);
  sheet.pairs(L.idNumber, p ? (fullIdNumbers ? p.id_number : maskIdNumber(p.id_number)) : null, L.birth, birth);
  sheet.wide(L.organization, p?.org ?? null);
  sheet.pairs(L.position, p?.position ?? null, L.phone, phoneFor(p?.phone ?? null, fullIdNumbers));
}

/** The forms are filled in today: they cite the 细则 of the 报备规则 version in force today, as today's reports do. */
interface FormText extends FormWording {
  basis: string | null;
}

function filingForm(sheet: FormSheet, a: AccountRow | null, params: FormParams, wording: FormText): void {
  const type = a ? formFilingType(a.required_filing, a.filing_state) : null;
  // 报告登记表 or 备案登记表 by what the account needs (a change is filed on the same form); blank: both.
  sheet.line(words.filingTitle[a && a.required_filing !== '无' ? a.required_filing : 'blank']!, 'title');
  if (wording.basis) sheet.line(wording.basis);
  sheet.line(words.numberLine(a ? `账号${a.account_id}` : '　　　　　'));
  sheet.section(words.person);
  personBlock(sheet, a, params.fullIdNumbers);
  sheet.section(words.account);
  sheet.pairs(L.platform, a?.platform ?? null, L.region, a?.region ?? '□境内　□境外');
  sheet.wide(L.displayName, a?.display_name ?? null);
  sheet.wide(L.accountRef, a?.account_ref ?? null);
  sheet.pairs(L.capacity, a?.capacity ?? '□以职务身份　□个人', L.kind, a?.kind ?? '□账号　□群组　□公众账号');
  sheet.pairs(L.openedOn, a?.opened_on ? chineseDate(a.opened_on) : null, L.audience, a?.audience ?? null);
  sheet.pairs(L.administrator, a?.administrator ?? null, L.supervisor, a?.supervisor ?? null);
  sheet.wide(L.filingType, words.filingTypes(type));
  sheet.wide(L.mainContent, a?.main_content ?? null, 48);
  sheet.section(words.pledge);
  sheet.block(`${wording.pledge}\n\n${words.signHere}`, 96);
  sheet.block(words.opinionBlock, 170, { label: words.opinion, bottom: true });
  if (wording.note) sheet.line(wording.note, 'note');
}

function zeroForm(ctx: ServiceContext, sheet: FormSheet, p: Person | null, params: FormParams, wording: FormText): void {
  const campaign = params.campaignId !== undefined ? getCampaign(ctx, params.campaignId) : currentCampaign(ctx);
  if (p && !campaign) throw new LedgerError('NOT_FOUND', words.noCampaign);
  sheet.line(words.zeroTitle, 'title');
  if (wording.basis) sheet.line(wording.basis);
  sheet.line(campaign ? words.campaignLine(campaign.title, chineseDate(campaign.deadline)) : words.campaignLine('　　　　年度', '　　　　年　　月　　日'));
  sheet.section(words.person);
  personBlock(sheet, p, params.fullIdNumbers);
  sheet.section(words.declaration);
  sheet.block(`${wording.zeroStatement}\n\n${words.signHere}`, 110);
  sheet.block(words.opinionBlock, 170, { label: words.opinion, bottom: true });
  if (wording.note) sheet.line(wording.note, 'note');
}

/** The member's name the file is offered under, or null for a blank form. */
/** Who the form is for (its file name), checked when it is asked for: a 零报告表 only for whom the review would accept one. */
export function formSubject(ctx: ServiceContext, params: Pick<FormParams, 'form' | 'accountId' | 'memberId' | 'campaignId'>): string | null {
  if (params.form === 'filing') {
    if (params.accountId === undefined) return null;
    const a = account(ctx, params.accountId);
    return `${a.name}_${a.display_name}`;
  }
  if (params.memberId === undefined) return null;
  const p = person(ctx, params.memberId);
  const campaign = params.campaignId !== undefined ? getCampaign(ctx, params.campaignId) : currentCampaign(ctx);
  if (!campaign) throw new LedgerError('NOT_FOUND', words.noCampaign);
  assertMayAnswer(ctx, campaign, getMember(ctx, params.memberId), '零报告');
  return p.name;
}

export async function writeForm(ctx: ServiceContext, params: FormParams, outPath: string, progress: Progress = {}): Promise<void> {
  const settings = getSettings(ctx);
  const wording: FormText = { ...settings.formWording, basis: settings.basisName ? msg.report.basis(settings.basisName, settings.basisNumber) : null };
  const head = chainHead(ctx.db);
  const book = new ReportBook(outPath, 1, progress, { keywords: auditStamp(head), description: msg.report.auditStamp(head.entries, head.lastHash) });
  try {
    const sheet = new FormSheet(book.addRawSheet(words.sheet[params.form], FORM_SHEET_OPTIONS));
    if (params.form === 'filing') filingForm(sheet, params.accountId === undefined ? null : account(ctx, params.accountId), params, wording);
    else zeroForm(ctx, sheet, params.memberId === undefined ? null : person(ctx, params.memberId), params, wording);
    sheet.finish();
  } catch (err) {
    await book.discard();
    throw err;
  }
  await book.commit();
}
