/** 以单位名义发布信息请示: publication requests and their decisions. */
import { z } from 'zod';
import { type Decision, DECISIONS } from '../domain/vocabulary.js';
import { change, id, isoDate, optionalText, query, text } from './common.js';
import { schemaWords as words } from '../i18n/schemaWords.js';

export const requestFields = z.object({
  organizationId: id,
  requesterId: id.nullable().optional(),
  requesterName: text(words.requests.requesterName, 30),
  unit: optionalText(words.requests.unit, 100),
  channel: optionalText(words.requests.channel, 100),
  accountId: id.nullable().optional(),
  title: text(words.requests.title, 200, { required: words.requests.titleRequired }),
  summary: optionalText(words.requests.summary, 1000, { multiline: true }),
  requestedOn: isoDate,
});

export const requestCreate = requestFields;

export const requestDecide = z.object({
  id,
  decision: z.enum(DECISIONS, { error: words.requests.decisionError }),
  decidedBy: text(words.requests.decidedBy, 30),
  decidedOn: isoDate,
});

export const requestPublished = z.object({ id, publishedOn: isoDate });

export const requestList = z.object({
  organizationId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.number().int().min(1).max(2000).default(500),
});

export type RequestCreate = z.output<typeof requestCreate>;

export type RequestList = z.output<typeof requestList>;

export interface PublicationRequest {
  id: number;
  organizationId: number;
  organizationName: string;
  requesterId: number | null;
  requesterName: string;
  unit: string | null;
  channel: string | null;
  accountId: number | null;
  title: string;
  summary: string | null;
  requestedOn: string;
  decidedBy: string | null;
  decidedOn: string | null;
  decision: Decision | null;
  publishedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const requestsCalls = {
  'requests.list': query<PublicationRequest[]>()(requestList),
  'requests.create': change<PublicationRequest>()(requestCreate),
  'requests.decide': change<PublicationRequest>()(requestDecide),
  'requests.published': change<PublicationRequest>()(requestPublished),
};
