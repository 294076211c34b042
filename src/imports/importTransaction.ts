/**
 * The import's one transaction, written as the rows are read: memory stays flat (nothing is held for a second pass)
 * and the register sees all of it or none. It opens at the first row that writes; in all-or-nothing mode the first
 * refused row rolls it back at once (freeing the register for the window) and the rest is only checked, for the list.
 * A cancel, a failure or a worker that is stopped leaves it uncommitted, which SQLite discards.
 */
import { ChangeLog } from '../db/auditChain.js';
import type { DeferredDerivations } from '../db/memberBulk.js';
import type { ServiceContext } from '../services/context.js';
import type { CheckedRow } from './memberImport.js';

export class ImportTransaction {
  private open = false;
  private writing: boolean;
  private deferred: DeferredDerivations | null = null;
  /** The rows' changes, kept with the import's entry (opened with the transaction: it reserves that entry's id). */
  private changes: ChangeLog | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    run: boolean,
    private readonly allOrNothing: boolean,
    /** Work the rows' triggers would do, set aside when the transaction opens and done once before it commits. */
    private readonly defer: (ctx: ServiceContext) => DeferredDerivations | null = () => null,
  ) {
    this.writing = run;
  }

  row(checked: CheckedRow): void {
    if (!this.writing) return;
    if (checked.action === 'refused' && this.allOrNothing) {
      this.rollback();
      this.writing = false;
      return;
    }
    if (!checked.apply) return;
    if (!this.open) {
      // IMMEDIATE: take the write lock now, so a write elsewhere waits instead of failing half-way through the import.
      this.ctx.db.exec('BEGIN IMMEDIATE');
      this.open = true;
      this.deferred = this.defer(this.ctx);
      this.changes = new ChangeLog(this.ctx.db);
    }
    checked.apply(this.changes!);
  }

  /** Commits with the import's own records written last; false when nothing was (or may be) written. */
  commit(last: (changes: ChangeLog) => void): boolean {
    if (!this.open) return false;
    this.deferred?.finish();
    last(this.changes!);
    this.ctx.db.exec('COMMIT');
    this.open = false;
    return true;
  }

  rollback(): void {
    if (!this.open) return;
    this.ctx.db.exec('ROLLBACK');
    this.open = false;
  }
}
