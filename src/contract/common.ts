/** Building blocks of every input schema: ids, integers, dates and the one text field that refuses characters nobody types. */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';
import { unsafeCharAt } from '../domain/text.js';
import { msg } from '../i18n/messages.js';

// What zod itself says when a value has the wrong shape (text where a number belongs, an array for an object…):
// its Chinese locale, so no English reaches a person; every field's own words are set where it is defined.
z.config(z.locales.zhCN());
import { schemaWords as words } from '../i18n/schemaWords.js';

/** A missing id and a wrong one (−1, 1.5, "1") are different mistakes: say which. */
export const id = z.number({ error: (issue) => (issue.input === undefined ? msg.input.idMissing : msg.input.idPositive) }).int().positive();

/** A whole number in a range; the message names the field and the range whatever is wrong with it. */
export const integer = (label: string, min: number, max: number) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? msg.input.required(label) : msg.input.intRange(label, min, max)) })
    .int()
    .min(min)
    .max(max);

interface StringOptions {
  /** Tab and line breaks belong to notes, reasons, opinions and summaries, nowhere else. */
  multiline?: boolean;
  /** The message when the field is missing or empty; 请填写{label}。 by default. */
  required?: string;
  /** For what nobody types (a file's encoded content): the message for any character it cannot hold. */
  refusal?: string;
}

/**
 * Every string of the contract starts here, so none accepts what nobody types: control characters, U+FFFE and
 * other noncharacters, lone surrogates, bidi overrides (see unsafeCharAt). The message names the field by its
 * label and the position of the character in what was typed (before trimming), so the person can find it.
 * Normalisation (full-width → half-width, spaces) stays in the services' normalizeText.
 */
export function cleanString(label: string, { multiline = false, required, refusal }: StringOptions = {}) {
  return z.string(required ? { error: required } : undefined).superRefine((value, ctx) => {
    const at = unsafeCharAt(value, multiline);
    if (at) ctx.addIssue({ code: 'custom', message: refusal ?? msg.input.unsafeChar(label, at) });
  });
}

export const text = (label: string, max: number, { multiline, required = msg.input.required(label) }: StringOptions = {}) =>
  cleanString(label, { multiline, required }).trim().min(1, { error: required }).max(max, { error: msg.input.tooLong(max) });

export const optionalText = (label: string, max: number, { multiline }: Pick<StringOptions, 'multiline'> = {}) =>
  cleanString(label, { multiline }).trim().max(max, { error: msg.input.tooLong(max) }).nullable().optional();

/** The paging fields of a search: sorted by one of `fields`, then keyset paged (a cursor, never a large offset). */
export function keysetPaging<F extends readonly [string, ...string[]]>(fields: F, defaultSort: F[number]) {
  return {
    sort: z.enum(fields).default(defaultSort as never),
    order: z.enum(['asc', 'desc']).default('asc'),
    cursor: cleanString(words.common.cursor).max(300).nullable().optional(),
    limit: z.number().int().min(1).max(500).default(100),
  };
}

export const isoDate = cleanString(words.common.isoDate).refine(isIsoDate, { error: msg.date.format });

export const byId = z.object({ id });

export const empty = z.object({}).strict();

/**
 * What a call does: a 'query' reads the register, a 'change' writes it, a 'job' starts or follows background work on
 * files (exports, backups). Hosts route by it (queries run beside a long change) and permissions are checked by it.
 */
export type CallKind = 'query' | 'change' | 'job';

/**
 * Who may make a call beyond what its kind allows (src/dispatch/access.ts): 'open' needs no one signed in (first
 * start, sign-in, the sign-in page's own status); 'admin' only a 管理员 (报备规则, operators, restore, demo data).
 */
export type CallAccess = 'open' | 'admin';

export interface Call<I extends z.ZodType, O> {
  kind: CallKind;
  /** Needs the register file to itself (a restore swaps it): hosts close every other connection around it. */
  exclusive?: boolean;
  access?: CallAccess;
  /** Polled by the window while work runs: not a sign that someone is at the keyboard, so it keeps no session awake. */
  background?: boolean;
  input: I;
  /** Type-only: never read at run time. */
  output?: O;
}

const define =
  (kind: CallKind) =>
  <O>() =>
  <I extends z.ZodType>(input: I, flags: { exclusive?: boolean; access?: CallAccess; background?: boolean } = {}): Call<I, O> => ({ kind, input, ...flags });

export const query = define('query');
export const change = define('change');
export const job = define('job');
