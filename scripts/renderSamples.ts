/**
 * Renders the samples in resources/samples/ as a higher committee would see them: the demo register (3,000 invented
 * members) exported by the console's own export jobs, printed to PDF by LibreOffice, and the first page of each sheet
 * kept as a PNG. Run it after a change to a report's layout: `npx tsx scripts/renderSamples.ts [--out DIR]`.
 * Needs LibreOffice (`soffice`) and poppler (`pdftotext`, `pdftoppm`), which the test command installs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signInFromCli } from '../src/hosts/cliSignIn.js';
import { call } from '../src/hosts/cliSupport.js';
import { openLedger, type Ledger } from '../src/hosts/ledger.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = path.resolve(values.out ?? 'resources/samples');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-samples-'));
// The demo register is invented and thrown away: its password only has to get the script past sign-in.
process.env.NETLEDGER_PASSWORD ??= 'samples-render-only';

/** One workbook to render, and which of its sheets (found by a line of their title) become which PNG. */
interface Sample {
  input: Record<string, unknown>;
  file: string;
  pages: { png: string; title: string }[];
}

async function exportTo(ledger: Ledger, sample: Sample): Promise<string> {
  const outPath = path.join(work, sample.file);
  const finished = await ledger.jobs.wait(call(ledger, 'reports.start', { ...sample.input, outPath }).id);
  if (finished.state !== 'done') throw new Error(`${sample.file}: ${finished.error}`);
  return outPath;
}

/** LibreOffice prints every sheet; a sheet's first page is the first page whose text holds its title. */
function renderPages(xlsx: string, sample: Sample): void {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, xlsx], { stdio: 'ignore' });
  const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
  const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const texts = Array.from({ length: pageCount }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
  );
  for (const page of sample.pages) {
    const index = texts.findIndex((t) => t.includes(page.title.replace(/\s+/g, '')));
    if (index < 0) throw new Error(`${sample.file}: no page shows “${page.title}”`);
    const base = path.join(outDir, page.png.replace(/\.png$/, ''));
    execFileSync('pdftoppm', ['-png', '-r', '90', '-f', String(index + 1), '-l', String(index + 1), '-singlefile', pdf, base]);
    console.log(`${page.png} ← ${sample.file}, page ${index + 1} of ${pageCount}`);
  }
}

async function main(): Promise<void> {
  const ledger = openLedger(path.join(work, 'data'));
  try {
    await signInFromCli(ledger, '管理员', { err: () => undefined });
    call(ledger, 'system.demo', { members: 3000, seed: 1 });
    const campaign = call(ledger, 'campaigns.list', {})[0]!;
    const overdue = call(ledger, 'accounts.search', { filingStates: ['未报备'], overdue: true, limit: 1 }).rows[0]!;
    // A 零报告表 is only printed for someone who has no account in use.
    const missing = call(ledger, 'campaigns.missing', { id: campaign.id, limit: 5000 }).rows.find((m) => m.activeAccounts === 0)!;
    const template = call(ledger, 'reportTemplates.save', {
      name: '上级党委格式',
      columns: [
        { key: 'index', header: '序号' },
        { key: 'name', header: '党员姓名' },
        { key: 'organization', header: '所在支部' },
        { key: 'platform', header: '网络平台' },
        { key: 'displayName', header: '账号名称' },
        { key: 'state', header: '报备情况' },
      ],
      fullIdNumbers: false,
    });
    const samples: Sample[] = [
      { input: { type: 'report', kind: 'summary' }, file: 'summary.xlsx', pages: [{ png: 'summary-page1.png', title: '统计表' }, { png: 'summary-by-platform.png', title: '按平台' }] },
      { input: { type: 'report', kind: 'detail' }, file: 'detail.xlsx', pages: [{ png: 'detail-page1.png', title: '明细表' }] },
      { input: { type: 'report', kind: 'detail', templateId: template.id }, file: 'detail-template.xlsx', pages: [{ png: 'detail-template-page1.png', title: '明细表' }] },
      { input: { type: 'report', kind: 'commendations' }, file: 'commendations.xlsx', pages: [{ png: 'commendations-page1.png', title: '表彰激励' }] },
      { input: { type: 'report', kind: 'requests' }, file: 'requests.xlsx', pages: [{ png: 'requests-page1.png', title: '请示登记表' }] },
      {
        input: { type: 'report', kind: 'campaign', campaignId: campaign.id },
        file: 'campaign.xlsx',
        pages: [{ png: 'campaign-page1.png', title: '完成情况表' }, { png: 'campaign-missing.png', title: '未报送名单' }],
      },
      { input: { type: 'report', kind: 'chase' }, file: 'chase.xlsx', pages: [{ png: 'chase-page1.png', title: '逾期未报名单' }] },
      { input: { type: 'report', kind: 'handover' }, file: 'handover.xlsx', pages: [{ png: 'handover-page1.png', title: '工作交接清单：概况' }, { png: 'handover-accounts.png', title: '工作交接清单：需报告/备案而未办结的账号' }] },
      { input: { type: 'form', form: 'filing', accountId: overdue.id }, file: 'filing-form.xlsx', pages: [{ png: 'filing-form.png', title: '登记表' }] },
      { input: { type: 'form', form: 'filing' }, file: 'filing-form-blank.xlsx', pages: [{ png: 'filing-form-blank.png', title: '登记表' }] },
      { input: { type: 'form', form: 'zero', memberId: missing.memberId, campaignId: campaign.id }, file: 'zero-report-form.xlsx', pages: [{ png: 'zero-report-form.png', title: '零报告' }] },
    ];
    fs.mkdirSync(outDir, { recursive: true });
    for (const sample of samples) renderPages(await exportTo(ledger, sample), sample);
  } finally {
    await ledger.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
