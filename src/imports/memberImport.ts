/**
 * 党员名册 rows: each checked by the member form's own rules (contract schema, then memberColumns: ID number,
 * phone, 入党时间 after 18), then classified against the register — add, update (same ID number, when the person
 * chose to), unchanged, skip — with the write it needs kept for the one transaction of the import.
 */
import { memberFields } from '../contract/members.js';
import type { RowAction } from '../contract/importOutcome.js';
import { PARTY_STATUSES, RANKS, type PartyStatus, type Rank } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import type { ChangeLog } from '../db/auditChain.js';
import { recordChange } from '../services/audit.js';
import { nowIso, statement, type ServiceContext } from '../services/context.js';
import { followMemberOrganization, memberColumns, toMember, type MemberDbRow } from '../services/members.js';
import { rebuildMemberPeriods } from '../services/registerAsOf.js';
import { idNumberText, parseDate } from './cellValues.js';
import { organizationLookup } from './organizationLookup.js';
import { RowCheck, fieldCheck } from './rowCheck.js';
import type { Cell } from './sheetReader.js';

export interface CheckedRow {
  action: RowAction;
  label: string;
  problems: RowCheck['problems'];
  /** The write this row needs, run inside the import's transaction; null when nothing is written. */
  apply: ((changes: ChangeLog) => void) | null;
}

export interface ImporterOptions {
  mapping: Record<string, number | null>;
  columnOf: (field: string) => string;
  onExisting: 'update' | 'skip';
  organizationId?: number;
}

const RANK_WORDS: Record<string, Rank> = {
  ...Object.fromEntries(RANKS.map((r) => [r, r])),
  // 厅级/处级/科级 were this register's own words before 职务层次 took the standard's; spreadsheets still use them.
  厅级: '厅局级', 处级: '县处级', 科级: '乡科级', 一般: '一般干部', 科员: '一般干部', 办事员: '一般干部',
};
const PARTY_WORDS: Record<string, PartyStatus> = { ...Object.fromEntries(PARTY_STATUSES.map((p) => [p, p])), 正式: '正式党员', 预备: '预备党员' };

/** The compared columns of a member (derived search keys follow the name, the ID number's parts follow it). */
const COMPARED = ['name', 'work_unit', 'position', 'rank', 'party_status', 'phone', 'joined_on', 'notes', 'organization_id'] as const;

/** 王 小明 (a space or NBSP typed to align names in a column) is 王小明; Latin names keep their spaces. */
const SPACE_IN_HAN = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

export function memberImporter(importCtx: ServiceContext, options: ImporterOptions) {
  // One instant for the whole import (its rows commit together): each row's checks and created_at would otherwise
  // read the clock and format the day three times, 300,000 short-lived Dates for 100,000 rows.
  const at = importCtx.clock();
  const ctx: ServiceContext = { ...importCtx, clock: () => at };
  const atIso = at.toISOString();
  const orgOf = organizationLookup(ctx);
  const seen = new Map<string, number>();
  const fields = fieldCheck(memberFields);

  return (cells: Cell[], row: number): CheckedRow => {
    const check = new RowCheck(cells, options.mapping, options.columnOf);
    const text = check.text('name');
    const name = text.includes(' ') ? text.replace(SPACE_IN_HAN, '') : text;
    const idNumber = check.parsed('idNumber', idNumberText(check.cell('idNumber')));
    const orgText = check.text('organization');
    const organizationId = orgText ? orgOf(orgText) : (options.organizationId ?? null);
    if (orgText && organizationId === null) check.refuse('organization', msg.imports.problem.organization(orgText), msg.imports.suggest.organization);
    if (!orgText && organizationId === null) check.refuse('organization', msg.imports.problem.noOrganization, msg.imports.suggest.organization);
    const input = check.fields(
      fields,
      {
        name,
        idNumber: idNumber ?? '',
        workUnit: check.text('workUnit') || null,
        position: check.text('position') || null,
        rank: check.choice('rank', RANK_WORDS, null),
        partyStatus: check.choice('partyStatus', PARTY_WORDS, '正式党员') ?? '正式党员',
        phone: check.text('phone') || null,
        joinedOn: check.parsed('joinedOn', parseDate(check.cell('joinedOn'))),
        notes: check.text('notes') || null,
      },
    );
    const label = name || msg.imports.rowLabel(row);
    if (!input || idNumber === null || organizationId === null || check.problems.length) return refused(label, check);
    // Who holds this number is `before`, looked up next: memberColumns need not ask (null), and its parsed number is the key.
    const cols = check.service(() => memberColumns(ctx, input, null));
    if (!cols) return refused(label, check);
    const before = statement(ctx, 'SELECT * FROM members WHERE id_number = ?').get(cols.id_number) as MemberDbRow | undefined;
    const firstRow = seen.get(cols.id_number);
    if (firstRow !== undefined) {
      check.refuse('idNumber', msg.imports.problem.repeatedInFile(firstRow), msg.imports.suggest.repeatedInFile);
      return refused(label, check);
    }
    seen.set(cols.id_number, row);
    if (!before) return { action: 'add', label, problems: [], apply: (changes) => insert(ctx, changes, cols, organizationId, atIso) };
    const next = { ...cols, organization_id: organizationId };
    if (COMPARED.every((c) => next[c] === before[c])) return { action: 'unchanged', label, problems: [], apply: null };
    if (options.onExisting === 'skip') return { action: 'skip', label, problems: [], apply: null };
    return { action: 'update', label, problems: [], apply: (changes) => update(ctx, changes, before, next) };
  };
}

function refused(label: string, check: RowCheck): CheckedRow {
  return { action: 'refused', label, problems: check.problems, apply: null };
}

type Columns = ReturnType<typeof memberColumns>;

const INSERTED = ['name', 'gender', 'id_number', 'id_number_rev', 'birth_date', 'work_unit', 'position', 'rank', 'party_status', 'phone', 'phone_rev', 'joined_on', 'notes', 'name_initials', 'name_pinyin', 'organization_id', 'status', 'status_date', 'created_at', 'updated_at'] as const;
// Positional: binding 20 parameters by name looks each up on the row, about 5 µs a row more (0.5 s at 100,000 rows).
const INSERT_SQL = `INSERT INTO members (${INSERTED.join(', ')}) VALUES (${INSERTED.map(() => '?').join(', ')})`;

function insert(ctx: ServiceContext, changes: ChangeLog, cols: Columns, organizationId: number, at: string): void {
  // The checked columns become the inserted row, then the change's member, in place: no copies per row.
  const row: Columns & Partial<MemberDbRow> = cols;
  row.organization_id = organizationId;
  row.status = '在册';
  row.status_date = null;
  row.created_at = at;
  row.updated_at = at;
  row.id = Number(statement(ctx, INSERT_SQL).run(INSERTED.map((c) => row[c])).lastInsertRowid);
  const after = toMember(row as MemberDbRow);
  recordChange(changes, { entity: 'member', entityId: after.id, action: 'create', summary: after.name, after });
}

function update(ctx: ServiceContext, changes: ChangeLog, before: MemberDbRow, next: Columns & { organization_id: number }): void {
  const assignments = Object.keys(next).map((c) => `${c} = @${c}`);
  const updatedAt = nowIso(ctx);
  ctx.db.prepare(`UPDATE members SET ${assignments.join(', ')}, updated_at = @updated_at WHERE id = @id`).run({ ...next, updated_at: updatedAt, id: before.id });
  if (next.organization_id !== before.organization_id) followMemberOrganization(ctx, before.id, next.organization_id);
  // A 入党日期 learnt moves when the member is 在册 from, and so their accounts' periods.
  else if (next.joined_on !== before.joined_on) rebuildMemberPeriods(ctx, before.id);
  const after = toMember({ ...before, ...next, updated_at: updatedAt });
  recordChange(changes, { entity: 'member', entityId: before.id, action: 'update', summary: after.name, before: toMember(before), after });
}
