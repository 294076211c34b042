/**
 * One measured import in its own process, so its peak RSS is its own. `import` runs the real import (upload, parse
 * worker, checks, one transaction, audit); `bare` reads the same file with exceljs's streaming reader and inserts the
 * same rows with one prepared statement in one transaction, nothing else. Prints one JSON line (time, CPU, peak RSS, rows).
 */
import path from 'node:path';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { caller } from '../test/support/ledger.js';
import { openLedger } from '../src/hosts/ledger.js';
import { bindCaller, hostCaller } from '../src/hosts/hostCaller.js';
import { reverse } from '../src/domain/text.js';
import { decodeExceljsStreamsWhole } from '../src/imports/exceljsUtf8.js';
import { BENCH_KEY } from './encrypted.js';
import { freshBundledWorker } from './bundle.js';

/** `import-encrypted`: the same import into a register encrypted with the benchmark's key (issue 11's cost). */
const [mode, dataDir, file] = process.argv.slice(2) as ['import' | 'import-encrypted' | 'bare', string, string];
fs.rmSync(dataDir, { recursive: true, force: true });
// What the desktop and a built browser mode run: the bundled worker, when it is built from today's sources.
const built = freshBundledWorker();
const ledger = openLedger(dataDir, {
  ...(built ? { exportWorker: { file: built, execArgv: [] } } : {}),
  ...(mode === 'import-encrypted' ? { key: BENCH_KEY } : {}),
});
// The benchmark measures the import, not sign-in: it acts as the host, as bench/demoRegister.ts does.
const call = caller(bindCaller(ledger.registry, hostCaller('基准测试')));
const root = call('organizations.create', { parentId: null, fullName: '中共基准测试委员会', type: '党委' }).id;
for (let b = 1; b <= 9; b++) call('organizations.create', { parentId: root, fullName: `中共基准测试委员会第${b}支部委员会`, type: '党支部' });

const start = performance.now();
let rows = 0;
if (mode !== 'bare') {
  const uploadId = ledger.jobs.saveUpload(path.basename(file), fs.readFileSync(file));
  const done = await ledger.jobs.wait(call('imports.start', { kind: 'members', uploadId, mode: 'run', writeErrors: false }).id);
  if (!done.outcome?.imported) throw new Error(done.error ?? JSON.stringify(done.outcome?.rows.slice(0, 3)));
  rows = done.outcome.counts.add;
} else {
  // The same correct decoding as the import (exceljs alone garbles characters split between chunks).
  decodeExceljsStreamsWhole();
  const orgs = new Map((ledger.db.prepare('SELECT id, full_name FROM organizations').all() as { id: number; full_name: string }[]).map((o) => [o.full_name, o.id]));
  const insert = ledger.db.prepare(
    `INSERT INTO members (name, gender, id_number, id_number_rev, birth_date, organization_id, work_unit, position, rank, party_status, phone, phone_rev, joined_on, name_initials, name_pinyin, created_at, updated_at)
     VALUES (?, '男', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = new Date().toISOString();
  ledger.db.exec('BEGIN');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.number === 1) continue;
      const v = row.values as (string | null)[];
      const id = String(v[2]);
      const phone = v[8] ?? null;
      // Every index gets a value of the same shape as the import's (the name stands in for its pinyin keys), so the
      // B-trees do the same work: what differs is only what the import checks and derives.
      insert.run(v[1], id, reverse(id), `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, orgs.get(String(v[3])), v[4] ?? null, v[5] ?? null, v[6] ?? null, v[7] ?? '正式党员', phone, phone && reverse(phone), v[9] ?? null, v[1], v[1], at, at);
      rows++;
    }
  }
  ledger.db.exec('COMMIT');
}
const seconds = (performance.now() - start) / 1000;
const usage = process.resourceUsage();
// CPU of all the process's threads (the import parses in a worker): its own cost even when other work shares the cores.
console.log(JSON.stringify({ mode, seconds, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakRssMb: usage.maxRSS / 1024, rows }));
await ledger.close();
