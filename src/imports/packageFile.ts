/**
 * Reads a 上报数据包 from its bytes: the one place a package file is parsed, so the optional transfer password of
 * issue 11 (AES-256-GCM) is one more step here. Everything is refused before anything is stored: a file too large
 * (checked before decoding), not UTF-8, nested deeper than a package ever is (checked before JSON.parse, whose
 * result is serialised again for the checksum), truncated, of another format or version, with a wrong checksum,
 * with records of the wrong shape, or with counts that do not match its data.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { MAX_PACKAGE_BYTES } from '../contract/consolidation.js';
import { LedgerError } from '../contract/errors.js';
import { isIsoDate } from '../domain/dates.js';
import { unsafeCharAt } from '../domain/text.js';
import * as v from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION } from '../reports/upwardPackage.js';

/** root → data → section → record → array field: a package is never deeper. */
const MAX_DEPTH = 5;

const refuse = (message: string) => new LedgerError('VALIDATION', message);

/** Text as a register stores it: bounded, and nothing the contract would refuse. */
const str = (max: number) => z.string().max(max).refine((s) => !unsafeCharAt(s, true));
const opt = (max: number) => str(max).nullable();
const day = z.string().refine(isIsoDate);
const optDay = day.nullable();
const code = z.string().regex(/^(\d{3})+$/).max(60);

const organization = z.object({ code, fullName: str(100), type: z.enum(v.ORGANIZATION_TYPES), parentCode: code.nullable(), secretary: opt(20) });
const member = z.object({
  idNumber: str(18),
  name: str(40),
  organizationCode: code,
  position: opt(100),
  status: z.enum(v.MEMBER_STATUSES),
});
const account = z.object({
  ref: z.number().int().positive(),
  ownerIdNumber: str(18),
  organizationCode: code,
  platform: str(40),
  region: z.enum(v.REGIONS),
  capacity: z.enum(v.CAPACITIES),
  kind: z.enum(v.ACCOUNT_KINDS),
  displayName: str(200),
  accountRef: opt(500),
  openedOn: optDay,
  audience: z.number().int().min(0).nullable(),
  administrator: opt(100),
  status: z.enum(v.ACCOUNT_STATUSES),
  closedOn: optDay,
  requiredFiling: z.enum(v.REQUIRED_FILINGS),
  filingState: z.enum(v.FILING_STATES),
  /** Written since 其中逾期未报 is consolidated; a package written before has none, and nothing in it counts as overdue. */
  dueOn: optDay.default(null),
});
const filing = z.object({ accountRef: z.number().int().positive(), type: z.enum(v.FILING_TYPES), submittedOn: day, state: z.enum(v.FILING_RECORD_STATES), reviewedOn: optDay, opinion: opt(2000) });
/** Sections this register does not consolidate yet are checked for shape only. */
const other = z.array(z.record(z.string(), z.unknown()));

const packageSchema = z.object({
  generator: str(80),
  source: z.object({ code, fullName: str(100), partyCode: opt(30).optional(), registerId: opt(64).optional() }),
  /** asOf: written since 其中逾期未报 is consolidated; a package written before carries no due days, so its end serves. */
  period: z.object({ label: str(40).min(1), from: day, to: day, asOf: day.optional() }).transform((p) => ({ ...p, asOf: p.asOf ?? p.to })),
  generatedAt: z.iso.datetime(),
  data: z.object({
    organizations: z.array(organization).min(1),
    members: z.array(member),
    accounts: z.array(account),
    filings: z.array(filing),
    commendations: other,
    protectionCases: other,
    publicationRequests: other,
  }),
  counts: z.record(z.string(), z.number().int().min(0)),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type UpwardPackage = z.output<typeof packageSchema> & { sizeBytes: number };

/** The deepest nesting of objects and arrays, counted outside strings, in one pass without recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

export function readPackage(bytes: Uint8Array): UpwardPackage {
  if (bytes.length > MAX_PACKAGE_BYTES) throw refuse(msg.consolidation.tooLarge(MAX_PACKAGE_BYTES));
  if (bytes.length === 0) throw refuse(msg.consolidation.empty);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refuse(msg.consolidation.notUtf8);
  }
  if (!text.trimStart().startsWith('{')) throw refuse(msg.consolidation.notPackage);
  if (nestingDepth(text) > MAX_DEPTH) throw refuse(msg.consolidation.tooDeep);
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // The writer always ends the file with its closing brace: without it, the copy stopped part way.
    throw refuse(text.trimEnd().endsWith('}') ? msg.consolidation.notPackage : msg.consolidation.truncated);
  }
  if (parsed === null || typeof parsed !== 'object' || parsed.format !== PACKAGE_FORMAT) throw refuse(msg.consolidation.notPackage);
  if (parsed.formatVersion !== PACKAGE_FORMAT_VERSION) throw refuse(msg.pkg.version(Number(parsed.formatVersion) || 0));
  const sha = crypto.createHash('sha256').update(JSON.stringify(parsed.data)).digest('hex');
  if (sha !== parsed.sha256) throw refuse(msg.pkg.checksum);
  const checked = packageSchema.safeParse(parsed);
  if (!checked.success) throw refuse(msg.consolidation.malformed(checked.error.issues[0]!.path.join('.')));
  for (const [section, rows] of Object.entries(checked.data.data)) {
    if (checked.data.counts[section] !== rows.length) throw refuse(msg.consolidation.counts(section));
  }
  return { ...checked.data, sizeBytes: bytes.length };
}
