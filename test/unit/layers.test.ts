import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dependencyViolations, describeViolation } from '../deps/check.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('layer rules (design.md: arrows only point down)', () => {
  it('the product has no cycle and no forbidden arrow', async () => {
    const violations = await dependencyViolations(root);
    expect(violations.map(describeViolation)).toEqual([]);
  });

  it('catches an upward arrow, a cycle, a type-only leak from the contract and the window reaching a service', async () => {
    const found = (await dependencyViolations(path.join(root, 'test/fixtures/layers'))).map(describeViolation);
    expect(found).toContain('services-below-dispatch: src/services/filings.ts → src/dispatch/handlers.ts');
    expect(found).toContain('contract-is-a-leaf: src/contract/contract.ts → src/services/filings.ts');
    expect(found).toContain('window-sees-only-the-contract: renderer/Page.tsx → src/services/filings.ts');
    expect(found.some((v) => v.startsWith('no-circular: src/'))).toBe(true);
  });
});

describe('the window compiles against the contract alone', () => {
  it('its type check reads no file of the services, store, reports, jobs, dispatch, hosts or demo', () => {
    const listed = execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '--listFiles', '-p', 'renderer/tsconfig.json'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .map((f) => path.relative(root, f.trim()))
      .filter((f) => f.startsWith('src/'));
    expect(listed.length).toBeGreaterThan(10); // it does read the contract and the domain
    expect(listed.filter((f) => /^src\/(services|db|reports|jobs|dispatch|hosts|demo|imports)\//.test(f))).toEqual([]);
  });
});

describe('the contract is merged from one map per feature', () => {
  it('every feature map of src/contract is in it, and none redefines a call of another (a spread would keep only the last)', async () => {
    const dir = path.join(root, 'src/contract');
    const maps: Record<string, unknown>[] = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) if (name.endsWith('Calls')) maps.push(value as Record<string, unknown>);
    }
    const { contract } = await import('../../src/contract/contract.js');
    const names = maps.flatMap((m) => Object.keys(m));
    expect(maps.length).toBeGreaterThan(10);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(contract).sort()).toEqual([...names].sort());
  });
});
