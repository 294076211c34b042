/** The one error shape every host shows: a code for programs, a Chinese message for people. */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNKNOWN_CALL'
  | 'UNAUTHORIZED'
  /** No one is signed in (or the console locked): the window shows the sign-in page. */
  | 'SIGNED_OUT'
  /** Signed in, but the operator's role may not make this call. */
  | 'FORBIDDEN'
  | 'SCHEMA_TOO_NEW'
  | 'FOREIGN_DATABASE'
  | 'MIGRATION_FAILED'
  | 'INTERNAL';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** What every call answers, whichever host carried it. */
export type RpcResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export class LedgerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'LedgerError';
  }

  /** Field-level messages of a validation failure (form field → message), empty otherwise. */
  get fields(): Record<string, string> {
    return (this.details as { fields?: Record<string, string> } | undefined)?.fields ?? {};
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** A field-level validation failure: details.fields maps the form field to its message. */
export function fieldError(field: string, message: string): LedgerError {
  return new LedgerError('VALIDATION', message, { fields: { [field]: message } });
}
