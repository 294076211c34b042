/** 明细表 column templates: a higher level's choice, order and names of the columns, saved under a name. */
import { z } from 'zod';
import { ALWAYS_FILLED, DETAIL_COLUMN_KEYS, type ReportTemplate } from '../domain/reportTemplates.js';
import { msg } from '../i18n/messages.js';
import { byId, change, empty, id, query, text } from './common.js';

const words = msg.paper.template;

export const templateSave = z.object({
  /** Left out for a new template; given to replace an existing one. */
  id: id.optional(),
  name: text(words.name, 40),
  columns: z
    .array(z.object({ key: z.enum(DETAIL_COLUMN_KEYS, { error: words.unknownColumn }), header: text(words.header, 30) }))
    .min(1, { error: words.noColumns })
    .max(DETAIL_COLUMN_KEYS.length)
    .refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, { error: words.duplicateColumn })
    .refine((cs) => new Set(cs.map((c) => c.header)).size === cs.length, { error: words.duplicateHeader })
    // 来源 is printed only with sub-units' packages: the count must not rest on it.
    .refine((cs) => cs.filter((c) => c.key !== 'source').slice(1).some((c) => ALWAYS_FILLED.includes(c.key)), { error: words.needsFilledColumn }),
  fullIdNumbers: z.boolean().default(false),
});

export type TemplateSave = z.output<typeof templateSave>;
export type { ReportTemplate };

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const reportTemplatesCalls = {
  'reportTemplates.list': query<ReportTemplate[]>()(empty),
  'reportTemplates.save': change<ReportTemplate>()(templateSave),
  'reportTemplates.delete': change<{ id: number }>()(byId),
};
