/**
 * Reads a 上报数据包 from its bytes: the one place a package file is parsed; a package sealed with a transfer password
 * (packageSeal.ts) is opened here and its content passes the same checks. Everything is refused before anything is stored: a file too large
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
import { openPackage, PROTECTED_FORMAT_VERSION } from '../reports/packageSeal.js';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSIONS_READ } from '../reports/upwardPackage.js';

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
  /** The sender's key for the member (version 1: the ID number itself). */
  key: str(64).min(1),
  /** Masked unless the sender chose whole numbers (version 1: always whole). */
  idNumber: str(18),
  name: str(40),
  organizationCode: code,
  position: opt(100),
  status: z.enum(v.MEMBER_STATUSES),
});
const account = z.object({
  ref: z.number().int().positive(),
  ownerKey: str(64).min(1),
  /** Version 1 only: the owner's ID number, kept to show when the owner is not among the package's members. */
  ownerIdNumber: opt(18).optional(),
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

/** A version-1 package keyed its members by ID number: read as a version-2 one whose keys are those numbers. */
function keyedByIdNumber(parsed: Record<string, unknown>): Record<string, unknown> {
  const data = parsed.data as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || !Array.isArray(data.members) || !Array.isArray(data.accounts)) return parsed;
  const each = (rows: unknown[], add: (r: Record<string, unknown>) => Record<string, unknown>) => rows.map((r) => (r && typeof r === 'object' ? add(r as Record<string, unknown>) : r));
  return {
    ...parsed,
    data: { ...data, members: each(data.members, (m) => ({ ...m, key: m.idNumber })), accounts: each(data.accounts, (a) => ({ ...a, ownerKey: a.ownerIdNumber })) },
  };
}

/** The checks every file passes before its content is looked at: size, UTF-8, nesting, complete JSON, our format. */
function parsedFile(bytes: Uint8Array): Record<string, unknown> {
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
  return parsed;
}

/** A package file's content; a sealed one (version 3) opens only with its transfer password, and holds a plain one. */
export function readPackage(bytes: Uint8Array, transferPassword?: string): UpwardPackage {
  let parsed = parsedFile(bytes);
  if (parsed.formatVersion === PROTECTED_FORMAT_VERSION) {
    parsed = parsedFile(openPackage(parsed, transferPassword));
    if (parsed.formatVersion === PROTECTED_FORMAT_VERSION) throw refuse(msg.consolidation.notPackage);
  }
  const version = parsed.formatVersion;
  if (!PACKAGE_FORMAT_VERSIONS_READ.some((v) => v === version)) throw refuse(msg.pkg.version(Number(version) || 0));
  const sha = crypto.createHash('sha256').update(JSON.stringify(parsed.data)).digest('hex');
  if (sha !== parsed.sha256) throw refuse(msg.pkg.checksum);
  const checked = packageSchema.safeParse(version === 1 ? keyedByIdNumber(parsed) : parsed);
  if (!checked.success) throw refuse(msg.consolidation.malformed(checked.error.issues[0]!.path.join('.')));
  for (const [section, rows] of Object.entries(checked.data.data)) {
    if (checked.data.counts[section] !== rows.length) throw refuse(msg.consolidation.counts(section));
  }
  return { ...checked.data, sizeBytes: bytes.length };
}
