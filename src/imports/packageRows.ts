/**
 * A checked package turned into what is stored: the sender's organizations with codes relative to its root, and
 * its accounts with owner, due day and latest filing. Its figures are counted by the one definition
 * (src/domain/figures.ts) exactly as the sender's own 统计表 counts its register: members 在册; 登记有网络账号的党员
 * the 在册 owners of accounts not 已注销, by the account's organization; accounts by category, filing state and
 * due day as of the day the sender counted — so the higher level's consolidated rows equal the sender's own.
 */
import { LedgerError } from '../contract/errors.js';
import { accountGroup, addGroup, emptyFigureCounts, figuresOf, isCountedMember, type FigureCounts } from '../domain/figures.js';
import { msg } from '../i18n/messages.js';
import type { ReceivedSubmission, SubmissionAccount, SubmissionOrganization } from '../services/submissions.js';
import type { UpwardPackage } from './packageFile.js';

const malformed = (where: string) => new LedgerError('VALIDATION', msg.consolidation.malformed(where));

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
      figures: figuresOf(emptyFigureCounts()),
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
  const counts = new Map<SubmissionOrganization, FigureCounts>();
  const countsOf = (org: SubmissionOrganization) => counts.get(org) ?? counts.set(org, emptyFigureCounts()).get(org)!;
  const members = new Map(pkg.data.members.map((m) => [m.key, m]));
  pkg.data.members.forEach((m, i) => {
    const org = orgOf(m.organizationCode, `members.${i}.organizationCode`);
    if (isCountedMember(m.status)) countsOf(org).members++;
  });
  // Filings come in the order they were made: the last one per account wins.
  const latestFiling = new Map(pkg.data.filings.map((f) => [f.accountRef, f]));
  const registered = new Map(pkg.data.filings.filter((f) => f.state === '已登记').map((f) => [f.accountRef, f]));
  const holders = new Map<SubmissionOrganization, Set<string>>();
  const refs = new Set<number>();
  const accounts = pkg.data.accounts.map((a, i): SubmissionAccount => {
    const org = orgOf(a.organizationCode, `accounts.${i}.organizationCode`);
    if (refs.has(a.ref)) throw malformed(`accounts.${i}.ref`);
    refs.add(a.ref);
    addGroup(countsOf(org), accountGroup(a, pkg.period.asOf));
    const owner = members.get(a.ownerKey);
    if (a.status !== '已注销' && owner && isCountedMember(owner.status)) holders.set(org, (holders.get(org) ?? new Set()).add(a.ownerKey));
    const filing = latestFiling.get(a.ref);
    return {
      ref: a.ref,
      relativeCode: org.relativeCode,
      ownerName: owner?.name ?? null,
      // As the sender wrote it: masked unless it chose whole numbers.
      ownerIdNumber: owner?.idNumber ?? a.ownerIdNumber ?? '',
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
      dueOn: a.dueOn,
      filingType: filing?.type ?? null,
      // The 明细表's 报备（登记）日期, as the sender's own: the day its latest accepted filing was registered.
      filedOn: registered.get(a.ref)?.reviewedOn ?? null,
      opinion: filing?.opinion ?? null,
    };
  });
  for (const [org, owners] of holders) countsOf(org).withAccounts = owners.size;
  for (const [org, c] of counts) org.figures = figuresOf(c);
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
