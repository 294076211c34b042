/** Scanned forms are taken only as what they claim to be: canonical base64, a complete file, nothing hidden at its end. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';
import { registerWithMembers, publicAccount } from '../support/register.js';
import { minimalJpeg, minimalPdf, minimalPng, minimalTiff, pngChunk, zipBytes } from '../support/scans.js';

describe('scanned forms', () => {
  const r = registerWithMembers();
  let filingId = 0;
  beforeAll(() => {
    const acc = r.call('accounts.create', publicAccount(r.m1));
    filingId = r.call('filings.submit', { accountId: acc.id, type: '备案', submittedOn: '2026-11-02' }).id;
  });
  const attach = (fileName: string, content: Buffer | string) =>
    r.registry.invoke('filings.attach', { filingId, fileName, contentBase64: typeof content === 'string' ? content : content.toString('base64') });
  const refusal = (fileName: string, content: Buffer | string) => {
    const result = attach(fileName, content);
    if (result.ok) throw new Error(`${fileName} was accepted`);
    return result.error.message === msg.api.invalidInput ? Object.values((result.error.details as { fields: Record<string, string> }).fields)[0] : result.error.message;
  };
  const stored = () => fs.readdirSync(r.ctx.filesDir!, { recursive: true }).filter((f) => String(f).includes('.')).length;

  it.each([
    ['备案表.pdf', minimalPdf()],
    ['备案表.png', minimalPng()],
    ['备案表.jpg', minimalJpeg()],
    ['备案表.tif', minimalTiff()],
  ])('keeps a complete %s byte for byte', (fileName, content) => {
    const result = attach(fileName, content);
    expect(result.ok).toBe(true);
    const att = result.ok ? (result.value as { id: number; sha256: string }) : null;
    const back = r.call('filings.attachment', { id: att!.id });
    expect(Buffer.from(back.contentBase64, 'base64').equals(content)).toBe(true);
    expect(fs.readFileSync(path.join(r.ctx.filesDir!, att!.sha256.slice(0, 2), att!.sha256 + path.extname(fileName))).equals(content)).toBe(true);
  });

  it.each([
    ['line breaks inside', minimalPdf().toString('base64').replace(/(.{76})/g, '$1\n')],
    ['URL-safe letters', Buffer.from([0xfb, 0xff, 0xbf]).toString('base64url')],
    ['padding missing', 'JVBERi0xLjQ'],
    ['bits set beyond the data', 'JVBERi0xLjR='],
    ['a stray character', `${minimalPdf().toString('base64').slice(0, 40)}*${minimalPdf().toString('base64').slice(40)}`],
  ])('refuses base64 with %s instead of decoding something else', (_, content) => {
    const before = stored();
    expect(refusal('备案表.pdf', content)).toBe(msg.input.base64);
    expect(stored()).toBe(before);
  });

  it('says an empty file is empty', () => {
    expect(refusal('备案表.pdf', '')).toBe(msg.scan.empty);
  });

  const pdf = minimalPdf();
  const png = minimalPng();
  it.each([
    ['a PDF with a ZIP appended after %%EOF', '备案表.pdf', Buffer.concat([pdf, zipBytes()])],
    ['a PDF with a ZIP inside, before its end', '备案表.pdf', Buffer.concat([pdf.subarray(0, 40), zipBytes(), pdf.subarray(40)])],
    ['a PDF with a web page appended', '备案表.pdf', Buffer.concat([pdf, Buffer.from('<html><script>alert(1)</script></html>')])],
    ['a PNG with a script after IEND', '备案表.png', Buffer.concat([png, Buffer.from('<SCRIPT>alert(1)</SCRIPT>')])],
    ['a PNG carrying a page in a text chunk', '备案表.png', minimalPng([pngChunk('tEXt', Buffer.from('Comment\0<!DOCTYPE html><html>'))])],
    ['a PNG carrying a ZIP in a chunk', '备案表.png', minimalPng([pngChunk('zIPf', zipBytes())])],
    ['a JPEG with a ZIP after FFD9', '备案表.jpg', Buffer.concat([minimalJpeg(), zipBytes()])],
    ['a TIFF with a PHP page in it', '备案表.tif', Buffer.concat([minimalTiff(), Buffer.from('<?php system($_GET[1]); ?>')])],
  ])('refuses %s', (_, fileName, content) => {
    expect(refusal(fileName, content)).toBe(msg.scan.foreignContent);
  });

  it.each([
    ['a PDF without startxref', '备案表.pdf', Buffer.from('%PDF-1.4\n% 备案表扫描件\n%%EOF\n'), 'PDF'],
    ['a PDF whose startxref points nowhere', '备案表.pdf', Buffer.from(pdf.toString('latin1').replace(/startxref\n\d+/, 'startxref\n99999'), 'latin1'), 'PDF'],
    ['a PDF cut short', '备案表.pdf', pdf.subarray(0, pdf.length - 20), 'PDF'],
    ['a PDF with other bytes after %%EOF', '备案表.pdf', Buffer.concat([pdf, Buffer.from('MZ\x90\0')]), 'PDF'],
    ['a PNG without IHDR first', '备案表.png', Buffer.concat([png.subarray(0, 8), pngChunk('tEXt', Buffer.from('a\0b')), png.subarray(8)]), 'PNG'],
    ['a PNG cut short', '备案表.png', png.subarray(0, png.length - 12), 'PNG'],
    ['a PNG with bytes after IEND', '备案表.png', Buffer.concat([png, Buffer.from('MZ')]), 'PNG'],
    ['a JPEG without FFD9', '备案表.jpg', minimalJpeg().subarray(0, -2), 'JPG'],
    ['a TIFF whose first IFD lies outside it', '备案表.tif', minimalTiff(4000), 'TIF'],
  ])('refuses %s as incomplete', (_, fileName, content, kind) => {
    expect(refusal(fileName, content)).toBe(msg.scan.incomplete(kind));
  });
});
