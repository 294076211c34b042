/**
 * 明细表 column templates kept in the register: saved and deleted with an audit entry, like every change, so
 * who changed a higher level's template and what it was before is on record.
 */
import type { HandlerInput } from '../contract/contract.js';
import { LedgerError, fieldError } from '../contract/errors.js';
import type { ReportTemplate, TemplateColumn } from '../domain/reportTemplates.js';
import { normalizeText } from '../domain/text.js';
import { templateName } from '../domain/reportTemplates.js';
import { msg } from '../i18n/messages.js';
import { recordAudit } from './audit.js';
import { inTransaction, nowIso, type ServiceContext } from './context.js';

interface TemplateRow {
  id: number;
  name: string;
  columns_json: string;
  full_id_numbers: number;
  updated_at: string;
}

const toTemplate = (r: TemplateRow): ReportTemplate => ({
  id: r.id,
  name: r.name,
  columns: JSON.parse(r.columns_json) as TemplateColumn[],
  fullIdNumbers: r.full_id_numbers === 1,
  updatedAt: r.updated_at,
});

export function listTemplates(ctx: ServiceContext): ReportTemplate[] {
  return (ctx.db.prepare('SELECT * FROM report_templates ORDER BY name').all() as TemplateRow[]).map(toTemplate);
}

export function getTemplate(ctx: ServiceContext, id: number): ReportTemplate {
  const row = ctx.db.prepare('SELECT * FROM report_templates WHERE id = ?').get(id) as TemplateRow | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', msg.paper.template.notFound);
  return toTemplate(row);
}

export function saveTemplate(ctx: ServiceContext, input: HandlerInput<'reportTemplates.save'>): ReportTemplate {
  return inTransaction(ctx, () => {
    const name = templateName(input.name);
    const clash = ctx.db.prepare('SELECT id FROM report_templates WHERE name = ? AND id IS NOT ?').get(name, input.id ?? null);
    if (clash) throw fieldError('name', msg.paper.template.duplicateName(name));
    const columns = JSON.stringify(input.columns.map((c) => ({ key: c.key, header: normalizeText(c.header) })));
    const values = { name, columns, full: input.fullIdNumbers ? 1 : 0, at: nowIso(ctx) };
    const before = input.id === undefined ? undefined : getTemplate(ctx, input.id);
    const id =
      before === undefined
        ? Number(ctx.db.prepare('INSERT INTO report_templates (name, columns_json, full_id_numbers, updated_at) VALUES (@name, @columns, @full, @at)').run(values).lastInsertRowid)
        : (ctx.db.prepare('UPDATE report_templates SET name = @name, columns_json = @columns, full_id_numbers = @full, updated_at = @at WHERE id = @id').run({ ...values, id: before.id }), before.id);
    const after = getTemplate(ctx, id);
    recordAudit(ctx, { entity: 'report_template', entityId: id, action: before ? 'update' : 'create', summary: name, before, after });
    return after;
  });
}

export function deleteTemplate(ctx: ServiceContext, { id }: HandlerInput<'reportTemplates.delete'>): { id: number } {
  return inTransaction(ctx, () => {
    const before = getTemplate(ctx, id);
    ctx.db.prepare('DELETE FROM report_templates WHERE id = ?').run(id);
    recordAudit(ctx, { entity: 'report_template', entityId: id, action: 'delete', summary: before.name, before });
    return { id };
  });
}
