/**
 * Which of our organizations a package's source is. Codes are local to each register (every register's root is
 * `001`), so a source is never matched by its code: a person confirms the organization once — proposed by the
 * 党组织代码 when both sides recorded it, or by an identical full name — and the choice is remembered.
 */
import type { MappingBasis, PackageSource } from '../contract/consolidation.js';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import { nowIso, type ServiceContext } from './context.js';
import { findOrganizationRow } from './organizations.js';

/** This register's identity, sent in its own packages' source block. */
export function ownRegisterId(ctx: ServiceContext): string {
  return (ctx.db.prepare('SELECT register_id FROM register_identity WHERE id = 1').get() as { register_id: string }).register_id;
}

/** The secret this register's packages key their members with (HMAC of the ID number), never sent. */
export function memberKeySecret(ctx: ServiceContext): Buffer {
  return (ctx.db.prepare('SELECT member_key_secret FROM register_identity WHERE id = 1').get() as { member_key_secret: Buffer }).member_key_secret;
}

interface SourceRow {
  id: number;
  organization_id: number;
}

function rememberedSource(ctx: ServiceContext, source: PackageSource): SourceRow | undefined {
  const byCode = source.partyCode
    ? (ctx.db.prepare('SELECT id, organization_id FROM submission_sources WHERE party_code = ?').get(source.partyCode) as SourceRow | undefined)
    : undefined;
  return byCode ?? (ctx.db.prepare('SELECT id, organization_id FROM submission_sources WHERE full_name = ? ORDER BY id DESC LIMIT 1').get(source.fullName) as SourceRow | undefined);
}

export interface Proposal {
  organizationId: number;
  organizationName: string;
  basis: MappingBasis;
}

/** The remembered organization, else the one with the same 党组织代码, else the only one with the same full name. */
export function proposeMapping(ctx: ServiceContext, source: PackageSource): Proposal | null {
  const named = (id: number, basis: MappingBasis): Proposal => ({ organizationId: id, organizationName: findOrganizationRow(ctx, id).full_name, basis });
  const remembered = rememberedSource(ctx, source);
  if (remembered) return named(remembered.organization_id, 'remembered');
  if (source.partyCode) {
    const same = ctx.db.prepare('SELECT id FROM organizations WHERE party_code = ?').get(source.partyCode) as { id: number } | undefined;
    if (same) return named(same.id, 'partyCode');
  }
  const sameName = ctx.db.prepare('SELECT id FROM organizations WHERE full_name = ? AND parent_id IS NOT NULL LIMIT 2').all(source.fullName) as { id: number }[];
  return sameName.length === 1 ? named(sameName[0]!.id, 'fullName') : null;
}

/**
 * The organization a package is imported under: the one the person confirmed (remembered from now on), or the
 * remembered one. A sub-unit hangs below the top of the tree, never is it. Returns the source's id.
 */
export function confirmMapping(ctx: ServiceContext, source: PackageSource, organizationId: number | undefined): { sourceId: number; organizationId: number } {
  const remembered = rememberedSource(ctx, source);
  const chosen = organizationId ?? remembered?.organization_id;
  if (chosen === undefined) throw new LedgerError('CONFLICT', msg.consolidation.mappingRequired(source.fullName), { fields: { organizationId: msg.consolidation.mappingRequired(source.fullName) } });
  if (findOrganizationRow(ctx, chosen, { name: 'organizationId', message: msg.organization.notFound }).parent_id === null) {
    throw new LedgerError('VALIDATION', msg.consolidation.mappingIsOwnTop, { fields: { organizationId: msg.consolidation.mappingIsOwnTop } });
  }
  if (remembered) {
    ctx.db
      .prepare('UPDATE submission_sources SET organization_id = ?, party_code = coalesce(?, party_code), full_name = ?, confirmed_by = ?, confirmed_at = ? WHERE id = ?')
      .run(chosen, source.partyCode, source.fullName, ctx.actor, nowIso(ctx), remembered.id);
    return { sourceId: remembered.id, organizationId: chosen };
  }
  const info = ctx.db
    .prepare('INSERT INTO submission_sources (full_name, party_code, organization_id, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?, ?)')
    .run(source.fullName, source.partyCode, chosen, ctx.actor, nowIso(ctx));
  return { sourceId: Number(info.lastInsertRowid), organizationId: chosen };
}
