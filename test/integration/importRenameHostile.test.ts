/**
 * Hostile review: an import that renames existing members (one 在册, one 转出) and adds new ones of the same names —
 * the pairs the search reads (migration 0019) must follow the new names, pinyin sort keys and statuses, and the
 * search find them as a LIKE over members does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/hosts/ledger.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { validId } from '../support/ids.js';
import { writeCsv } from '../support/importFiles.js';
import { caller } from '../support/ledger.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-import-rename-'));
let ledger: Ledger;
afterAll(async () => {
  await ledger?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('an import renaming members (hostile)', () => {
  it('moves their pairs, sort keys and statuses along, and the search follows', async () => {
    ledger = openAdminLedger(path.join(dir, 'r'));
    const call = caller(ledger.registry);
    const root = call('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' }).id;
    call('organizations.create', { parentId: root, fullName: '中共测试委员会甲支部委员会', shortName: '甲支部', type: '党支部' });
    const ids = [validId('1970-01-01', 900), validId('1971-01-01', 901), validId('1972-01-01', 902)];
    const zw = call('members.create', { name: '张伟', idNumber: ids[0]!, organizationId: 2 }).id;
    const oy = call('members.create', { name: '欧阳娜娜', idNumber: ids[1]!, organizationId: 2 }).id;
    call('members.changeStatus', { id: oy, status: '转出' });
    const body = [
      ['姓名', '身份证号', '所在党组织'],
      ['司马光', ids[0]!, '甲支部'],
      ['阿伟', ids[1]!, '甲支部'],
      ['张伟', ids[2]!, '甲支部'],
      ['欧阳娜娜', validId('1973-01-01', 903), '甲支部'],
    ];
    const { uploadId } = call('imports.upload', { fileName: 'm.csv', contentBase64: fs.readFileSync(writeCsv(path.join(dir, 'm.csv'), body, 'utf8')).toString('base64') });
    const s = await ledger.jobs.wait(call('imports.start', { kind: 'members', uploadId, mode: 'run', onExisting: 'update', writeErrors: false }).id);
    expect(s.outcome).toMatchObject({ imported: true, counts: { add: 2, update: 2 } });

    const all = (sql: string) => ledger.db.prepare(sql).all();
    expect(all('SELECT gram, name_pinyin, member_id, status FROM member_bigrams ORDER BY 1, 2, 3')).toEqual(
      all('SELECT DISTINCT lower(substr(m.name, p.pos, 2)) AS gram, m.name_pinyin, m.id AS member_id, m.status FROM members m JOIN member_bigram_positions p ON p.pos < length(m.name) ORDER BY 1, 2, 3'),
    );
    const found = (q: string, statuses?: ('在册' | '转出')[]) => call('members.search', { q, ...(statuses ? { statuses } : {}) }).rows.map((r) => r.id);
    expect(found('张伟')).toEqual([ledger.db.prepare('SELECT id FROM members WHERE id_number = ?').pluck().get(ids[2]!)]);
    expect(found('司马')).toEqual([zw]);
    expect(found('阿伟', ['转出'])).toEqual([oy]);
    expect(found('阿伟', ['在册'])).toEqual([]);
    expect(found('欧阳', ['转出'])).toEqual([]);
    expect(call('members.search', { q: '伟', order: 'asc' }).rows.map((r) => r.name)).toEqual(['阿伟', '张伟']);
    expect(call('members.search', { q: '欧阳娜' }).total).toBe(1);
  });
});
