/** 表彰激励 (Article 10 ¶1): commendations of one or many members. */
import { z } from 'zod';
import { APPROVING_LEVELS, COMMENDATION_KINDS, type CommendationKind } from '../domain/vocabulary.js';
import { change, id, isoDate, optionalText, query, text } from './common.js';
import { schemaWords as words } from '../i18n/schemaWords.js';

export const commendationFields = z.object({
  memberIds: z.array(id).min(1, { error: words.commendations.memberIdsError }).max(500),
  kind: z.enum(COMMENDATION_KINDS, { error: words.commendations.kindError }),
  honourName: text(words.commendations.honourName, 100, { required: words.commendations.honourNameRequired }),
  reason: optionalText(words.commendations.reason, 1000, { multiline: true }),
  approvingBody: optionalText(words.commendations.approvingBody, 100),
  approvingLevel: z.enum(APPROVING_LEVELS).nullable().optional(),
  documentNumber: optionalText(words.commendations.documentNumber, 60),
  commendedOn: isoDate,
  relatedLinks: optionalText(words.commendations.relatedLinks, 1000, { multiline: true }),
});

export const commendationCreate = commendationFields;

export const commendationUpdate = commendationFields.extend({ id });

export const commendationWithdraw = z.object({ id, withdrawnOn: isoDate, reason: text(words.commendations.commendationWithdraw, 200, { multiline: true }) });

export const commendationList = z.object({
  organizationId: id.optional(),
  memberId: id.optional(),
  kind: z.enum(COMMENDATION_KINDS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  includeWithdrawn: z.boolean().default(true),
  limit: z.number().int().min(1).max(5000).default(1000),
});

export type CommendationCreate = z.output<typeof commendationCreate>;

export type CommendationUpdate = z.output<typeof commendationUpdate>;

export type CommendationList = z.output<typeof commendationList>;

export interface CommendedMember {
  memberId: number;
  name: string;
  organizationId: number;
  organizationName: string;
  positionAtTime: string | null;
}

export interface Commendation {
  id: number;
  kind: CommendationKind;
  honourName: string;
  reason: string | null;
  approvingBody: string | null;
  approvingLevel: string | null;
  documentNumber: string | null;
  commendedOn: string;
  relatedLinks: string | null;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  members: CommendedMember[];
  createdAt: string;
  updatedAt: string;
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const commendationsCalls = {
  'commendations.list': query<Commendation[]>()(commendationList),
  'commendations.create': change<Commendation>()(commendationCreate),
  'commendations.update': change<Commendation>()(commendationUpdate),
  'commendations.withdraw': change<Commendation>()(commendationWithdraw),
};
