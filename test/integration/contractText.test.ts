/**
 * Every string the contract accepts is cleaned at the contract: characters nobody types (NUL and other
 * controls, noncharacters such as U+FFFE, lone surrogates, bidi overrides) are refused with a message naming
 * the field. The list of fields is derived from the contract itself, so a field added later is covered too.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type CallName } from '../../src/contract/contract.js';
import { msg } from '../../src/i18n/messages.js';
import { validId } from '../support/ids.js';
import { freshLedger } from '../support/ledger.js';
import { registerWithMembers } from '../support/register.js';

interface StringField {
  path: (string | number)[];
  /** The smallest input that puts `value` at `path` (with the literal that selects a union branch). */
  input: (value: string) => unknown;
}

/** Zod types that hold no string a person could type. */
const SCALARS = new Set(['number', 'boolean', 'enum', 'literal']);

function stringFields(schema: z.ZodType): StringField[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'string':
      return [{ path: [], input: (v) => v }];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return stringFields(def.innerType as z.ZodType);
    case 'pipe':
      return stringFields(def.in as z.ZodType);
    case 'array':
      return stringFields(def.element as z.ZodType).map((f) => ({ path: [0, ...f.path], input: (v) => [f.input(v)] }));
    case 'union':
      return (def.options as z.ZodType[]).flatMap(stringFields);
    case 'object': {
      const shape = Object.entries(def.shape as Record<string, z.ZodType>);
      const literals = Object.fromEntries(
        shape.filter(([, s]) => s._zod.def.type === 'literal').map(([k, s]) => [k, (s._zod.def as unknown as { values: unknown[] }).values[0]]),
      );
      return shape.flatMap(([key, s]) => stringFields(s).map((f) => ({ path: [key, ...f.path], input: (v: string) => ({ ...literals, [key]: f.input(v) }) })));
    }
    default:
      if (SCALARS.has(def.type)) return [];
      // A new kind of schema could hide strings from this test: teach it the kind rather than skip it.
      throw new Error(`contract test does not know zod type ${def.type}`);
  }
}

const cases = Object.entries(contract).flatMap(([name, c]) =>
  stringFields(c.input as z.ZodType).map((f) => ({ name: name as CallName, field: f.path.join('.'), input: f.input })),
);

describe('text cleaned at the contract', () => {
  const { fail } = freshLedger();

  it('finds the string fields of the contract', () => {
    expect(cases.length).toBeGreaterThan(60);
    expect(cases.map((c) => `${c.name}:${c.field}`)).toEqual(
      expect.arrayContaining(['members.create:name', 'members.create:notes', 'filings.attach:contentBase64', 'settings.update:platforms.0', 'reports.start:period']),
    );
  });

  it.each([
    ['U+202E', '\u202E'],
    ['U+FFFE', '\uFFFE'],
    ['NUL', '\0'],
  ])('refuses %s in every string field of every call, naming the field and the position', (_, bad) => {
    for (const c of cases) {
      const error = fail(c.name, c.input(`ab${bad}c`));
      expect(error.code, `${c.name} ${c.field}`).toBe('VALIDATION');
      const message = (error.details as { fields: Record<string, string> }).fields[c.field];
      // A file's base64 is not typed: it is refused as damaged rather than asking to delete a character.
      if (c.field === 'contentBase64') expect(message).toBe(c.name.startsWith('consolidation.') ? msg.consolidation.notPackage : msg.input.base64);
      else expect(message, `${c.name} ${c.field}`).toMatch(/^\S+中含有不可见的控制字符（位置 3），请删除后重新输入。$/);
    }
  });

  const fieldsOf = (error: { details?: unknown }) => (error.details as { fields: Record<string, string> }).fields;

  it('names the field by its Chinese label and counts characters as a person sees them', () => {
    const error = fail('members.create', { organizationId: 1, name: '甄\u{20000}\u202E试', idNumber: validId('1985-03-01', 1) });
    expect(error.details).toEqual({ fields: { name: '姓名中含有不可见的控制字符（位置 3），请删除后重新输入。' } });
  });

  it.each([
    ['a lone surrogate', '甄\uD800试', 2],
    ['a C1 control', '甄试\u0085', 3],
    ['DEL', '\u007F甄试', 1],
    ['a bidi isolate', '甄\u2067试', 2],
    ['a plane-1 noncharacter', '甄\u{1FFFF}', 2],
    ['a tab in a one-line field', '甄\t试', 2],
    ['a line break in a one-line field', '甄\n试', 2],
  ])('refuses %s', (_, name, position) => {
    expect(fieldsOf(fail('members.create', { organizationId: 1, name, idNumber: validId('1985-03-01', 1) })).name).toBe(
      `姓名中含有不可见的控制字符（位置 ${position}），请删除后重新输入。`,
    );
  });

  it.each([
    ['U+200B', '张\u200B三', 2],
    ['U+200D', '张三\u200D', 3],
    ['U+FEFF', '张\uFEFF三', 2],
    ['U+2060', '张\u2060三', 2],
  ])('refuses a zero-width character (%s) in an operator name, where two names would look the same', (_, name, position) => {
    expect(fieldsOf(fail('operators.create', { name, role: '录入员', password: 'long-enough-1' })).name).toBe(`操作员姓名中含有不可见的控制字符（位置 ${position}），请删除后重新输入。`);
  });

  it('takes tab and line breaks where text has several lines, and keeps normalising full-width text', () => {
    const l = registerWithMembers();
    const updated = l.call('members.update', { id: l.m1, name: '甲一', idNumber: validId('1985-03-03', 11), notes: '第一行\n第二行\t（附注）ＡＢ１' });
    expect(updated.notes).toBe('第一行 第二行 （附注）AB1');
    expect(fieldsOf(l.fail('members.update', { id: l.m1, name: '甲一', idNumber: validId('1985-03-03', 11), notes: '第一行\n\u202E' })).notes).toBe(
      '备注中含有不可见的控制字符（位置 5），请删除后重新输入。',
    );
  });
});

describe('messages that say what is wrong', () => {
  const { fail } = freshLedger();
  const fieldsOf = (error: { details?: unknown }) => (error.details as { fields: Record<string, string> }).fields;

  it('tells a missing id from one that is not a positive integer', () => {
    expect(fieldsOf(fail('members.get', {})).id).toBe('缺少编号。');
    expect(fieldsOf(fail('members.get', { id: -1 })).id).toBe('编号应为正整数。');
    expect(fieldsOf(fail('members.get', { id: 1.5 })).id).toBe('编号应为正整数。');
    expect(fieldsOf(fail('members.get', { id: '1' })).id).toBe('编号应为正整数。');
  });

  it('gives the allowed range of a year or a number of days', () => {
    const campaign = { title: '1999年度', deadline: '2026-12-31', organizationIds: [1] };
    expect(fieldsOf(fail('campaigns.create', { ...campaign, year: 1999 })).year).toBe('年度应为 2000 至 2100 之间的整数。');
    expect(fieldsOf(fail('campaigns.create', campaign)).year).toBe('请填写年度。');
    expect(fieldsOf(fail('settings.update', { deadlineDays: 400 })).deadlineDays).toBe('报备期限（天数）应为 1 至 365 之间的整数。');
  });
});

describe('shape errors', () => {
  it('are told in Chinese, not in zod’s English', () => {
    const { fail } = freshLedger();
    for (const [name, input] of [
      ['members.search', []],
      ['members.search', { limit: '5' }],
      ['members.search', { sort: 'x' }],
      ['jobs.status', { jobId: 'zz' }],
    ] as const) {
      const error = fail(name, input);
      const messages = Object.values((error.details as { fields: Record<string, string> }).fields);
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) expect(m).not.toMatch(/Invalid|expected|received/);
    }
  });
});
