/**
 * Scanned filing forms, kept in the data folder under their SHA-256 (so the same scan is stored once and a
 * changed file is noticed), written to a temporary name and renamed so a crash never leaves half a file; encrypted
 * with the register key when the register is.
 */
import type { HandlerInput } from '../contract/contract.js';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Attachment, AttachmentContent } from '../contract/filings.js';
import { LedgerError } from '../contract/errors.js';
import { normalizeText } from '../domain/text.js';
import { msg } from '../i18n/messages.js';
import { recordAudit } from './audit.js';
import { inTransaction, nowIso, type ServiceContext } from './context.js';
import { findFilingRow } from './filings.js';
import { checkNewScan, scanFormatOf } from './scanFormats.js';
import { forDisk, readSealed } from '../db/sealedFiles.js';

const MAX_BYTES = 20 * 1024 * 1024;

interface AttachmentRow {
  id: number;
  filing_id: number;
  file_name: string;
  stored_path: string;
  sha256: string;
  size_bytes: number;
  added_at: string;
}

export function toAttachment(r: AttachmentRow): Attachment {
  return { id: r.id, filingId: r.filing_id, fileName: r.file_name, sha256: r.sha256, sizeBytes: r.size_bytes, addedAt: r.added_at };
}

function filesDir(ctx: ServiceContext): string {
  if (!ctx.filesDir) throw new LedgerError('CONFLICT', msg.filing.attachmentsUnavailable);
  return ctx.filesDir;
}

/** contentBase64 is canonical (the contract refuses anything else), so it decodes to exactly the file chosen. */
export function addAttachment(ctx: ServiceContext, { filingId, fileName, contentBase64 }: HandlerInput<'filings.attach'>): Attachment {
  const content = Buffer.from(contentBase64, 'base64');
  if (content.length > MAX_BYTES) throw new LedgerError('VALIDATION', msg.filing.attachmentTooLarge);
  const name = normalizeText(path.basename(fileName));
  checkNewScan(name, content);
  const ext = path.extname(name).toLowerCase();
  const filing = findFilingRow(ctx, filingId);
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  const relative = path.join(sha256.slice(0, 2), sha256 + ext);
  const target = path.join(filesDir(ctx), relative);
  if (!fs.existsSync(target)) {
    // Private to this user, whatever the process's mask: a scanned form shows a member's ID card.
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, forDisk(ctx.filesKey ?? null, content), { flush: true, mode: 0o600 });
    fs.renameSync(temp, target);
  }
  return inTransaction(ctx, () => {
    const info = ctx.db
      .prepare('INSERT INTO filing_attachments (filing_id, file_name, stored_path, sha256, size_bytes, added_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(filing.id, name, relative, sha256, content.length, nowIso(ctx));
    const row = ctx.db.prepare('SELECT * FROM filing_attachments WHERE id = ?').get(Number(info.lastInsertRowid)) as AttachmentRow;
    recordAudit(ctx, { entity: 'filing', entityId: filing.id, action: 'attach', summary: name, after: toAttachment(row) });
    return toAttachment(row);
  });
}

export function listAttachments(ctx: ServiceContext, filingId: number): Attachment[] {
  return (ctx.db.prepare('SELECT * FROM filing_attachments WHERE filing_id = ? ORDER BY id').all(filingId) as AttachmentRow[]).map(toAttachment);
}

/** Reads a stored scan back, refusing it when it no longer matches the checksum recorded with it. */
export function readAttachment(ctx: ServiceContext, { id }: HandlerInput<'filings.attachment'>): AttachmentContent {
  const row = ctx.db.prepare('SELECT * FROM filing_attachments WHERE id = ?').get(id) as AttachmentRow | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', msg.filing.attachmentNotFound);
  const file = path.join(filesDir(ctx), row.stored_path);
  if (!fs.existsSync(file)) throw new LedgerError('NOT_FOUND', msg.filing.attachmentNotFound);
  const content = readSealed(file, ctx.filesKey ?? null);
  if (!content || crypto.createHash('sha256').update(content).digest('hex') !== row.sha256) throw new LedgerError('CONFLICT', msg.filing.attachmentCorrupt);
  return { ...toAttachment(row), contentBase64: content.toString('base64'), mimeType: scanFormatOf(row.file_name, content).mime };
}
