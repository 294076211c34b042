/**
 * The upward data package: the machine-readable companion of a report, so the higher committee can import
 * and consolidate instead of copying spreadsheets by hand. Format: resources/upward-package-format.md.
 * Written in one pass (data streamed, hashed as written, counts and checksum last) to a .part file, renamed
 * when complete. Writes are synchronous, so a full disk or a vanished folder fails the very write that meets it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { schemaVersion } from '../db/migrate.js';
import { APP_VERSION } from '../domain/version.js';
import { nowIso, type ServiceContext } from '../services/context.js';
import { maskIdNumber } from '../domain/mask.js';
import { ACCOUNTS_AS_OF } from '../services/figures.js';
import { memberKeySecret, ownRegisterId } from '../services/sourceMapping.js';
import { packageSealer } from './packageSeal.js';
import { ReportCancelled, type Progress } from './book.js';
import { tempPathFor } from './targets.js';
import { resolveScope, type ReportParams, type ReportScope } from './definition.js';

export const PACKAGE_FORMAT = 'netledger-upward-package';
/**
 * 2: members are named by a key instead of their ID number (which is masked unless the sender chose whole numbers).
 * Within a version fields are only ever added, and a reader ignores fields it does not know. Version 1 (ID numbers
 * as keys) is still read; version 3 is a version-2 package sealed with a transfer password (packageSeal.ts).
 */
export const PACKAGE_FORMAT_VERSION = 2;
export const PACKAGE_FORMAT_VERSIONS_READ = [1, 2] as const;

/** Each section: its name in `data` and the query producing its records (camelCase keys as written). */
const SECTIONS: { name: string; sql: string }[] = [
  {
    name: 'organizations',
    sql: `SELECT o.code, o.full_name AS fullName, o.type, p.code AS parentCode, o.secretary
          FROM organizations o LEFT JOIN organizations p ON p.id = o.parent_id
          WHERE o.id IN (SELECT value FROM json_each(@subtree)) ORDER BY o.code`,
  },
  {
    name: 'members',
    // Each member where and as they stood at the period's end (member_periods), like the 统计表 of the period.
    sql: `SELECT m.id_number AS key, m.id_number AS idNumber, m.name, m.gender, m.birth_date AS birthDate, o.code AS organizationCode, m.work_unit AS workUnit,
            m.position, m.rank, m.party_status AS partyStatus, mp.status, CASE WHEN mp.status = m.status THEN m.status_date END AS statusDate,
            m.joined_on AS joinedOn
          FROM member_periods mp JOIN members m ON m.id = mp.member_id JOIN organizations o ON o.id = mp.organization_id
          WHERE mp.organization_id IN (SELECT value FROM json_each(@subtree)) AND mp.valid_from <= @asOf AND mp.valid_to > @asOf
          ORDER BY o.code, m.id`,
  },
  {
    name: 'accounts',
    // The accounts open at the period's end or closed during it, as they stood then (the 统计表's figures of the period).
    sql: `SELECT a.id AS ref, m.id_number AS ownerKey, o.code AS organizationCode, a.platform, a.region, a.capacity, a.kind,
            a.display_name AS displayName, a.account_ref AS accountRef, a.opened_on AS openedOn, a.audience, a.administrator,
            a.status, a.closed_on AS closedOn, a.required_filing AS requiredFiling, a.filing_state AS filingState,
            a.due_on AS dueOn
          FROM ${ACCOUNTS_AS_OF} a JOIN members m ON m.id = a.member_id JOIN organizations o ON o.id = a.organization_id
          WHERE a.status <> '已注销' OR a.closed_on >= @from
          ORDER BY a.id`,
  },
  {
    name: 'filings',
    // Each filing as it stood at the period's end, from its dated steps (the state words of domain/asOf.ts's STATE_AFTER).
    sql: `SELECT f.account_id AS accountRef, f.type,
            (SELECT e.on_date FROM filing_events e WHERE e.filing_id = f.id AND e.action IN ('提交', '重新提交') AND e.on_date <= @asOf ORDER BY e.id DESC LIMIT 1) AS submittedOn,
            (SELECT CASE e.action WHEN '登记' THEN '已登记' WHEN '退回补正' THEN '需补正' ELSE '待审核' END
               FROM filing_events e WHERE e.filing_id = f.id AND e.on_date <= @asOf ORDER BY e.id DESC LIMIT 1) AS state,
            (SELECT e.on_date FROM filing_events e WHERE e.filing_id = f.id AND e.action IN ('退回补正', '登记') AND e.on_date <= @asOf ORDER BY e.id DESC LIMIT 1) AS reviewedOn,
            (SELECT e.opinion FROM filing_events e WHERE e.filing_id = f.id AND e.action IN ('退回补正', '登记') AND e.on_date <= @asOf ORDER BY e.id DESC LIMIT 1) AS opinion,
            f.document_number AS documentNumber
          FROM filings f
          WHERE f.account_id IN (SELECT a.id FROM ${ACCOUNTS_AS_OF} a WHERE a.status <> '已注销' OR a.closed_on >= @from)
            AND EXISTS (SELECT 1 FROM filing_events e WHERE e.filing_id = f.id AND e.on_date <= @asOf)
          ORDER BY f.id`,
  },
  {
    name: 'commendations',
    sql: `SELECT c.kind, c.honour_name AS honourName, c.approving_body AS approvingBody, c.approving_level AS approvingLevel,
            c.document_number AS documentNumber, c.commended_on AS commendedOn, c.withdrawn_on AS withdrawnOn,
            (SELECT json_group_array(m.id_number) FROM commendation_members cm JOIN members m ON m.id = cm.member_id WHERE cm.commendation_id = c.id) AS memberKeys
          FROM commendations c WHERE c.commended_on BETWEEN @from AND @to
            AND c.id IN (SELECT cm.commendation_id FROM commendation_members cm JOIN members m ON m.id = cm.member_id
                         WHERE m.organization_id IN (SELECT value FROM json_each(@subtree)))
          ORDER BY c.id`,
  },
  {
    name: 'protectionCases',
    sql: `SELECT m.id_number AS memberKey, p.attacked_on AS attackedOn, p.platform, p.status, p.closed_on AS closedOn, p.outcome,
            (SELECT json_group_array(measure) FROM protection_measures pm WHERE pm.case_id = p.id) AS measures
          FROM protection_cases p JOIN members m ON m.id = p.member_id
          WHERE p.attacked_on BETWEEN @from AND @to AND m.organization_id IN (SELECT value FROM json_each(@subtree)) ORDER BY p.id`,
  },
  {
    name: 'publicationRequests',
    sql: `SELECT o.code AS organizationCode, r.requester_name AS requesterName, r.title, r.requested_on AS requestedOn,
            r.decision, r.decided_on AS decidedOn, r.published_on AS publishedOn
          FROM publication_requests r JOIN organizations o ON o.id = r.organization_id
          WHERE r.requested_on BETWEEN @from AND @to AND r.organization_id IN (SELECT value FROM json_each(@subtree)) ORDER BY r.id`,
  },
];

/** Columns holding a JSON array from SQLite are written as arrays, not as strings. */
const JSON_COLUMNS = new Set(['memberKeys', 'measures']);
/** Columns read as an ID number and written as the member's key (one, or an array of them). */
const KEY_COLUMNS = ['key', 'ownerKey', 'memberKey'];

/**
 * A member's key: HMAC-SHA256 of the ID number under this register's secret, 128 bits in hex. The same member keeps
 * it in every package of this register (the higher level matches successive submissions of one sub-unit), while
 * nobody without the secret can recover the number from it — a plain hash of an ID number, with its few million
 * plausible values per birth day and region, could be reversed by trying them all.
 */
function memberKeyer(secret: Buffer) {
  return (idNumber: string) => crypto.createHmac('sha256', secret).update(idNumber, 'utf8').digest('hex').slice(0, 32);
}

export interface PackageParams extends ReportParams {
  /** The period as people name it (e.g. 2026年度, 2026年第三季度). */
  period: string;
  /** Seals the package (format version 3) with a password agreed with the higher level. */
  transferPassword?: string;
}

export interface PackageResult {
  file: string;
  counts: Record<string, number>;
  sha256: string;
}

function headerOf(ctx: ServiceContext, scope: ReportScope, period: string) {
  return {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    generator: `netledger ${APP_VERSION}`,
    schemaVersion: schemaVersion(ctx.db),
    source: {
      code: scope.organization.code,
      fullName: scope.organization.fullName,
      partyCode: (ctx.db.prepare('SELECT party_code FROM organizations WHERE id = ?').get(scope.organization.id) as { party_code: string | null }).party_code,
      registerId: ownRegisterId(ctx),
    },
    period: { label: period, from: scope.from, to: scope.to, asOf: scope.asOf },
    generatedAt: nowIso(ctx),
    idNumbers: scope.fullIdNumbers ? 'whole' : 'masked',
  };
}

export async function writePackage(ctx: ServiceContext, params: PackageParams, outPath: string, progress: Progress = {}): Promise<PackageResult> {
  const scope = resolveScope(ctx, params);
  const bind = { subtree: scope.subtree, from: scope.from, to: scope.to, asOf: scope.asOf };
  const total = SECTIONS.reduce((n, s) => n + (ctx.db.prepare(`SELECT count(*) AS n FROM (${s.sql})`).get(bind) as { n: number }).n, 0);
  const temp = progress.temp ?? tempPathFor(outPath, `${process.pid}-${Date.now()}`);
  // Readable only by this user: the package holds members' names and postings.
  const fd = fs.openSync(temp, 'wx', 0o600);
  let open = true;
  const hash = crypto.createHash('sha256');
  const counts: Record<string, number> = {};
  let done = 0;
  const sealer = params.transferPassword ? packageSealer(params.transferPassword, PACKAGE_FORMAT) : null;
  // Sealed, the package is encrypted as it is produced and only the envelope reaches the disk.
  const write = sealer ? sealer.update : (text: string) => void fs.writeSync(fd, text);
  const keyOf = memberKeyer(memberKeySecret(ctx));
  const shown = (idNumber: string) => (scope.fullIdNumbers ? idNumber : maskIdNumber(idNumber));
  const data = (text: string) => {
    hash.update(text);
    write(text);
  };
  try {
    const header = JSON.stringify(headerOf(ctx, scope, params.period));
    write(`${header.slice(0, -1)},"data":`);
    data('{');
    for (const [i, section] of SECTIONS.entries()) {
      data(`${i ? ',' : ''}${JSON.stringify(section.name)}:[`);
      let n = 0;
      for (const row of ctx.db.prepare(section.sql).iterate(bind) as Iterable<Record<string, unknown>>) {
        for (const key of JSON_COLUMNS) if (typeof row[key] === 'string') row[key] = JSON.parse(row[key] as string);
        for (const key of KEY_COLUMNS) if (typeof row[key] === 'string') row[key] = keyOf(row[key] as string);
        if (Array.isArray(row.memberKeys)) row.memberKeys = (row.memberKeys as string[]).map(keyOf);
        if (typeof row.idNumber === 'string') row.idNumber = shown(row.idNumber);
        data(`${n ? ',' : ''}${JSON.stringify(row)}`);
        n++;
        if (++done % 1000 === 0) {
          progress.onProgress?.(done, total);
          // A turn of the event loop, so the worker hears a cancel while it writes.
          await new Promise((resolve) => setImmediate(resolve));
          if (progress.signal?.aborted) throw new ReportCancelled();
        }
      }
      counts[section.name] = n;
      data(']');
    }
    data('}');
    const sha256 = hash.digest('hex');
    write(`,"counts":${JSON.stringify(counts)},"sha256":"${sha256}"}\n`);
    if (sealer) fs.writeSync(fd, sealer.envelope());
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    open = false;
    fs.renameSync(temp, outPath);
    progress.onProgress?.(total, total);
    return { file: outPath, counts, sha256 };
  } catch (err) {
    if (open) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
