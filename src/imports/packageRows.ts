/**
 * A checked package turned into what is stored: the sender's organizations with codes relative to its root and
 * their 统计表 figures, and its accounts with owner and latest filing. The figures follow the sender's own 统计表
 * (src/reports/summaryReport.ts): members 在册; accounts not 已注销 (the package holds only those opened by the
 * period's end); 已报告/已备案 = 已登记 or 变更未报 — so the higher level's consolidated rows equal the sender's own.
 */
import { FIGURE_KEYS, type Figures } from '../contract/consolidation.js';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import type { ReceivedSubmission, SubmissionAccount, SubmissionOrganization } from '../services/submissions.js';
import type { UpwardPackage } from './packageFile.js';

const malformed = (where: string) => new LedgerError('VALIDATION', msg.consolidation.malformed(where));

type PackageAccount = UpwardPackage['data']['accounts'][number];

const DONE = new Set(['已登记', '变更未报']);

/** What one account adds to its organization's figures (declared is counted per owner, apart). */
function accountFigures(f: Figures, a: PackageAccount): void {
  f.accounts++;
  if (a.capacity === '以职务身份') f.official++;
  else f.personal++;
  if (a.kind === '公众账号') f.publicAccounts++;
  if (a.kind === '群组') f.groups++;
  if (a.region === '境外') f.overseas++;
  if (a.requiredFiling === '报告') {
    f.reportDue++;
    if (DONE.has(a.filingState)) f.reportDone++;
  }
  if (a.requiredFiling === '备案') {
    f.recordDue++;
    if (DONE.has(a.filingState)) f.recordDone++;
  }
  if (a.filingState === '待审核') f.pending++;
  if (a.filingState === '需补正') f.correction++;
  if (a.filingState === '未报备') f.notFiled++;
}

export const zeroFigures = (): Figures => Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Figures;

export function sumFigures(rows: { figures: Figures }[]): Figures {
  const total = zeroFigures();
  for (const r of rows) for (const k of FIGURE_KEYS) total[k] += r.figures[k];
  return total;
}

/** Refuses a package whose records point outside it: every code lies under the source, every reference resolves. */
export function submissionOf(pkg: UpwardPackage, fileName: string): ReceivedSubmission {
  const root = pkg.source.code;
  const relative = (code: string, where: string) => {
    if (!code.startsWith(root)) throw malformed(where);
    return code.slice(root.length);
  };
  const organizations = new Map<string, SubmissionOrganization>();
  for (const [i, o] of pkg.data.organizations.entries()) {
    const code = relative(o.code, `organizations.${i}.code`);
    if (organizations.has(code)) throw malformed(`organizations.${i}.code`);
    organizations.set(code, {
      relativeCode: code,
      parentRelativeCode: code === '' ? null : relative(o.parentCode ?? '', `organizations.${i}.parentCode`),
      fullName: o.fullName,
      type: o.type,
      secretary: o.secretary,
      figures: zeroFigures(),
    });
  }
  if (!organizations.has('')) throw malformed('source.code');
  for (const [i, o] of [...organizations.values()].entries()) {
    if (o.parentRelativeCode !== null && !organizations.has(o.parentRelativeCode)) throw malformed(`organizations.${i}.parentCode`);
  }
  const orgOf = (code: string, where: string) => {
    const found = organizations.get(relative(code, where));
    if (!found) throw malformed(where);
    return found;
  };
  const members = new Map(pkg.data.members.map((m) => [m.idNumber, m]));
  pkg.data.members.forEach((m, i) => {
    const org = orgOf(m.organizationCode, `members.${i}.organizationCode`);
    if (m.status === '在册') org.figures.members++;
  });
  const latestFiling = new Map(pkg.data.filings.map((f) => [f.accountRef, f]));
  const declared = new Map<SubmissionOrganization, Set<string>>();
  const refs = new Set<number>();
  const accounts = pkg.data.accounts.map((a, i): SubmissionAccount => {
    const org = orgOf(a.organizationCode, `accounts.${i}.organizationCode`);
    if (refs.has(a.ref)) throw malformed(`accounts.${i}.ref`);
    refs.add(a.ref);
    if (a.status !== '已注销') {
      accountFigures(org.figures, a);
      declared.set(org, (declared.get(org) ?? new Set()).add(a.ownerIdNumber));
    }
    const owner = members.get(a.ownerIdNumber);
    const filing = latestFiling.get(a.ref);
    return {
      ref: a.ref,
      relativeCode: org.relativeCode,
      ownerName: owner?.name ?? null,
      ownerIdNumber: a.ownerIdNumber,
      ownerPosition: owner?.position ?? null,
      platform: a.platform,
      region: a.region,
      capacity: a.capacity,
      kind: a.kind,
      displayName: a.displayName,
      accountRef: a.accountRef,
      openedOn: a.openedOn,
      audience: a.audience,
      administrator: a.administrator,
      status: a.status,
      closedOn: a.closedOn,
      requiredFiling: a.requiredFiling,
      filingState: a.filingState,
      filingType: filing?.type ?? null,
      filedOn: filing?.submittedOn ?? null,
      opinion: filing?.opinion ?? null,
    };
  });
  for (const [org, owners] of declared) org.figures.declared = owners.size;
  return {
    fileName,
    sha256: pkg.sha256,
    sizeBytes: pkg.sizeBytes,
    generator: pkg.generator,
    generatedAt: pkg.generatedAt,
    source: { code: root, fullName: pkg.source.fullName, partyCode: pkg.source.partyCode ?? null },
    period: pkg.period,
    counts: pkg.counts,
    organizations: [...organizations.values()],
    accounts,
  };
}
