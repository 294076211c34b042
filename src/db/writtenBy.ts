/**
 * Which release last migrated the register, noted in it, so an older release that refuses the file can name the
 * release that wrote it. Written only when migrations ran, so opening a register never changes it otherwise.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

/** The settings key holding `{ version, schema }`. */
const WRITTEN_BY_KEY = 'software';

export function recordWrittenBy(db: Database.Database, version: string, schema: number): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    WRITTEN_BY_KEY,
    JSON.stringify({ version, schema }),
  );
}

/** The noted release, or null for a register from before it was noted (or whose note cannot be read). */
export function writtenBy(db: Database.Database): string | null {
  try {
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(WRITTEN_BY_KEY) as { value: string } | undefined;
    const version = row ? (JSON.parse(row.value) as { version?: unknown }).version : undefined;
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}
