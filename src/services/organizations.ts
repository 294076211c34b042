/** 党组织 tree: create, edit, move without cycles, reorder, remove only when empty. */
import type { HandlerInput } from '../contract/contract.js';
import { LedgerError, fieldError } from '../contract/errors.js';
import type { OrganizationCreate, OrganizationUpdate } from '../contract/organizations.js';
import type { Organization, OrganizationNode } from '../contract/organizations.js';
import { normalizePhone } from '../domain/phone.js';
import { groupBy } from '../domain/groupBy.js';
import { normalizeText, optionalText } from '../domain/text.js';
import { msg } from '../i18n/messages.js';
import { recordAudit } from './audit.js';
import { inTransaction, nowIso, type ServiceContext } from './context.js';
import type { Clause } from './paging.js';
import { subtreeRange } from './treePath.js';

interface OrganizationRow {
  id: number;
  code: string;
  full_name: string;
  short_name: string | null;
  type: Organization['type'];
  parent_id: number | null;
  tree_path: string;
  sort_order: number;
  secretary: string | null;
  contact_phone: string | null;
  party_code: string | null;
  created_at: string;
  updated_at: string;
}

function toOrganization(r: OrganizationRow): Organization {
  return {
    id: r.id,
    code: r.code,
    fullName: r.full_name,
    shortName: r.short_name,
    type: r.type,
    parentId: r.parent_id,
    sortOrder: r.sort_order,
    secretary: r.secretary,
    contactPhone: r.contact_phone,
    partyCode: r.party_code,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * The organization, or NOT_FOUND; when `field` names the form field the id came from, the refusal is
 * shown next to that field instead.
 */
/**
 * The scope when none is chosen: the first top-level organization in the tree's order. The 首页, the reports and
 * the 汇总 all take it, so with several top-level organizations what the 首页 counts is what a report prints.
 */
export function defaultScopeId(ctx: ServiceContext): number | undefined {
  return (ctx.db.prepare('SELECT id FROM organizations WHERE parent_id IS NULL ORDER BY sort_order, id LIMIT 1').get() as { id: number } | undefined)?.id;
}

export function findOrganizationRow(ctx: ServiceContext, id: number, field?: { name: string; message: string }): OrganizationRow {
  const row = ctx.db.prepare('SELECT * FROM organizations WHERE id = ?').get(id) as OrganizationRow | undefined;
  if (row) return row;
  if (field) throw fieldError(field.name, field.message);
  throw new LedgerError('NOT_FOUND', msg.organization.notFound, { id });
}

function getOrganization(ctx: ServiceContext, id: number): Organization {
  return toOrganization(findOrganizationRow(ctx, id));
}

const PARENT_FIELD = { name: 'parentId', message: msg.organization.parentNotFound };

/** Depth-first in sort order, so the flat list reads like the tree. */
export function organizationTree(ctx: ServiceContext): OrganizationNode[] {
  const rows = ctx.db.prepare('SELECT * FROM organizations ORDER BY sort_order, id').all() as OrganizationRow[];
  const counts = new Map<number, number>(
    (
      ctx.db
        .prepare("SELECT organization_id AS id, count(*) AS n FROM members WHERE status = '在册' GROUP BY organization_id")
        .all() as { id: number; n: number }[]
    ).map((c) => [c.id, c.n]),
  );
  const children = groupBy(rows, (r) => r.parent_id);
  const out: OrganizationNode[] = [];
  const visit = (row: OrganizationRow, depth: number): number => {
    const node: OrganizationNode = {
      ...toOrganization(row),
      depth,
      activeMembers: counts.get(row.id) ?? 0,
      subtreeActiveMembers: 0,
    };
    out.push(node);
    let total = node.activeMembers;
    for (const child of children.get(row.id) ?? []) total += visit(child, depth + 1);
    node.subtreeActiveMembers = total;
    return total;
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return out;
}

function cleanFields(input: Omit<OrganizationUpdate, 'id'>) {
  const fullName = normalizeText(input.fullName);
  if (!fullName) throw fieldError('fullName', msg.organization.fullNameRequired);
  let contactPhone: string | null = null;
  if (input.contactPhone && optionalText(input.contactPhone)) {
    contactPhone = normalizePhone(input.contactPhone);
    if (!contactPhone) throw fieldError('contactPhone', msg.phone.format);
  }
  return {
    fullName,
    shortName: optionalText(input.shortName),
    type: input.type,
    secretary: optionalText(input.secretary),
    contactPhone,
    // Typed in either case in the national system's printouts; one spelling, so it matches across registers.
    partyCode: optionalText(input.partyCode)?.toUpperCase() ?? null,
  };
}

function assertUniquePartyCode(ctx: ServiceContext, partyCode: string | null, exceptId: number) {
  if (!partyCode) return;
  const clash = ctx.db.prepare('SELECT full_name FROM organizations WHERE party_code = ? AND id <> ?').get(partyCode, exceptId) as { full_name: string } | undefined;
  if (clash) throw fieldError('partyCode', msg.organization.duplicatePartyCode(clash.full_name));
}

function assertUniqueName(ctx: ServiceContext, parentId: number | null, fullName: string, exceptId: number) {
  const clash = ctx.db
    .prepare('SELECT id FROM organizations WHERE parent_id IS ? AND full_name = ? AND id <> ?')
    .get(parentId, fullName, exceptId);
  if (clash) throw fieldError('fullName', msg.organization.duplicateName(fullName));
}

/** Next free code under a parent: parent code + 3 digits. */
function nextCode(ctx: ServiceContext, parentCode: string): string {
  const rows = ctx.db
    .prepare('SELECT code FROM organizations WHERE code LIKE ? AND length(code) = ?')
    .all(`${parentCode}%`, parentCode.length + 3) as { code: string }[];
  const used = new Set(rows.map((r) => Number(r.code.slice(-3))));
  let n = 1;
  while (used.has(n)) n++;
  return parentCode + String(n).padStart(3, '0');
}

function nextSortOrder(ctx: ServiceContext, parentId: number | null): number {
  const row = ctx.db
    .prepare('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM organizations WHERE parent_id IS ?')
    .get(parentId) as { n: number };
  return row.n;
}

export function createOrganization(ctx: ServiceContext, input: OrganizationCreate): Organization {
  return inTransaction(ctx, () => {
    const fields = cleanFields(input);
    const parent = input.parentId === null ? null : findOrganizationRow(ctx, input.parentId, PARENT_FIELD);
    assertUniqueName(ctx, input.parentId, fields.fullName, 0);
    assertUniquePartyCode(ctx, fields.partyCode, 0);
    const code = input.code ?? nextCode(ctx, parent?.code ?? '');
    if (ctx.db.prepare('SELECT 1 FROM organizations WHERE code = ?').get(code)) {
      throw fieldError('code', msg.organization.duplicateCode(code));
    }
    const at = nowIso(ctx);
    const info = ctx.db
      .prepare(
        `INSERT INTO organizations (code, full_name, short_name, type, parent_id, tree_path, sort_order,
           secretary, contact_phone, party_code, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        code,
        fields.fullName,
        fields.shortName,
        fields.type,
        input.parentId,
        nextSortOrder(ctx, input.parentId),
        fields.secretary,
        fields.contactPhone,
        fields.partyCode,
        at,
        at,
      );
    const id = Number(info.lastInsertRowid);
    ctx.db.prepare('UPDATE organizations SET tree_path = ? WHERE id = ?').run(`${parent?.tree_path ?? '/'}${id}/`, id);
    const created = getOrganization(ctx, id);
    recordAudit(ctx, { entity: 'organization', entityId: id, action: 'create', summary: created.fullName, after: created });
    return created;
  });
}

export function updateOrganization(ctx: ServiceContext, input: OrganizationUpdate): Organization {
  return inTransaction(ctx, () => {
    const before = getOrganization(ctx, input.id);
    const fields = cleanFields(input);
    assertUniqueName(ctx, before.parentId, fields.fullName, input.id);
    assertUniquePartyCode(ctx, fields.partyCode, input.id);
    ctx.db
      .prepare(
        `UPDATE organizations SET full_name = ?, short_name = ?, type = ?, secretary = ?, contact_phone = ?,
           party_code = ?, updated_at = ? WHERE id = ?`,
      )
      .run(fields.fullName, fields.shortName, fields.type, fields.secretary, fields.contactPhone, fields.partyCode, nowIso(ctx), input.id);
    const after = getOrganization(ctx, input.id);
    recordAudit(ctx, { entity: 'organization', entityId: input.id, action: 'update', summary: after.fullName, before, after });
    return after;
  });
}

export function moveOrganization(ctx: ServiceContext, { id, parentId }: HandlerInput<'organizations.move'>): Organization {
  return inTransaction(ctx, () => {
    const row = findOrganizationRow(ctx, id);
    const before = toOrganization(row);
    const parent = parentId === null ? null : findOrganizationRow(ctx, parentId, PARENT_FIELD);
    if (parent && parent.tree_path.startsWith(row.tree_path)) {
      throw new LedgerError('CONFLICT', msg.organization.cycle, { id, parentId });
    }
    assertUniqueName(ctx, parentId, row.full_name, id);
    const newPath = `${parent?.tree_path ?? '/'}${id}/`;
    const range = subtreeRange(row.tree_path);
    ctx.db
      .prepare('UPDATE organizations SET tree_path = ? || substr(tree_path, ?) WHERE tree_path >= ? AND tree_path < ?')
      .run(newPath, row.tree_path.length + 1, range.from, range.to);
    ctx.db
      .prepare('UPDATE organizations SET parent_id = ?, sort_order = ?, updated_at = ? WHERE id = ?')
      .run(parentId, nextSortOrder(ctx, parentId), nowIso(ctx), id);
    const after = getOrganization(ctx, id);
    recordAudit(ctx, {
      entity: 'organization',
      entityId: id,
      action: 'move',
      summary: `${after.fullName} → ${parent?.full_name ?? '（最上级）'}`,
      before,
      after,
    });
    return after;
  });
}

export function reorderOrganizations(ctx: ServiceContext, { parentId, orderedIds }: HandlerInput<'organizations.reorder'>): Organization[] {
  return inTransaction(ctx, () => {
    const current = ctx.db
      .prepare('SELECT id FROM organizations WHERE parent_id IS ? ORDER BY sort_order, id')
      .all(parentId) as { id: number }[];
    const same =
      current.length === orderedIds.length &&
      new Set(orderedIds).size === orderedIds.length &&
      current.every((c) => orderedIds.includes(c.id));
    if (!same) throw new LedgerError('CONFLICT', msg.organization.reorderMismatch);
    const update = ctx.db.prepare('UPDATE organizations SET sort_order = ?, updated_at = ? WHERE id = ?');
    const at = nowIso(ctx);
    orderedIds.forEach((orgId, i) => update.run(i + 1, at, orgId));
    recordAudit(ctx, {
      entity: 'organization',
      entityId: parentId ?? 0,
      action: 'reorder',
      summary: orderedIds.join(','),
      before: current.map((c) => c.id),
      after: orderedIds,
    });
    return orderedIds.map((orgId) => getOrganization(ctx, orgId));
  });
}

export function removeOrganization(ctx: ServiceContext, { id }: HandlerInput<'organizations.remove'>): { removed: number } {
  return inTransaction(ctx, () => {
    const before = getOrganization(ctx, id);
    const children = ctx.db.prepare('SELECT count(*) AS n FROM organizations WHERE parent_id = ?').get(id) as { n: number };
    if (children.n > 0) throw new LedgerError('CONFLICT', msg.organization.notEmptyChildren(children.n));
    // Members who left still belong to the organization's history, so they count too.
    const members = ctx.db.prepare('SELECT count(*) AS n FROM members WHERE organization_id = ?').get(id) as { n: number };
    if (members.n > 0) throw new LedgerError('CONFLICT', msg.organization.notEmptyMembers(members.n));
    const received = ctx.db.prepare('SELECT count(*) AS n FROM submissions WHERE organization_id = ?').get(id) as { n: number };
    if (received.n > 0) throw new LedgerError('CONFLICT', msg.organization.hasSubmissions(received.n));
    // A remembered mapping without any submission is only a proposal memory: it goes with the organization.
    ctx.db.prepare('DELETE FROM submission_sources WHERE organization_id = ?').run(id);
    ctx.db.prepare('DELETE FROM organizations WHERE id = ?').run(id);
    recordAudit(ctx, { entity: 'organization', entityId: id, action: 'delete', summary: before.fullName, before });
    return { removed: id };
  });
}

/** A WHERE clause limiting `column` (an organization id) to an organization, or to its whole subtree. */
export function organizationScope(ctx: ServiceContext, column: string, organizationId: number, includeSubtree = true): Clause {
  const org = findOrganizationRow(ctx, organizationId);
  if (!includeSubtree) return { sql: `${column} = ?`, params: [org.id] };
  const range = subtreeRange(org.tree_path);
  return { sql: `${column} IN (SELECT id FROM organizations WHERE tree_path >= ? AND tree_path < ?)`, params: [range.from, range.to] };
}

/** Ids of an organization and everything below it. */
export function subtreeOrganizationIds(ctx: ServiceContext, organizationId: number): number[] {
  const range = subtreeRange(findOrganizationRow(ctx, organizationId).tree_path);
  return (ctx.db.prepare('SELECT id FROM organizations WHERE tree_path >= ? AND tree_path < ?').all(range.from, range.to) as { id: number }[]).map((o) => o.id);
}
