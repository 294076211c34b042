/**
 * An import writes what the members' insert triggers derive once for all new members (src/db/memberBulk.ts): the
 * character pairs, the 在册 tally, the dated events and periods must be exactly what the form's row-by-row path
 * writes — compared with a twin register where the same members were entered through the form — and the triggers
 * must be back, unchanged, after the import commits or rolls back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/hosts/ledger.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { validId } from '../support/ids.js';
import { writeCsv } from '../support/importFiles.js';
import { caller } from '../support/ledger.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-import-bulk-'));
let imported: Ledger;
let twin: Ledger;
afterAll(async () => {
  await imported?.close();
  await twin?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const EXISTING = validId('1970-01-01', 900);
const NAMES = ['张伟', '王小明', 'Anna Li', '欧阳娜娜', '李𠮷', '张伟'];
const rows = Array.from({ length: 30 }, (_, i) => ({ name: NAMES[i % NAMES.length]!, idNumber: validId(`19${60 + i}-03-04`, 100 + i), branch: i % 3 ? '甲支部' : '001002' }));

/** Root 001, 甲 001001, 乙 001002, and one member 在册 in 甲 before the import. */
function setUp(folder: string): Ledger {
  const ledger = openAdminLedger(path.join(dir, folder));
  const call = caller(ledger.registry);
  const root = call('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' }).id;
  for (const b of ['甲', '乙']) call('organizations.create', { parentId: root, fullName: `中共测试委员会${b}支部委员会`, shortName: `${b}支部`, type: '党支部' });
  call('members.create', { name: '赵在册', idNumber: EXISTING, organizationId: 2, partyStatus: '正式党员' });
  return ledger;
}

async function importRows(ledger: Ledger, file: string, extra: string[][] = []) {
  const c = caller(ledger.registry);
  const body = [['姓名', '身份证号', '所在党组织'], ...rows.map((r) => [r.name, r.idNumber, r.branch]), ['赵在册', EXISTING, '乙支部'], ...extra];
  const { uploadId } = c('imports.upload', { fileName: 'm.csv', contentBase64: fs.readFileSync(writeCsv(path.join(dir, file), body, 'utf8')).toString('base64') });
  return ledger.jobs.wait(c('imports.start', { kind: 'members', uploadId, mode: 'run', onExisting: 'update', writeErrors: false }).id);
}

/** Everything the triggers keep, keyed by ID number and organization code rather than by ids. */
function derived(ledger: Ledger) {
  const all = (sql: string) => ledger.db.prepare(sql).all();
  return {
    bigrams: all('SELECT b.gram, m.id_number FROM member_bigrams b JOIN members m ON m.id = b.member_id ORDER BY 1, 2'),
    tally: all('SELECT o.code, t.active FROM member_tally t JOIN organizations o ON o.id = t.organization_id ORDER BY 1'),
    events: all('SELECT m.id_number, e.on_date, o.code, e.status FROM member_events e JOIN members m ON m.id = e.member_id JOIN organizations o ON o.id = e.organization_id ORDER BY 1, e.id'),
    periods: all('SELECT m.id_number, p.valid_from, p.valid_to, o.code, p.status FROM member_periods p JOIN members m ON m.id = p.member_id JOIN organizations o ON o.id = p.organization_id ORDER BY 1, 2'),
  };
}

const triggers = (ledger: Ledger) => ledger.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all();

describe('members imported in bulk', () => {
  beforeAll(() => {
    imported = setUp('imported');
    twin = setUp('twin');
    const call = caller(twin.registry);
    for (const r of rows) call('members.create', { name: r.name, idNumber: r.idNumber, organizationId: r.branch === '001002' ? 3 : 2, partyStatus: '正式党员' });
    call('members.move', { id: 1, organizationId: 3 });
  });

  it('derives the same pairs, tallies, events and periods as the form, and leaves the triggers as they were', async () => {
    const before = triggers(imported);
    const s = await importRows(imported, 'bulk.csv');
    expect(s.outcome).toMatchObject({ imported: true, counts: { add: 30, update: 1, refused: 0 } });
    const got = derived(imported);
    expect(got).toEqual(derived(twin));
    // Each pair carries its member's name order and status (migration 0019), which the search reads instead of the row.
    const current = 'SELECT count(*) FROM member_bigrams b JOIN members m ON m.id = b.member_id WHERE b.name_pinyin = m.name_pinyin AND b.status = m.status';
    expect(imported.db.prepare(current).pluck().get()).toBe(got.bigrams.length);
    // Not trivially equal: every kind of row is there (a 4-byte character's pair, the Latin name's, the move).
    expect(got.bigrams).toContainEqual({ gram: 'na', id_number: rows[2]!.idNumber });
    expect(got.bigrams.filter((b) => (b as { id_number: string }).id_number === rows[4]!.idNumber)).toEqual([{ gram: '李𠮷', id_number: rows[4]!.idNumber }]);
    expect(got.tally).toEqual([{ code: '001001', active: 20 }, { code: '001002', active: 11 }]);
    expect(got.periods).toHaveLength(31);
    expect(got.events.filter((e) => (e as { id_number: string }).id_number === EXISTING).map((e) => (e as { code: string }).code)).toEqual(['001001', '001002']);
    const recount = imported.db.prepare("SELECT o.code, count(*) AS active FROM members m JOIN organizations o ON o.id = m.organization_id WHERE m.status = '在册' GROUP BY 1 ORDER BY 1").all();
    expect(got.tally).toEqual(recount);
    expect(triggers(imported)).toEqual(before);

    // The triggers work again for the next member entered through the form.
    const next = caller(imported.registry)('members.create', { name: '钱再来', idNumber: validId('1991-05-06', 999), organizationId: 3, partyStatus: '正式党员' });
    expect(imported.db.prepare('SELECT gram FROM member_bigrams WHERE member_id = ? ORDER BY gram').pluck().all(next.id)).toEqual(['再来', '钱再']);
    expect(imported.db.prepare('SELECT count(*) FROM member_periods WHERE member_id = ?').pluck().get(next.id)).toBe(1);
  });

  it('a refused all-or-nothing import changes nothing, triggers included', async () => {
    const before = { triggers: triggers(imported), derived: derived(imported) };
    // Written before the refused row, then rolled back: the triggers dropped with the first written row come back.
    const s = await importRows(imported, 'refused.csv', [['新成员', validId('1992-01-01', 700), '甲支部'], ['错号码', '123', '甲支部']]);
    expect(s.outcome).toMatchObject({ imported: false, counts: { add: 1, refused: 1 } });
    expect({ triggers: triggers(imported), derived: derived(imported) }).toEqual(before);
  });
});
