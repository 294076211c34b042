/**
 * Packages nobody should import: each is refused through the CLI with its Chinese message and exit 1, and the
 * register is untouched (`netledger stats --json` byte-identical). And the source mapping: by 党组织代码 when both
 * sides recorded it, by full name otherwise, never by the code local to each register.
 */
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PACKAGE_BYTES } from '../../src/contract/consolidation.js';
import { msg } from '../../src/i18n/messages.js';
import { writePackage } from '../../src/reports/upwardPackage.js';
import { consolidatedAccounts } from '../../src/services/consolidation.js';
import { freshLedger } from '../support/ledger.js';
import { registerStats } from '../support/dataFolder.js';

const BIN = path.join(import.meta.dirname, '../../src/bin/netledger.mjs');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-hostile-'));
const county = path.join(root, 'county');
const file = (name: string) => path.join(root, name);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

/** A sub-unit's package, written by the product from an in-memory register. */
async function subUnitPackage(out: string, partyCode: string | null = null) {
  const sub = freshLedger();
  const top = sub.call('organizations.create', { parentId: null, fullName: '中共示例县青禾镇委员会', type: '党委', partyCode });
  sub.call('organizations.create', { parentId: top.id, fullName: '中共示例县青禾镇机关支部委员会', type: '党支部' });
  await writePackage(sub.ctx, { period: '2026年度' }, out);
  return fs.readFileSync(out, 'utf8');
}

const withData = (pkg: Record<string, unknown>, data: unknown) => ({
  ...pkg,
  data,
  sha256: crypto.createHash('sha256').update(JSON.stringify(data)).digest('hex'),
});

let good = '';

beforeAll(async () => {
  expect(run('demo', '--data-dir', county, '--members', '200', '--seed', '5').code).toBe(0);
  good = await subUnitPackage(file('good.json'));
  const pkg = JSON.parse(good);
  const hostile: Record<string, string | Buffer> = {
    'big.json': Buffer.alloc(MAX_PACKAGE_BYTES + 1, 0x20),
    'deep.json': `{"format":"netledger-upward-package","formatVersion":1,"data":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    'checksum.json': good.replace('机关支部', '机关总支'),
    'version.json': good.replace('"formatVersion":2', '"formatVersion":4'),
    'truncated.json': good.slice(0, Math.floor(good.length / 2)),
    'random.json': crypto.randomBytes(4096),
    'empty.json': '',
    'spreadsheet.json': fs.readFileSync(path.join(import.meta.dirname, '../../resources/samples/summary-page1.png')),
    'outside.json': JSON.stringify({
      ...withData(pkg, { ...pkg.data, organizations: [...pkg.data.organizations, { code: '002001', fullName: '别处的支部', type: '党支部', parentCode: '002', secretary: null }] }),
      counts: { ...pkg.counts, organizations: 3 },
    }),
    'counts.json': JSON.stringify({ ...pkg, counts: { ...pkg.counts, organizations: 5 } }),
  };
  for (const [name, content] of Object.entries(hostile)) fs.writeFileSync(file(name), content);
  expect(run('export-package', '--data-dir', county, '--period', '2026年度', '--out', file('own.json')).code).toBe(0);
}, 120_000);

describe('hostile packages', () => {
  const cases: [string, string][] = [
    ['big.json', msg.consolidation.tooLarge(MAX_PACKAGE_BYTES)],
    ['deep.json', msg.consolidation.tooDeep],
    ['checksum.json', msg.pkg.checksum],
    ['version.json', msg.pkg.version(4)],
    ['truncated.json', msg.consolidation.truncated],
    ['random.json', msg.consolidation.notUtf8],
    ['empty.json', msg.consolidation.empty],
    ['spreadsheet.json', msg.consolidation.notUtf8],
    ['outside.json', msg.consolidation.malformed('organizations.2.code')],
    ['counts.json', msg.consolidation.counts('organizations')],
    ['own.json', msg.consolidation.ownRegister],
  ];

  it('refuses each with a clear Chinese message and exit 1, leaving the register byte-identical', () => {
    const before = registerStats(run('stats', '--json', '--data-dir', county).out);
    for (const [name, message] of cases) {
      for (const mode of [['--dry-run'], ['--yes', '--org', '001001']]) {
        const r = run('import', 'package', file(name), ...mode, '--data-dir', county);
        expect([name, r.code, r.err]).toEqual([name, 1, message]);
      }
    }
    expect(registerStats(run('stats', '--json', '--data-dir', county).out)).toBe(before);
    // The good one goes in, so the refusals above were not a broken importer.
    expect(run('import', 'package', file('good.json'), '--org', '001001', '--data-dir', county).code).toBe(0);
    expect(registerStats(run('stats', '--json', '--data-dir', county).out)).not.toBe(before);
  }, 180_000);
});

describe('source mapping', () => {
  it('proposes by 党组织代码 when both sides recorded it, remembers the confirmation, and never matches by code alone', async () => {
    const content = Buffer.from(await subUnitPackage(file('coded.json'), 'a1b2c3')).toString('base64');
    const higher = freshLedger();
    const top = higher.call('organizations.create', { parentId: null, fullName: '中共示例县委员会', type: '党委' });
    const town = higher.call('organizations.create', { parentId: top.id, fullName: '青禾镇党委', type: '党委', partyCode: 'A1B2C3' });
    expect(town.partyCode).toBe('A1B2C3');
    expect(higher.fail('organizations.create', { parentId: top.id, fullName: '另一个党委', type: '党委', partyCode: 'a1b2c3' }).message).toBe(
      msg.organization.duplicatePartyCode('青禾镇党委'),
    );
    const input = { fileName: 'coded.json', contentBase64: content };
    // The sender's root is 001 in its register, as is ours: the code proposes nothing.
    expect(higher.call('consolidation.inspect', input).mapping).toEqual({ organizationId: town.id, organizationName: '青禾镇党委', basis: 'partyCode' });
    higher.call('organizations.update', { id: town.id, fullName: '青禾镇党委', type: '党委', partyCode: null });
    expect(higher.call('consolidation.inspect', input).mapping).toBeNull();
    expect(higher.fail('consolidation.import', input).message).toBe(msg.consolidation.mappingRequired('中共示例县青禾镇委员会'));
    expect(higher.fail('consolidation.import', { ...input, organizationId: top.id }).message).toBe(msg.consolidation.mappingIsOwnTop);

    const imported = higher.call('consolidation.import', { ...input, organizationId: town.id });
    expect(imported.submission.source).toEqual({ code: '001', fullName: '中共示例县青禾镇委员会', partyCode: 'A1B2C3' });
    expect(higher.call('consolidation.inspect', input).mapping?.basis).toBe('remembered');
    // The sender's organizations hang below the mapped one, with codes relative to the sender's root.
    const rows = higher.call('consolidation.rows', { period: '2026年度' }).rows;
    expect(rows.map((r) => [r.relativeCode, r.depth, r.fullName, r.mappedOrganizationId])).toEqual([
      ['', 0, '中共示例县青禾镇委员会', town.id],
      ['001', 1, '中共示例县青禾镇机关支部委员会', town.id],
    ]);
    expect(higher.fail('organizations.remove', { id: town.id }).message).toBe(msg.organization.hasSubmissions(1));
    expect([...consolidatedAccounts(higher.ctx, { period: '2026年度' })]).toEqual([]);
  });
});
