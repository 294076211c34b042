/**
 * One row's checks, shared by the member and account importers: reading a mapped cell, collecting problems with
 * the column the person must look at, and turning the contract's and the services' refusals into such problems —
 * so an imported row is judged by exactly the rules of the form in the window.
 */
import type { z } from 'zod';
import { LedgerError } from '../contract/errors.js';
import type { RowProblem } from '../contract/importOutcome.js';
import { msg } from '../i18n/messages.js';
import { cellText, type Parsed } from './cellValues.js';
import type { Cell } from './sheetReader.js';

export class RowCheck {
  readonly problems: RowProblem[] = [];

  constructor(
    private readonly cells: Cell[],
    private readonly mapping: Record<string, number | null>,
    /** The header of each column, and each field's own label for a column the sheet lacks. */
    private readonly columnOf: (field: string) => string,
  ) {}

  cell(field: string): Cell {
    const i = this.mapping[field];
    return i === null || i === undefined ? null : (this.cells[i] ?? null);
  }

  text(field: string): string {
    return cellText(this.cell(field));
  }

  refuse(field: string, problem: string, suggestion: string): void {
    this.problems.push({ column: this.columnOf(field), problem, suggestion });
  }

  /** The parsed value, or null after noting the problem. */
  parsed<T>(field: string, result: Parsed<T>): T | null {
    if (result.ok) return result.value;
    this.refuse(field, result.problem, result.suggestion);
    return null;
  }

  /** A value from a fixed list, with the spellings people use; empty gives the fallback. */
  choice<T extends string>(field: string, words: Record<string, T>, fallback: T | null): T | null {
    const text = this.text(field).replace(/\s/g, '');
    if (text === '') return fallback;
    const value = words[text];
    if (value) return value;
    this.refuse(field, msg.imports.problem.choice(text), msg.imports.suggest.choice([...new Set(Object.values(words))]));
    return fallback;
  }

  /** Runs a contract schema on the row's fields; its messages become problems of the matching columns. */
  schema<S extends z.ZodType>(schema: S, input: unknown, fieldOf: (key: string) => string = (k) => k): z.output<S> | null {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    // A column already refused (an ID number that arrived as a number) is not refused twice for being empty.
    const refused = new Set(this.problems.map((p) => p.column));
    for (const issue of result.error.issues) {
      const field = fieldOf(String(issue.path[0] ?? ''));
      if (!refused.has(this.columnOf(field))) this.refuse(field, issue.message, msg.imports.suggest.fix);
    }
    return null;
  }

  /** Runs a form's schema field by field (see fieldCheck); its messages become problems of the matching columns. */
  fields<S extends z.ZodObject>(check: FieldCheck<S>, input: { [K in keyof S['shape']]: unknown }): z.output<S> | null {
    const out: Record<string, unknown> = {};
    const issues: [string, string][] = [];
    for (const [key, parse] of check) {
      const result = parse(input[key as keyof typeof input]);
      if (result.ok) out[key] = result.value;
      else for (const message of result.messages) issues.push([key, message]);
    }
    if (!issues.length) return out as z.output<S>;
    const refused = new Set(this.problems.map((p) => p.column));
    for (const [field, message] of issues) if (!refused.has(this.columnOf(field))) this.refuse(field, message, msg.imports.suggest.fix);
    return null;
  }

  /** Runs a service's validation; its field-level refusal becomes a problem of that column. */
  service<T>(fn: () => T, fieldOf: (key: string) => string = (k) => k): T | null {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof LedgerError)) throw err;
      const fields = Object.entries(err.fields);
      if (!fields.length) this.refuse('', err.message, msg.imports.suggest.fix);
      for (const [field, text] of fields) this.refuse(fieldOf(field), text, msg.imports.suggest.fix);
      return null;
    }
  }
}

type FieldResult = { ok: true; value: unknown } | { ok: false; messages: string[] };
export type FieldCheck<S extends z.ZodObject> = [keyof S['shape'] & string, (value: unknown) => FieldResult][];

/** Values remembered per column: a column's values repeat (unit, position, 职务层次), its unique ones stop adding here. */
const REMEMBERED = 2000;

/**
 * A form's object schema taken apart once per import: each field's own schema, with the outcome remembered per
 * value of its column. The same rules and messages as the whole schema (these forms have no rule across fields),
 * without running every field of every row through zod again for a value it has already judged.
 */
export function fieldCheck<S extends z.ZodObject>(schema: S): FieldCheck<S> {
  return Object.entries(schema.shape).map(([key, field]) => {
    const seen = new Map<unknown, FieldResult>();
    const parse = (value: unknown): FieldResult => {
      let result = seen.get(value);
      if (result) return result;
      const parsed = (field as z.ZodType).safeParse(value);
      result = parsed.success ? { ok: true, value: parsed.data } : { ok: false, messages: parsed.error.issues.map((i) => i.message) };
      if (seen.size < REMEMBERED) seen.set(value, result);
      return result;
    };
    return [key, parse];
  });
}
