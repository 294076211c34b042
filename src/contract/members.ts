/** 党员名册: members — inputs, search, and what the calls return. */
import { z } from 'zod';
import { type Gender, MEMBER_STATUSES, type MemberStatus, PARTY_STATUSES, type PartyStatus, type Rank, RANKS } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { byId, change, cleanString, id, isoDate, keysetPaging, optionalText, query, text } from './common.js';
import { schemaWords as words } from '../i18n/schemaWords.js';

export const memberFields = z.object({
  name: text(words.members.name, 30),
  idNumber: cleanString(words.members.idNumber, { required: msg.input.required(words.members.idNumber) }).trim().min(1, { error: msg.input.required(words.members.idNumber) }),
  workUnit: optionalText(words.members.workUnit, 100),
  position: optionalText(words.members.position, 60),
  rank: z.enum(RANKS, { error: words.members.rankError }).nullable().optional(),
  partyStatus: z.enum(PARTY_STATUSES, { error: words.members.partyStatusError }).default('正式党员'),
  phone: optionalText(words.members.phone, 30),
  joinedOn: isoDate.nullable().optional(),
  notes: optionalText(words.members.notes, 500, { multiline: true }),
});

export const memberCreate = memberFields.extend({ organizationId: id });

export const memberUpdate = memberFields.extend({ id });

/** `onDate`: the day the member joined the new organization (default today; not later, not before their last change). */
export const memberMove = z.object({ id, organizationId: id, onDate: isoDate.optional() });

export const memberChangeStatus = z.object({
  id,
  status: z.enum(MEMBER_STATUSES, { error: words.members.statusError }),
  date: isoDate.nullable().optional(),
});

export const MEMBER_SORT_FIELDS = ['name', 'birthDate', 'joinedOn', 'updatedAt'] as const;

export const memberSearch = z.object({
  q: cleanString(words.members.q).max(50).optional(),
  organizationId: id.optional(),
  includeSubtree: z.boolean().default(true),
  statuses: z.array(z.enum(MEMBER_STATUSES)).optional(),
  ...keysetPaging(MEMBER_SORT_FIELDS, 'name'),
});

export type MemberCreate = z.output<typeof memberCreate>;

export type MemberUpdate = z.output<typeof memberUpdate>;

export type MemberFields = z.output<typeof memberFields>;

export type MemberSearch = z.output<typeof memberSearch>;

export type MemberSortField = (typeof MEMBER_SORT_FIELDS)[number];

export interface Member {
  id: number;
  name: string;
  gender: Gender;
  idNumber: string;
  birthDate: string;
  organizationId: number;
  workUnit: string | null;
  position: string | null;
  rank: Rank | null;
  partyStatus: PartyStatus;
  phone: string | null;
  status: MemberStatus;
  statusDate: string | null;
  joinedOn: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MemberRow extends Member {
  organizationName: string;
}

export interface MemberPage {
  rows: MemberRow[];
  total: number;
  /** Pass back as `cursor` to get the next page; null at the end. */
  nextCursor: string | null;
}

export interface MemberDetail extends MemberRow {
  /** Full names from the root down to the member's organization. */
  organizationPath: string[];
  age: number;
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const membersCalls = {
  'members.search': query<MemberPage>()(memberSearch),
  'members.get': query<MemberDetail>()(byId),
  'members.create': change<Member>()(memberCreate),
  'members.update': change<Member>()(memberUpdate),
  'members.move': change<Member>()(memberMove),
  'members.changeStatus': change<Member>()(memberChangeStatus),
};
