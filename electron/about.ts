/** 帮助 → 关于 and `netledger --version` from the packaged app: what support asks for first. */
import fs from 'node:fs';
import path from 'node:path';
import type { MessageBoxOptions } from 'electron';
import { msg } from '../src/i18n/messages.js';

export interface ReleaseFacts {
  version: string;
  schemaVersion: number;
  sqliteVersion: string;
}

/**
 * The packaging time, stamped into the packaged package.json by electron-builder.config.ts (extraMetadata);
 * null when main runs from source, where there is no package to date.
 */
export function buildDate(appPath: string): string | null {
  try {
    const value = (JSON.parse(fs.readFileSync(path.join(appPath, 'package.json'), 'utf8')) as { buildDate?: unknown }).buildDate;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function aboutText(facts: ReleaseFacts, appPath: string, electronVersion = process.versions.electron): string {
  return msg.about.text({ ...facts, buildDate: buildDate(appPath), electronVersion });
}

export function aboutDialog(text: string): MessageBoxOptions {
  return { type: 'info', title: msg.about.title, message: text, buttons: ['确定'], noLink: true };
}
