/** What a file from outside may be: checked before and while it is parsed, so a hostile one is refused, not obeyed. */
export const LIMITS = {
  /** 20 MB: a template with 100,000 members is about 6 MB; the browser host takes 30 MB bodies (base64). */
  fileBytes: 20 * 1024 * 1024,
  zipEntries: 2000,
  /** Unpacked size of all parts together (100,000 rows of a wide sheet unpack to about 60 MB). */
  uncompressedBytes: 400 * 1024 * 1024,
  /** Data rows of one sheet, and its columns. */
  rows: 200_000,
  columns: 200,
  /** The header is searched for in this many rows from the top (title rows and merged headers come first). */
  headerSearchRows: 20,
  /** The parse worker's heap, and how long it may run before it is stopped. */
  workerHeapMb: 320,
  workerSeconds: 600,
} as const;

/**
 * The parse worker's V8 limits. The old generation (what a hostile file's retained data fills) is capped at
 * workerHeapMb. Capping it also makes V8 grow the heap by a small factor after each full collection (about 1.6×
 * at 320 MB, 4× on a thread without a cap), so with the default 48 MB young generation a 100,000-row import
 * promoted its short-lived row objects and ran a full mark-compact about every second: 4 s more CPU than the same
 * import on an uncapped thread. A young generation of 96 MB lets them die young; the old generation's cap is
 * unchanged, the heap's bound grows by those 48 MB.
 */
export const WORKER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: LIMITS.workerHeapMb, maxYoungGenerationSizeMb: 96 } as const;

/** A file refused for what it is (not a bug): its message is for the person, as is. */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefused';
  }
}
