/** 党组织: the organization tree — inputs and what the calls return. */
import { z } from 'zod';
import { ORGANIZATION_TYPES, type OrganizationType } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { byId, change, cleanString, empty, id, optionalText, query, text } from './common.js';
import { schemaWords as words } from '../i18n/schemaWords.js';

export const organizationFields = z.object({
  fullName: text(words.organizations.fullName, 100, { required: msg.organization.fullNameRequired }),
  shortName: optionalText(words.organizations.shortName, 40),
  type: z.enum(ORGANIZATION_TYPES, { error: words.organizations.typeError }),
  secretary: optionalText(words.organizations.secretary, 20),
  contactPhone: optionalText(words.organizations.contactPhone, 30),
  /** 党组织代码 of the national system: optional, the only code another register can share with this one. */
  partyCode: optionalText(words.organizations.partyCode, 30).refine((v) => !v || /^[0-9A-Za-z]+$/.test(v), { error: msg.organization.partyCodeFormat }),
});

export const organizationCreate = organizationFields.extend({
  parentId: id.nullable(),
  code: cleanString(words.organizations.code)
    .trim()
    .regex(/^(\d{3})+$/, { error: msg.organization.codeFormat })
    .optional(),
});

export const organizationUpdate = organizationFields.extend({ id });

export const organizationMove = z.object({ id, parentId: id.nullable() });

export const organizationReorder = z.object({ parentId: id.nullable(), orderedIds: z.array(id).min(1) });

export type OrganizationCreate = z.output<typeof organizationCreate>;

export type OrganizationUpdate = z.output<typeof organizationUpdate>;

export interface Organization {
  id: number;
  code: string;
  fullName: string;
  shortName: string | null;
  type: OrganizationType;
  parentId: number | null;
  sortOrder: number;
  secretary: string | null;
  contactPhone: string | null;
  partyCode: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A node of the tree as listed: counts are of members 在册 directly in it and in its whole subtree. */
export interface OrganizationNode extends Organization {
  depth: number;
  activeMembers: number;
  subtreeActiveMembers: number;
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const organizationsCalls = {
  'organizations.tree': query<OrganizationNode[]>()(empty),
  'organizations.create': change<Organization>()(organizationCreate),
  'organizations.update': change<Organization>()(organizationUpdate),
  'organizations.move': change<Organization>()(organizationMove),
  'organizations.reorder': change<Organization[]>()(organizationReorder),
  'organizations.remove': change<{ removed: number }>()(byId),
};
